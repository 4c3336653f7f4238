/** JSON Lines: one record per non-blank line, streamed. */
import { streamLines } from './line-stream.js';
import { itemError, recordToDocument, type ItemContext } from './record.js';
import type { AdapterRecord } from './types.js';

export interface StreamContext extends Omit<ItemContext, 'n' | 'where'> {
  encoding: string;
  bom: number;
}

function jsonProblem(error: unknown): string {
  return `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
}

/** One record per non-blank line; a line that is not JSON, or has no text, is an error record for that item. */
export async function* readJsonLines(chunks: AsyncIterable<Uint8Array>, ctx: StreamContext): AsyncGenerator<AdapterRecord> {
  let n = 0;
  for await (const line of streamLines(chunks, ctx.encoding, ctx.bom)) {
    if ('text' in line && line.text.trim() === '') continue;
    const item = { ...ctx, n: ++n, where: `line ${line.line}`, meta: { ...ctx.meta, line: line.line } };
    if ('error' in line) {
      yield itemError(item, 'DECODE', line.error);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      yield itemError(item, 'PARSE_ERROR', jsonProblem(error));
      continue;
    }
    yield recordToDocument(value, item);
  }
}

/** A JSON file read whole: an array gives one record per element, anything else one record. */
export function* readJson(text: string, ctx: Omit<ItemContext, 'n' | 'where'>): Generator<AdapterRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield itemError({ ...ctx, n: null, where: '' }, 'PARSE_ERROR', jsonProblem(error));
    return;
  }
  if (!Array.isArray(value)) {
    yield recordToDocument(value, { ...ctx, n: null, where: '' });
    return;
  }
  if (value.length === 0) {
    yield itemError({ ...ctx, n: null, where: '' }, 'EMPTY', 'is an empty JSON array');
    return;
  }
  for (const [i, item] of value.entries()) yield recordToDocument(item, { ...ctx, n: i + 1, where: `item ${i + 1}` });
}
