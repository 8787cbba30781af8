import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { classAndId, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { cleanTitle, titleKey } from '../metadata/title.js';

declare module 'vfile' {
  interface DataMap {
    /** The resolved article title (set before tidying so a repeated headline can be dropped). */
    title: string | null;
  }
}

/** Decorative end marks that close articles (❖ ■ ∎ □ ◆ ♦ ● ★ ☐ ⧫). */
const END_MARK = /(^|\s)[❖■∎□◆♦●★☐⧫▪◼]+\s*$/u;

/**
 * rehype plugin: drop a heading that repeats the title (the Markdown prints the title itself).
 */
export function dropTitleHeading() {
  return (tree: Root, file: VFile) => {
    const title = file.data.title;
    if (!title) return;
    const target = titleKey(title);
    const siteName = file.data.fields?.siteName ?? null;
    const labelled = titleKey(file.data.labelledHeading ?? '');
    // The first such heading in breadth-first order (the title sits high in the tree). A queue read
    // by index: shift() would make a wide page's walk quadratic.
    const repeatsTitle = (child: Root['children'][number]): boolean => {
      if (!isElement(child) || !/^h[1-3]$/.test(child.tagName)) return false;
      // The heading may carry the site's name that the title lost ("Title - Site.ca"): the same
      // cut the title went through (metadata/title.ts) decides. Or it is the page's heading that
      // sets a label before the title ("Blog: Title"), as the metadata found it.
      const heading = textOf(child);
      return titleKey(heading) === target || titleKey(cleanTitle(heading, siteName) ?? '') === target || (labelled !== '' && titleKey(heading) === labelled);
    };
    const queue: Array<Root | Element> = [tree];
    for (let i = 0; i < queue.length; i++) {
      const parent = queue[i]!;
      const at = parent.children.findIndex(repeatsTitle);
      if (at >= 0) {
        parent.children.splice(at, 1);
        explain(file, 'drop-title-heading', `dropped heading repeating the title`);
        return;
      }
      for (const child of parent.children) if (isElement(child)) queue.push(child);
    }
  };
}

/**
 * rehype plugin: a drop cap marked up apart from its word (`<span class="dropcap">A</span>fter`,
 * `<b>A</b>fter`) becomes plain text, so the word is whole again.
 */
export function unwrapDropCaps() {
  const unwrap = (parent: Parents) => {
    const children = parent.children as ElementContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const next = children[i + 1];
      if (isElement(child) && isDropCap(child) && next && next.type === 'text' && /^\p{Ll}/u.test(next.value)) {
        children[i] = { type: 'text', value: textOf(child) } satisfies Text;
      } else if (isElement(child) && /dropcap|drop-cap|initial-?letter|firstletter|first-letter/.test(classAndId(child)) && textOf(child).length <= 2) {
        children[i] = { type: 'text', value: textOf(child) } satisfies Text;
      }
    }
  };
  return (tree: Root) => {
    unwrap(tree);
    walkElements(tree, unwrap);
  };
}

function isDropCap(node: Element): boolean {
  if (!['b', 'strong', 'span', 'em', 'i', 'big', 'font'].includes(node.tagName)) return false;
  return /^\p{Lu}$/u.test(textOf(node));
}

/**
 * rehype plugin: drop decorative end marks (❖ ■ ∎) that close an article or a section: a mark at
 * the end of a text, after white space or on its own.
 */
export function dropEndMarks() {
  const drop = (parent: Parents) => {
    for (const child of parent.children) if (child.type === 'text' && END_MARK.test(child.value)) child.value = child.value.replace(END_MARK, '');
  };
  return (tree: Root) => {
    drop(tree);
    walkElements(tree, drop);
  };
}
