import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { packFor } from '../languages.js';
import { labelTokens, Lexicon, type LexiconEntry } from '../lexicon.js';
import { normalize } from '../normalize.js';
import { scriptOf } from '../script.js';
import type { Token } from '../lexicon.js';
import type { EntityType, LanguageCode } from '../types.js';

/**
 * Context cue words per entity type and language (`data/ner/cues.json`): titles before people
 * (Президент, мырза, الرئيس, Minister), heads of organization names (министерство, партиясы, وزارة,
 * Ministry) and of place names (город, ауылы, قرية, village). Matched by stem, so inflected and
 * clitic-prefixed forms count (Президента, والرئيس).
 */
export interface CueData {
  version: number;
  person: Partial<Record<LanguageCode, string[]>>;
  organization: Partial<Record<LanguageCode, string[]>>;
  location: Partial<Record<LanguageCode, string[]>>;
  /** Words that never begin or continue a name in rule-based languages (function words, months, days). */
  stop?: Partial<Record<LanguageCode, string[]>>;
  /** Lowercase words allowed inside an organization name in rule-based languages (of, and, for). */
  connectors?: Partial<Record<LanguageCode, string[]>>;
  /** Prepositions that make a following unknown name a place in rule-based languages (in, near). */
  locationBefore?: Partial<Record<LanguageCode, string[]>>;
  /**
   * Words of a person's name that take the next word with them: in caseless scripts article and all
   * (Arabic عبد العزيز, أبو بكر, بن, آل), elsewhere a capitalized word (the patronymic оглы: Гейдар оглы
   * Алиев). Read by the rules and after the models, never as a model feature.
   */
  nameJoiners?: Partial<Record<LanguageCode, string[]>>;
}

/**
 * A list of names of one kind (`data/ner/names/*.json`): given names, places … in base form per
 * language. The NER models read membership as a feature (`lex`); the names get no ids (that is the
 * gazetteer's job).
 */
export interface NameListData {
  kind: string;
  version: number;
  about?: string;
  source?: string;
  names: Partial<Record<LanguageCode, string[]>>;
}

/** Cue kinds a token can carry. */
export type CueKind = EntityType | 'stop' | 'connector' | 'locationBefore' | 'joiner';

/** Compiled cues: a stem and a form lookup per language pack, and the name lists. */
export class Cues {
  /** Pack → stem → cue kind. */
  private readonly byKey = new Map<LanguageCode, Map<string, CueKind>>();
  /** Pack → form of a cue word → cue kind. */
  private readonly byForm = new Map<LanguageCode, Map<string, CueKind>>();
  private readonly lists: readonly NameListData[];
  private readonly lexicons = new Map<LanguageCode, Lexicon>();
  private readonly listWords = new Map<LanguageCode, Set<string>>();

  constructor(data: CueData, names: readonly NameListData[] = []) {
    this.lists = names;
    const kinds: Array<[CueKind, Partial<Record<LanguageCode, string[]>> | undefined]> = [
      ['stop', data.stop],
      ['connector', data.connectors],
      ['locationBefore', data.locationBefore],
      ['joiner', data.nameJoiners],
      ['person', data.person],
      ['organization', data.organization],
      ['location', data.location],
    ];
    for (const [kind, lists] of kinds) {
      for (const [lang, words] of Object.entries(lists ?? {})) {
        for (const w of words ?? []) {
          const norm = normalize(w).text;
          const pack = packFor(scriptOf(norm), lang);
          // joiners are read by the rules and the name joining only, never by the models' features
          if (kind !== 'joiner') ofPack(this.byKey, pack.code).set(pack.stem(norm), kind);
          const forms = ofPack(this.byForm, pack.code);
          for (const f of pack.forms(norm)) forms.set(f, kind);
        }
      }
    }
  }

  /** The cue kind of a token, if its stem is a cue word (a feature of the trained models). */
  of(token: Token): CueKind | undefined {
    return this.byKey.get(token.pack)?.get(token.key);
  }

  /**
   * The cue kind of a token for the cue rules: a cue word's own form (the language pack's paradigm:
   * English plural and possessive, Arabic clitics), else a cue word's stem if the token is inflected
   * (قائدها, Ministries). Stems alone conflate too much there: English New is the stem of news, and a
   * stemmer reads وزارة as و + زارة, so ووزارة was missed.
   */
  formOf(token: Token): CueKind | undefined {
    return this.byForm.get(token.pack)?.get(token.norm) ?? (token.key !== token.norm ? this.of(token) : undefined);
  }

  /**
   * What a normalized word of the pack's language is: a form of a cue word that can begin a name (a
   * title, a head word, a joiner; not a stop word), a word of a listed name as written there.
   */
  knows(pack: LanguageCode, norm: string): { cue: boolean; listed: boolean } {
    const kind = this.byForm.get(pack)?.get(norm);
    let words = this.listWords.get(pack);
    if (!words) {
      words = new Set(this.lists.flatMap((list) => (list.names[pack] ?? []).flatMap((name) => normalize(name).text.split(/\s+/u))));
      this.listWords.set(pack, words);
    }
    return { cue: kind !== undefined && kind !== 'stop' && kind !== 'connector' && kind !== 'locationBefore', listed: words.has(norm) };
  }

  /**
   * Per token, the kind of the listed name of the document's language `lang` it is part of (`place`,
   * `given` …; `place+` for the words after the first of a multi-word name; `-` none). Words match by
   * the stem of the listed base form (cheap to build for thousands of names); the longest match wins.
   * A language's lists compile on first use.
   */
  nameKinds(tokens: readonly Token[], text: string, lang: LanguageCode): string[] {
    let lexicon = this.lexicons.get(lang);
    if (!lexicon) {
      const entries = this.lists.flatMap((list) => (list.names[lang] ?? []).map((name): LexiconEntry => ({ text: name, lang, kind: 'entity', ref: list.kind })));
      this.lexicons.set(lang, (lexicon = new Lexicon(entries, { baseStem: true })));
    }
    return labelTokens(tokens.length, lexicon.match(tokens, text), (m, first) => (first ? m.ref : `${m.ref}+`), '-');
  }
}

/** The map of `pack` in `maps`, made on first use. */
function ofPack(maps: Map<LanguageCode, Map<string, CueKind>>, pack: LanguageCode): Map<string, CueKind> {
  let map = maps.get(pack);
  if (!map) maps.set(pack, (map = new Map()));
  return map;
}

let builtin: Cues | undefined;

/** The package's cue lists (`data/ner/cues.json`) and name lists (`data/ner/names/*.json`). */
export function defaultCues(): Cues {
  if (builtin) return builtin;
  const dir = new URL('../../data/ner/', import.meta.url);
  const listDir = new URL('names/', dir);
  const names = (existsSync(listDir) ? readdirSync(listDir) : []).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(new URL(`names/${f}`, dir), 'utf8')) as NameListData);
  return (builtin = new Cues(JSON.parse(readFileSync(new URL('cues.json', dir), 'utf8')) as CueData, names));
}
