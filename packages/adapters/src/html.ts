import type { Document } from '@topictag/core';
import { analyzeText } from './analyze.js';
import { parseDate } from './dates.js';
import { extractHtml, type HtmlExtract } from './html-extract.js';
import { findDatePublished } from './json-ld.js';
import type { DocumentInit } from './text.js';

const DATE_META = ['article:published_time', 'date', 'pubdate', 'publish-date', 'dc.date', 'dc.date.issued', 'datepublished'];

/** The first of the candidate values that holds a readable date. */
function firstDate(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of candidates) {
    if (value === null || value === undefined) continue;
    const found = parseDate(value);
    if (found !== null) return found.date;
  }
  return null;
}

function metaDate(page: HtmlExtract): string | null {
  const jsonLd = page.jsonLd.map(findDatePublished);
  return firstDate([page.timeDatetime, ...DATE_META.map((k) => page.meta.get(k)), ...jsonLd]);
}

/** `ru-RU` → `ru`; empty → null. */
function primaryLanguage(lang: string | null): string | null {
  const primary = lang?.split(/[-_]/)[0]?.trim().toLowerCase();
  return primary ? primary : null;
}

function nonEmpty(value: string | undefined): string | null {
  const v = value?.replace(/\s+/gu, ' ').trim();
  return v ? v : null;
}

/**
 * An HTML page as a Document. `text` is the visible text (navigation, header, footer, aside, forms
 * and scripts dropped; block elements become line breaks); title, date, language and URL come from
 * the page's metadata, falling back to the text; boilerplate spans are those of the extracted text.
 */
export function fromHtml(html: string, init: DocumentInit): Document {
  const page = extractHtml(html);
  const title = nonEmpty(page.meta.get('og:title')) ?? page.h1 ?? page.titleTag;
  const analysis = analyzeText(page.text, { title });
  return {
    id: init.id,
    source: init.source,
    text: page.text,
    title,
    date: metaDate(page) ?? analysis.date?.date ?? null,
    url: page.canonical ?? nonEmpty(page.meta.get('og:url')),
    lang: primaryLanguage(page.lang),
    boilerplate: analysis.boilerplate,
    meta: { format: 'html' },
  };
}
