/**
 * Unicode normalization for matching, with a map back to the original offsets.
 *
 * Every output UTF-16 unit `i` knows the original range `[starts[i], ends[i])` it came from, so a span
 * found in normalized text maps back exactly: `[starts[s], ends[e - 1])`.
 */
export interface Normalized {
  /** The normalized text: NFKC, lower-cased, script-specific folding (see `foldCluster`). */
  text: string;
  /** For each UTF-16 unit of `text`: the start offset of the original grapheme cluster it came from. */
  starts: Int32Array;
  /** For each UTF-16 unit of `text`: the end offset of the original grapheme cluster it came from. */
  ends: Int32Array;
}

// Arabic harakat, Quranic marks and superscript alef; tatweel; invisible format characters.
const REMOVED = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u00AD\u200B-\u200F\u2060\uFEFF]/gu;
const FOLDS: Record<string, string> = {
  // Cyrillic: ё is written as е in most Russian text. Kazakh letters (ә ғ қ ң ө ұ ү һ і) stay distinct.
  'ё': 'е',
  // Arabic: hamza-carrying alefs and alef wasla → bare alef; alef maqsura → ya; ta marbuta → ha.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
  // Persian/Urdu keheh and farsi yeh → Arabic kaf and ya, so one spelling matches both.
  'ک': 'ك', 'ی': 'ي', 'ۀ': 'ه',
  // Typographic apostrophes → ASCII, so "Kazakhstan’s" and "Kazakhstan's" are one token.
  '\u2019': "'", '\u02BC': "'",
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/** Normalizes one grapheme cluster (base character plus combining marks). */
export function foldCluster(cluster: string): string {
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .replace(REMOVED, '')
    .replace(FOLD_RE, (c) => FOLDS[c] ?? c);
}

const MARK = /\p{M}/u;
const charCache = new Map<string, string>();

/** `foldCluster` for one UTF-16 unit, memoized: most text is a small alphabet. */
function foldChar(c: string): string {
  let f = charCache.get(c);
  if (f === undefined) {
    f = foldCluster(c);
    if (charCache.size < 65536) charCache.set(c, f);
  }
  return f;
}

/** Normalizes `input` and keeps, for every output unit, the original range it came from. */
export function normalize(input: string): Normalized {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const start = i;
    i += codePointLength(input, i);
    // Attach following combining marks to the cluster, so NFKC can compose them and diacritics drop.
    while (i < input.length && MARK.test(String.fromCodePoint(input.codePointAt(i)!))) {
      i += codePointLength(input, i);
    }
    const folded = i - start === 1 ? foldChar(input[start]!) : foldCluster(input.slice(start, i));
    out += folded;
    for (let k = 0; k < folded.length; k++) {
      starts.push(start);
      ends.push(i);
    }
  }
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Maps a half-open span of normalized text back to the original text. */
export function toOriginal(n: Normalized, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : (n.ends[n.ends.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/** Normalizes a short string (a word or alias) without keeping offsets. */
export function fold(s: string): string {
  return foldCluster(s);
}
