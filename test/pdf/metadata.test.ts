import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { makePdf, prose, putLines, setColumn, wrap } from './make-pdf.js';

const body = (doc: PDFKit.PDFDocument, top = 110) => setColumn(doc, [1, 2].map((i) => wrap(prose(i, 5), 90)), 56, top);

describe('PDF metadata', () => {
  it('reads the info dictionary and the catalog language', async () => {
    const pdf = await makePdf(body, {
      lang: 'en-GB',
      info: { Title: 'Bridges of the Valley', Author: 'Ada Lovelace; Charles Babbage', Subject: 'How the valley rebuilt its bridges', Keywords: 'bridges, rivers; council' },
    });
    const { metadata } = await convert(pdf, { path: 'a.pdf' });
    expect(metadata.title).toBe('Bridges of the Valley');
    expect(metadata.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(metadata.description).toBe('How the valley rebuilt its bridges');
    expect(metadata.tags).toEqual(['bridges', 'rivers', 'council']);
    expect(metadata.lang).toBe('en-GB');
    expect(metadata.published).toBe('2024-03-05T09:30:00Z');
    expect(metadata.fieldSources).toMatchObject({ title: 'pdf-info', authors: 'pdf-info', lang: 'pdf-info', published: 'pdf-info' });
  });

  it('reads XMP when the info dictionary says nothing', async () => {
    const pdf = await makePdf(body, { subset: 'PDF/A-1b', pdfVersion: '1.4', info: { Title: 'Bridges in XMP', Author: 'Ada Lovelace' } } as PDFKit.PDFDocumentOptions);
    // Blank the info dictionary's keys (same length, so the file's offsets stay right): only the XMP packet is left.
    const text = Buffer.from(pdf).toString('latin1').replace('/Title', '/Xitle').replace('/Author', '/Xuthor');
    const { metadata } = await convert(new Uint8Array(Buffer.from(text, 'latin1')), { path: 'a.pdf' });
    expect(metadata.title).toBe('Bridges in XMP');
    expect(metadata.authors.map((a) => a.name)).toEqual(['Ada Lovelace']);
    expect(metadata.fieldSources).toMatchObject({ title: 'xmp', authors: 'xmp' });
  });

  it('reads the first page\'s title block: kicker, title, byline and dateline; a stated date beats the file\'s', async () => {
    const pdf = await makePdf((doc) => {
      putLines(doc, [
        { text: 'LOCAL NEWS', x: 56, y: 50, font: 'Helvetica', size: 8 },
        { text: 'The Bridge That Took Ten Years', x: 56, y: 66, font: 'Times-Bold', size: 22 },
        { text: 'By Ada Lovelace and Charles Babbage | March 3, 2020', x: 56, y: 98, font: 'Helvetica', size: 9 },
      ]);
      body(doc, 130);
    });
    const { metadata, markdown } = await convert(pdf, { path: 'a.pdf' });
    expect(metadata.title).toBe('The Bridge That Took Ten Years');
    expect(metadata.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(metadata.published).toBe('2020-03-03');
    expect(metadata.section).toBe('LOCAL NEWS');
    expect(markdown).not.toContain('LOCAL NEWS');
    expect(markdown).not.toContain('March 3, 2020');
    expect(markdown.startsWith('# The Bridge That Took Ten Years\n\nThe')).toBe(true);
  });
});
