import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { UserRules } from '../types.js';
import { isElement, removeWhere, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';

declare module 'vfile' {
  interface DataMap {
    /** A user rule's `keep` selectors chose the article: the heuristics leave it whole. */
    keptByUser: boolean;
  }
}

export interface UserRulesOptions {
  rules?: UserRules | null;
}

/**
 * rehype plugin: apply the user's per-host rules before any heuristic. `drop` selectors remove
 * what they match; `keep` selectors name the article: what they match (in page order) becomes the
 * whole document, and main-content selection and pruning leave it as it is.
 */
export default function applyUserRules(options: UserRulesOptions = {}) {
  return async (tree: Root, file: VFile) => {
    file.data.keptByUser = false;
    if (!options.rules || options.rules.rules.length === 0) return;
    // Loaded only when there are rules: most runs have none, and these modules (the selector
    // engine, the YAML reader) would be a good share of a one-page run's start-up.
    const [{ selectAll }, { rulesForHost }] = await Promise.all([import('hast-util-select'), import('./load-rules.js')]);
    // The page's own URL, else its base URL (metadata/document.ts: the page's, else the one given).
    const host = hostOf(file.data.fields?.url ?? null) ?? hostOf(file.data.baseUrl ?? null);
    const rules = rulesForHost(options.rules, host);
    if (rules.length === 0) return;
    const drop = new Set<Element>();
    for (const rule of rules) {
      for (const selector of rule.drop ?? []) {
        for (const node of selectAll(selector, tree)) {
          if (drop.has(node)) continue;
          drop.add(node);
          explain(file, 'user-rule-drop', () => `dropped <${node.tagName}> matching "${selector}" (rules for ${rule.host}): "${firstWords(node)}"`);
        }
      }
    }
    if (drop.size > 0) removeWhere(tree, (node) => isElement(node) && drop.has(node));
    const keep: Element[] = [];
    for (const rule of rules) for (const selector of rule.keep ?? []) for (const node of selectAll(selector, tree)) keep.push(node);
    if (keep.length === 0) return;
    const kept = inPageOrder(tree, outermost(keep));
    explain(file, 'user-rule-keep', `kept ${kept.length} block(s) chosen by the user's rules as the article`);
    tree.children = [{ type: 'element', tagName: 'article', properties: {}, children: kept }];
    file.data.keptByUser = true;
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Drop matches nested inside other matches (they come with their container). */
function outermost(nodes: Element[]): Set<Element> {
  const set = new Set(nodes);
  const inner = new Set<Element>();
  for (const node of set) walkElements(node, (child) => {
    if (set.has(child)) inner.add(child);
  });
  for (const node of inner) set.delete(node);
  return set;
}

function inPageOrder(tree: Root, set: Set<Element>): Element[] {
  const out: Element[] = [];
  walkElements(tree, (node) => {
    if (set.has(node)) {
      out.push(node);
      return false;
    }
  });
  return out;
}
