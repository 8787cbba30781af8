/**
 * Speed on a corpus: converts every document in one process (a warm-up pass first, then the
 * measured pass) and prints docs/s, MB/s, MB per CPU-second, per-document median and p95, and
 * peak RSS. Each tool runs in its own child process, one after the other, so that one tool's heap,
 * JIT state and peak RSS never colour another's; CPU time (user + system, process.cpuUsage) is the
 * figure that matters on a shared machine, wall time is printed beside it.
 *
 *   npm run bench:speed -- --corpus DIR [--vs readability,defuddle] [--floor] [--scaling] [--startup]
 *       [--warmup N] [--rounds N] [--dist] [--json]
 *
 *   --vs LIST     run peer pipelines (bench/peers/) over the same documents: CPU-time ratios
 *   --floor       rehype-parse alone (decode + parse5 via unified().use(rehypeParse).parse): the
 *                 floor of any rehype pipeline, and unboil's post-parse work measured against it
 *   --scaling     replicate an article page's body to 1, 4, 16, 64 MB (--sizes) and print CPU
 *                 seconds per MB (--scaling-doc FILE; default: the corpus's median-size page)
 *   --startup     wall time of `unboil --version` and of one small page end to end (needs dist/)
 *   --only TOOL   run one tool in this process (for `node --cpu-prof --import tsx bench/speed.ts`);
 *                 also `--only scaling` and `--only startup`
 *   --dist        measure the built dist/ instead of src/ through tsx
 */
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { argValue, hasFlag, readDoc, readManifest, type CorpusEntry } from './corpus.js';
import type { Converter } from './peers/types.js';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = resolve(SCRIPT, '..', '..');

/** Targets of issue 9, next to the figures they judge. */
const TARGETS = {
  /** unboil's CPU time at most 1/3.5 of Readability + jsdom + turndown. */
  readability: 3.5,
  /** unboil's CPU time at most 1/2.4 of defuddle + linkedom. */
  defuddle: 2.4,
  /** Everything after parsing costs no more than the parse itself. */
  postParsePerParse: 1,
  peakRssMb: 300,
  p95PerMedian: 4,
  /** Seconds per MB at 64 MB within 1.5x of the figure at 1 MB. */
  scaling: 1.5,
  versionMs: 150,
  smallPageMs: 400,
} as const;

const PEERS: Record<string, { label: string; module: string }> = {
  readability: { label: 'readability+jsdom+turndown', module: './peers/readability.js' },
  defuddle: { label: 'defuddle+linkedom', module: './peers/defuddle.js' },
};

interface Doc {
  bytes: Uint8Array;
  url: string | undefined;
  path: string;
}

/**
 * The corpus's documents, each read from disk (and unzipped) when it is converted and let go
 * after: holding the whole corpus (hundreds of megabytes once unzipped) would count the benchmark's
 * own memory in the tool's peak RSS.
 */
function* eachDoc(entries: CorpusEntry[], count = entries.length): Generator<Doc> {
  const corpus = argValue('--corpus')!;
  for (const entry of entries.slice(0, count)) {
    const { bytes, path } = readDoc(corpus, entry);
    yield { bytes, url: entry.url, path };
  }
}

interface RunResult {
  tool: string;
  label: string;
  docs: number;
  bytes: number;
  failed: number;
  cpuSeconds: number;
  wallSeconds: number;
  cpuMs: number[];
  wallMs: number[];
  peakRssMb: number;
  /** RSS before the tool was imported: node, tsx and the benchmark itself. */
  baseRssMb: number;
}

interface ScalingRow {
  mb: number;
  runs: number;
  cpuSecondsPerMb: number;
  wallSecondsPerMb: number;
  peakRssMb: number;
}

const gc = exposeGc();

const child = argValue('--child') ?? argValue('--only');
if (child === 'startup') {
  measureStartup();
} else if (child === 'scaling') {
  const rows = await measureScaling();
  if (process.send) process.send(rows);
  else printScaling(rows);
} else if (child) {
  const result = await measureTool(child);
  if (process.send) process.send(result);
  else printTable([result], null);
} else {
  await main();
}

