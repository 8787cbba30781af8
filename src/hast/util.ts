import type { Element, ElementContent, Nodes, Parents, Root } from 'hast';

/** Small hast helpers shared by every stage. */

export function isElement(node: unknown, tagName?: string): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as Element).type === 'element' &&
    (tagName === undefined || (node as Element).tagName === tagName)
  );
}

/** A property as a string (class lists joined by spaces), or null. */
export function attr(node: Element, name: string): string | null {
  const value = node.properties?.[name];
  if (value == null || value === false) return null;
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/**
 * The class names and id of an element, lower-case, as one string for vocabulary tests, with its
 * `data-testid`: sites whose class names are generated (CSS-in-JS hashes, utility classes) name
 * their components there (`data-testid="consent-banner"`), as others do in a class. Every
 * stage asks this of the same elements, so it is remembered per element (no stage changes an
 * element's class or id; new elements are new objects).
 */
export function classAndId(node: Element): string {
  const cls = node.properties?.className;
  const id = node.properties?.id;
  const testId = node.properties?.dataTestid;
  // Most elements have none of the three: their answer is '' at once, and remembering it for each
  // (a WeakMap entry per element, and weak entries slow every full garbage collection) cost more
  // than the question (half a second on a page of 300,000 paragraphs).
  if (!Array.isArray(cls) && typeof cls !== 'string' && typeof id !== 'string' && typeof testId !== 'string') return '';
  let names = CLASS_AND_ID.get(node);
  if (names === undefined) {
    const classes = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
    names = `${classes} ${typeof id === 'string' ? id : ''} ${typeof testId === 'string' ? testId : ''}`.toLowerCase().trim();
    CLASS_AND_ID.set(node, names);
  }
  return names;
}
const CLASS_AND_ID = new WeakMap<Element, string>();

/**
 * Visible text of a node with white space collapsed: what `toText(node).replace(/\s+/g, ' ').trim()`
 * of hast-util-to-text gives (the HTML innerText algorithm), computed without the line-break
 * bookkeeping that collapsing throws away. Hand-written because every stage asks for the text of
 * many nested blocks, and toText was ~6% of a conversion's CPU; this walks the same elements and
 * keeps the same rules (hidden elements, preformatted text, table white space, bidi controls,
 * zero-width spaces at line ends) and gives the same string on every element of the corpora's
 * pages (test/hast/text-of.test.ts compares the two). Iterative, so deep pages cannot overflow.
 *
 * `limit`: the caller only needs to know whether the text is longer than this, or its beginning;
 * a longer text is returned cut short (more than `limit` characters, the start of the whole text),
 * without walking the rest of a large block.
 */
export function textOf(node: Nodes, limit?: number): string {
  return collapse(renderedText(node, limit, ' '));
}

/**
 * The lines of a node's visible text, each with white space collapsed, empty ones left out: what
 * `toText(node)` of hast-util-to-text split at line breaks gives (blocks, paragraphs, `<br>`, table
 * rows and preformatted line breaks end a line), computed as textOf is.
 */
export function textLines(node: Nodes): string[] {
  return renderedText(node, undefined, '\n')
    .split(/\n+/)
    .map(collapse)
    .filter((line) => line !== '');
}

/** innerText with each break written as `lineBreak`, white space not yet collapsed. */
function renderedText(node: Nodes, limit: number | undefined, lineBreak: string): string {
  if (node.type === 'text' || node.type === 'comment') return inLine(normalText(node.value, true), lineBreak);
  if (node.type !== 'element' && node.type !== 'root') return '';
  let out = '';
  // With a limit, the walk stops once the text is known to be longer (checked at doubling lengths).
  let checkAt = limit ?? Infinity;
  // One frame per open element: its next child, and what to write once its children are done.
  const top = node.type === 'element';
  const stack: TextFrame[] = [{ node, index: 0, whitespace: top ? whitespaceOf(node, 'normal') : 'normal', rowAfter: undefined, broken: top && BLOCKS.has(node.tagName), after: '' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const parent = frame.node;
    if (frame.index >= parent.children.length) {
      out += frame.after;
      stack.pop();
      continue;
    }
    const index = frame.index++;
    const n = parent.children[index]!;
    if (n.type === 'text') {
      if (parent.type === 'element' && (parent.tagName === 'table' || parent.tagName === 'tr' || ROW_GROUPS.has(parent.tagName)) && WHITESPACE_ONLY.test(n.value)) {
        const before = parent.children[index - 1];
        const next = parent.children[index + 1];
        if ((!before || (before.type === 'element' && TABLE_PARTS.has(before.tagName))) && (!next || (next.type === 'element' && TABLE_PARTS.has(next.tagName)))) continue;
      }
      if (limit !== undefined && n.value.length > 2 * limit + FIRST_TEXT_PIECE) {
        const start = longTextStart(out, n.value, frame.whitespace === 'normal', limit, lineBreak);
        if (start !== null) return start;
      }
      const next = parent.children[index + 1];
      const breakAfter = next ? next.type === 'element' && next.tagName === 'br' : frame.broken;
      out += frame.whitespace === 'normal' ? inLine(normalText(n.value, breakAfter), lineBreak) : n.value;
      if (out.length > checkAt) {
        const sofar = collapse(out);
        if (sofar.length > limit!) return sofar;
        checkAt = out.length * 2;
      }
      continue;
    }
    if (n.type !== 'element') continue;
    const tag = n.tagName;
    if (!isRendered(n)) continue;
    // innerText's row and cell rule: white space after a row, or a cell, only when another follows.
    const inTable = parent.type === 'element' && (parent.tagName === 'table' || ROW_GROUPS.has(parent.tagName));
    const rowAfter = !inTable ? undefined : (parent as Element).tagName === 'table' ? laterSibling(parent, index, rowOrRowGroupWithRow) : frame.rowAfter;
    const broken = tag === 'br' || tag === 'p' || BLOCKS.has(tag) || (tag === 'tr' && (rowAfter === true || laterSibling(parent, index, isRow)));
    const tab = (tag === 'td' || tag === 'th') && laterSibling(parent, index, isCell);
    if (tag === 'p' || BLOCKS.has(tag)) out += lineBreak; // a row or a <br> breaks only after itself
    stack.push({ node: n, index: 0, whitespace: whitespaceOf(n, frame.whitespace), rowAfter, broken, after: (tab ? ' ' : '') + (broken ? lineBreak : '') });
  }
  return out;
}

/**
 * With a limit, a long text node is read in pieces of doubling length, from this many characters
 * past twice the limit: a page nested deeper than hast/limit-depth.ts allows keeps the text below
 * the bound in one node, and every ancestor's textOf would otherwise copy and collapse all of it
 * (a 8 MB page's text, once per level of 512).
 */
const FIRST_TEXT_PIECE = 4096;

/**
 * textOf (collapsed) of the text so far followed by the start of a long text node, once that is
 * longer than `limit`; null if no piece makes it so (the node is then read whole). Only where a
 * piece's text is the start of the whole node's: in normal white space, a text without zero-width
 * spaces (normalText then only drops bidi controls, character by character); preformatted text is
 * copied as it is.
 */
function longTextStart(before: string, value: string, normal: boolean, limit: number, lineBreak: string): string | null {
  if (normal && value.includes(ZWSP)) return null;
  for (let size = 2 * limit + FIRST_TEXT_PIECE; size < value.length; size *= 2) {
    const piece = value.slice(0, size);
    const sofar = collapse(before + (normal ? inLine(normalText(piece, false), lineBreak) : piece));
    if (sofar.length > limit) return sofar;
  }
  return null;
}

/** Whether textOf reads an element below the one asked about (its own text, hidden or not, is read). */
const isRendered = (node: Element): boolean => !NOT_RENDERED.has(node.tagName) && !node.properties?.hidden && !(node.tagName === 'dialog' && !node.properties?.open);

/**
 * For every element under `root`, how many characters of its textOf are neither white space nor
 * bidi controls, in one pass (textOf of every block of a page nesting hundreds of levels would read
 * its text once per level). textOf only drops, adds or changes white space and drops bidi
 * controls, so two elements with the same textOf have the same count: a stage comparing many
 * blocks' texts need read only the texts of blocks whose count another block shares.
 */
export function visibleCharCounts(root: Parents): Map<Element, number> {
  const counts = new Map<Element, number>();
  const order: Element[] = [];
  const stack: Parents[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      order.push(child);
      stack.push(child);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let count = 0;
    for (const child of node.children) {
      if (child.type === 'text') count += visibleChars(child.value);
      else if (child.type === 'element' && isRendered(child)) count += counts.get(child)!;
    }
    counts.set(node, count);
  }
  return counts;
}

/**
 * How many characters (UTF-16 code units) of a text are neither white space (`\s`) nor bidi
 * controls: what `value.replace(/[\s<bidi controls>]+/g, '').length` gives, counted without
 * building that string (one per text node was a third of visibleCharCounts on a page of 300,000
 * paragraphs). test/hast/visible-chars.test.ts checks every BMP character against that expression.
 */
export function visibleChars(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 ? c !== 32 && (c < 9 || c > 13) : c < 0xa0 || !isSpaceOrBidi(c)) count++;
  }
  return count;
}

