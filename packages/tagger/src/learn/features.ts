import type { Analysis } from '@topictag/core';

/** Which features describe a text. Defaults suit short news texts in any language. */
export interface FeatureOptions {
  /** Word stems (the core's language packs). Default true. */
  words?: boolean;
  /** Pairs of adjacent word stems. Default true. */
  bigrams?: boolean;
  /** Character n-grams of normalized words, with word boundaries, as [min, max]; null for none. Default [2, 5]. */
  chars?: [number, number] | null;
  /** Linked entity ids (`country:KZ`, `org:csto`). Default true. */
  entities?: boolean;
}

export const DEFAULT_FEATURES: Required<FeatureOptions> = { words: true, bigrams: true, chars: [2, 5], entities: true };

/** Feature counts of one analysed text (keys are prefixed by kind: `w:`, `b:`, `c:`, `e:`). */
export function extractFeatures(analysis: Analysis, options: FeatureOptions = {}): Map<string, number> {
  const o = { ...DEFAULT_FEATURES, ...options };
  const counts = new Map<string, number>();
  const add = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
  let prev: string | null = null;
  let prevSentence = -1;
  for (const t of analysis.tokens) {
    if (o.words) add(`w:${t.key}`);
    if (o.bigrams) {
      if (prev !== null && prevSentence === t.sentence) add(`b:${prev} ${t.key}`);
      prev = t.key;
      prevSentence = t.sentence;
    }
    if (o.chars) {
      const w = `<${t.norm}>`;
      const [min, max] = o.chars;
      for (let n = min; n <= max; n++) for (let i = 0; i + n <= w.length; i++) add(`c:${w.slice(i, i + n)}`);
    }
  }
  if (o.entities) for (const e of analysis.entities) if (e.id) add(`e:${e.id}`);
  return counts;
}