async function main(): Promise<void> {
  const corpus = argValue('--corpus');
  if (!corpus) {
    process.stderr.write('usage: npm run bench:speed -- --corpus DIR [--vs readability,defuddle] [--floor] [--scaling] [--startup]\n');
    process.exit(2);
  }
  const peers = (argValue('--vs') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const peer of peers) {
    if (!PEERS[peer]) {
      process.stderr.write(`unknown peer ${peer}; known: ${Object.keys(PEERS).join(', ')}\n`);
      process.exit(2);
    }
  }
  const before = loadavg();
  process.stdout.write(
    `corpus ${basename(resolve(corpus))}  ${cpus().length} cores, load average ${before.map((x) => x.toFixed(2)).join(' ')}  node ${process.version}  ` +
      `${hasFlag('--dist') ? 'dist/' : 'src/ via tsx'}\n`,
  );
  const tools = ['unboil', ...(hasFlag('--floor') ? ['floor'] : []), ...peers];
  const results: RunResult[] = [];
  for (const tool of tools) results.push(await inChild<RunResult>(['--child', tool]));
  const json: Record<string, unknown> = { results: results.map(summary) };
  printTable(results, json);

  if (hasFlag('--scaling')) {
    const rows = await inChild<ScalingRow[]>(['--child', 'scaling']);
    printScaling(rows);
    json.scaling = rows;
  }
  if (hasFlag('--startup')) json.startup = measureStartup();
  const after = loadavg();
  process.stdout.write(`load average at the end ${after.map((x) => x.toFixed(2)).join(' ')}\n`);
  if (hasFlag('--json')) process.stdout.write(`${JSON.stringify(json)}\n`);
}

