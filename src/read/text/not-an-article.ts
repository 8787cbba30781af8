/**
 * Texts that are no article at all: a table of values (CSV/TSV), a log, minified code. They are
 * passed through as they are (one code block) with a warning, rather than "cleaned" into nonsense.
 * Each test looks at the non-blank lines of the first part of the text.
 */

/** How much of the text is looked at. */
const SAMPLE_CHARS = 64 * 1024;
/** A share of lines that must agree for the text to be called a table or a log. */
const MOST_LINES = 0.8;
/** Lines of minified code are this long, and carry little white space. */
const MINIFIED_LINE = 500;
const MINIFIED_MAX_SPACE_SHARE = 0.2;
/** ...and many code characters (`{};=()`), which prose hardly has. */
const MINIFIED_MIN_CODE_SHARE = 0.08;
/** A log line: a timestamp or a level tag at its start. */
const LOG_LINE = /^\s*(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|\[?(DEBUG|INFO|WARN|WARNING|ERROR|TRACE|FATAL)\]?\b|\w{3} [ \d]\d \d{2}:\d{2}:\d{2}|\d{1,3}(\.\d{1,3}){3} - )/;

export function notAnArticle(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const lines = sample.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const long = lines.filter((l) => l.length >= MINIFIED_LINE);
  if (long.length > 0 && long.length >= lines.length / 2) {
    const chars = long.join('');
    const spaces = (chars.match(/\s/g) ?? []).length;
    const code = (chars.match(/[{};=()]/g) ?? []).length;
    if (spaces / chars.length < MINIFIED_MAX_SPACE_SHARE && code / chars.length > MINIFIED_MIN_CODE_SHARE) return 'minified code';
  }
  if (lines.length >= 3) {
    if (lines.filter((l) => LOG_LINE.test(l)).length / lines.length >= MOST_LINES) return 'a log';
    for (const sep of [',', '\t', ';', '|']) {
      const counts = lines.map((l) => splitCells(l, sep));
      const first = counts[0]!;
      if (first < 2) continue;
      const same = counts.filter((c) => c === first).length;
      if (same / lines.length >= MOST_LINES && !looksLikeProse(lines)) return sep === '\t' ? 'a table of values (TSV)' : 'a table of values (CSV)';
    }
  }
  return null;
}

/** Cells of a delimited line (quoted fields may hold the separator). */
function splitCells(line: string, sep: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}

/** Prose has sentences: most lines end in punctuation and hold many words between separators. */
function looksLikeProse(lines: string[]): boolean {
  const sentences = lines.filter((l) => /[.!?]["”’)]?\s*$/.test(l) && l.split(/\s+/).length > 12).length;
  return sentences / lines.length > 0.5;
}
