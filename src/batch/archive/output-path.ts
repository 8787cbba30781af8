import { createHash } from 'node:crypto';
import type { RecordFacts } from './scan.js';

/** Longest name kept of one URL path segment (file systems allow 255 bytes; room is left for `-HASH.json`). */
const MAX_SEGMENT = 120;

/** Hex digits of the short hash that tells apart URLs mapping to one name. */
const HASH_DIGITS = 8;

/** Characters kept as they are in a name; any other becomes `_`. */
const UNSAFE = /[^A-Za-z0-9._~-]/g;

/**
 * The output key (path without extension, POSIX) of a captured URL: `host/path/segments`, with
 * only safe characters; `index` for a path ending in `/`; a query string adds a short hash of
 * the URL. A record without a usable URL gets `unknown-url/` and the hash of where it is.
 */
export function urlKey(facts: RecordFacts): string {
  let url: URL | null = null;
  try {
    url = facts.targetUri ? new URL(facts.targetUri) : null;
  } catch {
    url = null;
  }
  if (!url || !url.hostname) return `unknown-url/${shortHash(`${facts.file}#${facts.member ?? ''}#${facts.offset}`)}`;
  const host = safe(url.port ? `${url.hostname}_${url.port}` : url.hostname);
  const segments = url.pathname.split('/').slice(1).map((s) => safe(decodeSegment(s)));
  if (segments.length === 0 || segments.at(-1) === '') segments[Math.max(0, segments.length - 1)] = 'index';
  const path = segments.map((s) => s || '_');
  if (url.search) path[path.length - 1] += `-${shortHash(url.href)}`;
  return [host, ...path].join('/');
}

/**
 * Give each record a key no other input has: the URL's key, or, when it is taken (the same URL
 * captured twice, two URLs that differ only in unsafe characters or case), the key with a short
 * hash of the record's place. Records are taken in input order, so the keys are the same on every
 * run and every shard. `taken` holds the keys of the other inputs (lower-cased).
 */
export function assignKeys(records: RecordFacts[], taken: Set<string>): string[] {
  return records.map((facts) => {
    let key = urlKey(facts);
    if (taken.has(key.toLowerCase())) key = `${key}-${shortHash(`${facts.targetUri ?? ''}#${facts.file}#${facts.member ?? ''}#${facts.offset}`)}`;
    taken.add(key.toLowerCase());
    return key;
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function safe(name: string): string {
  const clean = name.replace(UNSAFE, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  return clean.length > MAX_SEGMENT ? `${clean.slice(0, MAX_SEGMENT)}-${shortHash(name)}` : clean;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_DIGITS);
}
