/**
 * PDFs made for the tests, with pdfkit: every fixture is a document we lay out ourselves, line by
 * line where a rule depends on exact positions (hyphens, columns, running heads). Standard PDF
 * fonts only (Times, Helvetica), except where a test needs glyphs they lack (ligatures), which uses
 * the Liberation Sans file that pdfjs-dist ships.
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Doc = PDFKit.PDFDocument;

const FIXED_DATE = new Date(Date.UTC(2024, 2, 5, 9, 30, 0));

export function liberationSans(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');
}

/** Build a PDF with pdfkit and collect its bytes. */
export function makePdf(build: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    ...options,
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: 'unboil tests', Creator: 'unboil tests', ...(options.info ?? {}) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  build(doc);
  doc.end();
  return done;
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline-ish top of the line, pdfkit's y (from the top of the page). */
  y: number;
  font?: string;
  size?: number;
}

/** Put lines exactly where asked, without wrapping. */
export function putLines(doc: Doc, lines: TextLine[]): void {
  for (const l of lines) {
    doc.font(l.font ?? 'Times-Roman').fontSize(l.size ?? 11);
    doc.text(l.text, l.x, l.y, { lineBreak: false });
  }
}

/**
 * Set paragraphs as justified lines in a column, line by line (so tests know where lines end):
 * each paragraph is given as its lines; paragraphs are separated by `gap` points.
 */
export function setColumn(doc: Doc, paragraphs: string[][], x: number, top: number, options: { size?: number; leading?: number; gap?: number; font?: string; indent?: number } = {}): number {
  const size = options.size ?? 11;
  const leading = options.leading ?? size * 1.35;
  let y = top;
  for (const para of paragraphs) {
    para.forEach((text, i) => {
      doc.font(options.font ?? 'Times-Roman').fontSize(size);
      doc.text(text, x + (i === 0 ? (options.indent ?? 0) : 0), y, { lineBreak: false });
      y += leading;
    });
    y += options.gap ?? size * 0.6;
  }
  return y;
}

/** Simple word wrap for tests that do not care where lines end. */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draw on every page after the content is laid out (pages are buffered). */
export function eachPage(doc: Doc, draw: (n: number, total: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    draw(i + 1, range.count);
  }
}

/** Running header and footer on every page: site name, the article's title, "Page n of N". */
export function runningHeads(doc: Doc, header: { left: string; right: string }, footer: (n: number, total: number) => string): void {
  eachPage(doc, (n, total) =>
    putLines(doc, [
      { text: header.left, x: 56, y: 28, font: 'Helvetica', size: 8 },
      { text: header.right, x: 380, y: 28, font: 'Helvetica', size: 8 },
      { text: footer(n, total), x: 270, y: 805, font: 'Helvetica', size: 8 },
    ]),
  );
}

/** A browser's print stamps on every (Letter) page: date and time, page title; URL, "n/N". */
export function printStamps(doc: Doc, stamps: { date: string; title: string; url: string }): void {
  eachPage(doc, (n, total) =>
    putLines(doc, [
      { text: stamps.date, x: 24, y: 12, font: 'Helvetica', size: 8 },
      { text: stamps.title, x: 200, y: 12, font: 'Helvetica', size: 8 },
      { text: stamps.url, x: 24, y: 772, font: 'Helvetica', size: 8 },
      { text: `${n}/${total}`, x: 570, y: 772, font: 'Helvetica', size: 8 },
    ]),
  );
}

/** A body text long enough to look like an article: n sentences from a fixed vocabulary. */
export function prose(seed: number, sentences: number): string {
  const subjects = ['The council', 'Residents', 'The new library', 'Engineers', 'A local farmer', 'The committee', 'Visitors', 'The river'];
  const verbs = ['approved', 'questioned', 'described', 'welcomed', 'measured', 'rebuilt', 'studied', 'reopened'];
  const objects = ['the bridge plans', 'a quieter street', 'the spring harvest', 'the old mill', 'new bus routes', 'the water level', 'a budget for repairs', 'the market square'];
  const tails = ['after a long debate.', 'before the winter.', 'with some caution.', 'for the third time.', 'on Tuesday evening.', 'despite the rain.', 'in good spirits.', 'without much fuss.'];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const k = seed * 7 + i * 3;
    out.push(`${subjects[k % 8]} ${verbs[(k + 1) % 8]} ${objects[(k + 2) % 8]} ${tails[(k + 5) % 8]}`);
  }
  return out.join(' ');
}