/** Run this script in a child process for one measurement; it answers over the IPC channel. */
function inChild<T>(args: string[]): Promise<T> {
  return new Promise((ok, fail) => {
    const passOn = process.argv.slice(2).filter((a) => a !== '--child' && a !== '--only');
    const proc = fork(SCRIPT, [...passOn, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: T | undefined;
    proc.on('message', (m) => {
      answer = m as T;
    });
    proc.on('error', fail);
    proc.on('exit', (code) => (answer !== undefined ? ok(answer) : fail(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function loadUnboil(): Promise<Converter> {
  const entry = hasFlag('--dist') ? join(ROOT, 'dist', 'index.js') : join(ROOT, 'src', 'index.ts');
  const { convert } = (await import(entry)) as typeof import('../src/index.js');
  return async (bytes, url) => (await convert(bytes, { baseUrl: url || null })).markdown;
}

/** The floor of any rehype pipeline: decode the bytes and parse them with rehype-parse (parse5). */
async function loadFloor(): Promise<Converter> {
  const { unified } = await import('unified');
  const { default: rehypeParse } = await import('rehype-parse');
  const parser = unified().use(rehypeParse).freeze();
  const decoder = new TextDecoder('utf-8');
  return async (bytes) => {
    parser.parse(decoder.decode(bytes));
    return '';
  };
}

async function loadTool(tool: string): Promise<{ label: string; convert: Converter }> {
  if (tool === 'unboil') return { label: 'unboil', convert: await loadUnboil() };
  if (tool === 'floor') return { label: 'floor: rehype-parse', convert: await loadFloor() };
  const peer = PEERS[tool];
  if (!peer) throw new Error(`unknown tool ${tool}`);
  const { load } = (await import(peer.module)) as typeof import('./peers/types.js') & { load: () => Promise<Converter> };
  return { label: peer.label, convert: await load() };
}

async function measureTool(tool: string): Promise<RunResult> {
  const entries = readManifest(argValue('--corpus')!);
  const baseRssMb = process.memoryUsage().rss / 1048576;
  const { label, convert } = await loadTool(tool);
  const quiet = silenceConsole();
  // Warm-up: the JIT and the libraries' lazy state settle before anything is measured.
  const warmup = Math.min(entries.length, Number(argValue('--warmup', String(entries.length))));
  for (const doc of eachDoc(entries, warmup)) await convert(doc.bytes, doc.url).catch(() => '');
  const rounds = Math.max(1, Number(argValue('--rounds', '1')));
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  let failed = 0;
  let bytes = 0;
  gc?.();
  for (let r = 0; r < rounds; r++) {
    for (const doc of eachDoc(entries)) {
      const c = process.cpuUsage();
      const w = process.hrtime.bigint();
      try {
        await convert(doc.bytes, doc.url);
      } catch (error) {
        failed++;
        if (r === 0) quiet.error(`  ${tool} failed on ${doc.path}: ${(error as Error).message}`);
      }
      const dc = process.cpuUsage(c);
      wallMs.push(Number(process.hrtime.bigint() - w) / 1e6);
      cpuMs.push((dc.user + dc.system) / 1e3);
      bytes += doc.bytes.length;
    }
  }
  quiet.restore();
  // The conversions' own time: reading and unzipping the documents is left out.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    tool,
    label,
    docs: entries.length * rounds,
    bytes,
    failed,
    cpuSeconds: sum(cpuMs) / 1e3,
    wallSeconds: sum(wallMs) / 1e3,
    cpuMs,
    wallMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
  };
}

function summary(r: RunResult) {
  const mb = r.bytes / 1e6;
  return {
    tool: r.tool,
    label: r.label,
    docs: r.docs,
    mb: round(mb, 2),
    failed: r.failed,
    cpuSeconds: round(r.cpuSeconds, 3),
    wallSeconds: round(r.wallSeconds, 3),
    docsPerSecond: round(r.docs / r.wallSeconds, 1),
    mbPerSecond: round(mb / r.wallSeconds, 2),
    mbPerCpuSecond: round(mb / r.cpuSeconds, 2),
    cpuMedianMs: round(quantile(r.cpuMs, 0.5), 1),
    cpuP95Ms: round(quantile(r.cpuMs, 0.95), 1),
    wallMedianMs: round(quantile(r.wallMs, 0.5), 1),
    wallP95Ms: round(quantile(r.wallMs, 0.95), 1),
    peakRssMb: round(r.peakRssMb, 0),
  };
}

function printTable(results: RunResult[], json: Record<string, unknown> | null): void {
  const rows = results.map(summary);
  const head = ['tool', 'docs', 'MB', 'docs/s', 'MB/s', 'MB/CPU-s', 'CPU s', 'wall s', 'CPU ms med/p95', 'wall ms med/p95', 'peak RSS MB', 'failed'];
  const body = rows.map((s) => [
    s.label,
    String(s.docs),
    s.mb.toFixed(2),
    s.docsPerSecond.toFixed(1),
    s.mbPerSecond.toFixed(2),
    s.mbPerCpuSecond.toFixed(2),
    s.cpuSeconds.toFixed(2),
    s.wallSeconds.toFixed(2),
    `${s.cpuMedianMs.toFixed(1)} / ${s.cpuP95Ms.toFixed(1)}`,
    `${s.wallMedianMs.toFixed(1)} / ${s.wallP95Ms.toFixed(1)}`,
    s.peakRssMb.toFixed(0),
    String(s.failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`${line(head)}\n${body.map(line).join('\n')}\n`);

  const unboil = results.find((r) => r.tool === 'unboil');
  if (!unboil) return;
  const s = summary(unboil);
  const checks: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const p95 = s.cpuP95Ms / s.cpuMedianMs;
  checks.push(`unboil p95/median CPU ${p95.toFixed(2)}x (target < ${TARGETS.p95PerMedian}x) ${verdict(p95 < TARGETS.p95PerMedian)}`);
  checks.push(
    `unboil peak RSS ${s.peakRssMb} MB (target < ${TARGETS.peakRssMb}) ${verdict(s.peakRssMb < TARGETS.peakRssMb)}; ` +
      `${Math.round(unboil.baseRssMb)} MB of it before unboil was imported (node, tsx and the benchmark; documents are read from disk one at a time)`,
  );
  const ratios: Record<string, number> = {};
  for (const r of results) {
    if (r.tool === 'unboil' || r.tool === 'floor') continue;
    const ratio = r.cpuSeconds / unboil.cpuSeconds;
    ratios[r.tool] = round(ratio, 2);
    const target = TARGETS[r.tool as keyof typeof TARGETS] as number | undefined;
    checks.push(`CPU time ${r.label} / unboil = ${ratio.toFixed(2)}x` + (target ? ` (target >= ${target}x) ${verdict(ratio >= target)}` : ''));
  }
  const floor = results.find((r) => r.tool === 'floor');
  if (floor) {
    const post = (unboil.cpuSeconds - floor.cpuSeconds) / floor.cpuSeconds;
    ratios.floorShare = round(floor.cpuSeconds / unboil.cpuSeconds, 3);
    ratios.postParsePerParse = round(post, 2);
    checks.push(
      `floor: parsing is ${((100 * floor.cpuSeconds) / unboil.cpuSeconds).toFixed(0)}% of unboil's CPU time; ` +
        `post-parse work = ${post.toFixed(2)}x the parse (target <= ${TARGETS.postParsePerParse}x) ${verdict(post <= TARGETS.postParsePerParse)}`,
    );
  }
  for (const c of checks) process.stdout.write(`  ${c}\n`);
  if (json) json.ratios = ratios;
}

/** The article page whose body is replicated: --scaling-doc, else the corpus's median-size page. */
function scalingPage(): { html: string; name: string } {
  const given = argValue('--scaling-doc');
  if (given) return { html: readFileSync(given, 'utf8'), name: given };
  const corpus = argValue('--corpus');
  if (!corpus) {
    const fixture = join(ROOT, 'fixtures', 'news-article', 'input.html');
    return { html: readFileSync(fixture, 'utf8'), name: fixture };
  }
  const docs = readManifest(corpus).map((e) => ({ ...readDoc(corpus, e), name: join(corpus, e.doc) }));
  docs.sort((a, b) => a.bytes.length - b.bytes.length);
  const median = docs[Math.floor(docs.length / 2)]!;
  return { html: median.bytes.toString('utf8'), name: median.name };
}

/** The page with its body repeated until the page is `mb` MB (UTF-8 bytes). */
function replicate(html: string, mb: number): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf('</body>');
  const start = open ? open.index + open[0].length : 0;
  const end = close > start ? close : html.length;
  const head = html.slice(0, start);
  const body = html.slice(start, end);
  const tail = html.slice(end);
  const target = mb * 1e6 - Buffer.byteLength(head) - Buffer.byteLength(tail);
  const copies = Math.max(1, Math.round(target / Buffer.byteLength(body)));
  return head + body.repeat(copies) + tail;
}

async function measureScaling(): Promise<ScalingRow[]> {
  const { html, name } = scalingPage();
  const sizes = (argValue('--sizes') ?? '1,4,16,64').split(',').map(Number);
  const convert = await loadUnboil();
  const quiet = silenceConsole();
  const encoder = new TextEncoder();
  quiet.log(`scaling: body of ${name} (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB) replicated`);
  for (let i = 0; i < 5; i++) await convert(encoder.encode(html), undefined);
  const rows: ScalingRow[] = [];
  for (const mb of sizes) {
    const bytes = encoder.encode(replicate(html, mb));
    const actual = bytes.length / 1e6;
    // Small sizes are cheap and noisy: repeat them and keep the median.
    const runs = Math.max(1, Math.round(4 / mb));
    const cpu: number[] = [];
    const wall: number[] = [];
    await convert(bytes, undefined); // this size's warm-up (new code paths, heap growth)
    for (let r = 0; r < runs; r++) {
      gc?.();
      const c = process.cpuUsage();
      const w = process.hrtime.bigint();
      await convert(bytes, undefined);
      const dc = process.cpuUsage(c);
      cpu.push((dc.user + dc.system) / 1e6 / actual);
      wall.push(Number(process.hrtime.bigint() - w) / 1e9 / actual);
    }
    rows.push({ mb, runs, cpuSecondsPerMb: quantile(cpu, 0.5), wallSecondsPerMb: quantile(wall, 0.5), peakRssMb: process.resourceUsage().maxRSS / 1024 });
  }
  quiet.restore();
  return rows;
}

function printScaling(rows: ScalingRow[]): void {
  process.stdout.write(
    `size scaling (CPU s/MB): ${rows.map((r) => `${r.mb} MB ${r.cpuSecondsPerMb.toFixed(3)}`).join('  ')}` +
      `  (wall s/MB: ${rows.map((r) => r.wallSecondsPerMb.toFixed(3)).join(' ')}; peak RSS ${Math.round(rows[rows.length - 1]!.peakRssMb)} MB)\n`,
  );
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const ratio = last.cpuSecondsPerMb / first.cpuSecondsPerMb;
  process.stdout.write(
    `  ${last.mb} MB / ${first.mb} MB seconds per MB = ${ratio.toFixed(2)}x (target <= ${TARGETS.scaling}x) ${ratio <= TARGETS.scaling ? 'ok' : 'MISSED'}\n`,
  );
}

/** Wall time of the built CLI as a user meets it: a fresh node process each time. */
function measureStartup(): Record<string, number> {
  const bin = join(ROOT, 'bin', 'unboil.cjs');
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'unboil.cjs'))) {
    process.stdout.write('start-up: dist/ is not built; run `npm run build` first\n');
    return {};
  }
  const page = argValue('--startup-page') ?? join(ROOT, 'fixtures', 'news-article', 'input.html');
  // The child's own CPU time (the whole process, start-up included), written at exit by a tiny
  // preloaded module: on a loaded machine wall time says more about the neighbours than about us.
  const dir = mkdtempSync(join(tmpdir(), 'unboil-startup-'));
  const report = join(dir, 'cpu.txt');
  const preload = join(dir, 'cpu.mjs');
  writeFileSync(
    preload,
    `import { appendFileSync } from 'node:fs';\n` +
      `process.on('exit', () => { const u = process.cpuUsage(); appendFileSync(${JSON.stringify(report)}, (u.user + u.system) / 1000 + '\\n'); });\n`,
  );
  const time = (args: string[], n: number): { wall: number[]; cpu: number[] } => {
    const wall: number[] = [];
    writeFileSync(report, '');
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
    const cpu = readFileSync(report, 'utf8').split('\n').filter(Boolean).map(Number);
    return { wall, cpu };
  };
  const node = time(['-e', ''], 10);
  const version = time([bin, '--version'], 15);
  const small = time([bin, page], 10);
  rmSync(dir, { recursive: true, force: true });
  const fmt = (m: { wall: number[]; cpu: number[] }) =>
    `wall median ${quantile(m.wall, 0.5).toFixed(0)} ms, min ${Math.min(...m.wall).toFixed(0)} ms; CPU median ${quantile(m.cpu, 0.5).toFixed(0)} ms`;
  const verdict = (m: { wall: number[] }, target: number) => (quantile(m.wall, 0.5) < target ? 'ok' : Math.min(...m.wall) < target ? 'ok at best (min), machine loaded' : 'MISSED');
  process.stdout.write(
    `start-up (fresh process each run): node -e '' ${fmt(node)}\n` +
      `  unboil --version ${fmt(version)} (target < ${TARGETS.versionMs} ms wall) ${verdict(version, TARGETS.versionMs)}\n` +
      `  unboil ${basename(page)} (${readFileSync(page).length} bytes) ${fmt(small)} (target < ${TARGETS.smallPageMs} ms wall) ${verdict(small, TARGETS.smallPageMs)}\n`,
  );
  return {
    nodeMs: quantile(node.wall, 0.5),
    versionMs: quantile(version.wall, 0.5),
    smallPageMs: quantile(small.wall, 0.5),
    nodeCpuMs: quantile(node.cpu, 0.5),
    versionCpuMs: quantile(version.cpu, 0.5),
    smallPageCpuMs: quantile(small.cpu, 0.5),
  };
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A forced GC before each measured pass, so garbage from the warm-up is not billed to it. */
function exposeGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Peers log freely (defuddle warns on odd pages): keep the benchmark's output readable. */
function silenceConsole(): { log: (s: string) => void; error: (s: string) => void; restore: () => void } {
  const { log, warn, error, info, debug } = console;
  const noop = () => {};
  console.log = console.warn = console.error = console.info = console.debug = noop;
  return {
    log: (s) => process.stdout.write(`${s}\n`),
    error: (s) => process.stderr.write(`${s}\n`),
    restore: () => Object.assign(console, { log, warn, error, info, debug }),
  };
}
