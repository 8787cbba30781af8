import type { Parents, Root } from 'hast';
import { forEachOutsideVerbatim } from '../hast/util.js';

const NO_BREAK_SPACE = /\u00a0/g;

/**
 * rehype plugin: a no-break space (U+00A0, `&nbsp;`) in prose becomes a plain space. In Markdown
 * it is an invisible character that no reader can tell from a space but every search, diff and
 * word match can: "packing&nbsp;services" is not found by "packing services". Most are an
 * editor's spacing ("the&nbsp; packing"), which the writer then folds with the space beside it
 * into one. A paragraph of nothing but `&nbsp;` (a spacer) becomes white space and is not written.
 * Code keeps its characters (VERBATIM). Only U+00A0: the narrow and figure spaces of careful
 * typography (U+202F before a French colon, U+2007 in tables of figures) are the author's choice.
 */
export function plainSpaces() {
  const replaceIn = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type === 'text' && child.value.includes('\u00a0')) child.value = child.value.replace(NO_BREAK_SPACE, ' ');
    }
  };
  return (tree: Root) => forEachOutsideVerbatim(tree, replaceIn);
}
