import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, classAndId, findBody, isElement, textOf, walkElements } from '../hast/util.js';
import { explain, warn } from '../messages.js';
import { computeStats, linkDensity, type NodeStats, type StatsMap } from '../hast/stats.js';
import { CONTENT_HINT, namesWithout, negativeHint } from '../vocabulary/class-names.js';
import { pageKindOf } from './page-kind.js';
import type { PageKind } from '../types.js';
import { firstWords } from '../hast/first-words.js';
import { articleBodyElement } from './article-body-hint.js';

declare module 'vfile' {
  interface DataMap {
    /**
     * The main container (with the siblings that belong to it) that selection found, left in place:
     * the page is cleaned as a whole, and narrow-to-main-content.ts decides afterwards whether the
     * article is that container or the whole cleaned page. `stated`: the container repeats the
     * page's JSON-LD articleBody, so the publisher has said where the article is.
     */
    mainContent: { parts: Element[]; body: Element | Root; stated: boolean };
  }
}

/**
 * Main-content selection, after Readability's scoring: every prose block gives points to its
 * parent and, less, to its ancestors; containers are weighted by tag and by class/id hints and
 * discounted by link density; the best container wins, with its siblings that look like part of
 * the same article. Semantic containers (`[itemprop=articleBody]`, `<article>`, `<main>`) that
 * hold most of the winner's text are preferred.
 */

/** Blocks shorter than this (characters) are not scored as prose. */
const MIN_BLOCK_TEXT = 25;
/** How many ancestor levels a block's score reaches. */
const SCORE_LEVELS = 5;
/** A sibling joins the article when its score reaches this share of the winner's. */
const SIBLING_SHARE = 0.2;
/** A semantic container is preferred when it holds at least this share of the winner's text... */
const SEMANTIC_MIN_SHARE = 0.8;
/** ...and not more than this many times the winner's text (it is not the whole page). */
const SEMANTIC_MAX_GROWTH = 1.6;

const SCORED_BLOCKS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd']);

export default function selectMainContent() {
  return (tree: Root, file: VFile) => {
    const body = findBody(tree);
    const stats = computeStats(body);
    const kind = pageKindOf(file);
    const layoutWords = file.data.layoutWords;
    const scores = scoreContainers(body, stats, kind, layoutWords);
    let best: Element | null = null;
    let bestScore = -Infinity;
    for (const [node, score] of scores) {
      if (CANDIDATE_TAGS.has(node.tagName) && score > bestScore) {
        best = node;
        bestScore = score;
      }
    }
    let hinted = articleBodyElement(body, stats, file.data.articleBody);
    // A single block repeats the whole stated body: its container is the article.
    const hintParent = hinted && !CANDIDATE_TAGS.has(hinted.tagName) ? stats.get(hinted)?.parent : null;
    if (hintParent && hintParent.type === 'element') hinted = hintParent;
    if (hinted) {
      explain(file, 'select-article-body-hint', `the page's JSON-LD articleBody is repeated in <${hinted.tagName}${describe(hinted)}>`);
      best = hinted;
      bestScore = Math.max(bestScore, scores.get(hinted) ?? 0);
    }
    if (!best) {
      warn(file, 'no-main-content', 'no article-like block found; kept the readable text of the whole page');
      return;
    }
    best = preferSemanticContainer(best, stats, body);
    const grown = growOverProse(best, stats, body);
    if (grown !== best) {
      explain(file, 'grow-over-prose', `widened the article from <${best.tagName}${describe(best)}> to <${grown.tagName}${describe(grown)}>: the rest of it is prose`);
      best = grown;
      bestScore = Math.max(bestScore, scores.get(grown) ?? 0);
    }
    // The stated body already says where the article ends: no siblings are added to it.
    const parts = hinted ? [best] : withSiblings(best, scores, bestScore, stats, kind, layoutWords);
    const kept = stats.get(body)!.text;
    const chosen = parts.reduce((n, p) => n + (isElement(p) ? (stats.get(p)?.text ?? 0) : 0), 0);
    explain(file, 'select-main-content', `selected <${best.tagName}${describe(best)}> with ${chosen} of ${kept} characters of text`);
    file.data.mainContent = { parts: parts.filter((p): p is Element => isElement(p)), body, stated: hinted !== null };
  };
}

