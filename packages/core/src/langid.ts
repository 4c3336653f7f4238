import { readFileSync } from 'node:fs';
import { francAll } from 'franc-min';
import { scriptCounts, type Script } from './script.js';
import type { LanguageCode } from './types.js';

interface LetterCue {
  lang: LanguageCode;
  script: Script;
  letters: string;
  minShare: number;
  requiresEach?: string[];
}
interface IdentifyData {
  iso639_3to1: Record<string, string>;
  letterCues: LetterCue[];
  scriptDefault: Partial<Record<Script, LanguageCode>>;
  francLanguages: Partial<Record<Script, string[]>>;
  francConstraints: Record<string, { requires?: string; forbids?: string }>;
}

let data: IdentifyData | undefined;
const MAX_SAMPLE = 2000;
function load(): IdentifyData {
  return (data ??= JSON.parse(readFileSync(new URL('../data/languages/identify.json', import.meta.url), 'utf8')) as IdentifyData);
}

/** How a language was identified. */
export interface LanguageGuess {
  /** ISO 639-1 code where one exists, else ISO 639-3; `und` when the text has no letters. */
  lang: LanguageCode;
  /** The dominant script and its share of all letters. */
  script: Script | null;
  scriptShare: number;
  /** `letters` (a language-specific alphabet), `franc` (trigram model), or `script` (script default). */
  method: 'letters' | 'franc' | 'script' | 'none';
}

/**
 * Identifies the language of a text. The dominant script decides the family; letters unique to a
 * language decide next (Kazakh ұ ә і …, Tajik ҷ ӣ ӯ, Persian پ چ ژ گ); then franc, limited to the languages
 * of that script; and the script's default language when the text is too short for franc.
 * Mixed-language text gets the language of its dominant script; the analysis still stems each word
 * with the pack of the word's own script.
 */
export function detectLanguage(text: string): LanguageGuess {
  const d = load();
  // A few thousand characters decide as well as a whole book does.
  if (text.length > MAX_SAMPLE) text = text.slice(0, MAX_SAMPLE);
  const counts = scriptCounts(text);
  let total = 0;
  let script: Script | null = null;
  let best = 0;
  for (const [s, n] of counts) {
    total += n;
    if (n > best) [script, best] = [s, n];
  }
  if (!script) return { lang: 'und', script: null, scriptShare: 0, method: 'none' };
  const share = best / total;
  const lower = text.toLowerCase();
  for (const cue of d.letterCues) {
    if (cue.script !== script) continue;
    const hits = countLetters(lower, cue.letters);
    if (hits / best < cue.minShare) continue;
    if (cue.requiresEach?.some((set) => countLetters(lower, set) === 0)) continue;
    return { lang: cue.lang, script, scriptShare: share, method: 'letters' };
  }
  const fallback = d.scriptDefault[script] ?? 'und';
  const only = d.francLanguages[script];
  if (only) {
    const fits = ([code]: [string, number]) => {
      const c = d.francConstraints[code];
      return !c || ((!c.requires || countLetters(lower, c.requires) > 0) && (!c.forbids || countLetters(lower, c.forbids) === 0));
    };
    const top = francAll(text, { minLength: 20, only }).find(fits);
    if (top && top[0] !== 'und') return { lang: d.iso639_3to1[top[0]] ?? top[0], script, scriptShare: share, method: 'franc' };
  }
  return { lang: fallback, script, scriptShare: share, method: 'script' };
}

function countLetters(text: string, letters: string): number {
  let n = 0;
  for (const ch of text) if (letters.includes(ch)) n++;
  return n;
}
