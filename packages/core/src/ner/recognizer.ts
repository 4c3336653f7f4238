import { SPACE_ONLY, TIGHT_HYPHEN } from '../segment.js';
import type { LanguageCode } from '../types.js';
import { defaultCues, type Cues } from './cues.js';
import { compileTemplates, sentenceRanges, tokenAttributes, type Template } from './features.js';
import { Perceptron, runs, type PerceptronData } from './perceptron.js';
import { ruleMentions } from './rules.js';
import type { NerInput, NerMention, NerModel } from './types.js';

/** A trained perceptron for one language, with its compiled templates. */
export interface LanguageModel {
  lang: LanguageCode;
  perceptron: Perceptron;
  templates: Template[];
}

export function languageModel(data: PerceptronData): LanguageModel {
  return { lang: data.lang, perceptron: new Perceptron(data), templates: compileTemplates(data.templates) };
}

/** Mentions from a trained model: each sentence decoded once, one BILOU chain per entity type. */
export function modelMentions(input: NerInput, model: LanguageModel, cues: Cues): NerMention[] {
  const attrs = tokenAttributes(input, cues);
  const out: NerMention[] = [];
  for (const [from, to] of sentenceRanges(input.tokens)) {
    const paths = model.perceptron.decodeSentence(attrs, from, to);
    paths.forEach((path, t) => {
      const type = model.perceptron.types[t]!;
      for (const [s, e] of splitAtPunctuation(input, from, runs(path))) {
        out.push({ type, start: input.tokens[from + s]!.start, end: input.tokens[from + e - 1]!.end, tokenStart: from + s, tokenEnd: from + e, source: 'model' });
      }
    });
  }
  return repeatMentions(input, joinNameParts(input, withoutTitles(input, out, cues), cues)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Titles are not part of a person's or a place's name (no person span of the training corpora begins
 * with one): a person or place mention starts after the title words it begins with (Президент
 * Республики Беларусь → Республики Беларусь), and one of title words only is dropped (Далее Глава
 * государства → «Глава»).
 * Organizations keep them: Президент телерадиокешені is the President's broadcaster.
 */
export function withoutTitles(input: NerInput, mentions: NerMention[], cues: Cues): NerMention[] {
  const { tokens } = input;
  const out: NerMention[] = [];
  for (const m of mentions) {
    let s = m.tokenStart;
    if (m.type !== 'organization') while (s < m.tokenEnd && cues.formOf(tokens[s]!) === 'person') s++;
    if (s === m.tokenStart) out.push(m);
    else if (s < m.tokenEnd) out.push({ ...m, start: tokens[s]!.start, tokenStart: s });
  }
  return out;
}

/**
 * One name across a tight hyphen: the word segmenter splits Жан-Мари Ле Пен into Жан, Мари …, and the
 * model may begin the name after the hyphen (Дитер Нисипяну for Ливиу-Дитер Нисипяну) or split it in
 * two. A mention is extended over a capitalized word joined to its start or end by a tight hyphen, and
 * merged with a mention of its type there (mentions of one type never overlap; other types may). A
 * person's name also goes on over a name joiner of the cues (`nameJoiners`: the patronymic оглы,
 * қызы) and the capitalized word after it (Ильхам Гейдар оглы Алиев).
 */
export function joinNameParts(input: NerInput, mentions: NerMention[], cues: Cues): NerMention[] {
  const { tokens, text } = input;
  const between = (a: number, b: number, re: RegExp): boolean =>
    a >= 0 && b < tokens.length && tokens[a]!.sentence === tokens[b]!.sentence && re.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  const capital = (i: number): boolean => tokens[i]!.caps === 'initial' || tokens[i]!.caps === 'upper';
  const joiner = (i: number): boolean => between(i - 1, i, SPACE_ONLY) && between(i, i + 1, SPACE_ONLY) && cues.formOf(tokens[i]!) === 'joiner' && capital(i + 1);
  const out: NerMention[] = [];
  for (const type of new Set(mentions.map((m) => m.type))) {
    const own = mentions.filter((m) => m.type === type).sort((a, b) => a.tokenStart - b.tokenStart);
    for (const m of own) {
      const last = out[out.length - 1];
      let s = m.tokenStart;
      let e = m.tokenEnd;
      while (between(s - 1, s, TIGHT_HYPHEN) && capital(s - 1)) s--;
      for (;;) {
        if (between(e - 1, e, TIGHT_HYPHEN) && capital(e)) e++;
        else if (type === 'person' && joiner(e)) e += 2;
        else break;
      }
      if (last && last.type === type && last.tokenEnd > s) {
        // joined to the previous mention of its type: one name
        s = last.tokenStart;
        e = Math.max(e, last.tokenEnd);
        out.pop();
      }
      out.push(s === m.tokenStart && e === m.tokenEnd ? m : { ...m, start: tokens[s]!.start, end: tokens[e - 1]!.end, tokenStart: s, tokenEnd: e });
    }
  }
  return out;
}

/** Types whose names the document-level pass repeats (see `repeatMentions`). */
const REPEAT_TYPES: ReadonlySet<string> = new Set(['organization']);

/**
 * Document-level second pass: a name the model found once is the same name at its other places in the
 * document (Майкрософт … Майкрософт), where the model missed it — same stems, same sentence-internal
 * capitalization, no overlap with another mention.
 */
function repeatMentions(input: NerInput, mentions: NerMention[]): NerMention[] {
  const { tokens } = input;
  const names = new Map<string, NerMention>();
  for (const m of mentions) {
    if (!REPEAT_TYPES.has(m.type)) continue;
    if (tokens[m.tokenStart]!.caps === 'lower') continue;
    const key = tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.key).join(' ');
    if (!names.has(key)) names.set(key, m);
  }
  if (!names.size) return mentions;
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) taken.fill(1, m.tokenStart, m.tokenEnd);
  const out = mentions.slice();
  const firstKeys = new Map<string, string[]>();
  for (const key of names.keys()) {
    const first = key.split(' ', 1)[0]!;
    let list = firstKeys.get(first);
    if (!list) firstKeys.set(first, (list = []));
    list.push(key);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || tokens[i]!.caps === 'lower') continue;
    const keys = firstKeys.get(tokens[i]!.key);
    if (!keys) continue;
    for (const key of keys) {
      const n = key.split(' ').length;
      if (i + n > tokens.length || tokens[i + n - 1]!.sentence !== tokens[i]!.sentence) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = !taken[i + j] && tokens[i + j]!.key === key.split(' ')[j];
      if (!ok) continue;
      const m = names.get(key)!;
      out.push({ type: m.type, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, tokenStart: i, tokenEnd: i + n, source: 'model' });
      taken.fill(1, i, i + n);
      break;
    }
  }
  return out;
}

