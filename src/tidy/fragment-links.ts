import type { Element } from 'hast';
import { attr } from '../hast/util.js';

/**
 * A link to a place in a page: the page part of its target (empty for `#id`) and the id after
 * the `#`. A saved page often has its in-page links made absolute
 * (`https://site/page#cite_note-1`), so the page part is kept for callers to compare, not
 * required to be empty.
 */
export interface FragmentLink {
  page: string;
  /** The id as written and, when it differs, decoded: pages write both (`wasm%3F` as id and href). */
  ids: string[];
}

export function fragmentLink(link: Element): FragmentLink | null {
  if (link.tagName !== 'a') return null;
  const href = attr(link, 'href')?.trim();
  if (!href) return null;
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return null;
  const raw = href.slice(hash + 1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a stray % : the id as written
  }
  return { page: href.slice(0, hash), ids: decoded === raw ? [raw] : [raw, decoded] };
}

/** The ids an element can be linked to by: its `id`, and an anchor's `name`. */
export function anchorIds(node: Element): string[] {
  const ids: string[] = [];
  const id = attr(node, 'id');
  if (id) ids.push(id);
  const name = node.tagName === 'a' ? attr(node, 'name') : null;
  if (name) ids.push(name);
  return ids;
}