/** Elements that can be the article's container (not inline elements, not single blocks). */
const CANDIDATE_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'form', 'center', 'font', 'span', 'dd', 'blockquote']);

/**
 * Recall rescue: an article split into several containers (by a figure, a pull quote, an ad slot)
 * is one article. Climb from the chosen container while what its ancestors add is prose with few
 * links; stop at the first ancestor that adds more than a little non-prose text (page chrome).
 */
const GROW_LEVELS = 6;
/** The added text must be at least this share prose... */
const GROW_MIN_PROSE = 0.6;
/** ...at most this share link text... */
const GROW_MAX_LINKS = 0.2;
/** ...and its non-prose part at most this share of the article's prose so far (or GROW_SLACK characters). */
const GROW_MAX_NOISE = 0.2;
const GROW_SLACK = 200;

function growOverProse(best: Element, stats: StatsMap, body: Element | Root): Element {
  const base = stats.get(best)!;
  let chosen = best;
  let node: Element | Root | null = base.parent;
  for (let level = 0; level < GROW_LEVELS && node && node !== body && node.type === 'element'; level++) {
    const s = stats.get(node)!;
    const added = s.text - base.text;
    if (added > 0) {
      const prose = s.proseText - base.proseText;
      const links = s.linkText - base.linkText;
      const noise = added - prose;
      if (noise > Math.max(GROW_SLACK, (base.text + prose) * GROW_MAX_NOISE)) break;
      if (prose / added >= GROW_MIN_PROSE && links / added <= GROW_MAX_LINKS) chosen = node;
    }
    node = s.parent;
  }
  return chosen;
}

/** The biggest regions left out of the article, for the `--explain` audit trail. */
export function droppedBy(body: Element | Root, parts: ElementContent[], stats: StatsMap): Element[] {
  const kept = new Set<Element | Root>();
  for (const p of parts) if (isElement(p)) for (let n: Element | Root | null = p; n; n = stats.get(n)?.parent ?? null) kept.add(n);
  const out: Element[] = [];
  const stack: Array<Element | Root> = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (!isElement(child) || parts.includes(child)) continue;
      if (kept.has(child)) stack.push(child);
      else if ((stats.get(child)?.text ?? 0) > 0) out.push(child);
    }
  }
  return out;
}

function scoreContainers(body: Element | Root, stats: StatsMap, kind: PageKind, layoutWords?: ReadonlySet<string>): Map<Element, number> {
  const scores = new Map<Element, number>();
  const initial = (node: Element): number => {
    let score = 0;
    switch (node.tagName) {
      case 'div': case 'article': case 'section': case 'main': score = 5; break;
      case 'pre': case 'td': case 'blockquote': score = 3; break;
      case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': score = -3; break;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': score = -5; break;
    }
    if (node.tagName === 'article' || node.tagName === 'main') score += 10;
    const itemprop = attr(node, 'itemProp');
    if (itemprop && /articlebody/i.test(itemprop)) score += 30;
    return score + classWeight(node, kind, layoutWords);
  };
  walkElements(body as Root, (node) => {
    if (!SCORED_BLOCKS.has(node.tagName) && !isTextDiv(node)) return;
    const s = stats.get(node);
    if (!s || s.text < MIN_BLOCK_TEXT) return;
    if (node.tagName === 'li' && linkDensity(s) > 0.5) return;
    const blockScore = 1 + s.commas + Math.min(Math.floor(s.text / 100), 3);
    // A semantic container that holds its text directly is scored as its own container.
    let ancestor: Element | Root | null = !SCORED_BLOCKS.has(node.tagName) && isSemantic(node) ? node : s.parent;
    for (let level = 0; level < SCORE_LEVELS && ancestor && ancestor.type === 'element'; level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, initial(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + blockScore / divider);
      ancestor = stats.get(ancestor)?.parent ?? null;
    }
  });
  for (const [node, score] of scores) {
    const s = stats.get(node)!;
    scores.set(node, score * (1 - linkDensity(s)));
  }
  return scores;
}

