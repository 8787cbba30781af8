import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { makePdf, printStamps, prose } from './make-pdf.js';

/**
 * A web page as a browser prints it: tagged, with a navigation block and a footer around the
 * article, and the browser's date/title and URL/page stamps drawn outside the structure tree.
 */
function printedPage(doc: PDFKit.PDFDocument): void {
  const page = doc.struct('Document');
  doc.addStructure(page);
  let y = 40;
  const line = (tag: string, text: string, size = 12, font = 'Helvetica') => {
    const el = doc.struct(tag, {}, () => {
      doc.font(font).fontSize(size).text(text, 40, y, { width: 520 });
      y = doc.y + 6;
    });
    return el;
  };
  const nav = doc.struct('Sect');
  page.add(nav);
  const menu = doc.struct('L');
  nav.add(menu);
  for (const item of ['Home', 'World', 'Valley', 'Sports', 'Weather', 'Subscribe']) {
    const li = doc.struct('LI');
    menu.add(li);
    li.add(line('LBody', item, 9));
    li.end();
  }
  menu.end();
  nav.end();
  const article = doc.struct('Art');
  page.add(article);
  article.add(line('H1', 'A Quiet Week in the Valley', 24, 'Times-Bold'));
  for (let i = 1; i <= 6; i++) {
    if (i === 4) article.add(line('H2', 'What the council decided', 16, 'Times-Bold'));
    article.add(line('P', prose(i, 5), 12, 'Times-Roman'));
    if (y > 700) {
      doc.addPage();
      y = 40;
    }
  }
  const list = doc.struct('L');
  article.add(list);
  for (const item of ['a new bridge over the river', 'two more buses on Sundays']) {
    const li = doc.struct('LI');
    list.add(li);
    li.add(line('Lbl', '•', 12, 'Times-Roman'));
    y -= 18;
    li.add(doc.struct('LBody', {}, () => {
      doc.font('Times-Roman').fontSize(12).text(item, 56, y);
      y = doc.y + 6;
    }));
    li.end();
  }
  list.end();
  article.end();
  const footer = doc.struct('Sect');
  page.add(footer);
  footer.add(line('P', 'About us · Contact · Privacy · Terms · Advertise with us · Careers', 8));
  footer.end();
  page.end();
  // The browser's stamps: plain page content, not in the structure tree.
  printStamps(doc, { date: '3/5/24, 9:30 AM', title: 'A Quiet Week in the Valley - Valley Gazette', url: 'https://news.example.org/valley/quiet-week' });
}

describe('tagged PDFs (printed web pages)', () => {
  it('reads headings, paragraphs and lists from the structure tree, without the print stamps or the page chrome', async () => {
    const pdf = await makePdf(printedPage, { tagged: true, lang: 'en-US', size: 'LETTER', info: { Title: 'A Quiet Week in the Valley - Valley Gazette' } } as PDFKit.PDFDocumentOptions);
    const { markdown, metadata } = await convert(pdf, { path: 'print.pdf', explain: true });
    expect(metadata.warnings.map((w) => w.rule)).toContain('pdf-tagged');
    expect(markdown).toContain(prose(1, 5));
    expect(markdown).toContain(prose(6, 5));
    expect(markdown).toContain('\n\n## What the council decided\n\n');
    expect(markdown).toContain('- a new bridge over the river\n- two more buses on Sundays');
    expect(markdown).not.toContain('9:30 AM');
    expect(markdown).not.toContain('Subscribe');
    expect(markdown).not.toContain('Privacy');
    expect(metadata.url).toBe('https://news.example.org/valley/quiet-week');
    expect(metadata.lang).toBe('en-US');
  });
});

