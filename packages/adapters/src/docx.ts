/** Word documents (.docx) through mammoth: its HTML (headings as `<h1>`…) reduced to lines of text. */
import type { Document } from '@topictag/core';
import mammoth from 'mammoth';
import { htmlFragmentText } from './html.js';
import { fromFields } from './record.js';
import type { DocumentInit } from './text.js';

export class BinaryFormatError extends Error {
  constructor(
    readonly code: 'PARSE_ERROR' | 'NO_TEXT',
    message: string,
  ) {
    super(message);
  }
}

/** A DOCX as a Document: one line per paragraph; the title is the first Heading 1 (or Title) paragraph, else found in the text. */
export async function fromDocx(bytes: Uint8Array, init: DocumentInit): Promise<Document> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
    html = result.value;
  } catch (error) {
    throw new BinaryFormatError('PARSE_ERROR', `is not a readable DOCX (${error instanceof Error ? error.message : String(error)})`);
  }
  const { text, h1 } = htmlFragmentText(html);
  if (text.trim() === '') throw new BinaryFormatError('NO_TEXT', 'is a DOCX without text');
  return fromFields({ text, title: h1, date: undefined, url: null, lang: null }, { id: init.id, source: init.source, format: 'docx' });
}
