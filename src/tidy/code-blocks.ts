import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { isElement, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin (`trim-code-block`): a code block starts at its first line of code and ends at its
 * last. Blank lines before or after the code (a `<pre>` opened with an extra line break, a `<br>`
 * left where a highlighted line was) become blank lines inside the Markdown fence; they go. The
 * indentation of the first line of code stays: it is code.
 */

/** Elements written as fenced code (hast-util-to-mdast's code handler). */
const CODE_BLOCKS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

type Leaf = { node: Text; parent: Element } | { node: Element; parent: Element };

export default function trimCodeBlocks() {
  return (tree: Root, file: VFile) => {
    let trimmed = 0;
    walkElements(tree, (node) => {
      if (!CODE_BLOCKS.has(node.tagName)) return undefined;
      if (trimStart(leavesOf(node)) + trimEnd(leavesOf(node).reverse()) > 0) trimmed++;
      return false;
    });
    if (trimmed > 0) explain(file, 'trim-code-block', `trimmed blank lines at the start or end of ${trimmed} code block(s)`);
  };
}

/** The text nodes and line breaks of a code block, in order. */
function leavesOf(block: Element): Leaf[] {
  const leaves: Leaf[] = [];
  const stack: Array<[Element, number]> = [[block, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [parent, index] = top;
    if (index >= parent.children.length) {
      stack.pop();
      continue;
    }
    top[1] = index + 1;
    const child = parent.children[index]!;
    if (child.type === 'text') leaves.push({ node: child, parent });
    else if (isElement(child, 'br')) leaves.push({ node: child, parent });
    else if (isElement(child)) stack.push([child, 0]);
  }
  return leaves;
}

/** Remove the blank lines before the first line of code; returns how many leaves changed. */
function trimStart(leaves: Leaf[]): number {
  let changed = 0;
  // White space seen on the current line so far: the first line's indentation, unless a break follows.
  let pending: Text[] = [];
  for (const leaf of leaves) {
    if (leaf.node.type === 'element') {
      removeChild(leaf.parent, leaf.node);
      for (const t of pending) t.value = '';
      pending = [];
      changed++;
      continue;
    }
    const text = leaf.node;
    const firstCode = text.value.search(/\S/);
    const lead = firstCode < 0 ? text.value : text.value.slice(0, firstCode);
    const lastBreak = lead.lastIndexOf('\n');
    if (lastBreak >= 0) {
      for (const t of pending) t.value = '';
      pending = [];
      text.value = text.value.slice(lastBreak + 1);
      changed++;
    }
    if (firstCode >= 0) return changed;
    pending.push(text);
  }
  return changed;
}

/** Remove the blank lines (and trailing white space) after the last line of code. */
function trimEnd(leaves: Leaf[]): number {
  let changed = 0;
  for (const leaf of leaves) {
    if (leaf.node.type === 'element') {
      removeChild(leaf.parent, leaf.node);
      changed++;
      continue;
    }
    const text = leaf.node;
    const kept = text.value.replace(/\s+$/, '');
    if (kept !== text.value) {
      // A blank line is two line breaks: the usual one closing the last line is not worth telling.
      if ((text.value.slice(kept.length).match(/\n/g) ?? []).length > 1) changed++;
      text.value = kept;
    }
    if (kept !== '') return changed;
  }
  return changed;
}

function removeChild(parent: Element, child: ElementContent): void {
  parent.children = parent.children.filter((c) => c !== child);
}
