import { existsSync } from 'node:fs';
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
   * One run, aborted after --timeout. A timer of our own, cleared when the task ends:
   * AbortSignal.timeout's timer would live on for the whole timeout after each document (at ~70
   * documents a second and 60 s, over 4,000 timers and signals at any time).
   */
  private async runWithTimeout(task: WorkerTask): Promise<WorkerResult> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    try {
      return await this.pool.run(task, { signal: timeout.signal });
    } finally {
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
    if (err?.name === 'AbortError') {
      return { ok: false, code: 'TIMEOUT', message: `still running after --timeout ${this.options.timeoutMs / 1000} s; its worker was stopped`, ...facts };
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
