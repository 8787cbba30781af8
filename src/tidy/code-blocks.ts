import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { BLOCKS, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin (`trim-code-block`): a code block starts at its first line of code and ends at its
 * last. Blank lines before or after the code (a `<pre>` opened with an extra line break, a `<br>`
 * left where a highlighted line was) become blank lines inside the Markdown fence; they go. The
 * indentation of the first line of code stays: it is code.
 */

/**
 * Characters a line may hold and still show nothing: white space and the zero-width ones (a
 * highlighter's U+200B placeholder for an empty line, a stray byte-order mark). A line of only these
 * is blank.
 */
const BLANK = String.raw`\s\u200b\u200c\u200d\u2060\ufeff`;
const FIRST_SHOWN = new RegExp(`[^${BLANK}]`);
const TRAILING_BLANK = new RegExp(`[${BLANK}]+$`);

/** Elements written as fenced code (hast-util-to-mdast's code handler). */
const CODE_BLOCKS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/**
 * What makes a code block's lines: its text, its `<br>`s, and the start of a block element inside
 * it (a `<div>` a line, as some highlighters write), which starts a new line.
 */
type Leaf = { node: Text; parent: Element } | { node: Element; parent: Element; block?: boolean };

/**
 * Elements that start a new line of text inside a `<pre>`: the blocks hast-util-to-text renders on
 * lines of their own (an `<xmp>` inside the `<code>`, a `<div>` a line), and table rows.
 */
const LINE_BLOCKS: ReadonlySet<string> = new Set([...BLOCKS, 'table', 'tr']);

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
  visit(block, (child, _index, parent) => {
    if (child === block || !parent || parent.type !== 'element') return;
    if (child.type === 'text') leaves.push({ node: child, parent });
    else if (child.type === 'element' && (child.tagName === 'br' || LINE_BLOCKS.has(child.tagName))) leaves.push({ node: child, parent, block: child.tagName !== 'br' || undefined });
  });
  return leaves;
}

/** Remove the blank lines before the first line of code; returns how many leaves changed. */
function trimStart(leaves: Leaf[]): number {
  let changed = 0;
  // White space seen on the current line so far: the first line's indentation, unless a break follows.
  let pending: Text[] = [];
  for (const leaf of leaves) {
    if (leaf.node.type === 'element') {
      // A line break ends a blank line; a block starts a new line: what was before it is blank.
      if ('block' in leaf && leaf.block) {
        if (pending.some((t) => t.value !== '')) changed++;
      } else {
        removeChild(leaf.parent, leaf.node);
        changed++;
      }
      for (const t of pending) t.value = '';
      pending = [];
      continue;
    }
    const text = leaf.node;
    const firstCode = text.value.search(FIRST_SHOWN);
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
      if ('block' in leaf && leaf.block) continue;
      removeChild(leaf.parent, leaf.node);
      changed++;
      continue;
    }
    const text = leaf.node;
    const kept = text.value.replace(TRAILING_BLANK, '');
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
