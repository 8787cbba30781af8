import { describe, expect, it } from 'vitest';
import { lineShape, PAGE_NUMBER } from '../../src/read/lines/page-lines.js';
import { BROKEN_WORD, LINE_END_HYPHEN } from '../../src/read/lines/hyphens.js';

// What the text and the PDF readers both do to lines, in one place (they used to hold two page-number
// patterns, each missing forms the other knew, and two sets of line-end hyphens).
describe('shared line handling', () => {
  it('knows every page-number form either reader knew', () => {
    for (const line of ['12', '- 12 -', 'Page 12', 'p. 12', 'pg. 12', 'pag. 3', '12 of 30', 'Seite 3 von 9', '3 / 9', 'xiv', '3 di 9']) {
      expect(PAGE_NUMBER.test(line), line).toBe(true);
    }
    for (const line of ['Chapter 12', '12 people died', 'Page one']) expect(PAGE_NUMBER.test(line), line).toBe(false);
  });

  it('compares running lines by their shape', () => {
    expect(lineShape('  Report 2020 —  Page 3 ')).toBe(lineShape('report 2021 — page 14'));
  });

  it('has one set of line-end hyphens', () => {
    expect(LINE_END_HYPHEN.test('mas\u2010')).toBe(true);
    expect('mas\u2010\nsive'.replace(BROKEN_WORD, '$1$2')).toBe('massive');
    expect('mas\u00AD\nsive'.replace(BROKEN_WORD, '$1$2')).toBe('massive');
  });
});
