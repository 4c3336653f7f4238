import { normalize } from './normalize.js';
import { packsForScript } from './languages.js';
import { splitWords, type Caps, type Word } from './segment.js';
import type { LanguageCode, Span } from './types.js';

/**
 * One surface form and what it stands for: a gazetteer alias (`kind: 'entity'`, `ref` = entity id) or
 * a topic rule term (`kind: 'term'`, `ref` chosen by the tagger). Both go through the same matcher.
 *
 * Syntax of `text`: words in base form, matched in their inflected forms through the language packs;
 * a trailing `*` makes a word a prefix (`наркот*`); a word with an initial capital needs one in the text,
 * an ALL-CAPS word (2+ letters) needs all caps, a lowercase word matches any case.
 */
export interface LexiconEntry {
  text: string;
  /** The language the form is written in (informational; matching is by script). */
  lang: LanguageCode;
  kind: 'entity' | 'term';
  ref: string;
}

/** A word of the analysed text, with the pack that read it and its matching key. */
export interface Token extends Word {
  /** Code of the language pack that stemmed the word. */
  pack: LanguageCode;
  /** The pack's stem of `norm`. */
  key: string;
  /** `norm` without clitic prefixes (Arabic و ب ل ال …), for `word*` prefix terms. */
  bare: string;
  /** Index of the sentence the word belongs to. */
  sentence: number;
}

/** A lexicon entry found in a text. Offsets are into the original text. */
export interface LexiconMatch extends Span {
  text: string;
  kind: LexiconEntry['kind'];
  ref: string;
  /** Index of the entry in the lexicon's entry list. */
  entry: number;
  /** Token range `[tokenStart, tokenEnd)` and the sentence. */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
}

/**
 * How one word of an entry matches a token: names (entity aliases) by their exact inflected forms,
 * terms by stem (the stems of all their forms, per pack), `word*` by prefix.
 */
interface PatternWord {
  forms?: Set<string>;
  keys?: Map<LanguageCode, Set<string>>;
  prefix?: string;
  caps: Caps;
}
interface Pattern {
  entry: number;
  words: PatternWord[];
  /** The last start position this pattern was tried at (a pattern may be listed under several keys). */
  tried: number;
}

const PREFIX_INDEX_LENGTH = 3;

