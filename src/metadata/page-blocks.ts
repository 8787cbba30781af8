import type { Element } from 'hast';
import type { Author, RelatedItem, Translation } from '../types.js';
import { BOILERPLATE_GROUPS } from '../vocabulary/class-names.js';
import { BIO_HEADING, RELATED_HEADING, SPONSORED_TEXT, TRANSLATION_HEADING } from '../vocabulary/headings.js';
import { attr, classAndId, holds, textOf, walkElements } from '../hast/util.js';
import { parseByline } from './authors.js';
import { findDateText, normalizeDate, datePart } from './dates.js';
import { clean, resolveUrl } from './text-utils.js';
import { languageOfName } from './language-names.js';

/**
 * The boilerplate blocks that hold metadata, read before the cleaner removes them: related /
 * recommended card lists, author bio boxes and language switchers. A block is known by its
 * class/id (src/vocabulary/class-names.ts) or by the heading it opens with.
 */

export type BlockKind = 'related' | 'bio' | 'translations';

/** The heading that opens each kind of block (src/vocabulary/headings.ts). */
const BLOCK_HEADINGS: Readonly<Record<BlockKind, RegExp>> = { related: RELATED_HEADING, bio: BIO_HEADING, translations: TRANSLATION_HEADING };

/** Element kinds that can hold a block (not inline text). */
const BLOCK_TAGS = new Set(['div', 'section', 'aside', 'ul', 'ol', 'nav', 'footer', 'article', 'dl']);
/** A "block" with more text than this (characters) is a page region, not a card list or a box. */
const MAX_BLOCK_TEXT = 6000;
/** Cards read per block (a bound on work for hostile pages; real lists have a few dozen at most). */
const MAX_CARDS = 50;
/** Card titles shorter than this (characters) are labels ("More", "Read"), not headlines. */
const MIN_CARD_TITLE = 12;
/** Class words of a card's kind/section label ("Brief Analysis") and of its byline. */
const CARD_SECTION = /(^|[\s_-])(type|card-?type|kicker|eyebrow|category|section|rubric|label|overline|topic)($|[\s_-])/;
const CARD_AUTHOR = /(^|[\s_-])(author|authors|byline|by)($|[\s_-])/;
const CARD_DATE = /(^|[\s_-])(date|time|timestamp|published|pubdate)($|[\s_-])/;

/** The kind of metadata block an element is, or null. */
export function blockKind(node: Element): BlockKind | null {
  if (!BLOCK_TAGS.has(node.tagName)) return null;
  const ci = classAndId(node);
  let kind: BlockKind | null = null;
  if (BOILERPLATE_GROUPS.related!.test(ci)) kind = 'related';
  else if (BOILERPLATE_GROUPS.bio!.test(ci)) kind = 'bio';
  else if (BOILERPLATE_GROUPS.translations!.test(ci)) kind = 'translations';
  else {
    const heading = openingHeading(node);
    if (heading) {
      for (const k of ['related', 'bio', 'translations'] as const) if (BLOCK_HEADINGS[k].test(heading)) kind = k;
    }
  }
  if (kind && (textOf(node, MAX_BLOCK_TEXT).length > MAX_BLOCK_TEXT || containsHeadline(node))) return null;
  // Sponsored "recommendations" (Taboola, Outbrain, "Sponsored Links") are ads, not related articles.
  if (kind === 'related' && (BOILERPLATE_GROUPS.ads!.test(ci) || SPONSORED_TEXT.test(openingHeading(node) ?? ''))) return null;
  return kind;
}

/** A block around the page's `<h1>` is the article's own region, whatever its class says. */
function containsHeadline(node: Element): boolean {
  return holds(node, (el) => el.tagName === 'h1', true);
}

/** Text of the heading an element opens with (its first element child, when a heading). */
function openingHeading(node: Element): string | null {
  const first = node.children.find((c): c is Element => c.type === 'element');
  if (!first) return null;
  if (/^h[1-6]$/.test(first.tagName) || /(^|[\s_-])(title|heading|header)($|[\s_-])/.test(classAndId(first))) {
    return clean(textOf(first))?.replace(/\s*:$/, '') ?? null;
  }
  return null;
}

