import type { Element, ElementContent, Root } from 'hast';
import { BLOCKS, textOf, walkElements } from '../hast/util.js';

/** Blocks a table cell keeps as they are: what the writer renders inside a cell on its own terms. */
const KEPT_IN_CELLS = new Set(['pre', 'hr']);

/** A block's neighbour that a space must part from it: a word or an element, not white space or a line break. */
function needsSpace(neighbour: ElementContent | undefined): boolean {
  if (!neighbour) return false;
  if (neighbour.type === 'text') return neighbour.value.trim() !== '';
  return neighbour.type === 'element' && neighbour.tagName !== 'br';
}

/**
 * rehype plugin: a table cell is one line of Markdown, and the writer runs the blocks inside a
 * cell together (`<td><div>G Hinton</div><div>Journal of…</div></td>` read "G HintonJournal of…"),
 * welding the last word of one block to the first of the next. Inside a cell, blocks with text
 * become inline spans set apart from their neighbours by a space (where a browser shows a line
 * break); a block with no text has no word to weld, and stays.
 */
export function spaceCellBlocks() {
  const inline = (node: Element) => {
    const children = node.children as ElementContent[];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.type !== 'element' || !BLOCKS.has(child.tagName) || KEPT_IN_CELLS.has(child.tagName) || textOf(child, 40).trim() === '') continue;
      child.tagName = 'span';
      if (needsSpace(children[i + 1])) children.splice(i + 1, 0, { type: 'text', value: ' ' });
      if (needsSpace(children[i - 1])) children.splice(i, 0, { type: 'text', value: ' ' });
    }
  };
  return (tree: Root) => {
    walkElements(tree, (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      // Inner elements first would miss the cell's own children; each element's children are
      // changed when it is reached, before the walk goes into them.
      inline(node);
      walkElements(node, inline);
      return false;
    });
  };
}
