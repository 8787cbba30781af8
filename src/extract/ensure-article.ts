import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { textLines, textOf, walkElements } from '../hast/util.js';
import { warn } from '../messages.js';

declare module 'vfile' {
  interface DataMap {
    /** The page's readable text (scripts, styles and hidden parts gone), a line a block, kept for the fallback. */
    pageText: string[];
  }
}

/**
 * Never silently empty. `rememberPageText` keeps the page's readable text before any heuristic
 * removes anything; `ensureArticle`, at the end, puts that text back (one paragraph per block of
 * the page) with a warning when the heuristics left no text at all. An empty article is then an
 * explicit outcome: the `empty-article` warning of a page that has no text to begin with.
 */
export function rememberPageText() {
  return (tree: Root, file: VFile) => {
    let body: Root | Element = tree;
    walkElements(tree, (node) => {
      if (node.tagName === 'body') {
        body = node;
        return false;
      }
    });
    file.data.pageText = textLines(body);
  };
}

export function ensureArticle() {
  return (tree: Root, file: VFile) => {
    if (textOf(tree, 0) !== '') return;
    const paragraphs = file.data.pageText ?? [];
    if (paragraphs.length === 0) return;
    warn(file, 'fallback-page-text', 'the cleaning left no article text; kept the readable text of the whole page instead');
    tree.children = [
      {
        type: 'element',
        tagName: 'article',
        properties: {},
        children: paragraphs.map((line) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: line }] })),
      },
    ];
  };
}
