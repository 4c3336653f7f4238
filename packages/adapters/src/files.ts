/** Files, directories and stdin to AdapterRecords: one per document, streamed. */
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { readCsv, sniffDelimiter } from './csv.js';
import { decodeBytes, sniffBinary } from './decode.js';
import { BinaryFormatError, fromDocx } from './docx.js';
import { detectEncoding } from './encoding.js';
import { readFeed } from './feed.js';
import { chooseBinaryFormat, chooseTextFormat, isFormat, isWalkedPath, type Format } from './formats.js';
import { fromHtml } from './html.js';
import { openFile, peekSource, type ByteSource } from './input.js';
import { readJson, readJsonLines } from './jsonl.js';
import { fromMarkdown } from './markdown.js';
import { fromPdf } from './pdf.js';
import { fromText } from './text.js';
import type { AdapterErrorCode, AdapterRecord, ReadOptions } from './types.js';

/** The path that means standard input. */
export const STDIN = '-';

/** Basename without its (last) extension; `stdin` for `-`. */
export function documentId(path: string): string {
  if (path === STDIN) return 'stdin';
  const base = basename(path);
  const ext = extname(base);
  return ext.length > 0 && ext.length < base.length ? base.slice(0, -ext.length) : base;
}

function failure(path: string, code: AdapterErrorCode, problem: string): AdapterRecord {
  return { id: documentId(path), source: path, error: { code, message: `${path}: ${problem}` } };
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function ioFailure(path: string, error: unknown): AdapterRecord {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure(path, 'ENOENT', 'file not found');
  if (code === 'EISDIR') return failure(path, 'READ_ERROR', 'is a directory (use readDocuments to walk it)');
  const detail = error instanceof Error ? error.message : String(error);
  return failure(path, 'READ_ERROR', `cannot be read (${code ?? detail})`);
}

const STREAMED: ReadonlySet<Format> = new Set(['jsonl', 'csv', 'tsv']);

async function openPath(path: string, options: ReadOptions): Promise<ByteSource> {
  if (path === STDIN) return peekSource(options.stdin ?? process.stdin);
  return openFile(path);
}

/** A validated `format` option. */
function formatOption(options: ReadOptions): Format | 'auto' | null {
  const f = options.format ?? 'auto';
  return f === 'auto' || isFormat(f) ? f : null;
}

/** The records of a whole-file format, from its decoded text. */
function* fromWholeText(text: string, format: Format, path: string, encoding: string, options: ReadOptions): Generator<AdapterRecord> {
  const init = { id: documentId(path), source: path };
  const item = { path, fileId: init.id, format, fields: options.fields ?? {}, meta: { encoding } };
  const withEncoding = (record: AdapterRecord): AdapterRecord =>
    'document' in record ? { document: { ...record.document, meta: { ...record.document.meta, encoding } } } : record;
  switch (format) {
    case 'html':
      yield withEncoding({ document: fromHtml(text, init) });
      return;
    case 'markdown':
      yield withEncoding({ document: fromMarkdown(text, init) });
      return;
    case 'json':
      yield* readJson(text, item);
      return;
    case 'rss':
    case 'atom':
      yield* readFeed(text, item);
      return;
    default:
      yield withEncoding({ document: fromText(text, init) });
  }
}

/** Every record of one file (or of stdin): one for a document, one per item for JSONL, CSV, JSON arrays and feeds. */
async function* readPath(path: string, options: ReadOptions): AsyncGenerator<AdapterRecord> {
  const option = formatOption(options);
  if (option === null) {
    yield failure(path, 'UNSUPPORTED_FORMAT', `unknown format option "${String(options.format)}"`);
    return;
  }
  let source: ByteSource;
  try {
    source = await openPath(path, options);
  } catch (error) {
    yield ioFailure(path, error);
    return;
  }
  try {
    yield* readSource(path, source, option, options);
  } catch (error) {
    const code = errnoCode(error);
    yield code !== undefined ? ioFailure(path, error) : failure(path, 'READ_ERROR', `failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await source.close();
  }
}

async function* readSource(path: string, source: ByteSource, option: Format | 'auto', options: ReadOptions): AsyncGenerator<AdapterRecord> {
  const { head } = source;
  if (head.length === 0) {
    yield failure(path, 'EMPTY', 'file is empty');
    return;
  }
  const init = { id: documentId(path), source: path };
  const binaryFormat = chooseBinaryFormat(path, head, option);
  if (binaryFormat !== null) {
    if (!binaryFormat.ok) {
      yield failure(path, binaryFormat.code, binaryFormat.problem);
      return;
    }
    const bytes = await source.readAll();
    try {
      yield { document: binaryFormat.format === 'pdf' ? await fromPdf(bytes, init) : await fromDocx(bytes, init) };
    } catch (error) {
      if (!(error instanceof BinaryFormatError)) throw error;
      yield failure(path, error.code, error.message);
    }
    return;
  }
  const binary = sniffBinary(head);
  if (binary !== null) {
    yield failure(path, 'BINARY', `is not text: looks like ${binary}`);
    return;
  }
  const encoding = detectEncoding(head, source.complete, options.encoding);
  if (!encoding.ok) {
    yield failure(path, 'DECODE', encoding.problem);
    return;
  }
  const headText = decodeBytes(head.subarray(0, Math.min(head.length, 8192)), encoding.encoding);
  const start = headText.ok ? headText.text : '';
  if (source.complete && start.trim() === '' && head.length <= 8192) {
    yield failure(path, 'EMPTY', 'file contains only whitespace');
    return;
  }
  const choice = chooseTextFormat(path, start.replace(/^\uFEFF/u, ''), option);
  if (!choice.ok) {
    yield failure(path, choice.code, choice.problem);
    return;
  }
  const fileId = documentId(path);
  if (STREAMED.has(choice.format)) {
    const ctx = { path, fileId, format: choice.format, fields: options.fields ?? {}, encoding: encoding.encoding, bom: encoding.bom, meta: { encoding: encoding.encoding } };
    if (choice.format === 'jsonl') yield* readJsonLines(source.chunks(), ctx);
    else yield* readCsv(source.chunks(), { ...ctx, delimiter: choice.format === 'tsv' ? '\t' : sniffDelimiter(start) });
    return;
  }
  // A head of pure ASCII said nothing about the encoding: detect again on the whole file.
  const redetect = encoding.by === 'utf-8' && !head.some((b) => b >= 0x80);
  const decoded = decodeBytes(await source.readAll(), redetect ? undefined : encoding.encoding);
  if (!decoded.ok) {
    yield failure(path, decoded.code, decoded.problem);
    return;
  }
  if (decoded.text.trim() === '') {
    yield failure(path, 'EMPTY', 'file contains only whitespace');
    return;
  }
  yield* fromWholeText(decoded.text, choice.format, path, decoded.encoding, options);
}

/**
 * Reads one file (or `-`, stdin) that holds one document into a Document or an error record; never
 * throws for a bad file. A file with several records (JSONL, CSV, a JSON array, a feed) gives an
 * error record when it holds more than one: read those with `readDocuments`.
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<AdapterRecord> {
  const records = readPath(path, options);
  try {
    const first = await records.next();
    if (first.done === true) return failure(path, 'EMPTY', 'holds no document');
    const second = await records.next();
    if (second.done !== true) return failure(path, 'UNSUPPORTED_FORMAT', 'holds more than one document (read it with readDocuments)');
    return first.value;
  } finally {
    await records.return(undefined);
  }
}

/** Code-unit order, the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* walk(path: string, options: ReadOptions, ancestors: ReadonlySet<string>, explicit: boolean): AsyncGenerator<AdapterRecord> {
  if (path === STDIN && explicit) {
    yield* readPath(path, options);
    return;
  }
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    yield ioFailure(path, error);
    return;
  }
  if (info.isFile()) {
    if (!explicit && (options.format ?? 'auto') === 'auto' && !isWalkedPath(path)) {
      options.onSkip?.(path, 'not a document format; name it or pass a format to read it');
      return;
    }
    yield* readPath(path, options);
    return;
  }
  if (!info.isDirectory()) {
    yield failure(path, 'UNSUPPORTED_FORMAT', 'is not a regular file');
    return;
  }
  let names: string[];
  let real: string;
  try {
    real = await realpath(path);
    names = await readdir(path);
  } catch (error) {
    yield ioFailure(path, error);
    return;
  }
  if (ancestors.has(real)) return; // a symlink back to a directory being walked
  const inside = new Set(ancestors).add(real);
  for (const name of names.filter((n) => !n.startsWith('.')).sort(byName)) yield* walk(join(path, name), options, inside, false);
}

/**
 * Walks files and directories (recursively, entries sorted by name, hidden entries skipped) and
 * yields one record per document, in order; never throws for a bad file. A multi-record file
 * (JSONL, CSV/TSV, a JSON array, an RSS/Atom feed) yields one record per item, JSONL and CSV read
 * record by record in bounded memory. `-` reads standard input. Inside directories only document
 * formats are taken (see `ReadOptions.onSkip`); files named explicitly are always read.
 */
export async function* readDocuments(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<AdapterRecord> {
  for (const path of paths) yield* walk(path, options, new Set(), true);
}
