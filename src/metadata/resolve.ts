import type { VFile } from 'vfile';
import type { Author, FieldSource, Metadata, MetadataField, RelatedItem, Translation } from '../types.js';
import { candidatesFor, type FieldValues } from './candidates.js';
import { datePart, normalizeDate } from './dates.js';
import { parseByline } from './authors.js';
import { clean, resolveUrl } from './text-utils.js';
import { warn } from '../messages.js';

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
  const title = pick('title', (v) => cleanTitle(v, siteName, file.data.headline ?? null));
  const published = pick('published', (v) => normalizeDate(v));
  checkDateConflicts(file, published);
  const fields: ResolvedFields = {
    title,
    subtitle: pick('subtitle', (v) => clean(v)),
    authors: pick('authors', (v) => normaliseAuthors(v, base)) ?? [],
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
    translations: pick('translations', (v) => normaliseTranslations(v, base)) ?? [],
    related: pick('related', (v) => v.map((r): RelatedItem => ({ ...r, url: r.url ? resolveUrl(r.url, base) : null }))) ?? [],
    fieldSources: sources,
  };
  if (fields.published && fields.modified && fields.modified < fields.published) fields.modified = null;
  fields.fieldSources = Object.fromEntries(
    Object.entries(sources).filter(([key]) => {
      const v = fields[key as MetadataField];
      return v != null && !(Array.isArray(v) && v.length === 0);
    }),
  );
  return fields;
}

/** Separators between a headline and the site name in `<title>` and og:title. */
const TITLE_SEPARATORS = /\s+(?:\||-|–|—|::|»|«|·|•|\/)\s+/;

/**
 * Drop a site-name prefix or suffix (" | Site", "Site - "): keep the part that matches the visible
 * headline, else drop parts equal to the site name, else drop a short last part when the first is
 * clearly the headline.
 */
export function cleanTitle(raw: string, siteName: string | null, headline: string | null): string | null {
  const title = clean(raw);
  if (!title) return null;
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (headline) {
    const h = norm(headline);
    if (norm(title) === h) return title;
    const match = parts.find((p) => norm(p) === h);
    if (match) return match.trim();
    // The headline may itself contain a separator: keep the longest prefix/suffix run that equals it.
    for (let i = 0; i < parts.length; i++) {
      for (let j = parts.length; j > i + 1; j--) {
        const joined = title.slice(title.indexOf(parts[i]!), title.lastIndexOf(parts[j - 1]!) + parts[j - 1]!.length);
        if (norm(joined) === h) return joined.trim();
      }
    }
  }
  if (siteName) {
    const s = norm(siteName);
    const kept = parts.filter((p) => norm(p) !== s && !s.includes(norm(p)) || norm(p).length > s.length + 20);
    if (kept.length > 0 && kept.length < parts.length) return rejoin(title, kept);
  }
  const last = parts[parts.length - 1]!;
  const firstPart = parts[0]!;
  if (parts.length >= 2 && last.split(/\s+/).length <= 4 && firstPart.split(/\s+/).length >= 4) return rejoin(title, parts.slice(0, -1));
  if (parts.length >= 2 && firstPart.split(/\s+/).length <= 3 && last.split(/\s+/).length >= 5) return rejoin(title, parts.slice(1));
  return title;
}

function rejoin(title: string, kept: string[]): string {
  const start = title.indexOf(kept[0]!);
  const endPart = kept[kept.length - 1]!;
  const end = title.lastIndexOf(endPart) + endPart.length;
  return title.slice(start, end).trim();
}

function normaliseAuthors(list: Author[], base: string | null): Author[] | null {
  const out: Author[] = [];
  for (const author of list) {
    const names = author.name.includes(',') || / and | & /i.test(author.name) || /^by\s/i.test(author.name) ? parseByline(author.name) : [clean(author.name) ?? ''];
    for (const name of names) {
      if (!name || out.some((a) => a.name.toLowerCase() === name.toLowerCase())) continue;
      out.push({ name, url: author.url ? resolveUrl(author.url, base) : null, bio: clean(author.bio) });
    }
  }
  return out.length > 0 ? out : null;
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

function normaliseTranslations(list: Translation[], base: string | null): Translation[] {
  const seen = new Set<string>();
  const out: Translation[] = [];
  for (const t of list) {
    const url = resolveUrl(t.url, base) ?? t.url;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ lang: t.lang ? normaliseLang(t.lang) : null, label: t.label, url });
  }
  return out;
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
