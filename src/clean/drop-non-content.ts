import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement, removeWhere, textOf } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from './first-words.js';
import { NON_CONTENT_TAGS } from './vocabulary.js';

/**
 * rehype plugin: drop what is never article text: scripts, styles, embeds, form controls,
 * comments, and elements the page hides (`hidden`, `aria-hidden`, `display:none`).
 */
export default function dropNonContent() {
  return (tree: Root, file: VFile) => {
    removeWhere(tree, (node) => {
      if (node.type === 'comment') return true;
      if (!isElement(node)) return false;
      if (NON_CONTENT_TAGS.has(node.tagName)) return true;
      if (!isHidden(node)) return false;
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
