import type { VFile } from 'vfile';
import type { Author, FieldSource, Metadata, MetadataField, RelatedItem, Translation } from '../types.js';
import { candidatesFor, trustRank, type FieldValues } from './candidates.js';
import { datePart, dayFirstReading, normalizeDate } from './dates.js';
import { isInvertedName, parseByline, userHandle } from './authors.js';
import { clean, resolveUrl } from './text-utils.js';
import { explain, warn } from '../messages.js';
import { chooseTitle, titleKey } from './title.js';
import { iso6393To1 } from 'iso-639-3';

/** The metadata fields proper, as chosen from the candidates (everything but provenance). */
export type ResolvedFields = Pick<Metadata, MetadataField | 'fieldSources'>;

/** Choose each field's value from the candidates, most trusted source first. */
export function resolveFields(file: VFile): ResolvedFields {
  const sources: Partial<Record<MetadataField, FieldSource>> = {};
  const base = file.data.baseUrl ?? null;

  function pick<F extends MetadataField>(field: F, normalise: (v: FieldValues[F], source: FieldSource) => FieldValues[F] | null): FieldValues[F] | null {
    for (const c of candidatesFor(file, field)) {
      const value = normalise(c.value, c.source);
      if (value != null && !(Array.isArray(value) && value.length === 0)) {
        sources[field] = c.source;
        return value;
      }
    }
    return null;
  }

  const siteName = pick('siteName', (v) => stated(v));
  const organisations = organisationKeys(file);
  // A visible byline (or profile link) naming a person by more than one word: then a one-word
  // author that a tag for machines gives ("KatieS") is the CMS account that posted the article,
  // not the name the page credits.
  const fullNameShown = candidatesFor(file, 'authors').some((c) => SHOWN_AUTHOR_SOURCES.has(c.source) && (normaliseAuthors(c.value, c.source, base, organisations, true) ?? []).some((a) => /\s/.test(a.name)));
  const readDate = dateReader(file);
  const titles = candidatesFor(file, 'title');
  const chosenTitle = chooseTitle(titles.map((c) => c.value), siteName, file.data.headlines ?? []);
  if (chosenTitle) sources.title = titles[chosenTitle.index]!.source;
  const title = chosenTitle?.title ?? null;
  // Never a publication date later than a date a more trusted source gives for the page's last
  // change (an untyped `<meta name=date>` is often the day the page was rendered). Between
  // sources of equal trust the publication stands: CMSes stamp the draft's last save as
  // dateModified and the release, hours later, as datePublished (the modified date then goes).
  const modifiedDates = candidatesFor(file, 'modified')
    .map((c) => ({ day: readDate(c.value), rank: trustRank(c.source) }))
    .filter((d): d is { day: string; rank: number } => d.day !== null)
    .map((d) => ({ day: datePart(d.day), rank: d.rank }));
  const latestModifiedAbove = (source: FieldSource) => {
    const rank = trustRank(source);
    return modifiedDates.filter((d) => d.rank < rank).map((d) => d.day).sort().pop();
  };
  const modifiedInstants = new Set(
    candidatesFor(file, 'modified')
      .map((c) => normalizeDate(c.value))
      .filter((d): d is string => d !== null && d.includes('T'))
      .map((d) => Date.parse(d)),
  );
  const statedPublished = candidatesFor(file, 'published')
    .filter((c) => c.source !== 'url' && !VISIBLE_SOURCES.has(c.source))
    .map((c) => normalizeDate(c.value))
    .filter((d): d is string => d !== null);
  // A UTC timestamp that another source gives on the publisher's clock is given on that clock.
  function onPublisherClock(field: 'published' | 'modified', value: string | null): string | null {
    const local = value ? localClock(file, field, value) : null;
    if (!local) return value;
    sources[field] = local.source;
    return local.value;
  }
  let published = onPublisherClock('published', pick('published', (v, source) => {
    const date = readDate(v);
    const latestModified = latestModifiedAbove(source);
    if (date && latestModified && datePart(date) > latestModified) {
      explain(file, 'date-after-modified', `ignored published date ${datePart(date)}: later than the page's modified date ${latestModified}`);
      return null;
    }
    // A CMS that writes its last-change time into datePublished too: the very timestamp the page
    // gives as modified, while another tag states a publication days earlier (more than any
    // difference of time zones: 2019-11-18 20:58 local is 2019-11-19 04:58Z), is not the publication.
    if (date && date.includes('T') && modifiedInstants.has(Date.parse(date)) && statedPublished.some((d) => daysBetween(d, date) >= MIN_DAYS_EARLIER)) {
      explain(file, 'published-is-modified', `ignored published date ${date}: it is the page's modified timestamp, and an earlier publication date is stated`);
      return null;
    }
    return date;
  }));
  const shown = earliestShown(file, published, sources.published ?? null, readDate);
  if (shown) {
    explain(file, 'earliest-shown-date', `published date ${datePart(shown.date)} shown on the page, ${datePart(published!)} stated for machines (${sources.published}): the page's own is taken`);
    published = shown.date;
    sources.published = shown.source;
  }
  checkDateConflicts(file, published, readDate);
  const modified = onPublisherClock('modified', pick('modified', (v) => readDate(v)));
  // A page that states only when it was last updated ("Updated October 1, 2025" under the
  // headline, dateModified alone): that is the date the page gives itself, and the version read.
  if (published === null && modified !== null) {
    published = modified;
    sources.published = sources.modified;
    explain(file, 'published-from-modified', `no publication date stated; published is the page's modified date ${datePart(modified)}`);
  }
  const fields: ResolvedFields = {
    title,
    subtitle: pick('subtitle', (v) => {
      const deck = stated(v);
      return deck && title && titleKey(deck) === titleKey(title) ? null : deck;
    }),
    // People first: the first source that names a person; only when none does, one that credits
    // the publisher; only when none does either, a user name a tag for machines gives.
    authors: withBios(
      pick('authors', (v, source) => {
        const people = normaliseAuthors(v, source, base, organisations, true);
        return people && fullNameShown && STATED_FOR_MACHINES.has(source) && people.every((a) => !/\s/.test(a.name)) ? null : people;
      }) ??
        pick('authors', (v, source) => normaliseAuthors(v, source, base, organisations, false)) ??
        pick('authors', (v, source) => handles(v, source, base)) ??
        [],
      [...(file.data.authorBios ?? []), ...candidatesFor(file, 'authors').flatMap((c) => c.value)],
      base,
    ),
    published,
    modified,
    lang: pick('lang', (v) => normaliseLang(v)),
    siteName,
    url: pick('url', (v) => absoluteUrl(v, base)),
    description: pick('description', (v) => stated(v)),
    section: pick('section', (v) => stated(v)),
    tags: pick('tags', (v) => [...new Set(v.map((t) => t.trim()).filter(Boolean))]) ?? [],
    image: pick('image', (v) => resolveUrl(v, base)),
    license: pick('license', (v) => licence(v, base)),
    translations: [],
    related: pick('related', (v) => v.map((r): RelatedItem => ({ ...r, url: r.url ? resolveUrl(r.url, base) : null }))) ?? [],
    fieldSources: sources,
  };
  if (fields.authors.length === 0 && siteName) {
    const owner = blogOwner(siteName);
    if (owner) {
      fields.authors = [{ name: owner, url: null, bio: null }];
      sources.authors = sources.siteName;
    }
  }
  if (fields.published && fields.modified && isBefore(fields.modified, fields.published)) fields.modified = null;
  fields.translations = pick('translations', (v) => normaliseTranslations(v, base, fields.url ?? base, fields.lang)) ?? [];
  fields.fieldSources = Object.fromEntries(
    Object.entries(sources).filter(([key]) => {
      const v = fields[key as MetadataField];
      return v != null && !(Array.isArray(v) && v.length === 0);
    }),
  );
  return fields;
}

