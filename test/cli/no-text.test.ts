import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../pdf/make-pdf.js';
import { page, runCli, tempDir, writeTree } from '../batch/helpers.js';

/** A two-page PDF of drawings only: what a scan without OCR looks like to a text extractor. */
function scannedPdf(): Promise<Uint8Array> {
  return makePdf(
    (doc) => {
      doc.rect(40, 40, 500, 700).fill('#ccc');
      doc.addPage();
      doc.rect(40, 40, 500, 700).fill('#ccc');
    },
    { info: { Title: 'Scanned minutes', Author: 'Valley Council' } },
  );
}

describe('exit code 4: converted, but an input has no text layer', () => {
  it('a single scanned PDF exits 4 with its metadata and the needs-OCR warning', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'scan.pdf'), await scannedPdf());
    const run = await runCli(['scan.pdf', '--json'], root);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout).title).toBe('Scanned minutes');
    expect(run.stderr).toMatch(/needs OCR/);
  });

  it('a batch with a scanned PDF among pages converts all and exits 4', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1) });
    await writeFile(join(root, 'in', 'scan.pdf'), await scannedPdf());
    const run = await runCli(['in', '-o', 'out', '-j', '1'], root);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/2 inputs: /);
  });
});
