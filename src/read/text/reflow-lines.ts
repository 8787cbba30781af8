import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { documentWords, rejoinHyphenated } from './hyphenation.js';

/**
 * remark plugin: hard-wrapped lines (scrapers and text browsers wrap at 72-80 columns, PDFs at the
 * column edge) are reflowed into one line per paragraph; a word hyphenated at a line end is
 * re-joined when the document says the joined word is likelier (hyphenation.ts). Hard breaks that
 * the source marked as such (two trailing spaces, a backslash) are kept.
 */
export default function reflowLines() {
  return (tree: Root) => {
    const all: string[] = [];
    visit(tree, 'text', (node: Text) => {
      all.push(node.value);
    });
    const words = documentWords(all.join('\n'));
    visit(tree, 'text', (node: Text) => {
      if (!node.value.includes('\n')) return;
      node.value = rejoinHyphenated(node.value, words).replace(/[ \t]*\n[ \t]*/g, ' ');
    });
  };
}