/**
 * A div that holds text directly (sites that write paragraphs as `<div>text<br>text</div>`, or
 * mix loose text with blocks): Readability wraps such runs in `<p>`; here they score as a block.
 */
function isTextDiv(node: Element): boolean {
  if (node.tagName !== 'div' && node.tagName !== 'span' && node.tagName !== 'font') return false;
  let direct = 0;
  for (const child of node.children) if (child.type === 'text') direct += child.value.trim().length;
  return direct >= MIN_BLOCK_TEXT;
}


/**
 * A container's class/id weight on a page of the given kind (comment names are a thread's posts),
 * the page's layout words (drop-boilerplate-regions.ts) set aside.
 */
export function classWeight(node: Element, kind: PageKind, layoutWords?: ReadonlySet<string>): number {
  const names = namesWithout(classAndId(node), layoutWords);
  if (!names) return 0;
  let weight = 0;
  if (CONTENT_HINT.test(names)) weight += 25;
  if (negativeHint(kind).test(names)) weight -= 25;
  return weight;
}

function preferSemanticContainer(best: Element, stats: StatsMap, body: Element | Root): Element {
  const bestText = stats.get(best)!.text;
  let node: Element | Root | null = best;
  let chosen = best;
  // Walk up: a semantic container holding the winner and not much more is the article proper.
  while (node && node !== body && node.type === 'element') {
    const s: NodeStats = stats.get(node)!;
    if (s.text > bestText * SEMANTIC_MAX_GROWTH) break;
    if (isSemantic(node)) chosen = node;
    node = s.parent;
  }
  if (chosen !== best) return chosen;
  // Or down: a semantic container inside the winner that holds most of its text.
  let found: Element | null = null;
  walkElements(best, (child) => {
    if (found) return false;
    if (isSemantic(child) && (stats.get(child)?.text ?? 0) >= bestText * SEMANTIC_MIN_SHARE) found = child;
  });
  return found ?? best;
}

function isSemantic(node: Element): boolean {
  if (node.tagName === 'article' || node.tagName === 'main') return true;
  const itemprop = attr(node, 'itemProp');
  return itemprop !== null && /articlebody/i.test(itemprop);
}

function withSiblings(best: Element, scores: Map<Element, number>, bestScore: number, stats: StatsMap, kind: PageKind, layoutWords?: ReadonlySet<string>): ElementContent[] {
  const parent = stats.get(best)?.parent;
  if (!parent || parent.type !== 'element') return [best];
  const threshold = Math.max(10, bestScore * SIBLING_SHARE);
  const bestWeight = classWeight(best, kind, layoutWords);
  const out: ElementContent[] = [];
  for (const sibling of parent.children) {
    if (sibling === best) {
      out.push(best);
      continue;
    }
    if (!isElement(sibling)) continue;
    const s = stats.get(sibling);
    if (!s) continue;
    let bonus = 0;
    const names = classAndId(sibling);
    if (names && names === classAndId(best) && bestWeight >= 0) bonus += bestScore * 0.2;
    const score = (scores.get(sibling) ?? 0) + bonus;
    if (score >= threshold) out.push(sibling);
    else if (sibling.tagName === 'p') {
      const density = linkDensity(s);
      if ((s.text > 80 && density < 0.25) || (s.text > 0 && s.text <= 80 && density === 0 && /\.( |$)/.test(textOf(sibling)))) out.push(sibling);
    }
  }
  return out;
}

export function describe(node: Element): string {
  const names = classAndId(node);
  return names ? ` "${names.slice(0, 60)}"` : '';
}
