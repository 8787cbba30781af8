/**
 * npm run bench:hostile — generate a few hundred hostile and broken inputs (scripts/hostile-inputs.ts
 * plus seeded random, mutated and soup variants) into a temp dir, run them through ONE batch of the
 * built CLI (`bin/unboil.cjs DIR -o OUT --report R.jsonl`) under a preload that traps every socket
 * and DNS attempt, and print: inputs, converted, clean errors, crashes, hangs, partial outputs,
 * network attempts. The last four must be 0 (exit 1 otherwise).
 *
 * Then the huge pages (test/helpers/huge-pages.ts: wide, deep, long-line HTML, long-line text) at
 * 1, 8 and 32 MB, each converted in a process of its own as users run it (bench/huge-convert.mjs:
 * `bin/unboil.cjs FILE -o OUT.md` with the command line's own settings, --timeout and --max-memory
 * included): prints MB per CPU-second and peak RSS per shape and size. A failure counts as a crash,
 * a page still running after HUGE_TIME_LIMIT_S as a hang; the goal (not a failure) is at least
 * HUGE_GOAL_MB_PER_CPU_S and under HUGE_GOAL_RSS_MB.
 *
 * Options: --scale S (default 1: a 50 MB page, 100,000 nested elements), --keep (keep the temp dir),
 * --huge-sizes 1,8,32 (MB; `--huge-sizes 0` skips the huge pages).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { articlePage, hostileInputs, randomBytes, tinyPdf } from '../scripts/hostile-inputs.js';
import { HUGE_SHAPES, hugePage } from '../test/helpers/huge-pages.js';

const args = process.argv.slice(2);
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 1;
const keep = args.includes('--keep');
const root = join(import.meta.dirname, '..');

/** Seeded variants: random bytes, byte-mutated pages and PDFs, tag soup, Markdown soup. */
function variants(): Array<{ name: string; bytes: Uint8Array }> {
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const page = new TextEncoder().encode(articlePage('<p>Some <b>bold</b> words, <a href="javascript:x">a link</a> and <img src="https://evil.example/i.png"> in a paragraph long enough to read.</p><table><tr><td rowspan=9999>cell</table>'));
  const pdf = tinyPdf('A short PDF paragraph for mutation.');
  const mutate = (base: Uint8Array, seed: number) => {
    const noise = randomBytes(64, seed);
    const bytes = Array.from(base);
    for (let k = 0; k < 16; k += 2) {
      const at = (noise[k]! * 256 + noise[k + 1]!) % bytes.length;
      if (noise[k + 32]! % 3 === 0) bytes.splice(at, 1);
      else if (noise[k + 32]! % 3 === 1) bytes.splice(at, 0, noise[k + 33]!);
      else bytes[at] = noise[k + 33]!;
    }
    return new Uint8Array(bytes);
  };
  const TAGS = ['p', 'div', 'a href="vbscript:x"', 'b', 'table', 'td', 'li', 'h1', 'pre', 'script', 'style', 'svg', 'template', 'iframe src="//evil.example"', 'meta charset="koi8-r"'];
  for (let seed = 1; seed <= 50; seed++) out.push({ name: `random-${seed}.html`, bytes: randomBytes(256 + seed * 97, seed) });
  for (let seed = 1; seed <= 50; seed++) out.push({ name: `mutated-page-${seed}.html`, bytes: mutate(page, seed + 100) });
  for (let seed = 1; seed <= 30; seed++) out.push({ name: `mutated-${seed}.pdf`, bytes: mutate(pdf, seed + 200) });
  for (let seed = 1; seed <= 30; seed++) {
    const r = randomBytes(200, seed + 300);
    let html = '';
    for (const b of r) html += b % 4 === 0 ? `<${TAGS[b % TAGS.length]}>` : b % 4 === 1 ? `</${TAGS[b % TAGS.length]!.split(' ')[0]}>` : b % 4 === 2 ? 'word ' : '&#x' + b.toString(16) + ';';
    out.push({ name: `soup-${seed}.html`, bytes: new TextEncoder().encode(html) });
  }
  const MD = ['> ', '- ', '1. ', '# ', '```\n', '|a|b|\n|-|-|\n', '**', '_', '[x](javascript:y)', '<div>', '    ', '\n\n', 'words ', '![i](file:///etc/passwd)'];
  for (let seed = 1; seed <= 20; seed++) {
    const r = randomBytes(300, seed + 400);
    out.push({ name: `md-soup-${seed}.txt`, bytes: new TextEncoder().encode(Array.from(r, (b) => MD[b % MD.length]).join('')) });
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'unboil-hostile-'));
const inDir = join(dir, 'in');
const outDir = join(dir, 'out');
const reportPath = join(dir, 'report.jsonl');
const netLog = join(dir, 'network.log');
mkdirSync(inDir);
writeFileSync(netLog, '');
let count = 0;
for (const input of hostileInputs(scale)) {
  writeFileSync(join(inDir, `${input.name}.${input.ext}`), input.bytes());
  count++;
}
for (const input of variants()) {
  writeFileSync(join(inDir, input.name), input.bytes);
  count++;
}
// A sub-directory and hostile file names (the output must land inside --out-dir).
mkdirSync(join(inDir, 'sub', 'x..%2F..%2Fescape'), { recursive: true });
writeFileSync(join(inDir, 'sub', 'x..%2F..%2Fescape', 'a ..%2F..%2Fpwned; rm -rf $HOME `x` \u202Egnp.html'), articlePage('<p>A page whose path tries to escape the output directory, with enough words.</p>'));
count++;

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench:hostile: build first (npm run build): it runs the built CLI, bin/unboil.cjs');
  process.exit(2);
}
console.error(`bench:hostile: ${count} inputs in ${inDir}; converting in one batch ...`);
const started = Date.now();
// Hang bound: the batch's own per-document --timeout (a TIMEOUT line is a hang), and this
// process's bound on the whole run (a batch that never returns is a hang of everything).
const run = spawnSync(
  process.execPath,
  ['--import', join(root, 'bench', 'no-network.mjs'), join(root, 'bin', 'unboil.cjs'), inDir, '-o', outDir, '--report', reportPath, '--timeout', '900', '--max-memory', '6144', '-q'],
  { encoding: 'utf8', env: { ...process.env, UNBOIL_NET_LOG: netLog }, timeout: 60 * 60 * 1000, maxBuffer: 64 * 1024 * 1024 },
);
const seconds = (Date.now() - started) / 1000;

