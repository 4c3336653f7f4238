import type { EntityType, LanguageCode } from '../types.js';
import type { Template } from './features.js';

/** Tags of one type's chain: outside, begin, inside. */
export const O = 0;
export const B = 1;
export const I = 2;
const TAGS = 3;
/** Transition rows: from start, from O, from B, from I. */
const ROWS = 4;

/**
 * The JSON shape of a shipped perceptron (`data/ner/<lang>.json`): one linear-chain BIO tagger per
 * entity type over shared features, so an organization may contain a location (мэрия Москвы).
 * Weights are integers; divide by `scale`.
 */
export interface PerceptronData {
  format: 'topictag-ner-perceptron';
  /** Weights version (bump when retrained). */
  version: string;
  lang: LanguageCode;
  types: EntityType[];
  /** Feature templates (see `features.ts`). */
  templates: string[];
  scale: number;
  /** Per type, `ROWS × TAGS` transition weights (rows: start, O, B, I). */
  transitions: number[][];
  /** Feature → `types.length × TAGS` weights (type-major). */
  features: Record<string, number[]>;
  /** How it was made: script, data, epochs, sizes. */
  training?: Record<string, unknown>;
}

/** Viterbi over one type's chain. `emit(i, tag)` scores; `trans` is `ROWS × TAGS`. I never follows O or the start. */
export function viterbi(n: number, emit: (i: number, tag: number) => number, trans: ArrayLike<number>): Uint8Array {
  const path = new Uint8Array(n);
  if (!n) return path;
  const score = new Float64Array(n * TAGS);
  const back = new Uint8Array(n * TAGS);
  for (let t = 0; t < TAGS; t++) score[t] = t === I ? -Infinity : trans[t]! + emit(0, t);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < TAGS; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < TAGS; p++) {
        if (t === I && p === O) continue;
        const s = score[(i - 1) * TAGS + p]! + trans[(p + 1) * TAGS + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * TAGS + t] = best + emit(i, t);
      back[i * TAGS + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < TAGS; t++) if (score[(n - 1) * TAGS + t]! > score[(n - 1) * TAGS + last]!) last = t;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * TAGS + path[i]!]!;
  return path;
}

/** Token ranges `[start, end)` of the B(I)* runs of a tag path. */
export function runs(path: ArrayLike<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== B) continue;
    let j = i + 1;
    while (j < path.length && path[j] === I) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

/** A loaded perceptron: decodes sentences given their feature strings. */
export class Perceptron {
  readonly data: PerceptronData;
  readonly types: readonly EntityType[];
  private readonly index = new Map<string, number>();
  /** The same features by template name, then by value (`w[0]=токаев` → byTemplate.get('w[0]').get('токаев')). */
  private readonly byTemplate = new Map<string, Map<string, number>>();
  private readonly weights: Float32Array;
  private readonly transitions: Float32Array[];

  constructor(data: PerceptronData) {
    if (data.format !== 'topictag-ner-perceptron') throw new Error(`not a topictag NER perceptron (format ${String(data.format)})`);
    this.data = data;
    this.types = data.types;
    const k = data.types.length * TAGS;
    const names = Object.keys(data.features);
    this.weights = new Float32Array(names.length * k);
    names.forEach((name, f) => {
      this.index.set(name, f);
      const eq = name.indexOf('=');
      const template = eq < 0 ? name : name.slice(0, eq);
      let values = this.byTemplate.get(template);
      if (!values) this.byTemplate.set(template, (values = new Map()));
      values.set(eq < 0 ? '' : name.slice(eq + 1), f);
      const w = data.features[name]!;
      for (let j = 0; j < k; j++) this.weights[f * k + j] = (w[j] ?? 0) / data.scale;
    });
    this.transitions = data.transitions.map((t) => Float32Array.from(t, (v) => v / data.scale));
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
        if (at !== undefined) this.addWeights(emissions, i * k, at * k, k);
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
    const lookups = templates.map((t) => this.byTemplate.get(t.name));
    const emissions = new Float32Array((to - from) * k);
    const valueAt = (j: number, attr: number): string => (j < from ? '<s>' : j >= to ? '</s>' : attrs[j]![attr]!);
    for (let i = from; i < to; i++) {
      for (let ti = 0; ti < templates.length; ti++) {
        const values = lookups[ti];
        if (!values) continue;
        const parts = templates[ti]!.parts;
        let value = parts.length ? valueAt(i + parts[0]![1], parts[0]![0]) : '';
        for (let p = 1; p < parts.length; p++) value = `${value}|${valueAt(i + parts[p]![1], parts[p]![0])}`;
        const at = values.get(value);
        if (at !== undefined) this.addWeights(emissions, (i - from) * k, at * k, k);
      }
    }
    return this.paths(to - from, emissions);
  }

  private addWeights(emissions: Float32Array, row: number, base: number, k: number): void {
    for (let j = 0; j < k; j++) emissions[row + j]! += this.weights[base + j]!;
  }

  private paths(n: number, emissions: Float32Array): Uint8Array[] {
    const k = this.types.length * TAGS;
    return this.types.map((_, type) => viterbi(n, (i, tag) => emissions[i * k + type * TAGS + tag]!, this.transitions[type]!));
  }
}

export { TAGS, ROWS };
