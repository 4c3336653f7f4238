/**
 * Which legacy single-byte encoding a file is in: each candidate of `data/encodings.json` decodes the
 * bytes, and the decoding that reads most like real text wins. "Like real text" is scored per token
 * that holds a non-ASCII character (ASCII reads the same in every candidate): common letters of the
 * token's script score high, rare ones low; a token that mixes scripts (Arabic and Latin, as Cyrillic
 * cp1251 bytes give in cp1256) or case (пРИВЕТ, as cp1251 bytes give in KOI8-R), and characters a
 * text does not hold (control codes, box drawing, undefined bytes), score far lower.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';

interface CharsetData {
  candidates: string[];
  letters: Record<string, Record<string, number>>;
}

interface Model {
  candidates: readonly string[];
  /** Script name → case-folded letter → log10 of its percentage. */
  letters: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

let model: Model | undefined;

function loadModel(): Model {
  if (model) return model;
  const data = JSON.parse(readFileSync(new URL('../data/encodings.json', import.meta.url), 'utf8')) as CharsetData;
  const letters = new Map<string, Map<string, number>>();
  for (const [script, table] of Object.entries(data.letters)) {
    letters.set(script, new Map(Object.entries(table).map(([letter, pct]) => [letter, Math.log10(pct)])));
  }
  model = { candidates: data.candidates.filter((c) => iconv.encodingExists(c)), letters };
  return model;
}

/** Score of a letter that is in a known script but not in its table, and of a letter of another script. */
const RARE_LETTER = -2.5;
const FOREIGN_LETTER = -3;
const MIXED_SCRIPT = -3;
const MIXED_CASE = -2;
const ODD_SYMBOL = -3;
const UNDEFINED = -6;

const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['latin', /\p{Script=Latin}/u],
];

function scriptOf(letter: string): string {
  for (const [name, re] of SCRIPTS) if (re.test(letter)) return name;
  return 'other';
}

/** Punctuation and symbols that real text holds. */
const TEXT_SYMBOL = /[\p{N}\s\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}.,;:!?'"%&*/\\@#№§©®°·•…«»،؛؟+=<>|_~^`$€£₽₸]/u;
const CASED = /[\p{Lu}\p{Ll}]/u;

/** What one character contributes, computed once per character and model. */
type CharInfo = { kind: 'mark' } | { kind: 'letter'; script: string; score: number; cased: boolean; upper: boolean } | { kind: 'other'; score: number };

const charCache = new Map<string, CharInfo>();

function charInfo(ch: string, m: Model): CharInfo {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let info: CharInfo;
  if (/\p{M}/u.test(ch)) info = { kind: 'mark' }; // Arabic short vowels and other marks: neutral
  else if (/\p{L}/u.test(ch)) {
    const script = scriptOf(ch);
    const table = m.letters.get(script);
    const cased = CASED.test(ch);
    info = { kind: 'letter', script, score: table ? (table.get(ch.toLowerCase()) ?? RARE_LETTER) : FOREIGN_LETTER, cased, upper: cased && ch !== ch.toLowerCase() };
  } else if (ch === '\uFFFD' || /[\p{Cc}\p{Cn}\p{Co}]/u.test(ch)) info = { kind: 'other', score: UNDEFINED };
  else info = { kind: 'other', score: TEXT_SYMBOL.test(ch) ? 0 : ODD_SYMBOL };
  charCache.set(ch, info);
  return info;
}

function scoreToken(token: string, m: Model): number {
  let score = 0;
  let letters = 0;
  let script: string | null = null;
  let mixedScript = false;
  /** Case of the cased letters after the first: all upper, all lower, or mixed. */
  let casedSeen = 0;
  let restUpper = 0;
  let restLower = 0;
  for (const ch of token) {
    const info = charInfo(ch, m);
    if (info.kind === 'mark') continue;
    if (info.kind === 'other') {
      score += info.score;
      continue;
    }
    letters++;
    score += info.score;
    if (script === null) script = info.script;
    else if (script !== info.script) mixedScript = true;
    if (info.cased && casedSeen++ > 0) {
      if (info.upper) restUpper++;
      else restLower++;
    }
  }
  if (mixedScript) score += MIXED_SCRIPT * letters;
  if (restUpper > 0 && restLower > 0) score += MIXED_CASE * letters;
  return score;
}

/** Average score per character of the tokens holding non-ASCII characters; null when there are none. */
export function textScore(text: string): number | null {
  const m = loadModel();
  let total = 0;
  let chars = 0;
  for (const token of text.split(/\s+/u)) {
    if (!/[^\x00-\x7F]/u.test(token)) continue;
    total += scoreToken(token, m);
    chars += [...token].length;
  }
  return chars === 0 ? null : total / chars;
}

/** How much of the input is scored: 16 kB decide as well as 64. */
const SAMPLE_BYTES = 16 * 1024;

/** Below this average score a decoding is taken as garbage: no candidate reads as text. */
export const MIN_SCORE = -1.2;

export interface LegacyGuess {
  encoding: string;
  score: number;
}

/** The candidate encoding whose decoding of `bytes` scores best (the first one wins a tie). */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const m = loadModel();
  bytes = bytes.subarray(0, SAMPLE_BYTES);
  let best: LegacyGuess = { encoding: m.candidates[0] ?? 'windows-1252', score: -Infinity };
  for (const encoding of m.candidates) {
    const score = textScore(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)) ?? 0;
    if (score > best.score) best = { encoding, score };
  }
  return best;
}
