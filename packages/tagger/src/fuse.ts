/**
 * Semantic and hybrid reporting: combines a topic's lexical and semantic scores, applies per-topic
 * thresholds, lets a reported child report its parent, and merges evidence.
 *
 *   semantic: score = S;                    reported when S ≥ topic.semantic.threshold ?? topic.threshold ?? threshold
 *   hybrid:   score = 1 − (1 − L)(1 − w·S); reported when score ≥ topic.threshold ?? threshold
 *             (w = topic.semantic.weight ?? semanticWeight, default 0.6)
 *
 * The hybrid fusion is a noisy-OR: a lexical hit keeps its score (semantic evidence can only add), a
 * weak lexical cue plus a fitting sentence passes together, and semantic similarity alone passes only
 * when strong (with w = 0.6 and threshold 0.5, S ≥ 0.84).
 */
import type { Analysis } from '@topictag/core';
import type { Evidence, TopicScore } from './score.js';
import type { SemanticTopicScore } from './semantic.js';
import type { Taxonomy, Topic } from './taxonomy.js';

export type TaggingMode = 'lexical' | 'semantic' | 'hybrid';

export interface FuseOptions {
  mode: 'semantic' | 'hybrid';
  threshold: number;
  semanticWeight: number;
  labelLang: string;
  maxEvidence: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function fuseTopics(
  taxonomy: Taxonomy,
  analysis: Analysis,
  lexical: ReadonlyMap<string, { score: number; evidence: Evidence[] }>,
  semantic: ReadonlyMap<string, SemanticTopicScore>,
  options: FuseOptions,
): TopicScore[] {
  const byId = new Map(taxonomy.topics.map((t) => [t.id, t]));
  const scored = new Map<string, { topic: Topic; score: number; lexical: number; semantic: number; evidence: Evidence[] }>();
  for (const topic of taxonomy.topics) {
    const L = options.mode === 'hybrid' ? (lexical.get(topic.id)?.score ?? 0) : 0;
    const sem = semantic.get(topic.id);
    const S = sem?.score ?? 0;
    const w = topic.semantic?.weight ?? options.semanticWeight;
    const score = options.mode === 'semantic' ? S : 1 - (1 - L) * (1 - w * S);
    const semEvidence: Evidence[] = (sem?.sentences ?? []).slice(0, options.maxEvidence).map(({ index, similarity }) => {
      const s = analysis.sentences[index]!;
      return { start: s.start, end: s.end, text: s.text, matches: [], similarity: round(similarity) };
    });
    const lexEvidence = options.mode === 'hybrid' ? (lexical.get(topic.id)?.evidence ?? []) : [];
    const similarityAt = new Map((sem?.sentences ?? []).map((s) => [analysis.sentences[s.index]!.start, s.similarity]));
    const evidence = mergeEvidence(
      lexEvidence.map((e) => (similarityAt.has(e.start) ? { ...e, similarity: round(similarityAt.get(e.start)!) } : e)),
      semEvidence,
    );
    scored.set(topic.id, { topic, score, lexical: L, semantic: S, evidence });
  }
  const thresholdOf = (t: Topic): number =>
    options.mode === 'semantic' ? (t.semantic?.threshold ?? t.threshold ?? options.threshold) : (t.threshold ?? options.threshold);
  const reported = new Map<string, { topic: Topic; score: number; lexical: number; semantic: number; evidence: Evidence[] }>();
  const report = (entry: { topic: Topic; score: number; lexical: number; semantic: number; evidence: Evidence[] }): void => {
    const prev = reported.get(entry.topic.id);
    reported.set(entry.topic.id, prev ? { ...prev, score: Math.max(prev.score, entry.score), evidence: mergeEvidence(prev.evidence, entry.evidence) } : entry);
  };
  for (const entry of scored.values()) {
    if (entry.score < thresholdOf(entry.topic)) continue;
    report(entry);
    for (let p = byId.get(entry.topic.parent ?? ''); p; p = byId.get(p.parent ?? '')) {
      const own = scored.get(p.id)!;
      report({ ...own, score: Math.max(own.score, entry.score), evidence: mergeEvidence(own.evidence, entry.evidence) });
    }
  }
  return [...reported.values()]
    .map((r) => {
      const out: TopicScore = {
        id: r.topic.id,
        label: r.topic.labels[options.labelLang] ?? r.topic.labels.en,
        score: round(r.score),
        evidence: r.evidence.slice(0, options.maxEvidence),
      };
      if (options.mode === 'hybrid') out.lexical = round(r.lexical);
      out.semantic = round(r.semantic);
      return out;
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** `a` first, then the sentences of `b` that `a` does not have. */
function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const seen = new Set(a.map((e) => e.start));
  return [...a, ...b.filter((e) => !seen.has(e.start))];
}
