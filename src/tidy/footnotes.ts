import type { Element, ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, classAndId, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin: footnotes as GFM footnotes. A reference is a short label ("1", "[2]", "*", "iv")
 * linking to `#id` from inside a `<sup>` (or marked as a note reference), whose target is a list
 * item or a note block later in the article; it becomes `[^1]`, and the target's content (without
 * its "↩" back links) a `[^1]: ...` definition at the end of the article. The emptied notes list
 * goes, with its "Notes" heading or container. References to targets that are not in the article
 * stay as they are.
 *
 * Written by hand: hast-util-to-mdast has no footnote handling, and footnote markup differs from
 * site to site (Pandoc, WordPress plugins, Wikipedia-style reference lists, doc-noteref roles).
 * The two elements made here are written by handlers in write/markdown.ts.
 */
export const FOOTNOTE_REF = 'unboil-footnote-ref';
export const FOOTNOTE_DEF = 'unboil-footnote-def';

/** A footnote label: a number, a few letters, or a mark, optionally in brackets. */
const LABEL = /^\[?([\p{L}\p{N}*†‡§¶]{1,4})\]?$/u;
/** Class names, ids and roles of note references and notes. */
const NOTE_REF_HINT = /footnote|fnref|noteref|note-ref|endnote/;
const NOTE_HINT = /footnote|endnote|(^|[\s_-])(fn|notes?|references?|citations?|cite_note)([\s_\d-]|$)/;
/** Back links from a note to its reference. */
const BACK_LINK_TEXT = /^[\s↩↑⏎^⤴︎]+$|^(back|return)( to (text|content|reference))?$/i;
/** Headings of notes lists, removed with the list they headed. */
const NOTES_HEADING = /^(notes?|footnotes?|endnotes?|references?|sources?|notas?|anmerkungen|fußnoten|références)$/i;

interface Reference {
  link: Element;
  /** The element the reference marker is: the `<sup>` around the link, or the link itself. */
  marker: Element;
  markerParent: Parents;
  target: Element;
  label: string;
}

export default function footnotes() {
  return (tree: Root, file: VFile) => {
    const ids = new Map<string, { node: Element; parent: Parents; order: number }>();
    const order = new Map<Element, number>();
    const parents = new Map<Element, Parents>();
    let n = 0;
    walkElements(tree, (node, parent) => {
      order.set(node, n++);
      parents.set(node, parent);
      const id = attr(node, 'id');
      if (id && !ids.has(id)) ids.set(id, { node, parent, order: n });
    });
    if (ids.size === 0) return;

    const references: Reference[] = [];
    walkElements(tree, (node, parent) => {
      if (node.tagName === 'sup' || node.tagName === 'a') {
        const reference = readReference(node, parent, ids, order);
        if (reference) {
          references.push(reference);
          return false;
        }
      }
      return undefined;
    });
    if (references.length === 0) return;

    // One definition a target, labelled as its first reference, in the order of first reference.
    const definitions = new Map<Element, { identifier: string; label: string }>();
    // Two notes with one label ("*" twice) are told apart by a suffix: `*`, `*-2`, `*-3`...
    const used = new Set<string>();
    const nextSuffix = new Map<string, number>();
    for (const ref of references) {
      if (definitions.has(ref.target)) continue;
      let label = ref.label;
      let k = nextSuffix.get(ref.label.toLowerCase()) ?? 2;
      while (used.has(label.toLowerCase())) label = `${ref.label}-${k++}`;
      nextSuffix.set(ref.label.toLowerCase(), k);
      used.add(label.toLowerCase());
      definitions.set(ref.target, { identifier: label.toLowerCase(), label });
    }
    // Every change is made parent by parent in one pass, so a page of many notes stays linear.
    const markers = new Map<Element, Element>();
    const backIds = new Map<Element, Set<string>>();
    for (const ref of references) {
      const { identifier, label } = definitions.get(ref.target)!;
      markers.set(ref.marker, { type: 'element', tagName: FOOTNOTE_REF, properties: { dataIdentifier: identifier, dataLabel: label }, children: [] });
      const back = backIds.get(ref.target) ?? new Set<string>();
      for (const id of [attr(ref.marker, 'id'), attr(ref.link, 'id')]) if (id !== null) back.add(id);
      backIds.set(ref.target, back);
    }
    for (const parent of new Set(references.map((r) => r.markerParent))) {
      parent.children = parent.children.map((c) => (isElement(c) && markers.get(c)) || c) as typeof parent.children;
    }
    const made: Element[] = [];
    for (const [target, { identifier, label }] of definitions) {
      made.push({ type: 'element', tagName: FOOTNOTE_DEF, properties: { dataIdentifier: identifier, dataLabel: label }, children: withoutBackLinks(target.children, backIds.get(target)!) });
    }
    removeNotes(new Set(definitions.keys()), parents);
    for (const note of made) tree.children.push(note);
    explain(file, 'footnotes', () => `wrote ${references.length} note reference(s) and ${made.length} note(s) as GFM footnotes`);
  };
}

