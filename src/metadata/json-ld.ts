import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { Author } from '../types.js';
import { propose } from './candidates.js';
import { clean } from './text-utils.js';
import { attr, walkElements } from '../hast/util.js';
import { toText } from 'hast-util-to-text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** schema.org types that describe the article itself (a WebPage only when nothing better exists). */
const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|DiscussionForumPosting|ScholarlyArticle|Report|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|TechArticle|SocialMediaPosting|LiveBlogPosting|Blog|MedicalScholarlyArticle|Review|Recipe|HowTo|Question|Posting|CreativeWork)$/;
const PAGE_TYPES = /^(WebPage|ItemPage|CollectionPage|AboutPage|ProfilePage)$/;

declare module 'vfile' {
  interface DataMap {
    /** JSON-LD `articleBody`, when the page states one (a hint for main-content selection). */
    articleBody: string;
    /** Names the JSON-LD types as an Organization where it names the article's author (a publisher credited as author). */
    authorOrganisations: string[];
    /**
     * The schema.org types the page's JSON-LD states (the page type classifier reads them):
     * `top`, of the objects it describes (arrays, `@graph` and `mainEntity` flattened); `nested`,
     * of the objects inside those (an ItemList's products, a Product's offers); `listItems`, the
     * number of ItemList entries.
     */
    jsonLdTypes: JsonLdTypes;
  }
}

export interface JsonLdTypes {
  top: string[];
  nested: string[];
  listItems: number;
}

/** Read every `<script type="application/ld+json">` and propose the article's fields. */
export function readJsonLd(tree: Root, file: VFile): void {
  const objects: JsonObject[] = [];
  walkElements(tree, (node) => {
    if (node.tagName !== 'script') return;
    const type = (attr(node, 'type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) return false;
    const raw = toText(node, { whitespace: 'pre' });
    const parsed = parseLenient(raw);
    if (parsed !== undefined) flatten(parsed, objects);
    return false;
  });
  file.data.jsonLdTypes = typesOf(objects);
  if (objects.length === 0) return;

  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)))
    ?? objects.find((o) => types(o).some((t) => PAGE_TYPES.test(t)));
  // The WebSite's name is the site's; a publisher may be a parent company or a news service.
  const site = objects.find((o) => types(o).some((t) => t === 'WebSite'))
    ?? objects.find((o) => types(o).some((t) => /^(Organization|NewsMediaOrganization)$/.test(t)));
  const website = site && types(site).includes('WebSite') ? site : null;
  if (website) propose(file, 'siteName', str(website['name']), 'json-ld');

  if (article) {
    // Both: some sites put a summary in `headline` and the headline in `name` (the visible one decides).
    propose(file, 'title', str(article['headline']), 'json-ld');
    propose(file, 'title', str(article['name']), 'json-ld');
    propose(file, 'subtitle', str(article['alternativeHeadline']), 'json-ld');
    propose(file, 'description', str(article['description']), 'json-ld');
    propose(file, 'published', str(article['datePublished']) ?? str(article['dateCreated']), 'json-ld');
    propose(file, 'modified', str(article['dateModified']), 'json-ld');
    propose(file, 'url', str(article['url']) ?? idUrl(article, objects), 'json-ld');
    propose(file, 'lang', str(article['inLanguage']) ?? str(name(article['inLanguage'])), 'json-ld');
    propose(file, 'section', str(article['articleSection']), 'json-ld');
    propose(file, 'image', imageUrl(article['image']) ?? imageUrl(article['thumbnailUrl']), 'json-ld');
    propose(file, 'license', str(article['license']) ?? str(name(article['license'])), 'json-ld');
    const credited = authors(article['author'] ?? article['creator'], objects);
    propose(file, 'authors', credited.map((a) => a.author), 'json-ld');
    file.data.authorOrganisations = credited.filter((a) => a.organisation).map((a) => a.author.name);
    propose(file, 'tags', keywords(article['keywords']), 'json-ld');
    const publisher = resolveRef(article['publisher'], objects) ?? resolveRef(article['isPartOf'], objects);
    propose(file, 'siteName', str(name(publisher)), 'json-ld');
    const body = str(article['articleBody']);
    if (body) file.data.articleBody = body;
  }
  if (site && !website) propose(file, 'siteName', str(site['name']), 'json-ld');
}

/** Bound on the nested objects looked at for their types (a hostile page may nest thousands). */
const MAX_NESTED = 2000;

