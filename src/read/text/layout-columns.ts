import type { VFile } from 'vfile';
import { explain, warn } from '../../messages.js';

/**
 * Side-by-side columns as `pdftotext -layout` prints them: each line holds a line of the left
 * column, a gutter of spaces, and a line of the right column. Read in order, the two columns
 * interleave line by line. A page is de-interleaved when one gutter position runs down most of
 * its lines; lines that cross the gutter (a centred title, a full-width paragraph) stay where
 * they are and cut the columns into bands, each read left then right.
 */

/** Lines shorter than this never carry two columns. */
const MIN_TWO_COLUMN_LINE = 40;
/** The gutter is this many spaces at least. */
const MIN_GUTTER = 3;
/** Share of a page's lines whose text stays clear of the gutter position. */
const CLEAR_SHARE = 0.85;
/** Share of a page's lines that must have text on both sides of the gutter. */
const BOTH_SIDES_SHARE = 0.3;
/**
 * A printed page is at most this many columns wide and this many lines long: text beyond that
 * (one long unwrapped line, a whole book without form feeds) is not a page of columns, and
 * scanning it for a gutter would cost width × lines.
 */
const MAX_LAYOUT_WIDTH = 300;
const MAX_PAGE_LINES = 400;
/** Pages with fewer non-blank lines are not looked at. */
const MIN_PAGE_LINES = 6;

export function deinterleaveColumns(text: string, file: VFile): string {
  let changed = 0;
  let doubtful = 0;
  const pages = text.split('\f').map((page) => {
    const lines = page.split('\n');
    const gutter = findGutter(lines);
    if (gutter === null) {
      if (looksTwoColumn(lines)) doubtful++;
      return page;
    }
    changed++;
    return splitAt(lines, gutter).join('\n');
  });
  if (changed > 0) explain(file, 'deinterleave-columns', `read ${changed} page(s) of side-by-side columns left column first`);
  if (doubtful > 0) warn(file, 'layout-columns', `${doubtful} page(s) look like side-by-side columns that could not be separated; their lines may interleave`);
  return pages.join('\f');
}

/** The column of a gutter that runs down the page, or null. */
function findGutter(lines: string[]): number | null {
  const filled = lines.filter((l) => l.trim());
  if (filled.length < MIN_PAGE_LINES) return null;
  let width = 0;
  for (const l of filled) width = Math.max(width, l.length);
  if (width < MIN_TWO_COLUMN_LINE || width > MAX_LAYOUT_WIDTH || filled.length > MAX_PAGE_LINES) return null;
  let best: number | null = null;
  let bestBoth = 0;
  for (let x = Math.floor(width * 0.25); x <= Math.ceil(width * 0.75); x++) {
    let clear = 0;
    let both = 0;
    for (const line of filled) {
      const gap = /^ *$/.test(line.slice(Math.max(0, x - MIN_GUTTER + 1), x + 1));
      if (gap || line.length <= x) clear++;
      if (gap && line.slice(0, x).trim() && line.slice(x).trim()) both++;
    }
    if (clear / filled.length >= CLEAR_SHARE && both / filled.length >= BOTH_SIDES_SHARE && both > bestBoth) {
      best = x;
      bestBoth = both;
    }
  }
  return best;
}

/** Several lines with a wide gap inside: two columns, whether or not a gutter was found. */
function looksTwoColumn(lines: string[]): boolean {
  const filled = lines.filter((l) => l.trim());
  const gapped = filled.filter((l) => new RegExp(`\\S {${MIN_GUTTER + 2},}\\S`).test(l.trim()));
  return filled.length >= MIN_PAGE_LINES && gapped.length / filled.length >= 0.5;
}

function splitAt(lines: string[], x: number): string[] {
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = () => {
    out.push(...left, ...(left.length && right.length ? [''] : []), ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    const crosses = line.length > x && !/^ *$/.test(line.slice(Math.max(0, x - MIN_GUTTER + 1), x + 1));
    if (crosses) {
      flush();
      out.push(line.trim());
      continue;
    }
    left.push(line.slice(0, x).trim());
    right.push(line.slice(x).trim());
  }
  flush();
  return out;
}
