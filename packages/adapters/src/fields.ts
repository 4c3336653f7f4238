/** Field mapping for structured records (JSON, JSONL, CSV): which value is the text, title, date, id. */
import { readFileSync } from 'node:fs';

/** Paths given by the user (`--text-field body.text`); each replaces the default list of its field. */
export interface FieldMap {
  text?: string;
  title?: string;
  date?: string;
  id?: string;
}

export type FieldName = 'text' | 'title' | 'date' | 'id' | 'url' | 'lang';

type Defaults = Record<FieldName, readonly string[]>;

let defaults: Defaults | undefined;

/** The default field names of `data/fields.json`. */
export function defaultFields(): Defaults {
  defaults ??= JSON.parse(readFileSync(new URL('../data/fields.json', import.meta.url), 'utf8')) as Defaults;
  return defaults;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key of `record` equal to `key`, else one equal ignoring case. */
function ownKey(record: Record<string, unknown>, key: string): string | undefined {
  if (Object.hasOwn(record, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(record).find((k) => k.toLowerCase() === lower);
}

/**
 * The value at a path: a key as written (`dc:date`, or a CSV header `author.name`), else a dotted
 * path into nested objects and arrays (`article.body`, `paragraphs.0`). Keys match ignoring case
 * when no key matches exactly.
 */
export function valueAt(value: unknown, path: string): unknown {
  if (!isRecord(value) && !Array.isArray(value)) return undefined;
  if (isRecord(value)) {
    const whole = ownKey(value, path);
    if (whole !== undefined) return value[whole];
  }
  const dot = path.indexOf('.');
  if (dot < 0) return Array.isArray(value) ? value[Number(path)] : undefined;
  const head = path.slice(0, dot);
  const child = Array.isArray(value) ? (/^\d+$/.test(head) ? value[Number(head)] : undefined) : (() => {
    const key = ownKey(value, head);
    return key === undefined ? undefined : value[key];
  })();
  return valueAt(child, path.slice(dot + 1));
}

/** The paths tried for a field: the user's one, else the defaults. */
export function fieldPaths(field: FieldName, map: FieldMap = {}): readonly string[] {
  const given = field === 'url' || field === 'lang' ? undefined : map[field];
  return given !== undefined ? [given] : defaultFields()[field];
}

/** The first path of the field that holds a value (not undefined/null); with the path it came from. */
export function pickField(record: unknown, field: FieldName, map: FieldMap = {}): { path: string; value: unknown } | null {
  for (const path of fieldPaths(field, map)) {
    const value = valueAt(record, path);
    if (value !== undefined && value !== null) return { path, value };
  }
  return null;
}

/** A field value as text: strings as they are, numbers written out, arrays of strings as paragraphs. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n\n');
  return null;
}
