import { BLOCKED_REF, type GazetteerEntity } from '../gazetteer.js';
import { getLanguage, packsForScript } from '../languages.js';
import { normalize, toOriginal } from '../normalize.js';
import { scriptOf } from '../script.js';
import { SPACE_ONLY } from '../segment.js';
import type { LexiconMatch, Token } from '../lexicon.js';
import type { EntityType, TextSpan } from '../types.js';
import { defaultCues } from './cues.js';
import type { NerInput, NerMention } from './types.js';

/** An entity as the analysis reports it (see `Entity` in analyze.ts). */
export interface LinkedEntity {
  id: string | null;
  type: EntityType;
  name: string;
  mentions: TextSpan[];
}

/** Clitics that may be glued before a name in caseless scripts (Arabic و ف ب ل ك and pairs). */
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'];

/**
 * Merges recognized mentions into the gazetteer's entities. The gazetteer stays the source of ids: a
 * mention over a gazetteer match of its type is that entity already (only an organization may contain
 * other gazetteer names, мэрия Москвы, and a place other places, Алматы облысы). The others become
 * entities with `id: null`, grouped by their words' stems and then by their names in base form (see
 * `nameOf`); a one-word person mention whose stem is the surname of a longer one in the document joins
 * it (Юрий Лужков … Лужкова), and repeats of those surnames the model missed are added, with clitics
 * left outside the offsets (ولافروف → لافروف). Surname repeats of linked people join the linked entity.
 * `notPlaces`: place names that name something else here (a quoted club or ship): no location is found over them.
 */
export function linkEntities(input: NerInput, linkedIn: LinkedEntity[], mentions: readonly NerMention[], notPlaces: readonly LexiconMatch[] = []): LinkedEntity[] {
  const { tokens, text } = input;
  const { gaz, linked } = knownSurnames(input, linkedIn, mentions);
  const kept = mentions.filter((m) => !gaz.some((g) => overlaps(g, m) && !containedOrg(g, m, input)) && !(m.type === 'location' && notPlaces.some((g) => overlaps(g, m))));
  const covered = new Uint8Array(tokens.length);
  for (const m of [...gaz, ...kept]) covered.fill(1, m.tokenStart, m.tokenEnd);

  const groups = new Map<string, Group>();
  const surnameOf = new Map<string, string>(); // surname stem → group key
  const keyOf = (m: NerMention) => `${m.type}\u0000${tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.key).join(' ')}`;
  for (const m of kept) {
    const key = keyOf(m);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { type: m.type, mentions: [], lastStem: null }));
    g.mentions.push(m);
    if (m.type === 'person' && m.tokenEnd - m.tokenStart > 1) {
      const last = tokens[m.tokenEnd - 1]!.key;
      g.lastStem = last;
      if (!surnameOf.has(last)) surnameOf.set(last, key);
    }
  }
  oneSensePerDocument(groups, surnameOf);
  // surnames of linked people (multi-word gazetteer mentions)
  const linkedSurname = new Map<string, LinkedEntity>();
  const byId = new Map(linked.map((e) => [e.id, e]));
  for (const g of gaz) {
    const e = byId.get(g.ref);
    if (e?.type === 'person' && g.tokenEnd - g.tokenStart > 1) linkedSurname.set(tokens[g.tokenEnd - 1]!.key, e);
  }
  headWordRepeats(groups, gaz, byId, tokens, text);
  // one-word person mentions join the full name they repeat
  for (const [key, g] of [...groups]) {
    if (g.type !== 'person' || g.lastStem !== null) continue;
    const stem = stemsOf(key);
    const target = surnameOf.get(stem);
    const person = linkedSurname.get(stem);
    if (target && target !== key) {
      groups.get(target)!.mentions.push(...g.mentions);
      groups.delete(key);
    } else if (!target && person) {
      person.mentions.push(...g.mentions.map((m) => span(text, m.start, m.end)));
      groups.delete(key);
    }
  }
  // repeats of surnames the recognizer missed
  tokens.forEach((t, i) => {
    if (covered[i] || (t.caps !== 'initial' && t.caps !== 'upper' && t.caps !== 'none')) return;
    const key = surnameOf.get(t.key);
    if (!key) return;
    const g = groups.get(key)!;
    const surname = tokens[g.mentions[0]!.tokenEnd - 1]!;
    const clitic = t.caps === 'none' ? cliticLength(t, surname) : 0;
    if (clitic < 0) return;
    const start = t.start + clitic;
    g.mentions.push({ type: 'person', start, end: t.end, tokenStart: i, tokenEnd: i + 1, source: 'rules' });
  });

  // one entity per type and base name: the groups of Роман Старченконың and Роман Старченко are one person
  const byName = new Map<string, { type: EntityType; name: string; mentions: NerMention[] }>();
  for (const g of groups.values()) {
    const name = nameOf(input, g.type, g.mentions);
    const key = `${g.type}\u0000${name.toLowerCase()}`;
    const e = byName.get(key);
    if (e) e.mentions.push(...g.mentions);
    else byName.set(key, { type: g.type, name, mentions: [...g.mentions] });
  }
  const unknown: LinkedEntity[] = [...byName.values()].map(({ type, name, mentions }) => ({
    id: null, type, name, mentions: mentions.sort((a, b) => a.start - b.start).map((m) => span(text, m.start, m.end)),
  }));
  for (const e of linked) e.mentions.sort((a, b) => a.start - b.start);
  return [...linked, ...unknown].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

