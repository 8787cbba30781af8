/**
 * Extraction quality on a corpus: converts every document (without the title, as the benchmark
 * scores body text), writes the Markdown predictions, and prints n, F1, precision and recall with
 * the benchmark's shingle metric, speed (docs/s of wall time and of CPU time), and, where the corpus
 * has reference HTML, the structure figure. When ../shared/tools/score.mjs is present it also
 * scores the same predictions with it, so the two can be seen to agree.
 *
 *   npm run bench:quality -- --corpus ../shared/corpus/scrapinghub-dev [--out DIR] [--per-doc F.csv] [--worst N] [--json]
 */
import { writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { argValue, hasFlag } from './corpus.js';
import { precisionOf, recallOf } from './metric.js';
import { formatStructure, runQuality } from './quality-run.js';

const corpus = argValue('--corpus');
if (!corpus) {
  process.stderr.write('usage: npm run bench:quality -- --corpus DIR [--out DIR] [--per-doc FILE.csv] [--worst N] [--json]\n');
  process.exit(2);
}
const out = resolve(argValue('--out', join('bench', 'out', basename(resolve(corpus))))!);
const run = await runQuality(corpus, out);
const { scores, rows, seconds, cpuSeconds, bytes, structure } = run;
const f = (x: number) => x.toFixed(3);
const failed = rows.filter((r) => r.error).length;
const name = basename(resolve(corpus));

if (hasFlag('--json')) {
  process.stdout.write(`${JSON.stringify({ corpus: name, ...scores, failed, docsPerSecond: rows.length / seconds, docsPerCpuSecond: rows.length / cpuSeconds, structure })}\n`);
} else {
  process.stdout.write(
    `${name}: n=${scores.n}  F1 ${f(scores.f1)}  precision ${f(scores.precision)}  recall ${f(scores.recall)}  failed=${failed}  ` +
      `${(rows.length / seconds).toFixed(1)} docs/s  ${(bytes / 1e6 / seconds).toFixed(2)} MB/s  (${(rows.length / cpuSeconds).toFixed(1)} docs per CPU-second)\n`,
  );
  if (structure) process.stdout.write(`  ${formatStructure(structure)}\n`);
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
