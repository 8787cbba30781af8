import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { isElement } from '../hast/util.js';
import { warn } from '../messages.js';
import { computeStats, linkDensity, rootStats, type StatsMap } from '../hast/stats.js';
import { firstWords } from '../hast/first-words.js';

/**
 * No silent loss. A class/id name, a landmark or a heading's words are weak evidence; what a block
 * holds is strong evidence. `realProse` measures the prose a reader would miss — a heading followed
 * by prose, a run of several prose paragraphs, code — so that a rule which removes blocks by their
 * name leaves such a block in place (`<div class="section" id="sharing-with-a-single-developer">`
 * holding an h2, paragraphs and code is a documentation section, not a share bar).
 *
 * Real boilerplate holds paragraphs too, and is told apart by how they sit and what it is named:
 * a related list puts one excerpt in each item, a footer short lines among its links, a comment
 * thread a few paragraphs in each comment; an article section puts its paragraphs side by side
 * under one parent (or under its headings), and they make up most of its text. Runs of paragraphs
 * in separate containers count once (the longest), and not at all for the kinds that are
 * paragraphs by nature (comments, bios, prompts). Measured on wcxb-dev half 1: with runs counted
 * for comments too, 10 pages lost precision to kept comment threads (F1 0.795 against 0.796).
 *
 * `recordRemoval` is the other half: every removal of a block reports the prose it took, and a
 * removal that takes a large block of real prose is a warning (`large-removal`), so nothing large
 * goes silently; `file.data.removedProse` keeps the tally for the page-level check in
 * ensure-article.ts (`little-prose-kept`).
 */

/**
 * A paragraph this long (non-space characters, about 15 words) is prose; shorter ones are lines
 * (a dateline, a caption, "Reply", a one-line teaser).
 */
const MIN_PARAGRAPH_CHARS = 80;
/** A paragraph (or a block) whose text is more than this share of links is a list of links, not prose. */
export const MAX_PARAGRAPH_LINKS = 0.5;
/**
 * Several paragraphs: this many prose paragraphs side by side under one parent are running prose.
 * Two is still an author bio or a teaser with its standfirst; three is text someone wrote to be read.
 */
const MIN_RUN_PARAGRAPHS = 3;
/**
 * A heading followed (before the next heading) by this many prose blocks (paragraphs or code) opens
 * a section of prose; so many paragraphs and code blocks side by side are a worked example.
 */
const MIN_HEADED_BLOCKS = 2;
/** A code block this long (non-space characters, a short command line) is code a reader needs. */
const MIN_CODE_CHARS = 20;
/** Below this much real prose (about 40 words) nothing is large enough to keep against its name. */
export const MIN_REAL_PROSE_CHARS = 250;
/**
 * The real prose must be at least this share of the block's text: a comment thread with one long
 * comment, or a footer with a paragraph among its link columns, is still what its name says.
 */
const MIN_REAL_PROSE_SHARE = 0.5;

/**
 * Kinds of boilerplate that are paragraphs by nature: a comment is a reader's paragraphs, a bio the
 * author's, a prompt or a paywall notice the site's. Only a heading with prose under it, or code,
 * keeps them against their name; a run of paragraphs does not.
 */
const PROSE_BY_NATURE = new Set(['comments', 'reviews', 'bio', 'prompts']);

export interface RealProse {
  /** Non-space characters of real prose: paragraph runs, headed prose and code. */
  chars: number;
  /** What made it real prose: 'headed section', 'N paragraphs', 'code'. */
  reason: string;
}

const PARAGRAPHS = new Set(['p', 'blockquote']);
const HEADING = /^h[1-6]$/;

/**
 * The guard every rule that removes a block by its name calls: the real prose that keeps the block
 * (an element, or the blocks under a boilerplate heading) in place, or null when the name may
 * remove it. `kind` is the kind of boilerplate the name says (drop-boilerplate-regions.ts's kinds).
 */
export function keptByProse(nodes: Element | readonly ElementContent[], stats: StatsMap, kind?: string): RealProse | null {
  return realProse(nodes, stats, kind === undefined || !PROSE_BY_NATURE.has(kind));
}

/**
 * The real prose a block (or a run of sibling blocks) holds, or null when it holds none worth
 * keeping against its name. `runs`: whether a run of paragraphs with no heading counts; `minShare`:
 * the share of the block's text the real prose must be.
 */
