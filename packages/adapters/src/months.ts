/**
 * Month names for ru, kk, ar and en, and a lookup from a matched month word to its number.
 *
 * Russian names are generated in every case form (январь, января, январе, январём…); Kazakh names
 * match as a prefix, so inflected forms (қаңтарда, қаңтардағы) are found too; Arabic has both the
 * Egyptian/Gulf names (يناير…) and the Levantine ones (كانون الثاني…), with alef/ya/ta-marbuta
 * spelling variants folded.
 */
import { fold } from './lines.js';


/** How a name may be followed: `word` needs a word boundary, `abbr` may end with a dot, `stem` takes any suffix. */
type NameKind = 'word' | 'abbr' | 'stem';

interface MonthName {
  name: string;
  month: number;
  kind: NameKind;
}

const RU_SOFT: ReadonlyArray<[string, number]> = [
  ['январ', 1], ['феврал', 2], ['апрел', 4], ['июн', 6], ['июл', 7],
  ['сентябр', 9], ['октябр', 10], ['ноябр', 11], ['декабр', 12],
];
const RU_SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем', 'ём'];
const RU_HARD: ReadonlyArray<[string, number]> = [['март', 3], ['август', 8]];
const RU_HARD_ENDINGS = ['', 'а', 'е', 'у', 'ом'];
const RU_MAY = ['май', 'мая', 'мае', 'маю', 'маем'];
const RU_ABBR: ReadonlyArray<[string, number]> = [
  ['янв', 1], ['фев', 2], ['февр', 2], ['мар', 3], ['апр', 4], ['июн', 6], ['июл', 7], ['авг', 8],
  ['сен', 9], ['сент', 9], ['окт', 10], ['ноя', 11], ['нояб', 11], ['дек', 12],
];

const KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

const EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_ABBR: ReadonlyArray<[string, number]> = [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

/** Arabic names, written with the plain alef; `arabicPattern` accepts the hamza/madda variants. */
const AR: ReadonlyArray<[string, number]> = [
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليه', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  ['كانون الثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5], ['حزيران', 6],
  ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الاول', 12],
];

function buildNames(): MonthName[] {
  const names: MonthName[] = [];
  for (const [stem, month] of RU_SOFT) for (const e of RU_SOFT_ENDINGS) names.push({ name: stem + e, month, kind: 'word' });
  for (const [stem, month] of RU_HARD) for (const e of RU_HARD_ENDINGS) names.push({ name: stem + e, month, kind: 'word' });
  for (const name of RU_MAY) names.push({ name, month: 5, kind: 'word' });
  for (const [name, month] of RU_ABBR) names.push({ name, month, kind: 'abbr' });
  KK.forEach((name, i) => names.push({ name, month: i + 1, kind: 'stem' }));
  EN.forEach((name, i) => names.push({ name, month: i + 1, kind: 'word' }));
  for (const [name, month] of EN_ABBR) names.push({ name, month, kind: 'abbr' });
  for (const [name, month] of AR) names.push({ name, month, kind: 'word' });
  return names;
}

const NAMES = buildNames();

/** Folds case and spelling variants so a matched month word can be looked up. */
export function foldMonthWord(word: string): string {
  return fold(word).replace(/\.$/u, '');
}

const EXACT = new Map<string, number>();
for (const n of NAMES) if (n.kind !== 'stem') EXACT.set(foldMonthWord(n.name), n.month);
const STEMS = NAMES.filter((n) => n.kind === 'stem').sort((a, b) => b.name.length - a.name.length);

/** The month number (1–12) of a matched month word, or null. */
export function monthNumber(word: string): number | null {
  const folded = foldMonthWord(word);
  const exact = EXACT.get(folded);
  if (exact !== undefined) return exact;
  for (const s of STEMS) if (folded.startsWith(s.name)) return s.month;
  return null;
}

