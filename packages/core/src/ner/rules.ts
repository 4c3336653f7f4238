import { getLanguage } from '../languages.js';
import { TIGHT_HYPHEN } from '../segment.js';
import type { Token } from '../lexicon.js';
import type { EntityType } from '../types.js';
import type { CueKind, Cues } from './cues.js';
import { gazetteerTags, sentenceRanges } from './features.js';
import type { NerInput, NerMention } from './types.js';

/**
 * Cue rules for languages without a trained model (English, Arabic): names found from capitalization
 * and context cues, typed by their head words (Ministry, وزارة → organization; village, قرية →
 * location), by a title before them (President, الرئيس → person) or, in cased scripts, by the name
 * lists (a listed place or organization: Shymkent, Gazprom). Generic over languages: scripts
 * with case use capitalized runs; caseless scripts (Arabic) take the words after a cue.
 */
export function ruleMentions(input: NerInput, cues: Cues): NerMention[] {
  const { tokens, text } = input;
  const kinds = tokens.map((t) => cues.formOf(t));
  const out: NerMention[] = [];
  const seenInside = new Set<string>();
  tokens.forEach((t, i) => {
    if ((t.caps === 'initial' || t.caps === 'upper') && i > 0 && tokens[i - 1]!.sentence === t.sentence) seenInside.add(t.norm);
  });
  const gap = (i: number) => text.slice(tokens[i - 1]!.end, tokens[i]!.start).trim() !== '';
  const add = (type: EntityType, s: number, e: number) =>
    e > s && out.push({ type, start: tokens[s]!.start, end: tokens[e - 1]!.end, tokenStart: s, tokenEnd: e, source: 'rules' });

  const listed = cues.nameKinds(tokens, text, input.lang);
  const gaz = gazetteerTags(input);
  for (const [from, to] of sentenceRanges(tokens)) {
    if (tokens[from]!.caps === 'none') caselessSentence(tokens, kinds, from, to, gap, add, listed, gaz);
    else casedSentence(tokens, kinds, from, to, gap, add, seenInside, listed, gaz, text);
  }
  return out;
}

/** Whether the dictionary of the token's language pack knows its word as a common word (noun, adjective …). */
function commonWord(t: Token): boolean {
  const c = getLanguage(t.pack)?.wordClass?.(t.norm.replace(POSSESSIVE, ''));
  return c !== undefined && c !== '?' && !c.endsWith(':');
}

