/** Splitting a text into lines with offsets, and the small measures the layout rules use. */
import { fold as coreFold } from '@topictag/core';


/** One line of a text. Offsets are UTF-16 indices into the whole text. */
export interface Line {
  index: number;
  /** Start and end of the line, without its line break. */
  start: number;
  end: number;
  /** Start and end of the line without leading and trailing whitespace (equal when blank). */
  contentStart: number;
  contentEnd: number;
  /** The trimmed line. */
  text: string;
}

/** Whitespace including no-break and zero-width spaces. */
const SPACE = /[\s\u200B-\u200D\u2060\uFEFF]/u;

/** Splits on `\n`, `\r\n`, `\r`, U+2028 and U+2029. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  let start = 0;
  const push = (end: number): void => {
    let cs = start;
    let ce = end;
    while (cs < ce && SPACE.test(text.charAt(cs))) cs++;
    while (ce > cs && SPACE.test(text.charAt(ce - 1))) ce--;
    lines.push({ index: lines.length, start, end, contentStart: cs, contentEnd: ce, text: text.slice(cs, ce) });
  };
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.contentStart === line.contentEnd;
}

/** Whitespace-separated tokens that contain at least one letter. */
export function words(text: string): string[] {
  return text.split(/[\s\u200B-\u200D\u2060]+/u).filter((t) => /\p{L}/u.test(t));
}

/** Ends like a snippet cut short: `...` or `…`. */
export function endsWithEllipsis(text: string): boolean {
  return /(?:\.\.\.|…)["»”’)\]]*$/u.test(text);
}

/** Ends like a sentence: `.`, `!`, `?` (Latin or Arabic), optionally followed by closing quotes. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?؟。]["'»”’)\]]*$/u.test(text) && !endsWithEllipsis(text);
}

/** A paragraph of running text: enough words and a sentence ending, or simply long. */
export function isParagraph(text: string): boolean {
  if (endsWithEllipsis(text)) return false;
  const n = words(text).length;
  return (n >= 8 && endsLikeSentence(text)) || text.length >= 200;
}

/**
 * Case- and spelling-folded text for keyword matching: the core's `fold` (NFKC, lower case, ё → е,
 * Arabic letter variants unified, diacritics and tatweel removed), whitespace collapsed, no space
 * before a colon.
 */
export function fold(text: string): string {
  return coreFold(text).replace(/\s+/gu, ' ').replace(/ :/g, ':').trim();
}

/** Folded text without leading and trailing punctuation, symbols and spaces. */
export function foldBare(text: string): string {
  return fold(text).replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}
