import type { Element, Root } from 'hast';
import { isElement } from './util.js';

/** Per-element text statistics, computed in one iterative post-order pass. */
export interface NodeStats {
  /** Characters of visible text (white space collapsed away). */
  text: number;
  /** Characters of text inside links. */
  linkText: number;
  /** Commas (Latin and CJK/Arabic), a sign of prose. */
  commas: number;
  /** Number of `<p>` descendants. */
  paragraphs: number;
  /** Characters of text inside `<p>`-like prose blocks. */
  proseText: number;
  parent: Element | Root | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template']);
const PROSE = new Set(['p', 'pre', 'blockquote']);
/**
 * Containers whose own text runs count as prose: pages that write paragraphs as
 * `<div>text<br>text</div>` (or inside table cells) have no `<p>` at all.
 */
const PROSE_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'td', 'dd', 'font', 'center', 'span', 'body']);
/** A run of direct text this long (non-space characters) in such a container is prose. */
const MIN_PROSE_RUN = 25;

export type StatsMap = Map<Element | Root, NodeStats>;

export function computeStats(root: Root | Element): StatsMap {
  const stats: StatsMap = new Map();
  const order: Array<Element | Root> = [];
  const stack: Array<[Element | Root, Element | Root | null]> = [[root, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    order.push(node);
    stats.set(node, { text: 0, linkText: 0, commas: 0, paragraphs: 0, proseText: 0, parent });
    for (const child of node.children) if (isElement(child) && !SKIP.has(child.tagName)) stack.push([child, node]);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const s = stats.get(node)!;
    for (const child of node.children) {
      if (child.type === 'text') {
        const value = child.value;
        const chars = countNonSpace(value);
        s.text += chars;
        s.commas += countCommas(value);
        if (chars >= MIN_PROSE_RUN && node.type === 'element' && PROSE_CONTAINERS.has(node.tagName)) s.proseText += chars;
      } else if (isElement(child)) {
        const c = stats.get(child);
        if (!c) continue;
        s.text += c.text;
        s.linkText += child.tagName === 'a' ? c.text : c.linkText;
        s.commas += c.commas;
        s.paragraphs += c.paragraphs + (child.tagName === 'p' ? 1 : 0);
        s.proseText += PROSE.has(child.tagName) ? c.text : c.proseText;
      }
    }
  }
  return stats;
}

function countNonSpace(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160) n++;
  }
  return n;
}

function countCommas(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x060c) n++;
  }
  return n;
}

export function linkDensity(s: NodeStats): number {
  return s.text === 0 ? 0 : s.linkText / s.text;
}