/** `\s` above ASCII (no-break, Ogham, typographic, line and paragraph separators, BOM) and the bidi controls (BIDI). */
function isSpaceOrBidi(c: number): boolean {
  return isWhiteSpace(c) || c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Whether a UTF-16 code unit is white space as `\s` matches it (no surrogate half is). */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** Line feeds in normal white space are spaces; kept as they are where only white space matters. */
const inLine = (text: string, lineBreak: string): string => (lineBreak === '\n' && text.includes('\n') ? text.replace(/\n/g, ' ') : text);

interface TextFrame {
  node: Parents;
  index: number;
  whitespace: string;
  /** A table row follows in the table (innerText ends a row with a line break only then). */
  rowAfter: boolean | undefined;
  /** The element ends in a line break (a block, a paragraph, a row with another after it). */
  broken: boolean;
  /** What to write once its children are done (the break, a cell's tab, as white space). */
  after: string;
}

const isRow = (e: Element): boolean => e.tagName === 'tr';
const isCell = (e: Element): boolean => e.tagName === 'td' || e.tagName === 'th';

function laterSibling(parent: Parents, index: number, test: (node: Element) => boolean): boolean {
  for (let i = index + 1; i < parent.children.length; i++) {
    const child = parent.children[i]!;
    if (child.type === 'element' && test(child)) return true;
  }
  return false;
}

function rowOrRowGroupWithRow(node: Element): boolean {
  return node.tagName === 'tr' || (ROW_GROUPS.has(node.tagName) && node.children.some((c) => c.type === 'element' && c.tagName === 'tr'));
}

/** The CSS white-space of an element's text, as hast-util-to-text infers it. */
function whitespaceOf(node: Element, inherited: string): string {
  switch (node.tagName) {
    case 'listing':
    case 'plaintext':
    case 'xmp':
      return 'pre';
    case 'nobr':
      return 'nowrap';
    case 'pre':
      return node.properties?.wrap ? 'pre-wrap' : 'pre';
    case 'td':
    case 'th':
      return node.properties?.noWrap ? 'nowrap' : inherited;
    case 'textarea':
      return 'pre-wrap';
    default:
      return inherited;
  }
}

/**
 * A text node's text in normal white space: bidi controls dropped. Line breaks are white space like
 * any other, except beside a zero-width space, where hast-util-to-text joins the lines (and drops a
 * break pending before such a line): its line-joining steps are copied for those texts only.
 * `breakAfter`: the text ends where a line break is (its last line's trailing spaces are trimmed).
 */
function normalText(value: string, breakAfter: boolean): string {
  if (value === '') return ' '; // an empty line is a (zero-count) line break there
  if (!NEEDS_NORMALISING.test(value)) return value;
  const text = value.replace(BIDI_CONTROLS, '');
  if (text === '') return ' ';
  if (!text.includes('\n') || !text.includes(ZWSP)) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  const trimmed = lines.map((line, i) => {
    let t = i > 0 ? line.replace(/^[\t ]+/, '') : line;
    if (i < last || breakAfter) t = t.replace(/[\t ]+$/, '');
    return t;
  });
  let out = '';
  let join = false;
  for (let i = 0; i <= last; i++) {
    const line = trimmed[i]!;
    if (line.endsWith(ZWSP) || (i < last && trimmed[i + 1]!.startsWith(ZWSP))) {
      out += line;
      join = false;
    } else if (line) {
      if (join) out += ' ';
      out += line;
      join = true;
    } else if (i === 0 || i === last) {
      out += ' ';
    }
  }
  return out;
}

const collapse = (text: string): string => collapseSpaces(text).trim();

/** White space that `collapseSpaces` changes: a white-space character other than a space, or two together. */
const UNCOLLAPSED = /[^\S ]|\s\s/;

/**
 * `text.replace(/\s+/g, ' ')`, returning `text` itself when it has nothing to collapse (most lines
 * and paragraphs): the global replace builds a new string match by match even when every match is
 * one space, and was most of the time of judging a page's 274,000 short lines (0.5 s; the test
 * first, 0.03 s).
 */
export function collapseSpaces(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text;
}
const ZWSP = '\u200b';
/** Bidi controls (a character class's contents): textOf drops them from normal text (visibleChars lists them too). */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const NEEDS_NORMALISING = new RegExp(`[\\n${BIDI}]`);
const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, 'g');
const WHITESPACE_ONLY = /^[\t\n\f\r ]+$/;
const ROW_GROUPS = new Set(['tbody', 'tfoot', 'thead']);
const TABLE_PARTS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
const NOT_RENDERED = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title']);
/** Elements rendered as blocks (hast-util-to-text's list): their text starts on a line of its own. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'dialog', 'dir', 'dl', 'dt', 'div', 'figure',
  'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'ul', 'xmp',
]);

/**
 * Elements whose text is the page's character for character: code, and what a reader types or is
 * shown as typed. The text repairs (tidy/plain-spaces.ts, joined-names.ts, wrapped-lines.ts) leave
 * them alone, through forEachOutsideVerbatim.
 */
