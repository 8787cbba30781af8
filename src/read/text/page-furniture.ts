import type { VFile } from 'vfile';
import { explain } from '../../messages.js';
import { lineShape, PAGE_NUMBER } from '../lines/page-lines.js';

/**
 * Page furniture of paginated text (pdftotext and print-to-text dumps): pages separated by form
 * feeds, with running headers and footers repeated on every page and bare page numbers. The page
 * number and the shape of a running line are read/lines/page-lines.ts', shared with the PDF reader.
 */

/** How many lines at the top and at the bottom of a page may be furniture. */
const EDGE_LINES = 3;
/** A line is a running header/footer when it recurs at a page edge on this share of pages... */
const RUNNING_SHARE = 0.4;
/** ...and on at least this many pages. */
const RUNNING_MIN_PAGES = 2;

/** The indexes (into `lines`) of the first and last few non-blank lines of a page. */
function edges(lines: string[]): number[] {
  const filled = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}

/** Drop running headers, footers and bare page numbers from pages of lines. */
export function dropRunningLines(pages: string[][]): { pages: string[][]; dropped: number } {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(edges(page).map((i) => lineShape(page[i]!)));
    for (const s of seen) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const needed = Math.max(RUNNING_MIN_PAGES, Math.ceil(pages.length * RUNNING_SHARE));
  let dropped = 0;
  const out = pages.map((page) => {
    const drop = new Set(
      edges(page).filter((i) => {
        const line = page[i]!;
        return PAGE_NUMBER.test(line) || (pages.length >= RUNNING_MIN_PAGES && (counts.get(lineShape(line)) ?? 0) >= needed);
      }),
    );
    dropped += drop.size;
    return page.filter((_, i) => !drop.has(i));
  });
  return { pages: out, dropped };
}

/**
 * Text with form feeds: split into pages, drop their furniture, and join them again with a
 * paragraph break (a paragraph cut by the page end is re-joined by merge-split-paragraphs.ts).
 */
export function dropPageFurniture(text: string, file: VFile): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((p) => p.split('\n'));
  if (pages.length > 1 && pages[pages.length - 1]!.every((l) => !l.trim())) pages.pop();
  const { pages: kept, dropped } = dropRunningLines(pages);
  if (dropped > 0) explain(file, 'drop-page-furniture', `dropped ${dropped} running header, footer and page-number lines on ${pages.length} pages`);
  return kept.map((lines) => lines.join('\n').trim()).filter(Boolean).join('\n\n') + '\n';
}
