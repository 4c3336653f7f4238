import type { Analysis, LexiconEntry, LexiconMatch, TextSpan } from '@topictag/core';
import type { EvidenceRule, Taxonomy, Terms, Topic } from './taxonomy.js';

/** One sentence that supports a topic, with the words in it that did. */
export interface Evidence extends TextSpan {
  /** The matched terms and entity mentions in this sentence (none for purely semantic evidence). */
  matches: TextSpan[];
  /** Semantic and hybrid modes: cosine similarity of the sentence to the topic's nearest prototype. */
  similarity?: number;
}

export interface TopicScore {
  id: string;
  label: string;
  /** In [0, 1]: 1 − exp(−Σ weights of the evidence). */
  score: number;
  /** The strongest supporting sentences, best first. */
  evidence: Evidence[];
  /** Hybrid mode: the lexical score alone. */
  lexical?: number;
  /** Semantic and hybrid modes: the semantic score alone. */
  semantic?: number;
}

export interface ScoreOptions {
  /** Default minimum score for a topic (a topic's own `threshold` wins). */
  threshold: number;
  /** Language of the labels in the output. */
  labelLang: string;
  /** How many evidence sentences to report per topic. */
  maxEvidence: number;
}

interface CompiledRule {
  weight: number;
  terms: string;
  entities: ReadonlySet<string>;
  near?: { terms: string; entities: ReadonlySet<string> };
}
interface CompiledTopic {
  topic: Topic;
  rules: CompiledRule[];
}

/** A taxonomy turned into lexicon terms plus the rules that read their matches. */
export class TopicScorer {
  readonly terms: LexiconEntry[] = [];
  private readonly topics: CompiledTopic[];
  private readonly byId: Map<string, CompiledTopic>;

  constructor(readonly taxonomy: Taxonomy) {
    this.topics = taxonomy.topics.map((topic) => ({
      topic,
      rules: topic.evidence.map((rule, i) => this.compileRule(topic.id, i, rule)),
    }));
    this.byId = new Map(this.topics.map((t) => [t.topic.id, t]));
  }

  private parentOf(topic: Topic): Topic | undefined {
    return topic.parent ? this.byId.get(topic.parent)?.topic : undefined;
  }

  /** Every entity id the taxonomy refers to. */
  entityIds(): Set<string> {
    const ids = new Set<string>();
    for (const t of this.topics) for (const r of t.rules) for (const id of [...r.entities, ...(r.near?.entities ?? [])]) ids.add(id);
    return ids;
  }

  private compileRule(topicId: string, index: number, rule: EvidenceRule): CompiledRule {
    const ref = `${topicId}#${index}`;
    this.addTerms(rule.terms, ref);
    const compiled: CompiledRule = { weight: rule.weight, terms: ref, entities: new Set(rule.entities ?? []) };
    if (rule.near) {
      this.addTerms(rule.near.terms, `${ref}~near`);
      compiled.near = { terms: `${ref}~near`, entities: new Set(rule.near.entities ?? []) };
    }
    return compiled;
  }

  private addTerms(terms: Terms | undefined, ref: string): void {
    for (const [lang, list] of Object.entries(terms ?? {})) {
      for (const text of list ?? []) this.terms.push({ text, lang, kind: 'term', ref });
    }
  }

  /** The lexical score (1 − exp(−Σ)) and evidence of every topic with any match, before thresholds and parents. */
  scoreEach(analysis: Analysis, maxEvidence: number): Map<string, { score: number; evidence: Evidence[] }> {
    const bySentence = new Map<number, LexiconMatch[]>();
    for (const m of analysis.matches) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
    const out = new Map<string, { score: number; evidence: Evidence[] }>();
    for (const { topic, rules } of this.topics) {
      const hits = collectHits(analysis.matches, rules, bySentence);
      if (hits.length) out.set(topic.id, { score: 1 - Math.exp(-sumWithDecay(hits)), evidence: evidenceOf(hits, analysis, maxEvidence) });
    }
    return out;
  }