export function realProse(nodes: Element | readonly ElementContent[], stats: StatsMap, runs = true, minShare = MIN_REAL_PROSE_SHARE): RealProse | null {
  const roots = (Array.isArray(nodes) ? nodes : [nodes]) as readonly ElementContent[];
  let total = 0;
  for (const n of roots) if (isElement(n)) total += stats.get(n)?.text ?? 0;
  if (total < MIN_REAL_PROSE_CHARS) return null;
  // Headed prose counts wherever it stands (a guide's sections and subsections); a run of
  // paragraphs with no heading counts only once, the longest: several runs side by side in their
  // own containers are comments or teasers, each its own short text.
  let headed = 0;
  let code = 0;
  let longestRun = 0;
  let longestRunChars = 0;
  let longestRunCode = false;
  const parents: (readonly ElementContent[])[] = [roots];
  while (parents.length > 0) {
    const children = parents.pop()!;
    // Prose blocks side by side under this parent, in sections split by its headings; other
    // elements (a figure, a list) do not break a run, and are searched for runs of their own.
    let paragraphs = 0;
    let codeBlocks = 0;
    let runChars = 0;
    let underHeading = false;
    const close = () => {
      if (underHeading && paragraphs + codeBlocks >= MIN_HEADED_BLOCKS) headed += runChars;
      // Paragraphs side by side with code explain it (a tutorial's steps): a run as well.
      else if (runs && (paragraphs >= MIN_RUN_PARAGRAPHS || (codeBlocks > 0 && paragraphs + codeBlocks >= MIN_HEADED_BLOCKS)) && runChars > longestRunChars) {
        longestRun = paragraphs;
        longestRunChars = runChars;
        longestRunCode = codeBlocks > 0;
      }
      paragraphs = 0;
      codeBlocks = 0;
      runChars = 0;
    };
    for (const child of children) {
      if (!isElement(child)) continue;
      const s = stats.get(child);
      if (!s) continue;
      if (HEADING.test(child.tagName)) {
        close();
        underHeading = true;
      } else if (child.tagName === 'pre') {
        // Code counts wherever it stands: a reader cannot rebuild it from the rest.
        if (s.text >= MIN_CODE_CHARS) {
          code += s.text;
          codeBlocks++;
        }
      } else if (PARAGRAPHS.has(child.tagName)) {
        if (s.text >= MIN_PARAGRAPH_CHARS && linkDensity(s) <= MAX_PARAGRAPH_LINKS) {
          paragraphs++;
          runChars += s.text;
        }
      } else {
        parents.push(child.children);
      }
    }
    close();
  }
  const real = headed + code + longestRunChars;
  if (real < MIN_REAL_PROSE_CHARS || real / total < minShare) return null;
  const reason = headed >= code && headed >= longestRunChars ? 'a headed section of prose' : code >= longestRunChars ? 'code' : `${longestRun} paragraphs ${longestRunCode ? 'and code' : 'of prose'}`;
  return { chars: real, reason };
}

/**
 * A page with less prose than this (non-space characters, about 250 words) is a list, a form or a
 * stub: what share of its prose a rule takes or keeps says nothing.
 */
export const MIN_PAGE_PROSE = 1500;

/**
 * A removal that takes this much real prose (non-space characters, about 250 words: several
 * paragraphs, a section) is large: it gets a warning even when the rule is sure of itself.
 */
const LARGE_REMOVAL_CHARS = 1500;
/** ...when that is also at least this share of the page's prose (a long comment thread under a longer article is not). */
const LARGE_REMOVAL_SHARE = 0.2;

declare module 'vfile' {
  interface DataMap {
    /** Non-space characters of prose on the page before any heuristic removed anything (ensure-article.ts). */
    pageProse: number;
    /** Prose each rule removed, by rule id (for the `little-prose-kept` warning). */
    removedProse: Record<string, number>;
  }
}

/**
 * Tally the prose a rule removed and warn (`large-removal`, naming the rule) when it took a large
 * block of real prose. `nodes` is what was removed: one element, or a heading and the blocks under it.
 */
export function recordRemoval(file: VFile, rule: string, nodes: Element | readonly ElementContent[], stats: StatsMap): void {
  const list = (Array.isArray(nodes) ? nodes : [nodes]) as readonly ElementContent[];
  let prose = 0;
  for (const n of list) if (isElement(n)) prose += stats.get(n)?.proseText ?? 0;
  if (prose === 0) return;
  tallyRemoval(file, rule, prose);
  if (prose < LARGE_REMOVAL_CHARS) return;
  const page = file.data.pageProse ?? 0;
  if (page > 0 && prose / page < LARGE_REMOVAL_SHARE) return;
  const real = realProse(nodes, stats);
  if (!real || real.chars < LARGE_REMOVAL_CHARS) return;
  const share = page > 0 ? ` (${Math.round((100 * real.chars) / page)}% of the page's prose)` : '';
  const first = list.find((n): n is Element => isElement(n));
  warn(file, 'large-removal', `${rule} removed ${real.reason}, ${real.chars} characters${share}: "${first ? firstWords(first) : ''}"`);
}

/**
 * Add `chars` of prose to what `rule` removed, for the page-level check alone: a short line's
 * removal (drop-boilerplate-lines.ts) is never large.
 */
export function tallyRemoval(file: VFile, rule: string, chars: number): void {
  const removed = (file.data.removedProse ??= {});
  removed[rule] = (removed[rule] ?? 0) + chars;
}

/** Non-space characters of prose in a tree (stats.ts's measure). */
export function proseOf(tree: Root | Element): number {
  return rootStats(tree).proseText;
}
