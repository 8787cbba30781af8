import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { collapseSpaces } from '../../hast/util.js';

/**
 * Small mdast helpers for the text reader. Hand-written (a few lines) rather than adding
 * mdast-util-to-string as a direct dependency for one function.
 */

/** The visible text of a node: text, code and link text; images give nothing. */
export function mdastText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'definition') return '';
  if (node.type === 'break') return ' ';
  if ('children' in node) {
    const sep = node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root' ? ' ' : '';
    return (node.children as Nodes[]).map(mdastText).join(sep);
  }
  return '';
}

/** Text with white space collapsed and trimmed. */
export function squash(text: string): string {
  return collapseSpaces(text).trim();
}

/**
 * How long a text is as prose, in words: runs of letters and digits, a word for about every two
 * characters of a script written without spaces. The text reader's measure of a block (is it
 * prose, a title, a label?), which must hold for Chinese or Thai too; the `wordCount` of the
 * output is counted as design/OUTPUT.md says, on white space (hast/words.ts). One rule for both
 * changed 13 of text-dev's 83 outputs, with thresholds tuned on this one.
 */
export function proseWords(text: string): number {
  // Scripts written without spaces (Chinese, Japanese, Thai): a word is about two characters.
  const unspaced = Math.ceil((text.match(UNSPACED)?.length ?? 0) / CHARS_PER_UNSPACED_WORD);
  return (text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0) + unspaced;
}

const CHARS_PER_UNSPACED_WORD = 2;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/** Words of a node that sit inside links. */
export function linkWords(node: Nodes): number {
  if (node.type === 'link' || node.type === 'linkReference') return proseWords(mdastText(node));
  if ('children' in node) return (node.children as Nodes[]).reduce((n, c) => n + linkWords(c), 0);
  return 0;
}

/** Whether a block is a paragraph whose only content (bar white space) is one link. */
export function soleLink(node: RootContent): (PhrasingContent & { type: 'link' }) | null {
  if (node.type !== 'paragraph') return null;
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && parts[0]!.type === 'link' ? parts[0] : null;
}

export function isParent(node: Nodes): node is Parent & Nodes {
  return 'children' in node;
}
