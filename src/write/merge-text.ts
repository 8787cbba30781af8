import type { Parents, RootContent, Text } from 'mdast';

/**
 * Merge each run of adjacent mdast text nodes without line breaks into its first node, in one
 * pass: what hast-util-to-mdast's clean-up does to them at the end of `toMdast`, done in linear time.
 *
 * Its clean-up (a `visit` over the tree) merges a text node into the text before it by appending
 * and removing it (`splice`), then goes back to the merged node and runs a regular expression over
 * its whole value again: quadratic in the run. A `<p>` of 40,000 `<span>`s (each a text node in
 * mdast) took 27 s to write, 400,000 would take hours. On a run whose texts hold no line break that
 * expression changes nothing, and merging one by one gives the concatenation, trimmed at the
 * start (at a paragraph's, heading's or root's first place) or the end (at its last) as the merged
 * node is then: so the clean-up, handed the concatenation, gives the same node and finds nothing
 * to merge. Runs with a line break in them (rare: text in preformatted elements that are not
 * code) are left to it, as it may change their breaks at each step.
 */
export function mergeAdjacentText(tree: Parents): void {
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as RootContent[];
    let merged: RootContent[] | null = null;
    for (let i = 0; i < children.length; ) {
      const child = children[i]!;
      if ('children' in child) stack.push(child as Parents);
      let end = i + 1;
      let breaks = false;
      if (child.type === 'text') {
        for (end = i; end < children.length && children[end]!.type === 'text'; end++) breaks ||= LINE_BREAK.test((children[end] as Text).value);
      }
      if (end - i < 2 || breaks) {
        for (let k = i; k < end; k++) merged?.push(children[k]!);
      } else {
        merged ??= children.slice(0, i);
        const pieces: string[] = [];
        for (let k = i; k < end; k++) pieces.push((children[k] as Text).value);
        (child as Text).value = pieces.join('');
        merged.push(child);
      }
      i = end;
    }
    if (merged) (parent as { children: RootContent[] }).children = merged;
  }
}

const LINE_BREAK = /[\r\n]/;

/**
 * hast-util-to-mdast's clean-up of text nodes at the end of `toMdast` (its `visit` over the whole
 * mdast tree), done here instead, in one iterative pass that gives the same tree: each text node
 * is merged into a text node just before it (and the merged node is cleaned again); otherwise its
 * first line break loses the spaces and tabs around it, it is trimmed of spaces and tabs at the
 * start when it is the first child of a paragraph, heading or root and at the end when it is the
 * last, and it is removed when that leaves it empty. The library's `visit` builds a closure and an
 * array of ancestors per node (a tenth of the writing time of a page of 274,000 paragraphs) and
 * removes nodes with `splice`; here each parent's children are rebuilt once. Runs of adjacent
 * texts are merged first (mergeAdjacentText), as before.
 */
export function cleanUpText(tree: Parents): void {
  mergeAdjacentText(tree);
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as RootContent[];
    if (!children.some((child) => child.type === 'text')) {
      for (const child of children) if ('children' in child) stack.push(child as Parents);
      continue;
    }
    const trims = TRIMMED_PARENTS.has(parent.type);
    /** The children kept so far; the one being cleaned is at index out.length, the rest after it. */
    const out: RootContent[] = [];
    let next = 0;
    /** A text to clean again (merged into), taken back from the end of `out`. */
    let again: Text | null = null;
    while (again || next < children.length) {
      const node = again ?? children[next++]!;
      again = null;
      if (node.type !== 'text') {
        if ('children' in node) stack.push(node as Parents);
        out.push(node);
        continue;
      }
      const previous = out[out.length - 1];
      if (previous?.type === 'text') {
        previous.value += node.value;
        if (previous.position && node.position) previous.position.end = node.position.end;
        again = out.pop() as Text;
        continue;
      }
      node.value = node.value.replace(BREAK_AND_SPACES, '$1');
      if (trims) {
        if (out.length === 0) node.value = node.value.replace(LEADING_SPACES, '');
        if (next === children.length) node.value = node.value.replace(TRAILING_SPACES, '');
      }
      if (node.value) out.push(node);
    }
    (parent as { children: RootContent[] }).children = out;
  }
}

/** Where hast-util-to-mdast's clean-up trims a text at the start or end of its parent. */
const TRIMMED_PARENTS = new Set(['heading', 'paragraph', 'root']);
const BREAK_AND_SPACES = /[\t ]*(\r?\n|\r)[\t ]*/;
const LEADING_SPACES = /^[\t ]+/;
const TRAILING_SPACES = /[\t ]+$/;
