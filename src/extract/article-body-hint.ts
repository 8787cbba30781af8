import type { Element, Root } from 'hast';
import { isElement, textOf, walkElements } from '../hast/util.js';
import { shingleList } from './shingles.js';
import type { StatsMap } from '../hast/stats.js';

/**
 * The JSON-LD `articleBody` as a hint: the page states its article's text, so the element that
 * holds the blocks repeating that text is the article. Only a hint: the stated body may be a
 * summary, stale, or the whole page's text, so it is used only when the page visibly repeats most
 * of it inside one container that is not much larger than it.
 */

/** A block repeats the stated body when this share of its shingles occurs in it. */
const BLOCK_MATCH = 0.5;
/** The page must repeat at least this share of the stated body's text... */
const MIN_COVERAGE = 0.5;
/** ...the chosen element holds this share of the repeated text... */
const HOLD_SHARE = 0.9;
/** ...and has at most this many times the repeated text (else it is the page, not the article). */
const MAX_GROWTH = 2.5;
/** Stated bodies shorter than this (characters) are summaries, not a hint. */
const MIN_BODY_CHARS = 200;

/** Blocks that hold text directly: the units compared against the stated body. */
const TEXT_BLOCKS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'div', 'section', 'article', 'span', 'font']);

export function articleBodyElement(body: Root | Element, stats: StatsMap, articleBody: string | undefined): Element | null {
  if (!articleBody || articleBody.replace(/\s+/g, '').length < MIN_BODY_CHARS) return null;
  const stated = new Set(shingleList(articleBody));
  if (stated.size === 0) return null;
  const matched = new Map<Element | Root, number>();
  let total = 0;
  walkElements(body as Root, (node) => {
    if (!TEXT_BLOCKS.has(node.tagName) || !holdsText(node)) return;
    const own = ownText(node);
    const shingles = shingleList(own);
    let hits = 0;
    for (const s of shingles) if (stated.has(s)) hits++;
    if (shingles.length > 0 && hits / shingles.length >= BLOCK_MATCH) {
      const chars = own.replace(/\s+/g, '').length;
      total += chars;
      for (let n: Element | Root | null = node; n; n = stats.get(n)?.parent ?? null) matched.set(n, (matched.get(n) ?? 0) + chars);
    }
    if (WHOLE_BLOCKS.has(node.tagName)) return false; // compared whole: nested spans are not counted twice
  });
  const statedChars = articleBody.replace(/\s+/g, '').length;
  if (total < statedChars * MIN_COVERAGE) return null;
  // The deepest element that holds nearly all the repeated text.
  let best: Element | null = null;
  let bestText = Infinity;
  for (const [node, chars] of matched) {
    if (!isElement(node) || chars < total * HOLD_SHARE) continue;
    const text = stats.get(node)?.text ?? Infinity;
    if (text < bestText) {
      best = node;
      bestText = text;
    }
  }
  if (!best || bestText > total * MAX_GROWTH) return null;
  return best;
}

const WHOLE_BLOCKS = new Set(['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption']);

/** Whether the element has text of its own (not only inside child elements that are blocks). */
function holdsText(node: Element): boolean {
  return node.children.some((c) => c.type === 'text' && c.value.trim() !== '') || node.tagName === 'p' || /^h[1-6]$/.test(node.tagName) || node.tagName === 'li' || node.tagName === 'pre';
}

/** The text of a block without the text of nested blocks (those are compared on their own). */
function ownText(node: Element): string {
  if (!['div', 'section', 'article', 'span', 'font', 'td', 'th', 'li', 'dd', 'blockquote'].includes(node.tagName)) return textOf(node);
  const parts: string[] = [];
  for (const c of node.children) {
    if (c.type === 'text') parts.push(c.value);
    else if (isElement(c) && !TEXT_BLOCKS.has(c.tagName)) parts.push(textOf(c));
  }
  return parts.join(' ');
}
