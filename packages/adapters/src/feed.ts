/** RSS (2.0, 1.0/RDF) and Atom feeds: one document per item or entry. */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { dateFromValue } from './dates.js';
import { htmlFragmentText } from './html.js';
import { fromFields, itemError, primaryLanguage, type ItemContext } from './record.js';
import type { AdapterRecord } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element: a string, or the `#text` of one with attributes; XHTML content re-serialised. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (!isNode(value)) return null;
  if (typeof value['#text'] === 'string') return value['#text'];
  const children = Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('@_')));
  return Object.keys(children).length > 0 ? String(builder.build(children)) : null;
}

/** Atom `<link href>` (rel alternate or none) or RSS `<link>` text. */
function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : [value];
  for (const link of links) {
    if (typeof link === 'string' && link.trim() !== '') return link.trim();
    if (isNode(link) && typeof link['@_href'] === 'string' && (link['@_rel'] === undefined || link['@_rel'] === 'alternate')) return link['@_href'];
  }
  return null;
}

function first(node: Node, keys: readonly string[]): string | null {
  for (const key of keys) {
    const text = textOf(node[key]);
    if (text !== null && text.trim() !== '') return text;
  }
  return null;
}

interface Feed {
  items: Node[];
  lang: string | null;
}

function findFeed(doc: Node): Feed | null {
  const rss = doc.rss;
  if (isNode(rss) && isNode(rss.channel)) {
    const channel = rss.channel;
    return { items: (channel.item as Node[] | undefined) ?? [], lang: textOf(channel.language) };
  }
  const rdf = doc['rdf:RDF'];
  if (isNode(rdf)) {
    const channel = isNode(rdf.channel) ? rdf.channel : {};
    return { items: (rdf.item as Node[] | undefined) ?? [], lang: textOf(channel['dc:language']) };
  }
  const atom = doc.feed;
  if (isNode(atom)) {
    const lang = atom['@_xml:lang'];
    return { items: (atom.entry as Node[] | undefined) ?? [], lang: typeof lang === 'string' ? lang : null };
  }
  return null;
}

const TEXT_KEYS = ['content:encoded', 'content', 'description', 'summary'];
const DATE_KEYS = ['pubDate', 'published', 'dc:date', 'dcterms:issued'];
const ID_KEYS = ['guid', 'id'];

/** One feed item as a Document; its HTML content is reduced to lines of text. */
function itemRecord(item: unknown, ctx: ItemContext, feedLang: string | null): AdapterRecord {
  if (!isNode(item)) return itemError(ctx, 'NO_TEXT', 'is empty');
  const url = linkOf(item.link);
  const id = first(item, ID_KEYS)?.trim() ?? url ?? `${ctx.fileId}#${ctx.n}`;
  const html = first(item, TEXT_KEYS);
  const title = first(item, ['title']);
  const body = html === null ? '' : htmlFragmentText(html).text;
  if (body.trim() === '' && title === null) return itemError(ctx, 'NO_TEXT', 'has no title, content or description', id);
  const dateText = first(item, DATE_KEYS);
  // Only an item's own language is declared to the analysis: a feed's language is often the site's, not each item's.
  const lang = typeof item['@_xml:lang'] === 'string' ? item['@_xml:lang'] : textOf(item['dc:language']);
  const document = fromFields(
    { text: body, title, date: dateText === null ? undefined : dateFromValue(dateText.trim()), url, lang: primaryLanguage(lang) },
    { id, source: `${ctx.path}#${ctx.n}`, format: ctx.format, meta: { item: ctx.n, ...(feedLang === null ? {} : { feedLang }) } },
  );
  return { document };
}

/** The items of an RSS or Atom feed (read whole), one record each. */
export function* readFeed(xml: string, ctx: Omit<ItemContext, 'n' | 'where'>): Generator<AdapterRecord> {
  const whole = { ...ctx, n: null, where: '' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    yield itemError(whole, 'PARSE_ERROR', `is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`);
    return;
  }
  const feed = findFeed(parser.parse(xml) as Node);
  if (feed === null) {
    yield itemError(whole, 'UNSUPPORTED_FORMAT', 'is not an RSS or Atom feed');
    return;
  }
  if (feed.items.length === 0) {
    yield itemError(whole, 'EMPTY', 'is a feed without items');
    return;
  }
  for (const [i, item] of feed.items.entries()) yield itemRecord(item, { ...ctx, n: i + 1, where: `item ${i + 1}` }, feed.lang);
}
