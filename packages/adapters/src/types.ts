import type { Document } from '@topictag/core';

/**
 * Why a file gave no Document. Codes are stable strings: `ENOENT` (not found), `EMPTY` (empty or
 * whitespace only), `BINARY` (not text), `DECODE` (invalid UTF-8), `UNSUPPORTED_FORMAT`, and
 * `READ_ERROR` (any other I/O failure, e.g. permission denied or a directory given to readDocument).
 */
export type AdapterErrorCode = 'ENOENT' | 'EMPTY' | 'BINARY' | 'DECODE' | 'UNSUPPORTED_FORMAT' | 'READ_ERROR';

export type AdapterError = { code: AdapterErrorCode; message: string };

export type AdapterRecord = { document: Document } | { id: string; source: string; error: AdapterError };

export interface ReadOptions {
  /** `auto` (default): by content (an HTML doctype or `<html>` start) and then by extension. */
  format?: 'auto' | 'txt' | 'html';
  /**
   * Called for each file a directory walk leaves out: with `format: 'auto'`, a walk reads only files
   * with a document extension (or none), so `gold.json` or `notes.csv` beside the texts are skipped.
   * Paths given explicitly are always read (an unsupported one yields an error record).
   */
  onSkip?: (path: string, reason: string) => void;
}