  /** Scores every topic on an analysis; returns the reported ones (children imply parents), best first. */
  score(analysis: Analysis, options: ScoreOptions): TopicScore[] {
    const bySentence = new Map<number, LexiconMatch[]>();
    for (const m of analysis.matches) {
      const list = bySentence.get(m.sentence);
      if (list) list.push(m);
      else bySentence.set(m.sentence, [m]);
    }
    const results = new Map<string, { topic: Topic; raw: number; hits: Hit[] }>();
    for (const { topic, rules } of this.topics) {
      const hits = collectHits(analysis.matches, rules, bySentence);
      const raw = sumWithDecay(hits);
      results.set(topic.id, { topic, raw, hits });
    }
    const reported = new Map<string, { topic: Topic; score: number; hits: Hit[] }>();
    const report = (topic: Topic, score: number, hits: Hit[]): void => {
      const prev = reported.get(topic.id);
      reported.set(topic.id, prev ? { topic, score: Math.max(prev.score, score), hits: mergeHits(prev.hits, hits) } : { topic, score, hits });
    };
    for (const { topic, raw, hits } of results.values()) {
      const score = 1 - Math.exp(-raw);
      if (score < (topic.threshold ?? options.threshold)) continue;
      report(topic, score, hits);
      // A child implies its parent: the parent is reported with at least the child's score and evidence.
      for (let p = this.parentOf(topic); p; p = this.parentOf(p)) {
        const own = results.get(p.id)!;
        report(p, Math.max(score, 1 - Math.exp(-own.raw)), mergeHits(own.hits, hits));
      }
    }
    return [...reported.values()]
      .map(({ topic, score, hits }) => ({
        id: topic.id,
        label: topic.labels[options.labelLang] ?? topic.labels.en,
        score: Math.round(score * 1000) / 1000,
        evidence: evidenceOf(hits, analysis, options.maxEvidence),
      }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
}

interface Hit {
  match: LexiconMatch;
  weight: number;
  /** What repeats are counted against: the same entry or entity decays 1, 1/2, 1/3 … */
  identity: string;
}

function collectHits(matches: readonly LexiconMatch[], rules: readonly CompiledRule[], bySentence: Map<number, LexiconMatch[]>): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches) {
    for (const rule of rules) {
      const isTerm = m.kind === 'term' && m.ref === rule.terms;
      const isEntity = m.kind === 'entity' && rule.entities.has(m.ref);
      if (!isTerm && !isEntity) continue;
      if (rule.near && !(bySentence.get(m.sentence) ?? []).some((n) => isNear(n, rule.near!))) continue;
      hits.push({ match: m, weight: rule.weight, identity: isEntity ? `e:${m.ref}` : `t:${m.entry}` });
    }
  }
  // Overlapping hits (a phrase and a word inside it, or one span in two rules) count once: the heaviest.
  hits.sort((a, b) => b.weight - a.weight || a.match.start - b.match.start);
  const kept: Hit[] = [];
  for (const h of hits) {
    if (!kept.some((k) => k.match.start < h.match.end && h.match.start < k.match.end)) kept.push(h);
  }
  return kept;
}

function isNear(m: LexiconMatch, near: NonNullable<CompiledRule['near']>): boolean {
  return (m.kind === 'term' && m.ref === near.terms) || (m.kind === 'entity' && near.entities.has(m.ref));
}

function sumWithDecay(hits: readonly Hit[]): number {
  const seen = new Map<string, number>();
  let raw = 0;
  for (const h of [...hits].sort((a, b) => b.weight - a.weight)) {
    const n = (seen.get(h.identity) ?? 0) + 1;
    seen.set(h.identity, n);
    raw += h.weight / n;
  }
  return raw;
}

function mergeHits(a: readonly Hit[], b: readonly Hit[]): Hit[] {
  const out = [...a];
  for (const h of b) if (!out.some((k) => k.match === h.match)) out.push(h);
  return out;
}

function evidenceOf(hits: readonly Hit[], analysis: Analysis, max: number): Evidence[] {
  const bySentence = new Map<number, { weight: number; hits: Hit[] }>();
  for (const h of hits) {
    const s = bySentence.get(h.match.sentence) ?? { weight: 0, hits: [] };
    s.weight += h.weight;
    s.hits.push(h);
    bySentence.set(h.match.sentence, s);
  }
  return [...bySentence.entries()]
    .sort((a, b) => b[1].weight - a[1].weight || a[0] - b[0])
    .slice(0, max)
    .map(([index, s]) => {
      const sentence = analysis.sentences[index]!;
      return {
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        matches: s.hits
          .map((h) => ({ start: h.match.start, end: h.match.end, text: h.match.text }))
          .sort((a, b) => a.start - b.start),
      };
    });
}
