import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement } from '../hast/util.js';
import { explain } from '../messages.js';

/** Schemes whose links are never kept: they run code or read local files. */
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|file|data|blob|about|chrome|jar):/i;

/** Attributes where lazy-loading pages keep the real image address. */
const LAZY_SRC = ['dataSrc', 'dataOriginal', 'dataLazySrc', 'dataUrl', 'dataHiResSrc', 'dataFullSrc'];

/**
 * rehype plugin: resolve link and image targets against the document's base URL (relative ones
 * stay relative when there is none), take lazy-loaded image addresses, and drop targets with
 * unsafe schemes (`javascript:`, `vbscript:`, `file:`, `data:`), keeping the link text. A link
 * with no target, an empty one, or one to a place in the page becomes its text (a named anchor
 * `<a name="x"></a>` would be written as an empty `[]()`).
 */
export default function resolveUrls() {
  return (tree: Root, file: VFile) => {
    const base = file.data.baseUrl ?? null;
    const stack: Array<Root | Element> = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      const children: ElementContent[] = [];
      // Children still to look at, the next on top: an unwrapped link's own children go back on
      // it, so that an image or a link inside an unsafe link is checked like any other.
      const pending = (parent.children as ElementContent[]).slice().reverse();
      while (pending.length > 0) {
        const child = pending.pop()!;
        if (!isElement(child)) {
          children.push(child);
          continue;
        }
        if (child.tagName === 'a') {
          const href = attr(child, 'href');
          // No target (a named anchor, `<a name="x"></a>`), an empty one or one in the page: not a
          // link the Markdown can follow.
          if (href === null || UNSAFE_SCHEME.test(href) || href.trim() === '' || href.trim().startsWith('#')) {
            if (href !== null && UNSAFE_SCHEME.test(href)) explain(file, 'drop-unsafe-url', `dropped link target ${href.slice(0, 40)}`);
            // Unwrap: keep the text, drop the target (no spread: a link may have any number of children).
            for (let i = child.children.length - 1; i >= 0; i--) pending.push(child.children[i]!);
            continue;
          }
          child.properties.href = resolve(href, base);
        } else if (child.tagName === 'img') {
          let src = attr(child, 'src');
          if (!src || src.startsWith('data:')) {
            for (const key of LAZY_SRC) {
              const lazy = attr(child, key);
              if (lazy && !lazy.startsWith('data:')) {
                src = lazy;
                break;
              }
            }
          }
          if (!src || UNSAFE_SCHEME.test(src)) {
            if (src) explain(file, 'drop-unsafe-url', `dropped image source ${src.slice(0, 40)}`);
            continue;
          }
          const title = attr(child, 'title');
          child.properties = { src: resolve(src, base), alt: attr(child, 'alt') ?? '', ...(title ? { title } : {}) };
        }
        children.push(child);
      }
      parent.children = children as typeof parent.children;
      for (const child of parent.children) if (isElement(child)) stack.push(child);
    }
  };
}

function resolve(url: string, base: string | null): string {
  const trimmed = url.trim();
  if (!base) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}
