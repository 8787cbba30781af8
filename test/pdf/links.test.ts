import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { makePdf, prose, putLines, setColumn, wrap } from './make-pdf.js';

/** Draw a link rectangle over `words` of a line set with putLines at (x, y) in Times-Roman 11. */
function linkOver(doc: PDFKit.PDFDocument, line: string, words: string, x: number, y: number, url: string): void {
  doc.font('Times-Roman').fontSize(11);
  const before = line.slice(0, line.indexOf(words));
  doc.link(x + doc.widthOfString(before), y, doc.widthOfString(words), 12, url);
}

describe('PDF link annotations (untagged)', () => {
  it('makes the text under a link annotation a Markdown link, within a line and across a hyphenated line break', async () => {
    const lines = [
      'The committee published its findings in a detailed report on the',
      'river basin last spring, and the council read them with great interest',
      'before the vote. Most members agreed that the floodplain manage-',
      'ment plan needed another year of careful study and public hearings.',
    ];
    const pdf = await makePdf((doc) => {
      putLines(doc, [{ text: 'Rivers and Councils', x: 56, y: 60, font: 'Times-Bold', size: 22 }]);
      setColumn(doc, [wrap(prose(1, 4), 90), lines, wrap(prose(2, 4), 90)], 56, 120);
      const top = 120 + wrap(prose(1, 4), 90).length * 11 * 1.35 + 11 * 0.6;
      linkOver(doc, lines[0]!, 'detailed report', 56, top, 'https://example.org/report');
      linkOver(doc, lines[2]!, 'floodplain manage-', 56, top + 2 * 11 * 1.35, 'https://example.org/plan');
      linkOver(doc, lines[3]!, 'ment', 56, top + 3 * 11 * 1.35, 'https://example.org/plan');
    });
    const { markdown } = await convert(pdf, { path: 'links.pdf' });
    expect(markdown).toContain('in a [detailed report](https://example.org/report) on the river basin');
    expect(markdown).toContain('agreed that the [floodplain management](https://example.org/plan) plan needed');
  });
});
