/**
 * The article-extraction benchmark's metric (scrapinghub's evaluate.py; see
 * ../shared/tools/README.md): 4-word shingles as multisets, per-document TP/FP/FN normalised to
 * sum 1, precision and recall macro-averaged, F1 of the two means.
 */
import { SHINGLE_SIZE as N, tokenize } from '../src/extract/shingles.js';

export { tokenize };

function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - N + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + N);
    if (sh.length === 0) continue;
    const key = sh.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type Match = [tp: number, fp: number, fn: number];

export function shingleMatch(truth: string, pred: string): Match {
  const t = shingles(tokenize(truth));
  const p = shingles(tokenize(pred));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, pc] of p) if (!t.has(key)) fp += pc;
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

export function precisionOf([tp, fp, fn]: Match): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf([tp, fp, fn]: Match): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface Scores {
  n: number;
  f1: number;
  precision: number;
  recall: number;
}

export function corpusScores(matches: Match[]): Scores {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const m of matches) {
    if (m[0] + m[1] > 0) ps.push(precisionOf(m));
    if (m[0] + m[2] > 0) rs.push(recallOf(m));
  }
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: matches.length, f1, precision, recall };
}

/** The mean of some per-document figures (0 when there are none). */
export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
