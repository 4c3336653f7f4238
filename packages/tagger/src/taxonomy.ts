import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { LanguageCode } from '@topictag/core';

/** Words and phrases per language (see `LexiconEntry` in @topictag/core for the syntax). */
export type Terms = Partial<Record<LanguageCode, string[]>>;

/** Terms and/or entities: the condition holds where any of them matches. */
export interface Condition {
  terms?: Terms;
  /** Gazetteer entity ids. */
  entities?: string[];
}

/**
 * A group of evidence for a topic: every match of one of its terms or entities (`terms`/`entities`,
 * or the same under `any`) adds `weight`, provided the constraints hold.
 */
export interface EvidenceRule extends Condition {
  weight: number;
  /** Synonym of `terms`/`entities` at the top level. */
  any?: Condition;
  /** Each of these must also match in the same sentence. */
  all?: Condition[];
  /** One of these must match in the same sentence; with `within`, at most that many words away. */
  near?: Condition & { within?: number };
  /** None of these may match in the same sentence (or anywhere, with `scope: document`). */
  none?: Condition & { scope?: 'sentence' | 'document' };
  /** The document must mention one of these entities (anywhere): "mentions org:csto". */
  mentions?: string[];
}

export interface Topic {
  id: string;
  parent: string | null;
  labels: Partial<Record<LanguageCode, string>> & { en: string };
  description: Partial<Record<LanguageCode, string>> & { en: string };
  /** Minimum score for the topic to be reported (default: the tagger's threshold, 0.5). */
  threshold?: number;
  evidence: EvidenceRule[];
  /** Example sentences per language; with the description and labels they are the topic's semantic prototypes. */
  examples?: Partial<Record<LanguageCode, string[]>>;
  /** Semantic and hybrid modes: this topic's own threshold for the semantic score and weight in the fusion. */
  semantic?: { threshold?: number; weight?: number };
}

export interface Taxonomy {
  version: number;
  id: string;
  name: string;
  topics: Topic[];
}

/** A taxonomy that failed validation: `problems` lists every problem with its path. */
export class TaxonomyError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid taxonomy ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TaxonomyError';
  }
}

