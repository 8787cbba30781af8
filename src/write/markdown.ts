import type { Root as HastRoot } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Nodes as MdastNodes, Root as MdastRoot, RootContent } from 'mdast';
import { defaultHandlers, toMdast, type Options as ToMdastOptions, type State as ToMdastState } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as StringifyOptions } from 'mdast-util-to-markdown';
import type { VFile } from 'vfile';
import { mdastToText } from './mdast-text.js';
import { cleanUpText } from './merge-text.js';
import { minifyWhitespace } from './minify-whitespace.js';
import { paragraphHandler, text as plainTextHandler } from './plain-text-handler.js';
import { limitFormattingDepth, MAX_FORMATTING_DEPTH } from '../hast/limit-depth.js';
import { collapseSpaces, isElement, walkElements } from '../hast/util.js';
import { dropBlockWhitespace } from '../hast/drop-block-whitespace.js';
import { warn } from '../messages.js';
import { FOOTNOTE_DEF, FOOTNOTE_REF } from '../tidy/footnotes.js';

/**
 * Every serialisation option pinned (design/OUTPUT.md): library defaults must never leak into
 * outputs, or an upgrade rewrites every archive.
 */
export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  ruleRepetition: 3,
  ruleSpaces: false,
  listItemIndent: 'one',
  setext: false,
  closeAtx: false,
  incrementListMarker: true,
  quote: '"',
  resourceLink: true,
  tightDefinitions: true,
};

const GFM_OPTIONS = { tableCellPadding: true, tablePipeAlign: false, firstLineBlank: false } as const;

/**
 * Writing options: the pinned ones, with GFM (tables, strikethrough, footnotes, task lists,
 * autolinks) as mdast-util-gfm's serialising extension, which is what remark-stringify with
 * remark-gfm passes to mdast-util-to-markdown, without micromark's GFM syntax (about 60 modules of
 * start-up) that writing never uses. Text nodes and paragraphs of one text node go through
 * ./plain-text-handler.ts: the library's handlers, which it skips for text with nothing to escape
 * (the same bytes).
 */
const EXTENSIONS = [gfmToMarkdown(GFM_OPTIONS)];
export const TO_MARKDOWN_OPTIONS: StringifyOptions = { ...STRINGIFY_OPTIONS, handlers: { text: plainTextHandler, paragraph: paragraphHandler(EXTENSIONS) }, extensions: EXTENSIONS };

/** The footnotes tidy/footnotes.ts marks, as GFM footnote references and definitions. */
const FOOTNOTE_HANDLERS: NonNullable<ToMdastOptions['handlers']> = {
  [FOOTNOTE_REF]: (state, node) => {
    const result: FootnoteReference = { type: 'footnoteReference', identifier: String(node.properties.dataIdentifier), label: String(node.properties.dataLabel) };
    state.patch(node, result);
    return result;
  },
  [FOOTNOTE_DEF]: (state, node) => {
    const result: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: String(node.properties.dataIdentifier),
      label: String(node.properties.dataLabel),
      children: state.toFlow(trimEnds(state.all(node))) as FootnoteDefinition['children'],
    };
    state.patch(node, result);
    return result;
  },
};

/**
 * A table's `<caption>` (hast-util-to-mdast drops it: a Markdown table has no place for one),
 * written as a paragraph before the table, where a reader of the HTML saw it.
 */
const TABLE_HANDLERS: NonNullable<ToMdastOptions['handlers']> = {
  table: (state, node) => {
    const table = defaultHandlers.table(state, node);
    const caption = node.children.find((c) => isElement(c, 'caption'));
    if (!isElement(caption)) return table;
    const flow = state.toFlow(trimEnds(state.all(caption)));
    return flow.length > 0 ? [...flow, table] : table;
  },
};

/**
 * White space at the start and end of a note's content: the white-space minifier does not know the
 * note element is a block, so it is trimmed here (else it would be written as `&#x20;`).
 */
function trimEnds(nodes: RootContent[]): RootContent[] {
  const edge = (list: MdastNodes[], first: boolean): void => {
    const node = first ? list[0] : list[list.length - 1];
    if (!node) return;
    if (node.type === 'text') node.value = first ? node.value.trimStart() : node.value.trimEnd();
    else if ('children' in node) edge(node.children as MdastNodes[], first);
  };
  edge(nodes, true);
  edge(nodes, false);
  return nodes;
}

/**
 * hast-util-to-mdast's `state.all`, without its `results.push(...result)`: a container it unwraps
 * (a `<div>`) hands its parent all its children's results as one array, and spreading 300,000 of
 * them as arguments overflows the call stack. Otherwise the same: each child's result in order.
 * The array is returned at its exact length (compactChildren in hast/util.ts says why).
 */
