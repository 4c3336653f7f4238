/** What a single line is, judged on its own (before the rules that look at neighbouring lines). */
import { findDates, type FoundDate } from './dates.js';
import { fold, foldBare, isBlank, words, type Line } from './lines.js';
import type { BoilerplateRules } from './rules.js';

export type LineKind =
  | 'blank'
  | 'content'
  /** An "other news" heading: starts a related-news block. */
  | 'related'
  /** Not content on its own merits; `reason` says why. */
  | 'boilerplate';

export interface LineInfo extends Line {
  kind: LineKind;
  reason: string | null;
  /** Dates on the line (spans are offsets into the whole text). */
  dates: FoundDate[];
  /** The line carries a date and little else (weekday, time, author, a label): a date/meta line. */
  metaDate: boolean;
  /** The line has a "saved on"/"updated" label: its dates are not the publication date. */
  savedLabel: boolean;
  /** The line has a "published" label. */
  publishedLabel: boolean;
}

const TIME = /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/gu;
/** A bare site name or URL (`Akorda.kz`, `https://example.com/a`); not initials like `К.Токаев`. */
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?(?:[\p{L}\p{N}-]{2,}\.)+(?:[a-z]{2,24}|рф|қаз|бел|укр)(?:\/\S*)?$/iu;
const NUMERIC = /^[\p{N}\s.,:;/\\|\-–—+%()№#]+$/u;
const GRID_TOKEN = /^[\p{Lu}\p{N}][\p{L}\p{N}]{0,3}$/u;
const NAV_SEPARATOR = /\s[|•·»›]\s|\s\/\s/u;
const CASED = /^[^\p{L}]*[\p{Lu}\p{Ll}]/u;
const CAPITALISED = /^[^\p{L}]*\p{Lu}/u;

/** Removes the given spans (relative to `offset`) and times from `text`. */
function withoutSpans(text: string, offset: number, dates: FoundDate[]): string {
  let out = '';
  let pos = 0;
  for (const { span } of dates) {
    out += `${text.slice(pos, span.start - offset)} `;
    pos = span.end - offset;
  }
  return (out + text.slice(pos)).replace(TIME, ' ');
}

/** Words left on a dated line once dates, times, labels and weekdays are removed. */
export function metaRemainder(text: string, offset: number, dates: FoundDate[], rules: BoilerplateRules): string[] {
  return words(withoutSpans(text, offset, dates)).filter((w) => !rules.metaWords.has(foldBare(w)));
}

function isGrid(tokens: string[]): boolean {
  return tokens.length >= 3 && tokens.every((t) => GRID_TOKEN.test(t)) && tokens.some((t) => /\p{L}/u.test(t));
}

function isSeparatedMenu(text: string): boolean {
  const items = text.split(NAV_SEPARATOR).map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length >= 3 && items.every((item) => words(item).length <= 4);
}

/** Many capitalised items and no sentence punctuation: a menu laid out on one line. */
function isCapitalisedMenu(text: string): boolean {
  if (/[.!?,;؟،]/u.test(text.slice(-1)) || /[,،]/u.test(text)) return false;
  const cased = words(text).filter((w) => CASED.test(w));
  if (cased.length < 12) return false;
  return cased.filter((w) => CAPITALISED.test(w)).length / cased.length >= 0.5;
}

/** `phrase` occurs in `folded` as whole words. */
function hasPhrase(folded: string, phrase: string): boolean {
  for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1)) {
    const before = folded.charAt(i - 1);
    const after = folded.charAt(i + phrase.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** `text` and its folded forms, computed once per line. */
interface Folded {
  text: string;
  folded: string;
  bare: string;
}

function keywordReason({ text, folded, bare }: Folded, rules: BoilerplateRules): string | null {
  if (rules.lines.has(bare)) return 'phrase';
  if (text.length <= 200 && rules.prefixes.some((p) => folded.startsWith(p))) return 'label';
  if (text.length <= 300 && rules.contains.some((c) => folded.includes(c))) return 'footer';
  return null;
}

function structuralReason(text: string): string | null {
  if (DOMAIN.test(text)) return 'domain';
  if (NUMERIC.test(text) && /\p{N}/u.test(text)) return 'numeric';
  const tokens = text.split(/\s+/u);
  if (isGrid(tokens)) return 'grid';
  if (isSeparatedMenu(text) || isCapitalisedMenu(text)) return 'menu';
  return null;
}

function isRelatedHeading({ text, bare }: Folded, rules: BoilerplateRules): boolean {
  return text.length <= 60 && rules.relatedHeadings.has(bare);
}

/** An inline "Читайте также: <headline>" line. */
function isInlineRelated({ folded }: Folded, rules: BoilerplateRules): boolean {
  const colon = folded.indexOf(':');
  return colon > 0 && rules.relatedHeadings.has(foldBare(folded.slice(0, colon)));
}

/** Classifies one line on its own. */
export function classifyLine(line: Line, rules: BoilerplateRules): LineInfo {
  const base = { ...line, dates: [] as FoundDate[], metaDate: false, savedLabel: false, publishedLabel: false };
  if (isBlank(line)) return { ...base, kind: 'blank', reason: null };
  const text = line.text;
  const dates = findDates(text).map((d) => ({
    date: d.date,
    span: { start: d.span.start + line.contentStart, end: d.span.end + line.contentStart },
  }));
  const folded = fold(text);
  const forms: Folded = { text, folded, bare: foldBare(text) };
  const info: LineInfo = {
    ...base,
    kind: 'content',
    reason: null,
    dates,
    metaDate: dates.length > 0 && text.length <= 120 && metaRemainder(text, line.contentStart, dates, rules).length <= 3,
    savedLabel: rules.savedLabels.some((l) => hasPhrase(folded, l)),
    publishedLabel: rules.publishedLabels.some((l) => hasPhrase(folded, l)),
  };
  if (isRelatedHeading(forms, rules)) return { ...info, kind: 'related', reason: 'related-heading' };
  if (isInlineRelated(forms, rules)) return { ...info, kind: 'boilerplate', reason: 'related-link' };
  const reason = keywordReason(forms, rules) ?? structuralReason(text) ?? (info.metaDate ? 'date-line' : null);
  return reason === null ? info : { ...info, kind: 'boilerplate', reason };
}
