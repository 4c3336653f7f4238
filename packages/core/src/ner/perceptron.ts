import type { EntityType, LanguageCode } from '../types.js';
import { ATTRIBUTES, compileTemplates, WORD_ATTRIBUTES } from './features.js';

/** Attributes not determined by the word alone, looked up per token. */
const OTHER_ATTRIBUTES = ATTRIBUTES.map((_, a) => a).filter((a) => !WORD_ATTRIBUTES.includes(a));
const SHAPE = ATTRIBUTES.indexOf('shape');
const CAPS = ATTRIBUTES.indexOf('caps');

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
 * Every lookup yields a feature's offset into `Perceptron.weights` (−1: no such feature).
 */
interface Plan {
  parts: Array<[number, number]>;
  /** Offset of a template without parts (bias). */
  constant: number;
  /** One part: value id → offset. */
  table: Int32Array | null;
  /** Several parts: Σ id·radix → offset. */
  combined: IntTable | null;
  radix: number[];
  byValue: Map<string, number> | null;
}

/**
 * An open-addressing map from integer keys (0 ≤ key < 2^53) to offsets, each key beside its value so
 * that a lookup touches one cache line; no boxing of keys beyond 2^31 as a `Map` would.
 */
class IntTable {
  private readonly cells: Float64Array;
  private readonly mask: number;

  constructor(pairs: ReadonlyArray<readonly [number, number]>) {
    let capacity = 8;
    while (capacity < pairs.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.cells = new Float64Array(capacity * 2).fill(-1);
    for (const [key, value] of pairs) {
      let h = IntTable.hash(key) & this.mask;
      while (this.cells[2 * h] !== -1) h = (h + 1) & this.mask;
      this.cells[2 * h] = key;
      this.cells[2 * h + 1] = value;
    }
  }

  private static hash(key: number): number {
    const h = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1);
    return h ^ (h >>> 16);
  }

  /** The value of `key`, or −1. */
  get(key: number): number {
    const { cells, mask } = this;
    for (let h = IntTable.hash(key) & mask; ; h = (h + 1) & mask) {
      const k = cells[2 * h]!;
      if (k === key) return cells[2 * h + 1]!;
      if (k === -1) return -1;
    }
  }
}

/**
 * Templates whose parts all read one position (`offset` from the token): a word group when they read
 * only the word's own attributes (`WORD_ATTRIBUTES`: their sums are cached per written word), else a
 * class group (quotes, gazetteer tags, position … maybe with small word attributes such as `caps`:
 * cached per combination of value ids, `key`). Most features of a token come from such templates; each
 * group then costs one cached vector instead of a lookup per template.
 */
interface Group {
  offset: number;
  plans: Plan[];
}

/** A class group: its cache is keyed by the ids of `attrs` (+ 1, so −1 counts) in mixed radix. */
interface ClassGroup extends Group {
  attrs: number[];
  radix: number[];
  cache: Map<number, Int32Array>;
}

/** What `decodeSentence` keeps of a written word: its `WORD_ATTRIBUTES` ids and its word groups' sums. */
interface WordEntry {
  shape: string;
  caps: string;
  ids: Int32Array;
  sums: Int32Array;
}

/** Bound of the per-word and per-group caches (cleared when full). */
const CACHE_SIZE = 20_000;

