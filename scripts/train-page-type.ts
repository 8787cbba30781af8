/**
 * Train the page type model (src/metadata/page-type-model.json): a multinomial logistic regression
 * over the features of src/metadata/page-type.ts, on the FIRST HALF of the WCXB dev corpus only
 * (bench/halves.ts; half 2 is held out for the one final measure).
 *
 *   node --import tsx scripts/train-page-type.ts [--corpus DIR] [--cv] [--write] [--cache FILE]
 *
 * --cv      5-fold cross-validation inside half 1 for each L2 strength in LAMBDAS (stratified,
 *           folds dealt by the SHA-256 of the page id): accuracy and the chosen strength
 * --write   train on all of half 1 with the chosen strength and write the model
 * --cache   read the features from FILE if it exists, else compute and save them there (default
 *           bench/out/page-type-half1.json; delete it after changing the features)
 *
 * Deterministic: zero initial weights, full-batch gradient descent for a fixed number of steps,
 * pages in a fixed order; the same features give the same weights, written rounded to 6 digits.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { argValue, hasFlag } from '../bench/corpus.js';
import { FEATURES, PAGE_KINDS, scorePage, type Features, type Model } from '../src/metadata/page-type.js';
import type { PageKind } from '../src/types.js';
import { corpusHalf, DEFAULT_CORPUS, typePage } from './page-type-data.js';

interface Sample {
  id: string;
  truth: PageKind;
  features: Features;
}

/** L2 strengths tried by --cv (per page, on standardised features). */
const LAMBDAS = (argValue('--lambdas') ?? '0.001,0.003,0.01,0.03').split(',').map(Number);
/** The strength --cv chose on half 1 (0.001..0.1 tried: 0.846, 0.862, 0.854, 0.842 at 0.003, 0.01, 0.03, 0.1). */
const DEFAULT_LAMBDA = 0.01;
const STEPS = 3000;
const RATE = 0.5;
const FOLDS = 5;
const MODEL_PATH = new URL('../src/metadata/page-type-model.json', import.meta.url);

async function main(): Promise<void> {
  const corpus = argValue('--corpus', DEFAULT_CORPUS)!;
  const cache = argValue('--cache', 'bench/out/page-type-half1.json')!;
  const samples = await loadSamples(corpus, cache);
  console.log(`${samples.length} pages of half 1, ${FEATURES.length} features`);
  let lambda = DEFAULT_LAMBDA;
  if (hasFlag('--cv')) {
    let best = -1;
    for (const l of LAMBDAS) {
      const { accuracy, confusion } = crossValidate(samples, l);
      console.log(`lambda ${l}: ${FOLDS}-fold CV accuracy ${accuracy.toFixed(3)}`);
      if (accuracy > best) {
        best = accuracy;
        lambda = l;
        if (hasFlag('--verbose')) printConfusion(confusion);
      }
    }
    console.log(`chosen lambda ${lambda} (CV accuracy ${best.toFixed(3)})`);
  }
  if (hasFlag('--write')) {
    const model = train(samples, lambda);
    writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
    const train_ = samples.filter((s) => predict(model, s.features) === s.truth).length / samples.length;
    console.log(`wrote ${MODEL_PATH.pathname} (lambda ${lambda}; training accuracy ${train_.toFixed(3)})`);
  }
}

async function loadSamples(corpus: string, cache: string): Promise<Sample[]> {
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as Sample[];
    if (cached.length > 0 && FEATURES.every((k) => k in cached[0]!.features)) return cached;
  }
  const out: Sample[] = [];
  for (const entry of corpusHalf(corpus, 1)) {
    const page = await typePage(corpus, entry);
    out.push({ id: page.id, truth: page.truth as PageKind, features: page.features });
  }
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

type LinearModel = Model;

function matrix(samples: Sample[]): number[][] {
  return samples.map((s) => FEATURES.map((k) => s.features[k]));
}

