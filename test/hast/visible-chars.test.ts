import { describe, expect, it } from 'vitest';
import { visibleCharCounts, visibleChars } from '../../src/hast/util.js';
import type { Root } from 'hast';

/** What visibleChars counts: the characters this expression leaves (\s and the bidi controls removed). */
const SPACE_OR_BIDI = /[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;

describe('visibleChars', () => {
  it('counts as the expression does, on every BMP character', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const value = `a${String.fromCharCode(c)}b`;
      if (visibleChars(value) !== value.replace(SPACE_OR_BIDI, '').length) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts mixed text, astral characters as two code units', () => {
    for (const value of ['', '  \n\t', 'Item 1 in the list', '\u200eשלום\u200f עולם', 'a\u00a0b\u3000c\ufeff', '😀 x', '\u2066x\u2069\u202fy']) {
      expect(visibleChars(value)).toBe(value.replace(SPACE_OR_BIDI, '').length);
    }
  });

  it('gives each element the count of its rendered text', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: ' a b ' }, { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'cd\u200e' }] }, { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'xyz' }] }] }],
    };
    const counts = visibleCharCounts(tree);
    const div = tree.children[0] as import('hast').Element;
    expect(counts.get(div)).toBe(4);
    expect(counts.get(div.children[1] as import('hast').Element)).toBe(2);
  });
});
