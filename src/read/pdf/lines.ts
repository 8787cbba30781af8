import type { PageRuns, Run } from './runs.js';
import { collapseSpaces } from '../../hast/util.js';

/** A line of text in one column: its runs joined in order, with its box and dominant font. */
export interface Line {
  page: number;
  /** Column index on its page, or -1 for a line that spans the columns. */
  column: number;
  x: number;
  right: number;
  /** Baseline, PDF units from the page's bottom edge. */
  y: number;
  size: number;
  font: string;
  text: string;
  /** Horizontal extent of the column the line sits in. */
  columnLeft: number;
  columnRight: number;
  /** A drop cap set beside this line (the paragraph's first letter or letters). */
  dropCap?: string;
  /** Height of the line's page. */
  pageHeight: number;
  /** The parts of a row set apart by wide gaps (table cells), when there are two or more. */
  cells?: Array<{ x: number; text: string }>;
  /** Labels of the note references set as superscripts on the line ("1", "*"), in order. */
  noteRefs?: string[];
}

/** A superscript that is a note reference: a number or a note mark. */
const NOTE_LABEL = /^(\d{1,3}|[*†‡§¶])$/u;
/** A superscript is smaller than the line's text by this ratio, and raised by this share of its size. */
const SUPERSCRIPT_RATIO = 0.85;
const SUPERSCRIPT_RISE = 0.1;

/** Runs whose baselines differ by less than this share of the font size are on one row. */
const SAME_ROW = 0.35;
/** A horizontal gap wider than this many font sizes separates two segments of a row (columns, or a header's left and right parts). */
const SEGMENT_GAP = 1.2;
/** A gap wider than this share of the font size between two runs is a word space. */
const WORD_GAP = 0.15;
/** A gutter is a strip at least this many body font sizes wide that no body segment crosses. */
const MIN_GUTTER = 0.8;
/** Share of body segments allowed to cross a gutter (a spanning figure, a mis-set line). */
const GUTTER_TOLERANCE = 0.03;
/** A drop cap is a run of one to three letters at least this many times the body size. */
const DROP_CAP_RATIO = 1.8;

interface Segment {
  runs: Run[];
  x: number;
  right: number;
  y: number;
  size: number;
  font: string;
}

/**
 * One page's runs -> lines in reading order: runs on one baseline form a row; a row splits into
 * segments at wide gaps; columns are found from the gutters no body text crosses; the page is read
 * band by band (a band ends at a line that spans the columns), each band column by column.
 * Superscripts join the row they sit on, and a drop cap joins the first line beside it.
 */
export function pageLines(page: PageRuns, bodySize: number): Line[] {
  const { dropCaps, runs } = splitDropCaps(page.runs, bodySize);
  const segments = rowsToSegments(groupRows(runs));
  const gutters = findGutters(segments, page.width, bodySize);
  const bounds = columnBounds(gutters, page.width);
  const columnOf = (s: Segment): number => {
    for (let i = 0; i < bounds.length; i++) {
      const [l, r] = bounds[i]!;
      if (s.x >= l - 1 && s.right <= r + 1) return i;
    }
    return -1;
  };
  // Merge the segments of one row that fall in one column (a justified line with very wide spaces).
  const lines: Line[] = [];
  const byColumnRow = new Map<string, Segment[]>();
  const order: string[] = [];
  for (const s of segments) {
    const column = columnOf(s);
    const key = column === -1 ? `s${order.length}` : `${column}:${s.y.toFixed(1)}`;
    if (!byColumnRow.has(key)) {
      byColumnRow.set(key, []);
      order.push(key);
    }
    byColumnRow.get(key)!.push(s);
  }
  for (const key of order) {
    const parts = byColumnRow.get(key)!.sort((a, b) => a.x - b.x);
    const column = key.startsWith('s') ? -1 : Number(key.split(':')[0]);
    const [columnLeft, columnRight] = column === -1 ? [Math.min(...parts.map((p) => p.x)), Math.max(...parts.map((p) => p.right))] : bounds[column]!;
    const runs = parts.flatMap((p) => p.runs);
    const line = makeLine(page.page, column, runs, columnLeft, columnRight);
    if (parts.length >= 2) line.cells = parts.map((p) => ({ x: p.x, text: makeLine(page.page, column, p.runs, 0, 0).text }));
    lines.push(line);
  }
  attachDropCaps(lines, dropCaps, page.page);
  for (const line of lines) line.pageHeight = page.height;
  return readingOrder(lines, bounds.length);
}

