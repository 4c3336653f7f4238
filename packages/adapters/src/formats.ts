/** The input formats, and which one reads a file: the `format` option, the content, the extension. */
import { extname } from 'node:path';
import { binarySignature } from './decode.js';

export const FORMATS = ['txt', 'html', 'markdown', 'json', 'jsonl', 'csv', 'tsv', 'rss', 'atom', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

const EXTENSIONS: ReadonlyMap<string, Format> = new Map([
  ['.txt', 'txt'], ['.text', 'txt'],
  ['.html', 'html'], ['.htm', 'html'], ['.xhtml', 'html'], ['.shtml', 'html'],
  ['.md', 'markdown'], ['.markdown', 'markdown'],
  ['.json', 'json'],
  ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'],
  ['.csv', 'csv'],
  ['.tsv', 'tsv'], ['.tab', 'tsv'],
  ['.rss', 'rss'], ['.atom', 'atom'],
  ['.docx', 'docx'],
  ['.pdf', 'pdf'],
]);

/** Formats where one file is one document (or a feed of articles): a directory walk takes these. */
const WALKED: ReadonlySet<Format> = new Set(['txt', 'html', 'markdown', 'rss', 'atom', 'docx', 'pdf']);

/** The format an extension names, if any. */
export function formatOfExtension(path: string): Format | null {
  return EXTENSIONS.get(extname(path).toLowerCase()) ?? null;
}

/**
 * Whether a directory walk takes this file in `auto` mode: a document format (txt, html, markdown,
 * rss/atom, docx, pdf) or no extension. Data exports (json, jsonl, csv, tsv, xml) are read only
 * when named explicitly or with a `format`, so `gold.json` beside the texts is not a document.
 */
export function isWalkedPath(path: string): boolean {
  if (extname(path) === '') return true;
  const format = formatOfExtension(path);
  return format !== null && WALKED.has(format);
}

/** Starts (after whitespace and comments) with `<!doctype html` or `<html`. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(text.slice(0, 4096));
}

/** The feed kind of an XML document by its root element (`<rss>`, `<rdf:RDF>` → rss; `<feed>` → atom), or null. */
export function feedKind(text: string): 'rss' | 'atom' | null {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>)\s*)*<([\w:.-]+)/i.exec(text.slice(0, 8192))?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'rdf:rdf') return 'rss';
  if (root === 'feed') return 'atom';
  return null;
}

function looksLikeXml(text: string): boolean {
  return /^\s*<\?xml[\s?]/i.test(text.slice(0, 256));
}

/** JSON Lines rather than one JSON value: the first non-blank line is a whole JSON object or array and another line follows. */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0]?.trim() ?? '';
  if (lines.length < 2 || !/^[[{]/.test(first)) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

export type FormatChoice = { ok: true; format: Format } | { ok: false; code: 'UNSUPPORTED_FORMAT' | 'PARSE_ERROR'; problem: string };

/** A zip that is a Word document: its entry names mention `word/`. */
function isDocx(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('word/');
}

/**
 * Chooses by the bytes alone: a PDF or DOCX signature, or a file named .pdf/.docx without one (an
 * error: the file is not what its name says). Null when the text decides.
 */
export function chooseBinaryFormat(path: string, head: Uint8Array, option: Format | 'auto'): FormatChoice | null {
  const signature = binarySignature(head);
  const byName = option === 'auto' ? formatOfExtension(path) : option;
  if (signature === 'a PDF document' && (option === 'auto' || option === 'pdf')) return { ok: true, format: 'pdf' };
  if (signature?.startsWith('a ZIP archive') && (option === 'docx' || (option === 'auto' && (byName === 'docx' || isDocx(head))))) {
    return { ok: true, format: 'docx' };
  }
  if (byName === 'pdf') return { ok: false, code: 'PARSE_ERROR', problem: 'is not a PDF (no %PDF- signature)' };
  if (byName === 'docx') return { ok: false, code: 'PARSE_ERROR', problem: 'is not a DOCX (not a ZIP archive)' };
  return null;
}

/**
 * Chooses by the decoded start of the text: the `format` option wins; then HTML and RSS/Atom by
 * their markup; then the extension (`.json` holding JSON Lines is read as JSON Lines); a file
 * without extension is JSON, JSON Lines or text by its content.
 */
export function chooseTextFormat(path: string, text: string, option: Format | 'auto'): FormatChoice {
  if (option !== 'auto') return { ok: true, format: option };
  if (looksLikeHtml(text)) return { ok: true, format: 'html' };
  const feed = feedKind(text);
  if (feed !== null) return { ok: true, format: feed };
  const ext = extname(path).toLowerCase();
  const byExt = formatOfExtension(path);
  if (byExt === 'json' && looksLikeJsonLines(text)) return { ok: true, format: 'jsonl' };
  if (byExt !== null) return { ok: true, format: byExt };
  if (ext === '') {
    const start = text.trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return { ok: true, format: looksLikeJsonLines(text) ? 'jsonl' : 'json' };
    return { ok: true, format: 'txt' };
  }
  if (ext === '.xml' || looksLikeXml(text)) return { ok: false, code: 'UNSUPPORTED_FORMAT', problem: 'is XML but not an RSS or Atom feed' };
  return { ok: false, code: 'UNSUPPORTED_FORMAT', problem: `has unsupported extension "${ext}" (supported: ${[...EXTENSIONS.keys()].join(', ')}; or pass format)` };
}
