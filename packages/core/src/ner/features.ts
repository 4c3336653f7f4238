import { BLOCKED_REF } from '../gazetteer.js';
import { labelTokens, type Token } from '../lexicon.js';
import type { Cues } from './cues.js';
import type { NerInput } from './types.js';
import { getLanguage } from '../languages.js';
import { closesBefore, quoteKind, quotedStart } from '../quotes.js';

/**
 * Token attributes the feature templates refer to. All are strings; `<s>`/`</s>` stand for positions
 * beyond the sentence.
 *
 * - `w` normalized word, `stem` the language pack's stem, `pre3`, `suf2`..`suf4` affixes of `w`;
 * - `shape` the original surface as character classes (Xx, X, x, d, Xx-Xx …), `caps`, `first` (first word of its sentence);
 * - `gaz` the gazetteer tag (`B-person`, `I-location`, `O`), `cue` the cue kind (person title, organization head …);
 * - `pb`/`pa` punctuation just before / after the word (quotes, brackets, commas), `len` a length bucket;
 * - `q` the word's place in a quoted name of its sentence (`o` right after the opening quote, `i` further
 *   inside, `-` outside; `c` appended when a closing quote follows it): «За права человека»;
 * - `dc` how the same stem is written elsewhere in the document: `C` capitalized inside a sentence,
 *   `L` lowercase, both, or `-` (a sentence-initial name is usually capitalized elsewhere too);
 * - `scr` the word's script (`Latn`, `Cyrl`, `Arab` …): Latin names in Cyrillic text are mostly companies and brands;
 * - `lex` the kind of listed name the word is part of (`given`, `place`, `place+` inside a multi-word name, `-`);
 * - `mor` what the morphological dictionary of the document's language knows the word can be (`Geox:` a
 *   place, `Surn:N` a surname or a common noun, `?` unknown; see `WordClasses`), `-` for words of other
 *   packs and languages without one.
 */
