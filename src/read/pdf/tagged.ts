import type { Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { explain, warn } from '../../messages.js';
import { propose } from '../../metadata/candidates.js';
import type { PdfDocument } from './open.js';
import { normaliseRunText } from './normalise.js';
import { el, text } from './hast.js';
import { linkUrl } from './links.js';
import { collapseSpaces } from '../../hast/util.js';

/** The structure tree must hold at least this share of a tagged PDF's text to be trusted. */
const MIN_TAGGED_SHARE = 0.3;
/** Text blocks at least this long that show on two pages or more are fixed overlays (cookie banners, sticky bars) printed on every page. */
const MIN_REPEATED_TEXT = 20;
const LEAF_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption']);

/** Structure roles (ISO 32000 standard structure types) -> HTML elements. */
const BLOCK_ROLES: Record<string, string> = {
  Part: 'div',
  Art: 'article',
  Sect: 'section',
  Div: 'div',
  Aside: 'aside',
  Note: 'aside',
  Form: 'form',
  BlockQuote: 'blockquote',
  Caption: 'figcaption',
  Figure: 'figure',
  Formula: 'div',
  TOC: 'ul',
  TOCI: 'li',
  Index: 'div',
  P: 'p',
  H: 'h2',
  H1: 'h1',
  H2: 'h2',
  H3: 'h3',
  H4: 'h4',
  H5: 'h5',
  H6: 'h6',
  Title: 'h1',
  L: 'ul',
  LI: 'li',
  Table: 'table',
  THead: 'thead',
  TBody: 'tbody',
  TFoot: 'tfoot',
  TR: 'tr',
  TH: 'th',
  TD: 'td',
  BibEntry: 'p',
  Code: 'pre',
};
const INLINE_ROLES: Record<string, string> = {
  Span: 'span',
  Quote: 'q',
  Em: 'em',
  Strong: 'strong',
  Sub: 'sub',
  Sup: 'sup',
  Reference: 'span',
  Link: 'a',
  Lbl: 'span',
  LBody: 'span',
  Code: 'code',
};
/** Elements whose content is running text: structure inside them is inline. */
const TEXT_CONTAINERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'th', 'td', 'a', 'span', 'em', 'strong', 'q', 'sub', 'sup', 'code', 'pre']);
/**
 * Elements that a page break may split in two: the next page's half joins the previous page's.
 * Not `article`: pages put articles side by side (a share box, a teaser, the story), and joining
 * two of them is worse than leaving a split article in two parts, which main-content selection
 * takes together as siblings.
 */
const CONTAINERS = new Set(['div', 'section', 'aside', 'form', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'blockquote', 'figure']);
const RUNNING_TEXT_ROLES = new Set(['Link', 'Span', 'Em', 'Strong', 'Quote', 'Sub', 'Sup', 'Reference', 'Code']);
const BULLET_LABEL = /^[\s•◦▪▫‣⁃●○■□–—*·-]*$/u;

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
  alt?: string;
  lang?: string;
}

/**
 * Tagged PDFs (browsers print web pages as tagged PDF): each page's structure tree and its marked
 * content give the page's headings, paragraphs, lists, tables and links back as hast. What is not
 * in the structure tree is an artifact (a browser's date/title/URL/page stamps, page furniture)
 * and is left out. Returns null when the PDF is not tagged or its tree holds too little of the text.
 */
