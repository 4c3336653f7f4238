/** Text and metadata out of an HTML page, with htmlparser2's streaming parser. */
import { Parser } from 'htmlparser2';

export interface HtmlExtract {
  /** Visible text: one line per block element, whitespace collapsed within lines. */
  text: string;
  /** `<html lang>`. */
  lang: string | null;
  /** `<title>`, first `<h1>` (outside dropped regions), and every `<meta property|name>` (first wins, keys lower-cased). */
  titleTag: string | null;
  h1: string | null;
  meta: ReadonlyMap<string, string>;
  /** `<link rel=canonical href>`. */
  canonical: string | null;
  /** `datetime` of the first `<time>` outside dropped regions. */
  timeDatetime: string | null;
  /** Bodies of `<script type="application/ld+json">`. */
  jsonLd: string[];
}

/** Elements whose content is not page text. `header` is kept inside `<article>` (it holds the headline). */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'object', 'button', 'select']);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

interface OpenElement {
  name: string;
  dropped: boolean;
}

/** Collapses all whitespace (source line breaks too) within each block and drops empty blocks. */
function layoutText(blocks: readonly string[]): string {
  return blocks
    .map((block) => block.replace(/[\s\u200B-\u200D\u2060]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function collapse(text: string): string | null {
  const out = text.replace(/\s+/gu, ' ').trim();
  return out.length > 0 ? out : null;
}

export function extractHtml(html: string): HtmlExtract {
  const stack: OpenElement[] = [];
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  /** Text of finished blocks, and of the block being read. */
  const blocks: string[] = [];
  let current = '';
  const breakBlock = (): void => {
    blocks.push(current);
    current = '';
  };
  let dropDepth = 0;
  let articleDepth = 0;
  let lang: string | null = null;
  let canonical: string | null = null;
  let timeDatetime: string | null = null;
  let title = '';
  let inTitle = false;
  let h1: string | null = null;
  let h1Text: string | null = null;
  let ldText: string | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const dropped = DROPPED.has(name) && !(name === 'header' && articleDepth > 0);
        stack.push({ name, dropped });
        if (dropped) dropDepth++;
        if (name === 'article') articleDepth++;
        if (BLOCKS.has(name)) breakBlock();
        switch (name) {
          case 'html':
            lang ??= collapse(attribs.lang ?? '');
            break;
          case 'title':
            inTitle = true;
            break;
          case 'h1':
            if (h1 === null && h1Text === null && dropDepth === 0) h1Text = '';
            break;
          case 'meta': {
            const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
            const content = attribs.content;
            if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content);
            break;
          }
          case 'link':
            if (canonical === null && (attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) canonical = collapse(attribs.href ?? '');
            break;
          case 'time':
            if (timeDatetime === null && dropDepth === 0 && attribs.datetime !== undefined) timeDatetime = attribs.datetime;
            break;
          case 'script':
            if ((attribs.type ?? '').toLowerCase() === 'application/ld+json') ldText = '';
            break;
        }
      },
      ontext(data) {
        if (inTitle) title += data;
        if (ldText !== null) ldText += data;
        if (h1Text !== null) h1Text += data;
        if (dropDepth === 0) current += data;
      },
      onclosetag(name) {
        const at = stack.map((e) => e.name).lastIndexOf(name);
        for (const closed of at >= 0 ? stack.splice(at) : []) {
          if (closed.dropped) dropDepth--;
          if (closed.name === 'article') articleDepth--;
        }
        if (BLOCKS.has(name)) breakBlock();
        if (name === 'title') inTitle = false;
        if (name === 'h1' && h1Text !== null) {
          h1 = collapse(h1Text);
          h1Text = null;
        }
        if (name === 'script' && ldText !== null) {
          jsonLd.push(ldText);
          ldText = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  breakBlock();

  return { text: layoutText(blocks), lang, titleTag: collapse(title), h1, meta, canonical, timeDatetime, jsonLd };
}