/**
 * Sources that name one entity per entry (a JSON-LD `author` object, one `citation_author` tag):
 * their names are taken as written, unless one entry lists several people ("A, B and C").
 */
const ONE_NAME_PER_ENTRY: ReadonlySet<FieldSource> = new Set(['json-ld', 'citation', 'dublin-core', 'front-matter', 'pdf-info', 'xmp']);
/** Longer than this, a structured "name" is a sentence someone pasted in. */
const MAX_ENTRY_NAME = 80;
const NAME_LIST = /,|;|&|\band\b|\bund\b|\bet\b|\by\b|،|、/;
/** A spaced dash or bar inside a structured name: a role or a desk follows it. */
const AFFILIATION_DASH = /\s+[-–—|]\s+/;

function normaliseAuthors(list: Author[], source: FieldSource, base: string | null, organisations: string[], peopleOnly: boolean): Author[] | null {
  const out: Author[] = [];
  for (const author of list) {
    const raw = clean(author.name) ?? '';
    // One tag per author may write "Last, First"; only a list in one string is split.
    const asWritten = ONE_NAME_PER_ENTRY.has(source) && !NAME_LIST.test(raw) && !/\d/.test(raw) && raw.length <= MAX_ENTRY_NAME;
    // "David Jackson - Fullstack Editorial Team": what follows a spaced dash or bar is a role or a desk.
    const names = isInvertedName(raw) ? [raw] : asWritten ? [raw.split(AFFILIATION_DASH)[0]!] : parseByline(raw);
    for (const name of names) {
      if (!name || out.some((a) => a.name.toLowerCase() === name.toLowerCase())) continue;
      if (peopleOnly && isOrganisation(name, organisations)) continue;
      out.push({ name, url: author.url ? resolveUrl(author.url, base) : null, bio: clean(author.bio) });
    }
  }
  return out.length > 0 ? out : null;
}