/** A loaded perceptron: decodes sentences given their feature strings. */
export class Perceptron {
  readonly data: PerceptronData;
  readonly types: readonly EntityType[];
  /** Feature name → offset into `weights`. */
  private readonly index = new Map<string, number>();
  /** The same features by template name, then by value (`w[0]=токаев` → byTemplate.get('w[0]').get('токаев')). */
  private readonly byTemplate = new Map<string, Map<string, number>>();
  /**
   * The weights, sparse (most features weigh on a few tags only) and inline: at a feature's offset, the
   * count n of its nonzero weights, then n entries `slot << 16 | weight` (slot = type × TAGS + tag, weight
   * a 16-bit integer in units of 1/scale). Scores stay in those units: the best path does not change.
   */
  private readonly weights: Int32Array;
  private readonly transitions: Float32Array[];
  /** Per attribute, the ids of the values the features use. */
  private readonly vocab: Array<Map<string, number>> = ATTRIBUTES.map(() => new Map());
  private readonly plans = new Map<string, Plan>();
  /** Per attribute, the ids of `<s>` and `</s>` (−1 when no feature uses them). */
  private readonly edges: Int32Array[] = [];
  /** Word groups (the bias joins offset 0) and class groups; see `Group`. */
  private readonly wordGroups: Group[] = [];
  private readonly classGroups: ClassGroup[] = [];
  /** The other templates, looked up per token. */
  private readonly contextPlans: Plan[] = [];
  /** The largest offset a class group or context template reads. */
  private pad = 0;
  /** The word groups' sums beyond the sentence (<s> before it, </s> after it). */
  private readonly edgeSums: Int32Array[] = [];
  private readonly words = new Map<string, WordEntry[]>();

  constructor(data: PerceptronData) {
    if (data.format !== 'topictag-ner-perceptron') throw new Error(`not a topictag NER perceptron (format ${String(data.format)})`);
    if (data.encoding !== 'BILOU') throw new Error(`NER perceptron ${data.lang} ${data.version}: tag encoding ${String(data.encoding ?? 'BIO')} is not supported (BILOU); retrain it with scripts/train-ner.mjs`);
    this.data = data;
    this.types = data.types;
    const weights: number[] = [];
    for (const [name, w] of Object.entries(data.features)) {
      const eq = name.indexOf('=');
      const template = eq < 0 ? name : name.slice(0, eq);
      let values = this.byTemplate.get(template);
      if (!values) this.byTemplate.set(template, (values = new Map()));
      values.set(eq < 0 ? '' : name.slice(eq + 1), this.addFeature(name, w, weights));
    }
    this.weights = Int32Array.from(weights);
    this.transitions = data.transitions.map((t) => Float32Array.from(t));
    this.plan(data.templates);
  }

