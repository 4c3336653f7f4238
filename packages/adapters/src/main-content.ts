/** The main content of an HTML page, by Mozilla's Readability over a linkedom DOM. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface MainContent {
  /** The article's HTML (Readability's cleaned copy). */
  html: string;
  title: string | null;
  publishedTime: string | null;
}

/** Readability's article, or null when it finds none (a page without a clear article body). */
export function mainContent(html: string): MainContent | null {
  const { document } = parseHTML(html);
  // Readability's types name the browser DOM; linkedom implements the parts it uses.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (article === null || typeof article.content !== 'string' || article.content.trim() === '') return null;
  return { html: article.content, title: article.title ?? null, publishedTime: article.publishedTime ?? null };
}
