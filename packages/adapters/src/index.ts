/**
 * @topictag/adapters: files and streams to topictag Documents — plain text, HTML, Markdown, JSON,
 * JSON Lines, CSV/TSV, RSS/Atom, DOCX and PDF in any common encoding — with headline, publication
 * date and boilerplate spans.
 */
export type { AdapterError, AdapterErrorCode, AdapterRecord, ReadOptions } from './types.js';
export type { DocumentInit } from './text.js';
export type { FieldMap } from './fields.js';
export { FORMATS, isFormat, type Format } from './formats.js';
export { readDocument, readDocuments } from './files.js';
export { fromText } from './text.js';
export { fromHtml, type HtmlOptions } from './html.js';
export { fromMarkdown } from './markdown.js';
export { parseDate, dateFromValue, type FoundDate } from './dates.js';
export { findBoilerplate } from './boilerplate.js';
export { isKnownEncoding, detectEncoding, encodeText, type EncodingChoice } from './encoding.js';
