import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { classAndId, isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin (`drop-print-hidden`): what the page itself leaves out of its printed copy is
 * screen furniture, not the article: its class says so (`noprint`, `no-print`, `hidden-print`,
 * `d-print-none`, `print:hidden`, `hide-on-print`). Inside the article these are the site's
 * tagline under the title ("From Wikipedia, the free encyclopedia"), edit and share controls,
 * "Advertisement" labels, notices about the page ("This article needs expansion"), links to
 * another view of the page. Only a line is judged so (MAX_FURNITURE_CHARS): a block of prose
 * stays, whatever its class says.
 *
 * A site tagline has no mark of its own beyond where it sits (a short line between the title and
 * the body, as a standfirst or a kicker does, which are the article's): this, the page's own
 * statement, is the general evidence found for it. A tagline without such a class stays.
 */

/**
 * Furniture is a short line: a tagline (37 characters), a control, a label, a link to another
 * view of the page (at most this many characters of text, about 15 words). A sentence or a block
 * the page leaves out of print is content it chose not to print — a forum's replies, an "about us"
 * box — which the region rules judge, not this one. (On wcxb-dev half 1 a thread's 8,300
 * characters of replies are marked `hidden-print`.)
 */
const MAX_FURNITURE_CHARS = 100;

/** Class names of print-hiding utilities and conventions (MediaWiki, Bootstrap, Tailwind, and common hand-made ones). */
const PRINT_HIDDEN = /(^|\s)(no-?print|print-?hidden|hidden-?print|d-print-none|print:hidden|hide-?(on-?)?print|not-?printable)(\s|$)/;

export default function dropPrintHidden() {
  return (tree: Root, file: VFile) => {
    const found: Element[] = [];
    walkElements(tree, (node) => {
      if (!PRINT_HIDDEN.test(classAndId(node))) return undefined;
      found.push(node);
      return false;
    });
    const removed = new Set<Element>();
    for (const node of found) {
      if (textOf(node, MAX_FURNITURE_CHARS).length > MAX_FURNITURE_CHARS) continue;
      removed.add(node);
      explain(file, 'drop-print-hidden', () => `dropped <${node.tagName}> the page leaves out of print, ${textOf(node).length} characters: "${textOf(node).slice(0, 60)}"`);
    }
    if (removed.size > 0) removeWhere(tree, (child) => isElement(child) && removed.has(child));
  };
}
