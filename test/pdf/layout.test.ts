import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { makePdf, prose, putLines, setColumn, wrap } from './make-pdf.js';

const titleBlock = (doc: PDFKit.PDFDocument, title = 'A Quiet Week in the Valley') =>
  putLines(doc, [
    { text: title, x: 56, y: 60, font: 'Times-Bold', size: 22 },
    { text: 'By Ada Lovelace', x: 56, y: 92, size: 10, font: 'Helvetica' },
  ]);

describe('PDF layout: lines to blocks', () => {
  it('reads one column as paragraphs separated by spacing', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      setColumn(doc, [1, 2, 3].map((i) => wrap(prose(i, 4), 90)), 56, 130);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    const paras = markdown.trim().split('\n\n');
    expect(paras[0]).toBe('# A Quiet Week in the Valley');
    expect(paras.slice(1)).toEqual([1, 2, 3].map((i) => prose(i, 4)));
  });

  it('tells paragraphs by first-line indent when there is no extra spacing', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      setColumn(doc, [1, 2].map((i) => wrap(prose(i, 4), 88)), 56, 130, { gap: 0, indent: 14 });
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain(`\n\n${prose(1, 4)}\n\n${prose(2, 4)}\n`);
  });

  it('reads two columns column by column, and a paragraph goes on into the next column', async () => {
    const second = wrap(prose(2, 6), 44);
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      // The second paragraph breaks from the bottom of the left column into the right one.
      const y = setColumn(doc, [wrap(prose(1, 30), 44)], 56, 130, { size: 10 });
      setColumn(doc, [second.slice(0, 3)], 56, y, { size: 10 });
      setColumn(doc, [second.slice(3), wrap(prose(3, 4), 44)], 310, 130, { size: 10 });
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown.trim().split('\n\n').slice(1)).toEqual([prose(1, 30), prose(2, 6), prose(3, 4)]);
  });

  it('makes headings from text larger than the body', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      let y = setColumn(doc, [wrap(prose(1, 4), 90)], 56, 130);
      putLines(doc, [{ text: 'What the council decided', x: 56, y: y + 6, font: 'Times-Bold', size: 15 }]);
      setColumn(doc, [wrap(prose(2, 4), 90)], 56, y + 30);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('\n\n## What the council decided\n\n');
  });

  it('makes lists from bullets and numbers', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      const y = setColumn(doc, [wrap(`${prose(1, 3)} The plan has three parts:`, 90)], 56, 130);
      setColumn(doc, [['• a new bridge over the river'], ['• two more buses on Sundays'], ['• longer library hours']], 56, y, { gap: 0 });
      setColumn(doc, [['1. Measure the water level.'], ['2. Ask the residents.']], 56, y + 60, { gap: 0 });
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('- a new bridge over the river\n- two more buses on Sundays\n- longer library hours');
    expect(markdown).toContain('1. Measure the water level.\n2. Ask the residents.');
  });

  it('makes a table from rows whose cells line up', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      const y = setColumn(doc, [wrap(prose(1, 4), 90)], 56, 130);
      const rows = [['Station', 'Level', 'Change'], ['North bridge', '2.4 m', '+0.3'], ['Old mill', '1.9 m', '-0.1']];
      rows.forEach((r, i) => putLines(doc, r.map((text, j) => ({ text, x: 56 + j * 120, y: y + 10 + i * 15, size: 11 }))));
      setColumn(doc, [wrap(prose(2, 4), 90)], 56, y + 70);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toMatch(/\| Station\s+\| Level\s+\| Change\s+\|\n\| -+ \| -+ \| -+ \|\n\| North bridge \| 2\.4 m\s+\| \+0\.3\s+\|\n\| Old mill\s+\| 1\.9 m\s+\| -0\.1\s+\|/);
  });

  it('moves footnotes to the end of the article', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      setColumn(doc, [wrap(prose(1, 4), 90), wrap(prose(2, 4), 90)], 56, 130);
      putLines(doc, [{ text: '1 The levels were measured by the county in February.', x: 56, y: 760, size: 8 }]);
      doc.addPage();
      setColumn(doc, [wrap(prose(3, 4), 90)], 56, 60);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown.trimEnd().endsWith('1 The levels were measured by the county in February.')).toBe(true);
    expect(markdown.indexOf(prose(3, 4))).toBeLessThan(markdown.indexOf('1 The levels'));
  });

  it('makes a superscript note reference and its note a GFM footnote', async () => {
    const line = 'The river rose two metres in a week, the highest level since records began.';
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      const y = setColumn(doc, [wrap(prose(1, 4), 90)], 56, 130);
      putLines(doc, [{ text: line, x: 56, y }]);
      doc.font('Times-Roman').fontSize(11);
      // The reference: a smaller "1" raised above the line's baseline, right after its full stop.
      putLines(doc, [{ text: '1', x: 56 + doc.widthOfString(line) + 0.5, y: y - 3, size: 7 }]);
      setColumn(doc, [wrap(prose(2, 4), 90)], 56, y + 11 * 1.35 + 8);
      putLines(doc, [{ text: '1 The levels were measured by the county in February.', x: 56, y: 760, size: 8 }]);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('since records began.[^1]');
    expect(markdown.trimEnd().endsWith('[^1]: The levels were measured by the county in February.')).toBe(true);
  });

  it('keeps an indented block quote', async () => {
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      const y = setColumn(doc, [wrap(prose(1, 4), 90)], 56, 130);
      const y2 = setColumn(doc, [wrap('We will rebuild the bridge before the winter, whatever it costs, because the valley needs it.', 70)], 100, y);
      setColumn(doc, [wrap(prose(2, 4), 90)], 56, y2);
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain('\n\n> We will rebuild the bridge before the winter, whatever it costs, because the valley needs it.\n\n');
  });

  it('joins a drop cap to its paragraph', async () => {
    const lines = wrap(prose(1, 5), 80);
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      putLines(doc, [{ text: 'T', x: 56, y: 128, font: 'Times-Bold', size: 36 }]);
      // The first two lines are set in beside the cap; the cap is the first letter of "The".
      putLines(doc, lines.map((text, i) => ({ text: i === 0 ? text.slice(1) : text, x: i < 2 ? 86 : 56, y: 130 + i * 15 })));
    });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain(`\n\n${lines.slice(0, 3).join(' ')}`);
  });

  it('drops a pull quote that repeats the body, and a caption without its figure', async () => {
    const quoted = 'Nobody in the valley remembers a spring this wet, said the miller.';
    const pdf = await makePdf((doc) => {
      titleBlock(doc);
      let y = setColumn(doc, [wrap(`${prose(1, 3)} ${quoted}`, 90)], 56, 130);
      putLines(doc, [{ text: `“${quoted}”`, x: 70, y: y + 8, font: 'Times-Italic', size: 16 }]);
      y = setColumn(doc, [wrap(prose(2, 4), 90)], 56, y + 40);
      doc.rect(56, y, 200, 100).fill('#999');
      doc.fillColor('black');
      putLines(doc, [{ text: 'The old mill in spring. (Photo: the author)', x: 56, y: y + 106, size: 8, font: 'Helvetica' }]);
      setColumn(doc, [wrap(prose(3, 4), 90)], 56, y + 140);
    });
    const { markdown, metadata } = await convert(pdf, { path: 'a.pdf', explain: true });
    expect(markdown.match(/a spring this wet/g)?.length).toBe(1);
    expect(markdown).not.toContain('Photo: the author');
    expect(metadata.warnings.map((w) => w.rule)).toEqual(expect.arrayContaining(['pdf-pull-quote', 'pdf-caption']));
  });
});
