import type { VFile } from 'vfile';
import { explain } from '../../messages.js';

/**
 * Text-browser and plain-text dumps (lynx, w3m, pandoc -t plain, pdftotext, Readability's
 * textContent) are not Markdown: their indentation, bullets and brackets would be misread by a
 * Markdown parser (four spaces make a code block, `_x_` emphasis). This turns such a dump into
 * Markdown that says what the dump says: lines unindented, bullets as list items, Markdown
 * characters escaped, lynx link markers kept only as a count (LINK_MARK) for finding the article,
 * and lynx's "References" list of URLs dropped. Markdown dumps (html2text, exports) pass through.
 */

/**
 * Stands where a text browser printed a link marker (`[https://…]`, `[12]`): the link's extent
 * is not in the dump, so no link can be rebuilt, but how link-dense a block is still counts.
 * A private-use character: it never occurs in real text, and find-article.ts removes it.
 */
export const LINK_MARK = '\uE000';

/**
 * Markdown that a plain dump never writes: a link `[text](url)`, an ATX heading, a code fence.
 * One of these is enough; of the weaker signs (bold, quotes, link bullets) it takes two.
 */
const MARKDOWN_STRONG = /\]\([^)\s]*\)|^#{1,6} \S|^```/m;
const MARKDOWN_WEAK = /\*\*\S[^*\n]*\*\*|^ {0,3}[*+-] \[|^ {0,3}> \S/gm;
const MIN_WEAK_SIGNS = 2;
/** lynx: `[https://url]text` inline links, `[12]text` numbered links, `(BUTTON)`. */
const INLINE_URL_MARK = /\[(?:https?|ftp|mailto|file):[^\]\s]*(?:\n[ \t]*[^\]\s]+)*\]/g;
const NUMBERED_MARK = /\[(\d{1,4})\](?=\S)/g;
/** The list of link targets lynx appends (References / Visible links / Hidden links). */
const LYNX_REFERENCES = /\n[ \t]*(References|Visible links:?|Hidden links:?)[ \t]*\n(\s*\n)*([ \t]*\d{1,4}\. \S.*(\n|$)|[ \t]*\n)+/g;
/** Bullets of text browsers: `*`, `+`, `-`, `•`, `·`, and lynx's `o` for the third level. */
const BULLET = /^([ \t]*)([*+•·‣◦▪-]|o(?= ))[ \t]+(?=\S)/;
/** A line that is only a bracketed image name, as w3m, pandoc and lynx print images. */
const IMAGE_PLACEHOLDER = /^\s*(\[[^\]\n]{0,200}\]\s*)+$/;
const ORDERED = /^([ \t]*)(\d{1,3})[.)][ \t]+(?=\S)/;

export function isMarkdownDump(text: string): boolean {
  return MARKDOWN_STRONG.test(text) || (text.match(MARKDOWN_WEAK)?.length ?? 0) >= MIN_WEAK_SIGNS;
}

export function plainDumpToMarkdown(text: string, file: VFile): string {
  if (isMarkdownDump(text)) return text;
  let out = text.replace(/\t/g, '    ');
  const before = out.length;
  const references = new Map<string, string>();
  for (const list of out.match(LYNX_REFERENCES) ?? []) {
    for (const m of list.matchAll(/^[ \t]*(\d{1,4})\. (\S+)/gm)) references.set(m[1]!, m[2]!);
  }
  out = out.replace(LYNX_REFERENCES, '\n');
  if (out.length !== before) explain(file, 'drop-link-references', 'dropped the list of link references at the end of the dump');
  // Breaks are found before link markers shrink: a line that ends early because the next
  // line starts with a long URL was wrapped, not ended.
  const raw = out.split('\n');
  const width = wrapWidth(raw);
  const broken: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (i > 0 && line.trim() && raw[i - 1]!.trim() && endsBeforeWrap(raw[i - 1]!, line, width)) broken.push('');
    broken.push(line);
  }
  const urls: string[] = [];
  const mark = (url: string | undefined) => (url ? `${LINK_MARK}${urls.push(url) - 1}${URL_END}` : LINK_MARK);
  out = broken
    .join('\n')
    .replace(INLINE_URL_MARK, (m) => mark(m.slice(1, -1).replace(/\n[ \t]*/g, '')))
    .replace(NUMBERED_MARK, (_, n: string) => mark(references.get(n)));
  const base = baseIndent(out);
  const lines = out.split('\n');
  return lines
    .map((line, i) => (isOutdentedHeading(lines, i, base) || isSectionHeading(lines, i) ? `## ${escape(line)}` : toMarkdownLine(line, base)))
    .map((line) => tailLink(line, urls))
    .join('\n');
}

/** Ends the URL index that follows a LINK_MARK while lines are converted. */
const URL_END = '\uE001';
/** ...and stands at the start of its line, after at most this many words ("By"). */
const MAX_TAIL_PREFIX_WORDS = 1;
/** A link that runs to the end of its line is at most this long (words)... */
const MAX_TAIL_LINK_WORDS = 6;

/**
 * A text browser shows where a link starts, not where it ends; a short link that starts its
 * line and runs to the end of it ("* [3]Home", "By [9]Jane Doe") is taken to be the whole tail
 * and rebuilt as a Markdown link. Other markers stay bare marks (counted, not linked): inside
 * running text the link's end is unknown.
 */
