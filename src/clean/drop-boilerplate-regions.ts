import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, classAndId, holds, isElement, removeWhere } from '../hast/util.js';
import { firstWords } from '../hast/first-words.js';
import { explain } from '../messages.js';
import { computeStats, linkDensity, type NodeStats, type StatsMap } from '../hast/stats.js';
import { keptByProse, MAX_PARAGRAPH_LINKS, MIN_PAGE_PROSE, recordRemoval, type RealProse } from './prose-guard.js';
import { BOILERPLATE_GROUPS, BOILERPLATE_ROLES, ARTICLE_BODY_NAMES, EMBED_NAMES, CONTENT_KINDS_BY_PAGE, statesInvisible } from '../vocabulary/class-names.js';
import { BOILERPLATE_TAGS } from '../vocabulary/elements.js';
import { pageKindOf } from '../extract/page-kind.js';
import { isLayoutTable } from './unwrap-layout-tables.js';

/**
 * A region that holds more than this share of the page's prose is never dropped by its name alone:
 * sites wrap whole articles in containers named "has-sidebar" or "post-with-comments".
 */
const MAX_PROSE_SHARE = 0.4;

/**
 * A `<header>` inside an article or a section is that article's or section's header (a section's
 * heading, a teaser's title and standfirst on a listing's cards), not the page's banner: the HTML
 * standard maps it to the banner landmark only outside sectioning content and `main`. The header
 * that holds the page's `<h1>` is the article's title block (title, standfirst, byline), which
 * the metadata carries, and still goes (scrapinghub-dev's truth has no standfirsts).
 */
const SECTIONING = new Set(['article', 'section', 'main']);

const CODE = new Set(['pre', 'code']);

/** Elements that are the document or the article itself and are never boilerplate by name. */
const NEVER_DROP = new Set(['html', 'body', 'main', 'article']);

/**
 * A class word whose blocks together hold more than MAX_PROSE_SHARE of the page's prose is the
 * site's layout vocabulary on this page, not a label of boilerplate: page builders call every
 * section of a course catalogue a "widget", every case study a "promo", every offer a "popup"
 * template, and dropping them by that word leaves the page empty. Such a word (counting the blocks
 * that are not mostly links, on a page with prose enough to share: MIN_PAGE_PROSE) removes nothing on
 * the page (the blocks still face every other rule). The same share as for one region, stated once:
 * the repetition of a name does not make it stronger evidence than one large region's name.
 * Comments are the exception: a thread routinely outgrows the article it follows, and on a page
 * that is a thread they are content anyway (CONTENT_KINDS_BY_PAGE); so are the words that say a
 * block is shown to screen readers only (statesInvisible), which state what a reader sees, not
 * what a block is.
 * The layout words are kept in `file.data.layoutWords`: they lower no container's score either.
 */
const MAY_OUTGROW_THE_PAGE = new Set(['comments', 'reviews']);

declare module 'vfile' {
  interface DataMap {
    /** Class words the page uses for its layout, not for boilerplate (MAY_OUTGROW_THE_PAGE's note). */
    layoutWords: ReadonlySet<string>;
  }
}

/** What names a block as boilerplate: its kind (the rule id), and the class/id word that said so (null for a landmark element or an ARIA role). */
interface BoilerplateName {
  kind: string;
  word: string | null;
}

/**
 * rehype plugin: drop navigation, headers, footers, sidebars, share bars, related lists, comment
 * sections, cookie and newsletter prompts, ads, author-bio boxes and translation switchers, as
 * named by landmark elements, ARIA roles, or the class/id vocabulary in vocabulary/class-names.ts.
 */
