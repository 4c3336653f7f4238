import type { Reading, Readings } from './morphology.js';
import type { EntityType } from './types.js';

/**
 * How a language pack reads the base form of a name from its words in text (`names` in a language
 * data file). Packs with a dictionary of readings (Russian) put the name in the nominative instead.
 */
export interface NameData {
  about?: string;
  /**
   * Case suffixes the last word of a name drops, longest first, when at least `minStem` letters remain
   * (Kazakh Старченконың → Старченко, кеңесінің → кеңесі). List only suffixes no base form ends in.
   */
  suffixes?: string[];
  minStem?: number;
  /**
   * Case suffixes a person's last word drops after a surname ending (Kazakh Тоқаев·пен, Назарбаева·ның:
   * `after` ["ев", "ева" …], `suffixes` ["пен", "ның" …]), where names in general keep them.
   */
  surnames?: { after: string[]; suffixes: string[] };
  /**
   * Clitics the first word of a name drops, unless the word itself is one the caller knows (كاليفورنيا),
   * when what remains is a cue word (Arabic بوزارة → وزارة) or begins with `definite` as
   * the next word does (بالمجلس الأعلى → المجلس الأعلى; not بالتيمور, Baltimore), after the `expand`
   * replacements (contractions: للمجلس → المجلس).
   */
  proclitics?: string[];
  definite?: string;
  expand?: Array<[string, string]>;
}

/** What the caller knows a word, as written, to be: a cue word (a title, a head word …), a word of a listed name, both or neither. */
export type KnownWord = (word: string) => { cue: boolean; listed: boolean };

/**
 * The words of a name in base form: as many as given, each the word itself where nothing can be told.
 * `words` are surfaces as written (case kept); `type` is the entity type.
 */
export type BaseName = (words: readonly string[], type: EntityType, known?: KnownWord) => string[];

/** A pack's base-name reader from its name data and, if it has one, its dictionary of readings. */
export function makeBaseName(data: NameData | undefined, readings: (() => Readings) | undefined): BaseName {
  const suffixes = [...new Set(data?.suffixes ?? [])].sort((a, b) => b.length - a.length);
  const minStem = data?.minStem ?? 3;
  const proclitics = [...new Set(data?.proclitics ?? [])].sort((a, b) => b.length - a.length);
  const expand = (data?.expand ?? []).map(([re, by]) => [new RegExp(re, 'u'), by] as const);
  const definite = data?.definite;
  const surnameSuffix = data?.surnames && new RegExp(`(?:${data.surnames.after.join('|')})(${[...data.surnames.suffixes].sort((a, b) => b.length - a.length).join('|')})$`, 'iu');
  return (words, type, known) => {
    if (!words.length) return [];
    let out = readings ? nominative(words, type, readings()) ?? [...words] : [...words];
    const last = out[out.length - 1]!;
    const lower = last.toLowerCase();
    const s = (type === 'person' && surnameSuffix?.exec(last)?.[1]) || suffixes.find((x) => lower.endsWith(x) && lower.length - x.length >= minStem);
    if (s) out = [...out.slice(0, -1), last.slice(0, last.length - s.length)];
    if (proclitics.length || expand.length) out[0] = withoutClitic(out[0]!, out[1], proclitics, expand, definite, known);
    return out;
  };
}

function withoutClitic(word: string, next: string | undefined, proclitics: readonly string[], expand: ReadonlyArray<readonly [RegExp, string]>, definite: string | undefined, known: KnownWord | undefined): string {
  for (const [re, by] of expand) {
    if (re.test(word)) return word.replace(re, by);
  }
  if (known?.(word).listed) return word; // a listed name's word as it is (كاليفورنيا)
  // a definite noun with a definite word after it (بالمجلس الأعلى), not a name written so (بالتيمور, فالنتينا تيريشكوفا)
  const definiteNext = definite !== undefined && next?.startsWith(definite) === true;
  for (const c of proclitics) {
    const rest = word.slice(c.length);
    if (!word.startsWith(c) || rest.length < 3) continue;
    if ((definiteNext && rest.startsWith(definite!) && rest.length > definite!.length + 1) || known?.(rest).cue) return rest;
  }
  return word;
}

const CASES = ['gent', 'datv', 'ablt', 'loct', 'accs', 'voct', 'gen2', 'loc2', 'acc2'] as const;
const NUMBERS = ['sing', 'plur'] as const;
const GENDERS = ['masc', 'femn', 'neut'] as const;
const ADJECTIVES = ['ADJF', 'PRTF'] as const;
/** Proper-name grammemes preferred per type among a word's readings. */
const PROPER: Record<EntityType, readonly string[]> = { person: ['Name', 'Surn', 'Patr'], location: ['Geox'], organization: ['Orgn', 'Trad'] };
const ANY_PROPER = Object.values(PROPER).flat();

