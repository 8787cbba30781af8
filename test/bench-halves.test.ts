import { describe, expect, it } from 'vitest';
import type { CorpusEntry } from '../bench/corpus.js';
import { halves, selectHalf } from '../bench/halves.js';

const entry = (id: string, pageType?: string): CorpusEntry => ({ id, doc: `docs/${id}.html`, ...(pageType ? { meta: { pageType } } : {}) });

function corpus(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const counts: Record<string, number> = { article: 7, forum: 4, product: 1, listing: 2, service: 3 };
  let n = 0;
  for (const [type, count] of Object.entries(counts)) for (let i = 0; i < count; i++) out.push(entry(`p${String(++n).padStart(3, '0')}`, type));
  return out;
}

/** A fixed permutation (no Math.random: the test must be repeatable). */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('halves (bench/halves.ts)', () => {
  it('splits each page type ceil/floor, half 1 taking the odd one', () => {
    const entries = corpus();
    const split = halves(entries);
    expect(split.size).toBe(entries.length);
    const perType = new Map<string, [number, number]>();
    for (const e of entries) {
      const type = e.meta!.pageType as string;
      const c = perType.get(type) ?? [0, 0];
      c[split.get(e.id)! - 1]!++;
      perType.set(type, c);
    }
    expect(Object.fromEntries(perType)).toEqual({ article: [4, 3], forum: [2, 2], product: [1, 0], listing: [1, 1], service: [2, 1] });
  });

  it('is the same whatever the manifest order', () => {
    const entries = corpus();
    const split = halves(entries);
    for (const seed of [1, 2, 3]) expect(halves(shuffled(entries, seed))).toEqual(split);
    expect(new Set(selectHalf(shuffled(entries, 7), 1).map((e) => e.id))).toEqual(new Set(selectHalf(entries, 1).map((e) => e.id)));
  });

  it('is the fixed split: ids ordered by SHA-256 and dealt alternately', () => {
    const split = halves(['0001', '0002', '0003', '0004', '0005', '0006'].map((id) => entry(id, 'article')));
    expect(Object.fromEntries(split)).toEqual({ '0004': 1, '0005': 2, '0003': 1, '0002': 2, '0006': 1, '0001': 2 });
  });

  it('treats a corpus without page types as one group', () => {
    const entries = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => entry(id));
    expect(selectHalf(entries, 1)).toHaveLength(4);
    expect(selectHalf(entries, 2)).toHaveLength(3);
  });

  it('selectHalf: the two halves partition the corpus, in manifest order; null keeps all', () => {
    const entries = corpus();
    const one = selectHalf(entries, 1);
    const two = selectHalf(entries, 2);
    expect([...one, ...two].map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(one.filter((e) => two.includes(e))).toEqual([]);
    expect(one).toEqual(entries.filter((e) => one.includes(e)));
    expect(selectHalf(entries, null)).toBe(entries);
  });
});
