import { closeSync, mkdirSync, openSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { extensionOf, type Input } from './discover.js';

/** Where one input's outputs go under --out-dir. */
export interface OutputPlan {
  /** The mirrored path without extension, POSIX (`a/b/page`): the key of the resume journal. */
  key: string;
  md: string;
  json: string;
}

/** The outputs of an input: `DIR/a/b/page.html` -> `DIR/a/b/page.md` + `DIR/a/b/page.json`. */
export function planOutputs(outDir: string, input: Input): OutputPlan {
  const key = outputKey(input.rel);
  const base = resolve(outDir, key);
  const root = resolve(outDir);
  // Names come from directory entries and never hold `/` or `..`; checked anyway, as a last guard.
  if (!base.startsWith(root + sep)) throw new Error(`output for ${input.path} would fall outside ${outDir}`);
  const shown = join(outDir, key);
  return { key, md: `${shown}.md`, json: `${shown}.json` };
}

/** The output key of a mirrored path: the path without its extension. */
export function outputKey(rel: string): string {
  const ext = extensionOf(rel);
  return ext ? rel.slice(0, -ext.length) : rel;
}

/**
 * Problems that must stop a batch before any work: two inputs mapping to the same output, an
 * output that would overwrite an input, an input inside the output directory. Returns messages.
 */
export function conflicts(outDir: string, inputs: Input[]): string[] {
  const problems: string[] = [];
  const root = resolve(outDir) + sep;
  const inputPaths = new Set(inputs.map((i) => resolve(i.path)));
  const owners = new Map<string, string>();
  for (const input of inputs) {
    if (resolve(input.path).startsWith(root)) {
      problems.push(`${input.path} is inside --out-dir ${outDir}: its outputs would be read back as inputs; choose a separate output directory`);
      continue;
    }
    const plan = planOutputs(outDir, input);
    for (const out of [plan.md, plan.json]) {
      if (inputPaths.has(resolve(out))) problems.push(`${input.path} would be written over the input ${out}`);
    }
    const other = owners.get(plan.key);
    if (other) problems.push(`${other} and ${input.path} would both be written to ${join(outDir, plan.key)}.md/.json`);
    else owners.set(plan.key, input.path);
  }
  return problems;
}

/** The temporary name an output is written under before its rename (fixed, so a rerun replaces it). */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.unboil-tmp`);
}

/**
 * Worker side: writes a document's Markdown and JSON to their temporary names beside the outputs
 * (commitOutputs, on the main thread, then puts them in place). Refuses to write through a
 * symbolic link that leads out of the output directory.
 *
 * Synchronous: the pool's workers write the outputs of the page they converted, where nothing
 * else waits, and direct calls cost less than handing each to libuv's thread pool and waking the
 * main thread for each result (main thread + thread pool: ~3.5 -> ~0.8 ms of CPU a page at -j2,
 * measured with perf on 2,000 corpus pages, when the main thread read and wrote the documents).
 */
export class OutputWriter {
  private readonly checkedDirs = new Set<string>();
  private root: string | null = null;

  constructor(private readonly outDir: string) {}

  stage(plan: OutputPlan, markdown: string, json: string): void {
    this.prepareDir(dirname(plan.md));
    try {
      writeTemporary(plan.md, markdown);
      writeTemporary(plan.json, json);
    } catch (error) {
      this.removeLeftovers(plan);
      throw error;
    }
  }

  /** Remove temporaries a killed run may have left for these outputs. */
  removeLeftovers(plan: OutputPlan): void {
    for (const tmp of temporaries(plan)) rmSync(tmp, { force: true });
  }

  private prepareDir(dir: string): void {
    if (this.checkedDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.root ??= realpathSync(this.outDir);
    const real = realpathSync(dir);
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      throw Object.assign(new Error(`${dir} leads outside the output directory (symbolic link); not written`), { code: 'EOUTSIDE' });
    }
    this.checkedDirs.add(dir);
  }
}

function writeTemporary(path: string, content: string): void {
  const fd = openNew(temporaryName(path));
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/**
 * Main side: flushes a document's staged outputs to disk (`sync`; not with --no-fsync) and renames
 * them into place, the Markdown first and the JSON last (it is what marks an output complete), so
 * a killed run or a reboot never leaves a partial output. On failure the temporaries are removed.
 *
 * Here rather than in the worker: waiting for the disk there left its core idle. On 2,000 corpus
 * pages at -j2, a run took 30.5 s with the workers' fdatasync calls and 26.8 s without; here they
 * wait on libuv's thread pool while the worker converts its next page.
 */
export async function commitOutputs(plan: OutputPlan, sync: boolean): Promise<void> {
  const paths = [plan.md, plan.json];
  try {
    if (sync) await Promise.all(paths.map((path) => flush(temporaryName(path))));
    for (const path of paths) await rename(temporaryName(path), path);
  } catch (error) {
    await removeTemporaries(plan);
    throw error;
  }
}

async function flush(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}

/** Remove the temporaries of these outputs (a worker stopped mid-write, a failed commit). */
export async function removeTemporaries(plan: OutputPlan): Promise<void> {
  for (const tmp of temporaries(plan)) await rm(tmp, { force: true }).catch(() => undefined);
}

function temporaries(plan: OutputPlan): string[] {
  return [temporaryName(plan.md), temporaryName(plan.json)];
}

/**
 * Create a temporary file. `wx`: never follow a link planted at its name; one a killed run left
 * behind is removed first (only then: an unlink before every file would cost a call each).
 */
function openNew(tmp: string): number {
  try {
    return openSync(tmp, 'wx', 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(tmp, { force: true });
    return openSync(tmp, 'wx', 0o666);
  }
}

/**
 * A gate between a worker about to write a document's outputs and a main thread that wants to
 * stop the batch (Ctrl-C, a full disk): one Int32 in shared memory, flipped once by whichever
 * comes first. A worker that got in finishes its writes and reports them (so they are recorded
 * in the resume journal); one that did not writes nothing and can be terminated at once.
 */
const CONVERTING = 0;
const WRITING = 1;
const STOPPED = 2;

export function newGate(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Worker side: true if it may write (the batch is not stopping). */
export function enterWrite(gate: Int32Array): boolean {
  return Atomics.compareExchange(gate, 0, CONVERTING, WRITING) === CONVERTING;
}

/** Main side: close the gate; true if the worker is already writing (wait for its result). */
export function closeGate(gate: Int32Array): boolean {
  return Atomics.compareExchange(gate, 0, CONVERTING, STOPPED) === WRITING;
}
