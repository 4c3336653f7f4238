/** A structured record (a JSON object, a CSV row, a feed item) as a Document. */
import type { Document } from '@topictag/core';
import { analyzeText } from './analyze.js';
import { dateFromValue } from './dates.js';
import { asText, pickField, type FieldMap } from './fields.js';
import type { Format } from './formats.js';
import type { AdapterErrorCode, AdapterRecord } from './types.js';

/** The values a structured input gives for a document. */
export interface DocumentFields {
  text: string;
  title: string | null;
  /** `undefined`: the input has no date field (the text's own date is used); `null`: it has one, unreadable. */
  date: string | null | undefined;
  url: string | null;
  lang: string | null;
}

export interface DocumentContext {
  id: string;
  source: string;
  format: Format;
  meta?: Record<string, unknown>;
}

function oneLine(value: string | null): string | null {
  const v = value?.replace(/\s+/gu, ' ').trim();
  return v ? v : null;
}

/** `ru-RU` → `ru`; empty → null. */
export function primaryLanguage(lang: string | null | undefined): string | null {
  const primary = lang?.split(/[-_]/)[0]?.trim().toLowerCase();
  return primary ? primary : null;
}

/**
 * A Document from field values. The title is the first line of the text: when the text does not
 * already hold it, `title + "\n\n"` is put in front (`meta.bodyOffset` says where the body starts).
 * Boilerplate spans and, when the input has no date field, the date come from the plain-text rules.
 */
/**
 * The text a document is analysed as: the body, with the title above it when the body does not
 * already contain it (feed items, records with a title field, pages whose main content left out the
 * headline), so that names and topics in headlines are found too.
 */
export function withTitle(title: string | null, body: string): string {
  return title !== null && !body.replace(/\s+/gu, ' ').includes(title) ? `${title}\n\n${body}` : body;
}

export function fromFields(fields: DocumentFields, context: DocumentContext): Document {
  const title = oneLine(fields.title);
  const text = withTitle(title, fields.text);
  const analysis = analyzeText(text, { title });
  return {
    id: context.id,
    source: context.source,
    text,
    title: title ?? analysis.title?.title ?? null,
    date: fields.date === undefined ? (analysis.date?.date ?? null) : fields.date,
    url: oneLine(fields.url),
    lang: primaryLanguage(fields.lang),
    boilerplate: analysis.boilerplate,
    meta: { format: context.format, ...(text !== fields.text ? { bodyOffset: text.length - fields.text.length } : {}), ...context.meta },
  };
}

/** Where an item of a multi-record file comes from. */
export interface ItemContext {
  /** The file's path as given (`-` for stdin) and its document id. */
  path: string;
  fileId: string;
  /** The item's number in the file, from 1; null for a file that is one record (a JSON object). */
  n: number | null;
  /** Where the item is, for messages: `line 7`, `item 3` (empty for a whole file). */
  where: string;
  format: Format;
  fields: FieldMap;
  meta?: Record<string, unknown>;
}

/** `path#n` for an item, the path for a whole file. */
export function itemSource(ctx: Pick<ItemContext, 'path' | 'n'>): string {
  return ctx.n === null ? ctx.path : `${ctx.path}#${ctx.n}`;
}

/** The id of an item without an id field: `<file id>#<n>`, or the file id for a whole file. */
export function defaultItemId(ctx: Pick<ItemContext, 'fileId' | 'n'>): string {
  return ctx.n === null ? ctx.fileId : `${ctx.fileId}#${ctx.n}`;
}

export function itemError(ctx: Pick<ItemContext, 'path' | 'fileId' | 'n' | 'where'>, code: AdapterErrorCode, problem: string, id?: string): AdapterRecord {
  const source = itemSource(ctx);
  const where = ctx.where ? `${ctx.where}: ` : '';
  return { id: id ?? defaultItemId(ctx), source, error: { code, message: `${source}: ${where}${problem}` } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * A parsed record (object, or a bare string taken as the text) → a Document or an error record.
 * The id is the id field's value, else `<file id>#<n>`; the source is `<path>#<n>`.
 */
export function recordToDocument(record: unknown, ctx: ItemContext): AdapterRecord {
  if (typeof record === 'string') record = { text: record };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return itemError(ctx, 'NO_TEXT', `is ${describe(record)}, not an object with a text field`);
  }
  const idValue = asText(pickField(record, 'id', ctx.fields)?.value)?.trim();
  const id = idValue ? idValue : defaultItemId(ctx);
  const textField = pickField(record, 'text', ctx.fields);
  const text = textField === null ? null : asText(textField.value);
  if (text === null || text.trim() === '') {
    const tried = ctx.fields.text ?? 'text, content, body';
    const problem = textField === null ? `has no text field (looked for ${tried})` : `field "${textField.path}" ${text === null ? `is ${describe(textField.value)}, not text` : 'is empty'}`;
    return itemError(ctx, 'NO_TEXT', problem, id);
  }
  const dateField = pickField(record, 'date', ctx.fields);
  const document = fromFields(
    {
      text,
      title: asText(pickField(record, 'title', ctx.fields)?.value),
      date: dateField === null ? undefined : dateFromValue(dateField.value),
      url: asText(pickField(record, 'url', ctx.fields)?.value),
      lang: asText(pickField(record, 'lang', ctx.fields)?.value),
    },
    { id, source: itemSource(ctx), format: ctx.format, meta: { ...(ctx.n === null ? {} : { item: ctx.n }), ...ctx.meta } },
  );
  return { document };
}