function tailLink(line: string, urls: string[]): string {
  const tail = new RegExp(`${LINK_MARK}(\\d+)${URL_END}([^${LINK_MARK}]+)$`).exec(line);
  let out = line;
  const before = tail ? line.slice(0, tail.index).replace(/^(- |\d+\. |## )/, '').trim() : '';
  const prefixWords = before === '' ? 0 : before.split(/\s+/).length;
  if (tail && prefixWords <= MAX_TAIL_PREFIX_WORDS && tail[2]!.trim().split(/\s+/).length <= MAX_TAIL_LINK_WORDS && !/^\s/.test(tail[2]!)) {
    const url = urls[Number(tail[1])]!;
    const [, label, punctuation] = /^(.*?)([.,;:!?]*)$/s.exec(tail[2]!.trimEnd())!;
    out = `${line.slice(0, tail.index)}[${label}](<${url.replace(/[<>]/g, encodeURIComponent)}>)${punctuation}`;
  }
  return out.replace(new RegExp(`${LINK_MARK}\\d+${URL_END}`, 'g'), LINK_MARK);
}

/**
 * Hard-wrapped dumps wrap at a fixed width; a line that ends well before it, although the next
 * line's first word would have fitted, ended where the page had a break (a new block, a list of
 * items printed one per line). The wrap width is taken as the length most long lines reach.
 */
const WRAP_SLACK = 0.85;

function wrapWidth(lines: string[]): number {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths.length > 0 ? lengths[Math.floor((lengths.length - 1) * 0.95)]! : 0;
}

/** Text wrapped wider than this was not wrapped at all: each line is a paragraph. */
const UNWRAPPED_WIDTH = 120;

function endsBeforeWrap(previous: string, line: string, width: number): boolean {
  if (width > UNWRAPPED_WIDTH) return true;
  if (/\p{L}[-\u00AD]$/u.test(previous.trimEnd())) return false; // a word hyphenated at the wrap
  const nextWord = /^\s*(\S+)/.exec(line)?.[1] ?? '';
  return previous.trimEnd().length + 1 + nextWord.length < width * WRAP_SLACK;
}

/** Headings are short. */
const MAX_HEADING_WORDS = 20;

/**
 * lynx indents its text by a few spaces and prints headings at the left margin: a short line
 * that stands alone, left of the prose, is a heading.
 */
function isOutdentedHeading(lines: string[], i: number, base: number): boolean {
  const line = lines[i]!;
  if (base < 2 || !line.trim() || /^\s/.test(line) || BULLET.test(line)) return false;
  const alone = (j: number) => j < 0 || j >= lines.length || !lines[j]!.trim();
  return alone(i - 1) && alone(i + 1) && line.split(/\s+/).length <= MAX_HEADING_WORDS && !line.includes(LINK_MARK);
}

/**
 * Headings of papers and reports as plain text prints them: a numbered title ("2. Data and
 * methods", "3.1 Sampling") or the name of a standard part ("Abstract", "Conclusions"),
 * standing alone between blank lines.
 */
const SECTION_HEADING = /^\s*((\d{1,2}(\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+\p{Lu}[^.!?]{0,80}|(abstract|summary|executive summary|introduction|background|methods?|results|discussion|conclusions?|references|bibliography|acknowledge?ments|notes|appendix( [a-z\d]+)?|key (points|findings|takeaways))\s*:?)\s*$/iu;
const MAX_SECTION_HEADING_WORDS = 10;

function isSectionHeading(lines: string[], i: number): boolean {
  const line = lines[i]!;
  const alone = (j: number) => j < 0 || j >= lines.length || !lines[j]!.trim();
  return alone(i - 1) && alone(i + 1) && SECTION_HEADING.test(line) && line.trim().split(/\s+/).length <= MAX_SECTION_HEADING_WORDS;
}

/** The indentation of most prose lines (lynx indents everything by three spaces). */
function baseIndent(text: string): number {
  const counts = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (line.trim().length < 40) continue;
    const n = /^ */.exec(line)![0].length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount) [best, bestCount] = [n, c];
  return best;
}

function toMarkdownLine(line: string, base: number): string {
  if (!line.trim()) return '';
  // An image the dump could only name (`[GettyImage]`, `[]`, `[logo.png]`): nothing to keep.
  if (IMAGE_PLACEHOLDER.test(line)) return '';
  // Rules of dashes, equals or underscores are separators: a blank line keeps them from turning
  // the line above into a heading.
  if (/^\s*([-=_*])(\s*\1){2,}\s*$/.test(line)) return /=/.test(line) ? '' : '\n---\n';
  const bullet = BULLET.exec(line);
  // Lists come out flat: a dump's nesting is indentation only, and nested items after a blank
  // line would be read as code.
  if (bullet && (bullet[2] !== 'o' || bullet[1]!.length > base)) return `- ${escape(line.slice(bullet[0].length))}`;
  const ordered = ORDERED.exec(line);
  if (ordered) return `${ordered[2]}. ${escape(line.slice(ordered[0].length))}`;
  return escape(line.trim());
}

/** Escape what Markdown would read as syntax in a line of plain text. */
function escape(text: string): string {
  return text
    .trim()
    .replace(/([\\`*_[\]<~|])/g, '\\$1')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}