/**
 * A name in the nominative, from a dictionary of OpenCorpora readings (see `Readings`), or undefined
 * when it is likeliest in the nominative already or its words do not agree in one case.
 * - A person's words all stand in one case, number and gender (Юлиуса Гудачека → Юлиус Гудачек,
 *   Дарьи Назарбаевой → Дарья Назарбаева).
 * - An organization's or a place's words up to its first noun (the head) agree with it; the words after
 *   the head keep their case (Евразийского межправительственного совета → Евразийский
 *   межправительственный совет; Совета коллективной безопасности → Совет коллективной безопасности).
 * Unknown words are read by their ending; words with other characters than letters and hyphens stay.
 */
function nominative(words: readonly string[], type: EntityType, readings: Readings): string[] | undefined {
  // one word of a person is mostly a surname the dictionary reads as something else (Сауле: Саул's dative)
  if (type === 'person' && words.length === 1) return undefined;
  const read = words.map((w) => wordReadings(w, readings, type, words.length === 1));
  let part = read.filter((r) => r.readings.length);
  if (type !== 'person') {
    const has = (r: WordReadings, classes: readonly string[], test = (x: Reading) => classes.some((g) => x.grammemes.has(g))) => r.known && r.readings.some(test);
    const adjective = (r: WordReadings) => has(r, ADJECTIVES) || (!r.known && ADJECTIVES.some((a) => r.readings[0]?.grammemes.has(a)));
    // the head: the first noun that cannot be an adjective (Тверской is also a street: Тверской области),
    // else the first noun; before a proper name, a word that is also a common noun (сборной Бразилии)
    const only = read.findIndex((r) => has(r, ['NOUN']) && !has(r, ADJECTIVES));
    let head = only >= 0 ? only : read.findIndex((r) => has(r, ['NOUN']));
    const common = (x: Reading) => x.grammemes.has('NOUN') && !ANY_PROPER.some((g) => x.grammemes.has(g));
    if (head > 0 && !has(read[head]!, [], common)) {
      const before = read.slice(0, head).findLastIndex((r) => has(r, [], common));
      if (before >= 0) head = before;
    }
    // adjectives before it (known, or read so by their ending: Северо-Кавказском), genitive complements after it (not Часов Яр)
    if (head < 0 || !read.slice(0, head).every(adjective)) return undefined;
    if (read.slice(head + 1).some((r) => r.known && !has(r, ['gent']))) return undefined;
    part = read.slice(0, head + 1);
  }
  // unknown words alone tell nothing (Токаев is not a plural of Токай): they follow a known word's case
  if (!part.some((r) => r.known)) return undefined;
  // Every reading of the words in one case and number is a hypothesis, weighted by how likely its readings
  // are (P(tag | form) where the dictionary's corpus tells, else uniform over the form's readings); the
  // base form with the most weight wins, the name as written when that is the nominative. So Дмитрия
  // Медведева (genitive or accusative of Дмитрий Медведев, or a woman Дмитрия in the nominative) is
  // Дмитрий Медведев, while мэрии Москвы is мэрия Москвы and Силы Кудс, a plural, stays.
  const weight = (w: WordReadings, x: Reading) => x.probability ?? 1 / w.readings.length;
  const scores = new Map<string, { out: string[]; score: number }>();
  const add = (out: string[], score: number) => {
    const key = out.join(' ');
    const seen = scores.get(key);
    if (seen) seen.score += score;
    else scores.set(key, { out, score });
  };
  if (type === 'person') {
    // a person's words each in the nominative, whatever their genders (Алла Бут)
    const best = part.map((w) => (w.known ? Math.max(0, ...w.readings.filter((x) => x.grammemes.has('nomn') && x.grammemes.has('sing')).map((x) => weight(w, x))) : 1));
    if (best.every((p) => p > 0)) add([...words], best.reduce((a, b) => a * b, 1));
  }
  for (const number of NUMBERS) {
    for (const c of type === 'person' ? CASES : ['nomn', ...CASES]) {
      const chosen = agree(part, c, type, number);
      if (!chosen) continue;
      const out = [...words];
      let ok = true;
      for (const [r, x] of chosen) {
        if (c === 'nomn') continue;
        const want = new Set(x.grammemes);
        want.delete(c);
        want.add('nomn');
        const form = x.formWith(want) ?? x.formWith(new Set([...want].filter((g) => g !== 'anim' && g !== 'inan')));
        if (!form) ok = false;
        else out[read.indexOf(r)] = asWritten(form, words[read.indexOf(r)]!);
      }
      if (ok) add(out, chosen.reduce((p, [w, x]) => p * weight(w, x), 1));
    }
  }
  let top: { out: string[]; score: number } | undefined;
  for (const x of scores.values()) if (!top || x.score > top.score) top = x;
  return top && top.out.some((w, i) => w !== words[i]) ? top.out : undefined;
}

