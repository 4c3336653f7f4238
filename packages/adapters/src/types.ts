import type { Document } from '@topictag/core';
import type { FieldMap } from './fields.js';
import type { Format } from './formats.js';

/**
 * Why an input (a file, or one item of a multi-record file) gave no Document. Codes are stable
 * strings: `ENOENT` (not found), `EMPTY` (empty or whitespace only, a feed or CSV without records),
 * `BINARY` (not text), `DECODE` (not valid in its encoding, or no encoding fits), `PARSE_ERROR`
 * (invalid JSON on a line, a bad CSV row, malformed XML, a broken DOCX or PDF), `NO_TEXT` (a record
 * without text in its text field, a PDF without a text layer), `UNSUPPORTED_FORMAT`, and
 * `READ_ERROR` (any other I/O failure, e.g. permission denied or a directory given to readDocument).
 */
export type AdapterErrorCode = 'ENOENT' | 'EMPTY' | 'BINARY' | 'DECODE' | 'PARSE_ERROR' | 'NO_TEXT' | 'UNSUPPORTED_FORMAT' | 'READ_ERROR';

export type AdapterError = { code: AdapterErrorCode; message: string };

export type AdapterRecord = { document: Document } | { id: string; source: string; error: AdapterError };

export interface ReadOptions {
  /** `auto` (default): by content (signatures, markup) and then by extension. */
  format?: 'auto' | Format;
  /** `auto` (default): BOM, UTF-16/UTF-8 check, declared charset, then legacy detection; else any iconv-lite encoding name. */
  encoding?: string;
  /** Paths of the text, title, date and id fields of JSON, JSONL and CSV records (nested: `a.b.0`). */
  fields?: FieldMap;
  /**
   * Called for each file a directory walk leaves out: with `format: 'auto'`, a walk reads only
   * document formats (txt, html, markdown, rss, atom, docx, pdf, or no extension), so `gold.json`
   * or `export.csv` beside the texts are skipped. Paths given explicitly are always read.
   */
  onSkip?: (path: string, reason: string) => void;
  /** What the path `-` reads (default: `process.stdin`). */
  stdin?: AsyncIterable<Uint8Array>;
}
