import { stringify } from 'yaml';
import type { Metadata } from '../types.js';

/**
 * A YAML front-matter block of the metadata fields that are set (design/OUTPUT.md). The yaml
 * library quotes and escapes every value, so a hostile title cannot break out of the block.
 */
export function frontMatter(meta: Metadata): string {
  const fields: Record<string, unknown> = {};
  if (meta.title) fields.title = meta.title;
  if (meta.authors.length > 0) fields.authors = meta.authors.map((a) => a.name);
  if (meta.published) fields.published = meta.published;
  if (meta.url) fields.url = meta.url;
  if (meta.lang) fields.lang = meta.lang;
  if (meta.siteName) fields.siteName = meta.siteName;
  if (meta.section) fields.section = meta.section;
  if (meta.tags.length > 0) fields.tags = meta.tags;
  if (meta.description) fields.description = meta.description;
  if (Object.keys(fields).length === 0) return '';
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n`;
}
