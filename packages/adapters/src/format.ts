/** Which adapter reads a file: by explicit option, by content, then by extension. */
import { extname } from 'node:path';
import type { ReadOptions } from './types.js';

export type Format = 'txt' | 'html';

const EXTENSIONS: ReadonlyMap<string, Format> = new Map([
  ['.txt', 'txt'],
  ['.text', 'txt'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
]);

/** Whether a directory walk takes this file in `auto` mode: a known document extension, or none. */
export function isDocumentPath(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '' || EXTENSIONS.has(ext);
}

/** Starts (after whitespace and comments) with `<!doctype html` or `<html`. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(text.slice(0, 4096));
}

export type FormatChoice = { ok: true; format: Format } | { ok: false; problem: string };

/**
 * `txt`/`html` options win; `auto` reads HTML-looking content as HTML, then goes by extension
 * (`.txt`, `.text` → txt; `.html`, `.htm`, `.xhtml` → html; none → txt; anything else unsupported).
 */
export function chooseFormat(path: string, text: string, options: ReadOptions = {}): FormatChoice {
  const requested = options.format ?? 'auto';
  if (requested === 'txt' || requested === 'html') return { ok: true, format: requested };
  if (requested !== 'auto') return { ok: false, problem: `unknown format option "${String(requested)}"` };
  if (looksLikeHtml(text)) return { ok: true, format: 'html' };
  const ext = extname(path).toLowerCase();
  if (ext === '') return { ok: true, format: 'txt' };
  const byExt = EXTENSIONS.get(ext);
  if (byExt !== undefined) return { ok: true, format: byExt };
  return { ok: false, problem: `has unsupported extension "${ext}" (supported: ${[...EXTENSIONS.keys()].join(', ')}; or pass format)` };
}
