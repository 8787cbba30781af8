import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { computeStats } from '../extract/stats.js';
import { explain } from '../messages.js';
import { firstWords } from './first-words.js';
import { NON_CONTENT_TAGS } from './vocabulary.js';

/**
 * rehype plugin: drop what is never article text: scripts, styles, embeds, form controls,
 * comments, and elements the page hides (`hidden`, `aria-hidden`, `display:none`).
 */
/**
 * A `<noscript>` holding at least this many characters of prose (paragraphs, not markup left as text) is the page as a reader without
 * scripts sees it (a forum's crawler view of its posts), not a tracking pixel: unboil runs no
 * scripts, so its content is kept (as a `<div>`).
 */
const NOSCRIPT_MIN_TEXT = 200;
/**
 * A hidden element holding at least this share of the page's text is a wrapper that the page's
 * scripts reveal on load (pre-rendered apps hide the whole page until then): kept, as a reader
 * with scripts sees it.
 */
const HIDDEN_WRAPPER_SHARE = 0.9;

export default function dropNonContent() {
  return (tree: Root, file: VFile) => {
    walkElements(tree, (node) => {
      if (node.tagName === 'noscript' && (computeStats(node).get(node)?.proseText ?? 0) >= NOSCRIPT_MIN_TEXT) node.tagName = 'div';
    });
    const stats = computeStats(tree);
    const pageText = stats.get(tree)!.text;
    removeWhere(tree, (node) => {
      if (node.type === 'comment') return true;
      if (!isElement(node)) return false;
      if (NON_CONTENT_TAGS.has(node.tagName)) return true;
      if (!isHidden(node)) return false;
      if ((stats.get(node)?.text ?? 0) >= pageText * HIDDEN_WRAPPER_SHARE && pageText > 0) return false;
      // Hidden text is a removal a reader may question; scripts and styles are not text.
      if (file.data.explain && textOf(node) !== '') explain(file, 'drop-hidden', `dropped hidden <${node.tagName}>: "${firstWords(node)}"`);
      return true;
    });
  };
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)/i;

function isHidden(node: import('hast').Element): boolean {
  if (node.properties?.hidden != null && node.properties.hidden !== false) return true;
  if (attr(node, 'ariaHidden') === 'true' && node.tagName !== 'img' && node.tagName !== 'figure') return true;
  const style = attr(node, 'style');
  return style !== null && HIDDEN_STYLE.test(style);
}
