/** Small string helpers shared by the metadata readers. */
import { parseFragment } from 'parse5';

/**
 * Collapse white space and trim; null for empty. A character reference still in the value
 * ("Plate &bull; The Nutrition Source" in JSON-LD, which the HTML parser does not decode, or
 * "SQL &#x26; AI" in a heading escaped twice) is decoded: no metadata value means the reference.
 */
export function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const out = decodeReferences(value).replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return out === '' ? null : out;
}

/** A named or numeric character reference, as HTML writes them. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * Character references decoded as the HTML standard does, by parse5 (the page's own parser), on
 * the value as text (its `<` escaped first, so nothing in it is read as markup).
 */
function decodeReferences(value: string): string {
  if (!REFERENCE.test(value)) return value;
  const fragment = parseFragment(value.replace(/</g, '&lt;'));
  return fragment.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
}

/** Resolve `url` against `base` when possible; keep it as written otherwise. */
export function resolveUrl(url: string | null | undefined, base: string | null | undefined): string | null {
  const value = clean(url ?? null);
  if (!value) return null;
  if (!base) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Bag-of-words F1 between two token lists (how much two texts agree, whatever the word order). */
export function tokenF1(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of b) {
    const c = counts.get(t);
    if (c) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (!overlap) return 0;
  const p = overlap / b.length;
  const r = overlap / a.length;
  return (2 * p * r) / (p + r);
}