function allWithoutSpread(this: ToMdastState, parent: Parameters<ToMdastState['all']>[0]): ReturnType<ToMdastState['all']> {
  const results: ReturnType<ToMdastState['all']> = [];
  for (const child of parent.children ?? []) {
    const result = this.one(child, parent) as ReturnType<ToMdastState['all']> | ReturnType<ToMdastState['all']>[number] | undefined;
    if (Array.isArray(result)) for (const node of result) results.push(node);
    else if (result) results.push(result);
  }
  return results.slice();
}

/**
 * Most nodes handed to one call spread inside hast-util-to-mdast (`push(...nodes)`): V8 overflows
 * the call stack near 120,000 arguments, less when the stack is already deep. The places below
 * that would hand it more give it pieces of at most about this many (twice as many for a link).
 */
const SPREAD_CHUNK = 5000;

/**
 * hast-util-to-mdast's `state.toSpecificContent` (a list's items, a `<dl>`'s groups), without its
 * `unshift(...queue)` and `push(...queue)`: a `<ul>` whose 300,000 children are not `<li>`s
 * queues them all for one item. Otherwise the same: non-items go into the next item (the last,
 * after the last item; a new one if there is no item).
 */
function toSpecificContentWithoutSpread<Child extends MdastNodes, Parent extends Extract<MdastNodes, { children: Child[] }>>(nodes: RootContent[], build: () => Parent): Parent[] {
  const type = build().type;
  const results: Parent[] = [];
  let queue: Child[] = [];
  for (const node of nodes) {
    if (node.type === type) {
      const item = node as Parent;
      if (queue.length > 0) {
        const own = item.children.splice(0);
        for (const child of queue) item.children.push(child);
        for (const child of own) item.children.push(child);
        queue = [];
      }
      results.push(item);
    } else {
      queue.push(node as Child);
    }
  }
  if (queue.length > 0) {
    let item = results[results.length - 1];
    if (!item) results.push((item = build()));
    for (const child of queue) item.children.push(child);
  }
  return results;
}

/** mdast flow content (never phrasing, whatever its children): where a straddling link may be cut. */
const FLOW_TYPES = new Set(['paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'table', 'code']);

/**
 * A node hast-util-to-mdast's wrap keeps as it is: flow content, not marked with a hast element's
 * name (which wrap would judge as that element). A list of only these is returned as it was given
 * (wrap copies it, asking of each node whether it is any of 16 phrasing types: on the wide 8 MB page
 * of npm run bench:hostile, its 274,000 paragraphs in one list).
 */
function isFlow(node: RootContent): boolean {
  return FLOW_TYPES.has(node.type) && !node.data?.hName;
}

/** hast-util-to-mdast's `toFlow` (its wrap), skipped for a list of flow content, and given straddling links cut. */
export function flowFirst(toFlow: ToMdastState['toFlow']): ToMdastState['toFlow'] {
  return (nodes) => (nodes.every(isFlow) ? (nodes as ReturnType<ToMdastState['toFlow']>) : toFlow(cutStraddlingLinks(nodes)));
}

/**
 * A link (or deletion) holding flow content, such as an `<a>` around a `<div>` of paragraphs, is
 * split by hast-util-to-mdast's wrap into one piece per run of phrasing and per flow child, which
 * it spreads as arguments. A link of more children is cut here into consecutive links first, each
 * cut before a flow child (not the first): wrap splits each the same way, and since a flow child
 * ends a run of phrasing either way, the pieces are the same, in the same order.
 */
function cutStraddlingLinks(nodes: RootContent[]): RootContent[] {
  if (!nodes.some((node) => (node.type === 'link' || node.type === 'delete') && node.children.length > SPREAD_CHUNK)) return nodes;
  const out: RootContent[] = [];
  for (const node of nodes) {
    if ((node.type !== 'link' && node.type !== 'delete') || node.children.length <= SPREAD_CHUNK) {
      out.push(node);
      continue;
    }
    const children = node.children as RootContent[];
    let start = 0;
    let flowSeen = false;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!isFlow(child)) continue;
      if (flowSeen && i - start >= SPREAD_CHUNK) {
        out.push({ ...node, children: children.slice(start, i) } as RootContent);
        start = i;
      }
      flowSeen = true;
    }
    out.push(start === 0 ? node : ({ ...node, children: children.slice(start) } as RootContent));
  }
  return out;
}

