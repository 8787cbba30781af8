/**
 * Bound how deep a document tree nests, without recursion.
 *
 * Browsers cap it too (Chromium's parser stops nesting at 512), because the tools that turn one
 * tree into another (hast-util-from-parse5, mdast-util-to-hast, hast-util-to-mdast,
 * mdast-util-to-markdown, unist-util-visit) recurse once per level and a page nesting 100,000
 * elements overflows the call stack. Below `MAX_TREE_DEPTH` every element is unwrapped: its
 * descendants' text and empty elements (images, line breaks) are hoisted in document order into
 * the element at the limit, so no text is lost, only the markup of the deepest levels.
 */

/**
 * Deepest nesting kept: Chromium's `kMaximumHTMLParserDOMTreeDepth`. Real articles nest a few
 * dozen levels; every stage of the pipeline handles this depth with room to spare.
 */
export const MAX_TREE_DEPTH = 512;

/** How to read and write one kind of tree (parse5, hast, mdast). */
export interface TreeShape<N> {
  /** The children of a node, or undefined for a leaf. */
  children(node: N): N[] | undefined;
  setChildren(node: N, children: N[]): void;
  /** The value of a text node, or null for any other node. */
  text(node: N): string | null;
  makeText(value: string): N;
  /** Whether the node is a block: its text is kept apart from its neighbours' by a space. */
  isBlock(node: N): boolean;
}

/**
 * Unwrap every element nested deeper than `max` (see above). Returns how many elements were
 * unwrapped (0 when the tree was shallow enough and is unchanged).
 */
export function limitDepth<N>(root: N, shape: TreeShape<N>, max = MAX_TREE_DEPTH): number {
  let unwrapped = 0;
  const stack: Array<[N, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = shape.children(node);
    if (!children || children.length === 0) continue;
    if (depth < max) {
      for (const child of children) stack.push([child, depth + 1]);
      continue;
    }
    if (!children.some((child) => (shape.children(child)?.length ?? 0) > 0)) continue;
    const flat: N[] = [];
    unwrapped += hoist(children, shape, flat);
    shape.setChildren(node, flat);
  }
  return unwrapped;
}

/**
 * Append the leaves under `nodes` to `out` in document order (iterative); returns unwraps.
 * Adjacent text is merged into one node: hast-util-to-mdast is quadratic in sibling text nodes.
 */
function hoist<N>(nodes: N[], shape: TreeShape<N>, out: N[]): number {
  let unwrapped = 0;
  // Text not yet pushed, in pieces joined once; whether it ends in white space is tracked as it
  // grows (testing the growing string each time made the hoist quadratic in the text).
  let pending: string[] = [];
  let endsInSpace = false;
  const add = (text: string) => {
    if (text === '') return;
    pending.push(text);
    endsInSpace = /\s$/.test(text);
  };
  const flush = () => {
    const text = pending.join('');
    if (text) out.push(shape.makeText(text));
    pending = [];
    endsInSpace = false;
  };
  const stack: Array<[N[], number]> = [[nodes, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [list, index] = top;
    if (index >= list.length) {
      stack.pop();
      continue;
    }
    top[1] = index + 1;
    const node = list[index]!;
    const kids = shape.children(node);
    if (kids && kids.length > 0) {
      unwrapped++;
      if (shape.isBlock(node) && !endsInSpace) add(' ');
      stack.push([kids, 0]);
      continue;
    }
    const value = shape.text(node);
    if (value !== null) {
      add(value);
    } else {
      flush();
      out.push(node);
    }
  }
  flush();
  return unwrapped;
}

/** Block-level elements: their text is kept apart by a space when they are unwrapped. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/** mdast block nodes: kept apart by a space when unwrapped, as block elements are. */
const MDAST_BLOCKS = new Set(['blockquote', 'code', 'heading', 'list', 'listItem', 'paragraph', 'table', 'tableCell', 'tableRow']);

interface UnistLike {
  type: string;
  tagName?: string;
  value?: string;
  children?: UnistLike[];
}

/** The shape of hast and mdast trees (unist: `children` arrays, `text` nodes). */
export const unistShape: TreeShape<UnistLike> = {
  children: (node) => node.children,
  setChildren: (node, children) => {
    node.children = children;
  },
  text: (node) => (node.type === 'text' ? (node.value ?? '') : null),
  makeText: (value) => ({ type: 'text', value }),
  isBlock: (node) => (node.type === 'element' && BLOCK_TAGS.has(node.tagName ?? '')) || MDAST_BLOCKS.has(node.type),
};

/**
 * Deepest nesting of formatting kept (emphasis in strong in a link ...). mdast-util-to-markdown's
 * escaping grows faster than the square of this nesting (128 levels of `<em>` take seconds, 512
 * take minutes); no article formats text eight levels deep.
 */
export const MAX_FORMATTING_DEPTH = 8;

/** hast elements that become mdast phrasing containers (strong, emphasis, delete, link). */
const FORMATTING_TAGS = new Set(['a', 'b', 'strong', 'em', 'i', 'mark', 'del', 's', 'strike']);

interface HastLike {
  type: string;
  tagName?: string;
  children?: HastLike[];
}

/**
 * Unwrap formatting elements nested deeper than `max` inside other formatting elements, keeping
 * their content (iterative). Returns how many were unwrapped.
 */
export function limitFormattingDepth(root: HastLike, max = MAX_FORMATTING_DEPTH): number {
  let unwrapped = 0;
  const stack: Array<[HastLike, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node.children) continue;
    let children = node.children;
    if (depth >= max && children.some(isFormatting)) {
      const flat: HastLike[] = [];
      const pending: HastLike[][] = [children.slice().reverse()];
      while (pending.length > 0) {
        const top = pending[pending.length - 1]!;
        const child = top.pop();
        if (!child) {
          pending.pop();
          continue;
        }
        if (isFormatting(child)) {
          unwrapped++;
          pending.push((child.children ?? []).slice().reverse());
        } else flat.push(child);
      }
      children = node.children = flat;
    }
    for (const child of children) if (child.children) stack.push([child, depth + (isFormatting(child) ? 1 : 0)]);
  }
  return unwrapped;
}

function isFormatting(node: HastLike): boolean {
  return node.type === 'element' && FORMATTING_TAGS.has(node.tagName ?? '');
}
