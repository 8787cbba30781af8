import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { END_MARK } from '../../tidy/tidy-article.js';

/**
 * remark plugin: drop the decorative end mark (❖ ■ ∎, the one list in tidy/tidy-article.ts) that
 * closes an article or a section, and paragraphs that hold nothing else.
 */
export default function repairEndMarks() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      if (END_MARK.test(node.value)) node.value = node.value.replace(END_MARK, '');
    });
    tree.children = tree.children.filter(
      (block) => !(block.type === 'paragraph' && block.children.every((c) => c.type === 'text' && c.value.trim() === '')),
    );
  };
}