/**
 * A `<dl>`: hast-util-to-mdast unwraps its `<div>` children with `push(...div.children)`; a
 * `<div>` of more children is handed to it as consecutive `<div>`s of fewer, which it unwraps into
 * the same list (it keeps nothing of a `<div>` but its children).
 */
const DL_HANDLER: NonNullable<ToMdastOptions['handlers']> = {
  dl: (state, node) => {
    if (!node.children.some((child) => isElement(child, 'div') && child.children.length > SPREAD_CHUNK)) return defaultHandlers.dl(state, node);
    const children: typeof node.children = [];
    for (const child of node.children) {
      if (!isElement(child, 'div') || child.children.length <= SPREAD_CHUNK) children.push(child);
      else for (let i = 0; i < child.children.length; i += SPREAD_CHUNK) children.push({ ...child, children: child.children.slice(i, i + SPREAD_CHUNK) });
    }
    return defaultHandlers.dl(state, { ...node, children });
  },
};

/**
 * hast -> mdast as rehype-remark does it (`toMdast` with `document: true`, `newlines: false`), but
 * on the tree itself: toMdast first deep-copies the tree it is given (with a structured-clone
 * polyfill: about a tenth of a huge page's time and a second copy of its tree in memory), so that
 * its white-space minifier may change it. The article's tree is not read again after this, so it is
 * minified here, in place, as its minifier does (./minify-whitespace.ts), and toMdast is handed an empty root
 * whose handler converts the real one: the same state, handlers and clean-up of text nodes as
 * before (byte-identical output), with the ids toMdast would have collected for in-page links. The
 * handler hands toMdast an empty root back, and the tree it made gets toMdast's clean-up of text
 * nodes from ./merge-text.ts (cleanUpText), in linear time.
 */
function toMdastInPlace(tree: HastRoot): MdastRoot {
  minifyWhitespace(tree);
  let result: MdastRoot | null = null;
  const root: NonNullable<ToMdastOptions['nodeHandlers']>['root'] = (state) => {
    state.all = allWithoutSpread;
    state.toSpecificContent = toSpecificContentWithoutSpread as ToMdastState['toSpecificContent'];
    state.toFlow = flowFirst(state.toFlow);
    walkElements(tree, (node) => {
      const id = String(node.properties.id || '') || undefined;
      if (id && !state.elementById.has(id)) state.elementById.set(id, node);
    });
    // The default root handler, through the state's toFlow (it calls the same wrap directly):
    // with `document: true` a root's children are always wrapped as flow.
    result = { type: 'root', children: state.toFlow(state.all(tree)) };
    state.patch(tree, result);
    // toMdast's own clean-up of the text nodes then walks an empty root: ours is done below.
    return { type: 'root', children: [] };
  };
  toMdast({ type: 'root', children: [] }, { document: true, newlines: false, handlers: { ...FOOTNOTE_HANDLERS, ...TABLE_HANDLERS, ...DL_HANDLER }, nodeHandlers: { root } });
  cleanUpText(result!);
  return result!;
}

/** The Markdown and its visible text (markdownToText's), both from the one mdast tree. */
export async function hastToMarkdownAndText(tree: HastRoot, file: VFile): Promise<{ markdown: string; text: string }> {
  // Writing Markdown slows down steeply with nested formatting: bound it (hast/limit-depth.ts).
  const unwrapped = limitFormattingDepth(tree);
  if (unwrapped > 0) warn(file, 'too-deep', `formatting nested deeper than ${MAX_FORMATTING_DEPTH} levels; unwrapped ${unwrapped} elements, keeping their text`);
  // Linear here what hast-util-to-mdast's white-space minifier does in quadratic time on wide trees.
  dropBlockWhitespace(tree);
  const mdast = toMdastInPlace(tree);
  const markdown = normaliseMarkdown(toMarkdown(mdast, TO_MARKDOWN_OPTIONS));
  return { markdown, text: mdastToText(mdast).normalize('NFC') };
}

/** NFC, LF line ends, no trailing spaces, no runs of blank lines, exactly one final newline. */
export function normaliseMarkdown(markdown: string): string {
  const body = markdown
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return body === '' ? '' : `${body}\n`;
}

/** The Markdown document: `# Title` (unless disabled), then the body. */
export function assembleMarkdown(title: string | null, body: string, withTitle: boolean): string {
  const heading = withTitle && title ? `# ${escapeHeading(title)}\n` : '';
  if (!heading) return body;
  return body ? `${heading}\n${body}` : heading;
}

function escapeHeading(title: string): string {
  // A title is one line of plain text: no Markdown syntax should take effect in it.
  return collapseSpaces(title).replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(#+)/, '\\$1');
}