type Group = { type: EntityType; mentions: NerMention[]; lastStem: string | null };

/**
 * The name of an unknown entity: its fullest mention (most words; of those the shortest, the least
 * inflected) in base form, as its language pack reads it (see `LanguagePack.baseName`): Совета
 * коллективной безопасности → Совет коллективной безопасности, Старченконың → Старченко, للمجلس → المجلس.
 */
function nameOf(input: NerInput, type: EntityType, mentions: readonly NerMention[]): string {
  const words = (m: NerMention) => m.tokenEnd - m.tokenStart;
  const best = mentions.reduce((a, b) => (words(b) > words(a) || (words(b) === words(a) && b.end - b.start < a.end - a.start) ? b : a));
  const written = input.text.slice(best.start, best.end).split(/\s+/u);
  const pack = getLanguage(input.tokens[best.tokenStart]!.pack);
  if (!pack) return written.join(' ');
  const cues = defaultCues();
  return pack.baseName(written, type, (word) => cues.knows(pack.code, normalize(word).text)).join(' ');
}

/** The stems part of a group key (`type \u0000 stems`). */
function stemsOf(key: string): string {
  return key.slice(key.indexOf('\u0000') + 1);
}

/**
 * A capitalized head word standing alone refers back to the organization the document names with it:
 * «Организации Договора о коллективной безопасности … государства – участники Организации». A one-word
 * unknown organization joins the linked organization whose multi-word mention here begins with a word
 * of its stem, when exactly one does.
 */
function headWordRepeats(groups: Map<string, Group>, gaz: readonly LexiconMatch[], byId: ReadonlyMap<string | null, LinkedEntity>, tokens: readonly Token[], text: string): void {
  const byHead = new Map<string, Set<LinkedEntity>>();
  for (const g of gaz) {
    const e = byId.get(g.ref);
    if (e?.type !== 'organization' || g.tokenEnd - g.tokenStart < 2) continue;
    const head = tokens[g.tokenStart]!.key;
    const set = byHead.get(head);
    if (set) set.add(e);
    else byHead.set(head, new Set([e]));
  }
  for (const [key, g] of [...groups]) {
    if (g.type !== 'organization' || g.mentions.some((m) => m.tokenEnd - m.tokenStart !== 1)) continue;
    const targets = byHead.get(stemsOf(key));
    if (targets?.size !== 1) continue;
    const [e] = targets;
    e!.mentions.push(...g.mentions.map((m) => span(text, m.start, m.end)));
    groups.delete(key);
  }
}

/**
 * One sense per document: a name the model read as two types (the chains are decoded apart) takes the
 * type of most of its mentions (Организации: organization 5 times, location once); on a tie both stay.
 * `groups` is keyed by type and stems; `surnameOf` follows a merged person's group.
 */
function oneSensePerDocument(groups: Map<string, Group>, surnameOf: Map<string, string>): void {
  const byStems = new Map<string, string[]>();
  for (const key of groups.keys()) {
    const stems = stemsOf(key);
    const keys = byStems.get(stems);
    if (keys) keys.push(key);
    else byStems.set(stems, [key]);
  }
  for (const keys of byStems.values()) {
    if (keys.length < 2) continue;
    keys.sort((a, b) => groups.get(b)!.mentions.length - groups.get(a)!.mentions.length);
    const [top, second] = keys.map((k) => groups.get(k)!);
    if (top!.mentions.length === second!.mentions.length) continue;
    for (const key of keys.slice(1)) {
      for (const m of groups.get(key)!.mentions) {
        if (!top!.mentions.some((x) => x.start === m.start && x.end === m.end)) top!.mentions.push({ ...m, type: top!.type });
      }
      groups.delete(key);
      for (const [surname, target] of surnameOf) {
        if (target !== key) continue;
        if (top!.type === 'person') surnameOf.set(surname, keys[0]!);
        else surnameOf.delete(surname);
      }
    }
  }
}

/**
 * A person the gazetteer knows by surname alone, inside a longer recognized name: with the same given
 * name (or its initial) as one of the entity's aliases, the linked mention grows to the whole name
 * (Нұрсұлтан Әбішұлы Назарбаев); with another given name it is another person (Дариға Назарбаева,
 * Әлібек Әлиев), so the link is dropped and the recognized name stays, unknown. A place the gazetteer
 * finds inside a name the model read as a person's is part of that name (Дания Еспаева is not Denmark):
 * its link is dropped too. A known person right after a recognized name that begins with one of its given
 * names is that name's end (the model stopped early: Никол Воваевич | Пашинянның): the link grows over both.
 */
