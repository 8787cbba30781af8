import type { Line } from './lines.js';
import { lineShape, PAGE_NUMBER } from '../lines/page-lines.js';

/**
 * Page furniture: what a printer or a typesetter puts on every page around the article — running
 * headers and footers, page numbers, and a browser's print stamps (date and time, page title, URL,
 * "1/3"). Found by peeling lines off the top and bottom edges of each page while they look like
 * furniture; the first line that does not stops the peeling, so footnotes and body text above a
 * footer stay.
 */

/** The top and bottom share of a page's height where furniture lives. */
const EDGE_ZONE = 0.1;
/** Furniture set smaller than the body text (this share of its size) ... */
const SMALL = 0.92;
/** ... and set apart from the next line inward by at least this many body sizes. */
const SET_APART = 1.6;

const PAGE_OF = /\b\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/iu;
const PRINT_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?/iu;
const URL_LINE = /^(?:https?:\/\/|file:\/\/|www\.)\S+(?:\s+\d{1,4}\s*\/\s*\d{1,4})?$/iu;

const FOOTNOTE = /^(?:\d{1,3}|[*†‡§¶])[.)]?\s+\S+(?:\s+\S+){2,}/u;

export type FurnitureKind = 'page-number' | 'print-stamp' | 'running-head';

export interface FurnitureHit {
  line: Line;
  kind: FurnitureKind;
}


function plainlyFurniture(line: Line, repeated: boolean): boolean {
  const text = line.text.trim();
  return repeated || PAGE_NUMBER.test(text) || PRINT_DATE.test(text) || URL_LINE.test(text);
}

export function furnitureKind(line: Line, repeated: boolean, bodySize: number, nextInward: Line | undefined): FurnitureKind | null {
  const text = line.text.trim();
  if (PAGE_NUMBER.test(text)) return 'page-number';
  if (PRINT_DATE.test(text) || URL_LINE.test(text)) return 'print-stamp';
  if (repeated) return 'running-head';
  // A footnote also sits small and apart at a page's foot, but opens with its mark and says something.
  if (FOOTNOTE.test(text)) return null;
  const small = line.size < SMALL * bodySize;
  const apart = !nextInward || Math.abs(nextInward.y - line.y) >= SET_APART * bodySize + nextInward.size;
  if (small && apart) return PAGE_OF.test(text) ? 'page-number' : 'running-head';
  return null;
}

/** Find the furniture of every page; returns the hits (the caller drops them and says why). */
export function findFurniture(pages: Array<{ height: number; lines: Line[] }>, bodySize: number): FurnitureHit[] {
  // How many pages show each edge-zone text shape (at about the same height).
  const seen = new Map<string, Set<number>>();
  // Same text at about the same height: a title that repeats a running head lower down is not one.
  const zoneKey = (line: Line, _height: number) => `${Math.round(line.y / (2 * bodySize))}|${lineShape(line.text)}`;
  pages.forEach(({ height, lines }, index) => {
    for (const line of lines) {
      if (!inZone(line, height)) continue;
      const key = zoneKey(line, height);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(index);
    }
  });
  const hits: FurnitureHit[] = [];
  pages.forEach(({ height, lines }) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const peel = (ordered: Line[]) => {
      for (let i = 0; i < ordered.length; i++) {
        const line = ordered[i]!;
        if (!inZone(line, height)) break;
        const repeated = (seen.get(zoneKey(line, height))?.size ?? 0) >= 2;
        // Set apart from the body: measured to the next line inward that is not itself plainly
        // furniture (a footer line above a page number is still a footer line).
        const next = ordered.slice(i + 1).find((l) => Math.abs(l.y - line.y) > 0.5 * l.size && !plainlyFurniture(l, (seen.get(zoneKey(l, height))?.size ?? 0) >= 2));
        const kind = furnitureKind(line, repeated, bodySize, next);
        if (!kind) {
          // Several segments of one row (left and right parts of a header) are peeled together.
          if (ordered.slice(0, i).some((h) => Math.abs(h.y - line.y) < 0.5 * line.size && hits.some((x) => x.line === h))) continue;
          break;
        }
        hits.push({ line, kind });
      }
    };
    peel(byHeight);
    peel([...byHeight].reverse());
  });
  return hits;
}

function inZone(line: Line, height: number): boolean {
  return line.y > height * (1 - EDGE_ZONE) || line.y < height * EDGE_ZONE;
}

/** The page's URL as a browser's print footer states it, for the metadata. */
export function stampedUrl(hits: FurnitureHit[]): string | null {
  for (const h of hits) {
    if (h.kind !== 'print-stamp') continue;
    const m = /^(https?:\/\/\S+)/u.exec(h.line.text.trim());
    if (m) return m[1]!;
  }
  return null;
}

/** "© 2024 The Valley Gazette. All rights reserved." -> "The Valley Gazette". */
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)[.,]?\s*(?:all rights reserved\.?)?$/iu;

/**
 * The publication's name as its running heads state it: the left part of a running header that
 * is not the title, a date or a page number, or the holder in a copyright footer.
 */
export function runningSiteName(hits: FurnitureHit[], title: string | null): string | null {
  const sameAsTitle = (t: string) => title !== null && t.toLowerCase() === title.toLowerCase();
  for (const h of hits) {
    if (h.kind !== 'running-head') continue;
    const parts = h.line.cells?.map((c) => c.text.trim()) ?? [h.line.text.trim()];
    const first = parts[0]!;
    if (parts.length >= 2 && first.split(/\s+/u).length <= 5 && !sameAsTitle(first) && !/\d/u.test(first) && !COPYRIGHT.test(first)) return first;
  }
  for (const h of hits) {
    const text = (h.line.cells?.[0]?.text ?? h.line.text).trim();
    const m = COPYRIGHT.exec(text);
    if (m && m[1] && m[1].split(/\s+/u).length <= 5) return m[1].replace(/\s*(?:all rights reserved|\d+\s*\/\s*\d+).*$/iu, '').trim() || null;
  }
  return null;
}
