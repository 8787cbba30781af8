import { describe, expect, it } from 'vitest';
import { collapseSpaces, isWhiteSpace, textOf } from '../../src/hast/util.js';
import { wordCount } from '../../src/hast/words.js';
import type { Element } from 'hast';
import { countStringCalls } from '../helpers/counting.js';

/** Every character `\s` matches, and some it does not, to build texts from. */
const PIECES = ['a', 'Bé', '😀', '-', '\u200b', '\u200e', ' ', '  ', '\t', '\n', '\r\n', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

function randomTexts(count: number): string[] {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 12) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''));
}

describe('white space', () => {
  it('isWhiteSpace agrees with \\s on every BMP character', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });

  it('collapseSpaces and wordCount give what the expressions give', () => {
    for (const text of randomTexts(20_000)) {
      expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
      expect(wordCount(text)).toBe(text.split(/\s+/u).filter(Boolean).length);
    }
  });

  it('reads 5,000 single-spaced paragraphs without a replace or a split of their text (each built a new string)', () => {
    const paragraphs: Element[] = Array.from({ length: 5000 }, (_, i) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `Item ${i} in the list` }] }));
    let words = 0;
    const replaces = countStringCalls('replace', () => {
      for (const p of paragraphs) expect(textOf(p)).toBe(`Item ${paragraphs.indexOf(p)} in the list`);
    });
    const splits = countStringCalls('split', () => {
      for (const p of paragraphs) words += wordCount(textOf(p));
    });
    expect(words).toBe(5 * 5000);
    expect(replaces).toBe(0);
    expect(splits).toBe(0);
  });
});