export async function readTagged(doc: PdfDocument, file: VFile): Promise<{ body: ElementContent[]; lang: string | null } | null> {
  const markInfo = await doc.getMarkInfo().catch(() => null);
  if (!markInfo?.Marked) return null;
  const root = el('div');
  let lang: string | null = null;
  let tagged = 0;
  let total = 0;
  const pagesOf = new Map<string, number>();
  const pageNodes: ElementContent[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let page;
    try {
      page = await doc.getPage(n);
    } catch {
      warn(file, 'pdf-page-unreadable', `page ${n} could not be read and was skipped`);
      continue;
    }
    let content;
    try {
      content = await page.getTextContent({ includeMarkedContent: true });
    } catch {
      warn(file, 'pdf-page-unreadable', `page ${n} could not be read and was skipped`);
      continue;
    }
    const tree = (await page.getStructTree().catch(() => null)) as StructNode | null;
    const annotations = await page.getAnnotations().catch(() => []);
    page.cleanup();
    const texts = new Map<string, string>();
    const stack: Array<string | null> = [];
    const artifacts: string[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push(item.id ?? null);
        else if (item.type === 'endMarkedContent') stack.pop();
        continue;
      }
      if (!('str' in item)) continue;
      const str = normaliseRunText(item.str) + (item.hasEOL ? '\n' : '');
      total += str.trim().length;
      const id = [...stack].reverse().find((s) => s !== null);
      if (id) texts.set(id, (texts.get(id) ?? '') + str);
      else if (str.trim()) artifacts.push(str.trim());
    }
    const links = new Map<string, string>();
    for (const a of annotations as Array<{ id: string; subtype: string; url?: string; unsafeUrl?: string }>) {
      const url = linkUrl(a);
      if (url) links.set(a.id, url);
    }
    if (!tree) continue;
    const used = { chars: 0 };
    const nodes = convertChildren(tree.children ?? [], false, texts, links, used);
    tagged += used.chars;
    lang ??= findLang(tree);
    for (const t of new Set(leafTexts(nodes))) pagesOf.set(t, (pagesOf.get(t) ?? 0) + 1);
    pageNodes.push(nodes);
    if (n === 1 && artifacts.length) proposeStamps(artifacts, file);
  }
  if (total === 0 || tagged / total < MIN_TAGGED_SHARE) {
    if (total > 0) explain(file, 'pdf-tags-ignored', `the structure tree holds ${Math.round((100 * tagged) / total)}% of the text; read from the layout instead`);
    return null;
  }
  // Blocks printed on every page go before the pages are joined: a fixed banner at the top of
  // each page would otherwise stand between the halves of the article that a page break split.
  const repeated = new Set([...pagesOf].filter(([t, n]) => n >= 2 && t.length >= MIN_REPEATED_TEXT).map(([t]) => t));
  if (repeated.size) explain(file, 'pdf-repeated-block', `dropped ${repeated.size} text block(s) printed on every page (fixed banners), e.g. "${[...repeated][0]!.slice(0, 60)}"`);
  for (const nodes of pageNodes) {
    const holder = el('div', nodes);
    if (repeated.size) dropLeaves(holder, repeated);
    mergePage(root.children, holder.children);
  }
  explain(file, 'pdf-tagged', `read the PDF's structure tree (${Math.round((100 * tagged) / total)}% of its text); untagged text (print stamps, page furniture) left out`);
  return { body: root.children, lang };
}

