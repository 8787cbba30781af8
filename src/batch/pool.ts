import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { InputFacts, WorkerResult, WorkerTask } from './worker.js';

export interface PoolOptions {
  /** Worker threads (documents converted at once). */
  jobs: number;
  /** A document still running after this many ms has its worker terminated and replaced. */
  timeoutMs: number;
  /** Replace a worker after it has converted this many documents (0: never). */
  maxPerWorker: number;
  /** Heap limit of each worker (MB): a document that exhausts it is reported, the pool goes on. */
  maxMemoryMb: number;
  /** Another worker module (tests use one that hangs or exhausts memory on purpose). */
  worker?: { filename: string; execArgv: string[] | undefined };
}

/**
 * Young generation of each worker (MB; V8 gives a worker 48 by default). A page's DOM tree and
 * the strings made from it live for one document, tens of MB: with a small young generation,
 * scavenges copy much of the document still being converted, and copy it again before promoting
 * it. Measured with --trace-gc on 500 pages of the shared corpus (-j1): 48 MB, 277 scavenges
 * taking 0.85 s; 64 MB, 147 taking 0.50 s. 128 MB saved no more CPU over 2,000 pages (23.8 vs
 * 23.1 ms a page) but its larger heaps made peak RSS grow with the batch (-j1: 274 MB at 500
 * pages, 339 MB at 2,000; with 64: 220 and 238).
 */
export const YOUNG_GENERATION_MB = 64;

/** The young generation for a worker heap limit: YOUNG_GENERATION_MB, less for a small --max-memory. */
export function youngGenerationMb(maxMemoryMb: number): number {
  return Math.max(8, Math.min(YOUNG_GENERATION_MB, Math.floor(maxMemoryMb / 4)));
}

/**
 * --timeout is the time allowed an input of up to this many bytes; a larger input is allowed it once
 * for each such share of its size (a 32 MB page eight times --timeout). Conversion time grows with
 * the size (docs/hostile.md, "Huge pages"): the slowest shape, a <div> of short paragraphs, converts
 * at about 0.4 MB per CPU-second, and on the shared two-core machine under load its 32 MB page took
 * 87 CPU-s and 229 s through the command line, where the default --timeout is 60 s: about 9 MB a
 * minute, so 4 MB a --timeout leaves twice that. A page is not stopped for being large; one that
 * hangs is still stopped, later in proportion to its size.
 */
export const TIMEOUT_BYTES = 4 * 1024 * 1024;

/** The time (ms) allowed an input of `bytes` bytes under `--timeout` of `timeoutMs`. */
export function timeLimitMs(timeoutMs: number, bytes: number): number {
  return timeoutMs * Math.max(1, bytes / TIMEOUT_BYTES);
}

/** The size of a task's input, or 0 when it cannot be told (a file gone: it is not given more time). */
async function inputBytes(input: WorkerTask['input']): Promise<number> {
  if ('bytes' in input) return input.bytes.length;
  if ('record' in input) return input.record.payload.length ?? 0;
  try {
    return (await stat(input.file)).size;
  } catch {
    return 0;
  }
}

/** A task stopped for running past its time limit (ms). */
class TimedOut extends Error {
  constructor(readonly limitMs: number) {
    super('timed out');
  }
}

/** Runs of one task that died with a recycled worker before it is reported as a crash. */
const MAX_ATTEMPTS = 3;

/** A worker's result, or a failure of the pool itself (timeout, crash, interrupted): nothing was read then. */
export type PoolOutcome = WorkerResult | ({ ok: false; code: string; message: string } & InputFacts);

/**
 * Where the worker's code is. Built (dist/batch/pool.js): dist/batch/worker.js beside it. From
 * source (tests, tsx): src/batch/worker-from-source.mjs, which loads worker.ts through tsx. Resolved from this
 * module's own URL, so it works whatever the current directory.
 */
export function workerLocation(): { filename: string; execArgv: string[] | undefined } {
  const here = import.meta.url;
  const js = new URL('./worker.js', here);
  if (existsSync(fileURLToPath(js))) return { filename: js.href, execArgv: undefined };
  // worker-from-source.mjs registers tsx in the thread itself (see there why).
  return { filename: new URL('./worker-from-source.mjs', here).href, execArgv: [] };
}

/**
 * A piscina worker-thread pool that converts documents. At most `jobs` tasks are handed to piscina
 * at a time, so a finished worker is idle until the next is given: that is when it can be
 * recycled (terminated; piscina starts a replacement) without losing a task.
 */
export class ConvertPool {
  private piscina: Piscina<WorkerTask, WorkerResult> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private destroyed = false;
  /** Workers recycled so far (a task that died with one is retried). */
  private recycles = 0;
  private recycling: Promise<void> | null = null;

