import type { Span } from '@topictag/core';
import { analyzeText } from './analyze.js';

/**
 * Ranges of `text` that are not content: widgets, menus, date/meta lines, counters, credits,
 * related-news blocks, footers, calendars. Half-open UTF-16 spans, sorted and non-overlapping.
 * The headline and body paragraphs are never included.
 */
export function findBoilerplate(text: string): Span[] {
  return analyzeText(text).boilerplate;
}
