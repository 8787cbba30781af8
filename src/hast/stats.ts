import type { Element, Root } from 'hast';

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
  measure(root, stats);
  return stats;
}

/** The statistics of `root` alone: computeStats(root).get(root), without a map of every element. */
export function rootStats(root: Root | Element): NodeStats {
  return measure(root, null);
}

/**
 * One pass down (each element's own text runs, counted as it is reached) and one up (each
 * element's totals added to its parent's), over arrays: no tuple per element on the way down, no
 * map look-up per child on the way up. Every element but `SKIP`'s (and what is under them) is
 * measured and, when `into` is given, recorded there. Iterative, so deep pages cannot overflow.
 */
function measure(root: Root | Element, into: StatsMap | null): NodeStats {
  const top: NodeStats = { text: 0, linkText: 0, commas: 0, paragraphs: 0, proseText: 0, parent: null };
  into?.set(root, top);
  const nodes: Array<Element | Root> = [root];
  const measured: NodeStats[] = [top];
  /** The index in `nodes` of each node's parent (-1 for the root). */
  const parents: number[] = [-1];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const s = measured[i]!;
    const prose = node.type === 'element' && PROSE_CONTAINERS.has(node.tagName);
    for (const child of node.children) {
      if (child.type === 'text') {
        const value = child.value;
        const chars = countNonSpace(value);
        s.text += chars;
        s.commas += countCommas(value);
        if (chars >= MIN_PROSE_RUN && prose) s.proseText += chars;
      } else if (child.type === 'element' && !SKIP.has(child.tagName)) {
        const c: NodeStats = { text: 0, linkText: 0, commas: 0, paragraphs: 0, proseText: 0, parent: node };
        into?.set(child, c);
        nodes.push(child);
        measured.push(c);
        parents.push(i);
      }
    }
  }
  // Children come after their parents in `nodes`: backwards, each is complete when added up.
  for (let i = nodes.length - 1; i > 0; i--) {
    const child = nodes[i] as Element;
    const c = measured[i]!;
    const s = measured[parents[i]!]!;
    s.text += c.text;
    s.linkText += child.tagName === 'a' ? c.text : c.linkText;
    s.commas += c.commas;
    s.paragraphs += c.paragraphs + (child.tagName === 'p' ? 1 : 0);
    s.proseText += PROSE.has(child.tagName) ? c.text : c.proseText;
  }
  return top;
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

