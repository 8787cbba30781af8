/**
 * Extraction quality on a corpus: converts every document (without the title, as the benchmark
 * scores body text), writes the Markdown predictions, and prints n, F1, precision and recall with
 * the benchmark's shingle metric. When ../shared/tools/score.mjs is present it also scores the same
 * predictions with it, so the two can be seen to agree.
 *
 *   npm run bench:quality -- --corpus ../shared/corpus/scrapinghub-dev [--out DIR] [--per-doc F.csv] [--worst N]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { convert } from '../src/index.js';
import { markdownToText } from '../src/write/plain-text.js';
import { argValue, hasFlag, readManifest } from './corpus.js';
import { corpusScores, precisionOf, recallOf, shingleMatch, type Match } from './metric.js';

const corpus = argValue('--corpus');
if (!corpus) {
  process.stderr.write('usage: npm run bench:quality -- --corpus DIR [--out DIR] [--per-doc FILE.csv] [--worst N] [--json]\n');
  process.exit(2);
}
const out = resolve(argValue('--out', join('bench', 'out', basename(resolve(corpus))))!);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const entries = readManifest(corpus);
const rows: Array<{ id: string; match: Match; error?: string }> = [];
let bytes = 0;
const started = process.hrtime.bigint();
for (const entry of entries) {
  const input = readFileSync(join(corpus, entry.doc));
  bytes += input.length;
  let markdown = '';
  let error: string | undefined;
  try {
    const result = await convert(input, { title: false, baseUrl: entry.url ?? null, path: entry.doc });
    markdown = result.markdown;
  } catch (e) {
    error = (e as Error).message;
  }
  writeFileSync(join(out, `${entry.id}.md`), markdown);
  const truth = entry.truth ? readFileSync(join(corpus, entry.truth), 'utf8') : '';
  rows.push({ id: entry.id, match: shingleMatch(truth, markdownToText(markdown)), error });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const scores = corpusScores(rows.map((r) => r.match));
const f = (x: number) => x.toFixed(3);
const failed = rows.filter((r) => r.error).length;

if (hasFlag('--json')) {
  process.stdout.write(`${JSON.stringify({ corpus: basename(resolve(corpus)), ...scores, failed, docsPerSecond: entries.length / seconds })}\n`);
} else {
  process.stdout.write(
    `${basename(resolve(corpus))}: n=${scores.n}  F1 ${f(scores.f1)}  precision ${f(scores.precision)}  recall ${f(scores.recall)}  failed=${failed}  ` +
      `${(entries.length / seconds).toFixed(1)} docs/s  ${(bytes / 1e6 / seconds).toFixed(2)} MB/s\n`,
  );
}
for (const r of rows) if (r.error) process.stderr.write(`  error ${r.id}: ${r.error}\n`);

const perDoc = argValue('--per-doc');
if (perDoc) {
  const lines = ['id,precision,recall'];
  for (const r of rows) lines.push(`${r.id},${f(precisionOf(r.match))},${f(recallOf(r.match))}`);
  writeFileSync(perDoc, `${lines.join('\n')}\n`);
}
const worst = Number(argValue('--worst', '0'));
if (worst > 0) {
  const ranked = [...rows].sort((a, b) => Math.min(precisionOf(a.match), recallOf(a.match)) - Math.min(precisionOf(b.match), recallOf(b.match)));
  for (const r of ranked.slice(0, worst)) process.stdout.write(`  worst ${r.id}  P ${f(precisionOf(r.match))}  R ${f(recallOf(r.match))}\n`);
}

// The reference scorer, when the shared folder is there: the two lines must agree.
const reference = resolve('..', 'shared', 'tools', 'score.mjs');
if (existsSync(reference) && !hasFlag('--no-reference')) {
  const line = execFileSync(process.execPath, [reference, '--corpus', corpus, '--pred', out, '--n-bootstrap', '200'], { encoding: 'utf8' }).trim();
  process.stdout.write(`  reference score.mjs: ${line}\n`);
}
