import type { Nodes, Root } from 'mdast';

/**
 * The visible text of an mdast tree: every text, code and link text, no images, blocks on their
 * own lines (a table's rows too, each with its cells side by side). convert() reads it from the
 * tree it serialises instead of parsing its own Markdown back (micromark cost ~20% of a
 * conversion); a module of its own so that writing Markdown does not load a Markdown parser.
 */
export function mdastToText(tree: Root): string {
  const out: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      out.push(node.value);
      if (node.type === 'code') out.push('\n');
      continue;
    }
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'definition') continue;
    if (node.type === 'break') {
      out.push('\n');
      continue;
    }
    if ('children' in node) {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow' || node.type === 'listItem') out.push('\n');
      // A table's row reads as one line, its cells side by side, as a reader reads a row.
      else if (node.type === 'tableCell') out.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return out.join('').replace(/[ \t]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim();
}
