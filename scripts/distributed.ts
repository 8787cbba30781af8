/**
 * `npm run bench:distributed [-- --corpus DIR] [--shards N] [--no-build] [--no-slurm]`
 *
 * Proves that --shard K/N splits the records of one WARC so that shards run by a job scheduler
 * add up to one run: the same WARC is converted once unsharded, then as N shards (a) under GNU
 * parallel and (b) as a Slurm array job, and the script checks that the union of the shards'
 * output trees is byte-identical to the unsharded tree and that their reports add up (every
 * record on exactly one shard's report, with the same status, outputs and reason).
 *
 * The WARC holds the pages of --corpus (a corpus folder with manifest.jsonl: each page under its
 * own URL; default ../shared/corpus/scrapinghub-dev when present, else the repository's
 * fixtures/), plus a few records a crawl also has (an image, a redirect) that every run skips.
 *
 * Slurm: when no controller answers (`scontrol ping`), a single-node cluster is set up on this
 * machine from Debian's packages: `apt-get install slurm-wlm munge` when they are missing, a munge
 * key, /etc/slurm/slurm.conf for this host, then munged, slurmctld and slurmd are started. It needs
 * root (as on the project's machines); docs/batch.md gives the same job script for a real cluster.
 * Exit 0 when both unions match, 1 otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWarc, type ArchivedPage } from '../bench/warc-writer.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'bin', 'unboil.cjs');
const DEFAULT_CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'scrapinghub-dev');
/** How long the single-node cluster may take to come up (s). */
const SLURM_START_SECONDS = 60;

interface Args {
  corpus: string | null;
  shards: number;
  build: boolean;
  slurm: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: existsSync(join(DEFAULT_CORPUS, 'manifest.jsonl')) ? DEFAULT_CORPUS : null, shards: 4, build: true, slurm: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--corpus') args.corpus = argv[++i] ?? null;
    else if (flag === '--shards') args.shards = Number(argv[++i]);
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--no-slurm') args.slurm = false;
    else throw new Error(`unknown argument: ${flag}`);
  }
  if (!Number.isInteger(args.shards) || args.shards < 1) throw new Error('--shards must be a whole number, 1 or more');
  return args;
}

