import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { classAndId, holds, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';

/**
 * rehype plugin: a figure's caption and credit belong to its image, not to the article's prose.
 * The caption (`<figcaption>`, or an element named as a caption or credit) becomes the image's
 * title, so the Markdown keeps it with the image — `![alt](src "caption")` — instead of as a loose
 * paragraph between two paragraphs of the story. A caption with no image near it (a figure whose
 * picture could not be kept, a PDF figure) is left where it is.
 */

/** Class/id words of caption and credit elements ("wp-caption-text", "media__credit", "newsCaption"). */
const CAPTION_NAMES = /caption|credit|copyright|photo-?by|bildunterschrift|legende|legenda|pie-?de-?foto/;
/** Longer than this (characters), an element named "caption" holds more than a caption. */
const MAX_CAPTION_CHARS = 600;
/** How many levels up from the caption an image is looked for (figure wrappers nest). */
const SEARCH_LEVELS = 3;

export default function foldCaptions() {
  return (tree: Root, file: VFile) => {
    const parents = new Map<Element, Element | Root>();
    const captions: Element[] = [];
    walkElements(tree, (node, parent) => {
      parents.set(node, parent as Element | Root);
      if (isCaption(node)) {
        captions.push(node);
        return false;
      }
    });
    if (captions.length === 0) return;
    const folded = new Set<Element>();
    const siblings = new Map<Element | Root, Element[]>();
    const positions = new Map<Element, number>();
    for (const caption of captions) {
      const image = imageFor(caption, parents, siblings, positions);
      if (!image) continue;
      const text = textOf(caption);
      if (text) {
        const title = typeof image.properties.title === 'string' ? image.properties.title : '';
        image.properties.title = title && !title.includes(text) ? `${title} ${text}` : text;
      }
      folded.add(caption);
      explain(file, 'fold-caption', `moved caption to its image: "${text.slice(0, 80)}"`);
    }
    if (folded.size === 0) return;
    // Each parent filtered once, however many of its children are folded captions.
    const from = new Set<Element | Root>();
    for (const caption of folded) from.add(parents.get(caption)!);
    for (const parent of from) parent.children = (parent.children as ElementContent[]).filter((c) => !isElement(c) || !folded.has(c)) as typeof parent.children;
  };
}

function isCaption(node: Element): boolean {
  if (node.tagName === 'figcaption') return true;
  if (node.tagName === 'img' || node.tagName === 'figure' || node.tagName === 'picture') return false;
  const names = classAndId(node);
  if (!names || !CAPTION_NAMES.test(names)) return false;
  if (containsImage(node)) return false; // a figure wrapper named "wp-caption", not the caption
  return textOf(node).length <= MAX_CAPTION_CHARS;
}

function containsImage(node: Element): boolean {
  return holds(node, (n) => n.tagName === 'img');
}

function lastImage(node: Element): Element | null {
  if (node.tagName === 'img') return node;
  let found: Element | null = null;
  walkElements(node, (n) => {
    if (n.tagName === 'img') found = n;
  });
  return found;
}

/**
 * The image a caption describes: in its figure, or just before (or else just after) it. A parent's
 * elements (`siblings`) and each one's place among them (`positions`) are listed once, the first
 * time one of its children is looked at, not once per caption in it (a <div> of 100,000 captioned
 * images). The tree does not change until every caption has been read.
 */
function imageFor(caption: Element, parents: Map<Element, Element | Root>, elementsOf: Map<Element | Root, Element[]>, positions: Map<Element, number>): Element | null {
  let node: Element = caption;
  for (let level = 0; level < SEARCH_LEVELS; level++) {
    const parent = parents.get(node);
    if (!parent) return null;
    let siblings = elementsOf.get(parent);
    if (!siblings) {
      siblings = [];
      for (const c of parent.children as ElementContent[]) if (isElement(c)) positions.set(c, siblings.push(c) - 1);
      elementsOf.set(parent, siblings);
    }
    const at = positions.get(node)!;
    for (let i = at - 1; i >= 0; i--) {
      const image = lastImage(siblings[i]!);
      if (image) return image;
      if (textOf(siblings[i]!).length > 0) break; // text in between: the image before is another's
    }
    const next = siblings[at + 1];
    if (next) {
      const image = lastImage(next);
      if (image && textOf(next).length === 0) return image;
    }
    if (parent.type !== 'element') return null;
    if (parent.tagName === 'figure') return null; // the figure has no image: the caption stays
    node = parent;
  }
  return null;
}
