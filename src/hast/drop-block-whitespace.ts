import type { Element, ElementContent, Root } from 'hast';
import { BLOCK_TAGS } from './limit-depth.js';

/** Elements whose white space is content: nothing inside them is touched. */
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/**
 * Remove the white-space-only text nodes that stand between two block elements (the line
 * breaks between `</p>` and `<p>`), in one linear pass, before hast-util-to-mdast.
 *
 * The Markdown does not change: rehype-minify-whitespace, which hast-util-to-mdast runs, removes
 * exactly such nodes too. But it removes each with `children.splice`, which moves every later
 * sibling: a `<div>` of 400,000 paragraphs took minutes (quadratic in the number of children).
 * Removing them here first leaves it nothing to splice. Iterative: no recursion over depth.
 */
export function dropBlockWhitespace(tree: Root): number {
  let dropped = 0;
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as ElementContent[];
    let kept: ElementContent[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text' && isBlock(children[i - 1]) && isBlock(children[i + 1]) && isWhiteSpace(child.value)) {
        kept ??= children.slice(0, i);
        dropped++;
        continue;
      }
      kept?.push(child);
      if (child.type === 'element' && !PREFORMATTED.has(child.tagName)) stack.push(child);
    }
    if (kept) parent.children = kept as typeof parent.children;
  }
  return dropped;
}

function isBlock(node: ElementContent | undefined): boolean {
  return node !== undefined && node.type === 'element' && BLOCK_TAGS.has(node.tagName);
}

/** HTML's inter-element white space: space, tab, LF, FF, CR. */
function isWhiteSpace(value: string): boolean {
  return /^[ \t\n\f\r]*$/.test(value);
}
