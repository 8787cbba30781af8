/**
 * Page furniture left in Markdown (issue 20): headings that still end in a permalink mark or an
 * edit link, fenced code blocks whose first or last line is blank. Read by the counter
 * (furniture-count.ts) and by the CI gate (gate.ts, `<corpus>-furniture` ceilings).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { mdastText as toString } from '../src/read/text/mdast.js';
import { textOf, walkElements } from '../src/hast/util.js';

/**
 * A permalink's mark at a heading's end: `¶`, `§`, `🔗`, `⚓` (also written against the last word,
 * "Setting up¶"), or `#` after a space ("Current status #"; "C#" is a word).
 */
const PERMALINK_END = /(?:[¶§🔗⚓]|(?:^|\s)#)\uFE0F?$/u;
/**
 * An edit link's whole text: "edit", "[edit]", "[ edit ]", "[edit source]". A link whose words
 * only end in "edit" ("… Photo Edit", a heading that is a link to an entry) is the heading's text.
 */
const EDIT_LINK_TEXT = /^\[?\s*edit(\s+source)?\s*\]?$/i;

export interface Found {
  text: string;
  /** What it is: the mark, "edit link", "empty link", "starts blank", "ends blank". */
  kind: string;
}

export interface Furniture {
  headings: Found[];
  codeBlocks: Found[];
}

/** The furniture in one Markdown text. */
export function furnitureOf(markdown: string): Furniture {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const found: Furniture = { headings: [], codeBlocks: [] };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kind = node.type === 'heading' ? headingFurniture(node) : null;
    if (node.type === 'heading' && kind) found.headings.push({ text: toString(node), kind });
    else if (node.type === 'code' && /^[ \t\u200b\u200c\u200d\u2060\ufeff]*\n/.test(node.value)) found.codeBlocks.push({ text: node.value.slice(0, 60), kind: 'starts blank' });
    else if (node.type === 'code' && /\n[ \t\u200b\u200c\u200d\u2060\ufeff]*$/.test(node.value)) found.codeBlocks.push({ text: node.value.slice(0, 60), kind: 'ends blank' });
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return found;
}

/** The furniture a heading ends in ("mark ¶", "edit link", "empty link"), or null. */
function headingFurniture(heading: Heading): string | null {
  const text = toString(heading).trim();
  const mark = PERMALINK_END.exec(text);
  if (mark) return `mark ${mark[0].trim()}`;
  if (/\[\s*edit(\s+source)?\s*\]$/i.test(text)) return 'edit link';
  const last = [...heading.children].reverse().find((c) => !(c.type === 'text' && /^[\s\][]*$/.test(c.value)));
  if (!last || last.type !== 'link') return null;
  const linkText = toString(last).trim();
  // An icon-only permalink: a link to a place in a page that shows nothing (an image shows itself).
  if (linkText === '' && last.url.includes('#') && !last.children.some((c) => c.type === 'image')) return 'empty link';
  return EDIT_LINK_TEXT.test(linkText) ? 'edit link' : null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The headings of a page that end in a mark of its own text ("Part #", a form's label for a part
 * number): the mark is in the heading, not in a link. Such a heading is the page's words.
 */
function headingsEndingInOwnMark(html: string): Set<string> {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const own = new Set<string>();
  walkElements(tree, (node) => {
    if (!/^h[1-6]$/.test(node.tagName)) return undefined;
    const text = squash(textOf(node));
    if (PERMALINK_END.test(text) && !lastTextInLink(node)) own.add(text);
    return false;
  });
  return own;
}

/** Whether the last non-blank text of an element sits inside a link. */
function lastTextInLink(node: Element, inLink = false): boolean | null {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i]!;
    if (child.type === 'text' && child.value.trim() !== '') return inLink;
    if (child.type === 'element') {
      const found = lastTextInLink(child, inLink || child.tagName === 'a');
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The furniture in one page's Markdown, with the headings whose mark is the page's own heading text
 * set apart (counted apart, not as furniture). `html` gives the page when it is HTML, else null; it
 * is read only when a heading is found.
 */
export function pageFurniture(markdown: string, html: () => string | null): { found: Furniture; ownMarks: string[] } {
  const found = furnitureOf(markdown);
  const page = found.headings.length > 0 ? html() : null;
  if (page === null) return { found, ownMarks: [] };
  const own = headingsEndingInOwnMark(page);
  const ownMarks = found.headings.filter((h) => own.has(squash(h.text))).map((h) => h.text);
  found.headings = found.headings.filter((h) => !own.has(squash(h.text)));
  return { found, ownMarks };
}