/** The related/recommended cards of a block: title, link, date, authors and section of each. */
export function readRelatedCards(node: Element): RelatedItem[] {
  const items: RelatedItem[] = [];
  const seen = new Set<string>();
  for (const card of cardsOf(node).slice(0, MAX_CARDS)) {
    const link = titleLink(card);
    if (!link) continue;
    // A link wrapping a kicker and a heading: the heading is the title.
    let heading: Element | null = null;
    walkElements({ type: 'root', children: [link.el] }, (el) => {
      if (!heading && /^h[1-6]$/.test(el.tagName)) heading = el;
      return heading === null;
    });
    const title = clean(textOf(heading ?? link.el));
    if (!title || !looksLikeHeadline(title) || SPONSORED_TEXT.test(title) || seen.has(link.href)) continue;
    seen.add(link.href);
    let published: string | null = null;
    let authors: string[] = [];
    let section: string | null = null;
    walkElements({ type: 'root', children: [card] }, (el) => {
      if (el === link.el) return false;
      const ci = classAndId(el);
      if (!published && (el.tagName === 'time' || CARD_DATE.test(ci))) {
        const value = normalizeDate(attr(el, 'dateTime') ?? textOf(el)) ?? normalizeDate(findDateText(textOf(el))?.text);
        if (value) published = datePart(value);
        return false;
      }
      if (authors.length === 0 && CARD_AUTHOR.test(ci)) {
        authors = parseByline(textOf(el));
        return false;
      }
      if (!section && CARD_SECTION.test(ci)) {
        const text = clean(textOf(el));
        if (text && text.length <= 40 && text !== title) section = text;
        return false;
      }
      return undefined;
    });
    items.push({ title, url: link.href, published, authors, section });
  }
  return items;
}

/**
 * A card title is a headline: at least MIN_CARD_TITLE characters and, in Latin, Cyrillic or Greek
 * script, MIN_CARD_WORDS words ("Internet Privacy", "Sign in" are labels and buttons).
 */
const MIN_CARD_WORDS = 3;
function looksLikeHeadline(title: string): boolean {
  if (title.length < MIN_CARD_TITLE) return false;
  // Counted in Latin, Cyrillic and Greek script only: Arabic joins articles and conjunctions to
  // words ("المدينة والدراجات" is "the city and the bicycles"), CJK does not space words.
  const counted = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}\p{P}\p{S}\s]+$/u.test(title);
  return !counted || title.split(/\s+/).length >= MIN_CARD_WORDS;
}

/** The cards of a list: the children of the innermost element that holds more than one. */
function cardsOf(node: Element): Element[] {
  let root = node;
  for (;;) {
    const kids = root.children.filter((c): c is Element => c.type === 'element' && !/^h[1-6]$/.test(c.tagName) && hasLink(c));
    if (kids.length === 1 && kids[0]!.tagName !== 'a') root = kids[0]!;
    else return kids.length > 0 ? kids : [root];
  }
}

function hasLink(node: Element): boolean {
  return holds(node, (el) => el.tagName === 'a' && attr(el, 'href') !== null, true);
}

/** A card's headline link: the link in a heading, else its longest link. */
function titleLink(card: Element): { el: Element; href: string } | null {
  let inHeading: { el: Element; href: string } | null = null;
  let longest: { el: Element; href: string; length: number } | null = null;
  const visit = (el: Element, heading: boolean) => {
    walkElements({ type: 'root', children: [el] }, (child) => {
      if (/^h[1-6]$/.test(child.tagName) && child !== el) {
        visit(child, true);
        return false;
      }
      if (child.tagName === 'a') {
        const href = clean(attr(child, 'href'));
        if (!href || href.startsWith('#')) return false;
        const length = textOf(child).length;
        if (heading && !inHeading) inHeading = { el: child, href };
        if (!longest || length > longest.length) longest = { el: child, href, length };
        return false;
      }
      return undefined;
    });
  };
  visit(card, /^h[1-6]$/.test(card.tagName));
  return inHeading ?? (longest ? { el: (longest as { el: Element }).el, href: (longest as { href: string }).href } : null);
}