function splitDropCaps(runs: Run[], bodySize: number): { dropCaps: Run[]; runs: Run[] } {
  const dropCaps: Run[] = [];
  const rest: Run[] = [];
  // A drop cap starts its line: no text on its baseline to its left.
  const startsLine = (r: Run) => !runs.some((o) => o !== r && Math.abs(o.y - r.y) < 0.3 * r.size && o.x < r.x);
  for (const r of runs) {
    if (r.size >= DROP_CAP_RATIO * bodySize && /^\p{Lu}{1,3}$|^["“‘']?\p{L}$/u.test(r.str.trim()) && startsLine(r)) dropCaps.push(r);
    else rest.push(r);
  }
  return { dropCaps, runs: rest };
}

/** A drop cap joins (without a space) the topmost line that starts right of it within its height. */
function attachDropCaps(lines: Line[], dropCaps: Run[], page: number): void {
  for (const cap of dropCaps) {
    let best: Line | null = null;
    for (const line of lines) {
      if (line.x < cap.x + cap.w - 1 || line.x > cap.x + cap.w + 3 * line.size) continue;
      if (line.y < cap.y - line.size || line.y > cap.y + cap.size) continue;
      if (!best || line.y > best.y) best = line;
    }
    if (best) {
      best.dropCap = cap.str.trim();
      // The lines beside the cap are set in by its width; they start where the cap starts.
      const besideX = best.x;
      const below = lines.filter((l) => l.column === best!.column && l.y <= best!.y && l.y > cap.y - cap.size).sort((a, b) => b.y - a.y);
      for (const line of below) {
        if (Math.abs(line.x - besideX) > 1) break;
        line.x = cap.x;
      }
    } else {
      // A big letter with nothing beside it is an initial of its own: keep it as text.
      lines.push({ page, column: -1, x: cap.x, right: cap.x + cap.w, y: cap.y, size: cap.size, font: cap.font, text: cap.str, columnLeft: cap.x, columnRight: cap.x + cap.w, pageHeight: 0 });
    }
  }
}

/** Runs -> rows of runs sharing a baseline; small runs (superscripts) join the row they overlap. */
function groupRows(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const rows: Array<{ y: number; size: number; runs: Run[] }> = [];
  for (const r of sorted) {
    let home: { y: number; size: number; runs: Run[] } | undefined;
    for (const row of rows) {
      const same = Math.abs(row.y - r.y) < SAME_ROW * Math.min(row.size, r.size);
      const superscript = r.size < 0.85 * row.size && r.y > row.y && r.y - row.y < 0.6 * row.size && overlapsRow(row.runs, r);
      const subscript = r.size < 0.85 * row.size && r.y < row.y && row.y - r.y < 0.3 * row.size && overlapsRow(row.runs, r);
      if (same || superscript || subscript) {
        home = row;
        break;
      }
    }
    if (home) home.runs.push(r);
    else rows.push({ y: r.y, size: r.size, runs: [r] });
  }
  return rows.sort((a, b) => b.y - a.y).map((row) => row.runs.sort((a, b) => a.x - b.x));
}

/** A small run belongs to a row only when it touches one of the row's runs horizontally. */
function overlapsRow(runs: Run[], r: Run): boolean {
  return runs.some((o) => r.x <= o.x + o.w + r.size && r.x + r.w >= o.x - r.size);
}

function rowsToSegments(rows: Run[][]): Segment[] {
  const segments: Segment[] = [];
  for (const row of rows) {
    let current: Run[] = [];
    let end = -Infinity;
    const flush = () => {
      if (current.length) segments.push(segmentOf(current));
      current = [];
    };
    for (const r of row) {
      const size = Math.max(r.size, current[0]?.size ?? 0);
      if (current.length && r.x - end > SEGMENT_GAP * size) flush();
      current.push(r);
      end = Math.max(end, r.x + r.w);
    }
    flush();
  }
  return segments;
}

function segmentOf(runs: Run[]): Segment {
  const main = dominant(runs);
  return {
    runs,
    x: Math.min(...runs.map((r) => r.x)),
    right: Math.max(...runs.map((r) => r.x + r.w)),
    y: main.y,
    size: main.size,
    font: main.font,
  };
}

/** The run style that carries most characters. */
function dominant(runs: Run[]): Run {
  const weight = new Map<string, { run: Run; n: number }>();
  for (const r of runs) {
    const key = `${r.font}|${r.size.toFixed(1)}`;
    const w = weight.get(key);
    if (w) w.n += r.str.length;
    else weight.set(key, { run: r, n: r.str.length });
  }
  return [...weight.values()].sort((a, b) => b.n - a.n)[0]!.run;
}

/**
 * Gutters: strips of the page's middle (15%-85% of its width) at least MIN_GUTTER body sizes wide
 * that (almost) no body-sized segment crosses, with body text on both sides.
 */
function findGutters(segments: Segment[], width: number, bodySize: number): Array<[number, number]> {
  const body = segments.filter((s) => Math.abs(s.size - bodySize) <= 0.15 * bodySize && s.right - s.x > 3 * bodySize);
  if (body.length < 6) return [];
  const bins = Math.ceil(width);
  const cover = new Array<number>(bins + 1).fill(0);
  for (const s of body) for (let x = Math.max(0, Math.floor(s.x)); x <= Math.min(bins, Math.ceil(s.right)); x++) cover[x]!++;
  const limit = Math.max(1, Math.floor(GUTTER_TOLERANCE * body.length));
  const gutters: Array<[number, number]> = [];
  let start = -1;
  for (let x = Math.floor(0.15 * width); x <= Math.ceil(0.85 * width); x++) {
    const open = (cover[x] ?? 0) <= limit;
    if (open && start < 0) start = x;
    if ((!open || x === Math.ceil(0.85 * width)) && start >= 0) {
      const end = open ? x : x - 1;
      if (end - start >= MIN_GUTTER * bodySize) gutters.push([start, end]);
      start = -1;
    }
  }
  // A gutter needs a fair share of the body text on each side; else it is a margin or a ragged edge.
  return gutters.filter(([l, r]) => {
    const left = body.filter((s) => s.right <= l + 1).length;
    const right = body.filter((s) => s.x >= r - 1).length;
    return left >= 0.15 * body.length && right >= 0.15 * body.length;
  });
}

function columnBounds(gutters: Array<[number, number]>, width: number): Array<[number, number]> {
  const cuts = gutters.map(([l, r]) => (l + r) / 2);
  const bounds: Array<[number, number]> = [];
  let left = -Infinity;
  for (const c of cuts) {
    bounds.push([left, c]);
    left = c;
  }
  bounds.push([left, Infinity]);
  return bounds.map(([l, r]) => [Number.isFinite(l) ? l : -width, Number.isFinite(r) ? r : 2 * width]);
}

function makeLine(page: number, column: number, runs: Run[], columnLeft: number, columnRight: number): Line {
  const { x, right, y, size, font } = segmentOf(runs);
  let text = '';
  let end = -Infinity;
  const noteRefs: string[] = [];
  for (const r of runs) {
    // A note reference stands against the word it follows ("said.1"), whatever the gap.
    const noteRef = text !== '' && r.size < SUPERSCRIPT_RATIO * size && r.y - y > SUPERSCRIPT_RISE * size && NOTE_LABEL.test(r.str.trim());
    if (noteRef) noteRefs.push(r.str.trim());
    else if (text !== '' && r.x - end > WORD_GAP * r.size && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
    text += noteRef ? r.str.trim() : r.str;
    end = Math.max(end, r.x + r.w);
  }
  return {
    ...(noteRefs.length ? { noteRefs } : {}),
    page,
    column,
    x,
    right,
    y,
    size,
    font,
    text: collapseSpaces(text).trim(),
    columnLeft,
    columnRight,
    pageHeight: 0,
  };
}

/** Band by band from the top; within a band, column by column; a spanning line closes its band. */
function readingOrder(lines: Line[], columns: number): Line[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  if (columns <= 1) return sorted;
  const out: Line[] = [];
  let band: Line[][] = Array.from({ length: columns }, () => []);
  const flush = () => {
    for (const col of band) for (const line of col) out.push(line);
    band = Array.from({ length: columns }, () => []);
  };
  for (const line of sorted) {
    if (line.column === -1) {
      flush();
      out.push(line);
    } else band[line.column]!.push(line);
  }
  flush();
  return out;
}
