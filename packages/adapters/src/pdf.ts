/** PDF through pdf.js (the `unpdf` build: no worker, no native code, nothing fetched). */
import type { Document } from '@topictag/core';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { BinaryFormatError } from './docx.js';
import { fromFields } from './record.js';
import type { DocumentInit } from './text.js';

/** Titles that name the producing file rather than the document. */
const FILE_TITLE = /\.(?:docx?|pdf|odt|rtf|txt|indd)$|^Microsoft (?:Word|PowerPoint) - |^untitled$/iu;

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * A PDF as a Document: the text of its pages in order (pages separated by a blank line); the title
 * is the document's Title metadata when it is not a file name, else found in the text. The
 * creation date in the metadata is not a publication date and is not used.
 */
export async function fromPdf(bytes: Uint8Array, init: DocumentInit): Promise<Document> {
  let pages: string[];
  let metaTitle: string | null = null;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
      const info = (await getMeta(pdf)).info as Record<string, unknown>;
      if (typeof info.Title === 'string' && info.Title.trim() !== '' && !FILE_TITLE.test(info.Title.trim())) metaTitle = info.Title.trim();
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const problem = /password/i.test(errorText(error)) ? 'is password-protected' : `is not a readable PDF (${errorText(error)})`;
    throw new BinaryFormatError('PARSE_ERROR', problem);
  }
  const text = pages.map((p) => p.trim()).filter((p) => p !== '').join('\n\n');
  if (text === '') throw new BinaryFormatError('NO_TEXT', 'is a PDF without a text layer (scanned pages need OCR first)');
  return fromFields({ text, title: metaTitle, date: undefined, url: null, lang: null }, { id: init.id, source: init.source, format: 'pdf' });
}
