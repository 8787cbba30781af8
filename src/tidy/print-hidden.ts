import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { classAndId, isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { keptByProse } from '../clean/prose-guard.js';
import { computeStats } from '../extract/stats.js';

/**
 * rehype plugin (`drop-print-hidden`): what the page itself leaves out of its printed copy is
 * screen furniture, not the article: its class says so (`noprint`, `no-print`, `hidden-print`,
 * `d-print-none`, `print:hidden`, `hide-on-print`). Inside the article these are the site's
 * tagline under the title ("From Wikipedia, the free encyclopedia"), edit and share controls,
 * "Advertisement" labels, notices about the page ("This article needs expansion"), links to
 * another view of the page. A block that holds real prose stays (`keep-real-prose`), whatever its
 * class says.
 *
 * A site tagline has no mark of its own beyond where it sits (a short line between the title and
 * the body, as a standfirst or a kicker does, which are the article's): this, the page's own
 * statement, is the general evidence found for it. A tagline without such a class stays.
 */

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
    if (found.length === 0) return;
    const stats = computeStats(tree);
    const removed = new Set<Element>();
    for (const node of found) {
      const kept = keptByProse(node, stats);
      if (kept) {
        explain(file, 'keep-real-prose', () => `kept print-hidden <${node.tagName}> holding ${kept.reason}: "${textOf(node).slice(0, 60)}"`);
        continue;
      }
      removed.add(node);
      explain(file, 'drop-print-hidden', () => `dropped <${node.tagName}> the page leaves out of print: "${textOf(node).slice(0, 60)}"`);
    }
    if (removed.size > 0) removeWhere(tree, (child) => isElement(child) && removed.has(child));
  };
}
