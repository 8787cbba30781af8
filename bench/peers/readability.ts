/**
 * The Readability.js peer as people run it in Node: jsdom parses the page, @mozilla/readability
 * picks the article, turndown writes Markdown.
 */
import type { Converter, LoadConverter } from './types.js';

export const load: LoadConverter = async (): Promise<Converter> => {
  const { JSDOM } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const { default: TurndownService } = await import('turndown');
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
  const decoder = new TextDecoder('utf-8');
  return async (bytes, url) => {
    const dom = new JSDOM(decoder.decode(bytes), { url: url ?? 'https://example.invalid/' });
    // Readability's types want a DOM Document; the benchmark's lib has no DOM types.
    const article = new Readability(dom.window.document as never).parse();
    const markdown = article?.content ? turndown.turndown(article.content) : '';
    dom.window.close();
    return markdown;
  };
};
