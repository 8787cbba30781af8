import type { Line } from './lines.js';

/** What a block of lines is, judged from its fonts and its place on the page. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'caption' | 'footnote' | 'table';

export interface Block {
  kind: BlockKind;
  lines: Line[];
  /** Heading level (2-6; the title is the h1) for headings. */
  level?: number;
  /** Numbered list item. */
  ordered?: boolean;
}

/** The document's body text: its most used font and size, its leading, and per-column edges. */
export interface BodyStyle {
  font: string;
  size: number;
  /** Baseline-to-baseline distance of body lines, as a multiple of the font size. */
  leading: number;
  /** Share of body lines that reach the right edge of their column (justified text is near 1). */
  justified: number;
  /**
   * Whether a change of font means something: true when one font carries most text at the body
   * size. PDFs that subset a font per few glyphs (common for CJK) change font names mid-word.
   */
  fontsMeaningful: boolean;
  /** The lowest baseline of body text on any page: where full columns end. */
  bottom: number;
}

/** The body font must carry this share of the text at the body size for font changes to count. */
const FONT_CONSISTENCY = 0.6;

/** A vertical gap wider than this many line pitches ends a paragraph. */
const PARAGRAPH_GAP = 1.3;
/** A left edge this many font sizes right of the column's text edge is an indent. */
const INDENT = 0.5;
/** A line ending this many font sizes short of the column's right edge is a paragraph's last line (in justified text). */
const SHORT_LINE = 2;
/** Cells of one table column start within this many font sizes of each other. */
const CELL_ALIGN = 1.5;
/** A column whose last line sits this many line pitches above the lowest body line had room left. */
const COLUMN_ROOM = 3;
/** A full column ends in the lower part of its page: below this share of the page's height. */
const FULL_COLUMN_END = 0.35;
/** Text this much larger than the body (ratio) is a heading. */
const HEADING_RATIO = 1.12;
/** Text at most this share of the body size is small print (captions, footnotes). */
const SMALL_RATIO = 0.92;

