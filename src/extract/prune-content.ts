import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { holds, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { computeStats, linkDensity, type StatsMap } from '../hast/stats.js';
import { classWeight } from './select-main-content.js';
import { pageKindOf } from './page-kind.js';
import type { PageKind } from '../types.js';
import { firstWords } from '../hast/first-words.js';
import { isLayoutTable } from '../clean/unwrap-layout-tables.js';
import { BOILERPLATE_HEADING } from '../vocabulary/headings.js';
import { keptByProse, MIN_REAL_PROSE_CHARS, realProse, recordRemoval } from '../clean/prose-guard.js';

/**
 * Inside the selected article, drop blocks that look like boilerplate by their make-up (after
 * Readability's "clean conditionally"): link lists, image-only strips with no prose, blocks whose
 * heading names them ("Related stories", "Comments"), and short blocks with negative class names.
 */

/** Blocks with at least this many commas are prose and kept whatever else they hold. */
const PROSE_COMMAS = 10;
/** Link density above which a block with a neutral class is a link list. */
const MAX_LINK_DENSITY = 0.33;
/** Link density above which even a block with a content-ish class is a link list. */
const MAX_LINK_DENSITY_POSITIVE = 0.6;

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'aside', 'dl', 'header', 'footer', 'figure']);

export default function pruneContent() {
  return (tree: Root, file: VFile) => {
    const stats = computeStats(tree);
    const kind = pageKindOf(file);
    dropHeadedBoilerplate(tree, file, stats);
    const layoutWords = file.data.layoutWords;
    // Each block's rule, worked out once: linkListShare's survey and the removal read the same.
    const rules = new Map<Element, string | null>();
    const article = foundArticle(file, stats);
    const holders = article ? mainContentHolders(file, stats) : new Set<Element | Root>();
    const ruleOf = (node: Element): string | null => {
      if (!CONDITIONAL.has(node.tagName)) return null;
      let rule = rules.get(node);
      if (rule === undefined) rules.set(node, (rule = conditionalRule(node, stats, kind, layoutWords)));
      return rule;
    };
    // On a page of a certain type that runs these rules (an article, a thread, a product or service
    // page) link lists are chrome however many there are; on an uncertain page they may be content.
    const lists = file.data.pageType?.certain || article ? 0 : linkListShare(tree, stats, ruleOf);
    const keepLists = lists > LINK_LISTS_ARE_CONTENT;
    if (keepLists) explain(file, 'keep-link-lists', () => `kept the link lists: they are ${Math.round(100 * lists)}% of the article's text`);
    // Decide every block first (a block that goes is not entered), then remove.
    const removals = new Map<Element, string>();
    const stack: Array<Root | Element> = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      for (const child of parent.children) {
        if (!isElement(child)) continue;
        const rule = holders.has(child) ? null : ruleOf(child);
        if (rule && !(keepLists && rule === 'prune-link-list')) removals.set(child, rule);
        else if (!isDataTable(child, stats)) stack.push(child);
      }
    }
    keepNamedBlocksOfAnEmptiedArticle(tree, file, stats, removals);
    if (removals.size === 0) return;
    const walk: Array<Root | Element> = [tree];
    while (walk.length > 0) {
      const parent = walk.pop()!;
      parent.children = parent.children.filter((child) => {
        if (!isElement(child)) return true;
        const rule = removals.get(child);
        if (rule) {
          recordRemoval(file, rule, child, stats);
          explain(file, rule, () => `dropped <${child.tagName}>: "${firstWords(child)}"`);
          return false;
        }
        return true;
      }) as typeof parent.children;
      for (const child of parent.children) if (isElement(child)) walk.push(child);
    }
  };
}

/**
 * A class name alone never empties the article: when the blocks pruned would leave no text, the
 * ones chosen by their class name (`prune-negative-class`: short blocks named "promo", "slide",
 * "meta"...) stay, as on such a page the names say nothing about what is content (a post's body
 * in a block named like a teaser card; a studio's case studies in "slide" sections). Link lists
 * and empty blocks still go. The alternative is ensure-article.ts's fallback to the whole page's
 * text, menus and footer included.
 */
function keepNamedBlocksOfAnEmptiedArticle(tree: Root, file: VFile, stats: StatsMap, removals: Map<Element, string>): void {
  const total = stats.get(tree)?.text ?? 0;
  let removed = 0;
  for (const node of removals.keys()) removed += stats.get(node)?.text ?? 0;
  if (total === 0 || removed < total) return;
  let kept = 0;
  for (const [node, rule] of removals) {
    if (rule !== 'prune-negative-class' || (stats.get(node)?.text ?? 0) === 0) continue;
    removals.delete(node);
    kept++;
  }
  if (kept > 0) explain(file, 'keep-named-blocks', `kept ${kept} blocks with negative class names: pruning them left the article no text`);
}

/**
 * Link lists that make up more than this share of the page's text are its content when no article
 * was found among them: the sections of an index (a list of programming languages), a catalogue's
 * or a directory's entries, on a page the classifier could not call a listing with certainty (an
 * uncertain page is cleaned as an article; a page it is certain of is a listing, and not pruned at
 * all, or a kind whose link lists are chrome). Pruning them leaves the page's title and nothing
 * else; they stay (`keep-link-lists`), and the other rules still run. When the main container
 * holds an article's prose (MIN_ARTICLE_PROSE), the link lists around it are chrome, however much
 * of the page they are (a short news story beside a column of teasers).
 */
const LINK_LISTS_ARE_CONTENT = 0.5;
/** Prose (non-space characters, about 40 words) that makes the main container an article: prose-guard.ts's MIN_REAL_PROSE_CHARS. */
const MIN_ARTICLE_PROSE = MIN_REAL_PROSE_CHARS;