const VERBATIM: ReadonlySet<string> = new Set(['pre', 'code', 'kbd', 'samp', 'textarea', 'listing', 'plaintext', 'xmp']);

/** Call `visit` with `root` and every element under it but code (VERBATIM) and what code holds: the walk of the text repairs. */
export function forEachOutsideVerbatim(root: Parents, visit: (parent: Parents) => void): void {
  visit(root);
  walkElements(root, (node) => {
    if (VERBATIM.has(node.tagName)) return false;
    visit(node);
  });
}

/**
 * Whether an element inside `node` passes `test` (`node` itself too, with `self`), looking no
 * further than the first: the one walk for every "does this block hold a …" question.
 */
export function holds(node: Element, test: (el: Element) => boolean, self = false): boolean {
  if (self && test(node)) return true;
  let found = false;
  walkElements(node, (el) => {
    if (found) return false;
    found = test(el);
    return !found;
  });
  return found;
}

/**
 * Walk every element depth-first without recursion (pages can nest 100,000 deep), calling `visit`
 * with the element and its parent. Return `false` from `visit` to skip the element's children.
 */
export function walkElements(root: Parents, visit: (node: Element, parent: Parents) => boolean | void): void {
  // Two parallel stacks (each open parent, the index of its next child): no tuple per element,
  // which on a page of 400,000 paragraphs was most of the walk's time and garbage.
  const parents: Parents[] = [root];
  const indexes: number[] = [0];
  let top = 0;
  while (top >= 0) {
    const parent = parents[top]!;
    const index = indexes[top]!;
    if (index >= parent.children.length) {
      top--;
      continue;
    }
    indexes[top] = index + 1;
    const child = parent.children[index]!;
    if (child.type !== 'element') continue;
    const descend = visit(child, parent);
    if (descend !== false && child.children.length > 0) {
      top++;
      parents[top] = child;
      indexes[top] = 0;
    }
  }
}

