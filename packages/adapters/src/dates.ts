import type { Span } from '@topictag/core';
import { monthNumber } from './months.js';

/** A calendar date found in a text: ISO `YYYY-MM-DD` and the half-open UTF-16 range it was read from. */
export interface FoundDate {
  date: string;
  span: Span;
}

/** Years outside this range are not taken as dates (they are counts, codes or history). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const NUM_END = '(?!\\p{N})';
const ORDINAL = '(?:st|nd|rd|th)?';
/**
 * A month name: any run of letters (two for Levantine كانون الثاني, tried second), with an optional
 * abbreviation dot. Which runs are months is decided by `monthNumber`, not by the regular expression:
 * an alternation of every month name in four languages is slow to try at every position.
 */
const MONTH = '(\\p{L}+(?:\\s+\\p{L}+)??\\.?)';
/** A second month name after a slash: `ابريل/نيسان` (Egyptian/Levantine pair). */
const MONTH_ALT = '(?:\\s*/\\s*(\\p{L}+(?:\\s+\\p{L}+)??))?';

type Order = 'ymd' | 'dmy' | 'dMy' | 'Mdy' | 'yMd_kk';

interface DatePattern {
  order: Order;
  regex: RegExp;
  /** The match starts with a number, which must not continue a word or another number. */
  numberFirst: boolean;
}

const PATTERNS: DatePattern[] = [
  // 2024-11-24, 2024-11-24T10:00, 2024/11/24, 2024.11.24
  { order: 'ymd', numberFirst: true, regex: new RegExp(`(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}]|[-./]\\d)`, 'gu') },
  // 24.11.2024, 24/11/2024, 24-11-2024 (always day first)
  { order: 'dmy', numberFirst: true, regex: new RegExp(`(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})(?![\\p{N}]|[-./]\\d)`, 'gu') },
  // 24 ноября 2024, 5 Jan 2024, 3 ابريل/نيسان 2024, 5 қаңтар 2024 ж.
  {
    order: 'dMy',
    numberFirst: true,
    regex: new RegExp(`(\\d{1,2})${ORDINAL}\\s*(?:-\\s*)?${MONTH}${MONTH_ALT},?\\s+(?:(?:عام|سنة)\\s+)?(\\d{4})${NUM_END}`, 'gu'),
  },
  // January 5, 2024; Jan. 5th 2024
  { order: 'Mdy', numberFirst: false, regex: new RegExp(`(?<![\\p{L}\\p{N}])(\\p{L}+\\.?)\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${NUM_END}`, 'gu') },
  // 2024 жылғы 5 қаңтар, 2024 ж. 5 қаңтарда
  { order: 'yMd_kk', numberFirst: true, regex: new RegExp(`(\\d{4})\\s*(?:жылғы|жылы|ж\\.?)\\s*(\\d{1,2})\\s*(?:-\\s*)?(\\p{L}+)`, 'gu') },
];

/** Arabic-Indic and Persian digits become ASCII digits; every replacement keeps the string length. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String.fromCharCode(48 + (code >= 0x06f0 ? code - 0x06f0 : code - 0x0660));
  });
}

/** ISO date string if year, month and day form a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads the date of one regular-expression match, or null if it is not a real date. */
function fromMatch(order: Order, m: RegExpExecArray): string | null {
  const g = (i: number): string => m[i] ?? '';
  const n = (i: number): number => Number.parseInt(g(i), 10);
  switch (order) {
    case 'ymd':
      return isoDate(n(1), n(3), n(4));
    case 'dmy':
      return isoDate(n(4), n(3), n(1));
    case 'dMy': {
      const month = monthNumber(g(2));
      // Two names for one month (`ابريل/نيسان`) must agree; otherwise it is not a date we can read.
      if (month === null || (m[3] !== undefined && monthNumber(g(3)) !== month)) return null;
      return isoDate(n(4), month, n(1));
    }
    case 'Mdy': {
      const month = monthNumber(g(1));
      return month === null ? null : isoDate(n(3), month, n(2));
    }
    case 'yMd_kk': {
      const month = monthNumber(g(3));
      return month === null ? null : isoDate(n(1), month, n(2));
    }
  }
}

/** A number starting here is not the tail of a word or of another number (a glued Arabic و is fine). */
function isNumberStart(text: string, index: number): boolean {
  const before = text.charAt(index - 1);
  return before === '' || before === 'و' || !/[\p{L}\p{N}]/u.test(before);
}

/** How far a date may reach on either side of its four-digit year (`Воскресенье, 24 Ноября 2024`). */
const WINDOW = 48;

/**
 * The stretches of text around four-digit numbers, merged: every date has a year, so the patterns
 * only run there (a page without years costs one scan).
 */
function yearWindows(source: string): Span[] {
  const windows: Span[] = [];
  for (const m of source.matchAll(/\d{4}/g)) {
    const start = Math.max(0, m.index - WINDOW);
    const end = Math.min(source.length, m.index + 4 + WINDOW);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = end;
    else windows.push({ start, end });
  }
  return windows;
}

/** Every date in the text, in order of position (overlapping readings resolved to the longer one). */
export function findDates(text: string): FoundDate[] {
  const source = asciiDigits(text);
  const found: FoundDate[] = [];
  for (const window of yearWindows(source)) {
    const part = source.slice(window.start, window.end);
    for (const { order, regex, numberFirst } of PATTERNS) {
      regex.lastIndex = 0;
      for (let m = regex.exec(part); m !== null; m = regex.exec(part)) {
        const start = window.start + m.index;
        if (numberFirst && !isNumberStart(source, start)) {
          regex.lastIndex = m.index + 1;
          continue;
        }
        const date = fromMatch(order, m);
        if (date !== null) found.push({ date, span: { start, end: start + m[0].length } });
      }
    }
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const result: FoundDate[] = [];
  for (const d of found) {
    const last = result[result.length - 1];
    if (last !== undefined && d.span.start < last.span.end) continue;
    result.push(d);
  }
  return result;
}

/**
 * The first date in the text, as ISO `YYYY-MM-DD` with its span; null when there is none.
 * Dates are only read when year, month and day are all written and valid: `вчера`, `May 2024`
 * or `31.02.2024` give null. Numeric dates are day-first (`05-01-2024` is 5 January).
 */
export function parseDate(text: string): FoundDate | null {
  return findDates(text)[0] ?? null;
}

/** Unix time in seconds (1973–5138) or milliseconds (from 1973): a timestamp field of an export. */
function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value < 1e8) return null;
  const ms = value < 1e11 ? value * 1000 : value;
  if (ms >= 1e14) return null;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The date of a metadata value (a JSON/CSV field, a feed's `pubDate`, a `<time datetime>`): the first
 * date `parseDate` reads in a string (ISO 8601, RFC 822 `Fri, 05 Jan 2024 10:00:00 +0300`, or any
 * style of the table), or a Unix timestamp given as a number (UTC). Null for anything else:
 * relative (`2 hours ago`), partial (`May 2024`) or empty values are never guessed.
 */
export function dateFromValue(value: unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return parseDate(value)?.date ?? null;
  return null;
}
