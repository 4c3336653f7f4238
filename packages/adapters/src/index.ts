/**
 * @topictag/adapters: files, plain text and HTML to topictag Documents, with headline, publication
 * date and boilerplate spans.
 */
export type { AdapterError, AdapterErrorCode, AdapterRecord, ReadOptions } from './types.js';
export type { DocumentInit } from './text.js';
export { readDocument, readDocuments } from './files.js';
export { fromText } from './text.js';
export { fromHtml } from './html.js';
export { parseDate, type FoundDate } from './dates.js';
export { findBoilerplate } from './boilerplate.js';
