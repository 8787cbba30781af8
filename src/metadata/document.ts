import type { Element, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import type { Author, RelatedItem, Translation } from '../types.js';
import { blockKind, isTeaserCard, pageKey, readBio, readRelatedCards, readSwitcher } from './page-blocks.js';
import { candidatesFor, propose } from './candidates.js';
import { titleKey, titlePartKeys } from './title.js';
import { clean, resolveUrl } from './text-utils.js';
import { attr, classAndId, holds, textOf, walkElements } from '../hast/util.js';
import { parseByline } from './authors.js';
import { authorsFromElement, BYLINE_HINT, dedupeAuthors, isProfileLink, NOT_BYLINE_HINT } from './byline.js';
import { findDateText, normalizeDate } from './dates.js';
import { BYLINE_OPENERS } from '../vocabulary/bylines.js';
import { BOILERPLATE_GROUPS } from '../vocabulary/class-names.js';

declare module 'vfile' {
  interface DataMap {
    /** The document's base URL for resolving links (`<base href>`, canonical, og:url, --base-url). */
    baseUrl: string | null;
    /** Texts of the page's `<h1>`s (the first few): one of them is usually the article's headline. */
    headlines: string[];
    /** Authors as the page's bio boxes name them, with profile link and biography. */
    authorBios: Author[];
    /**
     * User names as a thread's posts show them (elements classed `username`, `poster`...), the
     * first ones after the headline, in order: on a forum page the first is the thread's starter.
     */
    posters: string[];
  }
}

/** Class/id words that mark a visible dateline. */
const DATELINE_HINT = /(^|[\s_-])(date|dateline|timestamp|published|pubdate|posted|time|datetime|meta-date|entry-date|post-date)($|[\s_-])/;
/**
 * Class/id/itemprop words and labels that say a date is the modification date; a thread's "Last
 * post" is its last change, not its start.
 */
const MODIFIED_HINT = /modif|updat|edited|revised|last[- _]?(post|reply|activity)|latest[- _]?(post|reply)|dernier message|letzte[rn]? (beitrag|antwort)|último mensaje|ultima risposta|laatste (bericht|reactie)|aktualisiert|actualiz|atualiz|aggiornat|bijgewerkt|mis[- ]à[- ]jour|mis-a-jour|обновлен|更新|تحديث|تم التحديث/;
/** Class/id/itemprop words of a deck or standfirst under the headline. */
const SUBTITLE_HINT = /(^|[\s_-])(subtitle|sub-?title|subhead|sub-?headline|subheading|dek|deck|standfirst|strapline|alternativeheadline|article-?summary)($|[\s_-])/;
/** Class/id words of the kind or section label above a headline ("Brief Analysis", "Opinion"). */
const SECTION_HINT = /(^|[\s_-])(kicker|eyebrow|overline|rubric|category|section-?label|article-?type|content-?type|field-?type|post-?category)($|[\s_-])/;
/** A deck is a sentence or two: between these lengths (characters). */
const MIN_DECK = 20;
const MAX_DECK = 400;
const MAX_SECTION_LABEL = 40;
/** How near the headline (elements) a deck or a section label must be. */
const NEAR_HEADLINE = 12;
/**
 * Bounds on work for hostile pages: datelines parsed (each goes through the date parsers) and
 * related cards kept. Real pages have a handful of each.
 */
const MAX_DATELINES = 60;
const MAX_RELATED = 50;
/**
 * Class/id words of a post's user name in forum software (XenForo, phpBB, vBulletin, Discourse...),
 * a user name also when a word is prefixed to it (`PostUser-name`, `topicusername`).
 */
const USERNAME_HINT = /(^|[\s_-])([a-z]*user[-_]?name|poster|postauthor|post-author|topic-author|author-name|message-name|usertext)($|[\s_-])/;
/** User names noted at most, and the longest (characters) that is still a name. */
const MAX_POSTERS = 5;
const MAX_POSTER = 40;
/** The permalink mark documentation generators put after a heading ("Quickstart¶"). */
const PERMALINK_MARK = /\s*[¶§#]+\s*$/;
/** `<h1>`s read as possible headlines: pages with more are lists, not articles. */
const MAX_HEADLINES = 5;
/** A dateline longer than this (characters) is prose, not a date. */
const MAX_DATELINE = 80;
/** The opening words of a byline in the languages the date parser reads, then a capitalised name. */
const BYLINE_WORDS = new RegExp(`^(?:${BYLINE_OPENERS})\\s+(\\S)`, 'i');
const opensByline = (text: string) => /^[\p{Lu}\p{Lo}]/u.test(BYLINE_WORDS.exec(text)?.[1] ?? '');
/** How far under the headline (elements) an unmarked byline is looked for. */
const NEAR_BYLINE = 60;
/**
 * A byline sits by the headline: one further away than this (elements, see distance()) belongs
 * to a teaser list or a sidebar, not to the article. Teaser cards are not walked (isTeaserCard),
 * so the bound can reach past the hero images, share bars and icon sprites of modern templates
 * (600 elements after the headline, 200 before it).
 */
const MAX_BYLINE_DISTANCE = 600;
/** Profile links noted at most (a bound on work), and how close (elements) links of one byline sit. */
const MAX_PROFILE_LINKS = 100;
const PROFILE_LINK_SPAN = 12;
/** `itemprop=author` elements within this many elements of each other list one article's authors. */
const MICRODATA_AUTHOR_SPAN = 40;
/**
 * Byline boxes noted at most (a bound on work for hostile pages). Teaser lists above the article
 * have bylines of their own, so this is well above the handful an article has: the nearest to the
 * headline is chosen among all of them. Noting a box is cheap; only the nearest are parsed.
 */
const MAX_BYLINES = 30;
/** Bylines parsed for authors, nearest the headline first (each costs a date-parser pass). */
const MAX_PARSED_BYLINES = 3;
/** A byline longer than this (characters) is prose (or a bio), not a byline. */
const MAX_BYLINE = 200;

/**
 * Unmarked datelines: a short element near the headline whose text is a date, alone or with a
 * label or a reading time ("December 15, 2025", "Updated: 10/31/2024", "February 4, 2025 - 11
 * minutes"), in a hashed-class div no class word marks. Only elements this short are read (a
 * longer text is a sentence that mentions a date), only this far after (or, less far, before) the
 * headline, and only the nearest few are parsed (each costs a date-parser pass). Proposed only
 * when no marked visible date was found for the field.
 */
const MAX_TEXT_DATELINE = 60;
const TEXT_DATE_AFTER = 40;
const TEXT_DATE_BEFORE = 12;
const MAX_TEXT_DATES_PARSED = 4;
/** Elements whose own text can be an unmarked dateline (inline and small blocks). */
const TEXT_DATE_TAGS = new Set(['div', 'p', 'span', 'small', 'i', 'em', 'strong', 'b', 'li']);
/**
 * A page with no `<h1>` (its headline styled in an `<h4>` or a `<p>`): the headline is the first
 * element of the body whose whole text is the page's title as a tag for machines or `<title>`
 * states it (or a part of it between separators), so bylines and datelines are still looked for
 * by it. Elements read as such a headline, and the longest text (characters) read for it; a title
 * of one word ("Home", "Blog") names a page too often to place one.
 */
const STAND_IN_HEADLINE_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b']);
const MAX_STAND_IN_HEADLINE = 200;
const MIN_STAND_IN_WORDS = 2;
/** A text that may state a full date: a four-digit year, or a numeric day/month/year. */
const MAY_HOLD_DATE = /\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

/** A date read off the visible page, with its place in document order (elements counted). */
interface PlacedDate {
  at: number;
  value: string;
  field: 'published' | 'modified';
  source: 'time' | 'byline' | 'microdata' | 'text';
}

/** A byline box, noted while walking and parsed (authors, date) only if it is near enough to matter. */
interface BylineBox {
  at: number;
  node: Element;
  text: string;
}

/**
 * What the page's own markup says beyond meta tags: `<title>`, `<html lang>`, canonical and base
 * links, `<time>`, `rel=author`, `rel=license`, hreflang alternates, microdata `itemprop`, and
 * visible bylines and datelines. Visible dates are proposed nearest the headline first, so a date
 * in a sidebar or a related card does not win over the article's own.
 */
export function readPageMetadata(tree: Root, file: VFile, options: { baseUrl?: string | null }): void {
  let base: string | null = null;
  let canonical: string | null = null;
  let ogUrl: string | null = null;
  let headlineAt = -1;
  const headlines: string[] = [];
  let at = 0;
  const translations: Translation[] = [];
  const relAuthors: Author[] = [];
  const bylines: BylineBox[] = [];
  const dates: PlacedDate[] = [];
  const microdataAuthors: Array<{ at: number; authors: Author[] }> = [];
  const related: RelatedItem[] = [];
  const bios: Author[] = [];
  let datelines = 0;
  const textDates: Array<{ at: number; text: string }> = [];
  const posters: string[] = [];
  const notePoster = (node: Element): void => {
    if (posters.length >= MAX_POSTERS || !USERNAME_HINT.test(classAndId(node))) return;
    const text = clean(textOf(node, MAX_POSTER));
    if (text && text.length <= MAX_POSTER && !/\s.*\s.*\s/.test(text)) posters.push(text);
  };
  const profileLinks: Array<{ at: number; node: Element; href: string }> = [];
  const beforeHeadline: Array<{ at: number; node: Element }> = [];
  const noteTextDate = (node: Element, place: number): void => {
    const text = textOf(node, MAX_TEXT_DATELINE);
    if (text.length <= MAX_TEXT_DATELINE && MAY_HOLD_DATE.test(text)) textDates.push({ at: place, text });
  };
  const decks: Array<{ at: number; text: string }> = [];
  const labels: Array<{ at: number; text: string }> = [];
  let inBody = false;
  // Set at the body: the page has no `<h1>`, and these are the keys of its stated titles.
  let standInTitles: ReadonlySet<string> | null = null;
  let self: ReadonlySet<string> = new Set();
  let selfBase: string | null = null;

  const noteTime = (node: Element, parent: Parents, place: number): void => {
    const datetime = clean(attr(node, 'dateTime')) ?? clean(textOf(node));
    const around = `${classAndId(node)} ${attr(node, 'itemProp') ?? ''} ${parent.type === 'element' ? classAndId(parent) : ''}`.toLowerCase();
    if (datetime) dates.push({ at: place, value: datetime, field: MODIFIED_HINT.test(around) ? 'modified' : 'published', source: 'time' });
  };

  /** Note the `<time>` elements inside `node` at its place; true when one states a `datetime`. */
  const noteInnerTimes = (node: Element, place: number): boolean => {
    let machine = false;
    walkElements(node, (inner, innerParent) => {
      if (inner.tagName !== 'time') return undefined;
      noteTime(inner, innerParent, place);
      if (clean(attr(inner, 'dateTime'))) machine = true;
      return false;
    });
    return machine;
  };

  walkElements(tree, (node, parent) => {
    at++;
    const tag = node.tagName;
    if (tag === 'body') {
      inBody = true;
      // The page's own addresses, known from its head: a card linking to one of them is not a teaser.
      const own = [canonical, ogUrl, options.baseUrl ?? null].filter((u): u is string => !!u);
      self = new Set(own.map((u) => pageKey(resolveUrl(u, options.baseUrl ?? null) ?? u)));
      selfBase = resolveUrl(base, own[0] ?? null) ?? own[0] ?? null;
      if (!holds(node, (el) => el.tagName === 'h1')) {
        const keys = candidatesFor(file, 'title').flatMap((c) => titlePartKeys(c.value)).filter((k) => k.split(' ').length >= MIN_STAND_IN_WORDS);
        standInTitles = new Set(keys);
      }
    }
    // `<noscript>` is read: unboil runs no scripts, so its content is what the page shows (forums
    // rendered by script put their whole crawler view there: headline, posts, authors, dates).
    if (tag === 'script' || tag === 'style' || tag === 'template') return false;
    // Comment sections: their bylines and dates are the commenters', not the article's. The
    // `<body>` is the page, never a section of it, whatever its class (a thread's page is classed
    // "comments-page": skipping it lost every date and author the page states).
    if (inBody && tag !== 'body' && BOILERPLATE_GROUPS.comments!.test(classAndId(node))) return false;
    const block = inBody ? blockKind(node) : null;
    // A teaser card (a linked headline and a date, outside related blocks too) speaks for the
    // article it links to: its date and byline are not walked.
    if (inBody && !block && isTeaserCard(node, self, selfBase)) return false;
    if (block === 'related') {
      if (related.length < MAX_RELATED) for (const card of readRelatedCards(node).slice(0, MAX_RELATED - related.length)) related.push(card);
      return false;
    }
    // Bio boxes are read for bios and still walked: sites also class their byline "author-info".
    if (block === 'bio') for (const bio of readBio(node)) bios.push(bio);
    if (block === 'translations') {
      for (const translation of readSwitcher(node)) translations.push(translation);
      return false;
    }
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
        const name = parseByline(textOf(node))[0];
        if (name) relAuthors.push({ name, url: href, bio: null });
      } else if (inBody && href && isProfileLink(href) && profileLinks.length < MAX_PROFILE_LINKS) {
        profileLinks.push({ at, node, href });
      }
    }
    if (tag === 'h1') {
      const text = clean(textOf(node).replace(PERMALINK_MARK, ''));
      if (text && headlines.length < MAX_HEADLINES) headlines.push(text);
      if (headlineAt < 0 && text) {
        headlineAt = at;
        for (const b of beforeHeadline) noteTextDate(b.node, b.at);
      }
    }
    if (standInTitles && headlineAt < 0 && inBody && STAND_IN_HEADLINE_TAGS.has(tag)) {
      const text = textOf(node, MAX_STAND_IN_HEADLINE);
      if (text.length <= MAX_STAND_IN_HEADLINE && standInTitles.has(titleKey(text))) {
        headlineAt = at;
        for (const b of beforeHeadline) noteTextDate(b.node, b.at);
      }
    }
    // Possible unmarked datelines: the elements just before the headline (kept until it is found)
    // and those not far after it.
    if (inBody && TEXT_DATE_TAGS.has(tag)) {
      if (headlineAt < 0) {
        beforeHeadline.push({ at, node });
        while (beforeHeadline.length > 0 && beforeHeadline[0]!.at < at - TEXT_DATE_BEFORE) beforeHeadline.shift();
      } else if (at - headlineAt <= TEXT_DATE_AFTER) noteTextDate(node, at);
    }
    const hint = `${classAndId(node)} ${attr(node, 'itemProp') ?? ''}`.toLowerCase();
    if (inBody && headlineAt >= 0) notePoster(node);
    if (tag === 'time') {
      noteTime(node, parent, at);
      return false;
    }
    const itemprop = attr(node, 'itemProp');
    if (itemprop) {
      const found = readMicrodata(node, itemprop, file);
      if (found?.authors) microdataAuthors.push({ at, authors: found.authors });
      else if (found && found.field !== 'authors') dates.push({ at, value: found.value, field: found.field, source: 'microdata' });
    }
    if (inBody && tag !== 'h1' && SUBTITLE_HINT.test(hint)) {
      const text = clean(textOf(node, MAX_DECK));
      if (text && text.length >= MIN_DECK && text.length <= MAX_DECK) decks.push({ at, text });
    }
    if (inBody && tag !== 'h1' && SECTION_HINT.test(hint)) {
      const text = clean(textOf(node, MAX_SECTION_LABEL));
      if (text && text.length <= MAX_SECTION_LABEL && text.split(' ').length <= 5) labels.push({ at, text });
    }
    if (inBody && (tag === 'div' || tag === 'span' || tag === 'p' || tag === 'address' || tag === 'a' || tag === 'em' || tag === 'strong' || tag === 'b' || /^h[1-6]$/.test(tag) || tag === 'li' || tag === 'section' || tag === 'header')) {
      const marked = (BYLINE_HINT.test(hint) || (attr(node, 'rel') ?? '').includes('author')) && !NOT_BYLINE_HINT.test(hint);
      // Unmarked bylines ("Written by <a>Rachael Link</a> on November 14, 2019" in a hashed-class
      // div) are known by their opening words, just under the headline.
      const opensLikeByline = !marked && headlineAt >= 0 && at - headlineAt <= NEAR_BYLINE && (tag === 'div' || tag === 'p' || tag === 'span');
      const text = bylines.length < MAX_BYLINES && (marked || opensLikeByline) ? textOf(node, MAX_BYLINE) : '';
      if (marked || opensByline(text)) {
        if (text && text.length < MAX_BYLINE) {
          bylines.push({ at, node, text });
          // The walk does not go inside the box, but its <time> elements are dates like any other,
          // and its user names are posters.
          noteInnerTimes(node, at);
          if (headlineAt >= 0) walkElements(node, (inner) => (inner === node ? undefined : notePoster(inner)));
          return false;
        }
      }
      if (datelines < MAX_DATELINES && DATELINE_HINT.test(hint)) {
        datelines++;
        // A dateline holding `<time datetime>` elements states its dates for machines too: read
        // those, not the text (WordPress writes "Posted on <time>June 29, 2020</time><time
        // class=updated>...</time>", whose text runs the two dates together).
        if (noteInnerTimes(node, at)) return false;
        const text = textOf(node, MAX_DATELINE);
        if (text && text.length < MAX_DATELINE) {
          const found = labelledDates(text);
          if (found.length === 0) found.push({ text, field: 'published' });
          const marked = MODIFIED_HINT.test(hint);
          for (const date of found) dates.push({ at, value: date.text, field: marked ? 'modified' : date.field, source: 'byline' });
          return false;
        }
      }
    }
    return undefined;
  });

  const nearest = <T extends { at: number }>(list: T[]) => [...list].sort((a, b) => distance(a.at, headlineAt) - distance(b.at, headlineAt) || a.at - b.at);
  if (relAuthors.length > 0) propose(file, 'authors', dedupeAuthors(relAuthors), 'link');
  // An unmarked byline: links to author profile pages by the headline ("Written by <a
  // href=/blog/author/x>"), those next to the nearest one taken together.
  const nearProfiles = profileLinks.filter((l) => headlineAt >= 0 && (l.at >= headlineAt ? l.at - headlineAt <= NEAR_BYLINE : headlineAt - l.at <= TEXT_DATE_BEFORE));
  const firstProfile = nearest(nearProfiles)[0];
  if (relAuthors.length === 0 && firstProfile) {
    const together = nearProfiles.filter((l) => Math.abs(l.at - firstProfile.at) <= PROFILE_LINK_SPAN).sort((a, b) => a.at - b.at);
    const linked = together.flatMap((l) => parseByline(textOf(l.node, MAX_BYLINE)).slice(0, 1).map((name) => ({ name, url: l.href, bio: null })));
    propose(file, 'authors', dedupeAuthors(linked), 'link');
  }
  let parsed = 0;
  for (const byline of nearest(bylines)) {
    if (distance(byline.at, headlineAt) > MAX_BYLINE_DISTANCE || parsed >= MAX_PARSED_BYLINES) break;
    const authors = authorsFromElement(byline.node);
    if (authors.length > 0) parsed++;
    propose(file, 'authors', authors, 'byline');
  }
  // Several `itemprop=author` elements side by side are one list; those far away belong to teasers.
  const firstMicro = nearest(microdataAuthors)[0];
  if (firstMicro) {
    const near = microdataAuthors.filter((m) => Math.abs(m.at - firstMicro.at) <= MICRODATA_AUTHOR_SPAN);
    propose(file, 'authors', dedupeAuthors(near.flatMap((m) => m.authors)), 'microdata');
  }
  // Microdata dates are structured: all of them, nearest first. Of the dates read off the visible
  // page (`<time>`, datelines), only the nearest readable one per field: a `<time>` under the
  // headline must not lose to a sidebar's dateline because datelines rank above `<time>`.
  // A byline box often holds the date too: read only while a field is still open (a box that
  // says nothing of a change cannot give the modified date).
  const visibleTaken = new Set<string>();
  const boxDates = (box: BylineBox): PlacedDate[] => {
    if (visibleTaken.has('published') && (visibleTaken.has('modified') || !MODIFIED_HINT.test(box.text.toLowerCase()))) return [];
    return labelledDates(box.text).map((date) => ({ at: box.at, value: date.text, field: date.field, source: 'byline' }));
  };
  for (const item of nearest<PlacedDate | BylineBox>([...dates, ...bylines])) {
    for (const date of 'node' in item ? boxDates(item) : [item]) {
      if (date.source !== 'microdata') {
        if (visibleTaken.has(date.field) || !normalizeDate(date.value)) continue;
        visibleTaken.add(date.field);
      }
      propose(file, date.field, date.value, date.source);
    }
  }
  // Unmarked datelines, nearest the headline first, for a field no marked visible date gave.
  if (headlineAt >= 0) {
    for (const item of nearest(textDates).slice(0, MAX_TEXT_DATES_PARSED)) {
      if (labelledDates(item.text).filter((d) => normalizeDate(d.text)).length === 0) continue;
      // The date's element may sit in one with its label ("<div><div>Last updated:</div><div>Dec
      // 12, 2025</div></div>"): the longest noted text that holds it is read for the labels.
      const whole = textDates.filter((t) => t.text.includes(item.text)).reduce((a, b) => (b.text.length > a.text.length ? b : a), item);
      const found = labelledDates(whole.text).filter((d) => normalizeDate(d.text));
      for (const date of found) {
        if (!visibleTaken.has(date.field)) propose(file, date.field, date.text, 'text');
      }
      break;
    }
  }
  propose(file, 'translations', translations, 'link');
  propose(file, 'related', related, 'markup');
  file.data.authorBios = bios;
  file.data.posters = posters;
  if (headlineAt >= 0) {
    // A deck sits just under the headline; a section label ("Brief Analysis") just above it.
    const deck = decks.find((d) => d.at > headlineAt && d.at - headlineAt <= NEAR_HEADLINE);
    propose(file, 'subtitle', deck?.text, 'markup');
    const label = labels.filter((l) => l.at < headlineAt && headlineAt - l.at <= NEAR_HEADLINE).pop();
    propose(file, 'section', label?.text, 'markup');
  }
  const baseUrl = resolveUrl(base, canonical ?? ogUrl ?? options.baseUrl ?? null) ?? canonical ?? ogUrl ?? options.baseUrl ?? null;
  file.data.baseUrl = baseUrl ? absoluteOrNull(baseUrl) ?? options.baseUrl ?? null : null;
  if (canonical) propose(file, 'url', resolveUrl(canonical, file.data.baseUrl), 'link');
  file.data.headlines = headlines;
  // The first of the page's addresses that states a date (a canonical link may be relative, or wrong),
  // else the address of the image it gives for sharing: news sites file a story's pictures under
  // its day (`/news_photos/2025/12/20/`), as htmldate reads an og:image's date.
  const addresses = [canonical, ogUrl, options.baseUrl ?? null, ...candidatesFor(file, 'image').map((c) => c.value)];
  const urlDate = addresses.map((u) => dateFromUrl(u)).find((d) => d !== null) ?? null;
  propose(file, 'published', urlDate, 'url');
}

