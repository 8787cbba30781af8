import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';

/**
 * rehype plugin: tables used for page layout (a grid of cells holding paragraphs, nested tables,
 * a single row or column) are not data: each cell becomes a `<div>`, so the article inside is
 * scored as prose and written as paragraphs rather than as a broken Markdown table. After
 * Readability's `_isDataTable`.
 */
export default function unwrapLayoutTables() {
  return (tree: Root, file: VFile) => {
    // Innermost first: a layout table inside a layout table unwraps before its parent is judged.
    const tables: Element[] = [];
    walkElements(tree, (node) => {
      if (node.tagName === 'table') tables.push(node);
    });
    const layout = new Set<Element>();
    for (let i = tables.length - 1; i >= 0; i--) if (isLayoutTable(tables[i]!)) layout.add(tables[i]!);
    if (layout.size === 0) return;
    const stack: Array<Root | Element> = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      const out: ElementContent[] = [];
      let changed = false;
      for (const child of parent.children as ElementContent[]) {
        if (isElement(child) && layout.has(child)) {
          explain(file, 'unwrap-layout-table', () => `unwrapped layout table: "${firstWords(child)}"`);
          for (const cell of cellsOf(child)) out.push(cell);
          changed = true;
        } else out.push(child);
      }
      if (changed) parent.children = out as typeof parent.children;
      for (const child of parent.children) if (isElement(child)) stack.push(child);
    }
  };
}

/** Cells of a table as `<div>`s, in reading order (rows, then cells). */
function cellsOf(table: Element): Element[] {
  const cells: Element[] = [];
  walkElements(table, (node) => {
    if (node.tagName === 'table' && node !== table) return false; // nested tables stay in their cell
    if (node.tagName === 'td' || node.tagName === 'th') {
      cells.push({ type: 'element', tagName: 'div', properties: pickNames(node), children: node.children });
      return false;
    }
  });
  return cells;
}

function pickNames(node: Element): Element['properties'] {
  const out: Element['properties'] = {};
  if (node.properties.className) out.className = node.properties.className;
  if (node.properties.id) out.id = node.properties.id;
  return out;
}

/** Blocks that only prose or page structure puts in a cell: a data table's cell does not hold them. */
const LAYOUT_CELL_BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'pre', 'article', 'section', 'form']);
/**
 * A `<p>` or `<div>` around each cell's text is how rich-text editors (Google Docs, WordPress)
 * write data tables; a cell of layout holds several, or one wrapping a whole column of the page.
 */
const WRAPPERS = new Set(['p', 'div']);
/** Text a data cell held in one wrapper stays under (characters: word counts fail for CJK). */
const MAX_WRAPPED_CELL_CHARS = 200;

/** A cell laid out like a page column rather than holding a datum. */
function isLayoutCell(cell: Element): boolean {
  let layout = false;
  let wrapped = false;
  // Two wrappers side by side are two paragraphs; one inside another (div > p) is still one.
  const count = (node: Element) => {
    const wrappers = node.children.filter((c) => isElement(c) && WRAPPERS.has(c.tagName)).length;
    if (wrappers > 1) layout = true;
    if (wrappers > 0) wrapped = true;
  };
  count(cell);
  walkElements(cell, (node) => {
    if (layout) return false;
    if (LAYOUT_CELL_BLOCKS.has(node.tagName)) layout = true;
    else count(node);
  });
  if (layout) return true;
  return wrapped && textOf(cell, MAX_WRAPPED_CELL_CHARS + 1).length > MAX_WRAPPED_CELL_CHARS;
}

export function isLayoutTable(table: Element): boolean {
  const role = attr(table, 'role');
  if (role === 'presentation' || role === 'none') return true;
  if (attr(table, 'dataTable') === '0') return true;
  let rows = 0;
  let maxColumns = 0;
  let headed = false;
  let nested = false;
  let layoutCells = 0;
  walkElements(table, (node) => {
    if (node === table) return;
    if (node.tagName === 'table') {
      nested = true;
      return false;
    }
    if (node.tagName === 'caption' || node.tagName === 'thead' || node.tagName === 'th' || node.tagName === 'colgroup') headed = true;
    if (node.tagName === 'tr') {
      rows++;
      const columns = node.children.filter((c) => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')).length;
      maxColumns = Math.max(maxColumns, columns);
    }
    if ((node.tagName === 'td' || node.tagName === 'th') && isLayoutCell(node)) layoutCells++;
  });
  if (nested) return true;
  if (headed) return false;
  if (layoutCells > 0) return true;
  if (rows <= 1 || maxColumns <= 1) return true;
  return false;
}
