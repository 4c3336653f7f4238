import type { Document } from '@topictag/core';
import { analyzeText } from './analyze.js';
import { dateFromValue } from './dates.js';
import { extractHtml, type HtmlExtract } from './html-extract.js';
import { findDatePublished } from './json-ld.js';
import { mainContent } from './main-content.js';
import { primaryLanguage, withTitle } from './record.js';
import type { DocumentInit } from './text.js';

const DATE_META = ['article:published_time', 'date', 'pubdate', 'publish-date', 'dc.date', 'dc.date.issued', 'datepublished'];

/** The first of the candidate values that holds a readable date. */
function firstDate(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of candidates) {
    const date = dateFromValue(value);
    if (date !== null) return date;
  }
  return null;
}

function metaDate(page: HtmlExtract, readabilityTime: string | null): string | null {
  const jsonLd = page.jsonLd.map(findDatePublished);
  return firstDate([page.timeDatetime, ...DATE_META.map((k) => page.meta.get(k)), ...jsonLd, readabilityTime]);
}

function nonEmpty(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/gu, ' ').trim();
  return v ? v : null;
}

export interface HtmlOptions {
  /** Find the main content with Readability (default true); false keeps all visible text outside page chrome. */
  readability?: boolean;
}

/**
 * An HTML page as a Document. `text` is the page's main content found by Readability (menus,
 * sidebars, "related news", comments and footers left out), one line per block element; when
 * Readability finds no article, all visible text outside `nav`, `header`, `footer`, `aside`, forms
 * and scripts. The headline is the first line when the content does not hold it
 * (`meta.bodyOffset`). Title, date, language and URL come from the page's metadata, falling back to
 * the text; boilerplate spans are those the plain-text rules find in the text.
 */
export function fromHtml(html: string, init: DocumentInit, options: HtmlOptions = {}): Document {
  const page = extractHtml(html);
  const main = options.readability === false ? null : mainContent(html);
  const mainText = main === null ? '' : extractHtml(main.html).text;
  const body = mainText.trim() !== '' ? mainText : page.text;
  const title = nonEmpty(page.meta.get('og:title')) ?? page.h1 ?? page.titleTag ?? nonEmpty(main?.title);
  const text = withTitle(title, body);
  const analysis = analyzeText(text, { title });
  return {
    id: init.id,
    source: init.source,
    text,
    title,
    date: metaDate(page, main?.publishedTime ?? null) ?? analysis.date?.date ?? null,
    url: page.canonical ?? nonEmpty(page.meta.get('og:url')),
    lang: primaryLanguage(page.lang),
    boilerplate: analysis.boilerplate,
    meta: { format: 'html', extractor: mainText.trim() !== '' ? 'readability' : 'visible-text', ...(text !== body ? { bodyOffset: text.length - body.length } : {}) },
  };
}

/** An HTML fragment (a feed item's content, a converted DOCX) as lines of text. */
export function htmlFragmentText(html: string): { text: string; h1: string | null } {
  const page = extractHtml(html);
  return { text: page.text, h1: page.h1 };
}
