/** ISO 15924 codes of the scripts topictag tells apart. `Zyyy` = no letters (digits, punctuation). */
export type Script = 'Latn' | 'Cyrl' | 'Arab' | 'Grek' | 'Armn' | 'Geor' | 'Hebr' | 'Hani' | 'Deva' | 'Other' | 'Zyyy';

const SCRIPTS: Array<[Script, RegExp]> = [
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Deva', /\p{Script=Devanagari}/u],
];
const LETTER = /\p{L}/u;

const memo = new Map<string, Script>();

/** The script of one character (memoized: texts use few distinct characters). */
export function scriptOfChar(ch: string): Script {
  let script = memo.get(ch);
  if (script === undefined) {
    script = LETTER.test(ch) ? (SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other') : 'Zyyy';
    if (memo.size < 65536) memo.set(ch, script);
  }
  return script;
}

/** The script of a word: that of its first letter. */
export function scriptOf(word: string): Script {
  for (const ch of word) {
    const s = scriptOfChar(ch);
    if (s !== 'Zyyy') return s;
  }
  return 'Zyyy';
}

/** Letter counts per script in `text`. */
export function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const s = scriptOfChar(ch);
    if (s !== 'Zyyy') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}
