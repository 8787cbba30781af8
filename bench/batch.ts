/**
 * Batch benchmark: `npm run bench:batch [-- --corpus DIR] [--docs 2000] [--small 500] [--jobs 1,2] [--no-build] [--cli '--max-per-worker 0'] [--node '--single-threaded-gc'] [--rounds 3] [--ceiling] [--warc]`
 *
 * Replicates a corpus (default ../shared/corpus/scrapinghub-dev/docs when present, else generated
 * article pages) to --docs documents in a temporary directory (100 a folder, each copy made unique
 * by a trailing comment), then runs the built CLI (`bin/unboil.cjs DIR -o OUT -j N --quiet`) on
 * --small and on --docs documents for each -j, and prints docs/s, MB/s and the peak RSS of the
 * whole process (main thread + workers, from /proc VmHWM), with the machine's load average: other
 * processes on a shared machine skew the figures. CPU/doc (user + system time of the whole process
 * per document) shows what the work costs whatever the load: when it stays flat from -j1 to -j2,
 * only the cores the machine can spare limit the speed-up. Targets: -j2 >= 1.7x the docs/s of -j1; peak
 * RSS about the same for --small and --docs (memory bounded by documents in flight).
 *
 * On a shared machine one run proves little: --rounds N alternates -j1 and -j2 N times and reports
 * medians, and --ceiling also times two independent -j1 processes on the two halves at once, the
 * speed-up the machine allowed in that round whatever the program. --warc also converts the same
 * documents packed into one WARC after each folder run, and gives its speed as a share of the
 * folder's (target: at least 90%). Beside the peak RSS, "steady"
 * is the median RSS over the second half of a run.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWarc, type ArchivedPage } from './warc-writer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = join(ROOT, '..', 'shared', 'corpus', 'scrapinghub-dev', 'docs');
const DOCS_PER_FOLDER = 100;
/** How often the child's VmHWM is read (ms); VmHWM only grows, so the last reading is the peak. */
const RSS_POLL_MS = 100;
/**
 * -j2 should reach this share of the ceiling's throughput: two cores can give no more than two
 * independent processes get, and V8's own threads take part of the second core (issue 18).
 */
const CEILING_SHARE_TARGET = 0.9;
/** Linux clock ticks per second (USER_HZ), the unit of CPU times in /proc. */
const CLOCK_TICKS = 100;

interface Args {
  corpus: string | null;
  docs: number;
  small: number;
  jobs: number[];
  build: boolean;
  /** Extra CLI arguments for every run (e.g. `--max-per-worker 0`). */
  extra: string[];
  /** Extra node arguments for every run (e.g. V8 flags: `--single-threaded-gc`). */
  node: string[];
  /** Measure each -j this many times, alternating, and report the median (the machine is noisy). */
  rounds: number;
  /** Also time two independent `-j1` processes on the two halves at once (see ceiling()). */
  ceiling: boolean;
  /** Also convert the same documents packed into one WARC (bench/warc-writer.ts), after each folder run. */
  warc: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : null, docs: 2000, small: 500, jobs: [1, 2], build: true, extra: [], node: [], rounds: 1, ceiling: false, warc: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--corpus' && value) (args.corpus = value), i++;
    else if (flag === '--docs' && value) (args.docs = Number(value)), i++;
    else if (flag === '--small' && value) (args.small = Number(value)), i++;
    else if (flag === '--jobs' && value) (args.jobs = value.split(',').map(Number)), i++;
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--cli' && value) (args.extra = value.split(' ').filter(Boolean)), i++;
    else if (flag === '--node' && value) (args.node = value.split(' ').filter(Boolean)), i++;
    else if (flag === '--rounds' && value) (args.rounds = Number(value)), i++;
    else if (flag === '--ceiling') args.ceiling = true;
    else if (flag === '--warc') args.warc = true;
    else throw new Error(`unknown argument: ${flag}`);
  }
  return args;
}

/** Source documents: the corpus files (HTML, PDF, text), or generated pages when there is none. */
async function sources(corpus: string | null): Promise<{ name: string; bytes: Buffer }[]> {
  if (corpus) {
    const names = (await readdir(corpus)).filter((n) => ['.html', '.htm', '.pdf', '.txt'].includes(extname(n).toLowerCase())).sort();
    if (names.length > 0) return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(corpus, name)) })));
  }
  return Array.from({ length: 50 }, (_, i) => ({ name: `generated-${i}.html`, bytes: Buffer.from(generatedPage(i)) }));
}

