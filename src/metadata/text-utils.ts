/** Small string helpers shared by the metadata readers. */

/** Collapse white space and trim; null for empty. */
export function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const out = value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return out === '' ? null : out;
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
