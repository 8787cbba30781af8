/**
 * Writes the PDF golden fixtures (fixtures/pdf-*\/input.pdf) from documents laid out here with
 * pdfkit — our own text, our own layout, never a third-party PDF:
 *   node --import tsx scripts/make-pdf-fixtures.ts && npm run fixtures:update pdf-typeset-two-column pdf-print-tagged pdf-report
 * The files are committed; rerun only to change a fixture (then review `git diff fixtures/`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf, printStamps, putLines, runningHeads, type Doc } from '../test/pdf/make-pdf.js';

const STORY = [
  'When the old stone bridge over the Arden closed in March, the eastern half of the valley lost its shortest road to the market town overnight.',
  'Farmers who had crossed it every morning for forty years now drive an extra eighteen kilometres, and the school bus leaves half an hour earlier than it used to.',
  'The council had known for a decade that the bridge was failing. An engineering survey in 2014 found cracks in two of its three arches and recommended immediate repairs, which were postponed twice for lack of money.',
  'Nobody in the valley remembers a winter this hard on the roads, said Maria Keller, who runs the bakery on the eastern bank and now delivers bread by a temporary footbridge.',
  'The new plan, approved on Tuesday by a narrow majority, replaces the old structure with a single steel span. Work is due to begin in the autumn and should take eleven months, weather permitting.',
  'Opponents argued that the historic arches should be restored rather than demolished. A petition with more than two thousand signatures asked the council to reconsider, but the engineers said a restoration would cost twice as much and last half as long.',
  'For now, the ferry that the council hired in April carries cars across the river every twenty minutes between six in the morning and nine at night. Its operators say demand has doubled since the summer.',
  'Whatever the outcome, most residents agree on one thing: the valley cannot wait another ten years for a decision.',
];

/** Greedy line breaking that hyphenates long words at the end of a line, as justified typesetting does. */
function breakLines(text: string, width: number, doc: Doc, font: string, size: number): string[] {
  doc.font(font).fontSize(size);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (doc.widthOfString(candidate) <= width) {
      line = candidate;
      continue;
    }
    // Hyphenate a long word when a fair part of it fits.
    let split = 0;
    if (/^[a-z]{8,}[,.]?$/.test(word)) {
      for (let k = word.length - 4; k >= 4; k--) {
        if (doc.widthOfString(`${line} ${word.slice(0, k)}-`) <= width) {
          split = k;
          break;
        }
      }
    }
    if (split) {
      lines.push(`${line} ${word.slice(0, split)}-`);
      line = word.slice(split);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function typesetTwoColumn(): Promise<Uint8Array> {
  return makePdf((doc) => {
    const size = 10;
    const leading = 13.5;
    const columns = [56, 310];
    const width = 230;
    const top = [200, 70];
    const bottom = 780;
    putLines(doc, [
      { text: 'VALLEY AFFAIRS', x: 56, y: 60, font: 'Helvetica-Bold', size: 8 },
      { text: 'The Bridge That Split the Valley', x: 56, y: 76, font: 'Times-Bold', size: 24 },
      { text: 'Eleven months of work, eighteen kilometres of detour, and a vote that nobody wanted', x: 56, y: 110, font: 'Times-Italic', size: 13 },
      { text: 'By Ada Lovelace  |  March 3, 2024', x: 56, y: 140, font: 'Helvetica', size: 9 },
    ]);
    let page = 0;
    let col = 0;
    let y = top[0]!;
    const place = (text: string, x: number, atY: number) => putLines(doc, [{ text, x, y: atY, size }]);
    const nextColumn = () => {
      col++;
      if (col === 2) {
        doc.addPage();
        page++;
        col = 0;
      }
      y = page === 0 ? top[0]! : top[1]!;
      if (col === 1 && page === 0) y = top[0]!;
    };
    STORY.forEach((para, i) => {
      for (const text of breakLines(para, width, doc, 'Times-Roman', size)) {
        if (y > bottom) nextColumn();
        place(text, columns[col]!, y);
        y += leading;
      }
      y += 5;
      if (i === 3 && page === 0) {
        // A pull quote in the right column that repeats the body.
        putLines(doc, [
          { text: '“Nobody in the valley remembers', x: columns[col]! + 8, y: y + 6, font: 'Times-Italic', size: 14 },
          { text: 'a winter this hard on the roads”', x: columns[col]! + 8, y: y + 24, font: 'Times-Italic', size: 14 },
        ]);
        y += 52;
      }
    });
    runningHeads(doc, { left: 'The Valley Gazette', right: 'The Bridge That Split the Valley' }, (n, total) => `Page ${n} of ${total}`);
  }, { info: { Title: 'The Bridge That Split the Valley', Author: 'Ada Lovelace' } });
}

async function printTagged(): Promise<Uint8Array> {
  return makePdf(
    (doc) => {
      const root = doc.struct('Document');
      doc.addStructure(root);
      let y = 40;
      const block = (tag: string, text: string, size: number, font: string, x = 40) =>
        doc.struct(tag, {}, () => {
          doc.font(font).fontSize(size).text(text, x, y, { width: 530 - (x - 40) });
          y = doc.y + 8;
        });
      const nav = doc.struct('Sect');
      root.add(nav);
      const menu = doc.struct('L');
      nav.add(menu);
      for (const item of ['Home', 'News', 'Valley', 'Sport', 'Weather', 'Subscribe']) {
        const li = doc.struct('LI');
        menu.add(li);
        li.add(block('LBody', item, 9, 'Helvetica'));
        li.end();
      }
      menu.end();
      nav.end();
      const article = doc.struct('Art');
      root.add(article);
      article.add(block('H1', 'The Bridge That Split the Valley', 26, 'Times-Bold'));
      article.add(block('P', 'By Ada Lovelace · March 3, 2024', 10, 'Helvetica'));
      STORY.forEach((para, i) => {
        if (i === 4) article.add(block('H2', 'The new plan', 18, 'Times-Bold'));
        if (y > 660) {
          doc.addPage();
          y = 40;
        }
        article.add(block('P', para, 14, 'Times-Roman'));
      });
      article.end();
      const footer = doc.struct('Sect');
      root.add(footer);
      footer.add(block('P', 'About us · Contact · Privacy policy · Terms of use · Advertise · Careers', 8, 'Helvetica'));
      footer.end();
      root.end();
      printStamps(doc, { date: '3/5/24, 9:30 AM', title: 'The Bridge That Split the Valley - The Valley Gazette', url: 'https://gazette.example.org/valley/bridge-that-split-the-valley' });
    },
    { tagged: true, lang: 'en-US', size: 'LETTER', info: { Title: 'The Bridge That Split the Valley - The Valley Gazette' } } as PDFKit.PDFDocumentOptions,
  );
}

async function report(): Promise<Uint8Array> {
  return makePdf((doc) => {
    let y = 60;
    const para = (text: string, size = 11) => {
      for (const line of breakLines(text, 480, doc, 'Times-Roman', size)) {
        putLines(doc, [{ text: line, x: 56, y, size }]);
        y += size * 1.35;
      }
      y += 7;
    };
    const heading = (text: string) => {
      y += 6;
      putLines(doc, [{ text, x: 56, y, font: 'Times-Bold', size: 15 }]);
      y += 26;
    };
    putLines(doc, [{ text: 'Arden Bridge: Options for Replacement', x: 56, y, font: 'Times-Bold', size: 22 }]);
    y += 36;
    para(STORY[2]!);
    para('The working group compared three options on cost, time and the life of the structure:');
    for (const item of ['Restore the three stone arches', 'Replace them with a single steel span', 'Keep the ferry and build nothing for now']) {
      putLines(doc, [{ text: `• ${item}`, x: 56, y, size: 11 }]);
      y += 15;
    }
    y += 7;
    heading('Costs and time');
    para('The table gives the estimates the engineers presented to the council in January, in millions of euros.');
    const rows = [['Option', 'Cost', 'Months', 'Life (years)'], ['Restore arches', '9.8', '20', '40'], ['Steel span', '6.1', '11', '80'], ['Ferry only', '0.9', '0', '5']];
    for (const row of rows) {
      putLines(doc, row.map((text, j) => ({ text, x: 56 + j * 120, y, size: 11, font: row === rows[0] ? 'Times-Bold' : 'Times-Roman' })));
      y += 16;
    }
    y += 8;
    para('The steel span is the cheapest option that lasts, and the working group recommends it.1');
    heading('Next steps');
    for (const [i, item] of ['Publish the tender in May.', 'Choose a contractor by the end of July.', 'Begin work in the autumn.'].entries()) {
      putLines(doc, [{ text: `${i + 1}. ${item}`, x: 56, y, size: 11 }]);
      y += 15;
    }
    putLines(doc, [{ text: '1 Estimates include a contingency of fifteen per cent.', x: 56, y: 770, size: 8 }]);
    putLines(doc, [{ text: '— 1 —', x: 285, y: 805, size: 9, font: 'Helvetica' }]);
  }, { info: { Title: 'Arden Bridge: Options for Replacement', Author: 'Valley Council Working Group', Keywords: 'bridge, council, tender' } });
}

const fixtures: Record<string, () => Promise<Uint8Array>> = {
  'pdf-typeset-two-column': typesetTwoColumn,
  'pdf-print-tagged': printTagged,
  'pdf-report': report,
};
for (const [name, make] of Object.entries(fixtures)) {
  const dir = join('fixtures', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'input.pdf'), await make());
  process.stdout.write(`wrote ${dir}/input.pdf\n`);
}
