import type { EntityType, LanguageCode } from '../types.js';
import { B, I, L, O, ROWS, TAGS, U, viterbi, type PerceptronData } from './perceptron.js';

/** One training sentence: the feature strings of its tokens and, per type, the gold tag path. */
export interface TrainingSentence {
  features: string[][];
  /** Per type (in the trainer's type order): gold tags (O, B, I, L, U) per token. */
  gold: Uint8Array[];
}

export interface TrainOptions {
  lang: LanguageCode;
  version: string;
  types: EntityType[];
  templates: string[];
  epochs: number;
  /** Shuffle seed (training is deterministic for a seed). */
  seed?: number;
  /** Features whose largest |weight| is below this are dropped from the shipped model. */
  prune?: number;
  /** Integer scale of the shipped weights. */
  scale?: number;
  /** Called after each epoch (e.g. to log). */
  onEpoch?: (epoch: number, mistakes: number) => void;
  training?: Record<string, unknown>;
}

/** A growable float array. */
class Grow {
  a = new Float64Array(1 << 16);
  ensure(n: number): void {
    if (n <= this.a.length) return;
    let m = this.a.length;
    while (m < n) m *= 2;
    const b = new Float64Array(m);
    b.set(this.a);
    this.a = b;
  }
}

/** Gold tag paths (per type) from mention token ranges. */
export function goldPaths(n: number, types: readonly EntityType[], mentions: ReadonlyArray<{ type: EntityType; tokenStart: number; tokenEnd: number }>): Uint8Array[] {
  return types.map((type) => {
    const path = new Uint8Array(n);
    for (const m of mentions) {
      if (m.type !== type || m.tokenEnd <= m.tokenStart) continue;
      if (path.subarray(m.tokenStart, m.tokenEnd).some((t) => t !== O)) continue; // nested same-type mention: keep the first (outer)
      if (m.tokenEnd - m.tokenStart === 1) {
        path[m.tokenStart] = U;
        continue;
      }
      path[m.tokenStart] = B;
      for (let i = m.tokenStart + 1; i < m.tokenEnd - 1; i++) path[i] = I;
      path[m.tokenEnd - 1] = L;
    }
    return path;
  });
}

/**
 * Trains an averaged structured perceptron (Collins 2002): per type, a first-order BILOU chain decoded by
 * Viterbi; on a wrong path, gold features +1, predicted −1. Returns the shipped data (averaged, pruned, integer).
 */
export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainOptions): PerceptronData {
  const { types, epochs } = options;
  const k = types.length * TAGS;
  const index = new Map<string, number>();
  const w = new Grow();
  const acc = new Grow(); // Σ c·Δ for averaging
  const tw = new Float64Array(types.length * ROWS * TAGS);
  const ta = new Float64Array(types.length * ROWS * TAGS);
  const ids = sentences.map((s) =>
    s.features.map((fs) =>
      Int32Array.from(fs, (f) => {
        let id = index.get(f);
        if (id === undefined) index.set(f, (id = index.size));
        return id;
      }),
    ),
  );
  w.ensure(index.size * k);
  acc.ensure(index.size * k);
  let c = 1;
  let rnd = options.seed ?? 1;
  const random = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const order = sentences.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const si of order) {
      const sent = ids[si]!;
      const n = sent.length;
      for (let type = 0; type < types.length; type++) {
        const gold = sentences[si]!.gold[type]!;
        const off = type * TAGS;
        const emissions = new Float64Array(n * TAGS);
        for (let i = 0; i < n; i++) {
          for (const f of sent[i]!) for (let tag = 0; tag < TAGS; tag++) emissions[i * TAGS + tag]! += w.a[f * k + off + tag]!;
        }
        const trans = tw.subarray(type * ROWS * TAGS, (type + 1) * ROWS * TAGS);
        const pred = viterbi(n, emissions, TAGS, 0, trans);
        let wrong = false;
        for (let i = 0; i < n; i++) {
          const g = gold[i]!;
          const p = pred[i]!;
          const gPrev = i ? gold[i - 1]! + 1 : 0;
          const pPrev = i ? pred[i - 1]! + 1 : 0;
          if (g === p && gPrev === pPrev) continue;
          wrong = true;
          for (const f of sent[i]!) {
            for (const [tag, d] of [[g, 1], [p, -1]] as const) {
              const at = f * k + off + tag;
              w.a[at] = w.a[at]! + d;
              acc.a[at] = acc.a[at]! + c * d;
            }
          }
          for (const [row, tag, d] of [[gPrev, g, 1], [pPrev, p, -1]] as const) {
            const at = type * ROWS * TAGS + row * TAGS + tag;
            tw[at] = tw[at]! + d;
            ta[at] = ta[at]! + c * d;
          }
        }
        if (wrong) mistakes++;
      }
      c++;
    }
    options.onEpoch?.(epoch, mistakes);
  }
  const scale = options.scale ?? 100;
  const prune = options.prune ?? 0.05;
  const features: Record<string, number[]> = {};
  for (const [name, f] of index) {
    const row: number[] = [];
    let max = 0;
    for (let j = 0; j < k; j++) {
      const avg = w.a[f * k + j]! - acc.a[f * k + j]! / c;
      max = Math.max(max, Math.abs(avg));
      row.push(Math.round(avg * scale));
    }
    if (max >= prune && row.some((v) => v !== 0)) features[name] = row;
  }
  const transitions = types.map((_, type) =>
    Array.from({ length: ROWS * TAGS }, (_, j) => Math.round((tw[type * ROWS * TAGS + j]! - ta[type * ROWS * TAGS + j]! / c) * scale)),
  );
  return {
    format: 'topictag-ner-perceptron',
    encoding: 'BILOU',
    version: options.version,
    lang: options.lang,
    types,
    templates: options.templates,
    scale,
    transitions,
    features,
    training: { ...options.training, epochs, features: index.size, kept: Object.keys(features).length, sentences: sentences.length },
  };
}

