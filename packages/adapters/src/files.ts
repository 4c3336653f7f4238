/** Files and directories to AdapterRecords. */
import type { Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { decodeBytes } from './decode.js';
import { chooseFormat, isDocumentPath } from './format.js';
import { fromHtml } from './html.js';
import { fromText } from './text.js';
import type { AdapterErrorCode, AdapterRecord, ReadOptions } from './types.js';

/** Basename without its (last) extension. */
export function documentId(path: string): string {
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

/** Reads one file into a Document, or an error record; never throws for a bad file. */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<AdapterRecord> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return ioFailure(path, error);
  }
  if (bytes.length === 0) return failure(path, 'EMPTY', 'file is empty');
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return failure(path, decoded.code, decoded.problem);
  if (decoded.text.trim() === '') return failure(path, 'EMPTY', 'file contains only whitespace');
  const choice = chooseFormat(path, decoded.text, options);
  if (!choice.ok) return failure(path, 'UNSUPPORTED_FORMAT', choice.problem);
  const init = { id: documentId(path), source: path };
  return { document: choice.format === 'html' ? fromHtml(decoded.text, init) : fromText(decoded.text, init) };
}

/** Code-unit order, the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* walk(path: string, options: ReadOptions, ancestors: ReadonlySet<string>, explicit: boolean): AsyncGenerator<AdapterRecord> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    yield ioFailure(path, error);
    return;
  }
  if (info.isFile()) {
    if (!explicit && (options.format ?? 'auto') === 'auto' && !isDocumentPath(path)) {
      options.onSkip?.(path, 'not a document extension');
      return;
    }
    yield await readDocument(path, options);
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
 * yields one record per file, in order; never throws for a bad file. Inside directories only document
 * files are taken (see `ReadOptions.onSkip`); files named explicitly are always read.
 */
export async function* readDocuments(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<AdapterRecord> {
  for (const path of paths) yield* walk(path, options, new Set(), true);
}
