import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { PageKind } from '../types.js';
import { pageKindOf } from './page-kind.js';

type Transform = (tree: Root, file: VFile) => void;

/**
 * A rehype plugin that runs `plugin`'s transform only on pages of the given kinds (page-kind.ts: a
 * page whose type is not `certain`, or has none, is treated as an article). The pipeline states,
 * in one table, which cleaning stages suit which kinds of page.
 */
export function forPageTypes(kinds: readonly PageKind[], plugin: () => Transform): () => Transform {
  const only = new Set(kinds);
  return () => {
    const transform = plugin();
    return (tree, file) => {
      if (only.has(pageKindOf(file))) transform(tree, file);
    };
  };
}
