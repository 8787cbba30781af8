import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { textLines, textOf, walkElements } from '../hast/util.js';
import { warn } from '../messages.js';
import { MIN_PAGE_PROSE, proseOf } from '../clean/prose-guard.js';

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
    file.data.pageProse = proseOf(body);
    file.data.removedProse = {};
  };
}

/**
 * An article that keeps less than this share of the page's prose has lost more than comments and
 * teasers: the reader is told, with the rules that took the most.
 */
const MIN_KEPT_SHARE = 0.25;

export function ensureArticle() {
  return (tree: Root, file: VFile) => {
    fallBackToPageText(tree, file);
    // The last stage that reads the whole page: its lines, and the page tree the main content was
    // chosen from, go before the article is written (on a huge page, hundreds of megabytes).
    delete file.data.pageText;
    delete file.data.mainContent;
  };
}

function fallBackToPageText(tree: Root, file: VFile): void {
  if (textOf(tree, 0) !== '') {
    checkProseKept(tree, file);
    return;
  }
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
}

/** `little-prose-kept`: the article keeps less than MIN_KEPT_SHARE of the page's prose. */
function checkProseKept(tree: Root, file: VFile): void {
  const page = file.data.pageProse ?? 0;
  if (page < MIN_PAGE_PROSE) return;
  const kept = proseOf(tree);
  if (kept / page >= MIN_KEPT_SHARE) return;
  const removed = Object.entries(file.data.removedProse ?? {});
  const named = removed.reduce((sum, [, n]) => sum + n, 0);
  // What the cleaning rules did not tally went with the choice of the main content.
  const rest = page - kept - named;
  if (rest > 0) removed.push(['outside-main-content', rest]);
  const top = removed
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([rule, n]) => `${rule} ${Math.round((100 * n) / page)}%`)
    .join(', ');
  warn(file, 'little-prose-kept', `the article keeps ${Math.round((100 * kept) / page)}% of the page's prose (${kept} of ${page} characters); removed most: ${top}`);
}
