import type { Analysis, LexiconEntry, LexiconMatch, TextSpan } from '@topictag/core';
import type { Condition, EvidenceRule, Taxonomy, Terms, Topic } from './taxonomy.js';

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

/** A condition compiled: the lexicon `ref` of its terms and its entity ids. */
interface CompiledCondition {
  terms: string;
  entities: ReadonlySet<string>;
}
interface CompiledRule extends CompiledCondition {
  weight: number;
  all: CompiledCondition[];
  near?: CompiledCondition & { within?: number };
  none?: CompiledCondition & { scope: 'sentence' | 'document' };
  mentions?: ReadonlySet<string>;
}

/** What the rules look up in one analysis: its matches by sentence, all of them, the entities mentioned. */
interface Context {
  bySentence: Map<number, LexiconMatch[]>;
  all: readonly LexiconMatch[];
  mentioned: ReadonlySet<string>;
}

function contextOf(analysis: Analysis): Context {
  const bySentence = new Map<number, LexiconMatch[]>();
  for (const m of analysis.matches) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  return { bySentence, all: analysis.matches, mentioned: new Set(analysis.entities.flatMap((e) => (e.id ? [e.id] : []))) };
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
    for (const t of this.topics) {
      for (const r of t.rules) {
        for (const c of [r, ...r.all, r.near, r.none]) for (const id of c?.entities ?? []) ids.add(id);
        for (const id of r.mentions ?? []) ids.add(id);
      }
    }
    return ids;
  }

  private compileRule(topicId: string, index: number, rule: EvidenceRule): CompiledRule {
    const ref = `${topicId}#${index}`;
    const main: Condition = {
      terms: mergeTerms(rule.terms, rule.any?.terms),
      entities: [...(rule.entities ?? []), ...(rule.any?.entities ?? [])],
    };
    const compiled: CompiledRule = {
      ...this.compileCondition(main, ref),
      weight: rule.weight,
      all: (rule.all ?? []).map((c, k) => this.compileCondition(c, `${ref}~all${k}`)),
    };
    if (rule.near) compiled.near = { ...this.compileCondition(rule.near, `${ref}~near`), ...(rule.near.within && { within: rule.near.within }) };
    if (rule.none) compiled.none = { ...this.compileCondition(rule.none, `${ref}~none`), scope: rule.none.scope ?? 'sentence' };
    if (rule.mentions) compiled.mentions = new Set(rule.mentions);
    return compiled;
  }

  private compileCondition(c: Condition, ref: string): CompiledCondition {
    this.addTerms(c.terms, ref);
    return { terms: ref, entities: new Set(c.entities ?? []) };
  }

  private addTerms(terms: Terms | undefined, ref: string): void {
    for (const [lang, list] of Object.entries(terms ?? {})) {
      for (const text of list ?? []) this.terms.push({ text, lang, kind: 'term', ref });
    }
  }

  /** The lexical score (1 − exp(−Σ)) and evidence of every topic with any match, before thresholds and parents. */
  scoreEach(analysis: Analysis, maxEvidence: number): Map<string, { score: number; evidence: Evidence[] }> {
    const context = contextOf(analysis);
    const out = new Map<string, { score: number; evidence: Evidence[] }>();
    for (const { topic, rules } of this.topics) {
      const hits = collectHits(rules, context);
      if (hits.length) out.set(topic.id, { score: 1 - Math.exp(-sumWithDecay(hits)), evidence: evidenceOf(hits, analysis, maxEvidence) });
    }
    return out;
  }

  /** Scores every topic on an analysis; returns the reported ones (children imply parents), best first. */
  score(analysis: Analysis, options: ScoreOptions): TopicScore[] {
    const context = contextOf(analysis);
    const results = new Map<string, { topic: Topic; raw: number; hits: Hit[] }>();
    for (const { topic, rules } of this.topics) {
      const hits = collectHits(rules, context);
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

function collectHits(rules: readonly CompiledRule[], context: Context): Hit[] {
  const hits: Hit[] = [];
  for (const m of context.all) {
    for (const rule of rules) {
      if (!holds(rule, m)) continue;
      if (!constraintsHold(rule, m, context)) continue;
      hits.push({ match: m, weight: rule.weight, identity: m.kind === 'entity' ? `e:${m.ref}` : `t:${m.entry}` });
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

/** Whether a match is one of the condition's terms or entities. */
function holds(c: CompiledCondition, m: LexiconMatch): boolean {
  return m.kind === 'term' ? m.ref === c.terms : c.entities.has(m.ref);
}

/** The rule's `all`, `near`, `none` and `mentions` around a match `m` of its terms or entities. */
function constraintsHold(rule: CompiledRule, m: LexiconMatch, context: Context): boolean {
  const sentence = context.bySentence.get(m.sentence) ?? [];
  if (rule.mentions && ![...rule.mentions].some((id) => context.mentioned.has(id))) return false;
  if (!rule.all.every((c) => sentence.some((n) => holds(c, n)))) return false;
  if (rule.near) {
    const { within } = rule.near;
    const near = (n: LexiconMatch) =>
      holds(rule.near!, n) && (within === undefined || Math.max(n.tokenStart - m.tokenEnd, m.tokenStart - n.tokenEnd) < within);
    if (!sentence.some(near)) return false;
  }
  if (rule.none && (rule.none.scope === 'document' ? context.all : sentence).some((n) => holds(rule.none!, n))) return false;
  return true;
}

function mergeTerms(a: Terms | undefined, b: Terms | undefined): Terms | undefined {
  if (!a || !b) return a ?? b;
  const out: Terms = { ...a };
  for (const [lang, list] of Object.entries(b)) out[lang] = [...(out[lang] ?? []), ...(list ?? [])];
  return out;
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
