import type { EntityType, LanguageCode } from '../types.js';
import { ATTRIBUTES, compileTemplates, type Template } from './features.js';

/** Tags of one type's chain (BILOU): outside, begin, inside, last, unit (a one-word name). */
export const O = 0;
export const B = 1;
export const I = 2;
export const L = 3;
export const U = 4;
const TAGS = 5;
/** Transition rows: from the start, then from each tag. */
const ROWS = TAGS + 1;

/** Whether `tag` may follow `prev` (−1: the sentence start): I and L continue a B or I, which nothing else may follow. */
function allowed(prev: number, tag: number): boolean {
  const open = prev === B || prev === I;
  return open === (tag === I || tag === L);
}

/**
 * The JSON shape of a shipped perceptron (`data/ner/<lang>.json`): one linear-chain BILOU tagger per
 * entity type over shared features, so an organization may contain a location (мэрия Москвы).
 * Weights are integers; divide by `scale`.
 */
export interface PerceptronData {
  format: 'topictag-ner-perceptron';
  /** Tag encoding of each chain. */
  encoding: 'BILOU';
  /** Weights version (bump when retrained). */
  version: string;
  lang: LanguageCode;
  types: EntityType[];
  /** Feature templates (see `features.ts`). */
  templates: string[];
  scale: number;
  /** Per type, `ROWS × TAGS` transition weights (rows: start, O, B, I, L, U). */
  transitions: number[][];
  /** Feature → `types.length × TAGS` weights (type-major). */
  features: Record<string, number[]>;
  /** How it was made: script, data, epochs, sizes. */
  training?: Record<string, unknown>;
}

/** `ALLOWED[(prev + 1) * TAGS + tag]`, prev −1 being the start. */
const ALLOWED = Uint8Array.from({ length: ROWS * TAGS }, (_, j) => (allowed(Math.floor(j / TAGS) - 1, j % TAGS) ? 1 : 0));

/**
 * Viterbi over one type's chain: the score of tag `t` at token `i` is `emissions[i * stride + offset + t]`;
 * `trans` is `ROWS × TAGS`. Paths are well-formed BILOU: I and L only after B or I, nothing left open at the end.
 */
export function viterbi(n: number, emissions: ArrayLike<number>, stride: number, offset: number, trans: ArrayLike<number>): Uint8Array {
  const path = new Uint8Array(n);
  if (!n) return path;
  const score = new Float64Array(n * TAGS);
  const back = new Uint8Array(n * TAGS);
  for (let t = 0; t < TAGS; t++) score[t] = ALLOWED[t] ? trans[t]! + emissions[offset + t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * stride + offset;
    for (let t = 0; t < TAGS; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < TAGS; p++) {
        const j = (p + 1) * TAGS + t;
        if (!ALLOWED[j]) continue;
        const s = score[(i - 1) * TAGS + p]! + trans[j]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * TAGS + t] = best + emissions[row + t]!;
      back[i * TAGS + t] = arg;
    }
  }
  let last = O;
  for (const t of [L, U]) if (score[(n - 1) * TAGS + t]! > score[(n - 1) * TAGS + last]!) last = t;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * TAGS + path[i]!]!;
  return path;
}

/** Token ranges `[start, end)` of the names (B I* L and U) of a tag path. */
export function runs(path: ArrayLike<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === U) out.push([i, i + 1]);
    if (path[i] !== B) continue;
    let j = i + 1;
    while (j < path.length && path[j] === I) j++;
    out.push([i, Math.min(j + 1, path.length)]);
    i = j;
  }
  return out;
}

/**
 * How `decodeSentence` looks up one template without building strings: the template's parts as
 * attribute value ids, combined into one number (mixed radix); a one-part template reads a table.
 * Templates whose values cannot be split unambiguously at `|` use the strings (`byValue`).
 */
interface Plan {
  parts: Array<[number, number]>;
  /** Feature index of a template without parts (bias). */
  constant: number;
  /** One part: value id → feature index (−1 none). */
  table: Int32Array | null;
  /** Several parts: Σ id·radix → feature index. */
  combined: Map<number, number> | null;
  radix: number[];
  byValue: Map<string, number> | null;
}

