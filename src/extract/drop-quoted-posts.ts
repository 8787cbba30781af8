import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { holds, isElement, removeWhere, textOf } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { SHINGLE_SIZE, tokenize } from './shingles.js';
import { computeStats } from '../hast/stats.js';
import { recordRemoval } from '../clean/prose-guard.js';
import { BLOCK_TAGS } from '../hast/limit-depth.js';

/**
 * On a thread, a reply that quotes an earlier post repeats that post's words: the page says them
 * once, where they were written. A `<blockquote>` is a quotation of an earlier post when at least
 * this share of its shingles (4 words in a row) was already said above it; quotes
 * are trimmed and edited, so not all of it need match, yet half of a quote's 4-word runs never
 * repeat earlier text by chance.
 */
const QUOTED_MIN_SHARE = 0.5;
/**
 * A block of text with no block inside it (a paragraph, a line of a list, a parent post's preview
 * above a reply) repeats an earlier post when nearly all of it, this share of its shingles, was
 * said above: a copy, not a reply that quotes a phrase to answer it.
 */
const REPEATED_MIN_SHARE = 0.9;
/** Blocks shorter than this many words are not judged: "Thanks!" and "+1" repeat by nature. */
const REPEATED_MIN_WORDS = 8;

/** The quote's attribution beside it ("jane wrote:", "<cite>jane</cite>") goes with it, when it is at most this many words. */
const ATTRIBUTION_MAX_WORDS = 8;

/**
 * rehype plugin for thread pages (pipeline.ts): drop the quotations of earlier posts in replies,
 * with their attribution line, and blocks that copy them (a parent post's preview above a reply). A blockquote that quotes something the page does not hold above it
 * (a book, a reply elsewhere) is the reply's own content and stays.
 */
export default function dropQuotedPosts() {
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    let window: string[] = [];
    const quotes: Element[] = [];
    const repeats: Element[] = [];
    // Document order: each quote is judged against what the page said above it; a quote that is
    // not a repetition (the first quotation of a post not on this page) is said here, and counts.
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type === 'text') {
          for (const token of tokenize(child.value.toLowerCase())) {
            window.push(token);
            if (window.length > SHINGLE_SIZE) window.shift();
            if (window.length === SHINGLE_SIZE) seen.add(window.join(' '));
          }
        } else if (isElement(child)) {
          if (child.tagName === 'blockquote' && isQuoted(child, seen, QUOTED_MIN_SHARE, SHINGLE_SIZE)) {
            quotes.push(child);
            continue;
          }
          if (isTextBlock(child) && isQuoted(child, seen, REPEATED_MIN_SHARE, REPEATED_MIN_WORDS)) {
            repeats.push(child);
            continue;
          }
          visit(child);
        }
      }
    };
    visit(tree);
    if (quotes.length === 0 && repeats.length === 0) return;
    const drop = new Set<Element>();
    const stats = computeStats(tree);
    for (const block of repeats) {
      drop.add(block);
      recordRemoval(file, 'drop-repeated-post', block, stats);
      explain(file, 'drop-repeated-post', () => `dropped a repetition of an earlier post <${block.tagName}>: "${firstWords(block)}"`);
    }
    for (const quote of quotes) {
      const target = withAttribution(quote, tree);
      drop.add(target);
      recordRemoval(file, 'drop-quoted-post', target, stats);
      explain(file, 'drop-quoted-post', () => `dropped a quotation of an earlier post <${target.tagName}>: "${firstWords(target)}"`);
    }
    removeWhere(tree, (c) => isElement(c) && drop.has(c));
  };
}

function isQuoted(quote: Element, seen: Set<string>, minShare: number, minWords: number): boolean {
  const tokens = tokenize(textOf(quote).toLowerCase());
  if (tokens.length < Math.max(minWords, SHINGLE_SIZE)) return false;
  let found = 0;
  const total = tokens.length - SHINGLE_SIZE + 1;
  for (let i = 0; i < total; i++) if (seen.has(tokens.slice(i, i + SHINGLE_SIZE).join(' '))) found++;
  return found / total >= minShare;
}

/**
 * The quote's box: its parent, when all the parent holds besides the quote is a short attribution
 * (a `<cite>`, or a line ending with a colon, "jane wrote:"); else the quote alone.
 */
/** A block element holding text and no block element. */
function isTextBlock(node: Element): boolean {
  return BLOCK_TAGS.has(node.tagName) && !holds(node, (n) => BLOCK_TAGS.has(n.tagName));
}

function withAttribution(quote: Element, tree: Root): Element {
  const parent = parentOf(quote, tree);
  if (!parent || parent.type !== 'element') return quote;
  const others = parent.children.filter((c): c is ElementContent => c !== quote);
  const text = others.map((c) => textOf(c)).join(' ').trim();
  if (!text) return quote;
  const words = tokenize(text).length;
  const isAttribution = others.every((c) => c.type !== 'element' || c.tagName === 'cite' || !textOf(c).trim()) || /:\s*$/.test(text);
  return words <= ATTRIBUTION_MAX_WORDS && isAttribution ? parent : quote;
}

function parentOf(target: Element, root: Root | Element): Root | Element | null {
  for (const child of root.children) {
    if (child === target) return root;
    if (isElement(child)) {
      const found = parentOf(target, child);
      if (found) return found;
    }
  }
  return null;
}