  /** Appends a feature's nonzero weights to `weights` (see `Perceptron.weights`); returns its offset. */
  private addFeature(name: string, w: readonly number[], weights: number[]): number {
    const { data } = this;
    const k = data.types.length * TAGS;
    const at = weights.length;
    this.index.set(name, at);
    weights.push(0);
    for (let j = 0; j < k; j++) {
      const v = Math.round(w[j] ?? 0);
      if (!v) continue;
      if (v < -32768 || v > 32767) throw new Error(`NER perceptron ${data.lang} ${data.version}: weight ${v} of ${name} out of the 16-bit range`);
      weights.push((j << 16) | (v & 0xffff));
    }
    weights[at] = weights.length - at - 1;
    return at;
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
      for (const [value, at] of values) {
        const pieces = t.parts.length === 1 ? [value] : value.split('|');
        if (pieces.length !== t.parts.length) {
          plan.byValue = values;
          break;
        }
        rows.push([pieces, at]);
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
        for (const [pieces, at] of rows) plan.table[this.vocab[plan.parts[0]![0]]!.get(pieces[0]!)!] = at;
      } else {
        plan.combined = new IntTable(rows.map(([pieces, at]): [number, number] => {
          let key = 0;
          pieces.forEach((v, p) => (key += this.vocab[plan.parts[p]![0]]!.get(v)! * plan.radix[p]!));
          return [key, at];
        }));
      }
    }
    // templates reading one position: grouped by offset and kind (see `Group`); the rest are context templates
    const groups = new Map<string, Group | ClassGroup>();
    for (const t of templates) {
      const plan = this.plans.get(t.name);
      if (!plan) continue;
      const offset = plan.parts[0]?.[1] ?? 0;
      const word = plan.parts.every(([attr]) => WORD_ATTRIBUTES.includes(attr));
      if (plan.byValue || !plan.parts.every(([, off]) => off === offset)) {
        this.contextPlans.push(plan);
        continue;
      }
      const id = `${word ? 'w' : 'c'}${offset}`;
      let group = groups.get(id);
      if (!group) {
        if (word) this.wordGroups.push((group = { offset, plans: [] }));
        else this.classGroups.push((group = { offset, plans: [], attrs: [], radix: [], cache: new Map() }));
        groups.set(id, group);
      }
      group.plans.push(plan);
      if ('attrs' in group) for (const [attr] of plan.parts) if (!group.attrs.includes(attr)) group.attrs.push(attr);
    }
    for (const group of [...this.classGroups]) {
      let m = 1;
      for (const attr of group.attrs) {
        group.radix.push(m);
        m *= this.vocab[attr]!.size + 1;
      }
      if (m > Number.MAX_SAFE_INTEGER) {
        // a key beyond a double's integers: its templates are looked up per token instead
        this.classGroups.splice(this.classGroups.indexOf(group), 1);
        this.contextPlans.push(...group.plans);
      }
    }
    for (const group of this.classGroups) this.pad = Math.max(this.pad, Math.abs(group.offset));
    for (const plan of this.contextPlans) for (const [, off] of plan.parts) this.pad = Math.max(this.pad, Math.abs(off));
    this.edgeSums.push(...this.edges.map((ids) => this.groupSums(this.wordGroups, ids)));
  }

  get size(): number {
    return this.index.size;
  }

  /** Per type, the best tag path of a sentence given its feature strings (as in training). */
  decode(features: readonly string[][]): Uint8Array[] {
    const k = this.types.length * TAGS;
    const emissions = new Int32Array(features.length * k);
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
   * same as `decode(sentenceFeatures(…))` over the model's templates, without building a string per feature.
   */
  decodeSentence(attrs: readonly string[][], from: number, to: number): Uint8Array[] {
    const k = this.types.length * TAGS;
    const n = to - from;
    const emissions = new Int32Array(n * k);
    const add = (row: number, sums: Int32Array, at: number): void => {
      for (let x = 0; x < k; x++) emissions[row + x]! += sums[at + x]!;
    };
    // word groups: each word's cached sums (<s> / </s> beyond the sentence)
    const words = new Array<WordEntry>(n);
    for (let i = 0; i < n; i++) words[i] = this.wordEntry(attrs[from + i]!);
    this.wordGroups.forEach(({ offset }, g) => {
      for (let i = 0; i < n; i++) {
        const j = i + offset;
        add(i * k, j < 0 ? this.edgeSums[0]! : j >= n ? this.edgeSums[1]! : words[j]!.sums, g * k);
      }
    });
    // value ids of the sentence's tokens per attribute (−1: a value no feature uses), with `pad` cells of
    // <s> / </s> ids on either side, so that offsets need no bounds checks
    const { pad } = this;
    const width = n + 2 * pad;
    const ids = new Int32Array(ATTRIBUTES.length * width);
    for (let a = 0; a < ATTRIBUTES.length; a++) {
      const row = a * width;
      ids.fill(this.edges[0]![a]!, row, row + pad);
      ids.fill(this.edges[1]![a]!, row + pad + n, row + width);
    }
    for (let i = 0; i < n; i++) {
      const values = attrs[from + i]!;
      const word = words[i]!.ids;
      for (let w = 0; w < WORD_ATTRIBUTES.length; w++) ids[WORD_ATTRIBUTES[w]! * width + pad + i] = word[w]!;
      for (const a of OTHER_ATTRIBUTES) ids[a * width + pad + i] = this.vocab[a]!.get(values[a]!) ?? -1;
    }
    // class groups: cached sums per combination of value ids
    for (const group of this.classGroups) {
      for (let i = 0; i < n; i++) {
        const column = pad + i + group.offset;
        let key = 0;
        for (let p = 0; p < group.attrs.length; p++) key += (ids[group.attrs[p]! * width + column]! + 1) * group.radix[p]!;
        let sums = group.cache.get(key);
        if (!sums) {
          const own = new Int32Array(ATTRIBUTES.length).fill(-1);
          for (const a of group.attrs) own[a] = ids[a * width + column]!;
          sums = this.groupSums([group], own);
          if (group.cache.size >= CACHE_SIZE) group.cache.clear();
          group.cache.set(key, sums);
        }
        add(i * k, sums, 0);
      }
    }
    // the other templates, one lookup per token
    const valueAt = (j: number, attr: number): string => (j < from ? '<s>' : j >= to ? '</s>' : attrs[j]![attr]!);
    for (const plan of this.contextPlans) {
      // where part p of token i reads its id: ids[base[p] + i]
      const base = plan.parts.map(([attr, off]) => attr * width + pad + off);
      for (let i = 0; i < n; i++) {
        let at: number;
        if (plan.byValue) {
          let value = valueAt(from + i + plan.parts[0]![1], plan.parts[0]![0]);
          for (let p = 1; p < plan.parts.length; p++) value = `${value}|${valueAt(from + i + plan.parts[p]![1], plan.parts[p]![0])}`;
          at = plan.byValue.get(value) ?? -1;
        } else at = this.lookup(plan, ids, base, i);
        if (at >= 0) this.addWeights(emissions, i * k, at);
      }
    }
    return this.paths(n, emissions);
  }

  /** The offset of the feature of `plan` (not `byValue`) whose part p has the id `ids[base[p] + i]`, or −1. */
  private lookup(plan: Plan, ids: Int32Array, base: readonly number[], i: number): number {
    if (plan.constant >= 0) return plan.constant;
    if (plan.table) {
      const id = ids[base[0]! + i]!;
      return id >= 0 ? plan.table[id]! : -1;
    }
    if (!plan.combined) return -1;
    let key = 0;
    for (let p = 0; p < base.length; p++) {
      const id = ids[base[p]! + i]!;
      if (id < 0) return -1;
      key += id * plan.radix[p]!;
    }
    return plan.combined.get(key);
  }

  /**
   * A word's ids of its `WORD_ATTRIBUTES` and its word groups' sums; cached per written word (its
   * normalized form `values[0]`, then its shape and capitalization).
   */
  private wordEntry(values: readonly string[]): WordEntry {
    const word = values[0]!;
    const shape = values[SHAPE]!;
    const caps = values[CAPS]!;
    let entries = this.words.get(word);
    if (entries) {
      for (const e of entries) if (e.shape === shape && e.caps === caps) return e;
    } else {
      if (this.words.size >= CACHE_SIZE) this.words.clear();
      this.words.set(word, (entries = []));
    }
    const ids = Int32Array.from(WORD_ATTRIBUTES, (a) => this.vocab[a]!.get(values[a]!) ?? -1);
    const own = new Int32Array(ATTRIBUTES.length).fill(-1);
    WORD_ATTRIBUTES.forEach((a, w) => (own[a] = ids[w]!));
    const entry = { shape, caps, ids, sums: this.groupSums(this.wordGroups, own) };
    entries.push(entry);
    return entry;
  }

  /** Per group, the summed weights of its templates at one position whose attribute ids are `own` (`[attribute]`). */
  private groupSums(groups: readonly Group[], own: Int32Array): Int32Array {
    const k = this.types.length * TAGS;
    const sums = new Int32Array(groups.length * k);
    groups.forEach(({ plans }, g) => {
      for (const plan of plans) {
        const at = this.lookup(plan, own, plan.parts.map(([attr]) => attr), 0);
        if (at >= 0) this.addWeights(sums, g * k, at);
      }
    });
    return sums;
  }

  private addWeights(emissions: Int32Array, row: number, at: number): void {
    const { weights } = this;
    for (let e = at + 1, end = e + weights[at]!; e < end; e++) {
      const x = weights[e]!;
      emissions[row + (x >>> 16)]! += (x << 16) >> 16;
    }
  }

  private paths(n: number, emissions: Int32Array): Uint8Array[] {
    const k = this.types.length * TAGS;
    return this.types.map((_, type) => viterbi(n, emissions, k, type * TAGS, this.transitions[type]!));
  }
}

export { TAGS, ROWS };