function knownSurnames(input: NerInput, linked: LinkedEntity[], mentions: readonly NerMention[]): { gaz: readonly LexiconMatch[]; linked: LinkedEntity[] } {
  const { tokens, text } = input;
  const dropped = new Set<LexiconMatch>();
  const grown = new Map<LexiconMatch, LexiconMatch>();
  const byId = new Map(linked.map((e) => [e.id, e]));
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const after = input.entityMatches.find((g) => g.tokenStart === m.tokenEnd && tokens[m.tokenEnd - 1]!.sentence === tokens[g.tokenStart]!.sentence);
    const person = after && input.gazetteer?.get(after.ref);
    const e = after && byId.get(after.ref);
    if (after && person?.type === 'person' && e && SPACE_ONLY.test(text.slice(m.end, after.start)) && hasGivenName(person, tokens[m.tokenStart]!)) {
      // the model stopped before a known surname of the same person (Никол Воваевич | Пашинянның)
      const at = e.mentions.findIndex((x) => x.start === after.start && x.end === after.end);
      if (at >= 0) e.mentions[at] = span(text, m.start, after.end);
      grown.set(after, { ...after, start: m.start, tokenStart: m.tokenStart });
      continue;
    }
    const inside = input.entityMatches.filter((g) => g.tokenStart >= m.tokenStart && g.tokenEnd <= m.tokenEnd && g.tokenEnd - g.tokenStart < m.tokenEnd - m.tokenStart);
    const entities = inside.map((g) => input.gazetteer?.get(g.ref));
    // a place inside a name the model read as one person's is part of that name (Дания Еспаева), unless a
    // known person is in it too (the cue rules read a title's country with the name: أوزبكستان شوكت ميرضيايف)
    const placeInName = m.source === 'model' && !entities.some((entity) => entity?.type === 'person');
    inside.forEach((g, j) => {
      const entity = entities[j];
      const e = byId.get(g.ref);
      const at = e ? e.mentions.findIndex((x) => x.start === g.start && x.end === g.end) : -1;
      if (!entity || !e || at < 0) return;
      if (entity.type === 'person') {
        if (g.tokenEnd !== m.tokenEnd || g.tokenEnd - g.tokenStart !== 1) return;
        if (hasGivenName(entity, tokens[m.tokenStart]!)) {
          e.mentions[at] = span(text, m.start, m.end);
          return;
        }
      } else if (entity.type !== 'location' || !placeInName) return;
      // another person of that surname, or a place that is part of the name
      e.mentions.splice(at, 1);
      dropped.add(g);
    });
  }
  if (!dropped.size && !grown.size) return { gaz: input.entityMatches, linked };
  const gaz = input.entityMatches.filter((g) => !dropped.has(g)).map((g) => grown.get(g) ?? g);
  return { gaz, linked: linked.filter((e) => e.mentions.length) };
}

/** Whether `token` is the first word of one of the entity's multi-word aliases, in a form of it or as its initial. */
function hasGivenName(entity: GazetteerEntity, token: Token): boolean {
  for (const names of Object.values(entity.aliases)) {
    for (const alias of names ?? []) {
      const words = alias.trim().split(/\s+/u);
      if (words.length < 2) continue;
      const first = normalize(words[0]!).text;
      if (token.norm.length === 1 ? first.startsWith(token.norm) : packsForScript(scriptOf(first)).some((p) => p.forms(first).includes(token.norm))) return true;
    }
  }
  return false;
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function overlaps(a: { tokenStart: number; tokenEnd: number }, b: { tokenStart: number; tokenEnd: number }): boolean {
  return a.tokenStart < b.tokenEnd && b.tokenStart < a.tokenEnd;
}

/**
 * A gazetteer name strictly inside a recognized organization of another type (мэрия Москвы) or inside
 * a recognized place (Алматы облысы, Батыс Қазақстан облысы): the longer name is kept beside it.
 */
function containedOrg(g: LexiconMatch, m: NerMention, input: NerInput): boolean {
  if ((m.type !== 'organization' && m.type !== 'location') || g.ref === BLOCKED_REF) return false;
  const inside = m.tokenStart <= g.tokenStart && g.tokenEnd <= m.tokenEnd && g.tokenEnd - g.tokenStart < m.tokenEnd - m.tokenStart;
  const type = input.gazetteer?.get(g.ref)?.type;
  return inside && (m.type === 'organization' ? type !== 'organization' : type === 'location');
}

/** Length in the original text of a clitic glued before `surname` in `t` (ولافروف → 1), or −1 if `t` is not a clitic form of it. */
function cliticLength(t: Token, surname: Token): number {
  if (t.norm === surname.norm) return 0;
  const clitic = CLITICS.find((c) => t.norm === c + surname.norm);
  if (!clitic) return t.norm.endsWith(surname.norm) ? -1 : 0;
  const n = normalize(t.text);
  return toOriginal(n, 0, clitic.length).end;
}
