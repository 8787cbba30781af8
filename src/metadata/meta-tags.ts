import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { FieldSource, MetadataField } from '../types.js';
import { propose, type FieldValues } from './candidates.js';
import { clean } from './text-utils.js';
import { attr, walkElements } from '../hast/util.js';

/**
 * `<meta>` tags: Open Graph and `article:*`, Twitter cards, Dublin Core, Highwire `citation_*`
 * and plain `name=` tags. One table maps each tag to a field and a source.
 */
const META_FIELDS: ReadonlyArray<[RegExp, Exclude<MetadataField, 'authors' | 'tags' | 'translations' | 'related'>, FieldSource]> = [
  [/^citation_title$/, 'title', 'citation'],
  [/^citation_(publication_date|date|online_date)$/, 'published', 'citation'],
  [/^citation_(journal_title|publisher|conference_title)$/, 'siteName', 'citation'],
  [/^citation_(abstract_html_url|fulltext_html_url)$/, 'url', 'citation'],
  [/^citation_language$/, 'lang', 'citation'],
  [/^citation_abstract$/, 'description', 'citation'],
  [/^og:title$/, 'title', 'open-graph'],
  [/^og:description$/, 'description', 'open-graph'],
  [/^og:url$/, 'url', 'open-graph'],
  [/^og:site_name$/, 'siteName', 'open-graph'],
  [/^og:image(:url|:secure_url)?$/, 'image', 'open-graph'],
  [/^og:locale$/, 'lang', 'open-graph'],
  [/^(article|og:article):published_time$/, 'published', 'open-graph'],
  [/^(article|og:article):modified_time$/, 'modified', 'open-graph'],
  [/^(article|og:article):section$/, 'section', 'open-graph'],
  [/^twitter:title$/, 'title', 'twitter'],
  [/^twitter:description$/, 'description', 'twitter'],
  [/^twitter:image(:src)?$/, 'image', 'twitter'],
  [/^(dc|dcterms|dct)[.:]title$/, 'title', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:]description$/, 'description', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:](date|date\.issued|issued|created)$/, 'published', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:](modified|date\.modified)$/, 'modified', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:]language$/, 'lang', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:]publisher$/, 'siteName', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:](rights|license)$/, 'license', 'dublin-core'],
  [/^(dc|dcterms|dct)[.:]identifier$/, 'url', 'dublin-core'],
  [/^(title|headline)$/, 'title', 'meta'],
  [/^description$/, 'description', 'meta'],
  [/^og:updated_time$/, 'modified', 'open-graph'],
  // Plain names CMSes give the publication and change dates (htmldate's lists of tag names, in part).
  [/^(date|pubdate|publishdate|publish-date|publish_date|published|published[-_]date|publication[-_]date|pub[-_]date|date[-_]published|article[._]published|release[-_]date|originalpublicationdate|article_date_original|sailthru\.date|parsely-pub-date|dc\.date\.created|original-publish-date|datepublished)$/, 'published', 'meta'],
  [/^(lastmod|last-modified|last[-_]modified|modified[-_]date|date[-_]modified|article[._]updated|article_date_updated|datemodified)$/, 'modified', 'meta'],
  [/^(application-name|apple-mobile-web-app-title)$/, 'siteName', 'meta'],
  [/^(language|content-language)$/, 'lang', 'meta'],
  [/^(section|parsely-section|category)$/, 'section', 'meta'],
  [/^(parsely-title)$/, 'title', 'meta'],
  [/^(image|thumbnail)$/, 'image', 'meta'],
];

const AUTHOR_TAGS: ReadonlyArray<[RegExp, FieldSource]> = [
  [/^citation_author$/, 'citation'],
  [/^(article|og:article):author$/, 'open-graph'],
  [/^(dc|dcterms|dct)[.:](creator|contributor)$/, 'dublin-core'],
  [/^(author|byl|sailthru\.author|parsely-author|twitter:creator)$/, 'meta'],
];

const TAG_TAGS: ReadonlyArray<[RegExp, FieldSource]> = [
  [/^citation_keywords?$/, 'citation'],
  [/^(article|og:article):tag$/, 'open-graph'],
  [/^(dc|dcterms|dct)[.:]subject$/, 'dublin-core'],
  [/^(keywords|news_keywords|parsely-tags|sailthru\.tags)$/, 'meta'],
];