/** A plausible news page: navigation, byline, 10-40 paragraphs, related links, footer. */
function generatedPage(n: number): string {
  const words = 'harbour council budget dredging timetable committee residents report ferry schedule funding minister coast weather museum library school bridge market'.split(' ');
  const sentence = (k: number) => Array.from({ length: 12 + (k % 9) }, (_, j) => words[(k * 7 + j * 3) % words.length]).join(' ');
  const paragraphs = Array.from({ length: 10 + (n % 31) }, (_, k) => `<p>${sentence(n + k)}. ${sentence(n * 3 + k)}.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${n} | The Gazette</title>
<meta property="article:published_time" content="2024-05-${String((n % 28) + 1).padStart(2, '0')}"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav>
<main><article><h1>Story ${n}</h1><p class="byline">By Reporter ${n % 5}</p>${paragraphs}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">More news</a></li></ul></aside></main>
<footer>© The Gazette</footer></body></html>\n`;
}

async function replicate(dir: string, docs: { name: string; bytes: Buffer }[], count: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = docs[i % docs.length]!;
    const folder = join(dir, `part-${String(Math.floor(i / DOCS_PER_FOLDER)).padStart(3, '0')}`);
    if (i % DOCS_PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    const ext = extname(source.name);
    // A unique trailer so that no two copies have the same bytes (PDF and text tolerate it too).
    const trailer = ext === '.pdf' ? `\n%copy ${i}\n` : ext === '.txt' ? '' : `\n<!-- copy ${i} -->\n`;
    const content = Buffer.concat([source.bytes, Buffer.from(trailer)]);
    bytes += content.length;
    await writeFile(join(folder, `doc-${i}${ext}`), content);
  }
  return bytes;
}

/** The documents of a replicated folder in one WARC beside it (one gzip member a record), each at a URL from its path. */
async function archive(input: string): Promise<string> {
  const path = `${input}.warc.gz`;
  async function* pages(): AsyncGenerator<ArchivedPage> {
    for (const folder of (await readdir(input)).sort()) {
      for (const name of (await readdir(join(input, folder))).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
        const ext = extname(name);
        const contentType = ext === '.pdf' ? 'application/pdf' : 'text/html';
        if (ext !== '.html' && ext !== '.htm' && ext !== '.pdf') continue;
        yield { url: `https://bench.example/${folder}/${name}`, bytes: await readFile(join(input, folder, name)), contentType };
      }
    }
  }
  await writeWarc(path, pages());
  return path;
}

interface Measure {
  docs: number;
  jobs: number;
  seconds: number;
  peakRssMb: number | null;
  /**
   * Median RSS over the second half of the run. The peak is the worst moment (a large page meeting
   * a full heap), which a longer run has more chances to meet; this is what the process holds
   * once warmed up, and it shows whether memory builds up with the batch.
   */
  steadyRssMb: number | null;
  /** CPU seconds of the process (last reading before it exited). */
  cpuSeconds: number | null;
  code: number | null;
  summary: string;
  stderr: string;
  load: string;
}

/** CPU seconds (user + system, all threads) the process has used so far, from /proc/PID/stat. */
function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The middle value (the lower of the two middle ones for an even count). */
function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
}

/** VmHWM (the peak so far) and VmRSS (now) of a process, in kB. */
function readMemoryKb(pid: number): { hwm: number; rss: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return hwm && rss ? { hwm: Number(hwm[1]), rss: Number(rss[1]) } : null;
  } catch {
    return null;
  }
}

