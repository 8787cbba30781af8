/**
 * The two fixed halves of a dev corpus ("tune on one half, judge on the other"). Within each page
 * type (the whole corpus when it has none), entries are ordered by the SHA-256 of their id and dealt
 * alternately: even positions are half 1 (design and tune on it), odd positions half 2 (held out:
 * report it, never read its pages one by one). Stratifying keeps each type's share equal in both
 * halves; hashing keeps the split fixed whatever order the manifest lists the pages in.
 */
import { createHash } from 'node:crypto';
import { argValue, type CorpusEntry } from './corpus.js';

export type Half = 1 | 2;

export function pageTypeOf(entry: CorpusEntry): string | null {
  const type = entry.meta?.pageType;
  return typeof type === 'string' ? type : null;
}

export function halves(entries: CorpusEntry[]): Map<string, Half> {
  const byType = new Map<string, CorpusEntry[]>();
  for (const e of entries) {
    const key = pageTypeOf(e) ?? '';
    if (!byType.has(key)) byType.set(key, []);
    byType.get(key)!.push(e);
  }
  const out = new Map<string, Half>();
  for (const group of byType.values()) {
    const keyed = group.map((e) => ({ id: e.id, h: createHash('sha256').update(e.id).digest('hex') }));
    keyed.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    keyed.forEach((k, i) => out.set(k.id, i % 2 === 0 ? 1 : 2));
  }
  return out;
}

/** The entries of one half (or all of them when `half` is null). */
export function selectHalf(entries: CorpusEntry[], half: Half | null): CorpusEntry[] {
  if (half === null) return entries;
  const split = halves(entries);
  return entries.filter((e) => split.get(e.id) === half);
}

/**
 * The `--corpus DIR [--half 1|2]` arguments of a benchmark: the corpus and the half asked for (null:
 * all pages). A missing corpus or a half other than 1 or 2 prints `usage` and exits with 2.
 */
export function corpusAndHalf(usage: string): { corpus: string; half: Half | null } {
  const corpus = argValue('--corpus');
  const half = argValue('--half');
  if (!corpus || (half !== undefined && half !== '1' && half !== '2')) {
    process.stderr.write(usage);
    process.exit(2);
  }
  return { corpus, half: half === undefined ? null : (Number(half) as Half) };
}
