import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { mdastToText } from './mdast-text.js';

export { mdastToText };

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The visible text of Markdown: every text, code and link text, no images, blocks on their own
 * lines. Used for word counts and language detection (and by the quality benchmark).
 */
export function markdownToText(markdown: string): string {
  return mdastToText(parser.parse(markdown) as Root);
}
