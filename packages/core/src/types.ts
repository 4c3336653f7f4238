/** A half-open span of UTF-16 code units into `Document.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers. */
export interface TextSpan extends Span {
  text: string;
}

/** Language code: ISO 639-1 where one exists (`ru`, `kk`, `ar`, `en`), else ISO 639-3; `und` if unknown. */
export type LanguageCode = string;

/**
 * One input document, as it leaves an adapter. All offsets anywhere in topictag refer to `text`.
 */
export interface Document {
  /** Stable id (for files: basename without extension). */
  id: string;
  /** Where it came from (a path, `path#N` for items of a multi-record file, `-` for stdin). */
  source: string;
  /** The document text. For plain-text files: the decoded file content, unchanged. */
  text: string;
  title?: string | null;
  /** Publication date as ISO `YYYY-MM-DD`, or null when none was found. */
  date?: string | null;
  url?: string | null;
  /** A language the source declares (e.g. HTML `lang`); detection is still run when absent. */
  lang?: LanguageCode | null;
  /**
   * Ranges of `text` that are not content (menus, "other news" lists, footers, counters, credits,
   * the date line). The analysis skips them: they yield no tokens, entities or topics.
   */
  boilerplate?: Span[];
  /** Free-form metadata from the adapter. */
  meta?: Record<string, unknown>;
}

export type EntityType = 'person' | 'organization' | 'location';
