import type { Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * remark plugin: a drop cap printed apart from its word (`**A**fter`, `*A*fter`, `A fter` is
 * left alone: a lone capital before a word is also the English article) becomes one word again:
 * `After`.
 */
export default function repairDropCaps() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph: Parent) => {
      const [first, second] = paragraph.children as PhrasingContent[];
      if (!first || !second || second.type !== 'text') return;
      if (first.type !== 'strong' && first.type !== 'emphasis') return;
      const inner = first.children;
      if (inner.length !== 1 || inner[0]!.type !== 'text' || !/^\p{Lu}$/u.test(inner[0]!.value)) return;
      if (!/^\p{Ll}/u.test(second.value)) return;
      second.value = inner[0]!.value + second.value;
      paragraph.children.splice(0, 1);
    });
  };
}
