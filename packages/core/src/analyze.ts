import { detectLanguage, type LanguageGuess } from './langid.js';
import { getLanguage, packFor } from './languages.js';
import { Lexicon, type LexiconEntry, type LexiconMatch, type Token } from './lexicon.js';
import { defaultGazetteer, type Gazetteer } from './gazetteer.js';
import { normalize } from './normalize.js';
import { isQuoted } from './quotes.js';
import { contentRanges, splitSentences, splitWords, TIGHT_HYPHEN, type Sentence } from './segment.js';
import type { Document, EntityType, LanguageCode, Span, TextSpan } from './types.js';
import { linkEntities } from './ner/link.js';
import { defaultNer } from './ner/models.js';
import type { NerModel } from './ner/types.js';

/** An entity found in a document, with every mention. */
export interface Entity {
  /** Gazetteer id (`person:vladimir-putin`, `country:KZ`, …); `null` for a name the recognizer found that the gazetteer does not know. */
  id: string | null;
  type: EntityType;
  /** Canonical English name for linked entities; for unknown ones the longest form seen in the text. */
  name: string;
  /** Every mention, in text order, with offsets into `Document.text`. */
  mentions: TextSpan[];
}

/** What the core knows about a document. Offsets everywhere are into `document.text`. */
export interface Analysis {
  document: Document;
  /** The document's language (declared by the source, or identified). */
  lang: LanguageCode;
  /** How the language was identified (`method: 'declared'` when the document gave it). */
  language: LanguageGuess | { lang: LanguageCode; method: 'declared' };
  /** The content ranges: the text outside boilerplate. */
  content: Span[];
  sentences: Sentence[];
  tokens: Token[];
  /** Lexicon matches: entity mentions (longest first, no overlaps) and term matches. */
  matches: LexiconMatch[];
  entities: Entity[];
}

export interface AnalyzerOptions {
  /** The gazetteer to link entities with; `null` for none. Default: `defaultGazetteer()`. */
  gazetteer?: Gazetteer | null;
  /** More lexicon entries (topic terms) to match in the same pass. */
  terms?: readonly LexiconEntry[];
  /**
   * Named-entity recognition of names beyond the gazetteer (reported with `id: null`): `true` (default)
   * for the shipped recognizer, `false` for gazetteer names only, or your own `NerModel`.
   */
  ner?: boolean | NerModel;
}

export interface Analyzer {
  readonly lexicon: Lexicon;
  readonly gazetteer: Gazetteer | null;
  /** The recognizer of unknown names, or null when off. */
  readonly ner: NerModel | null;
  /** Analyzes a document (or a bare string, treated as a document with id `text`). */
  analyze(input: string | Document): Analysis;
}

/** Builds an analyzer: one compiled lexicon of gazetteer aliases and extra terms. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const gazetteer = options.gazetteer === undefined ? defaultGazetteer() : options.gazetteer;
  const lexicon = new Lexicon([...(gazetteer?.lexiconEntries() ?? []), ...(options.terms ?? [])]);
  const ner = options.ner === false ? null : options.ner === true || options.ner === undefined ? defaultNer() : options.ner;
  return {
    lexicon,
    gazetteer,
    ner,
    analyze(input) {
      const document: Document = typeof input === 'string' ? { id: 'text', source: 'string', text: input } : input;
      return analyzeWith(document, lexicon, gazetteer, ner);
    },
  };
}

function analyzeWith(document: Document, lexicon: Lexicon, gazetteer: Gazetteer | null, ner: NerModel | null): Analysis {
  if (typeof document.text !== 'string') throw new TypeError(`document ${document.id ?? '?'}: text must be a string`);
  const { text } = document;
  const content = contentRanges(text.length, document.boilerplate);
  const contentText = content.map((r) => text.slice(r.start, r.end)).join('\n');
  const language = document.lang
    ? { lang: document.lang, method: 'declared' as const }
    : detectLanguage(contentText);
  const lang = language.lang;
  const sentences = splitSentences(text, content, lang);
  const tokens = tokenize(text, sentences, lang);
  const all = lexicon.match(tokens, text);
  const entityMatches = resolveOverlaps(all.filter((m) => m.kind === 'entity'), gazetteer);
  const quoted = entityMatches.filter((m) => quotedPlace(m, tokens, text, gazetteer));
  const linkable = quoted.length ? entityMatches.filter((m) => !quoted.includes(m)) : entityMatches;
  const matches = [...linkable, ...all.filter((m) => m.kind === 'term')].sort((a, b) => a.start - b.start || b.end - a.end);
  // entity mentions are whole inflected words; the matches (and the recognizer's features) stay token-exact
  const mentions = withHyphenSuffixes(linkable, tokens, text);
  let entities = groupEntities(mentions, gazetteer);
  if (ner) {
    const input = { text, lang, tokens, entityMatches: linkable, gazetteer };
    entities = linkEntities({ ...input, entityMatches: mentions }, entities, ner.recognize(input), quoted);
  }
  return { document, lang, language, content, sentences, tokens, matches, entities };
}

/** Words inside sentences (so never in boilerplate), stemmed by the pack of their script and the document language. */
function tokenize(text: string, sentences: readonly Sentence[], lang: LanguageCode): Token[] {
  const tokens: Token[] = [];
  if (!sentences.length) return tokens;
  const words = splitWords(text, lang, normalize(text));
  let s = 0;
  for (const w of words) {
    while (s < sentences.length && sentences[s]!.end <= w.start) s++;
    const sentence = sentences[s];
    if (!sentence) break;
    if (w.start < sentence.start) continue;
    const pack = packFor(w.script, lang);
    // one object shape for every token (a spread gave each token its own hidden class: slow property reads)
    tokens.push({ start: w.start, end: w.end, text: w.text, norm: w.norm, script: w.script, caps: w.caps, pack: pack.code, key: pack.stem(w.norm), bare: pack.bare(w.norm), sentence: s });
  }
  return tokens;
}

