import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { mdastText, proseWords } from './mdast.js';
import { documentWords, shouldJoin } from './hyphenation.js';
import { explain } from '../../messages.js';

/** A paragraph ends a sentence when its last visible character is one of these. */
const CLOSING = /[.!?:;…"”’»)\]*_]\s*$/u;
/**
 * A page or column break only cuts running prose: the first part must be this long (words), so a
 * label or a caption followed by a lower-case line is left alone.
 */
const MIN_WORDS_BEFORE_BREAK = 8;

/**
 * remark plugin: a paragraph cut in two where a page or a column ended (the first part has no
 * closing punctuation, the next starts in lower case) becomes one paragraph again; a word
 * hyphenated across the cut is re-joined as at a line end (hyphenation.ts).
 */
export default function mergeSplitParagraphs() {
  return (tree: Root, file: VFile) => {
    const words = documentWords(mdastText(tree));
    const out: RootContent[] = [];
    for (const block of tree.children) {
      const prev = out[out.length - 1];
      if (prev?.type === 'paragraph' && block.type === 'paragraph' && isCut(prev, block)) {
        join(prev, block, words);
        explain(file, 'merge-split-paragraphs', `joined a paragraph split by a page break before "${mdastText(block).slice(0, 40)}"`);
        continue;
      }
      out.push(block);
    }
    tree.children = out;
  };
}

function isCut(first: Paragraph, next: Paragraph): boolean {
  const a = mdastText(first);
  const b = mdastText(next).trimStart();
  return !CLOSING.test(a) && /[\p{L}\p{N},][-\u00AD]?\s*$/u.test(a) && proseWords(a) >= MIN_WORDS_BEFORE_BREAK && /^\p{Ll}/u.test(b);
}

function join(first: Paragraph, next: Paragraph, words: Map<string, number>): void {
  const last = first.children[first.children.length - 1];
  const head = next.children[0];
  if (last?.type === 'text' && head?.type === 'text') {
    const hyphen = /(\p{L}+)[-\u00AD]\s*$/u.exec(last.value);
    const right = /^\s*(\p{L}+)/u.exec(head.value);
    if (hyphen && right) {
      // Joined, or a compound whose hyphen stays: either way no space after the hyphen.
      if (shouldJoin(hyphen[1]!, right[1]!, words, last.value.trimEnd().endsWith('\u00AD'))) last.value = last.value.replace(/[-\u00AD]\s*$/u, '');
      else last.value = last.value.trimEnd();
      head.value = head.value.trimStart();
      append(first, next);
      return;
    }
    last.value = last.value.trimEnd();
    head.value = head.value.trimStart();
  }
  first.children.push({ type: 'text', value: ' ' });
  append(first, next);
}

/** The next paragraph's children after the first's, one by one (a spread of 300,000 overflows the stack). */
function append(first: Paragraph, next: Paragraph): void {
  for (const child of next.children as PhrasingContent[]) first.children.push(child);
}
