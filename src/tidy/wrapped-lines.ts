import type { ElementContent, Parents, Root } from 'hast';
import { forEachOutsideVerbatim, isElement } from '../hast/util.js';

/** The line before the break ends mid-sentence: a letter, a digit or a comma, not a stop. */
const OPEN_END = /[\p{L}\p{N},]$/u;
/** The line after it goes on with a lower-case word. */
const CONTINUES = /^\p{Ll}/u;

/**
 * rehype plugin: a `<br>` in the middle of a sentence is the source's line wrapping, not a line
 * break the writer meant ("used in a<br>fitness facility", from pages whose paragraphs were typed
 * or exported with hard-wrapped lines): when the text before it ends without a stop and the text
 * after it starts with a lower-case letter, it becomes a space, and the paragraph flows again. A
 * break before a capital (an address, a poem's lines, a list typed as lines) stays, as does every
 * break in code (VERBATIM). Only breaks between two runs of text are read: a break beside an
 * element (a link, a bold label) says nothing of the sentence around it.
 */
export function joinWrappedLines() {
  const join = (parent: Parents) => {
    const children = parent.children as ElementContent[];
    for (let i = 1; i < children.length - 1; i++) {
      const br = children[i]!;
      if (!isElement(br, 'br')) continue;
      const before = children[i - 1]!;
      const after = children[i + 1]!;
      if (before.type !== 'text' || after.type !== 'text') continue;
      if (OPEN_END.test(before.value.trimEnd()) && CONTINUES.test(after.value.trimStart())) children[i] = { type: 'text', value: ' ' };
    }
  };
  return (tree: Root) => forEachOutsideVerbatim(tree, join);
}