async function measure(input: string, out: string, docs: number, jobs: number, args: Args): Promise<Measure> {
  await rm(out, { recursive: true, force: true });
  const report = `${out}.report.jsonl`;
  const load = loadavg()[0]!.toFixed(1);
  const started = performance.now();
  const child = spawn(process.execPath, [...args.node, join(ROOT, 'bin', 'unboil.cjs'), input, '-o', out, '-j', String(jobs), '--report', report, ...args.extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peakKb: number | null = null;
  const samples: number[] = [];
  let cpu: number | null = null;
  const timer = setInterval(() => {
    const kb = readMemoryKb(child.pid!);
    if (kb !== null) {
      peakKb = Math.max(peakKb ?? 0, kb.hwm);
      samples.push(kb.rss);
    }
    cpu = readCpuSeconds(child.pid!) ?? cpu;
  }, RSS_POLL_MS);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const summary = stderr.trim().split('\n').filter((l) => / inputs: /.test(l)).pop() ?? stderr.trim().split('\n').pop() ?? '';
  // Failed documents, by error code, so a failure in the run is visible beside its figures.
  const failures = new Map<string, number>();
  for (const line of (await readFile(report, 'utf8').catch(() => '')).split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as { error: { code: string; message: string } | null };
    if (entry.error) failures.set(`${entry.error.code}: ${entry.error.message.slice(0, 80)}`, (failures.get(`${entry.error.code}: ${entry.error.message.slice(0, 80)}`) ?? 0) + 1);
  }
  for (const [what, count] of failures) stderr += `\n      failed ${count}x ${what}`;
  const late = samples.slice(Math.floor(samples.length / 2));
  const steadyRssMb = late.length ? median(late) / 1024 : null;
  return { docs, jobs, seconds, peakRssMb: peakKb === null ? null : peakKb / 1024, steadyRssMb, cpuSeconds: cpu, code, summary, stderr, load };
}

/**
 * Two `unboil -j1` processes, each on half of the folders, started together: nothing shared, no
 * pool. Their wall time against the -j1 run of the same round is the speed-up the machine itself
 * allows two busy cores at that moment (two memory-heavy processes slow each other down on a
 * shared host; two pure-arithmetic loops do not). -j2 close to it means the pool loses little.
 */
async function ceiling(input: string, out: string, args: Args): Promise<number> {
  const folders = (await readdir(input)).sort().map((name) => join(input, name));
  const halves = [folders.filter((_, i) => i % 2 === 0), folders.filter((_, i) => i % 2 === 1)];
  await rm(out, { recursive: true, force: true });
  const started = performance.now();
  await Promise.all(
    halves.map(
      (half, i) =>
        new Promise<void>((done, fail) => {
          const child = spawn(process.execPath, [...args.node, join(ROOT, 'bin', 'unboil.cjs'), ...half, '-o', join(out, String(i)), '-j', '1', '--quiet', ...args.extra], { stdio: 'ignore' });
          child.on('close', (code) => (code === 0 || code === 4 ? done() : fail(new Error(`ceiling run exited ${code}`))));
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    process.stderr.write('building dist/ (npm run build)...\n');
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      // tsc still emits on type errors; a half-finished change elsewhere should not stop a measurement.
      process.stderr.write('warning: the build reported errors; measuring the dist/ it emitted\n');
    }
  }
  const docs = await sources(args.corpus);
  const work = await mkdtemp(join(tmpdir(), 'unboil-bench-batch-'));
  try {
    const sizes = [...new Set([args.small, args.docs])].sort((a, b) => a - b);
    const results: Measure[] = [];
    const ceilings: number[] = [];
    for (const size of sizes) {
      const input = join(work, `in-${size}`);
      const bytes = await replicate(input, docs, size);
      console.log(`corpus: ${args.corpus ?? 'generated pages'} (${docs.length} distinct) replicated to ${size} docs, ${(bytes / 1e6).toFixed(1)} MB`);
      const warc = args.warc ? await archive(input) : null;
      for (let round = 0; round < args.rounds; round++) {
        for (const jobs of args.jobs) {
          const m = await measure(input, join(work, 'out'), size, jobs, args);
          results.push(m);
          const rss = m.peakRssMb === null ? 'n/a' : `${m.peakRssMb.toFixed(0)} MB (steady ${m.steadyRssMb?.toFixed(0) ?? 'n/a'})`;
          const cpu = m.cpuSeconds === null ? 'n/a' : `${((m.cpuSeconds / size) * 1000).toFixed(0)} ms`;
          console.log(
            `  -j${jobs} ${String(size).padStart(5)} docs: ${(size / m.seconds).toFixed(1).padStart(6)} docs/s  ${(bytes / 1e6 / m.seconds).toFixed(2)} MB/s  ` +
              `${m.seconds.toFixed(1)} s  CPU/doc ${cpu}  peak RSS ${rss}  exit ${m.code}  (load avg at start ${m.load})`,
          );
          console.log(`      ${m.summary || `(no summary line; stderr: ${JSON.stringify(m.stderr.slice(-300))})`}`);
          for (const line of m.stderr.split('\n').filter((l) => l.startsWith('      failed '))) console.log(line);
          if (warc) {
            const w = await measure(warc, join(work, 'out'), size, jobs, args);
            const wrss = w.peakRssMb === null ? 'n/a' : `${w.peakRssMb.toFixed(0)} MB (steady ${w.steadyRssMb?.toFixed(0) ?? 'n/a'})`;
            const wcpu = w.cpuSeconds === null ? 'n/a' : `${((w.cpuSeconds / size) * 1000).toFixed(0)} ms`;
            const cpuShare = w.cpuSeconds && m.cpuSeconds ? `, ${((m.cpuSeconds / w.cpuSeconds) * 100).toFixed(0)}% of its CPU speed` : '';
            console.log(
              `  -j${jobs} ${String(size).padStart(5)} docs in one WARC: ${(size / w.seconds).toFixed(1).padStart(6)} docs/s  ${(bytes / 1e6 / w.seconds).toFixed(2)} MB/s  ${w.seconds.toFixed(1)} s  ` +
                `CPU/doc ${wcpu}  peak RSS ${wrss}  exit ${w.code}: ${((m.seconds / w.seconds) * 100).toFixed(0)}% of the folder's speed${cpuShare}`,
            );
            console.log(`      ${w.summary}`);
          }
        }
        if (args.ceiling && size === args.docs) {
          const seconds = await ceiling(input, join(work, 'out'), args);
          ceilings.push(seconds);
          const j1 = results.filter((r) => r.docs === size && r.jobs === 1).pop();
          console.log(`  two -j1 processes on halves, together: ${(size / seconds).toFixed(1).padStart(6)} docs/s  ${seconds.toFixed(1)} s${j1 ? `  (${(j1.seconds / seconds).toFixed(2)}x this round's -j1)` : ''}`);
        }
      }
    }
    // With several rounds, each figure is the median of its runs (the runs alternate -j1 and -j2, so
    // a burst of load elsewhere on the machine hits both).
    const runs = (docs: number, jobs: number) => results.filter((r) => r.docs === docs && r.jobs === jobs);
    const seconds = (docs: number, jobs: number) => (runs(docs, jobs).length ? median(runs(docs, jobs).map((r) => r.seconds)) : null);
    const memory = (docs: number, jobs: number, which: 'peakRssMb' | 'steadyRssMb') => {
      const known = runs(docs, jobs).flatMap((r) => (r[which] === null ? [] : [r[which]]));
      return known.length ? median(known) : null;
    };
    const what = args.rounds > 1 ? `median of ${args.rounds} runs` : 'one run';
    const j1 = seconds(args.docs, 1);
    const j2 = seconds(args.docs, 2);
    if (j1 && j2) {
      const each = args.rounds > 1 ? ` (each round: ${runs(args.docs, 1).map((r, i) => (r.seconds / runs(args.docs, 2)[i]!.seconds).toFixed(2)).join(', ')})` : '';
      console.log(`speed-up -j2 / -j1 at ${args.docs} docs, ${what}: ${(j1 / j2).toFixed(2)}x (target >= 1.7x)${each}`);
      if (ceilings.length) {
        const rounds = runs(args.docs, 1).map((r, i) => (ceilings[i] ? (r.seconds / ceilings[i]!).toFixed(2) : '-')).join(', ');
        console.log(`ceiling: two independent -j1 processes / -j1, ${what}: ${(j1 / median(ceilings)).toFixed(2)}x (each round: ${rounds})`);
        // What the machine allows, restated (issue 18): -j2's throughput as a share of the two independent -j1 processes'.
        const shares = runs(args.docs, 2).map((r, i) => (ceilings[i] ? (ceilings[i]! / r.seconds).toFixed(2) : '-')).join(', ');
        console.log(`-j2 throughput / ceiling (two independent -j1 processes on the halves), ${what}: ${(median(ceilings) / j2).toFixed(2)} (target >= ${CEILING_SHARE_TARGET}; each round: ${shares})`);
      }
    }
    for (const jobs of args.jobs) {
      for (const [which, name] of [
        ['peakRssMb', 'peak RSS'],
        ['steadyRssMb', 'steady RSS (median of the second half)'],
      ] as const) {
        const small = memory(args.small, jobs, which);
        const large = memory(args.docs, jobs, which);
        if (small && large && args.small !== args.docs) {
          console.log(`${name} -j${jobs}, ${what}: ${small.toFixed(0)} MB at ${args.small} docs, ${large.toFixed(0)} MB at ${args.docs} docs (${((large / small - 1) * 100).toFixed(0)}%)`);
        }
      }
    }
    console.log(`load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).availableParallelism()} CPUs`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
