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
 * template is left as it is (hidden, and dropped later).
 *
 * Written by hand: no library assembles streamed HTML without running its scripts.
 */
export function assembleStreamedSegments(tree: Root): number {
  const segments: Array<{ node: Element; suffix: string }> = [];
  const templates = new Map<string, Element>();
  const parents = new Map<Element, Parents>();
  walkElements(tree, (node, parent) => {
    const id = attr(node, 'id');
    if (id === null || id.length < 3 || id[1] !== ':') return;
    if (node.tagName === 'div' && id[0] === 'S' && node.properties?.hidden != null && node.properties.hidden !== false) {
      segments.push({ node, suffix: id.slice(2) });
      parents.set(node, parent);
    } else if (node.tagName === 'template' && (id[0] === 'B' || id[0] === 'P')) {
      templates.set(id, node);
      parents.set(node, parent);
    }
  });
  let moved = 0;
  for (const { node, suffix } of segments) {
    const boundary = templates.get(`B:${suffix}`);
    const template = boundary ?? templates.get(`P:${suffix}`);
    if (!template) continue;
    const into = parents.get(template)!;
    // A placeholder inside a fallback that an earlier segment replaced is gone: nothing to fill.
    if (!into.children.includes(template as ElementContent)) continue;
    const from = parents.get(node)!;
    from.children = from.children.filter((c) => c !== node);
    const at = into.children.indexOf(template as ElementContent);
    const end = boundary ? fallbackEnd(into.children, at) : at + 1;
    // Templates and segments directly inside this one now sit in its new parent.
    for (const child of node.children) if (child.type === 'element') parents.set(child, into);
    into.children = into.children.slice(0, at).concat(node.children, into.children.slice(end)) as typeof into.children;
    moved++;
  }
  return moved;
}

/**
 * Where a boundary's fallback ends: `$RC` removes from the template up to the matching `<!--/$-->`
 * (nested boundaries open with `$`, `$?` or `$!`), when the template follows a `<!--$?-->`;
 * otherwise only the template goes.
 */
function fallbackEnd(siblings: Parents['children'], at: number): number {
  const before = siblings[at - 1];
  if (!(before && before.type === 'comment' && (before as Comment).value === '$?')) return at + 1;
  let depth = 0;
  for (let i = at + 1; i < siblings.length; i++) {
    const node = siblings[i]!;
    if (node.type !== 'comment') continue;
    const value = (node as Comment).value;
    if (value === '/$') {
      if (depth === 0) return i;
      depth--;
    } else if (value === '$' || value === '$?' || value === '$!') depth++;
  }
  return siblings.length;
}
