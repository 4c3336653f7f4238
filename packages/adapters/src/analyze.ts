/**
 * Layout analysis of a plain-text page: line classification, then the rules that look at the page
 * as a whole (related-news blocks, runs of short lines, the header above the headline, the tail
 * after the last paragraph), giving the headline, the publication date and the boilerplate spans.
 */
import type { Span } from '@topictag/core';
import { classifyLine, type LineInfo } from './classify.js';
import type { FoundDate } from './dates.js';
import { endsLikeSentence, fold, isParagraph, splitLines, words } from './lines.js';
import { defaultRules, type BoilerplateRules } from './rules.js';
import { findTitle, HEADER_LINES, type TitleInfo } from './title.js';

export interface TextAnalysis {
  lines: LineInfo[];
  title: TitleInfo | null;
  date: FoundDate | null;
  /** Sorted, non-overlapping, merged across whitespace. */
  boilerplate: Span[];
}

interface Marks {
  /** Lines judged boilerplate by the page-level rules (on top of their own kind). */
  boilerplate: Set<number>;
  /** Lines inside a related-news block. */
  related: Set<number>;
}

/** Body text that ends a related-news block: a long paragraph, not a list item with its snippet. */
function isRealBody(info: LineInfo): boolean {
  return info.kind === 'content' && isParagraph(info.text) && (info.text.length >= 300 || (info.text.length >= 200 && endsLikeSentence(info.text)));
}

/** A related-news heading starts a block running to the end, or up to the next real body paragraph. */
function markRelatedBlocks(lines: readonly LineInfo[], titleLine: number | null, marks: Marks): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.kind !== 'related' || i === titleLine) continue;
    let j = i;
    for (; j < lines.length; j++) {
      const info = lines[j];
      if (info === undefined || (j > i && isRealBody(info))) break;
      marks.related.add(j);
      marks.boilerplate.add(j);
    }
    i = j - 1;
  }
}

function isBoilerplate(info: LineInfo, marks: Marks): boolean {
  return info.kind === 'boilerplate' || info.kind === 'related' || marks.boilerplate.has(info.index);
}

function isBodyParagraph(info: LineInfo, marks: Marks): boolean {
  return info.kind === 'content' && !marks.boilerplate.has(info.index) && isParagraph(info.text);
}

function isShort(info: LineInfo): boolean {
  return info.kind !== 'blank' && info.text.length <= 40 && words(info.text).length <= 4;
}

/**
 * Runs of short lines (menus, widgets, button labels). Three in a row suffice outside the body
 * (above the first or below the last paragraph); inside it, or on a page without paragraphs, it
 * takes six, so that short lists in an article survive.
 */
function markShortRuns(lines: readonly LineInfo[], titleLine: number | null, body: { first: number; last: number } | null, marks: Marks): void {
  let run: number[] = [];
  const flush = (): void => {
    const outside = body !== null && run.every((i) => i < body.first || i > body.last);
    if (run.length >= (outside ? 3 : 6)) for (const i of run) marks.boilerplate.add(i);
    run = [];
  };
  for (const info of lines) {
    if (info.kind === 'blank') continue;
    if (isShort(info) && info.index !== titleLine) run.push(info.index);
    else flush();
  }
  flush();
}

/** Above the headline there is only site chrome: anything there that is not a paragraph. */
function markHeader(lines: readonly LineInfo[], titleLine: number, marks: Marks): void {
  for (const info of lines.slice(0, titleLine)) {
    if (info.kind === 'content' && !isParagraph(info.text)) marks.boilerplate.add(info.index);
  }
}

/** Between the headline and the first paragraph: short non-sentence lines are bylines and meta. */
function markByline(lines: readonly LineInfo[], titleLine: number, firstBody: number, marks: Marks): void {
  for (const info of lines.slice(titleLine + 1, firstBody)) {
    if (info.kind === 'content' && words(info.text).length <= 5 && !endsLikeSentence(info.text)) marks.boilerplate.add(info.index);
  }
}

/**
 * After the last paragraph, short non-sentence lines next to known boilerplate (credits, site
 * names, counters) are boilerplate too.
 */
