/** Lines of a byte stream, decoded one by one, so that a bad line spoils only itself. */
import { createDecoder, decodeAll, DecodeError, isAsciiCompatible } from './encoding.js';

export type StreamLine = { line: number; text: string } | { line: number; error: string };

const NEWLINE = 0x0a;

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function decodeLine(bytes: Uint8Array, encoding: string, line: number): StreamLine {
  try {
    return { line, text: stripCr(decodeAll(bytes, encoding)) };
  } catch (error) {
    if (error instanceof DecodeError) return { line, error: error.message };
    throw error;
  }
}

/**
 * Splits a stream into lines (numbered from 1, `\n` or `\r\n`), skipping `skip` leading bytes (a BOM).
 * For UTF-8 and single-byte encodings the bytes are split first, so an invalid byte gives an error
 * for its line only; UTF-16 is decoded as a stream and split after. Memory: one line at a time.
 */
export async function* streamLines(chunks: AsyncIterable<Uint8Array>, encoding: string, skip = 0): AsyncGenerator<StreamLine> {
  let line = 0;
  if (!isAsciiCompatible(encoding)) {
    const decoder = createDecoder(encoding);
    let pending = '';
    let skipped = 0;
    try {
      for await (let chunk of chunks) {
        if (skipped < skip) {
          const cut = Math.min(skip - skipped, chunk.length);
          chunk = chunk.subarray(cut);
          skipped += cut;
        }
        pending += decoder.write(chunk);
        let at = pending.indexOf('\n');
        while (at >= 0) {
          yield { line: ++line, text: stripCr(pending.slice(0, at)) };
          pending = pending.slice(at + 1);
          at = pending.indexOf('\n');
        }
      }
      pending += decoder.end();
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      yield { line: line + 1, error: `${error.message} (from this line on)` };
      return;
    }
    if (pending !== '') yield { line: ++line, text: stripCr(pending) };
    return;
  }
  let parts: Uint8Array[] = [];
  for await (const chunk of skipBytes(chunks, skip)) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, from)) {
      parts.push(chunk.subarray(from, at));
      yield decodeLine(parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts), encoding, ++line);
      parts = [];
      from = at + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (parts.length > 0) yield decodeLine(Buffer.concat(parts), encoding, ++line);
}

/** The decoded text of a stream, chunk by chunk (for the CSV parser). Throws DecodeError. */
export async function* streamText(chunks: AsyncIterable<Uint8Array>, encoding: string, skip = 0): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  for await (const chunk of skipBytes(chunks, skip)) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** The chunks without their first `skip` bytes (a byte-order mark already read). */
async function* skipBytes(chunks: AsyncIterable<Uint8Array>, skip: number): AsyncGenerator<Uint8Array> {
  let skipped = 0;
  for await (const chunk of chunks) {
    const cut = Math.min(skip - skipped, chunk.length);
    skipped += cut;
    yield cut > 0 ? chunk.subarray(cut) : chunk;
  }
}
