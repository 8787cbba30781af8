import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { collapseSpaces, holds, isElement, textOf } from '../hast/util.js';
import { explain } from '../messages.js';
import { wordCount } from '../hast/words.js';
import { findDateText } from '../metadata/dates.js';
import { isBylineOf } from '../metadata/authors.js';
import { BOILERPLATE_LINES } from '../vocabulary/lines.js';
import { keptByProse, tallyRemoval } from '../clean/prose-guard.js';
import { computeStats, type StatsMap } from '../hast/stats.js';
import { pageKindOf, THREAD_PAGE_TYPES } from './page-kind.js';

/**
 * rehype plugin: inside the chosen article, drop short lines that are page furniture rather than
 * prose: datelines ("Updated: Nov. 20, 2019 5:52 AM", "By Jane Doe | March 3, 2020"), bylines
 * that name the article's own authors ("By Jane Doe", held by the JSON's `authors`), widget
 * labels ("Share", "Advertisement"), pointers to other articles ("Read more: ..."), calls to
 * subscribe or comment, and tag lines. Only short blocks are judged, so a paragraph of prose that
 * happens to mention a date or a newsletter stays.
 */

/** Blocks of at most this many words are judged as lines; longer ones are prose. */
const MAX_LINE_WORDS = 40;
/** A call to action must be shorter still: a whole paragraph is rarely only a prompt. */
const MAX_PROMPT_WORDS = 40;
/** A dateline is a date with at most this many other words (a name, "Updated", "Posted"). */
const MAX_DATELINE_OTHER_WORDS = 3;
/** ...and at most this many words in all ("Published March 3, 2020 10:00 AM EST | Updated March 4, 2020 9:15 AM EST" is 16). */
const MAX_DATELINE_WORDS = 24;

/**
 * Lines of one page read by the date parser at most. It costs tens of microseconds a line, a
 * dateline stands by an article's headline, byline or foot (or by each entry of a live blog), and
 * the corpora's pages hand it at most 919 lines (readability; wcxb-dev 753); a page with hundreds
 * of thousands of short lines holding digits (a sidebar of numbered items) would spend most of its
 * conversion there. Lines past this many are kept unjudged as datelines (recall first).
 */
const MAX_DATELINE_PARSES = 2000;