function markTail(lines: readonly LineInfo[], lastBody: number, marks: Marks): void {
  const tail = lines.slice(lastBody + 1).filter((l) => l.kind !== 'blank');
  if (!tail.some((l) => isBoilerplate(l, marks))) return;
  for (const info of tail) {
    if (info.kind === 'content' && words(info.text).length <= 12 && !endsLikeSentence(info.text)) marks.boilerplate.add(info.index);
  }
}

/**
 * The publication date: a date/meta line in the header, else a date labelled "published" anywhere,
 * else, in the first two non-blank lines, a date that opens the line (a dateline: "ЧОЛПОН-АТА, 15
 * августа 2024 –", "BAKU, December 17.") or follows a "today" word ("сегодня", "اليوم الأربعاء 3
 * ابريل 2024"). Any other date inside a sentence is an event date, not the publication date. Dates in related-news blocks or on "saved on"/"updated" lines never count.
 * Null when none of these holds.
 */
/** How far into a line a dateline's date may start (the place name before it). */
const DATELINE_REACH = 48;

/** Whether a "today" word stands in the few words before `at`. */
function afterToday(text: string, at: number, rules: BoilerplateRules): boolean {
  const before = fold(text.slice(Math.max(0, at - 30), at));
  return rules.todayWords.some((w) => before.includes(w));
}

function choosePublicationDate(text: string, lines: readonly LineInfo[], title: TitleInfo | null, marks: Marks, rules: BoilerplateRules): FoundDate | null {
  const usable = (l: LineInfo): boolean => l.dates.length > 0 && !l.savedLabel && !marks.related.has(l.index);
  const header = lines.filter((l) => l.kind !== 'blank').slice(0, HEADER_LINES);
  const meta = header.find((l) => usable(l) && (l.metaDate || (title?.meta != null && l.index === title.line)));
  if (meta !== undefined) return meta.dates[0] ?? null;
  const labelled = lines.find((l) => usable(l) && l.publishedLabel);
  if (labelled !== undefined) return labelled.dates[0] ?? null;
  for (const line of header.slice(0, 2)) {
    if (!usable(line)) continue;
    const lead = line.dates.find((d) => d.span.start - line.contentStart <= DATELINE_REACH || afterToday(text, d.span.start, rules));
    if (lead) return lead;
  }
  return null;
}

/** Sorts spans and merges those that overlap or are separated only by whitespace. */
export function mergeSpans(text: string, spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (span.start <= last.end || text.slice(last.end, span.start).trim() === '')) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

export interface AnalyzeOptions {
  /** A headline known from elsewhere (HTML metadata): the line that equals it is the title line. */
  title?: string | null;
  rules?: BoilerplateRules;
}

/** The line whose text is the known headline, if any. */
function knownTitleLine(lines: readonly LineInfo[], title: string): TitleInfo | null {
  const wanted = title.replace(/\s+/gu, ' ').trim();
  const line = lines.find((l) => l.kind !== 'blank' && l.text.replace(/\s+/gu, ' ') === wanted);
  return line === undefined ? null : { line: line.index, title: line.text, meta: null };
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  const rules = options.rules ?? defaultRules();
  const lines = splitLines(text).map((line) => classifyLine(line, rules));
  const known = options.title ? knownTitleLine(lines, options.title) : null;
  const title = known ?? findTitle(lines, rules);
  const titleLine = title?.line ?? null;
  const marks: Marks = { boilerplate: new Set(), related: new Set() };

  markRelatedBlocks(lines, titleLine, marks);
  const bodyLines = lines.filter((l) => isBodyParagraph(l, marks)).map((l) => l.index);
  const first = bodyLines[0];
  const last = bodyLines[bodyLines.length - 1];
  const body = first !== undefined && last !== undefined ? { first, last } : null;
  markShortRuns(lines, titleLine, body, marks);
  if (titleLine !== null) markHeader(lines, titleLine, marks);
  if (titleLine !== null && body !== null && body.first > titleLine) markByline(lines, titleLine, body.first, marks);
  if (body !== null) markTail(lines, body.last, marks);

  const spans: Span[] = [];
  for (const info of lines) {
    if (info.index === titleLine) continue;
    if (isBoilerplate(info, marks)) spans.push({ start: info.contentStart, end: info.contentEnd });
  }
  if (title?.meta) spans.push(title.meta);
  return { lines, title, date: choosePublicationDate(text, lines, title, marks, rules), boilerplate: mergeSpans(text, spans) };
}
