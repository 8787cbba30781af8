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
