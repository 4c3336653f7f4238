import { readdirSync, readFileSync } from 'node:fs';
import type { LexiconEntry } from './lexicon.js';
import type { EntityType, LanguageCode } from './types.js';

/** One known entity with its names. */
export interface GazetteerEntity {
  /** Stable id: `person:…`, `org:…`, `country:XX` (ISO 3166-1 alpha-2), `city:…`, `region:…`, `place:…`. */
  id: string;
  type: EntityType;
  /** Canonical English name. */
  name: string;
  /** Names per language, in base form; the matcher finds their inflected forms. */
  aliases: Partial<Record<LanguageCode, string[]>>;
}

/** The JSON shape of a gazetteer data file. Entries without `type`/`name` add aliases to an entity. */
export interface GazetteerData {
  version?: number;
  entities: Array<Partial<GazetteerEntity> & { id: string }>;
  /**
   * Names that contain an entity's name but do not mention it, per language (`France 24`,
   * `Agence France-Presse`, `New Mexico`): where one matches, the names inside it are not linked.
   */
  blocked?: Partial<Record<LanguageCode, string[]>>;
}

/** The lexicon `ref` of blocked names. */
export const BLOCKED_REF = '!blocked';

const TYPES: readonly EntityType[] = ['person', 'organization', 'location'];

/** A set of entities, built from data files and extensible by users. */
export class Gazetteer {
  private readonly byId = new Map<string, GazetteerEntity>();
  private readonly blocked = new Map<LanguageCode, Set<string>>();

  /** Entities from data objects; later data adds aliases to earlier entities with the same id. */
  constructor(...data: GazetteerData[]) {
    for (const d of data) this.add(d);
  }

  /** Adds entities or aliases (a plugin point: extend the default gazetteer with your own names). */
  add(data: GazetteerData, origin = 'gazetteer data'): this {
    if (!data || !Array.isArray(data.entities)) throw new TypeError(`${origin}: expected an object with an "entities" array`);
    for (const [lang, list] of Object.entries(data.blocked ?? {})) {
      if (!Array.isArray(list)) throw new TypeError(`${origin}: "blocked.${lang}" must be a list of names`);
      const set = this.blocked.get(lang) ?? new Set<string>();
      for (const name of list) set.add(name);
      this.blocked.set(lang, set);
    }
    for (const e of data.entities) {
      if (!e || typeof e.id !== 'string' || !e.id) throw new TypeError(`${origin}: every entity needs a string "id"`);
      const known = this.byId.get(e.id);
      const aliases = e.aliases ?? {};
      if (known) {
        for (const [lang, list] of Object.entries(aliases)) {
          known.aliases[lang] = [...new Set([...(known.aliases[lang] ?? []), ...(list ?? [])])];
        }
        continue;
      }
      if (!e.type || !TYPES.includes(e.type)) throw new TypeError(`${origin}: entity ${e.id} needs "type" (${TYPES.join(', ')})`);
      if (!e.name) throw new TypeError(`${origin}: entity ${e.id} needs "name"`);
      this.byId.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: { ...aliases } });
    }
    return this;
  }

  /** A copy that can be extended without changing this one. */
  clone(): Gazetteer {
    return new Gazetteer({
      entities: [...this.byId.values()].map((e) => structuredClone(e)),
      blocked: Object.fromEntries([...this.blocked].map(([lang, set]) => [lang, [...set]])),
    });
  }

  get(id: string): GazetteerEntity | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  entities(): IterableIterator<GazetteerEntity> {
    return this.byId.values();
  }

  /** Every alias as a lexicon entry (`kind: 'entity'`, `ref` = entity id; blocked names: `BLOCKED_REF`). */
  lexiconEntries(): LexiconEntry[] {
    const out: LexiconEntry[] = [];
    for (const [lang, set] of this.blocked) for (const text of set) out.push({ text, lang, kind: 'entity', ref: BLOCKED_REF });
    for (const e of this.byId.values()) {
      for (const [lang, list] of Object.entries(e.aliases)) {
        for (const text of new Set(list)) out.push({ text, lang, kind: 'entity', ref: e.id });
      }
    }
    return out;
  }
}

/** Reads gazetteer JSON files. */
export function readGazetteerFile(path: string | URL): GazetteerData {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as GazetteerData;
  } catch (err) {
    throw new Error(`cannot read gazetteer file ${String(path)}: ${(err as Error).message}`);
  }
}

let builtin: Gazetteer | undefined;

/**
 * The default gazetteer: the `*.json` files of the package's `data/gazetteer/` (the hand-written
 * entities and the countries generated from CLDR by `scripts/build-countries.mjs`, which merges
 * `*.extra.json` into them). Loaded once; treat as read-only (extend a copy: `defaultGazetteer().clone().add(…)`).
 */
export function defaultGazetteer(): Gazetteer {
  if (builtin) return builtin;
  const dir = new URL('../data/gazetteer/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.extra.')).sort();
  const g = new Gazetteer();
  for (const f of files) g.add(readGazetteerFile(new URL(f, dir)), f);
  return (builtin = g);
}

