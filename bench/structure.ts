/**
 * The structure figure: the share of a reference article's headings, list items, links and tables
 * that survive in unboil's Markdown. The reference is an HTML rendering of the article (the
 * readability corpus's `expected/<id>.html`); items are matched by their normalised text, as
 * multisets, so each reference item is found at most once.
 */
import type { Root as HastRoot, Element } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { isElement, textOf, walkElements } from '../src/hast/util.js';

export const KINDS = ['headings', 'listItems', 'links', 'tables'] as const;
export type Kind = (typeof KINDS)[number];
export type Items = Record<Kind, string[]>;
export type Survival = Record<Kind, { found: number; total: number }>;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Headings, list items, links (by text) and tables (by their first cell) of an HTML article. */
export function htmlItems(html: string): Items {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const items: Items = { headings: [], listItems: [], links: [], tables: [] };
  walkElements(tree, (node: Element) => {
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) items.headings.push(norm(textOf(node)));
    else if (tag === 'li') items.listItems.push(norm(textOf(node)).slice(0, 60));
    else if (tag === 'a' && node.properties.href) items.links.push(norm(textOf(node)));
    else if (tag === 'table') items.tables.push(norm(textOf(withoutCaption(node))).slice(0, 40));
  });
  return dropEmpty(items);
}

/**
 * A table without its <caption>: a Markdown table has no caption (unboil writes it as a paragraph
 * before the table), so a table is known by its cells on both sides.
 */
function withoutCaption(table: Element): Element {
  return { ...table, children: table.children.filter((c) => !isElement(c, 'caption')) };
}

/** The same items of a Markdown article. */
export function markdownItems(markdown: string): Items {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const items: Items = { headings: [], listItems: [], links: [], tables: [] };
  const stack: MdastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'heading') items.headings.push(norm(toString(node)));
    // A notes list written as GFM footnotes keeps its items as footnote definitions.
    else if (node.type === 'listItem' || node.type === 'footnoteDefinition') items.listItems.push(norm(toString(node)).slice(0, 60));
    else if (node.type === 'link') items.links.push(norm(toString(node)));
    else if (node.type === 'table') items.tables.push(norm(toString(node)).slice(0, 40));
    if ('children' in node) for (const child of node.children) stack.push(child as MdastNodes);
  }
  return dropEmpty(items);
}

/** The text of an mdast node (text, inline code), as mdast-util-to-string does. */
function toString(node: MdastNodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((c) => toString(c as MdastNodes)).join(node.type === 'tableRow' || node.type === 'table' ? ' ' : '');
  return '';
}

function dropEmpty(items: Items): Items {
  for (const kind of KINDS) items[kind] = items[kind].filter((s) => s !== '');
  return items;
}

/** How many of the reference's items of each kind the output has (multiset, by text prefix for tables). */
export function survival(reference: Items, output: Items): Survival {
  const out = {} as Survival;
  for (const kind of KINDS) {
    const pool = new Map<string, number>();
    for (const s of output[kind]) pool.set(s, (pool.get(s) ?? 0) + 1);
    let found = 0;
    for (const s of reference[kind]) {
      const key = kind === 'tables' ? [...pool.keys()].find((k) => k.startsWith(s.slice(0, 20)) && pool.get(k)! > 0) : s;
      if (key !== undefined && (pool.get(key) ?? 0) > 0) {
        pool.set(key, pool.get(key)! - 1);
        found++;
      }
    }
    out[kind] = { found, total: reference[kind].length };
  }
  return out;
}

export function addSurvival(a: Survival, b: Survival): Survival {
  const out = {} as Survival;
  for (const kind of KINDS) out[kind] = { found: a[kind].found + b[kind].found, total: a[kind].total + b[kind].total };
  return out;
}

export function emptySurvival(): Survival {
  const out = {} as Survival;
  for (const kind of KINDS) out[kind] = { found: 0, total: 0 };
  return out;
}