/** Reads a taxonomy from a YAML or JSON file and validates it. */
export function loadTaxonomy(path: string | URL): Taxonomy {
  const source = String(path instanceof URL ? path.pathname : path);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TaxonomyError(source, [`cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseTaxonomy(raw, source);
}

/** Parses YAML or JSON text (JSON is YAML) and validates it. */
export function parseTaxonomy(raw: string, source = 'taxonomy'): Taxonomy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length) {
    throw new TaxonomyError(source, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
  }
  const value = doc.toJS() as unknown;
  try {
    return validateTaxonomy(value, source);
  } catch (err) {
    if (!(err instanceof TaxonomyError)) throw err;
    throw new TaxonomyError(source, err.problems.map((p) => withLine(p, doc, lineCounter, value)));
  }
}

/**
 * Prefixes a problem with the line of the deepest node of its path that exists in the file
 * (`topics[3] (csto).evidence[0].weight: …` → `line 41: topics[3] …`).
 */
function withLine(problem: string, doc: YamlDocument, lines: LineCounter, value: unknown): string {
  const head = problem.slice(0, problem.indexOf(':'));
  const path: Array<string | number> = [];
  for (const m of head.matchAll(/\[(\d+)\]|\(([^)]*)\)|([A-Za-z_][\w-]*)/gu)) {
    if (m[1] !== undefined) path.push(Number(m[1]));
    else if (m[2] !== undefined && path.length === 1) {
      // `topics (id)`: the topic named by its id.
      const topics = (value as { topics?: Array<{ id?: unknown }> } | null)?.topics;
      const i = Array.isArray(topics) ? topics.findIndex((t) => t?.id === m[2]) : -1;
      if (i >= 0) path.push(i);
    } else if (m[3] !== undefined) path.push(m[3]);
  }
  for (let k = path.length; k > 0; k--) {
    const node = doc.getIn(path.slice(0, k), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return `line ${lines.linePos(node.range[0]).line}: ${problem}`;
  }
  return problem;
}

const ID = /^[a-z0-9][a-z0-9_.:-]*$/u;

/** Checks the shape of a taxonomy object; throws a `TaxonomyError` listing every problem. */
export function validateTaxonomy(value: unknown, source = 'taxonomy'): Taxonomy {
  const problems: string[] = [];
  const obj = value as Partial<Taxonomy> | null;
  if (!obj || typeof obj !== 'object') throw new TaxonomyError(source, ['expected a mapping with "topics"']);
  if (!Array.isArray(obj.topics) || obj.topics.length === 0) problems.push('topics: expected a non-empty list');
  const topics = Array.isArray(obj.topics) ? obj.topics : [];
  const ids = new Set<string>();
  topics.forEach((t, i) => {
    const at = `topics[${i}]${t && typeof t.id === 'string' ? ` (${t.id})` : ''}`;
    if (!t || typeof t !== 'object') return problems.push(`${at}: expected a mapping`);
    if (typeof t.id !== 'string' || !ID.test(t.id)) problems.push(`${at}.id: expected an id of lowercase letters, digits, - _ . :`);
    else if (ids.has(t.id)) problems.push(`${at}.id: duplicate id "${t.id}"`);
    else ids.add(t.id);
    if (t.parent !== undefined && t.parent !== null && typeof t.parent !== 'string') problems.push(`${at}.parent: expected a topic id or null`);
    for (const field of ['labels', 'description'] as const) {
      const map = t[field] as Record<string, unknown> | undefined;
      if (!map || typeof map.en !== 'string') problems.push(`${at}.${field}.en: expected a string`);
      for (const [lang, v] of Object.entries(map && typeof map === 'object' ? map : {})) {
        if (lang !== 'en' && typeof v !== 'string') problems.push(`${at}.${field}.${lang}: expected a string (in a YAML { … } mapping, quote text that has a comma)`);
      }
    }
    if (t.threshold !== undefined && !(typeof t.threshold === 'number' && t.threshold > 0 && t.threshold < 1)) {
      problems.push(`${at}.threshold: expected a number between 0 and 1`);
    }
    if (t.semantic !== undefined) {
      const sem = t.semantic as { threshold?: unknown; weight?: unknown } | null;
      if (!sem || typeof sem !== 'object') problems.push(`${at}.semantic: expected a mapping with threshold and/or weight`);
      else {
        if (sem.threshold !== undefined && !(typeof sem.threshold === 'number' && sem.threshold > 0 && sem.threshold < 1)) {
          problems.push(`${at}.semantic.threshold: expected a number between 0 and 1`);
        }
        if (sem.weight !== undefined && !(typeof sem.weight === 'number' && sem.weight >= 0 && sem.weight <= 1)) {
          problems.push(`${at}.semantic.weight: expected a number from 0 to 1`);
        }
      }
    }
    if (t.examples !== undefined) checkTerms(t.examples, `${at}.examples`, problems);
    if (!Array.isArray(t.evidence) || t.evidence.length === 0) problems.push(`${at}.evidence: expected a non-empty list`);
    (Array.isArray(t.evidence) ? t.evidence : []).forEach((r, j) => {
      const rat = `${at}.evidence[${j}]`;
      if (!r || typeof r !== 'object') return problems.push(`${rat}: expected a mapping`);
      if (typeof r.weight !== 'number' || !(r.weight > 0)) problems.push(`${rat}.weight: expected a positive number`);
      if (!r.terms && !r.entities && !r.any) problems.push(`${rat}: needs "terms", "entities" or "any"`);
      checkCondition(r, rat, problems, false);
      if (r.any !== undefined) checkCondition(r.any, `${rat}.any`, problems, true);
      if (r.all !== undefined) {
        if (!Array.isArray(r.all) || !r.all.length) problems.push(`${rat}.all: expected a non-empty list of conditions`);
        else r.all.forEach((c, k) => checkCondition(c, `${rat}.all[${k}]`, problems, true));
      }
      if (r.near !== undefined) {
        checkCondition(r.near, `${rat}.near`, problems, true);
        const w = r.near?.within;
        if (w !== undefined && !(Number.isInteger(w) && w > 0)) problems.push(`${rat}.near.within: expected a whole number of words`);
      }
      if (r.none !== undefined) {
        checkCondition(r.none, `${rat}.none`, problems, true);
        const scope = r.none?.scope;
        if (scope !== undefined && scope !== 'sentence' && scope !== 'document') problems.push(`${rat}.none.scope: expected "sentence" or "document"`);
      }
      checkIds(r.mentions, `${rat}.mentions`, problems);
    });
  });
  for (const t of topics) {
    if (t && typeof t.parent === 'string' && !ids.has(t.parent)) problems.push(`topics (${t.id}).parent: unknown topic "${t.parent}"`);
  }
  const parents = new Map(topics.filter((t) => t && typeof t.id === 'string').map((t) => [t.id, t.parent ?? null]));
  for (const id of parents.keys()) {
    const seen = new Set<string>();
    for (let p: string | null | undefined = id; p; p = parents.get(p)) {
      if (seen.has(p)) {
        problems.push(`topics (${id}).parent: the parent chain loops (${[...seen, p].join(' → ')})`);
        break;
      }
      seen.add(p);
    }
  }
  if (problems.length) throw new TaxonomyError(source, problems);
  return {
    version: typeof obj.version === 'number' ? obj.version : 1,
    id: typeof obj.id === 'string' ? obj.id : 'custom',
    name: typeof obj.name === 'string' ? obj.name : 'custom',
    topics: topics.map((t) => ({ ...t, parent: t.parent ?? null })),
  };
}

/** Checks `terms`/`entities` of a condition; `required`: one of them must be there. */
function checkCondition(c: unknown, at: string, problems: string[], required: boolean): void {
  if (!c || typeof c !== 'object' || Array.isArray(c)) {
    problems.push(`${at}: expected a mapping with "terms" and/or "entities"`);
    return;
  }
  const cond = c as Condition;
  if (required && !cond.terms && !cond.entities) problems.push(`${at}: needs "terms" or "entities"`);
  checkTerms(cond.terms, `${at}.terms`, problems);
  checkIds(cond.entities, `${at}.entities`, problems);
}

function checkTerms(terms: unknown, at: string, problems: string[]): void {
  if (terms === undefined) return;
  if (!terms || typeof terms !== 'object' || Array.isArray(terms)) {
    problems.push(`${at}: expected a mapping of language code to a list of words or phrases`);
    return;
  }
  for (const [lang, list] of Object.entries(terms)) {
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !x.trim())) {
      problems.push(`${at}.${lang}: expected a list of non-empty strings`);
    }
  }
}

function checkIds(ids: unknown, at: string, problems: string[]): void {
  if (ids === undefined) return;
  if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) problems.push(`${at}: expected a list of entity ids`);
}

/** The taxonomy that ships with topictag (`data/taxonomies/default.yaml`). */
export function defaultTaxonomyPath(): URL {
  return new URL('../data/taxonomies/default.yaml', import.meta.url);
}

export function defaultTaxonomy(): Taxonomy {
  return loadTaxonomy(defaultTaxonomyPath());
}