export default function dropBoilerplateRegions() {
  return (tree: Root, file: VFile) => {
    const stats = computeStats(tree);
    const total = stats.get(tree)!.proseText || 1;
    const content = CONTENT_KINDS_BY_PAGE[pageKindOf(file)];
    const vetoed = new Set<string>();
    let survey = surveyRegions(tree, stats, total, content, vetoed);
    while (total >= MIN_PAGE_PROSE) {
      const byWord = new Map<string, number>();
      for (const [node, name] of survey.remove) {
        const s = stats.get(node)!;
        // Blocks mostly of links are lists of links, whatever the page calls them.
        if (name.word === null || MAY_OUTGROW_THE_PAGE.has(name.kind) || statesInvisible(name.word) || linkDensity(s) > MAX_PARAGRAPH_LINKS) continue;
        byWord.set(name.word, (byWord.get(name.word) ?? 0) + s.proseText);
      }
      const layoutWords = [...byWord].filter(([word, prose]) => !vetoed.has(word) && prose / total > MAX_PROSE_SHARE).map(([word]) => word);
      if (layoutWords.length === 0) break;
      for (const word of layoutWords) {
        vetoed.add(word);
        explain(file, 'keep-layout-name', () => `kept the blocks named "${word}": together they hold ${Math.round((100 * byWord.get(word)!) / total)}% of the page's prose`);
      }
      survey = surveyRegions(tree, stats, total, content, vetoed);
    }
    if (vetoed.size > 0) file.data.layoutWords = vetoed;
    for (const [node, real, kind] of survey.kept) explain(file, `keep-real-prose`, () => `kept ${kind} <${node.tagName}> holding ${real.reason}: "${firstWords(node)}"`);
    const remove = survey.remove;
    if (remove.size === 0) return;
    for (const [node, { kind }] of remove) {
      recordRemoval(file, `drop-${kind}`, node, stats);
      explain(file, `drop-${kind}`, () => `dropped ${kind} <${node.tagName}>: "${firstWords(node)}"`);
    }
    removeWhere(tree, (child) => isElement(child) && remove.has(child));
  };
}

interface Survey {
  /** The blocks to drop (outermost only), with what named them. */
  remove: Map<Element, BoilerplateName>;
  /** The blocks named as boilerplate that real prose keeps in place. */
  kept: Array<[Element, RealProse, string]>;
}

/** The boilerplate blocks of the page, words in `vetoed` naming nothing. */
function surveyRegions(tree: Root, stats: StatsMap, total: number, content: ReadonlySet<string> | undefined, vetoed: ReadonlySet<string>): Survey {
  const survey: Survey = { remove: new Map(), kept: [] };
  // Each element with whether it sits inside sectioning content (SECTIONING).
  const stack: Array<[Element, boolean]> = [];
  for (const child of tree.children) if (child.type === 'element') stack.push([child, false]);
  while (stack.length > 0) {
    const [node, sectioned] = stack.pop()!;
    // Code is the author's text, whatever a highlighter names its spans (`token comment`).
    if (CODE.has(node.tagName)) continue;
    const name = sectioned && node.tagName === 'header' && !holdsTag(node, 'h1') ? null : boilerplateName(node, content);
    // A data table's cells are its data, whatever they are named (`<th class="header">`).
    if (name === null && node.tagName === 'table' && !isLayoutTable(node)) continue;
    const s = stats.get(node);
    if (name && (name.word === null || !vetoed.has(name.word)) && s && (s.proseText / total <= MAX_PROSE_SHARE || isModal(node)) && !holdsArticleBody(node) && !namedAsContent(node, s) && !isEmbed(node)) {
      // A class/id name is weak evidence: a block of real prose stays (prose-guard.ts). A landmark
      // element or an ARIA role is the page's own statement, and goes (with a warning if large).
      const real = name.word !== null && (keptByProse(node, stats, name.kind) || dataTable(node));
      if (real) {
        survey.kept.push([node, real, name.kind]);
      } else {
        survey.remove.set(node, name);
        continue;
      }
    }
    const inside = sectioned || SECTIONING.has(node.tagName);
    for (const child of node.children) if (child.type === 'element') stack.push([child, inside]);
  }
  return survey;
}

/** The kind of boilerplate an element is named as, or null; kinds in `content` are this page's content. */
export function boilerplateKind(node: Element, content?: ReadonlySet<string>): string | null {
  return boilerplateName(node, content)?.kind ?? null;
}