/** Punctuation that ends a name even when the model runs on (commas, brackets, semicolons, colons). */
const BREAK = /[,;:()[\]]/u;

/** Splits token runs (sentence-relative) where the text between two of their tokens has breaking punctuation. */
function splitAtPunctuation(input: NerInput, from: number, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    let a = s;
    for (let i = s + 1; i < e; i++) {
      if (BREAK.test(input.text.slice(input.tokens[from + i - 1]!.end, input.tokens[from + i]!.start))) {
        out.push([a, i]);
        a = i;
      }
    }
    out.push([a, e]);
  }
  return out;
}

export interface RecognizerOptions {
  /** Trained models by language; loaded on first use when given as a loader. */
  models: Map<LanguageCode, LanguageModel | (() => LanguageModel)>;
  /** Languages read by the cue rules when they have no model. */
  ruleLanguages: readonly LanguageCode[];
  cues?: Cues;
  name?: string;
}

/** A recognizer: the trained model of the document's language, else the cue rules, else nothing. */
export function createRecognizer(options: RecognizerOptions): NerModel {
  const cues = options.cues ?? defaultCues();
  const loaded = new Map<LanguageCode, LanguageModel>();
  const model = (lang: LanguageCode): LanguageModel | undefined => {
    let m = loaded.get(lang);
    if (m) return m;
    const entry = options.models.get(lang);
    if (!entry) return undefined;
    loaded.set(lang, (m = typeof entry === 'function' ? entry() : entry));
    return m;
  };
  const languages = [...new Set([...options.models.keys(), ...options.ruleLanguages])];
  return {
    name: options.name ?? 'topictag-ner',
    languages,
    recognize(input) {
      const m = model(input.lang);
      if (m) return modelMentions(input, m, cues);
      return options.ruleLanguages.includes(input.lang) ? ruleMentions(input, cues) : [];
    },
  };
}
