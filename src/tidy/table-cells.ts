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
    // Rebuilt in one pass when a block is found (a splice per block would be quadratic).
    let out: ElementContent[] | null = null;
    let spaceAfter: ElementContent | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'element' || !BLOCKS.has(child.tagName) || KEPT_IN_CELLS.has(child.tagName) || textOf(child, 40).trim() === '') {
        out?.push(child);
        continue;
      }
      child.tagName = 'span';
      out ??= children.slice(0, i);
      // One space between two blocks: the space after the previous one is already there.
      if (needsSpace(children[i - 1]) && out[out.length - 1] !== spaceAfter) out.push({ type: 'text', value: ' ' });
      out.push(child);
      spaceAfter = needsSpace(children[i + 1]) ? { type: 'text', value: ' ' } : null;
      if (spaceAfter) out.push(spaceAfter);
    }
    if (out) node.children = out;
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
