import { readFileSync } from 'node:fs';
import ruSnowball from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import enSnowball from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { LanguageCode } from './types.js';
import type { Script } from './script.js';
import { loadPosLexicon, loadReadings, loadWordClasses, packageDirectory, type Readings, type WordClasses } from './morphology.js';
import { makeBaseName, type BaseName, type NameData } from './names.js';

/**
 * A language pack: everything the engine needs to know about one language. Packs are data
 * (`data/languages/<code>.json`) plus a generic stemmer; adding a language means adding a data file
 * and calling `registerLanguage`, never touching the engine.
 */
export interface LanguagePack {
  code: LanguageCode;
  name: string;
  script: Script;
  /** The matching key of a normalized word. Deterministic: inflected forms of a word should share it. */
  stem(word: string): string;
  /** Lowercase words written with a period that does not end a sentence (`dr`, `st`, `г`, `ул`). */
  abbreviations?: ReadonlySet<string>;
  /** Words, case as written, whose period does not end a sentence before a number (`No`: World No. 1; not "said no. 5"). */
  numberAbbreviations?: ReadonlySet<string>;
  /**
   * The forms a word written in base form takes in text (declension by ending, suffixes, clitics),
   * from the pack's paradigm data. Names match only these exact forms; topic terms match their stems.
   */
  forms(word: string): string[];
  /** The word without its clitic prefixes (Arabic و ب ل ال …); the word itself for languages without. */
  bare(word: string): string;
  /**
   * What the pack's morphological dictionary knows a normalized word form can be (see `WordClasses`):
   * `Geox:` a place, `Surn:N` a surname or a common noun, `?` unknown. Absent without a dictionary.
   * The dictionary loads on the first call.
   */
  wordClass?: WordClasses | undefined;
  /**
   * The words of a name in base form (see `BaseName`): nominative from the pack's dictionary (Russian
   * Евразийского межправительственного совета → Евразийский межправительственный совет), case suffixes
   * and clitics dropped by its `names` data (Kazakh Старченконың → Старченко, Arabic للمجلس → المجلس).
   */
  baseName: BaseName;
}

/** The JSON shape of a language data file. */
export interface LanguageData {
  code: LanguageCode;
  name: string;
  script: Script;
  stemmer: SnowballStemmerData | AffixStemmerData | { kind: 'none' };
  paradigms?: ParadigmData;
  /** Words written with a period that does not end a sentence: titles, address words (`Dr`, `St`, `г`, `ул`). */
  abbreviations?: string[];
  /** Words whose period does not end a sentence when a number follows, case as written (`No`, `Art`, `Vol`: No. 1). */
  numberAbbreviations?: string[];
  dictionary?: DictionaryData;
  /** How the base form of a name is read from its words in text (see `NameData`). */
  names?: NameData;
}

/**
 * A dictionary of word classes in an installed package (see `WordClasses`): pymorphy2 format, a directory
 * (`{ "package": "az", "dir": "dicts" }`), or a part-of-speech lexicon, a JSON file
 * (`{ "package": "natural", "format": "pos-lexicon", "file": "lib/…/lexicon_from_posjs.json" }`).
 */
export type DictionaryData = { package: string; about?: string } & ({ format?: 'pymorphy2'; dir: string } | { format: 'pos-lexicon'; file: string });

/**
 * How words inflect: the first rule whose `ending` the word has replaces that ending by each of its
 * `forms` (longest ending first; `""` matches every word); `prefixes` (clitics) may precede every form;
 * `contractions` are regex replacements applied to the prefixed forms (Arabic ل + ال → لل).
 */
export interface ParadigmData {
  rules: Array<{ ending: string; forms: string[] }>;
  prefixes?: string[];
  contractions?: Array<[string, string]>;
}
export interface SnowballStemmerData {
  kind: 'snowball';
  /** A Snowball algorithm shipped with `natural`: `ru` or `en`. */
  algorithm: 'ru' | 'en';
  /** Suffixes removed before stemming (e.g. English possessive `'s`). */
  stripSuffixes?: string[];
}
export interface AffixStemmerData {
  kind: 'affix';
  prefixes?: string[];
  suffixes?: string[];
  /** Affixes are only removed while at least this many characters remain. */
  minStem?: number;
  /** How many prefixes / suffixes may be removed one after another (suffix chains: Kazakh). */
  maxPrefixes?: number;
  maxSuffixes?: number;
  /**
   * Final-letter alternations undone after a suffix was removed, as [seen, base] pairs
   * (Kazakh voicing: көмегі → көмег → көмек).
   */
  alternations?: Array<[string, string]>;
}

