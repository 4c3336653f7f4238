import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, LanguageCode, Span } from '../types.js';

/** A gold mention of a public NER corpus, as character offsets into the document text. */
export interface GoldMention extends Span {
  type: EntityType;
  /**
   * The words of the name in base form where the corpus gives them (factRuEval's coreference layer: a
   * place's or an organization's `name`, a person's first name, patronymic and last name), lowercase.
   */
  name?: string[];
}

/** One document of a public NER corpus, for training and benchmarks (never shipped). */
export interface NerCorpusDocument {
  id: string;
  lang: LanguageCode;
  text: string;
  gold: GoldMention[];
}

const FACTRU_TYPES: Record<string, EntityType> = { Person: 'person', Org: 'organization', Location: 'location', LocOrg: 'location' };

/** Name attributes of factRuEval's coreference layer, per entity type. */
const FACTRU_NAME: Record<EntityType, readonly string[]> = { person: ['firstname', 'patronymic', 'lastname'], location: ['name'], organization: ['name'] };

/**
 * factRuEval-2016 (`devset/` or `testset/`): the objects layer — Person, Org, Location and LocOrg (the
 * last two as location) — each as the range from its first to its last span (objects may be nested),
 * with its normalized name from the coreference layer where there is one.
 */
export function readFactRuEval(dir: string): NerCorpusDocument[] {
  const docs: NerCorpusDocument[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.objects')).sort()) {
    const id = f.slice(0, -'.objects'.length);
    const text = readFileSync(join(dir, `${id}.txt`), 'utf8');
    const spans = new Map<string, Span>();
    for (const line of readFileSync(join(dir, `${id}.spans`), 'utf8').split('\n')) {
      const p = line.split(' ');
      if (p.length >= 4) spans.set(p[0]!, { start: Number(p[2]), end: Number(p[2]) + Number(p[3]) });
    }
    // coreference blocks: "chain object object …" then "attribute value" lines; attributes per object
    const attributes = new Map<string, Map<string, string>>();
    const coref = join(dir, `${id}.coref`);
    for (const block of existsSync(coref) ? readFileSync(coref, 'utf8').split(/\n\s*\n/u) : []) {
      const [head = '', ...lines] = block.trim().split('\n');
      const values = new Map(lines.map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1).trim()] as [string, string]));
      for (const object of head.split(/\s+/u).slice(1)) attributes.set(object, values);
    }
    const seen = new Set<string>();
    const gold: GoldMention[] = [];
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const [head = ''] = line.split('#');
      const [object = '', kind = '', ...refs] = head.trim().split(/\s+/u);
      const type = FACTRU_TYPES[kind];
      const parts = refs.map((r) => spans.get(r)).filter((s): s is Span => !!s);
      if (!type || !parts.length) continue;
      const start = Math.min(...parts.map((s) => s.start));
      const end = Math.max(...parts.map((s) => s.end));
      const key = `${type}:${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const values = attributes.get(object);
      const name = FACTRU_NAME[type].flatMap((a) => values?.get(a)?.toLowerCase().split(/\s+/u) ?? []);
      gold.push(name.length ? { type, start, end, name } : { type, start, end });
    }
    docs.push({ id, lang: 'ru', text, gold: gold.sort((a, b) => a.start - b.start) });
  }
  return docs;
}

const KAZNERD_TYPES: Record<string, EntityType> = { PERSON: 'person', ORGANISATION: 'organization', GPE: 'location', LOCATION: 'location' };

/**
 * KazNERD IOB2 (`token TAG` lines, blank line between sentences): PERSON, ORGANISATION, GPE and
 * LOCATION (the last two as location). Tokens are joined by spaces, one sentence a line, `perDocument`
 * sentences a document.
 */
export function readKazNerd(file: string, perDocument = 50): NerCorpusDocument[] {
  const docs: NerCorpusDocument[] = [];
  let lines: string[] = [];
  let gold: GoldMention[] = [];
  let text = '';
  let sentences = 0;
  let open: GoldMention | null = null;
  const flush = () => {
    if (text) docs.push({ id: `${file.replace(/^.*[\\/]/u, '')}#${docs.length + 1}`, lang: 'kk', text, gold });
    text = '';
    gold = [];
    sentences = 0;
  };
  const endSentence = () => {
    if (!lines.length) return;
    let at = text.length;
    for (const l of lines) {
      const cut = l.lastIndexOf(' ');
      const token = l.slice(0, cut);
      const tag = l.slice(cut + 1);
      const [bio, kind = ''] = tag.split('-', 2) as [string, string?];
      const type = KAZNERD_TYPES[kind];
      if (open && (bio !== 'I' || type !== open.type)) open = null;
      if (type && (bio === 'B' || (bio === 'I' && !open))) gold.push((open = { type, start: at, end: at + token.length }));
      else if (open) open.end = at + token.length;
      at += token.length + 1;
    }
    open = null;
    text += lines.map((l) => l.slice(0, l.lastIndexOf(' '))).join(' ') + '\n';
    lines = [];
    if (++sentences >= perDocument) flush();
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
    if (line.trim() === '') endSentence();
    else if (line.includes(' ')) lines.push(line);
  }
  endSentence();
  flush();
  return docs;
}

/** The first existing path, or null. */
export function firstExisting(...paths: string[]): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

/** Precision, recall and F1 of one type. */
export interface SpanScores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Mentions not strictly inside a longer one: how a flat corpus (KazNERD) reads nested output (Алматы in Алматы облысы). */
export function outermostMentions<M extends { start: number; end: number }>(mentions: readonly M[]): M[] {
  return mentions.filter((m) => !mentions.some((o) => o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
}

/** Exact-span scores per type: a predicted mention counts when a gold one has the same type, start and end. */
export function scoreSpans(pairs: ReadonlyArray<{ gold: readonly GoldMention[]; predicted: readonly GoldMention[] }>): Record<EntityType, SpanScores> {
  const types: EntityType[] = ['person', 'organization', 'location'];
  const out = {} as Record<EntityType, SpanScores>;
  for (const type of types) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, predicted } of pairs) {
      const g = new Set(gold.filter((m) => m.type === type).map((m) => `${m.start}:${m.end}`));
      const p = new Set(predicted.filter((m) => m.type === type).map((m) => `${m.start}:${m.end}`));
      for (const k of p) if (g.has(k)) tp++;
      fp += p.size;
      fn += g.size;
    }
    fp -= tp;
    fn -= tp;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    out[type] = { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}
