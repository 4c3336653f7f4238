/** Finding the headline among the first lines of a plain-text page. */
import type { Span } from '@topictag/core';
import type { LineInfo } from './classify.js';
import { metaRemainder } from './classify.js';
import { endsLikeSentence, endsWithEllipsis, words } from './lines.js';
import type { BoilerplateRules } from './rules.js';

/** How many non-blank lines at the top of a page count as its header. */
export const HEADER_LINES = 6;

export interface TitleInfo {
  /** Index of the line holding the headline. */
  line: number;
  title: string;
  /** The part of that line that is a date/meta prefix or suffix (` date 2025-12-12 <headline>`), if any. */
  meta: Span | null;
}

const TIME_AFTER = /^[\s,|–—-]*(?:\d{1,2}:\d{2}(?::\d{2})?)?/u;
const TRAILING_SEPARATORS = /[\s,|–—:-]+$/u;

/** Short, not a sentence, not a snippet: how headlines look. */
export function isHeadlineLike(text: string, minWords = 2): boolean {
  if (text.length < 8 || text.length > 200) return false;
  if (words(text).length < minWords) return false;
  if (endsWithEllipsis(text) || /[.,:;]["»”’)]*$/u.test(text)) return false;
  return true;
}

/** Running text: the page body has begun, so no headline follows. */
function isBodyLine(text: string): boolean {
  return text.length > 200 || words(text).length > 30 || endsLikeSentence(text);
}

/** A headline sharing its line with a date: `date 2025-12-12 <headline>` or `<headline> 24.11.2024`. */
function titleAroundDate(info: LineInfo, rules: BoilerplateRules): TitleInfo | null {
  const first = info.dates[0];
  const last = info.dates[info.dates.length - 1];
  if (first === undefined || last === undefined) return null;
  const before = info.text.slice(0, first.span.start - info.contentStart);
  const afterRaw = info.text.slice(last.span.end - info.contentStart);
  const timeLength = TIME_AFTER.exec(afterRaw)?.[0].length ?? 0;
  const after = afterRaw.slice(timeLength).trim();
  const beforeWords = metaRemainder(before, info.contentStart, [], rules);
  if (beforeWords.length <= 2 && isHeadlineLike(after)) {
    const metaEnd = last.span.end + afterRaw.slice(0, timeLength).trimEnd().length;
    return { line: info.index, title: after, meta: { start: info.contentStart, end: metaEnd } };
  }
  const trimmedBefore = before.replace(TRAILING_SEPARATORS, '');
  if (words(after).length <= 1 && !endsLikeSentence(info.text) && isHeadlineLike(trimmedBefore, 4)) {
    return { line: info.index, title: trimmedBefore, meta: { start: first.span.start, end: info.contentEnd } };
  }
  return null;
}

/**
 * The headline: the first headline-like content line among the first {@link HEADER_LINES} non-blank
 * lines, skipping widgets, menus and date/meta lines. If running text comes first, there is none.
 */
export function findTitle(lines: readonly LineInfo[], rules: BoilerplateRules): TitleInfo | null {
  let seen = 0;
  for (const info of lines) {
    if (info.kind === 'blank') continue;
    if (++seen > HEADER_LINES || info.kind === 'related') return null;
    if (info.kind === 'boilerplate') continue;
    if (info.dates.length > 0) {
      const around = titleAroundDate(info, rules);
      if (around !== null) return around;
    }
    if (isBodyLine(info.text)) return null;
    if (isHeadlineLike(info.text)) return { line: info.index, title: info.text, meta: null };
  }
  return null;
}
