/** A byte stream (a file or stdin) with its first bytes available for sniffing before it is consumed. */
import { open } from 'node:fs/promises';

/** How many bytes are read ahead to choose the format and encoding. */
export const HEAD_BYTES = 64 * 1024;

export interface ByteSource {
  /** At least the first HEAD_BYTES bytes (all of them when the input is shorter). */
  head: Uint8Array;
  /** `head` is the whole input. */
  complete: boolean;
  /** Every chunk from the start, `head` included. Consumes the source: call once. */
  chunks(): AsyncGenerator<Uint8Array>;
  /** The whole input in one buffer (for formats read whole). Consumes the source. */
  readAll(): Promise<Uint8Array>;
  /** Releases the source when it is not read to its end. */
  close(): Promise<void>;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  return Buffer.concat(parts);
}

/** Reads ahead HEAD_BYTES of an async byte stream; the rest is read only when asked for. */
export async function peekSource(stream: AsyncIterable<Uint8Array>, onDone?: () => Promise<void>): Promise<ByteSource> {
  const iterator = stream[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    first.push(next.value);
    size += next.value.length;
  }
  if (done) await onDone?.();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield* first;
      while (!done) {
        const next = await iterator.next();
        if (next.done === true) break;
        yield next.value;
      }
    } finally {
      done = true;
      await iterator.return?.();
      await onDone?.();
    }
  }
  return {
    head: concat(first),
    complete: done,
    chunks,
    async readAll() {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks()) parts.push(chunk);
      return concat(parts);
    },
    async close() {
      if (!done) {
        done = true;
        await iterator.return?.();
      }
      await onDone?.();
    },
  };
}

/** Opens a file for reading; throws the file system's error (ENOENT, EISDIR, EACCES…). */
export async function openFile(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  try {
    return await peekSource(handle.createReadStream({ highWaterMark: HEAD_BYTES, autoClose: false }), close);
  } catch (error) {
    await close();
    throw error;
  }
}
