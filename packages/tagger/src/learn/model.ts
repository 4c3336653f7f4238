import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import type { Analysis, TextSpan } from '@topictag/core';
import { DEFAULT_FEATURES, extractFeatures, type FeatureOptions } from './features.js';
import { predictLinear, trainLinear, type LinearModel, type SparseVector, type TrainOptions } from './linear.js';

/** A labelled text. */
export interface Example {
  text: string;
  labels: string[];
}

export interface ModelTrainOptions extends TrainOptions {
  features?: FeatureOptions;
  /** Features seen in fewer training texts are dropped. Default 2. */
  minCount?: number;
  /** Several labels per example (one-vs-rest sigmoids). Default: true when any example has 2+ labels. */
  multiLabel?: boolean;
}

/** The JSON shape of a model file (`topictag train --out`). */
export interface ModelFile {
  format: 'topictag-model';
  version: 1;
  labels: string[];
  multiLabel: boolean;
  features: Required<FeatureOptions>;
  vocab: string[];
  idf: number[];
  /** One row of weights per label, aligned with `vocab`. */
  weights: number[][];
  bias: number[];
  /** Training settings and data size, for the record. */
  trained: { examples: number; l2: number; epochs: number; minCount: number };
}

/** A label and its probability. */
export interface LabelScore {
  label: string;
  score: number;
}

/** Why a label was given: the sentences whose words pushed its score most, with those words. */
export interface LabelEvidence extends TextSpan {
  matches: TextSpan[];
}

/** A trained topic classifier: TF-IDF features of the core's analysis, linear model on top. */
export class TopicModel {
  private readonly index: Map<string, number>;
  private readonly linear: LinearModel;

  private constructor(readonly file: ModelFile) {
    this.index = new Map(file.vocab.map((f, i) => [f, i]));
    this.linear = { weights: file.weights.map((w) => Float32Array.from(w)), bias: Float32Array.from(file.bias), multiLabel: file.multiLabel };
  }

  get labels(): readonly string[] {
    return this.file.labels;
  }

  get multiLabel(): boolean {
    return this.file.multiLabel;
  }

  /** Trains on analysed examples (analyse them with the same analyzer the model will see at run time). */
  static train(examples: ReadonlyArray<{ analysis: Analysis; labels: readonly string[] }>, options: ModelTrainOptions = {}): TopicModel {
    if (!examples.length) throw new Error('no training examples');
    const features = { ...DEFAULT_FEATURES, ...options.features };
    const minCount = options.minCount ?? 2;
    const labels = [...new Set(examples.flatMap((e) => e.labels))].sort();
    if (labels.length < 2) throw new Error(`training needs at least two labels, found ${labels.length ? `only "${labels[0]}"` : 'none'}`);
    const multiLabel = options.multiLabel ?? examples.some((e) => e.labels.length > 1);
    const counted = examples.map((e) => extractFeatures(e.analysis, features));
    const df = new Map<string, number>();
    for (const c of counted) for (const f of c.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const vocab = [...df].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
    const n = examples.length;
    const idf = vocab.map((f) => Math.log((1 + n) / (1 + df.get(f)!)) + 1);
    const partial: ModelFile = {
      format: 'topictag-model', version: 1, labels, multiLabel, features, vocab, idf, weights: [], bias: [],
      trained: { examples: n, l2: options.l2 ?? 1e-4, epochs: options.epochs ?? 200, minCount },
    };
    const model = new TopicModel(partial);
    const x = counted.map((c) => model.vectorize(c));
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const y = examples.map((e) => e.labels.map((l) => labelIndex.get(l)!));
    const linear = trainLinear(x, y, vocab.length, labels.length, multiLabel, options);
    return new TopicModel({ ...partial, weights: linear.weights.map((w) => Array.from(w, round)), bias: Array.from(linear.bias, round) });
  }

  /** Reads a model file, with a clear error for anything that is not one. */
  static load(path: string): TopicModel {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read model ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const f = raw as Partial<ModelFile> | null;
    if (!f || f.format !== 'topictag-model' || f.version !== 1) throw new Error(`${path} is not a topictag model file (format "topictag-model", version 1)`);
    if (!Array.isArray(f.labels) || !Array.isArray(f.vocab) || !Array.isArray(f.weights) || f.weights.length !== f.labels.length) {
      throw new Error(`${path}: model file is damaged (labels, vocab and weights do not agree)`);
    }
    return new TopicModel(f as ModelFile);
  }

  save(path: string): void {
    writeFileSync(path, JSON.stringify(this.file) + '\n');
  }

  /** Sublinear TF × IDF, L2-normalized, over the model's vocabulary. */
  private vectorize(counts: Map<string, number>): SparseVector {
    const entries: Array<[number, number]> = [];
    for (const [f, c] of counts) {
      const i = this.index.get(f);
      if (i !== undefined) entries.push([i, (1 + Math.log(c)) * this.file.idf[i]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { index: Int32Array.from(entries, ([i]) => i), value: Float32Array.from(entries, ([, v]) => v / norm) };
  }

  /** Every label with its probability, best first. */
  predict(analysis: Analysis): LabelScore[] {
    const p = predictLinear(this.linear, this.vectorize(extractFeatures(analysis, this.file.features)));
    return this.file.labels.map((label, i) => ({ label, score: p[i]! })).sort((a, b) => b.score - a.score);
  }

  /** The sentences that pushed `label` most (by summed weight of their word and character features). */
  explain(analysis: Analysis, label: string, max = 3): LabelEvidence[] {
    const l = this.file.labels.indexOf(label);
    if (l < 0) return [];
    const w = this.file.weights[l]!;
    const wordWeight = (t: Analysis['tokens'][number]): number => {
      const one = { ...analysis, tokens: [t], entities: [] } as Analysis;
      let s = 0;
      for (const [f, c] of extractFeatures(one, { ...this.file.features, bigrams: false })) {
        const i = this.index.get(f);
        if (i !== undefined) s += w[i]! * c;
      }
      return s;
    };
    const bySentence = new Map<number, Array<{ span: TextSpan; weight: number }>>();
    for (const t of analysis.tokens) {
      const weight = wordWeight(t);
      if (weight <= 0) continue;
      const list = bySentence.get(t.sentence) ?? [];
      list.push({ span: { start: t.start, end: t.end, text: t.text }, weight });
      bySentence.set(t.sentence, list);
    }
    return [...bySentence]
      .map(([s, words]) => ({ s, words, total: words.reduce((a, x) => a + x.weight, 0) }))
      .sort((a, b) => b.total - a.total)
      .slice(0, max)
      .map(({ s, words }) => {
        const sentence = analysis.sentences[s]!;
        const top = [...words].sort((a, b) => b.weight - a.weight).slice(0, 3).map((x) => x.span).sort((a, b) => a.start - b.start);
        return { start: sentence.start, end: sentence.end, text: sentence.text, matches: top };
      });
  }
}

function round(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

/** Whether `path` is a topictag model file (as written by `TopicModel.save`), judged by its first bytes. */
export function isTopicModelFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(64);
      const n = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('utf8').startsWith('{"format":"topictag-model"');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
