/** Bytes to text: binary detection, then decoding in the detected (or given) encoding. */
import { decodeAll, DecodeError, detectEncoding, utf16WithoutBom } from './encoding.js';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; code: 'BINARY' | 'DECODE'; problem: string };

const SNIFF_BYTES = 8192;

/** File signatures of common binary formats. `null` matches any byte. */
const MAGIC: ReadonlyArray<{ kind: string; offset: number; bytes: ReadonlyArray<number | null> }> = [
  { kind: 'a PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'a WebP image', offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { kind: 'a PDF document', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'a ZIP archive (or DOCX/XLSX/EPUB)', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { kind: 'a 7z archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a RAR archive', offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'an MS Office (OLE) document', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'an ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'an MP4/MOV video', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { kind: 'an MP3 file', offset: 0, bytes: [0x49, 0x44, 0x33] },
  { kind: 'a WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
];

function startsWith(bytes: Uint8Array, offset: number, sig: ReadonlyArray<number | null>): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => b === null || bytes[offset + i] === b);
}

/** The binary format a file's signature names, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(bytes, m.offset, m.bytes)) return m.kind;
  return null;
}

/** A description of the binary format, or null if the bytes may be text (UTF-16 included). */
export function sniffBinary(bytes: Uint8Array): string | null {
  const signature = binarySignature(bytes);
  if (signature !== null) return signature;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes) !== null) return null;
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  return nul >= 0 ? `binary data (NUL byte at offset ${nul})` : null;
}

/** Decodes a whole file's bytes: binary check, encoding detection (or `encoding`), BOM stripped. */
export function decodeBytes(bytes: Uint8Array, encoding?: string): Decoded {
  const binary = sniffBinary(bytes);
  if (binary !== null) return { ok: false, code: 'BINARY', problem: `is not text: looks like ${binary}` };
  const choice = detectEncoding(bytes, true, encoding);
  if (!choice.ok) return { ok: false, code: 'DECODE', problem: choice.problem };
  try {
    return { ok: true, text: decodeAll(bytes.subarray(choice.bom), choice.encoding), encoding: choice.encoding };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, code: 'DECODE', problem: error.message };
    throw error;
  }
}
