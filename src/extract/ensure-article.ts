import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { findBody, textLines, textOf, walkElements } from '../hast/util.js';
import { warn } from '../messages.js';
import { MIN_PAGE_PROSE, proseOf } from '../clean/prose-guard.js';

declare module 'vfile' {
  interface DataMap {
    /** The page's readable text (scripts, styles and hidden parts gone), a line a block, kept for the fallback. */
    pageText: string[];
    /** The page has text, all of it in its chrome landmarks (withoutPageChrome). */
    pageChromeText: boolean;
  }
}

/**
 * Never silently empty. `rememberPageText` keeps the page's readable text (outside its chrome
 * landmarks, `withoutPageChrome`) before any heuristic removes anything; `ensureArticle`, at the end, puts that text back (one paragraph per block of
 * the page) with a warning when the heuristics left no text at all. An empty article is then an
 * explicit outcome: the `empty-article` warning of a page that has no text to begin with.
 */
export function rememberPageText() {
  return (tree: Root, file: VFile) => {
    const body = findBody(tree);
    file.data.pageText = withoutPageChrome(body, () => textLines(body));
    file.data.pageChromeText = file.data.pageText.length === 0 && textOf(body, 0) !== '';
    file.data.pageProse = proseOf(body);
    file.data.removedProse = {};
  };
}

/**
 * The page's own landmarks for its chrome: its menus (`nav`, `menu`, navigation roles) and,
 * outside sectioning content, its banner, footer and complementary regions (HTML maps `header`,
 * `footer` and `aside` to those landmarks only there). The fallback's text leaves them out: a page
 * whose content its scripts were to fetch (a shop's product grid, a catalogue) keeps only these,
 * and a list of menus and legal links in place of the article is noise, not recall. A page with
 * nothing else comes out empty, with the `fallback-page-text` warning. wcxb-dev half 1: 4 pages
 * whose truth is empty, 0.000 -> 1.000 each.
 */
const CHROME_TAGS = new Set(['nav', 'menu']);
const CHROME_OUTSIDE_SECTIONS = new Set(['header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menubar', 'search']);
const SECTIONING = new Set(['article', 'section', 'main']);

/** `read()` of the tree with the page's chrome landmarks set aside for the call. */
function withoutPageChrome<T>(body: Root | Element, read: () => T): T {
  const chrome = new Set<Element>();
  const parents = new Map<Root | Element, Root['children']>();
  walkElements(body, (node, parent) => {
    if (isPageChrome(node)) {
      chrome.add(node);
      parents.set(parent, parent.children as Root['children']);
      return false;
    }
    // Inside sectioning content a header or footer is the section's own.
    if (SECTIONING.has(node.tagName)) return false;
  });
  for (const [parent, children] of parents) parent.children = children.filter((c) => !(c.type === 'element' && chrome.has(c))) as typeof parent.children;
  try {
    return read();
  } finally {
    for (const [parent, children] of parents) parent.children = children as typeof parent.children;
  }
}

function isPageChrome(node: Element): boolean {
  const role = node.properties?.role;
  return CHROME_TAGS.has(node.tagName) || CHROME_OUTSIDE_SECTIONS.has(node.tagName) || (typeof role === 'string' && CHROME_ROLES.has(role.toLowerCase()));
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
    delete file.data.pageChromeText;
    delete file.data.mainContent;
  };
}

function fallBackToPageText(tree: Root, file: VFile): void {
  if (textOf(tree, 0) !== '') {
    checkProseKept(tree, file);
    return;
  }
  const paragraphs = file.data.pageText ?? [];
  if (paragraphs.length === 0) {
    if (file.data.pageChromeText) warn(file, 'only-page-chrome', "the page's only text is in its menus, banner and footer: the article is empty");
    return;
  }
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