function boilerplateName(node: Element, content?: ReadonlySet<string>): BoilerplateName | null {
  if (NEVER_DROP.has(node.tagName)) return null;
  if (BOILERPLATE_TAGS.has(node.tagName)) return { kind: node.tagName === 'aside' ? 'sidebar' : node.tagName === 'menu' ? 'navigation' : node.tagName, word: null };
  const role = attr(node, 'role');
  if (role && BOILERPLATE_ROLES.has(role.toLowerCase()) && !isAccordion(node, role)) return { kind: role.toLowerCase(), word: null };
  const names = classAndId(node);
  if (!names) return null;
  for (const [kind, pattern] of Object.entries(BOILERPLATE_GROUPS)) {
    if (content?.has(kind)) continue;
    const match = pattern.exec(names);
    if (match) return { kind, word: match[2] };
  }
  return null;
}

/**
 * A data table (headed, rows and columns: unwrap-layout-tables.ts's test) is the page's own
 * structure, like code: a class word does not remove it (`class="wikitable sortable
 * sticky-header"`, a list of laureates, is not a site header). Readability keeps data tables out of
 * its conditional cleaning for the same reason.
 */
function dataTable(node: Element): RealProse | null {
  return node.tagName === 'table' && !isLayoutTable(node) ? { chars: 0, reason: 'a data table' } : null;
}

/**
 * A tab list holds tabs, short labels whose panels sit beside it. One that holds the panels its
 * tabs open (an element with `role="tabpanel"`, or whose id a tab's `aria-controls` names) is an
 * accordion, as Bootstrap marks its collapsible sections: the panels are the page's text (a
 * course's syllabus, a product's FAQ), and the role says nothing against them.
 */
function isAccordion(node: Element, role: string): boolean {
  if (role.toLowerCase() !== 'tablist') return false;
  const controlled = new Set<string>();
  const ids: string[] = [];
  const stack: Element[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== node && attr(n, 'role')?.toLowerCase() === 'tabpanel') return true;
    const controls = attr(n, 'ariaControls');
    if (controls) for (const id of controls.split(/\s+/)) controlled.add(id);
    const id = attr(n, 'id');
    if (id) ids.push(id);
    for (const c of n.children) if (c.type === 'element') stack.push(c);
  }
  return ids.some((id) => controlled.has(id));
}

/**
 * Mixed names ("entry-content entry-content-read-more", "story-body has-share-tools") are settled
 * by what the region holds: named as content and holding prose with few links, it stays.
 */
const NAMED_CONTENT_MIN_PROSE = 200;
const NAMED_CONTENT_MAX_LINKS = 0.25;

function namedAsContent(node: Element, s: NodeStats): boolean {
  if (BOILERPLATE_TAGS.has(node.tagName)) return false;
  return ARTICLE_BODY_NAMES.test(classAndId(node)) && s.proseText >= NAMED_CONTENT_MIN_PROSE && linkDensity(s) < NAMED_CONTENT_MAX_LINKS;
}

/**
 * A modal dialog (`aria-modal="true"` on a dialog role) is laid over the page and blocks it until
 * dismissed: a cookie or sign-in prompt, never the page's content, however much it says.
 */
function isModal(node: Element): boolean {
  const role = attr(node, 'role')?.toLowerCase();
  return (role === 'dialog' || role === 'alertdialog') && attr(node, 'ariaModal') === 'true';
}

/** Posts the author embedded in the story (a quoted tweet) are content, whatever "social" names them. */
function isEmbed(node: Element): boolean {
  return EMBED_NAMES.test(classAndId(node)) && holdsTag(node, 'blockquote');
}

/** Whether the element is or holds an element of the given tag. */
function holdsTag(node: Element, tagName: string): boolean {
  return holds(node, (n) => n.tagName === tagName, true);
}

function holdsArticleBody(node: Element): boolean {
  const itemprop = attr(node, 'itemProp');
  return itemprop !== null && /articlebody/i.test(itemprop);
}
