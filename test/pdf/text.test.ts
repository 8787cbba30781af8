import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { buildVocabulary, hyphenJoin } from '../../src/read/pdf/hyphenation.js';
import { normaliseRunText } from '../../src/read/pdf/normalise.js';
import { liberationSans, makePdf, putLines, setColumn } from './make-pdf.js';

describe('PDF text repairs', () => {
  it('re-joins words hyphenated at line ends, and only real words', async () => {
    const pdf = await makePdf((doc) => {
      putLines(doc, [{ text: 'Bridges', x: 56, y: 60, font: 'Times-Bold', size: 22 }]);
      setColumn(
        doc,
        [
          [
            'The council approved the plans for a mas-',
            'sive new bridge over the river, and the mayor was re-',
            'elected on the same evening by the North-',
            'Valley wards, after a long and tiring debate.',
          ],
          ['Nobody doubted that the mayor would be re-elected this year, and the new bridge would be massive.'],
        ],
        56,
        110,
      );
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('for a massive new bridge over the river, and the mayor was re-elected on the same evening by the North-Valley wards');
  });

  it('decides a hyphen at a line end from the document\'s own words', () => {
    const vocabulary = buildVocabulary(['a massive bridge', 'the well-known miller']);
    expect(hyphenJoin('a mas-', 'sive', vocabulary)).toBe('join');
    expect(hyphenJoin('the well\u2010', 'known', vocabulary)).toBe('keep');
    expect(hyphenJoin('the Anglo-', 'Saxon', vocabulary)).toBe('keep');
    expect(hyphenJoin('ordinary line', 'next', vocabulary)).toBeNull();
  });

  it('drops soft hyphens, zero-width and control characters; spells out ligatures; plain spaces', () => {
    expect(normaliseRunText('co\u00ADoperative\u200B o\uFB03ce\u0000 10\u00A0km\u2009away')).toBe('cooperative office 10 km away');
  });

  // (pdfkit draws a soft hyphen as a space glyph, so soft hyphens are tested on the text alone above.)
  it('spells out ligatures and plain non-breaking spaces in a PDF', async () => {
    const pdf = await makePdf((doc) => {
      doc.font(liberationSans()).fontSize(20).text('Final figures', 56, 60, { lineBreak: false });
      doc.fontSize(11);
      doc.text('The \uFB01nal \uFB02oor of the o\uFB03ce was cooperative and 10\u00A0km away from the river.'.replace('o\uFB03ce', 'office'), 56, 110, { lineBreak: false });
      doc.text('The second line of the article says a little more about the final floor of the office.', 56, 125, { lineBreak: false });
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('The final floor of the office was cooperative and 10 km away from the river.');
  });
});
