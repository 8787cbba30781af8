import { describe, expect, it } from 'vitest';
import { pageScore, snippetRate, wcxbScores, wcxbTokens, wordScores, type PageScore } from '../bench/wcxb-metric.js';

describe('WCXB word metric (bench/wcxb-metric.ts)', () => {
  it('lowercases runs of letters, digits and _ ; punctuation splits words', () => {
    expect(wcxbTokens("Don't STOP—now: snake_case 42, Ünïcode!")).toEqual(['don', 't', 'stop', 'now', 'snake_case', '42', 'ünïcode']);
  });

  it('counts the overlap as a multiset: extra words cost precision, missing words recall', () => {
    // pred: the cat sat on the mat (6), truth: the cat sat (3); overlap the, cat, sat = 3 ("the" twice in pred, once in truth)
    const s = wordScores('The cat sat on the mat.', 'the cat sat');
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
    // pred: a b (2), truth: a a b c (4): overlap a, b = 2 -> P 1, R 0.5, F1 2/3
    const t = wordScores('A, b', 'a a b c');
    expect([t.precision, t.recall]).toEqual([1, 0.5]);
    expect(t.f1).toBeCloseTo(2 / 3, 12);
  });

  it('is case-insensitive and ignores layout', () => {
    expect(wordScores('HELLO\n\n  World', 'hello world')).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores empty texts as the reference does', () => {
    expect(wordScores('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(wordScores('words', '...')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wordScores('', 'truth words')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wordScores('other', 'truth')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('the corpus figure is the mean of per-page figures, not the F1 of mean P and R', () => {
    const page = (precision: number, recall: number): PageScore => ({ precision, recall, f1: (2 * precision * recall) / (precision + recall), with: 1, withFolded: 1, without: 0 });
    const s = wcxbScores([page(1, 0.5), page(0.5, 1)]);
    expect(s.n).toBe(2);
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.75);
    expect(s.f1).toBeCloseTo(2 / 3, 12); // F1 of the means would be 0.75
    expect(wcxbScores([])).toEqual({ n: 0, f1: 0, precision: 0, recall: 0, with: 0, withFolded: 0, without: 0 });
  });
});

describe('snippet rates', () => {
  it('is the share of snippets found as case-insensitive substrings', () => {
    expect(snippetRate('Hello World, and more.', ['hello world', 'MORE.', 'absent'])).toBeCloseTo(2 / 3, 12);
    expect(snippetRate('abc', ['ABC'])).toBe(1);
    expect(snippetRate('a b', ['a  b'])).toBe(0); // a substring, not a token match
  });

  it('gives 1 for a page without snippets, as score-wcxb.mjs does', () => {
    expect(snippetRate('anything', [])).toBe(1);
  });

  it('a page: with = share of `with` found, without = share of `without` wrongly kept', () => {
    const s = pageScore('Main text here. Sign in', 'main text here', { with: ['main text', 'missing part'], without: ['Sign in', 'Cookie policy', 'Share', 'Menu'] });
    expect(s.with).toBe(0.5);
    expect(s.without).toBe(0.25);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(0.6); // 3 of 5 words
    expect(pageScore('x', 'x').without).toBe(1); // no lists in meta
  });

  it('withFolded: a snippet that straightens the page\'s curly quotes and dashes is found once both are folded', () => {
    const s = pageScore('It\u2019s the \u201cbest\u201d day \u2014 ever', 'x', { with: ["It's the \"best\" day - ever", 'missing'] });
    expect(s.with).toBe(0);
    expect(s.withFolded).toBe(0.5);
  });
});
