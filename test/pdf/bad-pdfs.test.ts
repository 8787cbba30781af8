import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { isUnboilError } from '../../src/errors.js';
import { makePdf, prose, putLines, runningHeads, setColumn, wrap } from './make-pdf.js';

const article = (doc: PDFKit.PDFDocument) => {
  putLines(doc, [{ text: 'A Quiet Week in the Valley', x: 56, y: 60, font: 'Times-Bold', size: 22 }]);
  setColumn(doc, [1, 2].map((i) => wrap(prose(i, 5), 90)), 56, 110);
};

async function errorOf(input: Uint8Array): Promise<unknown> {
  try {
    await convert(input, { path: 'bad.pdf' });
  } catch (error) {
    return error;
  }
  return null;
}

describe('bad PDFs', () => {
  it('fails with PDF_ENCRYPTED when a password is needed to read', async () => {
    const pdf = await makePdf(article, { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
    const error = await errorOf(pdf);
    expect(isUnboilError(error) && error.code).toBe('PDF_ENCRYPTED');
    expect((error as Error).message).toMatch(/encrypted/);
  });

  it('opens a PDF encrypted with an empty user password (restrictions only)', async () => {
    const pdf = await makePdf(article, { ownerPassword: 'owner', permissions: { printing: 'highResolution' }, pdfVersion: '1.7' });
    const { markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(markdown).toContain(prose(2, 5));
  });

  it('warns that a PDF without a text layer needs OCR, and still gives its metadata', async () => {
    const pdf = await makePdf(
      (doc) => {
        doc.rect(40, 40, 500, 700).fill('#ccc');
        doc.addPage();
        doc.rect(40, 40, 500, 700).fill('#ccc');
      },
      { info: { Title: 'Scanned minutes of the council', Author: 'Valley Council' } },
    );
    const { metadata, markdown } = await convert(pdf, { path: 'scan.pdf' });
    expect(metadata.warnings.find((w) => w.rule === 'pdf-no-text')?.message).toMatch(/needs OCR/);
    expect(metadata.title).toBe('Scanned minutes of the council');
    expect(metadata.source.pages).toBe(2);
    expect(metadata.wordCount).toBe(0);
    expect(markdown).toBe('# Scanned minutes of the council\n');
  });

  it('fails with PDF_INVALID on bytes that are not a PDF past the header', async () => {
    const error = await errorOf(new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all\n'));
    expect(isUnboilError(error) && error.code).toBe('PDF_INVALID');
  });

  it('reads what it can of a truncated PDF, or fails with PDF_INVALID; never anything else', async () => {
    const pdf = await makePdf((doc) => {
      article(doc);
      doc.addPage();
      setColumn(doc, [3, 4].map((i) => wrap(prose(i, 5), 90)), 56, 60);
    });
    for (const share of [0.3, 0.6, 0.9]) {
      const cut = pdf.subarray(0, Math.floor(pdf.length * share));
      const error = await errorOf(cut);
      if (error) expect(isUnboilError(error) && error.code).toBe('PDF_INVALID');
    }
  });

  it('a PDF cut short after its catalog: the whole pages are read, with a pdf-truncated warning', async () => {
    // Written catalog first (as linearized "fast web view" PDFs are), cut inside its second page.
    const pageObject = (n: number, content: number) => `${n} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>\nendobj\n`;
    const stream = (n: number, text: string) => {
      const body = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
      return `${n} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n`;
    };
    const head = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>\nendobj\n3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n';
    const first = pageObject(4, 5) + stream(5, 'The first page tells how the harbour committee met on Tuesday.');
    const second = pageObject(6, 7) + stream(7, 'The second page gives the budget of the dredging works.');
    const cut = new TextEncoder().encode(head + first + second.slice(0, 40));
    const { markdown, metadata } = await convert(cut, { path: 'cut.pdf' });
    expect(markdown).toBe('The first page tells how the harbour committee met on Tuesday.\n');
    expect(metadata.warnings.map((w) => w.rule)).toContain('pdf-truncated');

    // A PDF that writes its catalog last (pdfkit), cut in its cross-reference table: every page.
    const pdf = await makePdf((doc) => {
      article(doc);
      doc.addPage();
      setColumn(doc, [3, 4].map((i) => wrap(prose(i, 5), 90)), 56, 60);
    });
    const whole = await convert(pdf, { path: 'whole.pdf' });
    const text = Buffer.from(pdf).toString('latin1');
    const inXref = await convert(pdf.subarray(0, text.indexOf('trailer') + 10), { path: 'cut.pdf' });
    expect(inXref.markdown).toBe(whole.markdown);
    expect(inXref.metadata.warnings.map((w) => w.rule)).toContain('pdf-truncated');
  });

  it('reads a 500-page PDF page by page', async () => {
    const pdf = await makePdf((doc) => {
      for (let p = 0; p < 500; p++) {
        if (p > 0) doc.addPage();
        if (p === 0) putLines(doc, [{ text: 'The Long Report', x: 56, y: 60, font: 'Times-Bold', size: 22 }]);
        setColumn(doc, [wrap(prose(p, 3), 90)], 56, 110);
      }
      runningHeads(doc, { left: 'Valley Council', right: 'The Long Report' }, (n, t) => `Page ${n} of ${t}`);
    });
    const { metadata, markdown } = await convert(pdf, { path: 'long.pdf' });
    expect(metadata.source.pages).toBe(500);
    expect(markdown).not.toMatch(/Page \d+ of 500/);
    expect(markdown).not.toContain('Valley Council');
    expect(markdown.split('\n\n').length).toBeGreaterThan(400);
  }, 120_000);
});
