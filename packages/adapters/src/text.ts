import type { Document } from '@topictag/core';
import { analyzeText } from './analyze.js';

export interface DocumentInit {
  id: string;
  source: string;
}

/**
 * A plain-text page (a saved news page) as a Document: the text unchanged, with the headline,
 * the publication date and the boilerplate spans found by layout analysis.
 */
export function fromText(text: string, init: DocumentInit): Document {
  const analysis = analyzeText(text);
  return {
    id: init.id,
    source: init.source,
    text,
    title: analysis.title?.title ?? null,
    date: analysis.date?.date ?? null,
    url: null,
    lang: null,
    boilerplate: analysis.boilerplate,
    meta: { format: 'txt' },
  };
}
