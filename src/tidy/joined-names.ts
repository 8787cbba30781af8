import type { Element, ElementContent, Parents, Root } from 'hast';
import { forEachOutsideVerbatim } from '../hast/util.js';

/**
 * Inline elements that pages set side by side with no space between them and show apart by their
 * style sheet (a product card's `<span>Brand</span><span>Name</span>`, shown on two lines).
 */
const INLINE = new Set(['span', 'a', 'b', 'strong', 'em', 'i', 'small', 'label', 'font', 'time', 'cite', 'abbr']);

/** The first and the last character of an element's text, or '' (iterative: pages nest deep). */
function edgeChar(node: Element, last: boolean): string {
  let current: ElementContent | undefined = node;
  while (current && current.type === 'element') {
    const children: ElementContent[] = current.children;
    current = last ? children[children.length - 1] : children[0];
  }
  if (!current || current.type !== 'text') return '';
  return last ? current.value.slice(-1) : current.value.slice(0, 1);
}

const WORD_END = /\p{Ll}|\p{N}/u;
const WORD_START = /\p{Lu}/u;

/**
 * rehype plugin: two inline elements side by side whose texts would run together as one word
 * ("Nalgene" + "Sustain Bottle" read "NalgeneSustain Bottle"), the first ending in a lower-case
 * letter or a digit, the next starting with a capital, get a space between them: what the page's
 * style sheet showed apart, the Markdown does not weld. A capital inside a word set in one element
 * (`i<b>Phone</b>`, a text then an element) is not such a pair, and stays; code (VERBATIM) too.
 */
export function separateJoinedNames() {
  const separate = (parent: Parents) => {
    const children = parent.children as ElementContent[];
    // A new array only when a space goes in, built in one pass: a splice per pair would make a
    // parent of many such pairs quadratic.
    let out: ElementContent[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const left = children[i - 1];
      const right = children[i]!;
      const weld = left?.type === 'element' && right.type === 'element' && INLINE.has(left.tagName) && INLINE.has(right.tagName) && WORD_END.test(edgeChar(left, true)) && WORD_START.test(edgeChar(right, false));
      if (weld) (out ??= children.slice(0, i)).push({ type: 'text', value: ' ' });
      out?.push(right);
    }
    if (out) parent.children = out as typeof parent.children;
  };
  return (tree: Root) => forEachOutsideVerbatim(tree, separate);
}
