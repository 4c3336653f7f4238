import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Example } from './model.js';

export interface ExampleReadOptions {
  /** Column (CSV/TSV) or field (JSONL) with the text. Default: the first of text, content, body, sentence. */
  textColumn?: string;
  /** Column or field with the label(s). Default: the first of labels, label, category, topic, topics. */
  labelColumn?: string;
  /** Splits a CSV/TSV label cell into several labels. Default `|`. */
  labelSeparator?: string;
  /** Override the format found from the extension (.jsonl, .csv, .tsv). */
  format?: 'jsonl' | 'csv' | 'tsv';
}

/** A problem with an examples file: names the file, the line and what is wrong. */
export class ExamplesError extends Error {
  override name = 'ExamplesError';
}

const TEXT_KEYS = ['text', 'content', 'body', 'sentence'];
const LABEL_KEYS = ['labels', 'label', 'category', 'topic', 'topics'];

/** Reads labelled examples: JSONL `{ "text": …, "labels": [ … ] }`, or CSV/TSV with a header row. */
export async function readExamples(path: string, options: ExampleReadOptions = {}): Promise<Example[]> {
  const format = options.format ?? formatOf(path);
  return format === 'jsonl' ? readJsonl(path, options) : readTable(path, format, options);
}

function formatOf(path: string): 'jsonl' | 'csv' | 'tsv' {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  throw new ExamplesError(`${path}: cannot tell the format from "${ext || 'no extension'}"; use .jsonl, .csv or .tsv (or pass the format)`);
}

function pick(keys: readonly string[], chosen: string | undefined, available: readonly string[], path: string, what: string): string {
  if (chosen) {
    if (!available.includes(chosen)) throw new ExamplesError(`${path}: no ${what} column "${chosen}" (columns: ${available.join(', ')})`);
    return chosen;
  }
  const found = keys.find((k) => available.includes(k));
  if (!found) throw new ExamplesError(`${path}: no ${what} column (looked for ${keys.join(', ')}; columns: ${available.join(', ')}); name it with --${what}-column`);
  return found;
}

async function readJsonl(path: string, options: ExampleReadOptions): Promise<Example[]> {
  const out: Example[] = [];
  let line = 0;
  const input = createReadStream(path, 'utf8');
  const opened = new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch (err) {
    throw new ExamplesError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(raw) as Record<string, unknown>;
    } catch (err) {
      throw new ExamplesError(`${path}:${line}: invalid JSON (${(err as Error).message})`);
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new ExamplesError(`${path}:${line}: expected an object`);
    const keys = Object.keys(obj);
    const textKey = pick(TEXT_KEYS, options.textColumn, keys, `${path}:${line}`, 'text');
    const labelKey = pick(LABEL_KEYS, options.labelColumn, keys, `${path}:${line}`, 'label');
    const text = obj[textKey];
    const labels = obj[labelKey];
    if (typeof text !== 'string' || !text.trim()) throw new ExamplesError(`${path}:${line}: "${textKey}" must be a non-empty string`);
    const list = typeof labels === 'string' ? [labels] : labels;
    if (!Array.isArray(list) || !list.length || list.some((l) => typeof l !== 'string' || !l)) {
      throw new ExamplesError(`${path}:${line}: "${labelKey}" must be a label or a non-empty list of labels`);
    }
    out.push({ text, labels: list as string[] });
  }
  if (!out.length) throw new ExamplesError(`${path}: no examples`);
  return out;
}

async function readTable(path: string, format: 'csv' | 'tsv', options: ExampleReadOptions): Promise<Example[]> {
  const parser = createReadStream(path).pipe(
    parse({ delimiter: format === 'tsv' ? '\t' : ',', columns: true, bom: true, relax_quotes: true, skip_empty_lines: true, trim: false, quote: format === 'tsv' ? false : '"' }),
  );
  const out: Example[] = [];
  let textKey: string | undefined;
  let labelKey: string | undefined;
  const sep = options.labelSeparator ?? '|';
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      const line = out.length + 2;
      textKey ??= pick(TEXT_KEYS, options.textColumn, Object.keys(row), path, 'text');
      labelKey ??= pick(LABEL_KEYS, options.labelColumn, Object.keys(row), path, 'label');
      const text = row[textKey] ?? '';
      const labels = (row[labelKey] ?? '').split(sep).map((l) => l.trim()).filter(Boolean);
      if (!text.trim()) throw new ExamplesError(`${path}:${line}: empty text in column "${textKey}"`);
      if (!labels.length) throw new ExamplesError(`${path}:${line}: no label in column "${labelKey}"`);
      out.push({ text, labels });
    }
  } catch (err) {
    if (err instanceof ExamplesError) throw err;
    const e = err as NodeJS.ErrnoException & { lines?: number };
    throw new ExamplesError(`${path}${e.lines ? `:${e.lines}` : ''}: ${e.code === 'ENOENT' ? 'cannot read (ENOENT)' : e.message}`);
  }
  if (!out.length) throw new ExamplesError(`${path}: no examples`);
  return out;
}
