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
