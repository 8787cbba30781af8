import type { Nodes, Parents, RootContent, Text } from 'hast';

/**
 * hast-util-minify-whitespace 1.0.1 (`minifyWhitespace(tree, { newlines: false })`), the same
 * steps on the same nodes, with its element tests as set look-ups: the library asks
 * hast-util-is-element about each node with an array of 60 tag names, which builds a test per name
 * on every call (a tenth of a wide page's conversion). test/write/minify-whitespace.test.ts checks
 * it against the library on every fixture page and on random trees.
 */
export function minifyWhitespace(tree: Nodes): void {
  minify(tree, { whitespace: 'normal', before: undefined, after: undefined });
}

type Whitespace = 'normal' | 'nowrap' | 'pre' | 'pre-wrap';
interface State {
  whitespace: Whitespace;
  /** A break before (white space at the start is removable). */
  before: boolean | undefined;
  /** A break after. */
  after: boolean | undefined;
}
interface Result {
  remove: boolean;
  ignore: boolean;
  stripAtStart: boolean;
}

/** The library's lists (block.js, content.js, skippable.js, and hast-util-embedded's). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'col', 'colgroup', 'dd', 'dialog', 'dir', 'div', 'dl',
  'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'listing', 'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'wbr', 'xmp',
]);
const CONTENT = new Set(['button', 'input', 'select', 'textarea', 'audio', 'canvas', 'embed', 'iframe', 'img', 'math', 'object', 'picture', 'svg', 'video']);
const SKIPPABLE = new Set(['area', 'base', 'basefont', 'dialog', 'datalist', 'head', 'link', 'meta', 'noembed', 'noframes', 'param', 'rp', 'script', 'source', 'style', 'template', 'track', 'title']);
const WHITESPACE_ONLY = /^[ \t\n\f\r]*$/;

const isIgnorable = (node: Nodes): boolean => node.type === 'comment' || node.type === 'doctype';
const isBlock = (node: Nodes): boolean => node.type === 'element' && BLOCKS.has(node.tagName);
/** An element that shows something itself (an image, a form control): white space beside it counts. */
const isContent = (node: Nodes | undefined): boolean => node?.type === 'element' && CONTENT.has(node.tagName);
const isSkippable = (node: Nodes): boolean => (node.type === 'element' && (Boolean(node.properties.hidden) || SKIPPABLE.has(node.tagName))) || isIgnorable(node);
/**
 * Each run of white space as one space; a text with none to collapse (no white space but single
 * spaces, as most are) is returned as it is: the global replace built a new string for each of the
 * 274,000 paragraphs of a wide page (half of minifying it).
 */
const collapse = (value: string): string => (UNCOLLAPSED.test(value) ? value.replace(/[\t\n\v\f\r ]+/g, ' ') : value);
/** White space that is not one single space: what `collapse` changes. */
const UNCOLLAPSED = /[\t\n\v\f\r]| {2}/;
const removable = (character: string): boolean => character === ' ' || character === '\n';

function minify(node: Nodes, state: State): Result {
  if ('children' in node) {
    const settings = { ...state };
    if (node.type === 'root' || isBlock(node)) {
      settings.before = true;
      settings.after = true;
    }
    settings.whitespace = inferWhiteSpace(node, state);
    return all(node, settings);
  }
  if (node.type === 'text') {
    if (state.whitespace === 'normal') return minifyText(node, state);
    if (state.whitespace === 'nowrap') node.value = collapse(node.value);
  }
  return { ignore: isIgnorable(node), stripAtStart: false, remove: false };
}

function minifyText(node: Text, state: State): Result {
  const value = collapse(node.value);
  const result = { ignore: false, stripAtStart: false, remove: false };
  let start = 0;
  let end = value.length;
  if (state.before && removable(value.charAt(0))) start++;
  if (start !== end && removable(value.charAt(end - 1))) {
    if (state.after) end--;
    else result.stripAtStart = true;
  }
  if (start === end) result.remove = true;
  else node.value = value.slice(start, end);
  return result;
}

function all(parent: Parents, state: State): Result {
  let before = state.before;
  const after = state.after;
  const children = parent.children as RootContent[];
  const afterEach = breaksAfter(children, after);
  // The library removes a child with `splice` (quadratic on a wide element): the kept ones are
  // gathered instead. Later siblings are read before they are minified, as they are there.
  let kept: RootContent[] | null = null;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const result = minify(child, { ...state, after: afterEach[index], before });
    if (result.remove) {
      kept ??= children.slice(0, index);
      continue;
    }
    kept?.push(child);
    if (!result.ignore) before = result.stripAtStart;
    // An element that shows something itself (an <img>, a <select>) allows white space again.
    if (isContent(child)) before = false;
  }
  if (kept) (parent as { children: RootContent[] }).children = kept;
  return { ignore: false, stripAtStart: Boolean(before || after), remove: false };
}

/**
 * For each of `nodes`, whether there is a break after it: the library's `collapsableAfter(nodes,
 * index, after)` for every index, in one pass from the end (asked at each index, it read every
 * later sibling up to the first that decides: quadratic on a run of thousands of empty elements).
 */
function breaksAfter(nodes: RootContent[], after: boolean | undefined): Array<boolean | undefined> {
  const result: Array<boolean | undefined> = new Array(nodes.length);
  let next = after;
  for (let i = nodes.length - 1; i >= 0; i--) {
    result[i] = next;
    const boundary = boundaryOf(nodes[i]!);
    if (boundary !== undefined) next = boundary;
  }
  return result;
}

/** Whether there is a break after the node at `index` (`after`: after all of `nodes`). */
function collapsableAfter(nodes: RootContent[], index: number, after?: boolean): boolean | undefined {
  for (let i = index + 1; i < nodes.length; i++) {
    const result = boundaryOf(nodes[i]!);
    if (result !== undefined) return result;
  }
  return after;
}

/** The first boundary a node decides, looking into it (the library's step of collapsableAfter). */
function boundaryOf(node: RootContent): boolean | undefined {
  const result = inferBoundary(node);
  if (result === undefined && 'children' in node && !isSkippable(node)) return collapsableAfter(node.children, -1);
  return result;
}

/** `true`: white space around the node does not count; `false`: it does; undefined: unknown. */
function inferBoundary(node: Nodes): boolean | undefined {
  if (node.type === 'element') {
    if (isContent(node)) return false;
    if (isBlock(node)) return true;
  } else if (node.type === 'text') {
    if (!WHITESPACE_ONLY.test(node.value)) return false;
  } else if (!isIgnorable(node)) {
    return false;
  }
  return undefined;
}

function inferWhiteSpace(node: Parents, state: State): Whitespace {
  if (node.type === 'element' && node.properties) {
    switch (node.tagName) {
      case 'listing':
      case 'plaintext':
      case 'script':
      case 'style':
      case 'xmp':
        return 'pre';
      case 'nobr':
        return 'nowrap';
      case 'pre':
        return node.properties.wrap ? 'pre-wrap' : 'pre';
      case 'td':
      case 'th':
        return node.properties.noWrap ? 'nowrap' : state.whitespace;
      case 'textarea':
        return 'pre-wrap';
      default:
    }
  }
  return state.whitespace;
}
