import type { Element } from 'hast';
import type { Author } from '../types.js';
import { attr, classAndId, textOf, walkElements } from '../hast/util.js';
import { parseByline } from './authors.js';
import { clean } from './text-utils.js';

/**
 * Authors from a visible byline element, read by its structure first: links to author profile
 * pages (or `rel=author`) give each name with its URL; else elements marked as a name; else the
 * byline's text, without the parts marked as a date, a job title or a photo.
 */

/** Class/id words that mark a visible byline (substring "byline" anywhere: "FeatureByline"). */
export const BYLINE_HINT = /byline|by-line|(^|[\s_-])(author|authors|writer|contributor|autor|auteur)s?($|[\s_-])/;
/** ...unless the element is one of these around the byline (photo, bio box, share links, comment form). */
export const NOT_BYLINE_HINT = /(bio|box|avatar|image|photo|img|social|share|comment|reply|respond)/;

/** Paths of author profile pages: /author/x, /authors/x, /profiles/x, /bio/x, /people/x, /staff/x, /by/x ... */
export const PROFILE_PATH = /\/(author|authors|autor|autore|autores|auteur|auteurs|profile|profiles|bio|bios|people|staff|contributor|contributors|writer|writers|journalist|journalists|columnist|columnists|by|user|users|u|team|experts?|redaktion|redacao|redaccion)\/[^/?#]+/i;

/** A link to an author's profile page, by its path. */
export function isProfileLink(href: string): boolean {
  return PROFILE_PATH.test(href.replace(/^[a-z]+:\/\/[^/]+/i, ''));
}

/** Parts of a byline that are not names: dates, job titles, pictures, follow buttons. */
const NOT_NAME_PART = /(^|[\s_-])(date|time|timestamp|title|role|job|position|jobtitle|avatar|image|photo|img|follow|social|twitter|email|share|bio)($|[\s_-])/;

/**
 * Parts of a byline box that credit someone other than the authors: the expert who reviewed the
 * article, its fact-checker ("Written by A & reviewed by B", each in a box of its own).
 */
const REVIEWER_PART = /(^|[\s_-])(reviewers?|reviewed|reviewed-by|experts?|fact-?check(?:er|ers|ed)?|factcheck(?:er|ers|ed)?)($|[\s_-])/;

export function authorsFromElement(node: Element): Author[] {
  const linked: Author[] = [];
  const marked: string[] = [];
  walkElements({ type: 'root', children: [node] }, (el) => {
    if (el !== node && REVIEWER_PART.test(classAndId(el))) return false;
    if (el.tagName === 'a') {
      const href = clean(attr(el, 'href'));
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (href && (rel.includes('author') || isProfileLink(href))) {
        const name = parseByline(textOf(el))[0];
        if (name) linked.push({ name, url: href, bio: null });
      }
      return false;
    }
    const itemprop = (attr(el, 'itemProp') ?? '').toLowerCase();
    if (itemprop === 'name') {
      const name = clean(textOf(el));
      if (name) marked.push(name);
      return false;
    }
    return undefined;
  });
  if (linked.length > 0) {
    // "By <a>A</a>, <a>B</a> and C": the text lists every name, the links give URLs to some.
    const named = parseByline(textWithoutNonNames(node));
    const key = (n: string) => n.toLowerCase();
    // A name no link gives is one only if it has a first and a last name, as linked names have: a
    // single word there is what is left of a job title split at "and" ("Privacy and Digital Security Expert").
    const fullNames = named.filter((n) => linked.some((l) => key(l.name) === key(n)) || /\s/.test(n));
    if (fullNames.length === named.length && named.length > linked.length && linked.every((l) => named.some((n) => key(n) === key(l.name)))) {
      return named.map((name) => linked.find((l) => key(l.name) === key(name)) ?? { name, url: null, bio: null });
    }
    return dedupeAuthors(linked);
  }
  if (marked.length > 0) return dedupeAuthors(marked.flatMap((m) => parseByline(m)).map((name) => ({ name, url: null, bio: null })));
  return parseByline(textWithoutNonNames(node)).map((name) => ({ name, url: null, bio: null }));
}

/** The byline's text without its date, job-title and picture parts. */
function textWithoutNonNames(node: Element): string {
  const parts: string[] = [];
  // Iterative: reads text in document order, skipping marked sub-trees and `<time>`.
  const queue: Array<Element['children'][number]> = [...node.children].reverse();
  while (queue.length > 0) {
    const item = queue.pop()!;
    if (item.type === 'text') parts.push(item.value);
    else if (item.type === 'element') {
      if (item.tagName === 'time' || item.tagName === 'script' || item.tagName === 'style') continue;
      const names = classAndId(item);
      if (NOT_NAME_PART.test(names) || REVIEWER_PART.test(names)) continue;
      if (/^(br|p|div|li)$/.test(item.tagName)) parts.push(', ');
      for (let i = item.children.length - 1; i >= 0; i--) queue.push(item.children[i]!);
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').replace(/\s*,\s*(,\s*)+/g, ', ').replace(/^[\s,]+|[\s,]+$/g, '');
}

export function dedupeAuthors(list: Author[]): Author[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.name.toLowerCase()) ? false : (seen.add(a.name.toLowerCase()), true)));
}
