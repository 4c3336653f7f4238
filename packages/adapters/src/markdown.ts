/** Markdown notes: front matter for metadata, the rendered text one line per block. */
import type { Document } from '@topictag/core';
import { lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { dateFromValue } from './dates.js';
import { asText } from './fields.js';
import { fromFields } from './record.js';
import type { DocumentInit } from './text.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

/** Inline tokens as plain text: emphasis and links keep their words, images and HTML tags go. */
function inline(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'br':
        out += ' ';
        break;
      case 'image':
      case 'html':
        break;
      case 'text':
        out += 'tokens' in token && token.tokens ? inline(token.tokens) : (token as Tokens.Text).text;
        break;
      default:
      {
        const generic = token as Tokens.Generic;
        out += Array.isArray(generic.tokens) ? inline(generic.tokens) : typeof generic.text === 'string' ? generic.text : '';
      }
    }
  }
  return out;
}

/** One line per paragraph, heading, list item, table row or code line; soft line breaks join. */
function blocks(tokens: readonly Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        out.push(inline((token as Tokens.Heading | Tokens.Paragraph).tokens).replace(/\s*\n\s*/gu, ' '));
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const lines: string[] = [];
          blocks(item.tokens, lines);
          out.push(...lines);
        }
        break;
      case 'blockquote':
        blocks((token as Tokens.Blockquote).tokens, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) out.push(row.map((cell) => inline(cell.tokens)).join('\t'));
        break;
      }
      case 'code':
        out.push(...(token as Tokens.Code).text.split('\n'));
        break;
      case 'text':
        out.push(inline('tokens' in token ? token.tokens : undefined) || String((token as Tokens.Text).text));
        break;
      default:
        break;
    }
  }
}

/** The first level-1 heading. */
function firstH1(tokens: readonly Token[]): string | null {
  const h1 = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1);
  return h1 ? inline(h1.tokens).trim() || null : null;
}

/**
 * A Markdown file as a Document: YAML front matter gives `title` and `date` (and `lang`, `url`);
 * else the title is the first `# heading`. The text has one line per block with the markup removed,
 * blocks separated by blank lines.
 */
export function fromMarkdown(source: string, init: DocumentInit): Document {
  const fm = FRONT_MATTER.exec(source);
  let meta: Record<string, unknown> = {};
  if (fm !== null) {
    try {
      const parsed: unknown = parseYaml(fm[1] ?? '');
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch {
      meta = {};
    }
  }
  const tokens = lexer(fm === null ? source : source.slice(fm[0].length));
  const lines: string[] = [];
  blocks(tokens, lines);
  const text = lines.map((l) => l.trim()).filter((l) => l !== '').join('\n\n');
  const dateValue = meta.date ?? meta.published;
  return fromFields(
    {
      text,
      title: asText(meta.title) ?? firstH1(tokens),
      date: dateValue === undefined ? undefined : dateFromValue(dateValue instanceof Date ? dateValue.toISOString() : dateValue),
      url: asText(meta.url),
      lang: asText(meta.lang),
    },
    { id: init.id, source: init.source, format: 'markdown' },
  );
}
