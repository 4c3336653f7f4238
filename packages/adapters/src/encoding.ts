/**
 * Which encoding a byte stream is in, and decoders for it. Order: a BOM; the `encoding` option;
 * UTF-16 without a BOM (by the pattern of its high bytes); valid UTF-8; an encoding the content
 * declares (`<meta charset>`, `<?xml encoding?>`); else the legacy encoding whose decoding reads
 * most like text (see `charset.ts`).
 */
import iconv from 'iconv-lite';
import { guessLegacyEncoding, MIN_SCORE } from './charset.js';

export type EncodingChoice =
  | { ok: true; encoding: string; /** Bytes of BOM to skip. */ bom: number; /** How it was chosen. */ by: 'bom' | 'option' | 'utf-16' | 'utf-8' | 'declared' | 'detected' }
  | { ok: false; problem: string };

/** Whether an encoding name is known (any iconv-lite name or alias, e.g. `cp1251`, `koi8-r`, `latin1`). */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase();
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf16le' || n === 'utf-16') return 'utf-16le';
  if (n === 'utf16be') return 'utf-16be';
  return n;
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** High bytes of UTF-16 text: 0x00 (ASCII, Latin-1), 0x04 (Cyrillic), 0x06 (Arabic), 0x20 (punctuation). */
const TEXT_HIGH_BYTES = new Set([0x00, 0x04, 0x05, 0x06, 0x20]);

/**
 * UTF-16 without a BOM: nearly every high byte is one of a few script pages, some are 0 (spaces,
 * digits), and the low bytes are not mostly 0.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length, 8192) >> 1;
  if (pairs < 4) return null;
  for (const [encoding, hi] of [['utf-16le', 1], ['utf-16be', 0]] as const) {
    let text = 0;
    let zeroHigh = 0;
    let zeroLow = 0;
    for (let i = 0; i < pairs; i++) {
      const h = bytes[2 * i + hi] ?? 0;
      const l = bytes[2 * i + 1 - hi] ?? 0;
      if (TEXT_HIGH_BYTES.has(h)) text++;
      if (h === 0) zeroHigh++;
      if (l === 0) zeroLow++;
    }
    if (text / pairs >= 0.95 && zeroHigh / pairs >= 0.05 && zeroLow / pairs <= 0.02) return encoding;
  }
  return null;
}

function utf8Lead(b: number): { need: number; min: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, min: 0x80 };
  if (b >= 0xe0 && b <= 0xef) return { need: 2, min: 0x800 };
  if (b >= 0xf0 && b <= 0xf4) return { need: 3, min: 0x10000 };
  return null;
}

/**
 * Byte offset of the first invalid UTF-8 sequence, or -1. With `partial`, a sequence cut off by the
 * end of `bytes` (the head of a longer stream) is not an error.
 */
export function firstInvalidUtf8(bytes: Uint8Array, partial = false): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const lead = utf8Lead(b);
    if (lead === null) return i;
    if (i + lead.need >= bytes.length) {
      if (partial && [...bytes.subarray(i + 1)].every((c) => (c & 0xc0) === 0x80)) return -1;
      return i;
    }
    let cp = b & (0x3f >> lead.need);
    for (let k = 1; k <= lead.need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < lead.min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += lead.need + 1;
  }
  return -1;
}

/** An encoding named in the first bytes: `<?xml … encoding="…"?>` or `<meta charset>` / `http-equiv` content. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const name = m?.[1];
  return name !== undefined && isKnownEncoding(name) ? canonicalEncoding(name) : null;
}

/**
 * The encoding of a stream from its first bytes. `complete` says whether `head` is the whole input
 * (else a UTF-8 sequence cut at its end is allowed).
 */
export function detectEncoding(head: Uint8Array, complete: boolean, option?: string): EncodingChoice {
  const bom = bomOf(head);
  if (option !== undefined && option !== 'auto') {
    if (!isKnownEncoding(option)) return { ok: false, problem: `unknown encoding "${option}"` };
    const encoding = canonicalEncoding(option);
    return { ok: true, encoding, bom: bom !== null && bom.encoding === encoding ? bom.length : 0, by: 'option' };
  }
  if (bom !== null) return { ok: true, encoding: bom.encoding, bom: bom.length, by: 'bom' };
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return { ok: true, encoding: utf16, bom: 0, by: 'utf-16' };
  const bad = firstInvalidUtf8(head, !complete);
  if (bad < 0) return { ok: true, encoding: 'utf-8', bom: 0, by: 'utf-8' };
  const declared = declaredEncoding(head);
  if (declared !== null && declared !== 'utf-8') return { ok: true, encoding: declared, bom: 0, by: 'declared' };
  const guess = guessLegacyEncoding(head);
  if (guess.score < MIN_SCORE) {
    const byte = (head[bad] ?? 0).toString(16).padStart(2, '0');
    return { ok: false, problem: `is not valid UTF-8 (invalid byte 0x${byte} at offset ${bad}) and reads as no known legacy encoding; pass the encoding` };
  }
  return { ok: true, encoding: guess.encoding, bom: 0, by: 'detected' };
}

/** Whether bytes split at 0x0A split the text at line breaks (true for every single-byte encoding and UTF-8). */
export function isAsciiCompatible(encoding: string): boolean {
  return !/^utf-?(16|32)|^ucs-?2/i.test(encoding);
}

/** A decoder that may be fed a stream chunk by chunk. `write` throws on invalid UTF-8/UTF-16. */
export interface StreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export class DecodeError extends Error {}

export function createDecoder(encoding: string): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    const run = (f: () => string): string => {
      try {
        return f();
      } catch {
        throw new DecodeError(`is not valid ${encoding.toUpperCase()}`);
      }
    };
    return { write: (bytes) => run(() => decoder.decode(bytes, { stream: true })), end: () => run(() => decoder.decode()) };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), end: () => decoder.end() ?? '' };
}

/** Decodes a whole buffer; throws DecodeError (with the byte offset for UTF-8) on invalid input. */
export function decodeAll(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) throw new DecodeError(`is not valid UTF-8 (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad})`);
  }
  const decoder = createDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}

/** Encodes text (for tests and fixtures): any iconv-lite encoding. */
export function encodeText(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}
