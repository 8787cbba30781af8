import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement, removeWhere } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { computeStats } from '../hast/stats.js';
import { recordRemoval } from '../clean/prose-guard.js';

/** schema.org types of the posts of a question-and-answer page (microdata `itemtype`). */
const QA_POST = /(^|[/#])(Question|Answer)$/;
/** schema.org type of a remark on a post. */
const REMARK = /(^|[/#])Comment$/;

/**
 * rehype plugin for thread pages (pipeline.ts), before selection: on a question-and-answer page the
 * posts are the question and its answers; a `Comment` item inside one of them (schema.org
 * microdata, `itemtype=".../Comment"` within `.../Question` or `.../Answer`) is a remark on that
 * post, not a post, and goes. On a discussion thread replies are the posts, and stay whatever they
 * are named (vocabulary/class-names.ts, CONTENT_KINDS_BY_PAGE): only the page's own statement that a block is a
 * comment on a question or an answer removes it.
 */
export default function dropAnswerComments() {
  return (tree: Root, file: VFile) => {
    const remove = new Set<Element>();
    const visit = (node: Root | Element, inPost: boolean) => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        const type = itemTypes(child);
        if (inPost && type.some((t) => REMARK.test(t))) {
          remove.add(child);
          continue;
        }
        visit(child, inPost || type.some((t) => QA_POST.test(t)));
      }
    };
    visit(tree, false);
    if (remove.size === 0) return;
    const stats = computeStats(tree);
    for (const node of remove) {
      recordRemoval(file, 'drop-answer-comment', node, stats);
      explain(file, 'drop-answer-comment', () => `dropped a comment on a question or answer <${node.tagName}>: "${firstWords(node)}"`);
    }
    removeWhere(tree, (c) => isElement(c) && remove.has(c));
  };
}

function itemTypes(node: Element): string[] {
  const value = attr(node, 'itemType');
  return value ? value.split(/\s+/) : [];
}
