import { readFileSync } from 'node:fs';
import { packFor } from '../languages.js';
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
}

/** Cue kinds a token can carry. */
export type CueKind = EntityType | 'stop' | 'connector' | 'locationBefore';

/** Compiled cues: a stem lookup per language pack. */
export class Cues {
  private readonly byKey = new Map<string, CueKind>();

  constructor(data: CueData) {
    const kinds: Array<[CueKind, Partial<Record<LanguageCode, string[]>> | undefined]> = [
      ['stop', data.stop],
      ['connector', data.connectors],
      ['locationBefore', data.locationBefore],
      ['person', data.person],
      ['organization', data.organization],
      ['location', data.location],
    ];
    for (const [kind, lists] of kinds) {
      for (const [lang, words] of Object.entries(lists ?? {})) {
        for (const w of words ?? []) {
          const norm = normalize(w).text;
          const pack = packFor(scriptOf(norm), lang);
          this.byKey.set(`${pack.code}\u0000${pack.stem(norm)}`, kind);
        }
      }
    }
  }

  /** The cue kind of a token, if its stem is a cue word. */
  of(token: Token): CueKind | undefined {
    return this.byKey.get(`${token.pack}\u0000${token.key}`);
  }
}

let builtin: Cues | undefined;

/** The package's cue lists. */
export function defaultCues(): Cues {
  if (builtin) return builtin;
  const url = new URL('../../data/ner/cues.json', import.meta.url);
  return (builtin = new Cues(JSON.parse(readFileSync(url, 'utf8')) as CueData));
}
