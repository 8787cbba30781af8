/**
 * Keep hostile text from making the Markdown parser slow. micromark is linear on ordinary text,
 * even a megabyte of links in one paragraph, but quadratic in nesting: hundreds of nested
 * containers (`> > > ...`, lists indented ever deeper) make every line re-check every open
 * container (1,000 `>` take a second, 4,000 take ten). This bounds the nesting at a line's start,
 * so a conversion ends in bounded time, and leaves ordinary articles byte for byte as they are.
 * Hand-written because no library bounds micromark's input; each limit is named with why.
 */

/** Most nested container markers (`>`, list bullets) kept at a line's start: beyond any article. */
export const MAX_CONTAINER_MARKERS = 16;

/** Widest leading indentation kept, in columns: sixteen nested list levels. */
export const MAX_INDENT = 2 * MAX_CONTAINER_MARKERS;

export interface Bounded {
  text: string;
  /** What was changed, for the warning; empty when the text was left as it was. */
  changes: string[];
}

/**
 * Longest run of one emphasis character (`*`, `_`, `~`) read as markup. micromark pairs a run's
 * delimiters one splice at a time, so a run of 10,000 takes minutes; no emphasis needs more than
 * three. Longer runs inside a line are escaped (read as literal characters); a line that is only
 * the run stays a thematic break.
 */
export const MAX_DELIMITER_RUN = 32;
const LONG_RUN = new RegExp(`([*_~])\\1{${MAX_DELIMITER_RUN - 1},}`, 'g');

/** One container marker at a line's start: a block quote or a list bullet, with its space. */
const MARKER = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;

/**
 * Longest line read as one paragraph, in characters. micromark keeps every event of a paragraph's
 * text until the paragraph ends, a few hundred bytes per character: an 8 MB line of prose took
 * 2.5 GB (the same text in paragraphs, 0.4 GB). No article has a paragraph this long; a longer
 * line is a dump that lost its line breaks, and is split into paragraphs at sentence ends.
 */
export const MAX_LINE_CHARS = 64 * 1024;

export function boundMarkdown(input: string): Bounded {
  const changes = new Set<string>();
  // Long lines are split first, so that each paragraph made of one is bounded like any line.
  const lines = input
    .split('\n')
    .flatMap((line) => splitLong(line, changes))
    .map((line) => boundRuns(boundPrefix(line, changes), changes));
  return { text: changes.size > 0 ? lines.join('\n') : input, changes: [...changes] };
}

/** Split a line longer than MAX_LINE_CHARS into paragraphs (lines with blank lines between): at the last sentence end (else space) before each limit. */
function splitLong(line: string, changes: Set<string>): string[] {
  if (line.length <= MAX_LINE_CHARS) return [line];
  changes.add(`split lines longer than ${MAX_LINE_CHARS} characters into paragraphs`);
  const pieces: string[] = [];
  let start = 0;
  while (line.length - start > MAX_LINE_CHARS) {
    const window = line.slice(start, start + MAX_LINE_CHARS);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    const space = window.lastIndexOf(' ');
    // Past half the window: a cut near the start would make tiny pieces of a text with few ends.
    const cut = sentence > MAX_LINE_CHARS / 2 ? sentence + 1 : space > MAX_LINE_CHARS / 2 ? space : MAX_LINE_CHARS;
    pieces.push(line.slice(start, start + cut).trim());
    start += cut;
  }
  pieces.push(line.slice(start).trim());
  return pieces.flatMap((piece, i) => (i === 0 ? [piece] : ['', piece]));
}

/** Cut container markers and indentation beyond the limits at the start of a line. */
function boundPrefix(line: string, changes: Set<string>): string {
  // A loop, not one regular expression over the whole run: 100,000 markers would exhaust its stack.
  MARKER.lastIndex = 0;
  let markers = 0;
  let keep = 0; // end of the last marker kept
  let end = 0; // end of the whole run of markers
  while (MARKER.exec(line)) {
    markers++;
    end = MARKER.lastIndex;
    if (markers <= MAX_CONTAINER_MARKERS) keep = end;
  }
  if (markers > MAX_CONTAINER_MARKERS) {
    changes.add(`kept ${MAX_CONTAINER_MARKERS} levels of nested quotes and lists`);
    line = `${line.slice(0, keep).trimEnd()} ${line.slice(end)}`;
  }
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.length > MAX_INDENT) {
    changes.add(`kept ${MAX_INDENT} columns of indentation`);
    line = ' '.repeat(MAX_INDENT) + line.slice(indent.length);
  }
  return line;
}

/** Escape runs of one emphasis character longer than MAX_DELIMITER_RUN (not a lone rule line). */
function boundRuns(line: string, changes: Set<string>): string {
  if (line.length <= MAX_DELIMITER_RUN) return line;
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(line) || /^\s*([*_~])\1*\s*$/.test(line)) return line;
  changes.add(`escaped runs of more than ${MAX_DELIMITER_RUN} emphasis marks`);
  return line.replace(LONG_RUN, (run) => run.replace(/[*_~]/g, '\\$&'));
}
