import type { ElementContent } from 'hast';
import type { PageRuns } from './runs.js';
import { el, text } from './hast.js';
import { collapseSpaces } from '../../hast/util.js';

/**
 * Link annotations of untagged PDFs. A link is a rectangle on the page with a URL; the text under
 * it is its anchor. The anchor is read from the runs the rectangle covers (a run partly covered
 * gives the words whose middle falls inside, by their share of the run's width: pdf.js gives no
 * per-glyph positions), one piece per row, and found again in the block text the layout makes of
 * the same lines, joined the same way (hyphenation). Tagged PDFs name their links in the structure
 * tree instead (tagged.ts).
 */
export interface PdfLink {
  page: number;
  href: string;
  /** The anchor's text on each row it covers, top to bottom. */
  pieces: string[];
}

/** A run is under a link when its baseline lies within the rectangle, give or take this share of its font size (descenders, rounding). */
const BASELINE_SLACK = 0.3;
/** Runs whose baselines differ by less than this share of the font size are on one row (lines.ts's SAME_ROW). */
const SAME_ROW = 0.35;

interface Annotation {
  subtype?: string;
  url?: string;
  unsafeUrl?: string;
  rect?: number[];
  /** Per quadrilateral: minX, maxY, maxX, maxY, minX, minY, maxX, minY (pdf.js normalises them so). */
  quadPoints?: ArrayLike<number> | null;
}

type Box = [left: number, bottom: number, right: number, top: number];

/** The URL of a link annotation (pdf.js gives `url` for the addresses it deems safe, `unsafeUrl` for the rest). */
export function linkUrl(annotation: Annotation): string | null {
  if (annotation.subtype !== 'Link') return null;
  return annotation.url ?? annotation.unsafeUrl ?? null;
}

/**
 * The page's link annotations with their anchors; `origin` is the page view's lower-left corner.
 * A link over two lines is one annotation with a quadrilateral per line, or one annotation per
 * line with the same URL one after the other: either way one link.
 */
export function pageLinks(annotations: unknown[], page: PageRuns, origin: [number, number]): PdfLink[] {
  const out: PdfLink[] = [];
  let previous: PdfLink | null = null;
  for (const a of annotations as Annotation[]) {
    const href = linkUrl(a);
    if (!href || !a.rect || a.rect.length < 4) continue;
    const pieces = boxesOf(a, origin).flatMap((box) => anchorRows(page, box));
    if (pieces.length === 0) continue;
    if (previous && previous.href === href) previous.pieces.push(...pieces);
    else out.push((previous = { page: page.page, href, pieces }));
  }
  return out;
}

function boxesOf(a: Annotation, [ox, oy]: [number, number]): Box[] {
  const q = a.quadPoints;
  if (q && q.length >= 8 && q.length % 8 === 0) {
    const boxes: Box[] = [];
    for (let i = 0; i < q.length; i += 8) boxes.push([q[i]! - ox, q[i + 5]! - oy, q[i + 2]! - ox, q[i + 1]! - oy]);
    return boxes;
  }
  const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
  return [[Math.min(x0, x1) - ox, Math.min(y0, y1) - oy, Math.max(x0, x1) - ox, Math.max(y0, y1) - oy]];
}

/** The text under a box, one piece per row, top to bottom. */
function anchorRows(page: PageRuns, [left, bottom, right, top]: Box): string[] {
  const rows: Array<{ y: number; size: number; parts: Array<{ x: number; text: string }> }> = [];
  for (const run of page.runs) {
    const slack = BASELINE_SLACK * run.size;
    if (run.y < bottom - slack || run.y > top + slack || run.x + run.w <= left || run.x >= right) continue;
    const part = coveredWords(run.str, run.x, run.w, left, right);
    if (!part) continue;
    let row = rows.find((r) => Math.abs(r.y - run.y) < SAME_ROW * Math.max(r.size, run.size));
    if (!row) rows.push((row = { y: run.y, size: run.size, parts: [] }));
    row.parts.push({ x: run.x, text: part });
  }
  return rows
    .sort((p, q) => q.y - p.y)
    .map((r) => collapseSpaces(r.parts.sort((p, q) => p.x - q.x).map((p) => p.text).join(' ')).trim())
    .filter(Boolean);
}

/** The words of a run whose middles fall between `left` and `right`, by their share of the run's width. */
function coveredWords(str: string, x: number, w: number, left: number, right: number): string {
  if (x >= left && x + w <= right) return str.trim();
  const perChar = w / Math.max(1, str.length);
  const words: string[] = [];
  for (const m of str.matchAll(/\S+/gu)) {
    const middle = x + (m.index! + m[0].length / 2) * perChar;
    if (middle >= left && middle <= right) words.push(m[0]);
  }
  return words.join(' ');
}

/**
 * A block's text with the anchors of `links` made links. `links` are the links whose first piece
 * is on one of the block's lines; each is found at its first place in the text (its anchor as the
 * block's lines were joined, `join`) that no other link took. Found links are added to `used`.
 */
export function linkText(content: string, links: PdfLink[], join: (pieces: string[]) => string, used: Set<PdfLink>): ElementContent[] {
  const found: Array<{ start: number; end: number; link: PdfLink; anchor: string }> = [];
  for (const link of links) {
    const anchor = join(link.pieces);
    if (!anchor) continue;
    for (let start = content.indexOf(anchor); start >= 0; start = content.indexOf(anchor, start + 1)) {
      const end = start + anchor.length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, link, anchor });
      break;
    }
  }
  found.sort((a, b) => a.start - b.start);
  const out: ElementContent[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) out.push(text(content.slice(at, f.start)));
    out.push(el('a', [text(f.anchor)], { href: f.link.href }));
    at = f.end;
    used.add(f.link);
  }
  if (at < content.length) out.push(text(content.slice(at)));
  return out;
}