/** Multinomial logistic regression, full-batch gradient descent on standardised features. */
function train(samples: Sample[], lambda: number): LinearModel {
  const X = matrix(samples);
  const n = X.length;
  const d = FEATURES.length;
  const K = PAGE_KINDS.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of X) for (let i = 0; i < d; i++) mean[i]! += row[i]! / n;
  for (const row of X) for (let i = 0; i < d; i++) scale[i]! += (row[i]! - mean[i]!) ** 2 / n;
  for (let i = 0; i < d; i++) scale[i] = Math.sqrt(scale[i]!) || 1;
  const Z = X.map((row) => Float64Array.from(row, (v, i) => (v - mean[i]!) / scale[i]!));
  const y = samples.map((s) => PAGE_KINDS.indexOf(s.truth));
  const W = Array.from({ length: K }, () => new Float64Array(d));
  const b = new Float64Array(K);
  const gW = Array.from({ length: K }, () => new Float64Array(d));
  const gb = new Float64Array(K);
  const p = new Float64Array(K);
  for (let step = 0; step < STEPS; step++) {
    for (let k = 0; k < K; k++) {
      gW[k]!.fill(0);
      gb[k] = 0;
    }
    for (let j = 0; j < n; j++) {
      const z = Z[j]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        const w = W[k]!;
        for (let i = 0; i < d; i++) s += w[i]! * z[i]!;
        p[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp(p[k]! - max);
        sum += p[k]!;
      }
      for (let k = 0; k < K; k++) {
        const g = p[k]! / sum - (k === y[j] ? 1 : 0);
        gb[k]! += g;
        const gw = gW[k]!;
        for (let i = 0; i < d; i++) gw[i]! += g * z[i]!;
      }
    }
    for (let k = 0; k < K; k++) {
      b[k]! -= (RATE * gb[k]!) / n;
      const w = W[k]!;
      const gw = gW[k]!;
      for (let i = 0; i < d; i++) w[i]! -= RATE * (gw[i]! / n + lambda * w[i]!);
    }
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    classes: [...PAGE_KINDS],
    features: [...FEATURES],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: W.map((w) => [...w].map(round)),
    bias: [...b].map(round),
  };
}

function predict(model: LinearModel, f: Features): PageKind {
  const scores = scorePage(f, model);
  return PAGE_KINDS.reduce((best, k) => (scores[k] > scores[best] ? k : best), 'article' as PageKind);
}

/** Stratified folds: within each type, pages ordered by the SHA-256 of their id and dealt in turn. */
function folds(samples: Sample[]): number[] {
  const fold = new Array<number>(samples.length).fill(0);
  for (const kind of PAGE_KINDS) {
    const idx = samples.map((s, i) => [s, i] as const).filter(([s]) => s.truth === kind);
    idx.sort((a, b) => (hash(a[0].id) < hash(b[0].id) ? -1 : 1));
    idx.forEach(([, i], j) => (fold[i] = j % FOLDS));
  }
  return fold;
}

const hash = (id: string): string => createHash('sha256').update(`fold:${id}`).digest('hex');

function crossValidate(samples: Sample[], lambda: number): { accuracy: number; confusion: Map<string, number> } {
  const fold = folds(samples);
  let correct = 0;
  const confusion = new Map<string, number>();
  const errors: string[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const trainSet = samples.filter((_, i) => fold[i] !== f);
    const model = train(trainSet, lambda);
    samples.forEach((s, i) => {
      if (fold[i] !== f) return;
      const guess = predict(model, s.features);
      if (guess === s.truth) correct++;
      else if (hasFlag('--errors')) errors.push(`${s.id} ${s.truth} -> ${guess}`);
      const key = `${s.truth}>${guess}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    });
  }
  if (errors.length > 0) console.log(errors.sort().join('\n'));
  return { accuracy: correct / samples.length, confusion };
}

export function printConfusion(confusion: Map<string, number>): void {
  const short = (k: string) => k.slice(0, 6);
  console.log(`${'truth \\ guess'.padEnd(14)}${PAGE_KINDS.map((k) => short(k).padStart(7)).join('')}`);
  for (const t of PAGE_KINDS) {
    console.log(`${t.padEnd(14)}${PAGE_KINDS.map((g) => String(confusion.get(`${t}>${g}`) ?? 0).padStart(7)).join('')}`);
  }
}

await main();
