/** Quotation marks around names: «Газпром», „Nur Otan“, "Astana". */

/** How a character acts on quoting: 1 opens (« „), 2 closes (»), 3 either (" “: opens when none is open, else closes), 4 closes only (”). */
export function quoteKind(c: number): number {
  return c === 0xab || c === 0x201e ? 1 : c === 0xbb ? 2 : c === 0x22 || c === 0x201c ? 3 : c === 0x201d ? 4 : 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;

/** Whether a closing quote follows `[start, end)` before any letter, digit or opening quote. */
export function closesBefore(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; ) {
    const c = text.codePointAt(j)!;
    const q = quoteKind(c);
    if (q >= 2) return true;
    if (q === 1 || (c < 0x80 ? (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : LETTER_OR_DIGIT.test(String.fromCodePoint(c)))) return false;
    j += c > 0xffff ? 2 : 1;
  }
  return false;
}

/** Whether an opening quote stands right before `at` (spaces between allowed), looking back at most 3 characters. */
export function quotedStart(text: string, at: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    const c = text.charCodeAt(j);
    const q = quoteKind(c);
    if (q === 1 || q === 3) return true;
    if (!SPACE_CHAR.test(text[j]!)) return false;
  }
  return false;
}

/** Whether `[start, end)` is a whole quoted name: an opening quote right before it, a closing one right after (spaces allowed). */
export function isQuoted(text: string, start: number, end: number): boolean {
  return quotedStart(text, start) && closesBefore(text, end, Math.min(text.length, end + 3));
}
