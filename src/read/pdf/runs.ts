import type { PdfPage } from './open.js';
import { normaliseRunText } from './normalise.js';

/** One text run as drawn: its text, baseline origin (PDF units, y up), advance width, font size and font. */
export interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  font: string;
}

export interface PageRuns {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: Run[];
  /** Runs skipped because they are drawn at an angle (margin stamps, watermarks). */
  rotated: number;
}

/**
 * The text runs of one page from pdf.js's `getTextContent`, in page space with y pointing up from
 * the page's bottom edge. Runs drawn at an angle are counted and left out: upright body text is
 * what an article is made of; angled text is watermarks and margin stamps.
 */
export async function pageRuns(page: PdfPage, pageNumber: number): Promise<PageRuns> {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const content = await page.getTextContent();
  const runs: Run[] = [];
  let rotated = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const str = normaliseRunText(item.str);
    const [a, b, c, d, e, f] = item.transform as number[];
    if (str.trim() === '') {
      // An invisible character drawn as its own run (a soft hyphen inside a word) must not leave
      // a gap that reads as a space: the run before stretches over it.
      const prev = runs.at(-1);
      if (str === '' && item.str !== '' && prev && Math.abs(prev.y - (f! - y0)) < 0.1 * prev.size) prev.w = Math.max(prev.w, e! - x0 + item.width - prev.x);
      continue;
    }
    if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!) || a! <= 0 || d! <= 0) {
      rotated++;
      continue;
    }
    const size = Math.abs(d!) || item.height;
    runs.push({ str, x: e! - x0, y: f! - y0, w: item.width, size, font: item.fontName });
  }
  return { page: pageNumber, width: x1 - x0, height: y1 - y0, runs, rotated };
}