export const BULLET = /^([•◦▪▫‣⁃●○■□–—*·-])\s+/u;
const DASH = /^[–—-]\s/u;
export const NUMBERED = /^(\(?(\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+/iu;

export function styleKey(line: Pick<Line, 'font' | 'size'>): string {
  return `${line.font}|${(Math.round(line.size * 2) / 2).toFixed(1)}`;
}

/** The body style: the font and size that carry most characters; its leading; how justified it is. */
export function bodyStyle(lines: Line[]): BodyStyle {
  const weight = new Map<string, number>();
  for (const l of lines) weight.set(styleKey(l), (weight.get(styleKey(l)) ?? 0) + l.text.length);
  const key = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '|10';
  const [font, size] = [key.slice(0, key.lastIndexOf('|')), Number(key.slice(key.lastIndexOf('|') + 1))];
  const pitches: number[] = [];
  let reaching = 0;
  let counted = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (Math.abs(a.size - size) > 0.05 * size || Math.abs(b.size - size) > 0.05 * size || a.page !== b.page || a.column !== b.column) continue;
    const dy = a.y - b.y;
    if (dy > 0 && dy < 3 * size) pitches.push(dy / size);
    counted++;
    if (a.right >= a.columnRight - size) reaching++;
  }
  pitches.sort((a, b) => a - b);
  const leading = pitches.length ? pitches[Math.floor(pitches.length / 2)]! : 1.2;
  let atSize = 0;
  for (const [k, n] of weight) if (k.endsWith(`|${size.toFixed(1)}`)) atSize += n;
  const fontsMeaningful = atSize > 0 && (weight.get(key) ?? 0) / atSize >= FONT_CONSISTENCY;
  let bottom = Infinity;
  for (const l of lines) if (Math.abs(l.size - size) <= 0.05 * size) bottom = Math.min(bottom, l.y);
  return { font, size, leading, justified: counted ? reaching / counted : 0, fontsMeaningful, bottom };
}

/**
 * Measured column edges: for each page and column, the most common left edge of body lines and
 * the right edge most body lines reach (the 90th percentile), so indents and short lines can be told.
 */
export function measureColumns(lines: Line[], body: BodyStyle): void {
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    const key = `${l.page}:${l.column}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  }
  for (const group of groups.values()) {
    const bodyLines = group.filter((l) => Math.abs(l.size - body.size) <= 0.15 * body.size);
    const sample = bodyLines.length >= 3 ? bodyLines : group;
    const lefts = new Map<number, number>();
    for (const l of sample) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
    const modeCount = Math.max(...lefts.values());
    const left = Math.min(...[...lefts.entries()].filter(([, n]) => n === modeCount).map(([x]) => x));
    const rights = sample.map((l) => l.right).sort((a, b) => a - b);
    const right = rights[Math.floor(0.9 * (rights.length - 1))]!;
    for (const l of group) {
      l.columnLeft = left;
      l.columnRight = right;
    }
  }
}

/** Set in the body's style: its size, and its font when fonts mean something. */
export function inBodyStyle(line: Pick<Line, 'font' | 'size'>, body: BodyStyle): boolean {
  return Math.abs(line.size - body.size) <= 0.05 * body.size && (!body.fontsMeaningful || line.font === body.font);
}

function isListStart(text: string): boolean {
  return BULLET.test(text) || NUMBERED.test(text);
}

/** Lines in reading order -> blocks: a paragraph goes on across columns and pages until it ends. */
export function buildBlocks(lines: Line[], body: BodyStyle): Block[] {
  const blocks: Block[] = [];
  const tables = new Set<Line[]>();
  let current: Line[] = [];
  const flush = () => {
    if (current.length) blocks.push({ kind: 'paragraph', lines: current });
    current = [];
  };
  // Rows of a grid: two or more consecutive lines whose cells start at the same places.
  const inGrid = lines.map((line, i) => (i > 0 && sameGrid(lines[i - 1]!, line)) || (i + 1 < lines.length && sameGrid(line, lines[i + 1]!)));
  for (const [i, line] of lines.entries()) {
    const prev = current.at(-1);
    const grid = inGrid[i]!;
    const wasGrid = i > 0 && inGrid[i - 1]!;
    if (prev && (grid || wasGrid ? !(grid && wasGrid && sameGrid(prev, line)) : startsNewBlock(current, prev, line, body))) flush();
    if (grid && current.length === 0) tables.add(current);
    current.push(line);
  }
  flush();
  for (const b of blocks) if (tables.has(b.lines)) b.kind = 'table';
  return blocks;
}

/** Two rows of one table: same page and column, one row below the other, cells starting at the same places. */
function sameGrid(prev: Line, line: Line): boolean {
  if (!prev.cells || !line.cells || prev.page !== line.page || prev.column !== line.column) return false;
  if (prev.cells.length !== line.cells.length || prev.y - line.y > 3 * line.size || prev.y <= line.y) return false;
  return prev.cells.every((c, i) => Math.abs(c.x - line.cells![i]!.x) <= CELL_ALIGN * line.size);
}

function endsSentence(text: string): boolean {
  return /[.!?:…"”’)\]»]$/u.test(text.trim());
}

function startsNewBlock(block: Line[], prev: Line, line: Line, body: BodyStyle): boolean {
  if (styleKey(prev) !== styleKey(line) && Math.abs(prev.size - line.size) > 0.08 * body.size) return true;
  if (body.fontsMeaningful && prev.font !== line.font && (prev.text.length < 60 || line.text.length < 60)) return true;
  const size = line.size;
  // A dash at the start of a line is a bullet only after a sentence's end or another dash item:
  // in running text a line may begin with a dash.
  if (NUMBERED.test(line.text) || (BULLET.test(line.text) && (!DASH.test(line.text) || DASH.test(block[0]!.text) || /[.:;!?]$/u.test(prev.text)))) return true;
  const sameFlow = prev.page === line.page && prev.column === line.column;
  const shortEnd = prev.right < prev.columnRight - SHORT_LINE * size && endsSentence(prev.text);
  if (sameFlow) {
    const dy = prev.y - line.y;
    if (dy <= 0 || dy > PARAGRAPH_GAP * body.leading * Math.max(size, prev.size)) return true;
  } else {
    // A paragraph goes on into the next column or page only if its last line was not its end:
    // not short, and at the foot of a full column (room left below means the paragraph ended).
    if (shortEnd || (body.justified < 0.5 && endsSentence(prev.text))) return true;
    if (prev.y - body.bottom > COLUMN_ROOM * body.leading * body.size || prev.y > FULL_COLUMN_END * prev.pageHeight) return true;
    if (line.x - line.columnLeft > INDENT * size) return true;
    return false;
  }
  if (body.justified >= 0.5 && shortEnd) return true;
  // In this column, the paragraph's second line sets where its lines start; an indented second
  // line after a flush first line is a new paragraph (first-line indent), unless the first is a
  // list item. (A paragraph that came from the previous column has its lines start here already.)
  const first = block[0]!;
  const continuation = block.find((l) => l !== first && l.page === line.page && l.column === line.column);
  if (!continuation) {
    return !isListStart(first.text) && line.x - first.x > INDENT * size && first.x - first.columnLeft < INDENT * size;
  }
  return Math.abs(line.x - continuation.x) > INDENT * size;
}

/** Classify blocks by their style and place: headings, list items, quotes, captions, footnotes. */
export function classifyBlocks(blocks: Block[], body: BodyStyle, pageHeight: (page: number) => number): void {
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const line = b.lines[0]!;
    const text = b.lines.map((l) => l.text).join(' ');
    const ratio = line.size / body.size;
    const indentLeft = Math.min(...b.lines.map((l) => l.x - l.columnLeft));
    const indentRight = Math.min(...b.lines.map((l) => l.columnRight - l.right));
    if (BULLET.test(text) || NUMBERED.test(text)) {
      b.kind = 'list-item';
      b.ordered = !BULLET.test(text);
    } else if (ratio <= SMALL_RATIO && /^(\d{1,3}|[*†‡§¶])[\s.)]?\s*\S/u.test(text) && line.y < 0.4 * pageHeight(line.page) && text.length > 12) {
      b.kind = 'footnote';
    } else if (ratio <= SMALL_RATIO && (isCaptionText(text) || b.lines.length <= 4)) {
      b.kind = 'caption';
    } else if (b.lines.length <= 3 && text.length < 200 && !/[.,;]$/.test(text) && (ratio >= HEADING_RATIO || (body.fontsMeaningful && line.font !== body.font && ratio > SMALL_RATIO && !/[.!?"”]$/.test(text)))) {
      b.kind = 'heading';
    } else if (indentLeft > 1.2 * body.size && indentRight > 1.2 * body.size && ratio > SMALL_RATIO) {
      b.kind = 'blockquote';
    }
  }
  assignHeadingLevels(blocks, new Set());
}

/** Heading levels by size, largest first, from h2 (the title is the h1); `skip` (the title block) does not count. */
export function assignHeadingLevels(blocks: Block[], skip: Set<Block>): void {
  const sizes = new Set<number>();
  for (const b of blocks) if (b.kind === 'heading' && !skip.has(b)) sizes.add(Math.round(b.lines[0]!.size * 2) / 2);
  const ranked = [...sizes].sort((a, b) => b - a);
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    b.level = Math.min(6, 2 + Math.max(0, ranked.indexOf(Math.round(b.lines[0]!.size * 2) / 2)));
  }
}

export function isCaptionText(text: string): boolean {
  return /^(fig\.?|figure|table|photo|image|source|credit|chart|map|illustration|abb\.?|abbildung|tabelle)\b/iu.test(text);
}