  constructor(private readonly options: PoolOptions) {}

  /** Started on the first document, so a batch with no input starts no thread. */
  private get pool(): Piscina<WorkerTask, WorkerResult> {
    if (this.piscina) return this.piscina;
    const { filename, execArgv } = this.options.worker ?? workerLocation();
    this.piscina = new Piscina({
      filename,
      execArgv,
      minThreads: this.options.jobs,
      maxThreads: this.options.jobs,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb, maxYoungGenerationSizeMb: youngGenerationMb(this.options.maxMemoryMb) },
    });
    // Errors of idle workers (none expected) must not crash the batch.
    this.piscina.on('error', () => undefined);
    return this.piscina;
  }

  async run(task: WorkerTask): Promise<PoolOutcome> {
    await this.slot();
    try {
      for (let attempt = 1; ; attempt++) {
        // No task is handed over while a worker is being stopped: piscina could pick that one.
        while (this.recycling) await this.recycling;
        if (this.destroyed) return { ok: false, code: 'INTERRUPTED', message: 'interrupted', sha256: null, bytes: null };
        try {
          const result = await this.runWithTimeout(task);
          if (this.options.maxPerWorker > 0 && result.tasks >= this.options.maxPerWorker) await this.recycle(result.threadId);
          return result;
        } catch (error) {
          // piscina may hand a task to an idle worker that is being recycled, or has just been
          // (its exit not yet seen by piscina when the task is handed over): the task dies with
          // it, through no fault of the document. Such a task is run again, at most MAX_ATTEMPTS
          // times in all, so a document that really kills its worker is still reported.
          const exited = /worker exited/.test((error as Error)?.message ?? '');
          if (exited && attempt < MAX_ATTEMPTS && this.recycles > 0) continue;
          return this.failure(error);
        }
      }
    } finally {
      this.release();
    }
  }

  /**
   * One run, aborted after its time limit (timeLimitMs). A timer of our own, cleared when the task
   * ends: AbortSignal.timeout's timer would live on for the whole timeout after each document (at
   * ~70 documents a second and 60 s, over 4,000 timers and signals at any time). The input's size
   * is looked up only when --timeout has passed (a file's by `stat`), so no other document pays for it.
   */
  private async runWithTimeout(task: WorkerTask): Promise<WorkerResult> {
    const timeout = new AbortController();
    const started = performance.now();
    let limitMs = this.options.timeoutMs;
    let done = false;
    const expire = async (): Promise<void> => {
      limitMs = timeLimitMs(this.options.timeoutMs, await inputBytes(task.input));
      if (done) return;
      const left = limitMs - (performance.now() - started);
      if (left > 0) timer = setTimeout(() => void expire(), left);
      else timeout.abort();
    };
    let timer = setTimeout(() => void expire(), this.options.timeoutMs);
    try {
      return await this.pool.run(task, { signal: timeout.signal });
    } catch (error) {
      throw timeout.signal.aborted ? new TimedOut(limitMs) : error;
    } finally {
      done = true;
      clearTimeout(timer);
    }
  }

  /** Stop every worker now; tasks still running are abandoned (nothing of theirs is written). */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.piscina?.destroy();
  }

  private failure(error: unknown): PoolOutcome {
    const err = error as Error & { code?: string };
    const facts: InputFacts = { sha256: null, bytes: null };
    if (this.destroyed) return { ok: false, code: 'INTERRUPTED', message: 'interrupted', ...facts };
    if (error instanceof TimedOut) {
      const timeout = this.options.timeoutMs / 1000;
      const after = error.limitMs > this.options.timeoutMs ? `${+(error.limitMs / 1000).toFixed(1)} s (--timeout ${timeout} s for each ${TIMEOUT_BYTES / 1024 / 1024} MB of input)` : `--timeout ${timeout} s`;
      return { ok: false, code: 'TIMEOUT', message: `still running after ${after}; its worker was stopped`, ...facts };
    }
    if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { ok: false, code: 'WORKER_CRASHED', message: `ran out of memory (--max-memory ${this.options.maxMemoryMb} MB); its worker was replaced`, ...facts };
    }
    return { ok: false, code: 'WORKER_CRASHED', message: `the worker crashed: ${err?.message ?? String(error)}`, ...facts };
  }

  private async recycle(threadId: number): Promise<void> {
    const worker = this.pool.threads.find((t) => t.threadId === threadId);
    if (!worker) return;
    this.recycles++;
    const stopping = worker.terminate().then(() => undefined);
    this.recycling = stopping;
    await stopping;
    if (this.recycling === stopping) this.recycling = null;
  }

  private async slot(): Promise<void> {
    if (this.running < this.options.jobs) {
      this.running++;
      return;
    }
    await new Promise<void>((resume) => this.waiting.push(resume));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
