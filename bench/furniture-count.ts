/**
 * Page furniture left in the Markdown (issue 20): converts the pages of one or more corpora (as the
 * quality benchmark does: without the title, with the page's URL) and counts
 *
 *  - headings that still end in a permalink mark (`#`, `¶`, `§`, `🔗`, `⚓`), a link to a place in
 *    a page that shows nothing (an icon's), or an "edit" link (`[edit](…)`, `\[[edit](…)]`). A
 *    heading whose mark is its own text in the page ("Part #", a form's label) is counted apart;
 *  - fenced code blocks whose first or last line is blank.
 *
 *   node --import tsx bench/furniture-count.ts [--list] CORPUS_DIR...
 *   node --import tsx bench/furniture-count.ts [--list] --predictions DIR CORPUS_DIR
 *
 * `--predictions DIR` counts the `<id>.md` a quality run wrote (bench:quality `--out DIR`) instead
 * of converting again.
 * A corpus with halves (bench/halves.ts) is counted per half, with what is left by kind (the
 * mark, "edit link", "starts blank"...). `--list` prints the headings and blocks found, except on
 * half 2, which is held out and only counted.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { convert } from '../src/index.js';
import { mdastText as toString } from '../src/read/text/mdast.js';
import { textOf, walkElements } from '../src/hast/util.js';
import { argValue, hasFlag, readDoc, readManifest } from './corpus.js';
import { halves, type Half } from './halves.js';

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

async function countCorpus(corpus: string, list: boolean, predictions: string | undefined): Promise<void> {
  const entries = readManifest(corpus);
  const split = halves(entries);
  const withHalves = entries.length > 0 && entries.every((e) => typeof e.meta?.pageType === 'string');
  const totals = new Map<Half | null, { pages: number; headings: number; codeBlocks: number; kinds: Map<string, number> }>();
  const ownWords = new Map<Half | null, number>();
  for (const entry of entries) {
    const half = withHalves ? split.get(entry.id)! : null;
    let markdown = '';
    const { bytes, path } = readDoc(corpus, entry);
    try {
      if (predictions) markdown = readFileSync(join(predictions, `${entry.id}.md`), 'utf8');
      else markdown = (await convert(bytes, { title: false, baseUrl: entry.url || null, path })).markdown;
    } catch {
      continue; // the quality benchmark reports failures
    }
    const found = furnitureOf(markdown);
    if (found.headings.length > 0 && /\.html?$/.test(path)) {
      const own = headingsEndingInOwnMark(bytes.toString('utf8'));
      const words = found.headings.filter((h) => own.has(squash(h.text))).map((h) => h.text);
      found.headings = found.headings.filter((h) => !own.has(squash(h.text)));
      ownWords.set(half, (ownWords.get(half) ?? 0) + words.length);
      if (list && half !== 2) for (const h of words) process.stdout.write(`  ${entry.id}: heading ${JSON.stringify(h)} (the mark is the page's own heading text)\n`);
    }
    const total = totals.get(half) ?? { pages: 0, headings: 0, codeBlocks: 0, kinds: new Map<string, number>() };
    total.pages++;
    total.headings += found.headings.length;
    total.codeBlocks += found.codeBlocks.length;
    for (const f of [...found.headings, ...found.codeBlocks]) total.kinds.set(f.kind, (total.kinds.get(f.kind) ?? 0) + 1);
    totals.set(half, total);
    if (list && half !== 2) {
      for (const h of found.headings) process.stdout.write(`  ${entry.id}: heading (${h.kind}) ${JSON.stringify(h.text)}\n`);
      for (const c of found.codeBlocks) process.stdout.write(`  ${entry.id}: code block (${c.kind}) ${JSON.stringify(c.text)}\n`);
    }
  }
  const name = basename(resolve(corpus));
  for (const [half, t] of [...totals].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
    const label = half === null ? name : `${name} half ${half}`;
    process.stdout.write(`${label}: pages ${t.pages}  headings ending in a permalink mark or edit link ${t.headings}  code blocks starting or ending with a blank line ${t.codeBlocks}  (headings ending in a mark that is their own text in the page: ${ownWords.get(half) ?? 0})\n`);
    // What is left, by kind only: on a held-out half that is all that is shown.
    if (t.kinds.size > 0) process.stdout.write(`  by kind: ${[...t.kinds].sort().map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
}

const predictions = argValue('--predictions');
const corpora = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--predictions');
if (corpora.length === 0 || (predictions && corpora.length > 1)) {
  process.stderr.write('usage: node --import tsx bench/furniture-count.ts [--list] [--predictions DIR] CORPUS_DIR...\n');
  process.exit(2);
}
for (const corpus of corpora) await countCorpus(corpus, hasFlag('--list'), predictions);
