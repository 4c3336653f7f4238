import { normalize, toOriginal, type Normalized } from './normalize.js';
import { getLanguage, type LanguagePack } from './languages.js';
import { scriptOf, type Script } from './script.js';
import type { LanguageCode, Span } from './types.js';

/** How a word is capitalized in the text. `none`: its script has no case (Arabic, Han). */
export type Caps = 'lower' | 'initial' | 'upper' | 'none';

/** A sentence: a span of the original text. */
export interface Sentence extends Span {
  text: string;
}

/** A word as it is in the text and as it is normalized. Offsets are into the original text. */
export interface Word extends Span {
  /** The original surface. */
  text: string;
  /** Normalized form (see `normalize`). */
  norm: string;
  script: Script;
  caps: Caps;
}

/** The parts of a text outside the given (boilerplate) spans, in order, merged. */
export function contentRanges(length: number, exclude: readonly Span[] = []): Span[] {
  const sorted = [...exclude].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) out.push({ start: at, end: Math.min(s.start, length) });
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

const segmenters = new Map<string, { words: Intl.Segmenter; sentences: Intl.Segmenter }>();
function segmenter(lang: LanguageCode) {
  let s = segmenters.get(lang);
  if (!s) {
    const locale = Intl.Segmenter.supportedLocalesOf([lang]).length ? lang : 'und';
    s = {
      words: new Intl.Segmenter(locale, { granularity: 'word' }),
      sentences: new Intl.Segmenter(locale, { granularity: 'sentence' }),
    };
    segmenters.set(lang, s);
  }
  return s;
}

const NON_SPACE = /\S/u;

/**
 * Sentences of the given ranges of `text` (Unicode sentence boundaries; every line break ends a
 * sentence, so headlines and list items stand alone). Leading and trailing spaces are trimmed.
 */
export function splitSentences(text: string, ranges: readonly Span[], lang: LanguageCode = 'und'): Sentence[] {
  const out: Sentence[] = [];
  const { sentences } = segmenter(lang);
  const pack = getLanguage(lang);
  for (const range of ranges) {
    for (const line of splitLines(text, range)) {
      let open = -1; // start of a sentence that continues past a period after an initial or abbreviation
      for (const seg of sentences.segment(text.slice(line.start, line.end))) {
        let start = line.start + seg.index;
        let end = start + seg.segment.length;
        while (start < end && !NON_SPACE.test(text[start]!)) start++;
        while (end > start && !NON_SPACE.test(text[end - 1]!)) end--;
        if (end <= start) continue;
        if (open >= 0) start = open;
        open = end < line.end && continuesAfter(text, start, end, pack) ? start : -1;
        if (open < 0) out.push({ start, end, text: text.slice(start, end) });
      }
      if (open >= 0) {
        let end = line.end;
        while (end > open && !NON_SPACE.test(text[end - 1]!)) end--;
        out.push({ start: open, end, text: text.slice(open, end) });
      }
    }
  }
  return out;
}

/** The word before a sentence's final period, and the word before that (`В. В.` → `В`, `В`; `в г.` → `г`, `в`). */
const LAST_WORD = /(?:^|([\p{L}\p{N}]+)[^\p{L}\p{N}]+)([\p{L}][\p{L}.]*)\.$/u;
const INITIAL = /^\p{Lu}$/u;
const NUMBER = /^\p{N}+$/u;
/** A number next, at `lastIndex` (spaces before it allowed). */
const NUMBER_NEXT = /\s*\p{N}/uy;

/**
 * Whether a sentence the Unicode rules end at a period goes on: the period ends an initial (В. В. Путин,
 * J. Smith) or one of the language's abbreviations (г. Алматы, St. Petersburg), not after a number
 * (2024 г., 10 G.), or one of its abbreviations before a number (World No. 1).
 */
function continuesAfter(text: string, start: number, end: number, pack: LanguagePack | undefined): boolean {
  const m = LAST_WORD.exec(text.slice(start, end));
  if (!m) return false;
  const word = m[2]!;
  if (m[1] && NUMBER.test(m[1])) return false;
  if (INITIAL.test(word) || pack?.abbreviations?.has(word.toLowerCase())) return true;
  NUMBER_NEXT.lastIndex = end;
  return !!pack?.numberAbbreviations?.has(word) && NUMBER_NEXT.test(text);
}

function* splitLines(text: string, range: Span): Generator<Span> {
  let start = range.start;
  for (let i = range.start; i < range.end; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      if (i > start) yield { start, end: i };
      start = i + 1;
    }
  }
  if (range.end > start) yield { start, end: range.end };
}

/** A hyphen between two words with no space around it (Жан-Мари, Усть-Каменогорск, АҚШ-тың). */
export const TIGHT_HYPHEN = /^[-‐‑]$/u;
/** What stands between two words of one name written apart: spaces only. */
export const SPACE_ONLY = /^\s+$/u;

const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const ALL_UPPER = /^[^\p{Ll}]*$/u;

/** How a surface word is capitalized. */
export function capsOf(surface: string): Caps {
  const hasUpper = UPPER.test(surface);
  if (!hasUpper && !LOWER.test(surface)) return 'none';
  if (hasUpper && ALL_UPPER.test(surface) && [...surface].filter((c) => /\p{L}/u.test(c)).length >= 2) return 'upper';
  const first = surface.match(/[\p{Lu}\p{Lt}\p{Ll}]/u)?.[0];
  return first && UPPER.test(first) ? 'initial' : 'lower';
}

/**
 * Words of `text` (Unicode word boundaries over the normalized text, mapped back to the original).
 * Pass a precomputed normalization to avoid doing it twice.
 */
export function splitWords(text: string, lang: LanguageCode = 'und', normalized: Normalized = normalize(text)): Word[] {
  const out: Word[] = [];
  const { words } = segmenter(lang);
  for (const seg of words.segment(normalized.text)) {
    if (!seg.isWordLike) continue;
    const { start, end } = toOriginal(normalized, seg.index, seg.index + seg.segment.length);
    const surface = text.slice(start, end);
    out.push({ start, end, text: surface, norm: seg.segment, script: scriptOf(seg.segment), caps: capsOf(surface) });
  }
  return out;
}
