/**
 * Extraction quality on a corpus: converts every document (without the title, as the benchmark
 * scores body text), writes the predictions, and prints n, F1, precision and recall, speed (docs/s
 * of wall time and of CPU time), and, where the corpus has reference HTML, the structure figure.
 *
 * A corpus with page types (wcxb-dev) is scored with WCXB's own metric (bench/wcxb-metric.ts):
 * overall and per page type, n, F1, P, R and the `with`/`without` snippet rates, for half 1, half 2
 * and all pages (bench/halves.ts), with convert()'s page-type accuracy when it reports one. Other
 * corpora are scored with the benchmark's shingle metric, also for half 1, half 2 and all pages.
 * `--half 1|2` converts and scores one half.
 * The reference scorer (../shared/tools/score-wcxb.mjs or score.mjs), when present, scores the same
 * predictions and its line is printed under ours, so the two can be seen to agree.
 *
 *   npm run bench:quality -- --corpus ../shared/corpus/wcxb-dev [--half 1|2] [--out DIR] [--per-doc F.csv] [--worst N] [--json] [--warc]
 *
 * `--warc` packs the pages into a WARC (each at its manifest URL) and converts it with the CLI, as
 * a crawl would be read: its figures must equal those without.
 *
 * `--worst` lists half 1 unless `--half 2` is given: half 2 is held out.
 */
import { writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { argValue, hasFlag, readManifest, sharedDir, subsetCorpus } from './corpus.js';
import { corpusAndHalf, selectHalf, type Half } from './halves.js';
import { precisionOf, recallOf } from './metric.js';
import { formatPageTypeAccuracy, pageTypeAccuracy } from './page-type-accuracy.js';
import { formatStructure, rowsOf, runQuality, shingleScores, wcxbRowScores, type QualityRow } from './quality-run.js';
import type { WcxbScores } from './wcxb-metric.js';

const usage = 'usage: npm run bench:quality -- --corpus DIR [--half 1|2] [--out DIR] [--per-doc FILE.csv] [--worst N] [--json] [--warc]\n';
const { corpus, half } = corpusAndHalf(usage);
const out = resolve(argValue('--out', join('bench', 'out', basename(resolve(corpus))))!);
const run = await runQuality(corpus, out, half, hasFlag('--warc'));
const { rows, seconds, cpuSeconds, bytes, structure } = run;
const f = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const failed = rows.filter((r) => r.error).length;
const name = basename(resolve(corpus));
const label = half === null ? name : `${name} half ${half}`;
const speed = `${(rows.length / seconds).toFixed(1)} docs/s  ${(bytes / 1e6 / seconds).toFixed(2)} MB/s  (${(rows.length / cpuSeconds).toFixed(1)} docs per CPU-second)`;
const json = hasFlag('--json');
const withReference = !hasFlag('--no-reference');
/** The scopes printed: the half asked for, or both halves and all pages. */
const scopes: (Half | null)[] = half !== null ? [half] : [1, 2, null];

if (run.wcxb) {
  const report: Record<string, unknown> = { corpus: name, failed, docsPerSecond: rows.length / seconds, docsPerCpuSecond: rows.length / cpuSeconds };
  if (!json) process.stdout.write(`${label}: n=${rows.length}  failed=${failed}  ${speed}\n`);
  for (const scope of scopes) {
    const scoped = rowsOf(rows, scope);
    const overall = wcxbRowScores(scoped);
    const types = byType(scoped);
    const typeAccuracy = pageTypeAccuracy(scoped.map((r) => ({ truth: r.pageType!, guess: r.guess })));
    if (json) {
      report[scope === null ? 'all' : `half${scope}`] = { ...overall, types: Object.fromEntries(types), pageType: typeAccuracy };
      continue;
    }
    process.stdout.write(`${scope === null ? 'all' : `half ${scope}`}: ${wcxbLine(overall)}\n`);
    if (withReference) {
      const line = referenceLines('score-wcxb.mjs', scope, [])[0];
      if (line) process.stdout.write(`  reference score-wcxb.mjs: ${line}\n`);
    }
    for (const [type, s] of types) process.stdout.write(`  ${type.padEnd(14)} ${wcxbLine(s)}\n`);
    process.stdout.write(`  ${formatPageTypeAccuracy(typeAccuracy)}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const scores = shingleScores(rows);
  if (json) {
    const halves = half === null ? { half1: shingleScores(rowsOf(rows, 1)), half2: shingleScores(rowsOf(rows, 2)) } : { half };
    process.stdout.write(`${JSON.stringify({ corpus: name, ...halves, ...scores, failed, docsPerSecond: rows.length / seconds, docsPerCpuSecond: rows.length / cpuSeconds, structure })}\n`);
  } else {
    process.stdout.write(`${label}: n=${rows.length}  failed=${failed}  ${speed}\n`);
    for (const scope of scopes) {
      const s = shingleScores(rowsOf(rows, scope));
      process.stdout.write(`${scope === null ? 'all' : `half ${scope}`}: n=${s.n}  F1 ${f(s.f1)}  precision ${f(s.precision)}  recall ${f(s.recall)}\n`);
      if (withReference) {
        const line = referenceLines('score.mjs', scope, ['--n-bootstrap', '200']).join('\n');
        if (line) process.stdout.write(`  reference score.mjs: ${line}\n`);
      }
    }
    if (structure) process.stdout.write(`  ${formatStructure(structure)}\n`);
  }
}
for (const r of rows) if (r.error) process.stderr.write(`  error ${r.id}: ${r.error}\n`);

const perDoc = argValue('--per-doc');
if (perDoc) {
  const lines = run.wcxb ? ['id,half,pageType,precision,recall,f1,with,without,guess'] : ['id,precision,recall'];
  for (const r of rows) {
    if (r.page) lines.push(`${r.id},${r.half},${r.pageType},${f(r.page.precision)},${f(r.page.recall)},${f(r.page.f1)},${f(r.page.with)},${f(r.page.without)},${r.guess ?? ''}`);
    else lines.push(`${r.id},${f(precisionOf(r.match!))},${f(recallOf(r.match!))}`);
  }
  writeFileSync(perDoc, `${lines.join('\n')}\n`);
}
const worst = Number(argValue('--worst', '0'));
if (worst > 0) {
  if (run.wcxb) {
    const ranked = rowsOf(rows, half ?? 1).sort((a, b) => a.page!.f1 - b.page!.f1);
    for (const r of ranked.slice(0, worst)) process.stdout.write(`  worst ${r.id}  ${r.pageType}  F1 ${f(r.page!.f1)}  P ${f(r.page!.precision)}  R ${f(r.page!.recall)}\n`);
  } else {
    const low = (r: QualityRow) => Math.min(precisionOf(r.match!), recallOf(r.match!));
    const ranked = rowsOf(rows, half ?? 1).sort((a, b) => low(a) - low(b));
    for (const r of ranked.slice(0, worst)) process.stdout.write(`  worst ${r.id}  P ${f(precisionOf(r.match!))}  R ${f(recallOf(r.match!))}\n`);
  }
}

// The reference scorer, when the shared folder is there: the two lines must agree.
if (!run.wcxb && withReference && json) {
  const line = referenceLines('score.mjs', half, ['--n-bootstrap', '200']).join('\n');
  if (line) process.stdout.write(`  reference score.mjs: ${line}\n`);
}

function wcxbLine(s: WcxbScores): string {
  return `n=${String(s.n).padStart(4)}  F1 ${f(s.f1)}  P ${f(s.precision)}  R ${f(s.recall)}  with ${pct(s.with)} (${pct(s.withFolded)} typography folded)  without ${pct(s.without)}`;
}

/** WCXB's figures per page type, types in alphabetical order. */
function byType(scoped: QualityRow[]): [string, WcxbScores][] {
  const types = [...new Set(scoped.map((r) => r.pageType!))].sort();
  return types.map((type) => [type, wcxbRowScores(scoped.filter((r) => r.pageType === type))]);
}

/**
 * The output lines of ../shared/tools/<scorer> on the predictions of one half (or all of them), or
 * none when the scorer is absent. The scorers score every manifest entry, so a half is scored
 * through a temporary corpus folder holding that half's manifest lines.
 */
function referenceLines(scorer: string, scope: Half | null, extra: string[]): string[] {
  const script = join(sharedDir(), 'tools', scorer);
  if (!existsSync(script)) return [];
  const tmp = scope === null ? null : mkdtempSync(join(tmpdir(), 'unboil-half-'));
  try {
    const scored = tmp ? subsetCorpus(corpus!, selectHalf(readManifest(corpus!), scope), join(tmp, 'corpus')) : corpus!;
    return execFileSync(process.execPath, [script, '--corpus', scored, '--pred', out, ...extra], { encoding: 'utf8' }).trim().split('\n');
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