interface Line {
  path: string;
  status: string;
  outputs: string[];
  error: { code: string; message: string } | null;
}
const lines: Line[] = existsSync(reportPath)
  ? readFileSync(reportPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line)
  : [];
const CRASH_CODES = new Set(['WORKER_CRASHED', 'INTERNAL']);
const converted = lines.filter((l) => l.status === 'ok' || l.status === 'warning').length;
const clean = lines.filter((l) => l.status === 'error' && l.error && !CRASH_CODES.has(l.error.code) && l.error.code !== 'TIMEOUT').length;
const crashed = lines.filter((l) => l.status === 'error' && l.error && CRASH_CODES.has(l.error.code));
const hung = lines.filter((l) => l.error?.code === 'TIMEOUT');
const reported = new Set(lines.map((l) => relative(inDir, join(inDir, l.path)).replace(/^(\.\.\/)+/, '')));
const missing = count - lines.length; // inputs the batch never reported: lost with a crash or a hang
const batchCrashed = run.signal !== null || ![0, 1].includes(run.status ?? -1) || run.error !== undefined;

// Partial outputs: temp files left behind, a .md without its .json (or the reverse), anything
// written outside --out-dir, outputs of an input that failed.
let partial = 0;
const files: string[] = [];
const walk = (d: string) => {
  for (const entry of readdirSync(d)) {
    const path = join(d, entry);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
if (existsSync(outDir)) walk(outDir);
const set = new Set(files);
for (const file of files) {
  if (file.endsWith('.tmp') || /\/\.[^/]*\.tmp$/.test(file)) partial++;
  else if (file.endsWith('.md') && !set.has(file.replace(/\.md$/, '.json'))) partial++;
  else if (file.endsWith('.json') && !set.has(file.replace(/\.json$/, '.md'))) partial++;
  else if (statSync(file).size === 0 && file.endsWith('.json')) partial++;
}
for (const line of lines.filter((l) => l.status === 'error')) partial += line.outputs.filter((o) => existsSync(join(outDir, o)) || existsSync(o)).length;
// Every output must lie inside --out-dir, whatever the input's name.
for (const line of lines) for (const output of line.outputs) if (relative(outDir, join(outDir, output)).startsWith('..') && relative(outDir, output).startsWith('..')) partial++;
const network = readFileSync(netLog, 'utf8').split('\n').filter(Boolean);

/** A huge page still converting after this many seconds is a hang. */
const HUGE_TIME_LIMIT_S = 600;
/** The goal of issue 16: every shape converts at this rate or better ... */
const HUGE_GOAL_MB_PER_CPU_S = 2;
/** ... and within this peak RSS. */
const HUGE_GOAL_RSS_MB = 1024;
const hugeSizes = (args.includes('--huge-sizes') ? args[args.indexOf('--huge-sizes') + 1]! : '1,8,32').split(',').map(Number).filter((n) => n > 0);
const hugeLines: string[] = [];
let hugeCrashes = 0;
let hugeHangs = 0;
let hugeBelowGoal = 0;
for (const shape of HUGE_SHAPES) {
  for (const mb of hugeSizes) {
    const { text, ext } = hugePage(shape, mb * 1024 * 1024);
    const file = join(dir, `huge-${shape}-${mb}.${ext}`);
    writeFileSync(file, text);
    const child = spawnSync(
      process.execPath,
      ['--import', join(root, 'bench', 'no-network.mjs'), join(root, 'bench', 'huge-convert.mjs'), join(root, 'bin', 'unboil.cjs'), file, join(dir, 'huge.md')],
      { encoding: 'utf8', env: { ...process.env, UNBOIL_NET_LOG: netLog }, timeout: HUGE_TIME_LIMIT_S * 1000 },
    );
    rmSync(file);
    rmSync(join(dir, 'huge.md'), { force: true });
    const label = `${shape} ${mb} MB`.padEnd(22);
    if (child.error || child.signal) {
      hugeHangs += child.signal === 'SIGTERM' ? 1 : 0;
      hugeCrashes += child.signal === 'SIGTERM' ? 0 : 1;
      hugeLines.push(`${label} ${child.signal === 'SIGTERM' ? `HANG (over ${HUGE_TIME_LIMIT_S} s)` : `CRASH ${child.signal ?? child.error?.message}`}`);
      continue;
    }
    let m: { ok: boolean; cpu: number; wall: number; rss: number; error?: string };
    try {
      m = JSON.parse(child.stdout.trim().split('\n').pop()!);
    } catch {
      hugeCrashes++;
      hugeLines.push(`${label} CRASH exit ${child.status}: ${child.stderr.slice(-300)}`);
      continue;
    }
    const rate = text.length / 1e6 / m.cpu;
    const rss = m.rss / 1024 / 1024;
    const goal = rate >= HUGE_GOAL_MB_PER_CPU_S && rss < HUGE_GOAL_RSS_MB;
    if (!m.ok) hugeCrashes++;
    else if (!goal) hugeBelowGoal++;
    hugeLines.push(`${label} ${m.ok ? 'converted' : `FAILED ${m.error}`}  ${m.cpu.toFixed(1)} CPU-s  ${rate.toFixed(2)} MB/CPU-s  RSS ${rss.toFixed(0)} MB${m.ok && !goal ? '  (below the goal)' : ''}`);
  }
}
const networkAfterHuge = readFileSync(netLog, 'utf8').split('\n').filter(Boolean);
network.splice(0, network.length, ...networkAfterHuge);

const codes = new Map<string, number>();
for (const line of lines) if (line.error) codes.set(line.error.code, (codes.get(line.error.code) ?? 0) + 1);
console.log(`inputs:            ${count}`);
console.log(`converted:         ${converted}`);
console.log(`clean errors:      ${clean}  (${[...codes].filter(([c]) => !CRASH_CODES.has(c) && c !== 'TIMEOUT').map(([c, n]) => `${c} ${n}`).join(', ')})`);
console.log(`crashes:           ${crashed.length + (batchCrashed ? 1 : 0) + hugeCrashes}${crashed.length ? `  (${crashed.map((l) => `${l.path}: ${l.error!.message}`).join('; ')})` : ''}${batchCrashed ? `  (batch exit ${run.status} ${run.signal ?? ''} ${run.error?.message ?? ''})` : ''}`);
console.log(`hangs:             ${hung.length + Math.max(0, missing) + hugeHangs}${hung.length ? `  (${hung.map((l) => l.path).join(', ')})` : ''}${missing > 0 ? `  (${missing} inputs never reported)` : ''}`);
console.log(`partial outputs:   ${partial}`);
console.log(`network attempts:  ${network.length}${network.length ? `  (${network.slice(0, 3).join('; ')})` : ''}`);
console.log(`batch:             exit ${run.status}, ${seconds.toFixed(1)} s, ${reported.size} inputs reported, scale ${scale}`);
if (run.status !== 0 && run.status !== 1) console.log(run.stderr.slice(-2000));
if (hugeLines.length > 0) {
  console.log(`huge pages (goal: >= ${HUGE_GOAL_MB_PER_CPU_S} MB/CPU-s, RSS < ${HUGE_GOAL_RSS_MB} MB; ${hugeCrashes} crashes, ${hugeHangs} hangs, ${hugeBelowGoal} below the goal):`);
  for (const line of hugeLines) console.log(`  ${line}`);
}
if (keep) console.log(`kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
const bad = crashed.length + (batchCrashed ? 1 : 0) + hung.length + Math.max(0, missing) + partial + network.length + hugeCrashes + hugeHangs;
process.exit(bad > 0 ? 1 : 0);
