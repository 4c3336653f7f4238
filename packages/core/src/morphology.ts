import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Az from 'az';

/**
 * Word classes from a morphological dictionary: what a dictionary knows a word form can be. For Russian
 * this is the OpenCorpora dictionary (pymorphy2 format) shipped by the `az` package: ~390,000 lemmas,
 * every inflected form, with proper-name grammemes (given name, surname, patronymic, place, organization).
 *
 * A class is `proper:common`: the proper-name grammemes any reading of the form carries (`Name`, `Surn`,
 * `Patr`, `Geox`, `Orgn`, `Trad`, in this order, joined by `+`), then the coarse parts of speech of its other
 * readings (`N` noun, `A` adjective or participle, `V` verb, `F` function word, `O` other). `Geox:` is
 * only a place (Бирмингемом), `Surn:N` a surname or a common noun (Королев), `:N` a common noun (Слова),
 * `?` a form the dictionary does not know (most foreign names).
 */
export type WordClasses = (word: string) => string;

const PROPER = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad'] as const;
const COARSE: Record<string, string> = {
  NOUN: 'N', ADJF: 'A', ADJS: 'A', COMP: 'A', PRTF: 'A', PRTS: 'A',
  VERB: 'V', INFN: 'V', GRND: 'V', ADVB: 'F', NPRO: 'F', PRED: 'F', PREP: 'F', CONJ: 'F', PRCL: 'F', INTJ: 'F',
};
const COMMON = ['N', 'A', 'V', 'F', 'O'];

/** The class of one dictionary tag as bits: proper grammemes 0–5, else its coarse part of speech 8–12 (`O` for the rest). */
function tagBits(tag: string): number {
  const grammemes = tag.split(/[ ,]/u);
  let bits = 0;
  PROPER.forEach((g, i) => {
    if (grammemes.includes(g)) bits |= 1 << i;
  });
  if (!bits) bits |= 1 << (8 + COMMON.indexOf(COARSE[grammemes[0]!] ?? 'O'));
  return bits;
}

function bitsToClass(bits: number): string {
  let proper = '';
  let common = '';
  PROPER.forEach((g, i) => {
    if (bits & (1 << i)) proper += proper ? `+${g}` : g;
  });
  COMMON.forEach((c, i) => {
    if (bits & (1 << (8 + i))) common += c;
  });
  return `${proper}:${common}`;
}

/** A directory or file inside an installed package (`az`, `dicts` → …/node_modules/az/dicts). */
export function packageDirectory(name: string, dir: string): string {
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
  } catch {
    throw new Error(`dictionary package "${name}" is not installed (npm install ${name})`);
  }
  return join(dirname(manifest), dir);
}

/**
 * Loads a pymorphy2-format dictionary (`words.dawg`, `paradigms.array`, `gramtab-opencorpora-int.json`)
 * from `dir` and returns the class lookup of its (lowercase) word forms, cached per form.
 */
export function loadWordClasses(dir: string): WordClasses {
  const buffer = (name: string) => {
    const b = readFileSync(join(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  };
  const words = Az.DAWG.fromArrayBuffer(buffer('words.dawg'), 'words');
  const list = new Uint16Array(buffer('paradigms.array'));
  const paradigms: Uint16Array[] = [];
  for (let i = 0, pos = 1; i < list[0]!; i++) {
    const size = list[pos++]!;
    paradigms.push(list.subarray(pos, pos + size));
    pos += size;
  }
  const tags = (JSON.parse(readFileSync(join(dir, 'gramtab-opencorpora-int.json'), 'utf8')) as string[]).map(tagBits);
  const cache = new Map<string, string>();
  const replaces = { 'е': 'ё' };
  return (word) => {
    let out = cache.get(word);
    if (out !== undefined) return out;
    let bits = 0;
    for (const [, entries] of words.findAll(word, replaces, 0, 0)) {
      for (const [p, f] of entries) {
        const paradigm = paradigms[p]!;
        bits |= tags[paradigm[paradigm.length / 3 + f]!]!;
      }
    }
    out = bits ? bitsToClass(bits) : '?';
    if (cache.size > 200_000) cache.clear();
    cache.set(word, out);
    return out;
  };
}

/** Coarse classes of Penn Treebank tags (as in `COMMON`); proper nouns (NNP, NNPS) are the `Prop` class. */
function pennClass(tag: string): string {
  if (tag.startsWith('NN')) return 'N';
  if (tag.startsWith('JJ')) return 'A';
  if (tag.startsWith('VB') || tag === 'MD') return 'V';
  return /^(?:RB|IN|DT|CC|PRP|TO|W|UH|EX|PDT|RP|POS)/u.test(tag) ? 'F' : 'O';
}

/**
 * Loads a part-of-speech lexicon (`{ "word": ["NN", "VB"], "Paris": ["NNP"] }`, Penn Treebank tags,
 * case-sensitive keys), such as the English one natural ships for its Brill tagger, and returns the class
 * lookup of lowercase word forms in the same `proper:common` shape: `Prop` when the form or its capitalized
 * spelling is a proper noun, then the other parts of speech of both spellings (`Prop:` Kazakh, `Prop:N`
 * Smith, `:NAV` growth, `:A` Asian, `?` unknown).
 */
export function loadPosLexicon(file: string): WordClasses {
  const lexicon = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | undefined>;
  const cache = new Map<string, string>();
  const own = (key: string) => (Object.hasOwn(lexicon, key) ? lexicon[key] ?? [] : []);
  return (word) => {
    let out = cache.get(word);
    if (out !== undefined) return out;
    const tags = [...own(word), ...own(word.charAt(0).toUpperCase() + word.slice(1))];
    const proper = tags.some((t) => t.startsWith('NNP'));
    const common = new Set(tags.filter((t) => !t.startsWith('NNP')).map(pennClass));
    out = tags.length ? `${proper ? 'Prop' : ''}:${COMMON.filter((c) => common.has(c)).join('')}` : '?';
    if (cache.size > 200_000) cache.clear();
    cache.set(word, out);
    return out;
  };
}
