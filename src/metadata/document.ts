import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { Author, Translation } from '../types.js';
import { propose } from './candidates.js';
import { clean, resolveUrl } from './text-utils.js';
import { attr, classAndId, textOf, walkElements } from '../hast/util.js';
import { parseByline } from './authors.js';

declare module 'vfile' {
  interface DataMap {
    /** The document's base URL for resolving links (`<base href>`, canonical, og:url, --base-url). */
    baseUrl: string | null;
    /** Text of the page's most prominent visible headline (first `<h1>`), to match the title. */
    headline: string | null;
  }
}

/** Class/id words that mark a visible byline or dateline. */
const BYLINE_HINT = /(^|[\s_-])(byline|by-line|author|authors|writer|contributor)s?($|[\s_-])/;
const DATELINE_HINT = /(^|[\s_-])(date|dateline|timestamp|published|pubdate|posted|time)($|[\s_-])/;

/**
 * What the page's own markup says beyond meta tags: `<title>`, `<html lang>`, canonical and base
 * links, `<time>`, `rel=author`, `rel=license`, hreflang alternates, microdata `itemprop`, and
 * visible bylines.
 */
export function readDocument(tree: Root, file: VFile, options: { baseUrl?: string | null }): void {
  let base: string | null = null;
  let canonical: string | null = null;
  let ogUrl: string | null = null;
  let headline: string | null = null;
  const translations: Translation[] = [];
  const relAuthors: Author[] = [];
  const bylines: string[] = [];
  let inBody = false;

  walkElements(tree, (node, parent) => {
    const tag = node.tagName;
    if (tag === 'body') inBody = true;
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') return false;
    if (tag === 'html') propose(file, 'lang', clean(attr(node, 'lang') ?? attr(node, 'xmlLang')), 'markup');
    if (tag === 'base' && !base) base = clean(attr(node, 'href'));
    if (tag === 'title' && !inBody) propose(file, 'title', clean(textOf(node)), 'markup');
    if (tag === 'meta' && (attr(node, 'property') ?? '').toLowerCase() === 'og:url') ogUrl = clean(attr(node, 'content'));
    if (tag === 'link') {
      const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = clean(attr(node, 'href'));
      if (!href) return;
      if (rel.includes('canonical') && !canonical) canonical = href;
      if (rel.includes('alternate') && attr(node, 'hrefLang')) {
        const lang = clean(attr(node, 'hrefLang'));
        if (lang && lang.toLowerCase() !== 'x-default') translations.push({ lang, label: null, url: href });
      }
      if (rel.includes('license')) propose(file, 'license', href, 'link');
      return;
    }
    if (tag === 'a') {
      const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = clean(attr(node, 'href'));
      if (rel.includes('license') && href) propose(file, 'license', href, 'link');
      else if (href && /creativecommons\.org\/(licenses|publicdomain)\//.test(href)) propose(file, 'license', href, 'link');
      if (rel.includes('author')) {
        const name = clean(textOf(node));
        if (name && name.length < 80) relAuthors.push({ name, url: href, bio: null });
      }
    }
    if (tag === 'h1' && headline === null) headline = clean(textOf(node));
    if (tag === 'time') {
      const datetime = clean(attr(node, 'dateTime')) ?? clean(textOf(node));
      const hint = `${classAndId(node)} ${attr(node, 'itemProp') ?? ''} ${classAndId(parent as Element)}`.toLowerCase();
      if (datetime && !/modif|updat/.test(hint)) propose(file, 'published', datetime, 'time');
      else if (datetime) propose(file, 'modified', datetime, 'time');
    }
    const itemprop = attr(node, 'itemProp');
    if (itemprop) readMicrodata(node, itemprop, file);
    if (inBody && bylines.length < 3 && (tag === 'div' || tag === 'span' || tag === 'p' || tag === 'address' || tag === 'a')) {
      const ci = classAndId(node);
      if (BYLINE_HINT.test(ci) && !/(bio|box|avatar|image|photo|img|social)/.test(ci)) {
        const text = textOf(node);
        if (text && text.length < 120) bylines.push(text);
        return false;
      }
      if (DATELINE_HINT.test(ci)) {
        const text = textOf(node);
        if (text && text.length < 80) propose(file, 'published', text, 'byline');
      }
    }
  });

  if (relAuthors.length > 0) propose(file, 'authors', dedupe(relAuthors), 'link');
  for (const line of bylines) {
    const names = parseByline(line);
    if (names.length > 0) {
      propose(file, 'authors', names.map((name) => ({ name, url: null, bio: null })), 'byline');
      break;
    }
  }
  propose(file, 'translations', translations, 'link');
  const baseUrl = resolveUrl(base, canonical ?? ogUrl ?? options.baseUrl ?? null) ?? canonical ?? ogUrl ?? options.baseUrl ?? null;
  file.data.baseUrl = baseUrl ? absoluteOrNull(baseUrl) ?? options.baseUrl ?? null : null;
  if (canonical) propose(file, 'url', resolveUrl(canonical, file.data.baseUrl), 'link');
  file.data.headline = headline;
  const urlDate = dateFromUrl(canonical ?? ogUrl ?? options.baseUrl ?? null);
  propose(file, 'published', urlDate, 'url');
}

function readMicrodata(node: Element, itemprop: string, file: VFile): void {
  const value = clean(attr(node, 'content') ?? attr(node, 'dateTime') ?? null) ?? null;
  switch (itemprop.toLowerCase()) {
    case 'headline':
      propose(file, 'title', value ?? clean(textOf(node)), 'microdata');
      break;
    case 'datepublished':
      propose(file, 'published', value ?? clean(textOf(node)), 'microdata');
      break;
    case 'datemodified':
      propose(file, 'modified', value ?? clean(textOf(node)), 'microdata');
      break;
    case 'author': {
      const name = value ?? clean(textOf(node));
      if (name && name.length < 100) propose(file, 'authors', parseByline(name).map((n) => ({ name: n, url: null, bio: null })), 'microdata');
      break;
    }
    case 'description':
      propose(file, 'description', value, 'microdata');
      break;
    case 'inlanguage':
      propose(file, 'lang', value, 'microdata');
      break;
  }
}

function dedupe(list: Author[]): Author[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.name.toLowerCase()) ? false : (seen.add(a.name.toLowerCase()), true)));
}

function absoluteOrNull(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** `/2019/11/19/` or `/2019-11-19/` in a URL path. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