type Add = (type: EntityType, start: number, end: number) => void;
/** A word ending in an apostrophe suffix: English possessive (Russia's), Turkish case (Türkiye'nin). */
const POSSESSIVE = /['’]\p{L}{0,3}$/u;
/** A word with the article (الخارجية, وال…, بال…, لل…); not the short word آل (family of). */
const isArticle = (t: Token) => t.norm.length > 3 && /^(?:ال|وال|بال|لل)/u.test(t.norm);

function casedSentence(
  tokens: readonly Token[], kinds: ReadonlyArray<CueKind | undefined>, from: number, to: number,
  gap: (i: number) => boolean, add: Add, seenInside: ReadonlySet<string>, listed: readonly string[], gaz: readonly string[], text: string,
): void {
  /** The kind of listed name (place, organization …) that spans exactly `[a, b)`, if one does. */
  const listedAs = (a: number, b: number): string | undefined => {
    const kind = listed[a]!;
    if (kind === '-' || kind.endsWith('+') || (b < listed.length && listed[b] === `${kind}+`)) return undefined;
    for (let j = a + 1; j < b; j++) if (listed[j] !== `${kind}+`) return undefined;
    return kind;
  };
  const nameLike = (i: number) => {
    const t = tokens[i]!;
    const k = kinds[i];
    return (t.caps === 'initial' || t.caps === 'upper') && k !== 'stop' && k !== 'connector' && k !== 'locationBefore' && !/^\d/u.test(t.norm);
  };
  /** A place with an apostrophe suffix (Russia's). */
  const placeOf = (i: number) => POSSESSIVE.test(tokens[i]!.norm) && (gaz[i]!.endsWith('-location') || listed[i]!.startsWith('place'));
  const tight = (i: number) => TIGHT_HYPHEN.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const infix = (i: number) => tokens[i]!.caps === 'lower' && tight(i) && tight(i + 1);
  for (let i = from; i < to; i++) {
    if (!nameLike(i)) continue;
    let s = i;
    let e = i + 1;
    // the run goes on over connectors before a name word (Ministry of Energy) and lowercase infixes
    // between tight hyphens (Mazar-i-Sharif); it ends after a place with an apostrophe suffix
    // (Russia's Kazan; not Women's Tennis Association)
    while (e < to && !placeOf(e - 1)) {
      if (!gap(e) && nameLike(e)) e++;
      else if (e + 1 < to && nameLike(e + 1) && (gap(e) ? infix(e) : kinds[e] === 'connector' && !gap(e + 1) && !placeOf(e + 1))) e += 2;
      else break;
    }
    i = e - 1;
    // titles written with a capital (President Tokayev) are context, not part of the name
    let title = s > from && kinds[s - 1] === 'person';
    while (s < e && kinds[s] === 'person') {
      s++;
      title = true;
    }
    // and so is a title's complement: the common words after its "of" (Secretary of State Blinken,
    // Minister of Foreign Affairs Aibek Smadyarov)
    if (title && s > from && kinds[s - 1] === 'person' && s < e && kinds[s] === 'connector') {
      s++;
      while (s < e && commonWord(tokens[s]!)) s++;
    }
    // a title inside the run (Uzbekistan President Aziz Abdullaev, UN Secretary): the words before it
    // belong to the title unless they name an organization or place by a head word
    let last = e - 1;
    while (last > s && kinds[last] !== 'person') last--;
    // (not a title after "of" in an organization's name: Council of Ministers of Foreign Affairs)
    const inner = last > s && !(kinds[last - 1] === 'connector' && kinds.slice(s, last).includes('organization'));
    if (inner) {
      if (kinds.slice(s, last).some((k) => k === 'organization' || k === 'location')) typeRun(s, last);
      s = last + 1;
      title = true;
    }
    if (s >= e) continue;
    const run = kinds.slice(s, e);
    const hasOrg = run.includes('organization');
    const hasLoc = run.includes('location');
    if (!hasOrg && !hasLoc && run.includes('connector')) {
      // "Kazakhstan and Russia": connectors join names only inside organization or place names
      let a = s;
      for (let j = s; j <= e; j++) {
        if (j === e || kinds[j] === 'connector') {
          typeRun(a, j);
          a = j + 1;
        }
      }
      continue;
    }
    typeRun(s, e);

    function typeRun(a: number, b: number): void {
      if (b <= a) return;
      const span = kinds.slice(a, b);
      const single = b - a === 1;
      const atStart = a === from;
      const head = span.lastIndexOf('organization');
      if (head >= 0) {
        // two names, each complete with its head word (Aga Khan Foundation and Nazarbayev University)
        const join = span.findIndex((k, j) => k === 'connector' && span[j - 1] === 'organization' && j < head);
        if (join > 0) {
          typeRun(a, a + join);
          typeRun(a + join + 1, b);
          return;
        }
        // a listed given name after the head word and its complement begins a person's name (the Ministry
        // of Foreign Affairs Aibek Smadyarov); it needs a word after it
        let given = a + head + 1;
        while (given < b - 1 && listed[given] !== 'given') given++;
        if (given >= b - 1) return add('organization', a, b);
        add('organization', a, given);
        return add('person', given, b);
      }
      if (span.includes('location') && !single) return add('location', a, b);
      // after a title inside a run, one common word is the rest of a longer name (UNGA General Debate, Best Director Award)
      if (title && a === s) return single && inner && commonWord(tokens[a]!) ? undefined : add('person', a, b);
      const known = listedAs(a, b);
      // a lone acronym is an organization's, after "in" too (in WTA events), unless a listed place
      const acronymOnly = single && tokens[a]!.caps === 'upper' && tokens[a]!.norm.length >= 2 && known !== 'place';
      if (!acronymOnly && a > from && kinds[a - 1] === 'locationBefore') return add('location', a, b);
      if (a > from + 1 && kinds[a - 1] === 'connector' && kinds[a - 2] === 'location') return add('location', a, b); // the village of Khorog
      if (known === 'place') return add('location', a, b);
      if (known === 'organization' || acronymOnly) return add('organization', a, b);
      if (single) return; // a lone capitalized word: not enough evidence (repeats of known surnames are found when linking)
      // without a title, a person's name begins with a listed given name or ends in a word that is not a
      // common one, and has no acronym in it (not: Sustainable Growth, Blue Mosque, WTA Finals)
      const acronym = tokens.slice(a, b).some((t) => t.caps === 'upper' && t.norm.length >= 2);
      if (listed[a] !== 'given' && (acronym || commonWord(tokens[b - 1]!))) return;
      if (atStart && !seenInside.has(tokens[a]!.norm)) {
        // a common word opening the sentence is no part of the name (Facing Sabalenka in the final …); a
        // name left of one word is not enough evidence
        if (listed[a] !== 'given' && commonWord(tokens[a]!)) return b - a > 2 ? add('person', a + 1, b) : undefined;
        return add('person', a + 1 < b - 1 ? a + 1 : a, b);
      }
      add('person', a, b);
    }
  }
}

function caselessSentence(
  tokens: readonly Token[], kinds: ReadonlyArray<CueKind | undefined>, from: number, to: number,
  gap: (i: number) => boolean, add: Add, listed: readonly string[], gaz: readonly string[],
): void {
  const plain = (i: number) => i < to && kinds[i] === undefined && !gap(i) && !/^\d/u.test(tokens[i]!.norm);
  const nameWord = (i: number) => plain(i) || (i < to && kinds[i] === 'joiner' && !gap(i));
  const place = (i: number) => gaz[i]!.endsWith('-location');
  for (let i = from; i < to; i++) {
    const kind = kinds[i];
    if (listed[i] === 'place' && kind === 'organization') {
      // a listed place written with an organization head word: الاتحاد السوفيتي
      let j = i + 1;
      while (j < to && listed[j] === 'place+') j++;
      add('location', i, j);
      i = j - 1;
    } else if (kind === 'person') {
      // title, its descriptors (definite words: الخارجية الروسي) and a place it is of (رئيس قيرغيزستان),
      // then 1–3 name words (عبد العزيز counts one) and, after fewer than three, a family name with ال
      // and no clitic (عبد الفتاح السيسي); a bare title that is also a given name, before a name word, begins the
      // name (أمير خان متقي; not أمير قطر)
      let s = i + 1;
      let j = s;
      let words = 0;
      if (listed[i] === 'given' && !isArticle(tokens[i]!) && plain(j) && !isArticle(tokens[j]!) && !place(j)) [s, words] = [i, 1];
      else while (j < to && j < i + 4 && !gap(j) && (kinds[j] === 'person' || (kinds[j] === undefined && (isArticle(tokens[j]!) || place(j))))) s = ++j;
      for (; words < 3 && nameWord(j) && (!isArticle(tokens[j]!) || kinds[j - 1] === 'joiner'); j++) if (kinds[j] !== 'joiner') words++;
      while (j > s && kinds[j - 1] === 'joiner') j--;
      // the family name has the bare article: with a clitic it is the next phrase (كاملوف للبرلمان: "to parliament")
      if (j > s && words < 3 && plain(j) && tokens[j]!.norm.startsWith('ال') && isArticle(tokens[j]!) && (j + 1 >= to || gap(j + 1) || kinds[j + 1] === 'stop')) j++;
      if (j > s) add('person', s, j);
      i = Math.max(i, j - 1);
    } else if (kind === 'organization') {
      // head word and its genitive chain: وزارة الخارجية الكازاخستانية, حزب نور وطن; a head with the
      // article takes definite words only (المجلس الاقتصادي الأوراسي الأعلى), and without them it refers
      // back to an organization named before (المنظمة لتقديم …, المجلس ناقش …): no name
      const definite = isArticle(tokens[i]!);
      let j = i + 1;
      while (j < i + 4 && plain(j) && (!definite || isArticle(tokens[j]!))) j++;
      if (j > i + 1) add('organization', i, j);
      i = j - 1;
    } else if (kind === 'location') {
      let j = i + 1;
      if (plain(j)) add('location', i + 1, ++j); // the name after the head word: قرية الخيام
      i = j - 1;
    }
  }
}