const SNOWBALL: Record<SnowballStemmerData['algorithm'], (w: string) => string> = {
  ru: (w) => ruSnowball.stem(w),
  en: (w) => enSnowball.stem(w),
};
const HAS_DIGIT = /\d/u;

function longestFirst(list: string[] = []): string[] {
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

/** Affixes grouped by the character at their outer edge, longest first, for fast lookup. */
function affixIndex(list: string[] | undefined, atEnd: boolean): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const a of longestFirst(list)) {
    const edge = atEnd ? a[a.length - 1]! : a[0]!;
    index.set(edge, [...(index.get(edge) ?? []), a]);
  }
  return index;
}

/** Removes up to `max` affixes, longest match first, keeping at least `minStem` characters. */
function stripAffixes(word: string, affixes: Map<string, string[]>, max: number, minStem: number, atEnd: boolean): string {
  for (let n = 0; n < max; n++) {
    const edge = atEnd ? word[word.length - 1] : word[0];
    const hit = edge === undefined ? undefined : affixes.get(edge)?.find(
      (a) => word.length - a.length >= minStem && (atEnd ? word.endsWith(a) : word.startsWith(a)),
    );
    if (!hit) break;
    word = atEnd ? word.slice(0, word.length - hit.length) : word.slice(hit.length);
  }
  return word;
}

function makeBare(data: LanguageData['stemmer']): (word: string) => string {
  if (data.kind !== 'affix' || !data.prefixes?.length) return (w) => w;
  const prefixes = affixIndex(data.prefixes, false);
  const minStem = data.minStem ?? 3;
  const max = data.maxPrefixes ?? 1;
  return (w) => stripAffixes(w, prefixes, max, minStem, false);
}

function makeStemmer(data: LanguageData['stemmer']): (word: string) => string {
  switch (data.kind) {
    case 'none':
      return (w) => w;
    case 'snowball': {
      const snowball = SNOWBALL[data.algorithm];
      const strip = longestFirst(data.stripSuffixes);
      return (w) => {
        const s = strip.find((x) => w.endsWith(x) && w.length > x.length);
        return snowball(s ? w.slice(0, w.length - s.length) : w);
      };
    }
    case 'affix': {
      const prefixes = affixIndex(data.prefixes, false);
      const suffixes = affixIndex(data.suffixes, true);
      const minStem = data.minStem ?? 3;
      const maxP = data.maxPrefixes ?? 1;
      const maxS = data.maxSuffixes ?? 1;
      const alternations = new Map(data.alternations ?? []);
      return (w) => {
        const bare = stripAffixes(w, prefixes, maxP, minStem, false);
        const stem = stripAffixes(bare, suffixes, maxS, minStem, true);
        const last = stem[stem.length - 1];
        const alt = stem !== bare && last !== undefined ? alternations.get(last) : undefined;
        return alt === undefined ? stem : stem.slice(0, -1) + alt;
      };
    }
  }
}

function loadDictionary(dictionary: DictionaryData): WordClasses {
  return dictionary.format === 'pos-lexicon'
    ? loadPosLexicon(packageDirectory(dictionary.package, dictionary.file))
    : loadWordClasses(packageDirectory(dictionary.package, dictionary.dir));
}