interface WordReadings {
  readings: readonly Reading[];
  /** Whether the dictionary knows the word (else its readings are guessed from its ending). */
  known: boolean;
}

/**
 * The readings of a written word, likelier ones first (P(tag | form), where known), then those as a name
 * of the type's kind. A name of one word is read as such a name only (Семей, the city, is not the
 * genitive plural of семья).
 */
function wordReadings(word: string, readings: Readings, type: EntityType, alone: boolean): WordReadings {
  // acronyms and words with digits or punctuation do not inflect
  if (!/^\p{L}+(?:-\p{L}+)*$/u.test(word) || (word.length > 1 && word === word.toUpperCase())) return { readings: [], known: false };
  // a place or an organization is not read as a person's name (Фридом is not Фрид's instrumental)
  const found = readings(word.toLowerCase()).filter((r) => type === 'person' || !PROPER.person.some((g) => r.grammemes.has(g)));
  const name = (r: Reading) => r.known && PROPER[type].some((g) => r.grammemes.has(g));
  const order = (a: Reading, b: Reading) => (b.probability ?? 0) - (a.probability ?? 0) || Number(name(b)) - Number(name(a));
  if (alone) {
    const names = found.filter(name);
    return { readings: names.sort(order), known: names.length > 0 };
  }
  return { readings: [...found].sort(order), known: found.some((r) => r.known) };
}

/**
 * One reading per word in case `c` and `number` and, where the words have one, one gender: a person's
 * words are nouns or adjectives (Долгорукому) in the singular, an organization's or a place's
 * adjectives before a final noun. In the nominative an unknown word fits as it is (it is left out).
 */
function agree(words: readonly WordReadings[], c: string, type: EntityType, number: (typeof NUMBERS)[number]): Array<[WordReadings, Reading]> | undefined {
  if (type === 'person' && number !== 'sing') return undefined;
  const last = words.length - 1;
  const is = (x: Reading, classes: readonly string[]) => classes.some((g) => x.grammemes.has(g));
  const fits = (x: Reading, i: number) =>
    x.grammemes.has(c) && (x.grammemes.has(number) || !is(x, NUMBERS)) &&
    (type === 'person' ? is(x, ['NOUN', ...ADJECTIVES]) : i === last ? x.grammemes.has('NOUN') : is(x, ADJECTIVES));
  const free = (w: WordReadings) => c === 'nomn' && !w.known;
  // the gender comes from the head (a place's or organization's noun) or a person's first known word
  const lead = type === 'person' ? words.findIndex((w) => w.known) : last;
  const leads = free(words[lead]!) ? [undefined] : words[lead]!.readings.filter((r) => fits(r, lead));
  for (const x of leads) {
    const gender = number === 'sing' ? x && GENDERS.find((g) => x.grammemes.has(g)) : undefined;
    const chosen: Array<[WordReadings, Reading]> = [];
    let ok = true;
    for (const [i, w] of words.entries()) {
      if (free(w)) continue;
      const y = i === lead ? x : w.readings.find((r) => fits(r, i) && (!gender || !is(r, GENDERS) || r.grammemes.has(gender)));
      if (!y) {
        ok = false;
        break;
      }
      chosen.push([w, y]);
    }
    if (ok) return chosen;
  }
  return undefined;
}

/** A dictionary form (lowercase, maybe with ё) written like `original`: its letter case, and е for ё unless it has ё. */
function asWritten(form: string, original: string): string {
  const f = /ё/iu.test(original) ? form : form.replace(/ё/gu, 'е');
  if (f === original.toLowerCase()) return original; // an indeclinable word as written (СПбГУ)
  if (original === original.toUpperCase() && original !== original.toLowerCase()) return f.toUpperCase();
  // each hyphen part capitalized as in the original (Усть-Каменогорске → Усть-Каменогорск)
  const parts = original.split('-');
  return f.split('-').map((p, i) => (/^\p{Lu}/u.test(parts[i] ?? '') ? p.charAt(0).toUpperCase() + p.slice(1) : p)).join('-');
}
