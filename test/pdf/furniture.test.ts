import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { makePdf, printStamps, prose, putLines, runningHeads, setColumn, wrap } from './make-pdf.js';

describe('PDF page furniture', () => {
  it('drops running headers and "Page n of N" footers that repeat on every page', async () => {
    const pdf = await makePdf((doc) => {
      putLines(doc, [{ text: 'A Quiet Week in the Valley', x: 56, y: 60, font: 'Times-Bold', size: 22 }]);
      setColumn(doc, [1, 2, 3].map((i) => wrap(prose(i, 5), 90)), 56, 110);
      for (let p = 0; p < 2; p++) {
        doc.addPage();
        setColumn(doc, [4 + p, 6 + p].map((i) => wrap(prose(i, 5), 90)), 56, 70);
      }
      runningHeads(doc, { left: 'The Valley Gazette', right: 'A Quiet Week in the Valley' }, (n, t) => `Page ${n} of ${t}`);
    });
    const { markdown, metadata } = await convert(pdf, { path: 'a.pdf', explain: true });
    expect(markdown).not.toContain('Valley Gazette');
    expect(markdown).not.toMatch(/Page \d of 3/);
    expect(markdown.match(/A Quiet Week in the Valley/g)?.length).toBe(1);
    expect(metadata.source.pages).toBe(3);
    expect(metadata.siteName).toBe('The Valley Gazette');
    expect(metadata.warnings.map((w) => w.rule)).toEqual(expect.arrayContaining(['pdf-running-head', 'pdf-page-number']));
  });

  it('drops bare page numbers and a one-page document\'s small header and footer', async () => {
    const pdf = await makePdf((doc) => {
      putLines(doc, [
        { text: 'Valley Gazette · Local news', x: 56, y: 28, font: 'Helvetica', size: 8 },
        { text: 'A Quiet Week in the Valley', x: 56, y: 70, font: 'Times-Bold', size: 22 },
        { text: '© 2024 The Valley Gazette. All rights reserved.', x: 56, y: 805, font: 'Helvetica', size: 7 },
        { text: '– 1 –', x: 290, y: 790, font: 'Helvetica', size: 9 },
      ]);
      setColumn(doc, [1, 2].map((i) => wrap(prose(i, 5), 90)), 56, 120);
    });
    const { markdown, metadata } = await convert(pdf, { path: 'a.pdf' });
    expect(metadata.siteName).toBe('The Valley Gazette');
    expect(markdown).not.toContain('Local news');
    expect(markdown).not.toContain('All rights reserved');
    expect(markdown).not.toMatch(/\b1 –/);
    expect(markdown).toContain(prose(2, 5));
  });

  it('drops a browser\'s print stamps (date and title, URL and "1/2") and keeps the URL as metadata', async () => {
    const url = 'https://news.example.org/2024/03/quiet-week-in-the-valley';
    const pdf = await makePdf(
      (doc) => {
        putLines(doc, [{ text: 'A Quiet Week in the Valley', x: 40, y: 70, font: 'Times-Bold', size: 24 }]);
        setColumn(doc, [1, 2, 3].map((i) => wrap(prose(i, 6), 95)), 40, 120, { size: 12 });
        doc.addPage();
        setColumn(doc, [4, 5].map((i) => wrap(prose(i, 6), 95)), 40, 60, { size: 12 });
        printStamps(doc, { date: '3/5/24, 9:30 AM', title: 'A Quiet Week in the Valley - Valley Gazette', url });
      },
      { size: 'LETTER' },
    );
    const { markdown, metadata } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).not.toContain('9:30 AM');
    expect(markdown).not.toContain('news.example.org');
    expect(markdown).not.toContain('Valley Gazette');
    expect(markdown).not.toMatch(/\b[12]\/2\b/);
    expect(metadata.url).toBe(url);
  });
});
