/** CSV and TSV: a header row names the fields, each further row is one record; streamed. */
import { parse, type Info } from 'csv-parse';
import { DecodeError } from './encoding.js';
import type { StreamContext } from './jsonl.js';
import { streamText } from './line-stream.js';
import { itemError, recordToDocument } from './record.js';
import type { AdapterRecord } from './types.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter of the header line: the candidate occurring most often outside quotes (`,` on a tie). */
export function sniffDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/u, '').split('\n', 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let count = 0;
  for (const d of DELIMITERS) {
    const c = unquoted.split(d).length - 1;
    if (c > count) {
      best = d;
      count = c;
    }
  }
  return best;
}

/** Header names: trimmed; an empty or repeated one becomes `column N`. */
function headerNames(row: readonly string[]): string[] {
  const seen = new Set<string>();
  return row.map((raw, i) => {
    const name = raw.trim();
    const unique = name === '' || seen.has(name) ? `column ${i + 1}` : name;
    seen.add(unique);
    return unique;
  });
}

interface Row {
  record: string[];
  info: Info;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && Array.isArray((value as Row).record);
}

/**
 * Records of a CSV/TSV stream. A row with more or fewer fields than the header is an error record
 * for that row; a syntax error that ends the parse (an unclosed quote) is one error record for the
 * rest of the file.
 */
export async function* readCsv(chunks: AsyncIterable<Uint8Array>, ctx: StreamContext & { delimiter: string }): AsyncGenerator<AdapterRecord> {
  const parser = parse({ delimiter: ctx.delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true });
  // Rows are collected from events and handed on after each chunk, so that the rows before a syntax
  // error are not lost with it (an async iterator over the parser would drop its buffer on error).
  const rows: Row[] = [];
  let failure: unknown = null;
  let ended = false;
  parser.on('data', (row: unknown) => {
    if (isRow(row)) rows.push(row);
  });
  parser.on('error', (error) => {
    failure = error;
  });
  const settled = new Promise<void>((resolve) => {
    parser.on('end', () => resolve());
    parser.on('error', () => resolve());
  });
  let header: string[] | null = null;
  let n = 0;
  function* take(): Generator<AdapterRecord> {
    for (const row of rows.splice(0)) {
      if (header === null) {
        header = headerNames(row.record);
        continue;
      }
      const item = { ...ctx, n: ++n, where: `line ${row.info.lines}`, meta: { ...ctx.meta, line: row.info.lines } };
      if (row.record.length !== header.length) {
        yield itemError(item, 'PARSE_ERROR', `has ${row.record.length} fields, the header has ${header.length}`);
        continue;
      }
      const columns = header;
      yield recordToDocument(Object.fromEntries(columns.map((name, i) => [name, row.record[i] ?? ''])), item);
    }
  }
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  try {
    for await (const text of streamText(chunks, ctx.encoding, ctx.bom)) {
      parser.write(text);
      await tick();
      yield* take();
      if (failure !== null) break;
    }
  } catch (error) {
    failure = error;
  }
  if (failure === null) {
    parser.end();
    await settled;
    ended = true;
  }
  yield* take();
  if (failure !== null) {
    const item = { ...ctx, n: n + 1, where: `line ${parser.info.lines}` };
    const message = failure instanceof Error ? failure.message : String(failure);
    yield itemError(item, failure instanceof DecodeError ? 'DECODE' : 'PARSE_ERROR', `${message}; the rest of the file is not read`);
    if (!ended) parser.destroy();
    return;
  }
  if (header === null || n === 0) yield itemError({ ...ctx, n: null, where: '' }, 'EMPTY', header === null ? 'has no rows' : 'has a header but no records');
}