/** A compiled set of lexicon entries, matched against token streams in one pass. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  /** Pack → stem → patterns (nested, so that a lookup builds no string). */
  private readonly byKey = new Map<LanguageCode, Map<string, Pattern[]>>();
  private readonly byForm = new Map<string, Pattern[]>();
  private readonly byPrefix = new Map<string, Pattern[]>();
  /** Entries that produced no words (e.g. only punctuation); reported for validation. */
  readonly empty: number[] = [];
  /** Token positions handed out by `match` so far (see `Pattern.tried`). */
  private calls = 0;

  /**
   * `options.baseStem`: match every word by the stem of its base form under the pack of the entry's
   * language (when it reads the word's script), without generating forms: fast to build for long
   * per-language lists, looser than paradigm forms. By default names match their forms and terms the
   * stems of their forms, under every pack of the word's script (a Russian alias is also found with
   * Kazakh suffixes in Kazakh text).
   */
  constructor(entries: readonly LexiconEntry[], options: { baseStem?: boolean } = {}) {
    this.entries = entries;
    entries.forEach((entry, i) => this.add(entry, i, options.baseStem ? 'baseStem' : entry.kind === 'entity' ? 'forms' : 'stems'));
  }

  private add(entry: LexiconEntry, index: number, by: WordMatch): void {
    const words = compileWords(entry.text, by, entry.lang);
    const first = words[0];
    if (!first) {
      this.empty.push(index);
      return;
    }
    const pattern: Pattern = { entry: index, words, tried: -1 };
    if (first.prefix !== undefined) {
      push(this.byPrefix, first.prefix.slice(0, PREFIX_INDEX_LENGTH), pattern);
      return;
    }
    for (const form of first.forms ?? []) push(this.byForm, form, pattern);
    for (const [pack, keys] of first.keys ?? []) {
      let byStem = this.byKey.get(pack);
      if (!byStem) this.byKey.set(pack, (byStem = new Map()));
      for (const key of keys) push(byStem, key, pattern);
    }
  }

  /**
   * All occurrences of all entries in `tokens` (which must be in text order). A match lies within one
   * sentence; the words of a multi-word entry must be consecutive tokens (punctuation between is skipped).
   * `text` is the text the tokens' offsets refer to.
   */
  match(tokens: readonly Token[], text: string): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    const { byForm, byKey, byPrefix } = this;
    // A pattern listed under several keys is tried once per start token: `tried` holds a position unique to this call.
    const base = this.calls;
    this.calls += tokens.length;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const at = base + i;
      if (byForm.size) this.tryAll(byForm.get(tok.norm), at, tokens, i, text, out);
      if (byKey.size) this.tryAll(byKey.get(tok.pack)?.get(tok.key), at, tokens, i, text, out);
      if (byPrefix.size) {
        this.tryAll(byPrefix.get(tok.norm.slice(0, PREFIX_INDEX_LENGTH)), at, tokens, i, text, out);
        if (tok.bare !== tok.norm) this.tryAll(byPrefix.get(tok.bare.slice(0, PREFIX_INDEX_LENGTH)), at, tokens, i, text, out);
      }
    }
    return out;
  }

  /** Tries the patterns of `list` at token `i` (each once per position `at`), adding their matches to `out`. */
  private tryAll(list: Pattern[] | undefined, at: number, tokens: readonly Token[], i: number, text: string, out: LexiconMatch[]): void {
    if (!list) return;
    for (const p of list) {
      if (p.tried === at) continue;
      p.tried = at;
      const m = this.matchAt(p, tokens, i, text);
      if (m) out.push(m);
    }
  }

  /** Pattern `p` matched at token `i`, or null. The words of a match are consecutive tokens of one sentence. */
  private matchAt(p: Pattern, tokens: readonly Token[], i: number, text: string): LexiconMatch | null {
    const end = i + p.words.length;
    if (end > tokens.length) return null;
    const first = tokens[i]!;
    for (let j = 0; j < p.words.length; j++) {
      const t = tokens[i + j]!;
      if (t.sentence !== first.sentence || !wordMatches(p.words[j]!, t)) return null;
    }
    const last = tokens[end - 1]!;
    const entry = this.entries[p.entry]!;
    return {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      kind: entry.kind,
      ref: entry.ref,
      entry: p.entry,
      tokenStart: i,
      tokenEnd: end,
      sentence: first.sentence,
    };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function wordMatches(w: PatternWord, t: Token): boolean {
  if (w.caps === 'upper' && t.caps !== 'upper') return false;
  if (w.caps === 'initial' && t.caps !== 'initial' && t.caps !== 'upper') return false;
  if (w.prefix !== undefined) return t.norm.startsWith(w.prefix) || t.bare.startsWith(w.prefix);
  if (w.forms) return w.forms.has(t.norm);
  return w.keys?.get(t.pack)?.has(t.key) ?? false;
}

/** How an entry's words match: their exact forms, the stems of their forms, or their base form's stem. */
type WordMatch = 'forms' | 'stems' | 'baseStem';

/**
 * Splits an entry into pattern words, with their forms (or the stems of their forms) under every pack of
 * their script, or with their base form's stem under `lang`'s pack (every pack of the script when `lang`'s
 * does not read it).
 */
function compileWords(text: string, by: WordMatch, lang: LanguageCode): PatternWord[] {
  const normalized = normalize(text);
  return splitWords(text, 'und', normalized).map((w: Word): PatternWord => {
    if (text[w.end] === '*' && w.norm.length >= PREFIX_INDEX_LENGTH) return { prefix: w.norm, caps: w.caps };
    const all = packsForScript(w.script);
    const own = by === 'baseStem' ? all.filter((p) => p.code === lang) : [];
    const packs = own.length ? own : all;
    if (by === 'forms') return { forms: new Set(packs.flatMap((p) => p.forms(w.norm))), caps: w.caps };
    const keys = new Map<LanguageCode, Set<string>>();
    for (const pack of packs) keys.set(pack.code, new Set(by === 'baseStem' ? [pack.stem(w.norm)] : [w.norm, ...pack.forms(w.norm)].map((f) => pack.stem(f))));
    return { keys, caps: w.caps };
  });
}

/**
 * Per token, a label from the longest of `matches` that covers it (`label(m, true)` on the match's first
 * token, `label(m, false)` on the others), else `none`. A match whose first token a longer one covers is
 * left out, and so is one `label` gives no label. Used for the NER attributes of gazetteer and name-list matches.
 */
export function labelTokens(length: number, matches: readonly LexiconMatch[], label: (m: LexiconMatch, first: boolean) => string | undefined, none: string): string[] {
  const out = new Array<string>(length).fill(none);
  const taken = new Uint8Array(length);
  for (const m of [...matches].sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart))) {
    if (taken[m.tokenStart] || label(m, true) === undefined) continue;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) {
      if (taken[i]) continue;
      taken[i] = 1;
      out[i] = label(m, i === m.tokenStart)!;
    }
  }
  return out;
}
