import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isElement, textOf } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { CONTENT_WITHOUT_TEXT } from './empty-list-items.js';

/**
 * rehype plugin (`drop-trailing-heading`): a heading introduces what follows it; one that ends
 * the article, with no text or picture after it, introduces what the cleaning removed (the form
 * under "Request information", the cards under "Other posts you may enjoy") or what the page
 * never held, and goes. trafilatura does the same (a heading is "not at the end"). Only the end
 * of the article is judged: inside it, a heading followed at once by another may be a list of
 * names set as headings, which is content. The pipeline runs it after the cleaning, on the page
 * kinds whose last heading is not an entry (on a listing or a collection a card may be a heading
 * alone, the last card too).
 */

const HEADING = /^h[1-6]$/;

export default function dropTrailingHeadings() {
  return (tree: Root, file: VFile) => {
    for (;;) {
      const last = edgeUnit(tree, true);
      // A heading that is the whole article stays: there is nothing else to keep.
      if (!last || last.heading === edgeUnit(tree, false)?.heading) return;
      const { heading, parent } = last;
      parent.children = parent.children.filter((c) => c !== heading);
      explain(file, 'drop-trailing-heading', `dropped the heading "${firstWords(heading)}" that ends the article with nothing under it`);
    }
  };
}

interface HeadingUnit {
  heading: Element;
  parent: Root | Element;
}

/**
 * The last (or first) unit of the article in document order when it is a heading; null when it
 * is text or a picture, or there is none. Iterative, from the end inwards: it stops at the first
 * unit found, so it reads little more than the article's last block.
 */
function edgeUnit(tree: Root, fromEnd: boolean): HeadingUnit | null {
  const stack: Array<[Root | Element, number]> = [[tree, fromEnd ? tree.children.length - 1 : 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [parent, index] = top;
    if (index < 0 || index >= parent.children.length) {
      stack.pop();
      continue;
    }
    top[1] = fromEnd ? index - 1 : index + 1;
    const child = parent.children[index]!;
    if (child.type === 'text') {
      if (child.value.trim() !== '') return null;
      continue;
    }
    if (!isElement(child)) continue;
    if (HEADING.test(child.tagName)) return textOf(child, 0) === '' ? null : { heading: child, parent };
    if (CONTENT_WITHOUT_TEXT.has(child.tagName)) return null;
    stack.push([child, fromEnd ? child.children.length - 1 : 0]);
  }
  return null;
}
