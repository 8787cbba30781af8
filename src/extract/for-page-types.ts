import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { PageKind } from '../types.js';
import { pageKindOf } from './page-kind.js';

type Transform = (tree: Root, file: VFile) => void;

/**
 * A heuristic stage: a rehype plugin whose transform is skipped when the user's rules chose the
 * article (`file.data.keptByUser`, apply-user-rules.ts): what the user kept, the heuristics leave
 * whole. The pipeline states which stages are heuristics; no stage checks it itself.
 */
export function heuristic(plugin: () => Transform): () => Transform {
  return named(plugin.name, () => {
    const transform = plugin();
    return (tree, file) => {
      if (!file.data.keptByUser) transform(tree, file);
    };
  });
}

/**
 * A heuristic stage that runs only on pages of the given kinds (page-kind.ts: a page whose type is
 * not `certain`, or has none, is treated as an article). The pipeline states, in one table, which
 * cleaning stages suit which kinds of page.
 */
export function forPageTypes(kinds: readonly PageKind[], plugin: () => Transform): () => Transform {
  const only = new Set(kinds);
  return heuristic(
    named(plugin.name, () => {
      const transform = plugin();
      return (tree, file) => {
        if (only.has(pageKindOf(file))) transform(tree, file);
      };
    }),
  );
}

/**
 * `wrapper`, bearing the wrapped plugin's name: a stage keeps its name through these wrappers, so
 * the pipeline's attachers say which stage each is (bench/stages.ts reports per stage by name).
 */
function named(name: string, wrapper: () => Transform): () => Transform {
  return Object.defineProperty(wrapper, 'name', { value: name });
}
