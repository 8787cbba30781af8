import { parse as parseYaml } from 'yaml';
import type { VFile } from 'vfile';
import type { Author } from '../../types.js';
import type { FieldValues } from '../../metadata/candidates.js';
import { propose } from '../../metadata/candidates.js';
import { warn } from '../../messages.js';

/** A YAML front-matter block at the very start of a Markdown export (`---` ... `---` or `...`). */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Front-matter keys, as static-site generators and note apps write them, for each field. */
const KEYS = {
  title: ['title', 'name', 'headline'],
  subtitle: ['subtitle'],
  published: ['date', 'published', 'pubdate', 'publishdate', 'created', 'datepublished'],
  modified: ['updated', 'modified', 'lastmod', 'last_modified', 'datemodified'],
  lang: ['lang', 'language', 'locale'],
  description: ['description', 'summary', 'excerpt', 'abstract'],
  siteName: ['site', 'sitename', 'site_name', 'publisher', 'source'],
  url: ['url', 'canonical', 'canonical_url', 'permalink', 'link'],
  image: ['image', 'cover', 'cover_image', 'featured_image', 'thumbnail'],
  license: ['license', 'licence', 'rights'],
  section: ['section', 'category'],
} as const satisfies Partial<Record<keyof FieldValues, readonly string[]>>;

/**
 * Read a Markdown export's YAML front matter into metadata (source `front-matter`) and return the
 * text without it. A block that is not valid YAML is left in the text, with a warning.
 */
export function readFrontMatter(text: string, file: VFile): string {
  const m = FRONT_MATTER.exec(text);
  if (!m) return text;
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (e) {
    warn(file, 'front-matter-invalid', `the front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); kept as text`);
    return text;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return text;
  const record = Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
  const first = (keys: readonly string[]): unknown => keys.map((k) => record[k]).find((v) => v != null && v !== '');
  for (const [field, keys] of Object.entries(KEYS) as Array<[keyof typeof KEYS, readonly string[]]>) {
    const value = scalar(first(keys));
    if (value) propose(file, field, value, 'front-matter');
  }
  const authors = authorList(first(['authors', 'author', 'creator', 'by']));
  propose(file, 'authors', authors, 'front-matter');
  const tags = first(['tags', 'keywords', 'categories', 'topics']);
  const list = Array.isArray(tags) ? tags.map(scalar).filter((t): t is string => !!t) : typeof tags === 'string' ? tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
  propose(file, 'tags', list, 'front-matter');
  return text.slice(m[0].length);
}

/** A YAML scalar as a string (YAML reads unquoted dates as Date objects). */
function scalar(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function authorList(value: unknown): Author[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  const out: Author[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim()) out.push({ name: item.trim(), url: null, bio: null });
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const name = scalar(o.name);
      if (name) out.push({ name, url: scalar(o.url ?? o.link), bio: scalar(o.bio ?? o.description) });
    }
  }
  return out;
}