/** A loaded perceptron: decodes sentences given their feature strings. */
export class Perceptron {
  readonly data: PerceptronData;
  readonly types: readonly EntityType[];
  private readonly index = new Map<string, number>();
  /** The same features by template name, then by value (`w[0]=токаев` → byTemplate.get('w[0]').get('токаев')). */
  private readonly byTemplate = new Map<string, Map<string, number>>();
  /**
   * The weights, sparse (most features weigh on a few tags only): feature f's nonzero weights are
   * `entries[offsets[f] … offsets[f + 1])`, each `slot << 16 | weight` (slot = type × TAGS + tag, weight
   * a 16-bit integer in units of 1/scale). Scores stay in those units: the best path does not change.
   */
  private readonly offsets: Int32Array;
  private readonly entries: Int32Array;
  private readonly transitions: Float32Array[];
  /** Per attribute, the ids of the values the features use. */
  private readonly vocab: Array<Map<string, number>> = ATTRIBUTES.map(() => new Map());
  private readonly plans = new Map<string, Plan>();
  /** Per attribute, the ids of `<s>` and `</s>` (−1 when no feature uses them). */
  private readonly edges: Int32Array[] = [];

  constructor(data: PerceptronData) {
    if (data.format !== 'topictag-ner-perceptron') throw new Error(`not a topictag NER perceptron (format ${String(data.format)})`);
    if (data.encoding !== 'BILOU') throw new Error(`NER perceptron ${data.lang} ${data.version}: tag encoding ${String(data.encoding ?? 'BIO')} is not supported (BILOU); retrain it with scripts/train-ner.mjs`);
    this.data = data;
    this.types = data.types;
    const k = data.types.length * TAGS;
    const names = Object.keys(data.features);
    this.offsets = new Int32Array(names.length + 1);
    const entries: number[] = [];
    names.forEach((name, f) => {
      this.index.set(name, f);
      const eq = name.indexOf('=');
      const template = eq < 0 ? name : name.slice(0, eq);
      let values = this.byTemplate.get(template);
      if (!values) this.byTemplate.set(template, (values = new Map()));
      values.set(eq < 0 ? '' : name.slice(eq + 1), f);
      const w = data.features[name]!;
      for (let j = 0; j < k; j++) {
        const v = Math.round(w[j] ?? 0);
        if (!v) continue;
        if (v < -32768 || v > 32767) throw new Error(`NER perceptron ${data.lang} ${data.version}: weight ${v} of ${name} out of the 16-bit range`);
        entries.push((j << 16) | (v & 0xffff));
      }
      this.offsets[f + 1] = entries.length;
    });
    this.entries = Int32Array.from(entries);
    this.transitions = data.transitions.map((t) => Float32Array.from(t));
    this.plan(data.templates);
  }

  private plan(names: readonly string[]): void {
    const templates = compileTemplates(names);
    const split = new Map<string, Array<[string[], number]>>();
    for (const t of templates) {
      const values = this.byTemplate.get(t.name);
      if (!values) continue;
      const plan: Plan = { parts: t.parts, constant: -1, table: null, combined: null, radix: [], byValue: null };
      this.plans.set(t.name, plan);
      if (!t.parts.length) {
        plan.constant = values.get('') ?? -1;
        continue;
      }
      const rows: Array<[string[], number]> = [];
      for (const [value, f] of values) {
        const pieces = t.parts.length === 1 ? [value] : value.split('|');
        if (pieces.length !== t.parts.length) {
          plan.byValue = values;
          break;
        }
        rows.push([pieces, f]);
      }
      if (plan.byValue) continue;
      rows.forEach(([pieces]) => pieces.forEach((v, p) => {
        const vocab = this.vocab[t.parts[p]![0]]!;
        if (!vocab.has(v)) vocab.set(v, vocab.size);
      }));
      split.set(t.name, rows);
    }
    this.edges.push(Int32Array.from(this.vocab, (v) => v.get('<s>') ?? -1), Int32Array.from(this.vocab, (v) => v.get('</s>') ?? -1));
    for (const [name, rows] of split) {
      const plan = this.plans.get(name)!;
      const sizes = plan.parts.map(([attr]) => this.vocab[attr]!.size);
      let m = 1;
      for (let p = sizes.length - 1; p >= 0; p--) {
        plan.radix[p] = m;
        m *= sizes[p]!;
      }
      if (m > Number.MAX_SAFE_INTEGER) {
        plan.byValue = this.byTemplate.get(name)!;
        continue;
      }
      if (plan.parts.length === 1) {
        plan.table = new Int32Array(sizes[0]!).fill(-1);
        for (const [pieces, f] of rows) plan.table[this.vocab[plan.parts[0]![0]]!.get(pieces[0]!)!] = f;
      } else {
        const pairs = rows.map(([pieces, f]): [number, number] => {
          let key = 0;
          pieces.forEach((v, p) => (key += this.vocab[plan.parts[p]![0]]!.get(v)! * plan.radix[p]!));
          return [key, f];
        });
        plan.combined = new Map(pairs);
      }
    }
  }