/**
 * Keeps the longest entity matches. A shorter match inside a longer one is dropped (Южный Судан is not
 * Судан), except inside an organization's name, which does mention what it names (Совет Безопасности
 * ООН mentions the UN); a match crossing the edge of a longer one is always dropped. Blocked names
 * (France 24) take part like names and are then left out of the entities.
 */
function resolveOverlaps(matches: LexiconMatch[], gazetteer: Gazetteer | null): LexiconMatch[] {
  const byLength = [...matches].sort(
    (a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || a.start - b.start,
  );
  const kept: LexiconMatch[] = [];
  for (const m of byLength) {
    const clash = kept.some((k) => {
      if (k.tokenEnd <= m.tokenStart || m.tokenEnd <= k.tokenStart) return false;
      const inside = k.tokenStart <= m.tokenStart && m.tokenEnd <= k.tokenEnd;
      return !(inside && k.ref !== m.ref && gazetteer?.get(k.ref)?.type === 'organization');
    });
    if (!clash) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * A case suffix written after a hyphen belongs to the name before it (Kazakh АҚШ-тың, БҰҰ-ның after an
 * acronym): a match grows over a lowercase word joined to it by a tight hyphen when the name's language
 * pack reads name + word as a form of the name (not Астана-бір, Ростов-на-Дону).
 */
function withHyphenSuffixes(matches: LexiconMatch[], tokens: readonly Token[], text: string): LexiconMatch[] {
  return matches.map((m) => {
    const last = tokens[m.tokenEnd - 1]!;
    const next = tokens[m.tokenEnd];
    if (!next || next.sentence !== last.sentence || next.caps !== 'lower' || !TIGHT_HYPHEN.test(text.slice(last.end, next.start))) return m;
    if (!getLanguage(last.pack)?.forms(last.norm).includes(last.norm + next.norm)) return m;
    return { ...m, end: next.end, tokenEnd: m.tokenEnd + 1, text: text.slice(m.start, next.end) };
  });
}

/**
 * A place name that is a whole quoted name in a script with letter case names something else: a club
 * (ФК «Астана»), a ship or shuttle («Колумбия»), a hotel or channel («Россия»). Caseless scripts also
 * quote names to keep their distance from them, without changing what they name, so they are left alone.
 */
function quotedPlace(m: LexiconMatch, tokens: readonly Token[], text: string, gazetteer: Gazetteer | null): boolean {
  return tokens[m.tokenStart]!.caps !== 'none' && gazetteer?.get(m.ref)?.type === 'location' && isQuoted(text, m.start, m.end);
}

function groupEntities(matches: readonly LexiconMatch[], gazetteer: Gazetteer | null): Entity[] {
  const byId = new Map<string, Entity>();
  for (const m of matches) {
    const known = gazetteer?.get(m.ref);
    if (!known) continue;
    let e = byId.get(m.ref);
    if (!e) byId.set(m.ref, (e = { id: known.id, type: known.type, name: known.name, mentions: [] }));
    e.mentions.push({ start: m.start, end: m.end, text: m.text });
  }
  return [...byId.values()];
}
