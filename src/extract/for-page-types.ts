import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { PageKind } from '../types.js';

type Transform = (tree: Root, file: VFile) => void;

/**
 * A rehype plugin that runs `plugin`'s transform only on pages of the given kinds
 * (`file.data.pageType`, set by readMetadata from the intact page). A page whose type is not
 * `certain`, or has none, is treated as an article. The pipeline states, in one table, which cleaning stages suit which kinds of page.
 */
export function forPageTypes(kinds: readonly PageKind[], plugin: () => Transform): () => Transform {
  const only = new Set(kinds);
  return () => {
    const transform = plugin();
    return (tree, file) => {
      const pt = file.data.pageType;
      const kind = pt?.certain ? pt.type : 'article';
      if (only.has(kind)) transform(tree, file);
    };
  };
}
