/** Bytes to text: binary detection and strict UTF-8 (or BOM-marked UTF-16) decoding. */

export type Decoded = { ok: true; text: string } | { ok: false; code: 'BINARY' | 'DECODE'; problem: string };

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

/** A description of the binary format, or null if the bytes may be text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(bytes, m.offset, m.bytes)) return m.kind;
  if (isUtf16Bom(bytes)) return null;
  const head = bytes.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  return nul >= 0 ? `binary data (NUL byte at offset ${nul})` : null;
}

function isUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Length of the sequence a UTF-8 lead byte starts and its smallest allowed code point, or null. */
function utf8Lead(b: number): { need: number; min: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, min: 0x80 };
  if (b >= 0xe0 && b <= 0xef) return { need: 2, min: 0x800 };
  if (b >= 0xf0 && b <= 0xf4) return { need: 3, min: 0x10000 };
  return null;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const lead = utf8Lead(b);
    if (lead === null || i + lead.need >= bytes.length) return i;
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

/** Decodes a file's bytes: UTF-8 (BOM stripped), or UTF-16 when it starts with a UTF-16 BOM. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const binary = sniffBinary(bytes);
  if (binary !== null) return { ok: false, code: 'BINARY', problem: `is not text: looks like ${binary}` };
  const utf16 = isUtf16Bom(bytes);
  if (utf16 !== null) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, code: 'DECODE', problem: `is not valid ${utf16.toUpperCase()} text` };
    }
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return { ok: false, code: 'DECODE', problem: `is not valid UTF-8 (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); convert it to UTF-8` };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