/** Line breaks inside one marked run: a space, except between Chinese or Japanese characters. */
function joinLineBreaks(value: string): string {
  return value.replace(/(.?)\n(.?)/gsu, (_, a: string, b: string) => (CJK.test(a) && CJK.test(b) ? a + b : `${a} ${b}`));
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

function leafTexts(nodes: ElementContent[]): string[] {
  const out: string[] = [];
  const walk = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (LEAF_BLOCKS.has(n.tagName)) out.push(collapseSpaces(plain(n)).trim());
    else n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/** Drop the leaf blocks with these texts, and the containers that they leave empty. */
function dropLeaves(parent: Element, texts: Set<string>): void {
  parent.children = parent.children.filter((n) => !(n.type === 'element' && LEAF_BLOCKS.has(n.tagName) && texts.has(collapseSpaces(plain(n)).trim())));
  for (const c of parent.children) if (c.type === 'element' && !LEAF_BLOCKS.has(c.tagName)) dropLeaves(c, texts);
  parent.children = parent.children.filter((n) => !(n.type === 'element' && CONTAINERS.has(n.tagName) && plain(n).trim() === ''));
}

function findLang(node: StructNode): string | null {
  if (node.lang) return node.lang;
  for (const c of node.children ?? []) {
    if (c.type) continue;
    const l = findLang(c);
    if (l) return l;
  }
  return null;
}

/** A browser's page stamps are not in the structure tree; the URL among them is the page's address. */
function proposeStamps(artifacts: string[], file: VFile): void {
  for (const a of artifacts) {
    const m = /^(https?:\/\/\S+)$/u.exec(a);
    if (m) {
      propose(file, 'url', m[1]!, 'text');
      return;
    }
  }
}

function convertChildren(children: StructNode[], inline: boolean, texts: Map<string, string>, links: Map<string, string>, used: { chars: number }): ElementContent[] {
  const out: ElementContent[] = [];
  // Text beside links or emphasis is running text: generic groups among them are spans.
  const mixed = children.some((c) => c.type === 'content' || (c.role !== undefined && RUNNING_TEXT_ROLES.has(c.role)));
  for (const child of children) {
    if (child.type === 'content') {
      const value = texts.get(child.id ?? '');
      if (value) {
        used.chars += value.trim().length;
        out.push(text(joinLineBreaks(value)));
      }
      continue;
    }
    if (child.type) continue; // annotations and objects: their URLs are read on the link
    if (child.role === 'Document') {
      // The document is the page's body itself, not a block inside it.
      for (const node of convertChildren(child.children ?? [], inline, texts, links, used)) out.push(node);
      continue;
    }
    const node = convertNode(child, inline, mixed, texts, links, used);
    if (node) out.push(node);
  }
  return out;
}

function convertNode(node: StructNode, inline: boolean, mixed: boolean, texts: Map<string, string>, links: Map<string, string>, used: { chars: number }): Element | null {
  const role = node.role ?? 'NonStruct';
  if (role === 'Artifact' || role === 'Private') return null;
  let tag: string;
  if (role === 'NonStruct' || !(role in BLOCK_ROLES || role in INLINE_ROLES)) {
    // Generic grouping (a web page's div and span): a block unless it sits in running text, or
    // holds only text beside links and emphasis.
    tag = inline || (mixed && !holdsBlocks(node)) ? 'span' : 'div';
  } else if (inline && role in INLINE_ROLES) tag = INLINE_ROLES[role]!;
  else tag = BLOCK_ROLES[role] ?? INLINE_ROLES[role]!;
  const childInline = inline || TEXT_CONTAINERS.has(tag);
  const children = convertChildren(node.children ?? [], childInline, texts, links, used);
  const properties: Element['properties'] = {};
  if (tag === 'a') {
    const target = (node.children ?? []).find((c) => (c.type === 'annotation' || c.type === 'object') && links.has(stripId(c.id)));
    if (target) properties.href = links.get(stripId(target.id))!;
  }
  if (role === 'Lbl') {
    const label = children.map(plain).join('');
    if (BULLET_LABEL.test(label)) return null;
  }
  if (role === 'L') {
    const labels = collectLabels(node, texts);
    if (labels.length && labels.every((l) => /^\s*(\d+|[a-z]|[ivx]+)[.)]?\s*$/iu.test(l))) tag = 'ol';
  }
  if (children.length === 0 && tag !== 'hr') return null;
  return el(tag, children, properties);
}

/** Whether any structure below is a block (a paragraph, heading, list, table...). */
function holdsBlocks(node: StructNode): boolean {
  return (node.children ?? []).some((c) => c.role !== undefined && ((!RUNNING_TEXT_ROLES.has(c.role) && c.role !== 'NonStruct') || holdsBlocks(c)));
}

function stripId(id: string | undefined): string {
  return (id ?? '').replace(/^pdfjs_internal_id_/, '');
}

function plain(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(plain).join('');
  return '';
}

function collectLabels(list: StructNode, texts: Map<string, string>): string[] {
  const labels: string[] = [];
  const contentOf = (n: StructNode): string => (n.type === 'content' ? (texts.get(n.id ?? '') ?? '') : (n.children ?? []).map(contentOf).join(''));
  for (const li of list.children ?? []) for (const c of li.children ?? []) if (c.role === 'Lbl') labels.push(contentOf(c));
  return labels;
}

/**
 * Join a page's tree to the pages before: an element that a page break split (same kind as the
 * previous page's last element at that depth) goes on, and a paragraph goes on when the previous
 * page's part did not end a sentence.
 */
function mergePage(target: ElementContent[], incoming: ElementContent[]): void {
  const first = incoming[0];
  const last = target.at(-1);
  if (first && last && first.type === 'element' && last.type === 'element' && first.tagName === last.tagName) {
    const splitContainer = CONTAINERS.has(first.tagName);
    const splitParagraph = ['p', 'li', 'td'].includes(first.tagName) && !/[.!?:"”’)]\s*$/u.test(plain(last));
    if (splitContainer || splitParagraph) {
      if (splitParagraph) last.children.push(text(' '));
      mergePage(last.children, first.children);
      for (let i = 1; i < incoming.length; i++) target.push(incoming[i]!);
      return;
    }
  }
  for (const node of incoming) target.push(node);
}
