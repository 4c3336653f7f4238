import { readFileSync } from 'node:fs';
import { fold, foldBare } from './lines.js';

/** The keyword lists of `data/boilerplate.json`, merged over all languages and folded for matching. */
export interface BoilerplateRules {
  relatedHeadings: ReadonlySet<string>;
  lines: ReadonlySet<string>;
  prefixes: readonly string[];
  contains: readonly string[];
  publishedLabels: readonly string[];
  savedLabels: readonly string[];
  metaWords: ReadonlySet<string>;
  todayWords: readonly string[];
}

const FIELDS = ['relatedHeadings', 'lines', 'prefixes', 'contains', 'publishedLabels', 'savedLabels', 'metaWords', 'todayWords'] as const;
type Field = (typeof FIELDS)[number];
type KeywordSection = Record<Field, string[]>;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Checks the data file's shape; a malformed file is a programming error, so this throws. */
function parseSections(raw: unknown): Map<string, KeywordSection> {
  const languages = typeof raw === 'object' && raw !== null ? (raw as { languages?: unknown }).languages : undefined;
  if (typeof languages !== 'object' || languages === null) throw new Error('boilerplate.json: missing "languages" object');
  const sections = new Map<string, KeywordSection>();
  for (const [lang, value] of Object.entries(languages)) {
    if (typeof value !== 'object' || value === null) throw new Error(`boilerplate.json: "${lang}" is not an object`);
    const section: Partial<KeywordSection> = {};
    for (const field of FIELDS) {
      const list: unknown = (value as Record<string, unknown>)[field] ?? [];
      if (!isStringArray(list)) throw new Error(`boilerplate.json: "${lang}.${field}" must be an array of strings`);
      section[field] = list;
    }
    sections.set(lang, section as KeywordSection);
  }
  return sections;
}

/** Builds matching rules from data in the shape of `data/boilerplate.json`. */
export function compileRules(raw: unknown): BoilerplateRules {
  const all: KeywordSection = {
    relatedHeadings: [], lines: [], prefixes: [], contains: [], publishedLabels: [], savedLabels: [], metaWords: [], todayWords: [],
  };
  for (const section of parseSections(raw).values()) for (const field of FIELDS) all[field].push(...section[field]);
  const folded = (list: string[]): string[] => [...new Set(list.map(fold).filter((s) => s.length > 0))];
  return {
    relatedHeadings: new Set(all.relatedHeadings.map(foldBare)),
    lines: new Set(all.lines.map(foldBare)),
    prefixes: folded(all.prefixes),
    contains: folded(all.contains),
    publishedLabels: folded(all.publishedLabels),
    savedLabels: folded(all.savedLabels),
    metaWords: new Set(all.metaWords.map(foldBare)),
    todayWords: folded(all.todayWords),
  };
}

let cached: BoilerplateRules | undefined;

/** The rules from the package's `data/boilerplate.json` (read once). */
export function defaultRules(): BoilerplateRules {
  cached ??= compileRules(JSON.parse(readFileSync(new URL('../data/boilerplate.json', import.meta.url), 'utf8')) as unknown);
  return cached;
}
