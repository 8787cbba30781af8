import type { Element } from 'hast';
import { textOf } from './util.js';

/** The first words of a block, for `--explain` messages (so a reader can find what was removed). */
export function firstWords(node: Element, count = 8): string {
  const words = textOf(node, 400).split(' ').slice(0, count).join(' ');
  return words.length > 80 ? `${words.slice(0, 77)}...` : words;
}
