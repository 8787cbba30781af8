import type { Comment, Element, ElementContent, Parents, Root } from 'hast';
import { attr, walkElements } from '../hast/util.js';

/**
 * Streamed server rendering (React's Fizz renderer, behind Next.js, Remix and most React sites)
 * sends a page in pieces: where a part is not ready, the first bytes hold a placeholder
 * (`<template id="B:7">` after a `<!--$?-->` comment, with a loading fallback up to `<!--/$-->`,
 * or a bare `<template id="P:7">`), and the part itself arrives later at the end of the body as
 * `<div hidden id="S:7">…</div>` followed by a one-line script (`$RC("B:7","S:7")` or
 * `$RS("S:7","P:7")`) that moves it into place. unboil runs no scripts, so without this step the
 * article of such a page sits in hidden divs and is dropped with the rest of the hidden markup.
 *
 * Here the tree is assembled as those scripts would assemble it, from the markup alone (saved pages
 * often lose their scripts): segment `S:x` goes to template `B:x` or `P:x`, the ids React gives
 * them. A boundary template's loading fallback is removed, as `$RC` removes it; a segment with no
 * template is left as it is (hidden, and dropped later). A segment whose template lies inside the
 * segment itself is removed with it (a browser refuses to move an element into itself).
 *
 * The children of the parents touched are held as linked lists while the segments move (sibling
 * lists.ts), so that each removal and insertion costs the nodes it moves, not the length of the
 * parent's list: with arrays (filter, indexOf, slice per segment) a page of 20,000 segments took
 * 15.7 CPU-s. A segment costs the depth of its template besides (the check above).
 *
 * Written by hand: no library assembles streamed HTML without running its scripts.
 */
export function assembleStreamedSegments(tree: Root): number {
  const segments: Array<{ node: Element; suffix: string }> = [];
  const templates = new Map<string, Element>();
  walkElements(tree, (node) => {
    const id = attr(node, 'id');
    if (id === null || id.length < 3 || id[1] !== ':') return;
    if (node.tagName === 'div' && id[0] === 'S' && node.properties?.hidden != null && node.properties.hidden !== false) {
      segments.push({ node, suffix: id.slice(2) });
    } else if (node.tagName === 'template' && (id[0] === 'B' || id[0] === 'P')) {
      templates.set(id, node);
    }
  });
  if (segments.length === 0 || templates.size === 0) return 0;
  const siblings = new SiblingLists(tree);
  let moved = 0;
  for (const { node, suffix } of segments) {
    const boundary = templates.get(`B:${suffix}`);
    const template = boundary ?? templates.get(`P:${suffix}`);
    if (!template) continue;
    const into = siblings.parentOf(template);
    // A placeholder inside a fallback that an earlier segment replaced is gone: nothing to fill.
    if (into === null) continue;
    const inside = siblings.isWithin(into, node);
    siblings.remove(node);
    if (inside) continue;
    const end = boundary && siblings.previousIsComment(template, '$?') ? fallbackEnd(siblings, template) : template;
    siblings.replaceRange(template, end, node);
    moved++;
  }
  siblings.write();
  return moved;
}

/**
 * Where a boundary's fallback ends: `$RC` removes from the template up to the matching `<!--/$-->`
 * (nested boundaries open with `$`, `$?` or `$!`), the template following a `<!--$?-->`: the last
 * node to remove (the end of the list when no comment closes it).
 */
function fallbackEnd(siblings: SiblingLists, template: Element): Parents['children'][number] {
  let depth = 0;
  let last: Parents['children'][number] = template;
  for (let node = siblings.next(template); node !== null; node = siblings.next(node)) {
    if (node.type === 'comment') {
      const value = (node as Comment).value;
      if (value === '/$') {
        if (depth === 0) return last;
        depth--;
      } else if (value === '$' || value === '$?' || value === '$!') depth++;
    }
    last = node;
  }
  return last;
}