/** Builds a pack from its data. Stems are memoized per pack. */
export function createLanguagePack(data: LanguageData): LanguagePack {
  const stemmer = makeStemmer(data.stemmer);
  const cache = new Map<string, string>();
  const paradigm = makeParadigm(data.paradigms);
  const bare = makeBare(data.stemmer);
  const formsCache = new Map<string, string[]>();
  const { dictionary } = data;
  let classes: WordClasses | undefined;
  let readings: Readings | undefined;
  const dictionaryReadings = dictionary && dictionary.format !== 'pos-lexicon' ? dictionary : undefined;
  return {
    code: data.code,
    name: data.name,
    script: data.script,
    abbreviations: new Set((data.abbreviations ?? []).map((a) => a.toLowerCase())),
    numberAbbreviations: new Set(data.numberAbbreviations ?? []),
    stem(word) {
      let s = cache.get(word);
      if (s === undefined) {
        s = HAS_DIGIT.test(word) ? word : stemmer(word);
        if (cache.size > 200_000) cache.clear();
        cache.set(word, s);
      }
      return s;
    },
    bare,
    forms(word) {
      let f = formsCache.get(word);
      if (!f) formsCache.set(word, (f = paradigm(word)));
      return f;
    },
    wordClass: dictionary && ((word) => (classes ??= loadDictionary(dictionary))(word)),
    baseName: makeBaseName(data.names, dictionaryReadings && (() => (readings ??= loadReadings(packageDirectory(dictionaryReadings.package, dictionaryReadings.dir))))),
  };
}

function makeParadigm(data: ParadigmData | undefined): (word: string) => string[] {
  if (!data) return (w) => [w];
  const rules = [...data.rules].sort((a, b) => b.ending.length - a.ending.length);
  const prefixes = ['', ...(data.prefixes ?? [])];
  const contractions = (data.contractions ?? []).map(([re, by]) => [new RegExp(re, 'u'), by] as const);
  return (word) => {
    if (HAS_DIGIT.test(word)) return [word];
    const rule = rules.find((r) => word.endsWith(r.ending) && word.length > r.ending.length);
    const stem = rule ? word.slice(0, word.length - rule.ending.length) : word;
    const out = new Set<string>([word]);
    for (const ending of rule?.forms ?? ['']) {
      for (const p of prefixes) {
        let f = p + stem + ending;
        if (p) for (const [re, by] of contractions) f = f.replace(re, by);
        out.add(f);
      }
    }
    return [...out];
  };
}

const registry = new Map<LanguageCode, LanguagePack>();
const BUILTIN = ['ru', 'kk', 'ar', 'en'] as const;
const DEFAULT_FOR_SCRIPT: Partial<Record<Script, LanguageCode>> = { Cyrl: 'ru', Latn: 'en', Arab: 'ar' };

function loadBuiltins(): void {
  if (registry.size) return;
  for (const code of BUILTIN) {
    const url = new URL(`../data/languages/${code}.json`, import.meta.url);
    registry.set(code, createLanguagePack(JSON.parse(readFileSync(url, 'utf8')) as LanguageData));
  }
}

/** Adds or replaces a language pack (a plugin point: `registerLanguage(createLanguagePack(data))`). */
export function registerLanguage(pack: LanguagePack): void {
  loadBuiltins();
  registry.set(pack.code, pack);
}

/** The pack for a language code, if one is registered. */
export function getLanguage(code: LanguageCode): LanguagePack | undefined {
  loadBuiltins();
  return registry.get(code);
}

/** All registered packs. */
export function listLanguages(): LanguagePack[] {
  loadBuiltins();
  return [...registry.values()];
}

const IDENTITY: LanguagePack = createLanguagePack({ code: 'und', name: 'Undetermined', script: 'Zyyy', stemmer: { kind: 'none' } });

/**
 * The pack used for a word of `script` in a document of language `docLang`: the document's own pack when
 * it writes that script (Cyrillic in a Kazakh text → Kazakh), else the script's default (Cyrillic → ru,
 * Latin → en, Arabic → ar), else exact matching.
 */
export function packFor(script: Script, docLang: LanguageCode): LanguagePack {
  loadBuiltins();
  const own = registry.get(docLang);
  if (own && own.script === script) return own;
  const fallback = DEFAULT_FOR_SCRIPT[script];
  return (fallback && registry.get(fallback)) || IDENTITY;
}

/** The packs that may read a word of `script` (all of them compile lexicon entries of that script). */
export function packsForScript(script: Script): LanguagePack[] {
  loadBuiltins();
  const packs = [...registry.values()].filter((p) => p.script === script);
  return packs.length ? packs : [IDENTITY];
}
