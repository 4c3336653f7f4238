/**
 * Semantic topic scoring: every topic gets prototype vectors from its labels, descriptions and examples
 * (all languages); a document's sentences (in sentence windows, within the model's length) are
 * compared with them; a topic's document score aggregates its best sentences, and those sentences are
 * the evidence. Similarities are calibrated per topic from the taxonomy itself (see `calibrate`).
 */
import type { Analysis } from '@topictag/core';
import { chunkSentences } from './chunk.js';
import type { Embedder } from './embedder.js';
import type { Taxonomy, Topic } from './taxonomy.js';

export interface SemanticOptions {
  /** Sentences per embedded window. Default 1. */
  window?: number;
  /** How many of the best sentences make a document's score. Default 3. */
  topSentences?: number;
}

/** Cosine levels that map to semantic score 0 (`low`) and 1 (`high`) for one topic. */
export interface Calibration {
  low: number;
  high: number;
}

/** One topic's semantic result on a document. */
export interface SemanticTopicScore {
  /** In [0, 1]: 1 − Π (1 − cᵢ / 2ⁱ) over the best sentences, cᵢ = calibrated similarity. */
  score: number;
  /** Sentences (indices into `analysis.sentences`) with their cosine similarity, best first. */
  sentences: Array<{ index: number; similarity: number; calibrated: number }>;
}

interface Prototypes {
  topic: Topic;
  vectors: Float32Array[];
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const nearest = (v: Float32Array, protos: readonly Float32Array[], skip?: Float32Array): number => {
  let best = -1;
  for (const p of protos) if (p !== skip) best = Math.max(best, dot(v, p));
  return best;
};
const quantile = (xs: number[], q: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
};
const unique = (xs: Iterable<string | undefined>): string[] => [...new Set([...xs].filter((x): x is string => !!x && !!x.trim()))];

/** The texts a topic is described by: labels, descriptions and examples in every language. */
export function prototypeTexts(topic: Topic): string[] {
  return unique([...Object.values(topic.labels), ...Object.values(topic.description), ...Object.values(topic.examples ?? {}).flat()]);
}

export class SemanticScorer {
  private constructor(
    readonly embedder: Embedder,
    private readonly prototypes: Prototypes[],
    /** Per-topic calibration, from the taxonomy's own examples. */
    readonly calibration: ReadonlyMap<string, Calibration>,
    private readonly options: Required<SemanticOptions>,
  ) {}

  /** Embeds the taxonomy's prototypes and calibrates every topic. */
  static async create(taxonomy: Taxonomy, embedder: Embedder, options: SemanticOptions = {}): Promise<SemanticScorer> {
    const texts = taxonomy.topics.map(prototypeTexts);
    const flat = await embedder.embed(texts.flat(), 'query');
    let k = 0;
    const prototypes = taxonomy.topics.map((topic, i) => ({ topic, vectors: texts[i]!.map(() => flat[k++]!) }));
    const calibration = await calibrate(taxonomy, prototypes, embedder);
    return new SemanticScorer(embedder, prototypes, calibration, { window: options.window ?? 1, topSentences: options.topSentences ?? 3 });
  }

  /** Scores every topic on a document's sentences; topics with no sentence above their `low` are left out. */
  async score(analysis: Analysis): Promise<Map<string, SemanticTopicScore>> {
    const out = new Map<string, SemanticTopicScore>();
    const { sentences } = analysis;
    if (!sentences.length) return out;
    const chunks = await chunkSentences(analysis.document.text, sentences, {
      countTokens: (t) => this.embedder.countTokens(t),
      maxTokens: this.embedder.info.maxTokens,
      window: this.options.window,
    });
    const vectors = await this.embedder.embed(chunks.map((c) => c.text), 'passage');
    for (const { topic, vectors: protos } of this.prototypes) {
      const { low, high } = this.calibration.get(topic.id)!;
      const bySentence = new Float64Array(sentences.length).fill(-1);
      chunks.forEach((c, i) => {
        const sim = nearest(vectors[i]!, protos);
        for (let s = c.first; s <= c.last; s++) bySentence[s] = Math.max(bySentence[s]!, sim);
      });
      const ranked = [...bySentence]
        .map((similarity, index) => ({ index, similarity, calibrated: Math.min(1, Math.max(0, (similarity - low) / (high - low))) }))
        .filter((s) => s.calibrated > 0)
        .sort((a, b) => b.similarity - a.similarity || a.index - b.index);
      if (!ranked.length) continue;
      let miss = 1;
      ranked.slice(0, this.options.topSentences).forEach((s, i) => (miss *= 1 - s.calibrated / 2 ** i));
      out.set(topic.id, { score: 1 - miss, sentences: ranked });
    }
    return out;
  }
}

/**
 * Per-topic calibration from the taxonomy itself. Each topic's examples are embedded as passages (as
 * document sentences are) and compared with the prototypes: `high` = the median similarity of a
 * topic's own examples to its other prototypes (the example's own text left out); `low` = the 90th
 * percentile of the similarity of other topics' examples (not its ancestors' or descendants') to it.
 * So a score of 0 means "no closer than other topics' examples usually are", 1 "as close as its own".
 */
export async function calibrate(taxonomy: Taxonomy, prototypes: readonly Prototypes[], embedder: Embedder): Promise<Map<string, Calibration>> {
  const probes = prototypes.map(({ topic }) => {
    const ex = unique(Object.values(topic.examples ?? {}).flat());
    return ex.length ? ex : unique(Object.values(topic.description));
  });
  const flat = await embedder.embed(probes.flat(), 'passage');
  let k = 0;
  const probeVectors = probes.map((list) => list.map(() => flat[k++]!));
  const parent = new Map(taxonomy.topics.map((t) => [t.id, t.parent]));
  const lineage = (a: string, b: string): boolean => {
    for (let p: string | null | undefined = a; p; p = parent.get(p)) if (p === b) return true;
    for (let p: string | null | undefined = b; p; p = parent.get(p)) if (p === a) return true;
    return false;
  };
  const highs: number[] = [];
  const raw = prototypes.map(({ topic, vectors }, t) => {
    const texts = prototypeTexts(topic);
    const own = probes[t]!.flatMap((text, j) => {
      const self = vectors[texts.indexOf(text)];
      const others = vectors.filter((v) => v !== self);
      return others.length ? [nearest(probeVectors[t]![j]!, others)] : [];
    });
    const high = quantile(own, 0.5);
    if (!Number.isNaN(high)) highs.push(high);
    const negatives = prototypes.flatMap(({ topic: other }, u) =>
      u === t || lineage(topic.id, other.id) ? [] : probeVectors[u]!.map((v) => nearest(v, vectors)),
    );
    return { id: topic.id, high, low: quantile(negatives, 0.9) };
  });
  const fallbackHigh = quantile(highs, 0.5);
  const out = new Map<string, Calibration>();
  for (const r of raw) {
    const low = Number.isNaN(r.low) ? 0 : r.low;
    const high = Number.isNaN(r.high) ? fallbackHigh : r.high;
    // A topic its examples do not separate still gets a usable scale: at least 0.05 of cosine.
    out.set(r.id, { low, high: Number.isNaN(high) || high - low < 0.05 ? low + 0.05 : high });
  }
  return out;
}
