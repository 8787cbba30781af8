import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin (`drop-empty-list-item`): a list item (or a description list's term or
 * description) with nothing left to read (its photo, icon or widget was dropped, or never was
 * text) would be written as a bare `- ` bullet; it goes, and a list left without items goes with
 * it. An item holding an image, a table, code or a rule is not empty.
 */

/**
 * Elements the Markdown keeps without text (an icon's `<svg>` is not among them: it is not
 * written): content as much as text is, here and at the article's end (trailing-headings.ts).
 */
export const CONTENT_WITHOUT_TEXT: ReadonlySet<string> = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'table', 'pre', 'hr']);
/** Lists and their items: a description list's terms and descriptions are written as list items too. */
const ITEMS: Readonly<Record<string, ReadonlySet<string>>> = { ul: new Set(['li']), ol: new Set(['li']), menu: new Set(['li']), dl: new Set(['dt', 'dd']) };

export default function dropEmptyListItems() {
  return (tree: Root, file: VFile) => {
    let dropped = 0;
    // Inner lists first (post-order), so an item holding only an emptied list is itself empty.
    const lists: Element[] = [];
    walkElements(tree, (node) => {
      if (ITEMS[node.tagName]) lists.push(node);
    });
    const emptied = new Set<Element>();
    for (const list of lists.reverse()) {
      const before = list.children.length;
      const isItem = (c: (typeof list.children)[number]) => isElement(c) && ITEMS[list.tagName]!.has(c.tagName);
      list.children = list.children.filter((c) => !(isItem(c) && isEmpty(c as Element, emptied)));
      const items = list.children.filter(isItem).length;
      dropped += before - list.children.length;
      if (items === 0 && before !== list.children.length) emptied.add(list);
    }
    if (emptied.size > 0) removeWhere(tree, (child) => isElement(child) && emptied.has(child));
    if (dropped > 0) explain(file, 'drop-empty-list-item', `dropped ${dropped} list item(s) with no text, image or other content`);
  };
}

function isEmpty(item: Element, emptied: Set<Element>): boolean {
  if (textOf(item, 0) !== '') return false;
  let content = false;
  walkElements(item, (node) => {
    if (emptied.has(node)) return false;
    if (CONTENT_WITHOUT_TEXT.has(node.tagName)) content = true;
    return content ? false : undefined;
  });
  return !content;
}