/** Sources written for machines, whose author entries a site fills from its accounts. */
const STATED_FOR_MACHINES: ReadonlySet<FieldSource> = new Set(['json-ld', 'citation', 'dublin-core', 'open-graph', 'twitter', 'meta']);

/** Sources of authors read off the visible page: the byline and the links to author profile pages. */
const SHOWN_AUTHOR_SOURCES: ReadonlySet<FieldSource> = new Set(['byline', 'link']);

/** The user names (userHandle) that a source written for machines gives as the author. */
function handles(list: Author[], source: FieldSource, base: string | null): Author[] | null {
  if (!STATED_FOR_MACHINES.has(source)) return null;
  const out: Author[] = [];
  for (const author of list) {
    const name = userHandle(author.name);
    if (name && !out.some((a) => a.name === name)) out.push({ name, url: author.url ? resolveUrl(author.url, base) : null, bio: clean(author.bio) });
  }
  return out.length > 0 ? out : null;
}

/** A site named as someone's blog ("Colin Watson's blog", "Ana Lima’s Notebook"): the owner's name, then the word. */
const BLOG_OF = /^(.+?)['’]s\s+(?:blog|weblog|site|website|homepage|home page|journal|notebook|notes|newsletter)$/i;

/**
 * The person a site is named after as their blog, when no source names an author: the site's own
 * name credits them. Only a name as bylines write one (parseByline reads it as one name, whole) of
 * more than one word, not opening with "The" ("The Verge's site" is a publication's).
 */
function blogOwner(siteName: string): string | null {
  const owner = BLOG_OF.exec(siteName.trim())?.[1]?.trim();
  if (!owner) return null;
  const names = parseByline(owner);
  return names.length === 1 && names[0] === owner && /\s/.test(owner) && !/^the\s/i.test(owner) ? owner : null;
}

/** A one-word author is matched inside a longer site name only from this length ("Harbourview" in "The Harbourview Gazette"). */
const MIN_ORGANISATION_KEY = 4;
/** A site name opens a several-word author's name only from this length (not "Mark" on mark.com). */
const MIN_ORGANISATION_PREFIX = 5;

/**
 * An "author" that is the site itself ("NBCNews", "folha" on folha.uol.com.br, "WebMD Health
 * News" on webmd.com): meta tags and bylines often credit the publisher, which is not a person.
 */
function isOrganisation(name: string, organisations: string[]): boolean {
  const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  // Several words: the site's name opening them ("WebMD Health News" on webmd.com), or the site's
  // name itself ("Cleveland Clinic" on clevelandclinic.org). A personal site named after its
  // author still credits them: the pass that takes organisations finds them when no one else is named.
  if (/\s/.test(name)) return organisations.some((o) => o.length >= MIN_ORGANISATION_PREFIX && key.startsWith(o));
  return key.length > 0 && organisations.some((o) => o === key || key.startsWith(o) || (key.length >= MIN_ORGANISATION_KEY && o.includes(key)));
}

/** Squashed names of the publisher: site-name candidates and the labels of the page's host. */
function organisationKeys(file: VFile): string[] {
  const keys = new Set<string>();
  for (const c of candidatesFor(file, 'siteName')) keys.add(c.value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  for (const c of candidatesFor(file, 'url')) {
    try {
      for (const label of new URL(c.value).hostname.split('.')) if (label.length > 3 && label !== 'www') keys.add(label.toLowerCase());
    } catch {
      // not an absolute URL: nothing to learn from it
    }
  }
  for (const name of file.data.authorOrganisations ?? []) keys.add(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  keys.delete('');
  return [...keys];
}

/** `en_US` -> `en-US`, `EN` -> `en`; null when it is not a language tag. */
export function normaliseLang(value: string): string | null {
  const m = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?/.exec(value.trim());
  if (!m) return null;
  // BCP 47 takes the shortest code: `eng` is `en` (ISO 639-3 codes without a 639-1 code stay).
  const primary = iso6393To1[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase();
  if (!m[2]) return primary;
  const sub = m[2].length === 4 ? m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase() : m[2].toUpperCase();
  return `${primary}-${sub}`;
}

/**
 * Other-language versions: hreflang alternates and switcher links merged by URL (the switcher
 * gives the label, either may give the language), without the page itself or its own language.
 */
function normaliseTranslations(list: Translation[], base: string | null, self: string | null, lang: string | null): Translation[] {
  const byUrl = new Map<string, Translation>();
  for (const t of list) {
    const url = resolveUrl(t.url, base) ?? t.url;
    const seen = byUrl.get(url);
    const tag = t.lang ? normaliseLang(t.lang) : null;
    if (seen) byUrl.set(url, { lang: seen.lang ?? tag, label: seen.label ?? t.label, url });
    else byUrl.set(url, { lang: tag, label: t.label, url });
  }
  const own = lang ? lang.split('-')[0]!.toLowerCase() : null;
  const selfUrl = self ? resolveUrl(self, base) : null;
  return [...byUrl.values()].filter((t) => t.url !== selfUrl && !(own && t.lang && t.lang.split('-')[0]!.toLowerCase() === own));
}

/**
 * Fill each author's missing bio and profile link from what else the page says about the same
 * name: its bio boxes first, then the other sources' author entries (a meta tag names three
 * authors, the visible byline links two of them to their profiles).
 */
function withBios(authors: Author[], others: Author[], base: string | null): Author[] {
  if (others.length === 0) return authors;
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return authors.map((a) => {
    const same = others.filter((b) => key(b.name) === key(a.name));
    const url = a.url ?? same.map((b) => b.url).find((u) => u) ?? null;
    const bio = a.bio ?? same.map((b) => clean(b.bio)).find((b) => b) ?? null;
    return { name: a.name, url: url ? resolveUrl(url, base) : null, bio };
  });
}

function absoluteUrl(value: string, base: string | null): string | null {
  const resolved = resolveUrl(value, base);
  if (!resolved) return null;
  return /^[a-z][a-z0-9+.-]*:/i.test(resolved) ? resolved : null;
}

/** Sources read off the visible page: only the date nearest the headline speaks for each. */
const VISIBLE_SOURCES: ReadonlySet<FieldSource> = new Set(['byline', 'time', 'microdata', 'text']);

/**
 * Warn when sources state different publication days. Timestamps with offsets are compared on
 * the chosen date's clock (16:45 -04:00 and 01:30 +02:00 next day are the same evening), and a
 * visible source counts only its date nearest the headline (the others are teasers and sidebars).
 */
function checkDateConflicts(file: VFile, chosen: string | null, readDate: (value: string) => string | null): void {
  if (!chosen) return;
  const others = new Map<string, FieldSource>();
  const heard = new Set<FieldSource>();
  for (const c of candidatesFor(file, 'published')) {
    if (c.source === 'url' || (VISIBLE_SOURCES.has(c.source) && heard.has(c.source))) continue;
    const d = readDate(c.value);
    if (!d) continue;
    heard.add(c.source);
    const day = dayOnClockOf(d, chosen);
    if (day !== datePart(chosen) && !others.has(day)) others.set(day, c.source);
  }
  for (const [date, source] of others) {
    warn(file, 'conflicting-dates', `published date ${datePart(chosen)} chosen; ${source} says ${date}`);
  }
}

/** `a` is before `b`: as instants when both state a time with an offset (16:45 -04:00 is after 18:00Z), else by their text. */
function isBefore(a: string, b: string): boolean {
  const zoned = /T.*(Z|[+-]\d{2}:\d{2})$/;
  if (zoned.test(a) && zoned.test(b)) return Date.parse(a) < Date.parse(b);
  return a < b;
}

/**
 * Days by which a date shown on the page may precede the structured one and still be the same
 * publication read on another clock: a post of 00:30 in Berlin is the previous day in UTC, and
 * no clock is more than a day from another. Beyond that the two are different events.
 */
const MAX_CLOCK_DAYS = 1;

/**
 * The publication date the page shows its readers (its dateline, byline or `<time>` nearest the
 * headline), when it is earlier than the one stated for machines (JSON-LD, meta tags) by more
 * than MAX_CLOCK_DAYS: CMSes re-stamp datePublished when a post is migrated, republished or
 * reindexed, while the dateline keeps the day it first appeared. A later shown date is not taken
 * (an "Updated" line left unlabelled, a comment), nor one whose day and month could be either way
 * round. Null when the chosen date stands.
 */
function earliestShown(file: VFile, chosen: string | null, source: FieldSource | null, readDate: (value: string) => string | null): { date: string; source: FieldSource } | null {
  if (!chosen || !source || VISIBLE_SOURCES.has(source) || source === 'url') return null;
  const shown = candidatesFor(file, 'published')
    // A numeric date that reads either way round ("01/12/2025") is a guess, not enough to overrule.
    .filter((c) => SHOWN_SOURCES.has(c.source) && dayFirstReading(c.value) === null)
    .map((c) => ({ date: readDate(c.value), source: c.source }))
    .filter((d): d is { date: string; source: FieldSource } => d.date !== null && daysBetween(d.date, chosen) > MAX_CLOCK_DAYS)
    .sort((a, b) => datePart(a.date).localeCompare(datePart(b.date)));
  return shown[0] ?? null;
}

/** Sources that hold the one date the page shows nearest its headline (microdata holds every card's). */
const SHOWN_SOURCES: ReadonlySet<FieldSource> = new Set(['byline', 'time', 'text']);

/** Days a stated publication must precede a datePublished equal to the modified timestamp. */
const MIN_DAYS_EARLIER = 2;

/** Whole calendar days from `a` to `b` (positive when `a` is earlier), by their stated dates. */
function daysBetween(a: string, b: string): number {
  return (Date.parse(datePart(b)) - Date.parse(datePart(a))) / 86_400_000;
}

/**
 * A timestamp chosen in UTC that another source states with the publisher's own offset (JSON-LD
 * `2017-02-24T01:18:13Z`, article:published_time `2017-02-23T17:18:13-08:00`): the same instant,
 * but the local form keeps the day and hour as the publisher stated them (the schema keeps the
 * stated offset; nothing is converted), so it is the one given.
 */
function localClock(file: VFile, field: 'published' | 'modified', chosen: string): { value: string; source: FieldSource } | null {
  if (!/T.*(Z|[+-]00:?00)$/.test(chosen)) return null;
  const instant = Date.parse(chosen);
  if (Number.isNaN(instant)) return null;
  for (const c of candidatesFor(file, field)) {
    const d = normalizeDate(c.value);
    if (d && /T.*[+-]\d{2}:\d{2}$/.test(d) && !/[+-]00:00$/.test(d) && Date.parse(d) === instant) return { value: d, source: c.source };
  }
  return null;
}

/** The calendar day of timestamp `value` on the clock (UTC offset) of `reference`, when both state one. */
function dayOnClockOf(value: string, reference: string): string {
  const offset = (iso: string) => {
    const m = /T\d{2}:\d{2}(?::\d{2})?(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
    if (!m) return null;
    return m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  };
  const own = offset(value);
  const target = offset(reference);
  if (own === null || target === null) return datePart(value);
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return datePart(value);
  return new Date(instant + target * 60_000).toISOString().slice(0, 10);
}

/**
 * How this page's dates are read: as normalizeDate reads them, except that a numeric date whose
 * day and month could be either way round ("03/10/2023") is read day first when the page says so:
 * the day-first reading is a day another of its dates states (its URL path `/2023/october/03/`, a
 * meta tag) and the month-first one is not, or the page is written in a language or a region that
 * puts the day first (writesDayFirst).
 */
function dateReader(file: VFile): (value: string) => string | null {
  const stated = new Set<string>();
  for (const c of [...candidatesFor(file, 'published'), ...candidatesFor(file, 'modified')]) {
    if (dayFirstReading(c.value)) continue;
    const d = normalizeDate(c.value);
    if (d) stated.add(datePart(d));
  }
  let dayFirst: boolean | null = null;
  return (value) => {
    const date = normalizeDate(value);
    const other = dayFirstReading(value);
    if (!date || !other || stated.has(datePart(date))) return date;
    dayFirst ??= writesDayFirst(file);
    return stated.has(other) || dayFirst ? other : date;
  };
}

/** Regions whose English writes the month first (03/10/2023 is March 10). */
const MONTH_FIRST_REGIONS: ReadonlySet<string> = new Set(['US', 'PH']);
/** Country domains of English-speaking countries that write the day first. */
const DAY_FIRST_HOST = /\.(uk|au|nz|ie|in|za|sg|my|ng|ke|pk)$/i;

/**
 * The page writes numeric dates day first: its language is not English (nearly every other
 * language puts the day first, and those that put the year first are not ambiguous), its English
 * is of a region other than the US (`en-GB`), or, with no region stated, its host is in a country
 * domain of a day-first English-speaking country (`bhf.org.uk`).
 */
function writesDayFirst(file: VFile): boolean {
  const tag = candidatesFor(file, 'lang').map((c) => normaliseLang(c.value)).find((t) => t !== null);
  if (tag) {
    const [lang, region] = tag.split('-');
    if (lang !== 'en') return true;
    if (region && /^[A-Z]{2}$/.test(region)) return !MONTH_FIRST_REGIONS.has(region);
  }
  for (const c of candidatesFor(file, 'url')) {
    try {
      return DAY_FIRST_HOST.test(new URL(c.value).hostname);
    } catch {
      // not an absolute URL: no evidence
    }
  }
  const base = file.data.baseUrl;
  return base ? DAY_FIRST_HOST.test(base.replace(/^[a-z]+:\/\/([^/:?#]+).*$/i, '$1')) : false;
}

/** Placeholders that templates print when a field is empty. */
const NULLISH = /^(nil|null|undefined|none|n\/a|na|-|untitled|\[object object\])$/i;

/** A stated value: cleaned, and not a template placeholder. */
function stated(value: string): string | null {
  const text = clean(value);
  return text && !NULLISH.test(text) ? text : null;
}

/** A licence: a URL resolved against the page (not a bare `#fragment`), or its name as stated. */
function licence(value: string, base: string | null): string | null {
  const text = stated(value);
  if (!text || text.startsWith('#')) return null;
  if (/^(https?:)?\/\//i.test(text) || text.startsWith('/')) return absoluteUrl(text, base) ?? (text.startsWith('//') ? `https:${text}` : text);
  return text;
}