/**
 * Give every parent under `root` (and `root`) a children array of its exact length. An array built
 * by `push`, as hast-util-from-parse5 builds each element's, has room for 17 children when it holds
 * one: 136 bytes unused in each of the 274,000 paragraphs of an 8 MB wide page, 35 of the 136 MB
 * its parsed tree kept (measured with gc() and heapUsed), for the whole conversion.
 */
export function compactChildren(root: Parents): void {
  const stack: Parents[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.children = parent.children.slice() as typeof parent.children;
    for (const child of parent.children) if ('children' in child && child.children.length > 0) stack.push(child);
  }
}

/**
 * Remove children matching `test` from every element under root (iterative); `test` is asked about
 * each child once, in order. A parent keeps its children array when nothing in it matches: a
 * `filter` gave each of a wide page's 274,000 paragraphs a new one, at every call (eleven stages),
 * with room for 17 children (see compactChildren).
 */
export function removeWhere(root: Root | Element, test: (node: ElementContent, parent: Parents) => boolean): void {
  const stack: Parents[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as ElementContent[];
    let kept: ElementContent[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (test(child, parent)) kept ??= children.slice(0, i);
      else kept?.push(child);
    }
    if (kept) parent.children = kept;
    for (const child of parent.children) if (isElement(child)) stack.push(child);
  }
}

/** The page's `<body>` (the first, in document order), or the tree when it has none. */
export function findBody(tree: Root): Element | Root {
  let body: Element | null = null;
  walkElements(tree, (node) => {
    if (node.tagName === 'body') {
      body = node;
      return false;
    }
  });
  return body ?? tree;
}
