/**
 * The WCXB benchmark's metric (its evaluate.py, as ../shared/tools/score-wcxb.mjs implements it):
 * per page, bag-of-words precision, recall and F1 of the lowercased tokens (the same tokens as the
 * shingle metric: runs of letters, digits and `_`) against the truth; the corpus figure is the MEAN
 * of the per-page figures. The snippet rates: the share of a page's `with` snippets found in the
 * predicted text, and of its `without` (boilerplate) snippets wrongly kept there, case-insensitive.
 * One figure of our own beside them, `withFolded`: the `with` rate once typography is folded in
 * both texts (TYPOGRAPHY), as the benchmark's snippets often straighten the curly quotes and
 * dashes the page itself prints, so a faithful copy of the page misses them.
 */
import { mean, tokenize } from './metric.js';

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of the page's `with` snippets found (1 when it has none, as the reference does). */
  with: number;
  /** `with`, typography folded (not the benchmark's figure: a diagnostic of ours). */
  withFolded: number;
  /** Share of the page's `without` snippets kept (1 when it has none, as the reference does). */
  without: number;
}

export interface WcxbScores {
  n: number;
  f1: number;
  precision: number;
  recall: number;
  with: number;
  withFolded: number;
  without: number;
}

export function wcxbTokens(text: string): string[] {
  return tokenize(text.toLowerCase());
}

/** Precision, recall and F1 of one page's words. An empty truth scores 1 for an empty prediction, else 0. */
export function wordScores(pred: string, truth: string): Pick<PageScore, 'precision' | 'recall' | 'f1'> {
  const p = wcxbTokens(pred);
  const t = wcxbTokens(truth);
  if (t.length === 0) return p.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const left = new Map<string, number>();
  for (const w of t) left.set(w, (left.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of p) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      left.set(w, n - 1);
    }
  }
  const precision = overlap / p.length;
  const recall = overlap / t.length;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * The share of `snippets` found in `text`, case-insensitive. A page with no snippets gives 1, as
 * score-wcxb.mjs does (for `without` that counts it as all kept: kept so the figures agree).
 */
export function snippetRate(text: string, snippets: string[]): number {
  if (snippets.length === 0) return 1;
  const lower = text.toLowerCase();
  return snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length;
}

/** Curly quotes, primes and accents as quotes, en and em dashes, no-break spaces: their plain forms. */
const TYPOGRAPHY: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/gu, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/gu, '"'],
  [/[\u2013\u2014]/gu, '-'],
  [/[\u00a0\u202f]/gu, ' '],
];

export function foldTypography(text: string): string {
  return TYPOGRAPHY.reduce((t, [from, to]) => t.replace(from, to), text);
}

/** One page's figures; `meta` is the manifest entry's meta (its `with` and `without` lists). */
export function pageScore(pred: string, truth: string, meta: { with?: unknown; without?: unknown } = {}): PageScore {
  const wanted = strings(meta.with);
  return {
    ...wordScores(pred, truth),
    with: snippetRate(pred, wanted),
    withFolded: snippetRate(foldTypography(pred), wanted.map(foldTypography)),
    without: snippetRate(pred, strings(meta.without)),
  };
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

/** The corpus figures: means of the per-page figures. */
export function wcxbScores(pages: PageScore[]): WcxbScores {
  const of = (k: keyof PageScore) => mean(pages.map((p) => p[k]));
  return { n: pages.length, f1: of('f1'), precision: of('precision'), recall: of('recall'), with: of('with'), withFolded: of('withFolded'), without: of('without') };
}