function typesOf(objects: JsonObject[]): JsonLdTypes {
  const top = new Set<string>();
  const nested = new Set<string>();
  let listItems = 0;
  const stack: Json[] = [];
  for (const o of objects) {
    for (const t of types(o)) top.add(t);
    for (const [key, value] of Object.entries(o)) if (key !== '@graph' && key !== 'mainEntity' && value && typeof value === 'object') stack.push(value);
    const list = o['itemListElement'];
    if (Array.isArray(list)) listItems = Math.max(listItems, list.length);
  }
  for (let seen = 0; stack.length > 0 && seen < MAX_NESTED; seen++) {
    const item = stack.pop()!;
    if (Array.isArray(item)) for (const x of item) { if (x && typeof x === 'object') stack.push(x); }
    else if (item && typeof item === 'object') {
      for (const t of types(item)) nested.add(t);
      for (const value of Object.values(item)) if (value && typeof value === 'object') stack.push(value);
    }
  }
  return { top: [...top], nested: [...nested], listItems };
}

/** Pages often ship JSON-LD with trailing commas, comments or raw newlines in strings. */
function parseLenient(raw: string): Json | undefined {
  // Comment and CDATA wrappers (`<!-- -->`, `<![CDATA[ ]]>`, `/*<![CDATA[*/`) are common around it.
  const text = raw
    .trim()
    .replace(/^(?:\/\*\s*)?(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)(?:\s*\*\/)?/, '')
    .replace(/(?:\/\*\s*)?(?:\/\/\s*)?(?:-->|\]\]>)(?:\s*\*\/)?$/, '')
    .replace(/^\s*\/\/.*$/gm, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    try {
      return JSON.parse(text.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

function flatten(value: Json, out: JsonObject[]): void {
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]!);
    } else if (item && typeof item === 'object') {
      out.push(item);
      const graph = item['@graph'];
      if (graph) stack.push(graph);
      const main = item['mainEntity'];
      if (main && typeof main === 'object' && !Array.isArray(main)) stack.push(main);
    }
  }
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.replace(/^.*[/#:]/, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
  return [];
}

function str(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(decodeEntities(value));
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length > 0) return str(value[0]);
  return null;
}

function name(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return name(value[0]);
  if (value && typeof value === 'object') return value['name'];
  return undefined;
}

/**
 * The page's URL from `mainEntityOfPage`: a URL, or a WebPage (given inline or by `@id`) whose
 * `url` is the page's. An `@id` is a node identifier that Yoast-style graphs make from the URL
 * and a fragment (`https://site/post/#webpage`); with no `url` stated, the fragment is dropped.
 */
function idUrl(o: JsonObject, all: JsonObject[]): string | null {
  const main = o['mainEntityOfPage'];
  if (typeof main === 'string') return main;
  if (!main || typeof main !== 'object' || Array.isArray(main)) return null;
  const page = resolveRef(main, all) ?? main;
  const url = str(page['url']) ?? str(main['url']);
  if (url) return url;
  const id = str(main['@id']);
  return id ? id.replace(/#.*$/, '') || null : null;
}

function imageUrl(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.length > 0 ? imageUrl(value[0]) : null;
  if (value && typeof value === 'object') return str(value['url']) ?? str(value['contentUrl']) ?? str(value['@id']);
  return null;
}

function resolveRef(value: Json | undefined, all: JsonObject[]): JsonObject | null {
  if (Array.isArray(value)) return value.length > 0 ? resolveRef(value[0], all) : null;
  if (!value || typeof value !== 'object') return null;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length === 1) {
    return all.find((o) => o['@id'] === id && o !== value) ?? null;
  }
  return value;
}

/** The article's authors, each with whether the JSON-LD types it as an Organization. */
function authors(value: Json | undefined, all: JsonObject[]): Array<{ author: Author; organisation: boolean }> {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  const out: Array<{ author: Author; organisation: boolean }> = [];
  for (const item of list) {
    if (typeof item === 'string') {
      const n = clean(item);
      if (n) out.push({ author: { name: n, url: null, bio: null }, organisation: false });
      continue;
    }
    const o = resolveRef(item, all);
    if (!o) continue;
    const organisation = types(o).some((t) => /Organization/.test(t));
    if (organisation && list.length > 1) continue;
    const n = str(o['name']);
    if (!n) continue;
    out.push({ author: { name: n, url: str(o['url']) ?? (typeof o['sameAs'] === 'string' ? str(o['sameAs']) : null), bio: str(o['description']) }, organisation });
  }
  return out;
}

function keywords(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((k): k is string => typeof k === 'string').map((k) => k.trim()).filter(Boolean);
  return [];
}

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[k] ?? m;
  });
}

