import type { Element, ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { holds, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { anchorIds, fragmentLink, type FragmentLink } from './fragment-links.js';

/**
 * rehype plugin (`drop-back-link`): a note's links back to the places in the text that cite it
 * (`^`, `↩`, Wikipedia's "Jump up" `^ a b`) are navigation, not part of the note. Told by
 * structure, not by their marks: a link inside a note (an element with an id) whose target is an
 * element earlier on the page that holds, or is, a link to that note, both links naming the same
 * page. What held only back links (the `^` and brackets around them) goes with them.
 *
 * Runs before footnotes (which writes the notes it recognises as GFM footnotes) and before
 * resolve-urls (which unwraps in-page links): it also cleans the reference lists footnotes leaves
 * alone, such as a saved page whose in-page links were made absolute.
 */

/**
 * A back link shows a mark or a letter ("^", "↩", "a", "b" for a note cited twice); a word is a
 * cross-reference or a table of contents' link ("Setting up"), and stays.
 */
const MAX_BACK_LINK_CHARS = 3;
/** How many levels above a back link its note is looked for (li > span > b > a, and a little more). */
const NOTE_LEVELS = 6;

export default function dropBackLinks() {
  return (tree: Root, file: VFile) => {
    const order = new Map<Element, number>();
    const parents = new Map<Element, Parents>();
    const byId = new Map<string, Element>();
    /** For each id, the links pointing at it. */
    const linksTo = new Map<string, Array<{ link: Element; target: FragmentLink }>>();
    const candidates: Array<{ link: Element; target: FragmentLink }> = [];
    walkElements(tree, (node, parent) => {
      order.set(node, order.size);
      parents.set(node, parent);
      for (const id of anchorIds(node)) if (!byId.has(id)) byId.set(id, node);
      const target = fragmentLink(node);
      if (!target) return undefined;
      for (const id of target.ids) {
        const list = linksTo.get(id) ?? [];
        list.push({ link: node, target });
        linksTo.set(id, list);
      }
      if (textOf(node, MAX_BACK_LINK_CHARS).length <= MAX_BACK_LINK_CHARS && !inHeading(node, parents)) candidates.push({ link: node, target });
      return undefined;
    });
    if (candidates.length === 0) return;

    const back = new Set<Element>();
    for (const { link, target } of candidates) {
      const cited = target.ids.map((id) => byId.get(id)).find((e) => e !== undefined); // where the link goes back to
      if (!cited || order.get(cited)! >= order.get(link)!) continue;
      if (noteOf(link, cited, target, parents, linksTo)) back.add(link);
    }
    if (back.size === 0) return;
    for (const link of back) removeWithEmptyHolders(link, parents);
    explain(file, 'drop-back-link', `dropped ${back.size} link(s) from notes back to where they are cited`);
  };
}

/**
 * The note holding `link` (an ancestor with an id, within NOTE_LEVELS) that `cited`, or a link in
 * it, points at from the same page: then `link` goes back to where the note is cited.
 */
function noteOf(link: Element, cited: Element, target: FragmentLink, parents: Map<Element, Parents>, linksTo: Map<string, Array<{ link: Element; target: FragmentLink }>>): Element | null {
  let node: Parents | undefined = parents.get(link);
  for (let level = 0; level < NOTE_LEVELS && node && node.type === 'element'; level++) {
    for (const id of anchorIds(node)) {
      for (const ref of linksTo.get(id) ?? []) {
        if (ref.target.page === target.page && (ref.link === cited || isInside(ref.link, cited, parents))) return node;
      }
    }
    node = parents.get(node);
  }
  return null;
}

/** A heading's link goes to its section or its table of contents' entry, never back to a citation. */
function inHeading(node: Element, parents: Map<Element, Parents>): boolean {
  for (let p = parents.get(node); p && p.type === 'element'; p = parents.get(p)) if (/^h[1-6]$/.test(p.tagName)) return true;
  return false;
}

function isInside(node: Element, container: Element, parents: Map<Element, Parents>): boolean {
  for (let p = parents.get(node); p && p.type === 'element'; p = parents.get(p)) if (p === container) return true;
  return false;
}

/** Remove a link, then the holders it leaves with nothing worth keeping (no letter, digit or image). */
function removeWithEmptyHolders(link: Element, parents: Map<Element, Parents>): void {
  let child: Element = link;
  let parent = parents.get(child);
  while (parent) {
    parent.children = (parent.children as ElementContent[]).filter((c) => c !== child) as typeof parent.children;
    if (parent.type !== 'element' || /[\p{L}\p{N}]/u.test(textOf(parent)) || holdsMedia(parent)) return;
    child = parent;
    parent = parents.get(child);
  }
}

function holdsMedia(node: Element): boolean {
  return holds(node, (n) => n.tagName === 'img' || n.tagName === 'picture' || n.tagName === 'video' || n.tagName === 'svg');
}