/** The pages to archive: a corpus's, each at its own URL, or the fixtures' at made-up URLs. */
function* pages(corpus: string | null): Generator<ArchivedPage> {
  if (corpus) {
    for (const line of readFileSync(join(corpus, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as { id: string; doc: string; url?: string };
      yield { url: entry.url || `https://corpus.invalid/${entry.id}`, bytes: readFileSync(join(corpus, entry.doc)), contentType: entry.doc.endsWith('.pdf') ? 'application/pdf' : 'text/html' };
    }
  } else {
    const fixtures = join(ROOT, 'fixtures');
    for (const name of readdirSync(fixtures).sort()) {
      const html = join(fixtures, name, 'input.html');
      if (existsSync(html)) yield { url: `https://fixtures.example/${name}/`, bytes: readFileSync(html) };
    }
  }
  // Records every crawl has and every run skips: they must be reported once too.
  yield { url: 'https://fixtures.example/logo.png', bytes: Buffer.from('\x89PNG\r\n'), contentType: 'image/png' };
  yield { url: 'https://fixtures.example/feed.json', bytes: Buffer.from('{"items":[]}'), contentType: 'application/json' };
}

function run(command: string, args: string[], options: { cwd?: string; allowFail?: boolean } = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const code = result.status ?? 1;
  if (code !== 0 && !options.allowFail) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${result.stderr}`);
  return { code, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The unboil command line of shard `shard` (K/N) into `out`, its report `report`. */
function unboilArgs(warc: string, out: string, report: string, shard: string | null): string[] {
  return [CLI, warc, '-o', out, '--report', report, '-j', '1', '--quiet', ...(shard ? ['--shard', shard] : [])];
}

/** Every file of a tree (the resume journal aside), with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string, rel: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (rel === '' && entry.name === '.unboil') continue;
      const path = join(at, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, name);
      else files.set(name, readFileSync(path));
    }
  };
  walk(dir, '');
  return files;
}

/** A report line as shards must reproduce it: which record, what became of it, its outputs under the tree. */
function reportKeys(files: string[], outDir: string): string[] {
  const keys: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as { path: string; status: string; outputs: string[]; sha256: string | null; reason?: string; warc?: { member: string | null; offset: number } };
      const outputs = entry.outputs.map((o) => o.slice(outDir.length));
      keys.push(JSON.stringify([entry.path, entry.warc?.member ?? null, entry.warc?.offset ?? null, entry.status, outputs, entry.sha256, entry.reason ?? null]));
    }
  }
  return keys.sort();
}

/** Whether the shards' union equals the unsharded run; prints what differs. */
function compare(label: string, reference: string, referenceReport: string, union: string, reports: string[]): boolean {
  const want = tree(reference);
  const got = tree(union);
  const problems: string[] = [];
  for (const [name, bytes] of want) {
    const other = got.get(name);
    if (!other) problems.push(`missing: ${name}`);
    else if (!other.equals(bytes)) problems.push(`differs: ${name}`);
  }
  for (const name of got.keys()) if (!want.has(name)) problems.push(`extra: ${name}`);
  const wantLines = reportKeys([referenceReport], reference);
  const gotLines = reportKeys(reports, union);
  const sameReports = JSON.stringify(wantLines) === JSON.stringify(gotLines);
  const perShard = reports.map((r) => readFileSync(r, 'utf8').split('\n').filter(Boolean).length);
  console.log(
    `${label}: ${reports.length} shards wrote ${got.size} files (unsharded: ${want.size}), ${problems.length === 0 ? 'byte-identical' : `${problems.length} differences`}; ` +
      `report lines ${perShard.join(' + ')} = ${perShard.reduce((a, b) => a + b, 0)} (unsharded: ${wantLines.length}), ${sameReports ? 'the same records, statuses and outputs' : 'NOT the same lines'}`,
  );
  for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
  return problems.length === 0 && sameReports && perShard.every((n) => n > 0);
}

/** The first line of a slurm.conf this script writes. */
const CONF_MARK = '# Written by unboil scripts/distributed.ts: a single-node cluster for the shard check.';

/** A node of the default partition takes jobs. */
function slurmReady(): boolean {
  const state = spawnSync('sinfo', ['-h', '-o', '%t'], { encoding: 'utf8' });
  return state.status === 0 && /^(idle|mix|alloc)$/m.test(state.stdout ?? '');
}

/** Set up a single-node Slurm on this machine unless a controller already answers. */
function ensureSlurm(): void {
  if (slurmReady()) return;
  if (!existsSync('/usr/sbin/slurmctld') || !existsSync('/usr/sbin/munged')) {
    console.log('installing slurm-wlm and munge (apt-get)');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'slurm-wlm', 'munge']);
  }
  if (!existsSync('/etc/munge/munge.key')) run('mungekey', ['--create']);
  run('chown', ['munge:munge', '/etc/munge/munge.key']);
  run('chmod', ['0400', '/etc/munge/munge.key']);
  for (const dir of ['/run/munge', '/var/spool/slurmctld', '/var/spool/slurmd', '/var/log/slurm']) mkdirSync(dir, { recursive: true });
  run('chown', ['munge:munge', '/run/munge']);
  if (spawnSync('munge', ['-n']).status !== 0) run('runuser', ['-u', 'munge', '--', '/usr/sbin/munged']);
  const host = hostname().split('.')[0]!;
  const memoryMb = Math.floor((totalmem() / 1024 / 1024) * 0.9);
  // A configuration of another cluster is never replaced; one this script wrote is written again.
  const conf = '/etc/slurm/slurm.conf';
  const ours = !existsSync(conf) || readFileSync(conf, 'utf8').startsWith(CONF_MARK);
  if (ours) writeFileSync(
    conf,
    [
      CONF_MARK,
      'ClusterName=unboil',
      `SlurmctldHost=${host}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      'StateSaveLocation=/var/spool/slurmctld',
      'SlurmdSpoolDir=/var/spool/slurmd',
      'SlurmctldPidFile=/run/slurmctld.pid',
      'SlurmdPidFile=/run/slurmd.pid',
      'SlurmctldLogFile=/var/log/slurm/slurmctld.log',
      'SlurmdLogFile=/var/log/slurm/slurmd.log',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'SchedulerType=sched/backfill',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'ReturnToService=2',
      `NodeName=${host} CPUs=${availableParallelism()} RealMemory=${memoryMb} State=UNKNOWN`,
      'PartitionName=unboil Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  if (!/UP/.test(run('scontrol', ['ping'], { allowFail: true }).stdout)) run('slurmctld', []);
  if (spawnSync('pgrep', ['-x', 'slurmd']).status !== 0) run('slurmd', []);
  const deadline = Date.now() + SLURM_START_SECONDS * 1000;
  while (Date.now() < deadline) {
    if (slurmReady()) return;
    const state = run('sinfo', ['-h', '-o', '%t'], { allowFail: true }).stdout.trim();
    if (/drain|down/.test(state)) run('scontrol', ['update', `NodeName=${host}`, 'State=RESUME'], { allowFail: true });
    execFileSync('sleep', ['1']);
  }
  throw new Error(`Slurm did not come up in ${SLURM_START_SECONDS} s; see /var/log/slurm/`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) run('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  // Under /tmp: Slurm's jobs run on this same node, so they see it.
  const work = mkdtempSync(join(tmpdir(), 'unboil-distributed-'));
  const warc = join(work, 'crawl.warc.gz');
  const records = await writeWarc(warc, pages(args.corpus));
  console.log(`WARC: ${records} records from ${args.corpus ?? 'fixtures/'} (${warc})`);
  const reference = join(work, 'unsharded');
  run(process.execPath, unboilArgs(warc, reference, `${reference}.jsonl`, null));
  const shards = Array.from({ length: args.shards }, (_, i) => i + 1);
  let ok = true;

  // (a) GNU parallel: N shards at once, each its own process.
  const parallelOut = join(work, 'parallel');
  const command = [process.execPath, ...unboilArgs(warc, parallelOut, `${parallelOut}-{}.jsonl`, `{}/${args.shards}`)].join(' ');
  run('parallel', ['--halt', 'now,fail=1', '-j', String(args.shards), command, ':::', ...shards.map(String)]);
  ok = compare('GNU parallel', reference, `${reference}.jsonl`, parallelOut, shards.map((k) => `${parallelOut}-${k}.jsonl`)) && ok;

  // (b) A Slurm array job: task K converts shard K/N.
  if (args.slurm) {
    ensureSlurm();
    const slurmOut = join(work, 'slurm');
    const script = join(work, 'shard.sbatch');
    writeFileSync(
      script,
      [
        '#!/bin/bash',
        `#SBATCH --job-name=unboil-shards`,
        `#SBATCH --array=1-${args.shards}`,
        `#SBATCH --output=${join(work, 'slurm-%a.log')}`,
        '#SBATCH --cpus-per-task=1',
        `exec ${[process.execPath, ...unboilArgs(warc, slurmOut, `${slurmOut}-\${SLURM_ARRAY_TASK_ID}.jsonl`, `\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}`)].join(' ')}`,
        '',
      ].join('\n'),
    );
    run('sbatch', ['--wait', script]);
    ok = compare('Slurm array', reference, `${reference}.jsonl`, slurmOut, shards.map((k) => `${slurmOut}-${k}.jsonl`)) && ok;
  }
  rmSync(work, { recursive: true, force: true });
  console.log(ok ? 'the shards add up to one run' : 'FAILED: the shards do not add up to one run');
  return ok ? 0 : 1;
}

process.exitCode = await main();
