import type { VFile } from 'vfile';
import type { Author, FieldSource, Metadata, MetadataField, RelatedItem, Translation } from '../types.js';
import { candidatesFor, type FieldValues } from './candidates.js';
import { datePart, normalizeDate } from './dates.js';
import { isInvertedName, parseByline } from './authors.js';
import { clean, resolveUrl } from './text-utils.js';
import { explain, warn } from '../messages.js';
import { chooseTitle } from './title.js';

/** The metadata fields proper, as chosen from the candidates (everything but provenance). */
export type ResolvedFields = Pick<Metadata, MetadataField | 'fieldSources'>;

/** Choose each field's value from the candidates, most trusted source first. */
export function resolveFields(file: VFile): ResolvedFields {
  const sources: Partial<Record<MetadataField, FieldSource>> = {};
  const base = file.data.baseUrl ?? null;

  function pick<F extends MetadataField>(field: F, normalise: (v: FieldValues[F]) => FieldValues[F] | null): FieldValues[F] | null {
    for (const c of candidatesFor(file, field)) {
      const value = normalise(c.value);
      if (value != null && !(Array.isArray(value) && value.length === 0)) {
        sources[field] = c.source;
        return value;
      }
    }
    return null;
  }

  const siteName = pick('siteName', (v) => clean(v));
  const organisations = organisationKeys(file);
  const titles = candidatesFor(file, 'title');
  const chosenTitle = chooseTitle(titles.map((c) => c.value), siteName, file.data.headlines ?? []);
  if (chosenTitle) sources.title = titles[chosenTitle.index]!.source;
  const title = chosenTitle?.title ?? null;
  // Never a publication date later than a date the page gives for its own last change.
  const latestModified = candidatesFor(file, 'modified')
    .map((c) => normalizeDate(c.value))
    .filter((d): d is string => d !== null)
    .map(datePart)
    .sort()
    .pop();
  const published = pick('published', (v) => {
    const date = normalizeDate(v);
    if (date && latestModified && datePart(date) > latestModified) {
      explain(file, 'date-after-modified', `ignored published date ${datePart(date)}: later than the page's modified date ${latestModified}`);
      return null;
    }
    return date;
  });
  checkDateConflicts(file, published);
  const fields: ResolvedFields = {
    title,
    subtitle: pick('subtitle', (v) => clean(v)),
    authors: withBios(pick('authors', (v) => normaliseAuthors(v, base, organisations)) ?? [], file.data.authorBios ?? [], base),
    published,
    modified: pick('modified', (v) => normalizeDate(v)),
    lang: pick('lang', (v) => normaliseLang(v)),
    siteName,
    url: pick('url', (v) => absoluteUrl(v, base)),
    description: pick('description', (v) => clean(v)),
    section: pick('section', (v) => clean(v)),
    tags: pick('tags', (v) => [...new Set(v.map((t) => t.trim()).filter(Boolean))]) ?? [],
    image: pick('image', (v) => resolveUrl(v, base)),
    license: pick('license', (v) => clean(v)),
    translations: [],
    related: pick('related', (v) => v.map((r): RelatedItem => ({ ...r, url: r.url ? resolveUrl(r.url, base) : null }))) ?? [],
    fieldSources: sources,
  };
  if (fields.published && fields.modified && fields.modified < fields.published) fields.modified = null;
  fields.translations = pick('translations', (v) => normaliseTranslations(v, base, fields.url ?? base, fields.lang)) ?? [];
  fields.fieldSources = Object.fromEntries(
    Object.entries(sources).filter(([key]) => {
      const v = fields[key as MetadataField];
      return v != null && !(Array.isArray(v) && v.length === 0);
    }),
  );
  return fields;
}

function normaliseAuthors(list: Author[], base: string | null, organisations: string[]): Author[] | null {
  const out: Author[] = [];
  for (const author of list) {
    const raw = clean(author.name) ?? '';
    // One tag per author may write "Last, First"; only a list in one string is split.
    const names = isInvertedName(raw) ? [raw] : parseByline(raw);
    for (const name of names) {
      if (!name || out.some((a) => a.name.toLowerCase() === name.toLowerCase())) continue;
      if (isOrganisation(name, organisations)) continue;
      out.push({ name, url: author.url ? resolveUrl(author.url, base) : null, bio: clean(author.bio) });
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * A one-word "author" that is the site itself ("NBCNews", "folha" on folha.uol.com.br): meta tags
 * often credit the publisher, which is not a person.
 */
function isOrganisation(name: string, organisations: string[]): boolean {
  if (/\s/.test(name)) return false;
  const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key.length > 0 && organisations.some((o) => o === key || o.startsWith(key) || key.startsWith(o));
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
  keys.delete('');
  return [...keys];
}

/** `en_US` -> `en-US`, `EN` -> `en`; null when it is not a language tag. */
export function normaliseLang(value: string): string | null {
  const m = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?/.exec(value.trim());
  if (!m) return null;
  const primary = m[1]!.toLowerCase();
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

/** Fill each author's bio (and profile link) from the page's bio boxes, matched by name. */
function withBios(authors: Author[], bios: Author[], base: string | null): Author[] {
  if (bios.length === 0) return authors;
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return authors.map((a) => {
    const box = bios.find((b) => key(b.name) === key(a.name));
    if (!box) return a;
    return { name: a.name, url: a.url ?? (box.url ? resolveUrl(box.url, base) : null), bio: a.bio ?? clean(box.bio) };
  });
}

function absoluteUrl(value: string, base: string | null): string | null {
  const resolved = resolveUrl(value, base);
  if (!resolved) return null;
  return /^[a-z][a-z0-9+.-]*:/i.test(resolved) ? resolved : null;
}

function checkDateConflicts(file: VFile, chosen: string | null): void {
  if (!chosen) return;
  const others = new Map<string, FieldSource>();
  for (const c of candidatesFor(file, 'published')) {
    const d = normalizeDate(c.value);
    if (d && datePart(d) !== datePart(chosen) && c.source !== 'url') others.set(datePart(d), c.source);
  }
  for (const [date, source] of others) {
    warn(file, 'conflicting-dates', `published date ${datePart(chosen)} chosen; ${source} says ${date}`);
  }
}