/** The share of the tree's text in the outermost blocks `ruleOf` would prune as link lists. */
function linkListShare(tree: Root, stats: StatsMap, ruleOf: (node: Element) => string | null): number {
  const total = stats.get(tree)?.text ?? 0;
  if (total === 0) return 0;
  let lists = 0;
  walkElements(tree, (child) => {
    const rule = ruleOf(child);
    if (rule === 'prune-link-list') lists += stats.get(child)?.text ?? 0;
    return rule === null;
  });
  return lists / total;
}

/**
 * The blocks that hold the main container select-main-content chose (its ancestors), when that
 * container holds an article's prose: never pruned whole, whatever the link lists around the
 * article make of their figures (a printed page's body wrapper, mostly menus), as that would take
 * the article with them; what is inside is still pruned. Around a container of links (a listing)
 * they may go, and the page falls back to its readable text (ensure-article.ts). wcxb-dev half 1,
 * with the guard for every main container: listings lost 0.47 F1 on one page that fell back so.
 */
function mainContentHolders(file: VFile, stats: StatsMap): Set<Element | Root> {
  const holders = new Set<Element | Root>();
  for (const part of file.data.mainContent?.parts ?? []) {
    for (let node = stats.get(part)?.parent ?? null; node && !holders.has(node); node = stats.get(node)?.parent ?? null) holders.add(node);
  }
  return holders;
}

/** Whether the main container select-main-content chose holds an article's prose. */
function foundArticle(file: VFile, stats: StatsMap): boolean {
  const parts = file.data.mainContent?.parts ?? [];
  return parts.reduce((n, p) => n + (stats.get(p)?.proseText ?? 0), 0) >= MIN_ARTICLE_PROSE;
}

/**
 * A data table is the page's structure, not a block of links or a named widget (see dataTable in
 * drop-boilerplate-regions.ts), and so is what its cells hold: a heading cell's source line with
 * its one link is the table's caption, not a link list. It is not pruned, nor entered; an empty one
 * still goes.
 */
function isDataTable(node: Element, stats: StatsMap): boolean {
  return node.tagName === 'table' && (stats.get(node)?.text ?? 0) > 0 && !isLayoutTable(node);
}

function conditionalRule(node: Element, stats: StatsMap, kind: PageKind, layoutWords?: ReadonlySet<string>): string | null {
  const s = stats.get(node);
  if (!s) return null;
  if (s.commas >= PROSE_COMMAS) return null;
  if (isDataTable(node, stats)) return null;
  const weight = classWeight(node, kind, layoutWords);
  const density = linkDensity(s);
  if (weight < 0 && s.proseText < 200) return 'prune-negative-class';
  if (s.text === 0) return hasMedia(node) ? null : 'prune-empty';
  const isList = node.tagName === 'ul' || node.tagName === 'ol';
  const linkList = (weight <= 0 && density > MAX_LINK_DENSITY && !(isList && density < 0.5 && s.text > 200)) || (weight > 0 && density > MAX_LINK_DENSITY_POSITIVE);
  // Links beside a run of prose paragraphs do not make the paragraphs a link list (a printed
  // page's story continued above its "Most popular" list): the block stays, and its link lists
  // are pruned one by one below it.
  return linkList && !realProse(node, stats, true, 0) ? 'prune-link-list' : null;
}

function hasMedia(node: Element): boolean {
  return holds(node, (n) => n.tagName === 'img' || n.tagName === 'picture' || n.tagName === 'table' || n.tagName === 'hr' || n.tagName === 'br', true);
}

/**
 * A heading that names a boilerplate block drops the heading and the block after it, up to the next
 * heading of its level; unless the block holds real prose (prose-guard.ts): a heading's words alone
 * do not remove a section of paragraphs or code ("Comments" in a guide to writing code comments).
 */
function dropHeadedBoilerplate(tree: Root, file: VFile, stats: StatsMap): void {
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children;
    const out: Array<(typeof children)[number]> = [];
    for (let i = 0; i < children.length; ) {
      const child = children[i]!;
      const text = isElement(child) && /^h[1-6]$/.test(child.tagName) ? textOf(child) : null;
      if (text === null || !isBoilerplateHeading(text)) {
        out.push(child);
        i++;
        continue;
      }
      // The block runs to the next heading of its level or above (a boilerplate heading there
      // opens a block of its own); a deeper boilerplate heading ("Comments" under "Related")
      // continues it at its own level.
      let level = Number((child as Element).tagName[1]);
      let end = i + 1;
      for (; end < children.length; end++) {
        const next = children[end]!;
        if (!isElement(next) || !/^h[1-6]$/.test(next.tagName)) continue;
        const nextLevel = Number(next.tagName[1]);
        if (nextLevel <= level) break;
        if (isBoilerplateHeading(textOf(next))) level = nextLevel;
      }
      const block = children.slice(i, end) as Element['children'];
      // The heading is the name; what is under it must hold the prose ("About the author" over a
      // bio's two paragraphs goes, "More on fields" over a guide's paragraphs and code stays).
      const real = keptByProse(block.slice(1), stats);
      if (real) {
        explain(file, 'keep-real-prose', `kept block headed "${text}" holding ${real.reason}`);
        out.push(child);
        i++;
        continue;
      }
      recordRemoval(file, 'drop-headed-boilerplate', block, stats);
      explain(file, 'drop-headed-boilerplate', `dropped block headed "${text}"`);
      i = end;
    }
    parent.children = out as typeof parent.children;
    for (const child of parent.children) if (isElement(child)) stack.push(child);
  }
}

/** "You may also like...", "Related:": the words name the block, not the punctuation. */
function isBoilerplateHeading(text: string): boolean {
  return BOILERPLATE_HEADING.test(text.replace(/[\s.…:!?»>|-]+$/u, ''));
}
