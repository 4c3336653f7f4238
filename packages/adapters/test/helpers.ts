import { readFileSync } from 'node:fs';
import type { Span } from '@topictag/core';

export const SEEDS = new URL('../../../seeds/', import.meta.url);

export interface GoldDocument {
  file: string;
  lang: string;
  date: string | null;
  title: string | null;
}

export function readGold(): GoldDocument[] {
  const raw = JSON.parse(readFileSync(new URL('gold.json', SEEDS), 'utf8')) as { documents: GoldDocument[] };
  return raw.documents;
}

export function readSeed(file: string): string {
  return readFileSync(new URL(file, SEEDS), 'utf8');
}

/** The range of the first occurrence of `needle` (throws when absent, so tests fail loudly). */
export function rangeOf(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { start, end: start + needle.length };
}

/** Every character of `range` lies inside one of the spans. */
export function isCovered(spans: readonly Span[], range: Span): boolean {
  for (let i = range.start; i < range.end; i++) if (!spans.some((s) => s.start <= i && i < s.end)) return false;
  return true;
}

/** Some character of `range` lies inside a span. */
export function overlaps(spans: readonly Span[], range: Span): boolean {
  return spans.some((s) => s.start < range.end && range.start < s.end);
}

/** Spans are sorted, non-empty, non-overlapping and within the text. */
export function isWellFormed(spans: readonly Span[], length: number): boolean {
  return spans.every((s, i) => s.start < s.end && s.start >= 0 && s.end <= length && (i === 0 || (spans[i - 1]?.end ?? 0) <= s.start));
}
