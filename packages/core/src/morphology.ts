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

/** A pymorphy2-format dictionary as read from its directory (see `openPymorphy2`). */
interface Pymorphy2 {
  words: Dawg;
  /** Per paradigm: suffix ids, then tag ids, then prefix ids, one of each per form. */
  paradigms: Uint16Array[];
  /** Tags (`NOUN,anim,masc sing,gent`). */
  tags: string[];
  suffixes: string[];
  /** Paradigm prefixes (`''`, `по`, `наи`). */
  prefixes: string[];
  /** Word endings → [count, paradigm, form] of the dictionary words with them, for unknown words; read on first use. */
  predictions: () => Dawg;
  /** `form:tag` → P(tag | form) × 1,000,000, estimated on the OpenCorpora corpus; read on first use. */
  probabilities: () => Dawg;
}
type Dawg = ReturnType<typeof Az.DAWG.fromArrayBuffer>;

const opened = new Map<string, Pymorphy2>();

/** Reads a pymorphy2-format dictionary (`words.dawg`, `paradigms.array`, `gramtab-opencorpora-int.json` …) once per directory. */
function openPymorphy2(dir: string): Pymorphy2 {
  let dict = opened.get(dir);
  if (dict) return dict;
  const buffer = (name: string) => {
    const b = readFileSync(join(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  };
  const json = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const list = new Uint16Array(buffer('paradigms.array'));
  const paradigms: Uint16Array[] = [];
  for (let i = 0, pos = 1; i < list[0]!; i++) {
    const size = list[pos++]!;
    paradigms.push(list.subarray(pos, pos + size));
    pos += size;
  }
  const meta = new Map(json<Array<[string, unknown]>>('meta.json'));
  const options = meta.get('compile_options') as { paradigm_prefixes?: string[] } | undefined;
  let predictions: Dawg | undefined;
  let probabilities: Dawg | undefined;
  dict = {
    words: Az.DAWG.fromArrayBuffer(buffer('words.dawg'), 'words'),
    paradigms,
    tags: json<string[]>('gramtab-opencorpora-int.json'),
    suffixes: json<string[]>('suffixes.json'),
    prefixes: options?.paradigm_prefixes ?? [''],
    predictions: () => (predictions ??= Az.DAWG.fromArrayBuffer(buffer('prediction-suffixes-0.dawg'), 'probs')),
    probabilities: () => (probabilities ??= Az.DAWG.fromArrayBuffer(buffer('p_t_given_w.intdawg'), 'int')),
  };
  opened.set(dir, dict);
  return dict;
}

const REPLACES = { 'е': 'ё' };

/**
 * Loads a pymorphy2-format dictionary (`words.dawg`, `paradigms.array`, `gramtab-opencorpora-int.json`)
 * from `dir` and returns the class lookup of its (lowercase) word forms, cached per form.
 */
export function loadWordClasses(dir: string): WordClasses {
  const { words, paradigms, tags: tagNames } = openPymorphy2(dir);
  const tags = tagNames.map(tagBits);
  const cache = new Map<string, string>();
  return (word) => {
    let out = cache.get(word);
    if (out !== undefined) return out;
    let bits = 0;
    for (const [, entries] of words.findAll(word, REPLACES, 0, 0)) {
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

/** One reading of a word form in a dictionary: its OpenCorpora grammemes, and the other forms of its paradigm. */
export interface Reading {
  /** Grammemes (`NOUN`, `anim`, `masc`, `sing`, `gent`, `Surn` …). */
  grammemes: ReadonlySet<string>;
  /**
   * How likely the reading is for its form, P(tag | form), where the dictionary's corpus tells (pymorphy2's
   * `p_t_given_w`: Дмитрия is far more often Дмитрий's genitive than a woman's name); else undefined.
   */
  probability: number | undefined;
  /** False when the form is not in the dictionary and the reading is guessed from its ending. */
  known: boolean;
  /** The form of the reading's paradigm with exactly these grammemes, if it has one (lowercase). */
  formWith(grammemes: ReadonlySet<string>): string | undefined;
}

/** The readings of a lowercase word form; guessed from its ending when the dictionary does not know it. */
export type Readings = (word: string) => readonly Reading[];

/** Parts of speech a guess from a word's ending may have (pymorphy2's productive classes). */
const GUESSABLE = new Set(['NOUN', 'ADJF', 'ADJS', 'COMP', 'VERB', 'INFN', 'PRTF', 'PRTS', 'GRND', 'ADVB']);

/** Loads the readings of a pymorphy2-format dictionary in `dir` (it shares the files `loadWordClasses` reads). */
export function loadReadings(dir: string): Readings {
  const dict = openPymorphy2(dir);
  const grammemes = dict.tags.map((t) => Object.freeze(new Set(t.split(/[ ,]/u))) as ReadonlySet<string>);
  const reading = (word: string, p: number, f: number, known: boolean): Reading => {
    const paradigm = dict.paradigms[p]!;
    const n = paradigm.length / 3;
    const stem = word.slice(dict.prefixes[paradigm[2 * n + f]!]!.length, word.length - dict.suffixes[paradigm[f]!]!.length);
    const tag = dict.tags[paradigm[n + f]!]!;
    const estimate = known ? (dict.probabilities().findAll(`${word}:${tag}`, {}, 0, 0)[0]?.[1] as unknown as number | undefined) : undefined;
    return {
      grammemes: grammemes[paradigm[n + f]!]!,
      probability: estimate === undefined ? undefined : estimate / 1_000_000,
      known,
      formWith(want) {
        for (let j = 0; j < n; j++) {
          const g = grammemes[paradigm[n + j]!]!;
          if (g.size === want.size && [...want].every((x) => g.has(x))) return dict.prefixes[paradigm[2 * n + j]!]! + stem + dict.suffixes[paradigm[j]!]!;
        }
        return undefined;
      },
    };
  };
  const cache = new Map<string, readonly Reading[]>();
  return (word) => {
    let out = cache.get(word);
    if (out) return out;
    const found: Reading[] = [];
    for (const [form, entries] of dict.words.findAll(word, REPLACES, 0, 0)) for (const [p, f] of entries) found.push(reading(form, p, f, true));
    if (!found.length) found.push(...guess(word));
    out = found;
    if (cache.size > 50_000) cache.clear();
    cache.set(word, out);
    return out;
  };

  /** Readings of an unknown word from the dictionary words with its longest known ending (as pymorphy2 predicts). */
  function guess(word: string): Reading[] {
    for (let len = Math.min(5, word.length - 2); len >= 1; len--) {
      const left = word.slice(0, word.length - len);
      const out: Array<[number, Reading]> = [];
      for (const [suffix, stats] of dict.predictions().findAll(word.slice(-len), REPLACES, 0, 0)) {
        for (const [count, p, f] of stats as Array<[number, number, number]>) {
          const r = reading(left + suffix, p, f, false);
          if ([...r.grammemes].some((g) => GUESSABLE.has(g))) out.push([count, r]);
        }
      }
      if (out.length) return out.sort((a, b) => b[0] - a[0]).map(([, r]) => r);
    }
    return [];
  }
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