export const ATTRIBUTES = ['w', 'stem', 'pre3', 'suf2', 'suf3', 'suf4', 'shape', 'caps', 'first', 'gaz', 'cue', 'pb', 'pa', 'len', 'q', 'dc', 'scr', 'lex', 'mor'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/**
 * The attributes that depend on the written word alone within one language (its normalized form `w`
 * and how it is written: `shape`, `caps`), so a decoder may look their ids up once per word instead of
 * once per token.
 */
export const WORD_ATTRIBUTES: readonly number[] = (['w', 'stem', 'pre3', 'suf2', 'suf3', 'suf4', 'shape', 'caps', 'cue', 'len', 'scr', 'mor'] as const).map((a) => ATTRIBUTES.indexOf(a));

/** A compiled template: `shape[-1]|w[0]` → parts [['shape', -1], ['w', 0]]. */
export interface Template {
  name: string;
  /** `name=`, the prefix of its feature strings. */
  prefix: string;
  parts: Array<[number, number]>;
}

export function compileTemplates(templates: readonly string[]): Template[] {
  return templates.map((name) => ({
    name,
    prefix: `${name}=`,
    parts: name === 'bias' ? [] : name.split('|').map((p): [number, number] => {
      const m = /^([a-z0-9]+)\[(-?\d+)\]$/u.exec(p);
      const attr = m ? ATTRIBUTES.indexOf(m[1] as Attribute) : -1;
      if (!m || attr < 0) throw new Error(`NER feature template "${name}": bad part "${p}" (expected attr[offset], attr one of ${ATTRIBUTES.join(', ')})`);
      return [attr, Number(m[2])];
    }),
  }));
}

/** Character-class shape of a surface, with runs collapsed: `Токаев` → `Xx`, `ОДКБ` → `X`, `2024` → `d`. */
const shapes = new Map<string, string>();
export function shapeOf(surface: string): string {
  let out = shapes.get(surface);
  if (out !== undefined) return out;
  out = computeShape(surface);
  if (shapes.size > 100_000) shapes.clear();
  shapes.set(surface, out);
  return out;
}

function computeShape(surface: string): string {
  let out = '';
  for (const ch of surface) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{L}/u.test(ch) ? 'l' : /\p{N}/u.test(ch) ? 'd' : ch === '-' ? '-' : '.';
    if (out[out.length - 1] !== c) out += c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

const SPACE = /\s+/gu;

/** The text between two tokens without its spaces (most often empty: one space). */
function between(text: string, start: number, end: number): string {
  if (end - start === 1 && text.charCodeAt(start) === 32) return '';
  return start === end ? '' : text.slice(start, end).replace(SPACE, '');
}

/** Attribute values of every token (`[token][attribute]`), computed once per document. */
export function tokenAttributes(input: NerInput, cues: Cues): string[][] {
  const { tokens, text } = input;
  const gaz = gazetteerTags(input);
  const quotes = quoteContext(input);
  const written = documentCase(tokens);
  const listed = cues.nameKinds(tokens, text, input.lang);
  // the dictionary of the document's language only: classes of foreign words (Latin brands in Russian text) hurt in CV
  const wordClass = getLanguage(input.lang)?.wordClass;
  return tokens.map((t, i) => {
    const w = t.norm;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const before = prev && prev.sentence === t.sentence ? between(text, prev.end, t.start) : '';
    const after = next && next.sentence === t.sentence ? between(text, t.end, next.start) : '';
    return [
      w,
      t.key,
      w.slice(0, 3),
      w.slice(-2),
      w.slice(-3),
      w.slice(-4),
      shapeOf(t.text),
      t.caps,
      !prev || prev.sentence !== t.sentence ? '1' : '0',
      gaz[i]!,
      cues.of(t) ?? '-',
      before.slice(0, 2),
      after.slice(0, 2),
      w.length <= 2 ? 's' : w.length <= 5 ? 'm' : 'l',
      quotes[i]!,
      written[i]!,
      t.script,
      listed[i]!,
      (t.pack === input.lang && wordClass?.(w)) || '-',
    ];
  });
}

/** Per token, its place in a quoted span of its sentence (see `q` in ATTRIBUTES). */
function quoteContext(input: NerInput): string[] {
  const { tokens, text } = input;
  const out: string[] = new Array(tokens.length);
  let open = false;
  let opened = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    opened = false;
    if (!prev || prev.sentence !== t.sentence) {
      // a sentence may begin with a quoted name: «Газпром» сообщил …
      open = opened = quotedStart(text, t.start);
    } else {
      for (let j = prev.end; j < t.start; j++) {
        const q = quoteKind(text.charCodeAt(j));
        if (q === 1 || (q === 3 && !open)) open = opened = true;
        else if (q === 2 || (open && q >= 3)) open = opened = false;
      }
    }
    const next = tokens[i + 1];
    const closes = open && closesBefore(text, t.end, next && next.sentence === t.sentence ? next.start : Math.min(text.length, t.end + 2));
    out[i] = (open ? (opened ? 'o' : 'i') : '-') + (closes ? 'c' : '');
  }
  return out;
}

/** Per token, how its stem is written at other places of the document (see `dc` in ATTRIBUTES). */
function documentCase(tokens: readonly Token[]): string[] {
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  const kinds = tokens.map((t, i) => {
    const inside = i > 0 && tokens[i - 1]!.sentence === t.sentence;
    const kind = t.caps === 'lower' ? 1 : inside && (t.caps === 'initial' || t.caps === 'upper') ? 2 : 0;
    if (kind === 1) lower.set(t.key, (lower.get(t.key) ?? 0) + 1);
    else if (kind === 2) capital.set(t.key, (capital.get(t.key) ?? 0) + 1);
    return kind;
  });
  return tokens.map((t, i) => {
    const c = (capital.get(t.key) ?? 0) - (kinds[i] === 2 ? 1 : 0);
    const l = (lower.get(t.key) ?? 0) - (kinds[i] === 1 ? 1 : 0);
    return c > 0 ? (l > 0 ? 'CL' : 'C') : l > 0 ? 'L' : '-';
  });
}

/** `B-type`/`I-type` for tokens inside gazetteer entity matches (the longest match wins), else `O`. */
export function gazetteerTags(input: NerInput): string[] {
  return labelTokens(input.tokens.length, input.entityMatches, (m, first) => {
    const type = m.ref === BLOCKED_REF ? 'blocked' : input.gazetteer?.get(m.ref)?.type;
    return type && `${first ? 'B' : 'I'}-${type}`;
  }, 'O');
}

/** The token ranges `[start, end)` of the sentences of a token list. */
export function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentence !== tokens[start]!.sentence) {
      out.push([start, i]);
      start = i;
    }
  }
  return tokens.length ? out : [];
}

/**
 * The feature strings of each token of one sentence `[from, to)`, by template: `name=value`
 * (parts of a conjunction joined by `|`).
 */
export function sentenceFeatures(attrs: readonly string[][], from: number, to: number, templates: readonly Template[]): string[][] {
  const out: string[][] = [];
  for (let i = from; i < to; i++) {
    const feats: string[] = [];
    for (const t of templates) {
      if (!t.parts.length) {
        feats.push(t.name);
        continue;
      }
      let value = t.prefix;
      for (let p = 0; p < t.parts.length; p++) {
        const part = t.parts[p]!;
        const j = i + part[1];
        const v = j < from ? '<s>' : j >= to ? '</s>' : attrs[j]![part[0]]!;
        value = p ? `${value}|${v}` : value + v;
      }
      feats.push(value);
    }
    out.push(feats);
  }
  return out;
}