/** Dates read in one dateline at most ("Published March 1, 2024 · Updated March 5, 2024"). */
const MAX_DATES_IN_LINE = 3;

/**
 * The dates a dateline or byline states, in order, each a publication unless the words just
 * before it (since the previous date) say it is a change: "Updated March 5, 2024 · Published
 * March 1, 2024" is a modification, then the publication.
 */
function labelledDates(text: string): Array<{ text: string; field: 'published' | 'modified' }> {
  const out: Array<{ text: string; field: 'published' | 'modified' }> = [];
  let rest = text;
  while (out.length < MAX_DATES_IN_LINE) {
    const date = findDateText(rest);
    if (!date) break;
    const label = rest.slice(0, date.index).toLowerCase();
    out.push({ text: date.text, field: MODIFIED_HINT.test(label) ? 'modified' : 'published' });
    rest = rest.slice(date.index + date.text.length);
  }
  return out;
}

/**
 * How far an element is from the headline, in elements: what follows the headline (the byline
 * and dateline under it) counts nearer than what precedes it (navigation, teasers above).
 */
function distance(at: number, headlineAt: number): number {
  if (headlineAt < 0) return at;
  return at >= headlineAt ? at - headlineAt : (headlineAt - at) * 3;
}

/** Microdata `itemprop`s of the article; dates and authors are returned to be placed by distance. */
function readMicrodata(node: Element, itemprop: string, file: VFile): { field: 'published' | 'modified' | 'authors'; value: string; authors?: Author[] } | null {
  const value = clean(attr(node, 'content') ?? attr(node, 'dateTime') ?? null) ?? null;
  for (const prop of itemprop.toLowerCase().split(/\s+/)) {
    switch (prop) {
      case 'headline':
        propose(file, 'title', value ?? clean(textOf(node)), 'microdata');
        break;
      case 'datepublished':
      case 'datecreated': {
        const date = value ?? clean(textOf(node));
        return date ? { field: 'published', value: date } : null;
      }
      case 'datemodified': {
        const date = value ?? clean(textOf(node));
        return date ? { field: 'modified', value: date } : null;
      }
      case 'author':
      case 'creator': {
        const authors = value ? parseByline(value).map((n) => ({ name: n, url: null, bio: null })) : (structuredPerson(node) ?? (textOf(node, MAX_BYLINE).length < MAX_BYLINE ? authorsFromElement(node) : []));
        return authors.length > 0 ? { field: 'authors', value: '', authors } : null;
      }
      case 'description':
        propose(file, 'description', value, 'microdata');
        break;
      case 'inlanguage':
        propose(file, 'lang', value, 'microdata');
        break;
    }
  }
  return null;
}


