/**
 * The hyphens a line can end with when a word is broken across it: hyphen-minus, U+2010 HYPHEN,
 * and the soft hyphen (U+00AD) that a typesetter shows at a break. One set for both readers: the
 * scraped-text reader re-joins words broken across the lines of a text
 * (read/text/hyphenation.ts), the PDF reader words broken across the lines of a paragraph
 * (read/pdf/hyphenation.ts); each decides whether to join with the document as its dictionary.
 */
export const LINE_END_HYPHENS = '\\-\\u2010\\u00AD';

/** A line ending in a letter and a hyphen (the PDF reader's lines, one at a time). */
export const LINE_END_HYPHEN = new RegExp(`(\\p{L})[${LINE_END_HYPHENS}]$`, 'u');

/** A word broken at a line end inside a text: letters, a hyphen, a line break, letters. */
export const BROKEN_WORD = new RegExp(`(\\p{L}[\\p{L}\\p{M}'’]*)[${LINE_END_HYPHENS}]\\n[ \\t]*(\\p{L}[\\p{L}\\p{M}]*)`, 'gu');