type Child = Parents['children'][number];
interface Link {
  node: Child;
  prev: Link | null;
  next: Link | null;
}
interface List {
  first: Link | null;
  last: Link | null;
}

/**
 * The tree's parents, each node's parent (null once removed), and the children of the parents
 * touched as doubly linked lists, written back into `children` arrays by `write()`.
 */
class SiblingLists {
  private readonly parents = new Map<Child, Parents | null>();
  private readonly lists = new Map<Parents, List>();
  private readonly links = new Map<Child, Link>();

  constructor(tree: Root) {
    walkElements(tree, (node, parent) => {
      this.parents.set(node, parent);
    });
  }

  parentOf(node: Child): Parents | null {
    return this.parents.get(node) ?? null;
  }

  /** Whether `node` is `ancestor` or lies below it. Bounded by the number of elements, as parents form a forest. */
  isWithin(node: Parents, ancestor: Element): boolean {
    let at: Parents | null = node;
    for (let steps = 0; at !== null && steps <= this.parents.size; steps++) {
      if (at === ancestor) return true;
      at = at.type === 'root' ? null : this.parentOf(at);
    }
    return false;
  }

  next(node: Child): Child | null {
    return this.linkOf(node).next?.node ?? null;
  }

  previousIsComment(node: Child, value: string): boolean {
    const before = this.linkOf(node).prev?.node;
    return before !== undefined && before.type === 'comment' && (before as Comment).value === value;
  }

  /** Take `node` out of its parent (nothing when it has none any more). */
  remove(node: Child): void {
    const parent = this.parentOf(node);
    if (parent === null) return;
    const list = this.listOf(parent);
    const link = this.links.get(node)!;
    this.unlink(list, link, link);
    this.parents.set(node, null);
  }

  /** Put the children of `segment` in place of the siblings `from` to `to` (both removed), and empty it. */
  replaceRange(from: Child, to: Child, segment: Element): void {
    const parent = this.parentOf(from)!;
    const list = this.listOf(parent);
    const first = this.links.get(from)!;
    const last = this.links.get(to)!;
    const after = last.next;
    this.unlink(list, first, last);
    for (let link: Link | null = first; link !== null; link = link === last ? null : link.next) this.parents.set(link.node, null);
    const moving = this.listOf(segment);
    for (let link = moving.first; link !== null; link = link.next) if (link.node.type === 'element') this.parents.set(link.node, parent);
    if (moving.first === null || moving.last === null) return;
    const before = after === null ? list.last : after.prev;
    moving.first.prev = before;
    moving.last.next = after;
    if (before === null) list.first = moving.first;
    else before.next = moving.first;
    if (after === null) list.last = moving.last;
    else after.prev = moving.last;
    moving.first = null;
    moving.last = null;
  }

  /** Every touched parent's list back into its `children`. */
  write(): void {
    for (const [parent, list] of this.lists) {
      const children: Child[] = [];
      for (let link = list.first; link !== null; link = link.next) children.push(link.node);
      parent.children = children as typeof parent.children;
    }
  }

  private linkOf(node: Child): Link {
    return this.links.get(node) ?? (this.listOf(this.parentOf(node)!), this.links.get(node)!);
  }

  /** The list of `parent`'s children, made from its array the first time it is asked for. */
  private listOf(parent: Parents): List {
    let list = this.lists.get(parent);
    if (list === undefined) {
      list = { first: null, last: null };
      for (const node of parent.children) {
        const link: Link = { node, prev: list.last, next: null };
        if (list.last === null) list.first = link;
        else list.last.next = link;
        list.last = link;
        this.links.set(node, link);
      }
      this.lists.set(parent, list);
    }
    return list;
  }

  /** Take the links `first` to `last` (a run of `list`) out of it. */
  private unlink(list: List, first: Link, last: Link): void {
    if (first.prev === null) list.first = last.next;
    else first.prev.next = last.next;
    if (last.next === null) list.last = first.prev;
    else last.next.prev = first.prev;
    first.prev = null;
    last.next = null;
  }
}