/** Elements that are a line of text when they hold no other block. */
const LINE_BLOCKS = new Set(['p', 'div', 'span', 'li', 'dd', 'dt', 'time', 'small', 'section', 'header', 'footer', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'ul', 'ol', 'li', 'dl', 'dd', 'dt', 'table', 'blockquote', 'pre', 'figure', 'header', 'footer', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'img', 'picture']);
/** Words that go with a date in a dateline. */
const DATELINE_WORDS = /^(by|and|posted|updated|published|first|last|modified|on|at|in|am|pm|a|p|m|est|edt|pst|pdt|gmt|utc|bst|cet|cest|hst|ist|et|pt|the|le|el|am|um|às|de|du|der|die|das|publicado|publié|veröffentlicht|aktualisiert|atualizado|mis|à|jour|hours?|minutes?|ago|\d+|[a-z]|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|staff)$/i;
/** ASCII, Arabic-Indic, Persian and full-width digits: the digits toWesternDigits maps to ASCII. */
const ANY_DIGIT = /[\d\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/;
const TIME = /\b\d{1,2}[:.]\d{2}\s*(a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\s*(a\.m\.|p\.m\.)/gi;

export default function dropBoilerplateLines() {
  return (tree: Root, file: VFile) => {
    const authors = (file.data.fields?.authors ?? []).map((a) => a.name);
    const threadPage = THREAD_PAGE_TYPES.includes(pageKindOf(file));
    let stats: StatsMap | null = null; // computed the first time a heading is judged
    const dateParses = { left: MAX_DATELINE_PARSES };
    const stack: Array<Root | Element> = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      const kept: ElementContent[] = [];
      const children = parent.children as ElementContent[];
      children.forEach((child, index) => {
        if (isElement(child) && LINE_BLOCKS.has(child.tagName) && !holdsBlock(child)) {
          const text = textOf(child);
          const heading = /^h[1-6]$/.test(child.tagName);
          let rule = !text ? null : !heading && isBylineOf(text, authors) ? 'byline' : lineKind(text, heading, dateParses);
          // A heading whose words are a widget's label ("Comments", "Video") but which opens a
          // section of real prose is that section's title (prose-guard.ts). A pointer ("More:",
          // "Related:") is not a title, whatever follows it.
          if (rule === 'ui-label' && heading) {
            const real = keptByProse(sectionAfter(children, index), (stats ??= computeStats(tree)));
            if (real) {
              explain(file, 'keep-real-prose', `kept heading "${text.slice(0, 80)}" over ${real.reason}`);
              rule = null;
            }
          }
          // On a thread each post says when it was written, and a reader follows the conversation
          // by it; an article's dateline is the headline's furniture, kept in the JSON's
          // `published`. wcxb-dev WCXB F1, forum: half 1 0.775 -> 0.777, half 2 0.817 -> 0.821.
          if (rule === 'dateline' && threadPage) rule = null;
          if (rule) {
            tallyRemoval(file, `drop-${rule}`, text.replace(/\s+/g, '').length);
            explain(file, `drop-${rule}`, `dropped ${rule} line <${child.tagName}>: "${text.slice(0, 80)}"`);
            return;
          }
        }
        kept.push(child);
      });
      parent.children = kept as typeof parent.children;
      // A data table's cells are data ("Comment", "Video", a date): layout tables were unwrapped
      // into blocks before this stage, so what is still a table is left whole.
      for (const child of parent.children) if (isElement(child) && child.tagName !== 'table') stack.push(child);
    }
  };
}

/** The blocks under the heading at `index`, up to the next heading of its level or above. */
function sectionAfter(children: ElementContent[], index: number): ElementContent[] {
  const level = Number((children[index] as Element).tagName[1]);
  let end = index + 1;
  for (; end < children.length; end++) {
    const next = children[end]!;
    if (isElement(next) && /^h[1-6]$/.test(next.tagName) && Number(next.tagName[1]) <= level) break;
  }
  return children.slice(index + 1, end);
}

function holdsBlock(node: Element): boolean {
  return holds(node, (c) => BLOCKS.has(c.tagName) && c.tagName !== 'br');
}

/**
 * The kind of furniture a short line is, or null when it is prose. `dateParses`: how many more
 * lines the date parser may read (decremented; unbounded when not given).
 */
export function lineKind(text: string, heading = false, dateParses?: { left: number }): string | null {
  const words = wordCount(text);
  if (words > MAX_LINE_WORDS) return null;
  const norm = collapseSpaces(text.toLowerCase().replace(/[’‘]/g, "'").replace(/^[\s\p{P}\p{S}]+|[\s.…!?,;]+$/gu, ''));
  if (BOILERPLATE_LINES['ui-label']!.test(norm)) return 'ui-label';
  if (BOILERPLATE_LINES['inline-related']!.test(norm)) return 'inline-related';
  if (BOILERPLATE_LINES['tag-line']!.test(norm)) return 'tag-line';
  // A line that opens with a quotation mark is someone speaking, not the page prompting.
  const quoted = /^\s*["“”„«‹'‘]/u.test(text);
  if (!heading && !quoted && words <= MAX_PROMPT_WORDS && BOILERPLATE_LINES['call-to-action']!.test(norm)) return 'call-to-action';
  if (!heading && !quoted && words <= MAX_PROMPT_WORDS && BOILERPLATE_LINES['affiliate-disclosure']!.test(norm)) return 'affiliate-disclosure';
  if (!heading && isDateline(text, dateParses)) return 'dateline';
  return null;
}

/**
 * A line that is a date (or a time) with at most a few other words: a byline or an update stamp.
 * `dateParses` as for lineKind: none left, the line is not read (not a dateline).
 */
export function isDateline(text: string, dateParses?: { left: number }): boolean {
  // Without a digit (in any script findDateText reads) no stated date can be found below; this
  // check spares most lines eleven chrono parses (it was ~12% of a conversion's CPU time).
  if (!ANY_DIGIT.test(text)) return false;
  // No parse left: not read (asked first, sparing the split below on the lines past the budget).
  if (dateParses && dateParses.left <= 0) return false;
  // Up to three dates and three other words: longer lines are prose (and spare the date parser).
  if (text.split(/\s+/).length > MAX_DATELINE_WORDS) return false;
  if (dateParses) dateParses.left--;
  let rest = text;
  let found = false;
  for (let i = 0; i < 3; i++) {
    const date = findDateText(rest);
    // A stated date has digits: "now", "today" or "agora" in a sentence are not a dateline.
    if (!date || !/\d/.test(date.text)) break;
    found = true;
    rest = rest.slice(0, date.index) + ' ' + rest.slice(date.index + date.text.length);
  }
  if (!found) return false; // a time alone is a live blog's entry stamp, kept with the entry
  const withoutTimes = rest.replace(TIME, ' ');
  const others = (withoutTimes.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !DATELINE_WORDS.test(w));
  return others.length <= MAX_DATELINE_OTHER_WORDS;
}