function readReference(node: Element, parent: Parents, ids: Map<string, { node: Element; parent: Parents; order: number }>, order: Map<Element, number>): Reference | null {
  const inSup = node.tagName === 'sup';
  const elements = node.children.filter((c): c is Element => isElement(c));
  const link = inSup ? (elements.length === 1 && elements[0]!.tagName === 'a' ? elements[0]! : null) : node;
  if (!link) return null;
  // A <sup> holds the link alone (and white space); a bare link must say it is a note reference.
  if (inSup && node.children.some((c) => c.type === 'text' && c.value.trim() !== '')) return null;
  if (!inSup && !NOTE_REF_HINT.test(`${classAndId(link)} ${attr(link, 'role') ?? ''}`)) return null;
  const href = attr(link, 'href');
  if (!href || !href.startsWith('#') || href.length < 2) return null;
  const label = LABEL.exec(textOf(link))?.[1];
  if (!label) return null;
  let id: string;
  try {
    id = decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
  const target = ids.get(id);
  if (!target || (order.get(target.node) ?? -1) < (order.get(node) ?? Infinity)) return null;
  const note = target.node;
  const isNote = note.tagName === 'li' || NOTE_HINT.test(`${classAndId(note)} ${attr(note, 'role') ?? ''}`) || NOTE_HINT.test(target.parent.type === 'element' ? classAndId(target.parent) : '');
  if (!isNote || textOf(note, 0) === '') return null;
  return { link, marker: node, markerParent: parent, target: note, label };
}

/** A note's content without the links back to its references. */
function withoutBackLinks(children: ElementContent[], backIds: Set<string>): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (isElement(child)) {
      const href = child.tagName === 'a' ? attr(child, 'href') : null;
      const back = href !== null && ((href.startsWith('#') && backIds.has(href.slice(1))) || BACK_LINK_TEXT.test(textOf(child)) || /backref|footnote-back|reversefootnote/.test(classAndId(child)));
      if (back) continue;
      const kept = withoutBackLinks(child.children, backIds);
      // What held only back links ("<span class=backlink><b><a>^</a></b></span>") goes with them.
      if (child.children.length > 0 && kept.every((c) => c.type === 'text' ? c.value.trim() === '' : c.type === 'comment')) continue;
      out.push({ ...child, children: kept });
    } else out.push(child);
  }
  return out;
}

/** Take the notes out of the article, then what they leave empty: their lists, the lists' headings, their containers. */
function removeNotes(notes: Set<Element>, parents: Map<Element, Parents>): void {
  let emptied = new Set<Element>();
  for (const parent of new Set([...notes].map((note) => parents.get(note)!))) {
    parent.children = parent.children.filter((c) => !(isElement(c) && notes.has(c))) as typeof parent.children;
    if (parent.type === 'element' && textOf(parent, 0) === '') emptied.add(parent);
  }
  while (emptied.size > 0) {
    const next = new Set<Element>();
    for (const holder of new Set([...emptied].map((e) => parents.get(e)).filter((p): p is Parents => p !== undefined))) {
      const kept: Array<(typeof holder.children)[number]> = [];
      let lastElement = -1; // index in `kept` of its last element
      for (const child of holder.children) {
        if (isElement(child) && emptied.has(child)) {
          // The heading just before an emptied list ("Notes") headed it.
          const before = lastElement >= 0 ? (kept[lastElement] as Element) : null;
          if (before && /^h[1-6]$/.test(before.tagName) && NOTES_HEADING.test(textOf(before).replace(/[:.]$/, ''))) {
            kept.splice(lastElement, 1);
            lastElement = -1;
          }
          continue;
        }
        kept.push(child);
        if (isElement(child)) lastElement = kept.length - 1;
      }
      holder.children = kept as typeof holder.children;
      if (holder.type === 'element' && textOf(holder, 0) === '') next.add(holder);
    }
    emptied = next;
  }
}
