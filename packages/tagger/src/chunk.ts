/**
 * Sentence-window chunking: a document's sentences become the pieces that are embedded, each within
 * the model's maximum length. A window holds up to `window` consecutive sentences (as many as fit); a
 * sentence longer than the maximum is cut at spaces into pieces that fit.
 */
import type { TextSpan } from '@topictag/core';

/** One piece of text to embed: its span in the document and the sentences (indices) it covers. */
export interface Chunk extends TextSpan {
  first: number;
  last: number;
}

export interface ChunkOptions {
  /** Tokens per text, special tokens included. */
  countTokens: (texts: readonly string[]) => Promise<number[]>;
  maxTokens: number;
  /** Sentences per window (1 = each sentence alone). Default 1. */
  window?: number;
  /** Tokens the embedder adds per input (e.g. [CLS] and [SEP]); joined windows count them once. Default 2. */
  specialTokens?: number;
}

/** Chunks of `text`'s sentences; every sentence is covered, every chunk fits `maxTokens`. */
export async function chunkSentences(text: string, sentences: readonly TextSpan[], options: ChunkOptions): Promise<Chunk[]> {
  const { countTokens, maxTokens } = options;
  const window = Math.max(1, options.window ?? 1);
  const special = options.specialTokens ?? 2;
  const counts = await countTokens(sentences.map((s) => s.text));
  const chunks: Chunk[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (counts[i]! > maxTokens) {
      for (const piece of await split(text, s, counts[i]!, options)) chunks.push({ ...piece, first: i, last: i });
      continue;
    }
    let last = i;
    let tokens = counts[i]!;
    while (last + 1 < sentences.length && last + 1 - i < window && tokens + counts[last + 1]! - special <= maxTokens) {
      last++;
      tokens += counts[last]! - special;
    }
    const end = sentences[last]!.end;
    chunks.push({ start: s.start, end, text: text.slice(s.start, end), first: i, last });
  }
  return chunks;
}

/** Cuts a span at the space nearest its middle until every piece fits (a space-less run is cut mid-way). */
async function split(text: string, span: TextSpan, tokens: number, options: ChunkOptions): Promise<TextSpan[]> {
  if (tokens <= options.maxTokens || span.end - span.start < 2) return [span];
  const mid = Math.floor((span.start + span.end) / 2);
  let cut = -1;
  for (let d = 0; d < (span.end - span.start) / 2 && cut < 0; d++) {
    if (/\s/u.test(text[mid + d] ?? '')) cut = mid + d;
    else if (/\s/u.test(text[mid - d] ?? '')) cut = mid - d;
  }
  if (cut <= span.start || cut >= span.end) cut = mid;
  const halves = [trim(text, span.start, cut), trim(text, cut, span.end)].filter((h) => h.end > h.start);
  const counts = await options.countTokens(halves.map((h) => h.text));
  const out: TextSpan[] = [];
  for (let k = 0; k < halves.length; k++) out.push(...(await split(text, halves[k]!, counts[k]!, options)));
  return out;
}

function trim(text: string, start: number, end: number): TextSpan {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
}