  get size(): number {
    return this.index.size;
  }

  /** Per type, the best tag path of a sentence given its feature strings (as in training). */
  decode(features: readonly string[][]): Uint8Array[] {
    const k = this.types.length * TAGS;
    const emissions = new Float32Array(features.length * k);
    features.forEach((feats, i) => {
      for (const f of feats) {
        const at = this.index.get(f);
        if (at !== undefined) this.addWeights(emissions, i * k, at);
      }
    });
    return this.paths(features.length, emissions);
  }

  /**
   * Per type, the best tag path of the sentence `[from, to)` of a document's token attributes: the
   * same as `decode(sentenceFeatures(…))`, without building a string per feature.
   */
  decodeSentence(attrs: readonly string[][], from: number, to: number, templates: readonly Template[]): Uint8Array[] {
    const k = this.types.length * TAGS;
    const n = to - from;
    const emissions = new Float32Array(n * k);
    // value ids of the sentence's tokens per attribute (−1: a value no feature uses), with `pad` cells of
    // <s> / </s> ids on either side, so that offsets need no bounds checks
    const pad = templates.reduce((m, t) => t.parts.reduce((x, [, off]) => Math.max(x, Math.abs(off)), m), 0);
    const width = n + 2 * pad;
    const ids = new Int32Array(ATTRIBUTES.length * width);
    for (let a = 0; a < ATTRIBUTES.length; a++) {
      const vocab = this.vocab[a]!;
      if (!vocab.size) continue;
      const row = a * width;
      ids.fill(this.edges[0]![a]!, row, row + pad);
      for (let i = 0; i < n; i++) ids[row + pad + i] = vocab.get(attrs[from + i]![a]!) ?? -1;
      ids.fill(this.edges[1]![a]!, row + pad + n, row + width);
    }
    const valueAt = (j: number, attr: number): string => (j < from ? '<s>' : j >= to ? '</s>' : attrs[j]![attr]!);
    for (const template of templates) {
      // a template without a plan has no features in this model
      const plan = this.plans.get(template.name);
      if (!plan) continue;
      const { parts, table, combined, radix, byValue } = plan;
      // where part p of token i reads its id: ids[base[p] + i]
      const base = parts.map(([attr, off]) => attr * width + pad + off);
      for (let i = 0; i < n; i++) {
        let at = -1;
        if (plan.constant >= 0) at = plan.constant;
        else if (table) {
          const id = ids[base[0]! + i]!;
          if (id >= 0) at = table[id]!;
        } else if (combined) {
          let key = 0;
          for (let p = 0; p < base.length; p++) {
            const id = ids[base[p]! + i]!;
            if (id < 0) {
              key = -1;
              break;
            }
            key += id * radix[p]!;
          }
          if (key >= 0) at = combined.get(key) ?? -1;
        } else if (byValue) {
          let value = valueAt(from + i + parts[0]![1], parts[0]![0]);
          for (let p = 1; p < parts.length; p++) value = `${value}|${valueAt(from + i + parts[p]![1], parts[p]![0])}`;
          at = byValue.get(value) ?? -1;
        }
        if (at >= 0) this.addWeights(emissions, i * k, at);
      }
    }
    return this.paths(n, emissions);
  }

  private addWeights(emissions: Float32Array, row: number, feature: number): void {
    const { entries } = this;
    for (let e = this.offsets[feature]!, end = this.offsets[feature + 1]!; e < end; e++) {
      const x = entries[e]!;
      emissions[row + (x >>> 16)]! += (x << 16) >> 16;
    }
  }

  private paths(n: number, emissions: Float32Array): Uint8Array[] {
    const k = this.types.length * TAGS;
    return this.types.map((_, type) => viterbi(n, emissions, k, type * TAGS, this.transitions[type]!));
  }
}

export { TAGS, ROWS };
