import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isElement, removeWhere, textOf } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { tokenize } from './shingles.js';

/**
 * A description list whose every term and description is this short (words) is a card of facts
 * ("Joined: Jun 2016", "Messages: 11", "Member"), not a post's text: a glossary in a post describes
 * its terms in sentences.
 */
const CARD_MAX_WORDS = 5;
/**
 * The thread repeats such a card beside each post (its author's name, rank and post count); one
 * or two short lists may be a post's own. From this many cards on the page, they are furniture.
 */
const MIN_CARDS = 3;

/**
 * rehype plugin for thread pages (pipeline.ts): drop the author cards beside each post, found by
 * their shape and their repetition (MIN_CARDS short description lists), not by their names.
 */
export default function dropAuthorCards() {
  return (tree: Root, file: VFile) => {
    const cards: Element[] = [];
    const stack: Array<Root | Element> = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (child.tagName === 'dl' && isCard(child)) cards.push(child);
        else stack.push(child);
      }
    }
    if (cards.length < MIN_CARDS) return;
    const drop = new Set(cards);
    for (const card of cards) explain(file, 'drop-author-card', () => `dropped a post's author card <dl>: "${firstWords(card)}"`);
    removeWhere(tree, (c) => isElement(c) && drop.has(c));
  };
}

function isCard(dl: Element): boolean {
  let items = 0;
  const stack: Element[] = [dl];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'dt' || child.tagName === 'dd') {
        items++;
        if (tokenize(textOf(child)).length > CARD_MAX_WORDS) return false;
      } else if (child.tagName === 'div') stack.push(child); // <dl><div><dt/><dd/></div></dl>
    }
  }
  return items > 0;
}
