import type { Link, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { explain } from '../../messages.js';

/**
 * Some scrapers print a link as `[Name \(/path\)](#)`: the real target sits escaped in the link
 * text and the link itself points nowhere. This is the target in that text.
 */
const TARGET_IN_TEXT = /\s*\(((?:https?:\/\/|\/|\.\.?\/|mailto:)[^\s()]*)\)\s*$/;

/** Link targets that point nowhere. */
const EMPTY_TARGET = /^(#|javascript:void\(0\);?|)$/;

/**
 * remark plugin: `[Name \(/path\)](#)` becomes `[Name](/path)`. Relative targets are resolved
 * later against the base URL, with every other link (tidy/resolve-urls.ts).
 */
export default function repairEscapedLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (link: Link) => {
      if (!EMPTY_TARGET.test(link.url.trim())) return;
      const last = link.children[link.children.length - 1];
      if (!last || last.type !== 'text') return;
      const m = TARGET_IN_TEXT.exec(last.value);
      if (!m) return;
      link.url = m[1]!;
      (last as Text).value = last.value.slice(0, m.index).trimEnd();
      explain(file, 'repair-escaped-links', `link target ${m[1]} taken from its text`);
    });
  };
}