/**
 * Twitter's enhanced cards (Yoast and other CMSes write them): `twitter:labelN` names what
 * `twitter:dataN` holds. A label saying the data is the writer ("Written by", and Yoast's
 * translations of it) makes the data an author, on the same footing as `twitter:creator`.
 */
const CARD_LABEL = /^twitter:label(\d+)$/;
const CARD_DATA = /^twitter:data(\d+)$/;
const WRITER_LABEL = /^(written by|author|authors?|by|geschrieben von|verfasst von|autor|écrit par|ecrit par|auteur|escrito por|scritto da|autore|geschreven door|door)$/i;

/**
 * How a tag names its key. RDFa's `property` is the vocabularies' own syntax (Open Graph and Dublin
 * Core are defined for it); `name=` spellings of the same keys are looser copies. Within a source,
 * `property` tags are proposed first, and authors come from one kind only (never a union).
 */
type KeyKind = 'property' | 'name';

export function readMetaTags(tree: Root, file: VFile): void {
  const authors: Array<{ name: string; source: FieldSource; kind: KeyKind }> = [];
  const tags = new Map<FieldSource, string[]>();
  const byName: Array<[string, string]> = [];
  const cards: Array<[string, string]> = [];
  walkElements(tree, (node) => {
    if (node.tagName !== 'meta') return;
    const content = clean(attr(node, 'content'));
    if (!content) return;
    // RDFa lets one `property` name several terms ("dc:title og:title"): each is a key.
    const keys = (value: string | null) => new Set((value ?? '').toLowerCase().split(/\s+/).filter(Boolean));
    const properties = keys(attr(node, 'property'));
    for (const key of properties) readTag(key, content, 'property');
    for (const key of keys(attr(node, 'name') ?? attr(node, 'itemProp') ?? attr(node, 'httpEquiv'))) {
      if (!properties.has(key)) byName.push([key, content]);
    }
  });
  // Second pass: the `name=` tags, after every `property` tag (candidatesFor keeps insertion order within a source).
  for (const [key, content] of byName) readTag(key, content, 'name');
  for (const name of writersOfCards(cards)) authors.push({ name, source: 'meta', kind: 'name' });
  function readTag(key: string, content: string, kind: KeyKind): void {
    if (CARD_LABEL.test(key) || CARD_DATA.test(key)) cards.push([key, content]);
    for (const [pattern, field, source] of META_FIELDS) {
      if (pattern.test(key)) {
        propose(file, field, content as FieldValues[typeof field], source);
        break;
      }
    }
    for (const [pattern, source] of AUTHOR_TAGS) {
      // An author given as a profile URL (Facebook, Twitter handle) is not a name.
      if (pattern.test(key) && !/^(https?:|@)/.test(content)) authors.push({ name: content, source, kind });
    }
    for (const [pattern, source] of TAG_TAGS) {
      if (pattern.test(key)) {
        const list = tags.get(source) ?? [];
        for (const tag of content.split(/[,;]/)) if (tag.trim()) list.push(tag.trim());
        tags.set(source, list);
      }
    }
  }
  // One candidate per source and key kind, `property` first: resolve takes the first that names someone.
  for (const kind of ['property', 'name'] as const) {
    for (const source of new Set(authors.map((a) => a.source))) {
      const names = authors.filter((a) => a.source === source && a.kind === kind).map((a) => a.name);
      propose(file, 'authors', names.map((name) => ({ name, url: null, bio: null })), source);
    }
  }
  for (const [source, list] of tags) propose(file, 'tags', [...new Set(list)], source);
}

/** The `twitter:dataN` values whose `twitter:labelN` says they name the writer. */
function writersOfCards(tags: Array<[string, string]>): string[] {
  const labels = new Map<string, string>();
  const data = new Map<string, string>();
  for (const [key, content] of tags) {
    const label = CARD_LABEL.exec(key);
    if (label) labels.set(label[1]!, content);
    const value = CARD_DATA.exec(key);
    if (value) data.set(value[1]!, content);
  }
  return [...labels].filter(([n, label]) => WRITER_LABEL.test(label.trim()) && data.has(n)).map(([n]) => data.get(n)!);
}