/**
 * A microdata Person (`itemprop=author itemscope`) whose `itemprop=name` states the name: taken
 * as written, like a JSON-LD author (resolve.ts still reads it for roles), so a forum's user name
 * ("LingoLover94", which the byline parser takes for a handle) reaches the thread-starter rule.
 */
function structuredPerson(node: Element): Author[] | null {
  if (attr(node, 'itemScope') === null) return null;
  let name: string | null = null;
  let url: string | null = null;
  walkElements(node, (inner) => {
    const prop = (attr(inner, 'itemProp') ?? '').toLowerCase().split(/\s+/);
    if (inner !== node && prop.includes('url') && !url) url = clean(attr(inner, 'href') ?? attr(inner, 'content'));
    if (inner !== node && prop.includes('name') && !name) name = clean(attr(inner, 'content') ?? textOf(inner, MAX_POSTER));
    return inner !== node && attr(inner, 'itemScope') !== null ? false : undefined;
  });
  const found = name as string | null;
  return found && found.length <= MAX_POSTER ? [{ name: found, url, bio: null }] : null;
}

function absoluteOrNull(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** English month names (and their three-letter forms) as URL paths write them: `/2023/october/03/`. */
const URL_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const URL_MONTH = '(0[1-9]|1[0-2]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const URL_DATE = new RegExp(`\\/((?:19|20)\\d{2})[/-]${URL_MONTH}[/-](0[1-9]|[12]\\d|3[01])(?:[/-]|$)`, 'i');

/** `/2019/11/19/`, `/2019-11-19/` or `/2023/october/03/` in a URL path. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = URL_DATE.exec(url);
  if (!m) return null;
  const month = /^\d/.test(m[2]!) ? m[2]! : String(URL_MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
  return `${m[1]}-${month}-${m[3]}`;
}
