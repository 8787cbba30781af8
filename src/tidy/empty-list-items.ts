import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin (`drop-empty-list-item`): a list item with nothing left to read (its photo, icon
 * or widget was dropped, or never was text) would be written as a bare `- ` bullet; it goes, and a
 * list left without items goes with it. An item holding an image, a table, code or a rule is not
 * empty.
 */

/** Elements the Markdown keeps without text (an icon's `<svg>` is not among them: it is not written). */
const CONTENT_WITHOUT_TEXT = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'table', 'pre', 'hr']);
const LISTS = new Set(['ul', 'ol', 'menu']);

export default function dropEmptyListItems() {
  return (tree: Root, file: VFile) => {
    let dropped = 0;
    // Inner lists first (post-order), so an item holding only an emptied list is itself empty.
    const lists: Element[] = [];
    walkElements(tree, (node) => {
      if (LISTS.has(node.tagName)) lists.push(node);
    });
    const emptied = new Set<Element>();
    for (const list of lists.reverse()) {
      const before = list.children.length;
      list.children = list.children.filter((c) => !(isElement(c, 'li') && isEmpty(c, emptied)));
      const items = list.children.filter((c) => isElement(c, 'li')).length;
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
