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

/**
 * The statistics of every element under a root (computeStats), looked up by element. Each element
 * carries its index in the measurement's arrays, in its `properties` (a non-enumerable symbol
 * property, which listings, copies, clones and comparisons of properties do not see; where an
 * empty `{}` has room for it, V8 stores it without allocating, and on the element itself it cost
 * 11 MB on the wide 8 MB page). Adding that page's 274,000 paragraphs to a `Map` was about half
 * of measuring them (0.2 of 0.37 CPU-s a measurement), at every stage that measures. An
 * element measured by another StatsMap since, or sharing its properties with a copy (its index
 * then points elsewhere), is found through a `Map` of this one's elements, made only then.
 */
export class StatsMap {
  private byNode: Map<Element | Root, NodeStats> | null = null;

  /** Every measured element (the root first) and, at the same index, its statistics. */
  constructor(
    private readonly nodes: ReadonlyArray<Element | Root>,
    private readonly records: readonly NodeStats[],
  ) {}

  get(node: Element | Root): NodeStats | undefined {
    const index = node.type === 'root' ? (node === this.nodes[0] ? 0 : undefined) : (node.properties as Slotted)[SLOT];
    if (index === undefined) return undefined; // never measured
    if (this.nodes[index] === node) return this.records[index];
    this.byNode ??= new Map(this.nodes.map((n, i) => [n, this.records[i]!]));
    return this.byNode.get(node);
  }

  has(node: Element | Root): boolean {
    return this.get(node) !== undefined;
  }
}

const SLOT = Symbol('stats index');
type Slotted = { [SLOT]?: number };

export function computeStats(root: Root | Element): StatsMap {
  const nodes: Array<Element | Root> = [];
  const records: NodeStats[] = [];
  measure(root, nodes, records);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'root') continue; // only ever the measured root, at 0
    const slotted = node.properties as Slotted;
    if (SLOT in slotted) slotted[SLOT] = i;
    else Object.defineProperty(slotted, SLOT, { value: i, writable: true });
  }
  return new StatsMap(nodes, records);
}

/** The statistics of `root` alone: computeStats(root).get(root), without a record of every element. */
export function rootStats(root: Root | Element): NodeStats {
  return measure(root, [], []);
}

/**
 * One pass down (each element's own text runs, counted as it is reached) and one up (each
 * element's totals added to its parent's), over arrays: no tuple per element on the way down, no
 * map look-up per child on the way up. Every element but `SKIP`'s (and what is under them) is
 * measured, into `nodes` and, at the same index, `measured` (both empty when called). Iterative,
 * so deep pages cannot overflow.
 */
function measure(root: Root | Element, nodes: Array<Element | Root>, measured: NodeStats[]): NodeStats {
  const top: NodeStats = { text: 0, linkText: 0, commas: 0, paragraphs: 0, proseText: 0, parent: null };
  nodes.push(root);
  measured.push(top);
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
        nodes.push(child);
        measured.push({ text: 0, linkText: 0, commas: 0, paragraphs: 0, proseText: 0, parent: node });
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

