import type { Nodes, Root } from 'mdast';

/**
 * The visible text of an mdast tree: every text, code and link text, no images, blocks on their
 * own lines. convert() reads it from the tree it serialises instead of parsing its own Markdown
 * back (micromark cost ~20% of a conversion); a module of its own so that writing Markdown does not
 * load a Markdown parser.
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
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'listItem') out.push('\n');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return out.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
}