/** An author bio box: the name (its link or heading), the profile link, and the biography. */
export function readBio(node: Element): Author[] {
  const boxes: Element[] = [];
  walkElements({ type: 'root', children: [node] }, (el) => {
    if (el !== node && BOILERPLATE_GROUPS.bio!.test(classAndId(el)) && BLOCK_TAGS.has(el.tagName)) {
      boxes.push(el);
      return false;
    }
    return undefined;
  });
  const out: Author[] = [];
  for (const box of boxes.length > 0 ? boxes : [node]) {
    let name: string | null = null;
    let url: string | null = null;
    const paragraphs: string[] = [];
    walkElements({ type: 'root', children: [box] }, (el) => {
      if (!name && (el.tagName === 'a' || /^h[2-6]$/.test(el.tagName) || el.tagName === 'strong' || el.tagName === 'b' || /(^|[\s_-])name($|[\s_-])/.test(classAndId(el)))) {
        const text = clean(textOf(el));
        const parsed = text && text.length <= 60 ? parseByline(text)[0] : undefined;
        if (parsed && !BLOCK_HEADINGS.bio.test(text!)) {
          name = parsed;
          if (el.tagName === 'a') url = clean(attr(el, 'href'));
          return false;
        }
      }
      if (el.tagName === 'p') {
        const text = clean(textOf(el));
        if (text) paragraphs.push(text);
        return false;
      }
      return undefined;
    });
    if (name) out.push({ name, url, bio: paragraphs.length > 0 ? paragraphs.join(' ') : null });
  }
  return out;
}

/** A language switcher: each link's language (hreflang, lang, its label, or its path), label and URL. */
export function readSwitcher(node: Element): Translation[] {
  const out: Translation[] = [];
  walkElements({ type: 'root', children: [node] }, (el) => {
    if (el.tagName !== 'a') return undefined;
    const href = clean(attr(el, 'href'));
    const label = clean(textOf(el));
    if (!href || href.startsWith('#') || !label) return false;
    const lang = clean(attr(el, 'hrefLang')) ?? clean(attr(el, 'lang')) ?? languageOfName(label) ?? langFromPath(href);
    if (lang) out.push({ lang, label, url: href });
    return false;
  });
  return out;
}

/** `/fr/...`, `/pt-br/...`: a language code as the first path segment. */
function langFromPath(href: string): string | null {
  const path = href.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const m = /^\/([a-z]{2})(?:[-_]([a-z]{2}))?\//i.exec(path);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]!) : null;
}

/** Elements that hold one teaser card (a post in a list, a tile). */
const CARD_TAGS = new Set(['article', 'li', 'div', 'section']);
/**
 * A teaser card's text fits in this many characters (a headline, a date, a line of summary); an
 * element with more is a region of the page, or the article itself.
 */
const MAX_TEASER_TEXT = 600;

/**
 * A teaser card: a small element (at most MAX_TEASER_TEXT characters) whose heading (`<h2>`..`<h6>`)
 * links, with a headline's words, to another page (a forum post's heading linking its poster's
 * profile is no teaser), and that states a date (`<time>`, or an element classed as a date), not
 * holding the page's `<h1>`. Its date and byline are the linked article's, never this page's,
 * whatever the list around it is called ("Latest posts", a grid with no heading at all).
 * `self` are the page's own addresses (canonical, og:url, the address given), resolved.
 */
export function isTeaserCard(node: Element, self: ReadonlySet<string>, base: string | null): boolean {
  if (!CARD_TAGS.has(node.tagName) || textOf(node, MAX_TEASER_TEXT + 1).length > MAX_TEASER_TEXT) return false;
  let elsewhere = false;
  let dated = false;
  let headline = false;
  walkElements({ type: 'root', children: [node] }, (el) => {
    if (el.tagName === 'h1') headline = true;
    if (el.tagName === 'time' || CARD_DATE.test(classAndId(el))) dated = true;
    if (/^h[2-6]$/.test(el.tagName) && !elsewhere) elsewhere = linksElsewhere(el, self, base);
    return !headline;
  });
  return elsewhere && dated && !headline;
}

/** The heading holds a link, reading as a headline (not a user's or a section's name), to a page other than this one. */
function linksElsewhere(heading: Element, self: ReadonlySet<string>, base: string | null): boolean {
  let found = false;
  walkElements({ type: 'root', children: [heading] }, (el) => {
    if (el.tagName !== 'a') return !found;
    const href = clean(attr(el, 'href'));
    const title = clean(textOf(el));
    // A link with a fragment is a permalink to a part of a page (a forum post's "#p550447"), not a teaser's.
    if (href && !href.includes('#') && title && looksLikeHeadline(title)) {
      const target = pageKey(resolveUrl(href, base) ?? href);
      if (!self.has(target)) found = true;
    }
    return false;
  });
  return found;
}

/** An address without its fragment and trailing slash, to compare two links to the same page. */
export function pageKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/+$/, '');
}
