import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { UnboilError } from '../../errors.js';
import { explain, NO_TEXT_RULE, warn } from '../../messages.js';
import { propose } from '../../metadata/candidates.js';
import { openError, openPdf, type PdfDocument } from './open.js';
import { readPdfInfo } from './info.js';
import { pageRuns, type PageRuns } from './runs.js';
import { pageLines, type Line } from './lines.js';
import { findFurniture, runningSiteName, stampedUrl } from './furniture.js';
import { layoutToHast } from './layout.js';
import { readTagged } from './tagged.js';
import { pageLinks, type PdfLink } from './links.js';
import { documentOf, el } from './hast.js';

/**
 * PDF bytes -> hast, for the shared pipeline. Tagged PDFs (a browser's "print to PDF") are read
 * from their structure tree, which keeps the web page's headings, paragraphs, lists and links, so
 * the HTML main-content selection serves them; untagged PDFs are rebuilt from text positions and
 * fonts (layout.ts). Pages are read one at a time and released as soon as their text is taken.
 */
export async function readPdf(bytes: Uint8Array, file: VFile): Promise<Root> {
  const { doc, truncated } = await openPdf(bytes);
  if (truncated) warn(file, 'pdf-truncated', 'the PDF is cut short (no trailer); the pages that are whole were read');
  try {
    return await readOpenPdf(doc, file);
  } catch (error) {
    // pdf.js can still fail past the opening (a damaged object stream): always a clear error.
    throw openError(error);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The document's text as hast: tagged structure when there is one, else the layout. */
async function readOpenPdf(doc: PdfDocument, file: VFile): Promise<Root> {
  file.data.pages = doc.numPages;
  await readPdfInfo(doc, file);
  const tagged = await readTagged(doc, file);
  if (tagged) {
    return documentOf(tagged.body, tagged.lang);
  }
  const links: PdfLink[] = [];
  const pages = await readAllRuns(doc, file, links);
  const chars = pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.str.length, 0), 0);
  if (chars === 0) {
    warn(file, NO_TEXT_RULE, `the PDF has no text layer (${doc.numPages} page(s) of images?); it needs OCR`);
    return documentOf([], null);
  }
  const bodySize = bodyRunSize(pages);
  const perPage = pages.map((p) => ({ height: p.height, lines: pageLines(p, bodySize) }));
  const furniture = findFurniture(perPage, bodySize);
  const url = stampedUrl(furniture);
  if (url) propose(file, 'url', url, 'text');
  const drop = new Set(furniture.map((h) => h.line));
  for (const kind of ['page-number', 'print-stamp', 'running-head'] as const) {
    const hits = furniture.filter((h) => h.kind === kind);
    if (hits.length) explain(file, `pdf-${kind}`, `dropped ${hits.length} ${kind.replace('-', ' ')} line(s), e.g. "${hits[0]!.line.text.slice(0, 60)}"`);
  }
  const lines: Line[] = perPage.flatMap((p) => p.lines.filter((l) => !drop.has(l)));
  const heights = new Map(pages.map((p) => [p.page, p.height]));
  const body = layoutToHast(lines, (page) => heights.get(page) ?? 792, file, links);
  const titles = (file.data.candidates ?? []).filter((c) => c.field === 'title').map((c) => String(c.value));
  propose(file, 'siteName', runningSiteName(furniture, titles.at(-1) ?? null), 'text');
  return documentOf([el('article', body)], null);
}

/**
 * Every page's text runs, one page at a time, and its link annotations (into `links`); a page that
 * cannot be read is skipped with a warning.
 */
async function readAllRuns(doc: PdfDocument, file: VFile, links: PdfLink[]): Promise<PageRuns[]> {
  const pages: PageRuns[] = [];
  let failed = 0;
  let rotated = 0;
  let firstError: unknown = null;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      const runs = await pageRuns(page, n);
      const annotations = await page.getAnnotations().catch(() => []);
      const [x0 = 0, y0 = 0] = page.view;
      page.cleanup();
      links.push(...pageLinks(annotations, runs, [x0, y0]));
      rotated += runs.rotated;
      pages.push(runs);
    } catch (error) {
      failed++;
      firstError ??= error;
    }
  }
  if (failed === doc.numPages) {
    throw new UnboilError('PDF_INVALID', `the PDF cannot be read: none of its ${doc.numPages} page(s) opens (${(firstError as Error)?.message ?? firstError})`, { cause: firstError });
  }
  if (failed) warn(file, 'pdf-page-unreadable', `${failed} of ${doc.numPages} page(s) could not be read and were skipped`);
  if (rotated) explain(file, 'pdf-rotated-text', `left out ${rotated} text run(s) drawn at an angle (watermarks, margin stamps)`);
  return pages;
}

/** The font size that carries most characters: the body text's. */
function bodyRunSize(pages: PageRuns[]): number {
  const weight = new Map<number, number>();
  for (const p of pages) for (const r of p.runs) {
    const size = Math.round(r.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + r.str.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}
