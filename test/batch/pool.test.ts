import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConvertPool, timeLimitMs, TIMEOUT_BYTES, workerLocation, type PoolOptions } from '../../src/batch/pool.js';
import type { WorkerTask } from '../../src/batch/worker.js';

const worker = {
  filename: new URL('./misbehaving-worker.ts', import.meta.url).href,
  execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};
const task = (path: string): WorkerTask => ({ input: { bytes: new Uint8Array(1) }, path, options: {}, mode: 'files' });

let pool: ConvertPool | null = null;
afterEach(async () => {
  await pool?.destroy();
});

function makePool(options: Partial<PoolOptions>): ConvertPool {
  pool = new ConvertPool({ jobs: 1, timeoutMs: 8000, maxPerWorker: 0, maxMemoryMb: 64, worker, ...options });
  return pool;
}

describe('ConvertPool', () => {
  it('finds the worker: dist/batch/worker.js when built, src/batch/worker.ts through tsx from source', () => {
    // From source here: the bootstrap that registers tsx in the thread.
    const where = workerLocation();
    expect(where.filename).toMatch(/\/batch\/worker(-from-source\.mjs|\.js)$/);

  });

  it('terminates a worker stuck past the timeout, reports it, and carries on with a fresh one', async () => {
    const p = makePool({});
    const first = await p.run(task('warm-up'));
    expect(first.ok).toBe(true);
    const stuck = await p.run(task('hang'));
    expect(stuck).toMatchObject({ ok: false, code: 'TIMEOUT' });
    const after = await p.run(task('after'));
    expect(after.ok).toBe(true);
    expect((after as { threadId: number }).threadId).not.toBe((first as { threadId: number }).threadId);
  });

  it('allows a large input --timeout once for each TIMEOUT_BYTES of its size (issue 16: a 32 MB page was stopped for its size)', async () => {
    expect(timeLimitMs(60_000, 1000)).toBe(60_000);
    expect(timeLimitMs(60_000, TIMEOUT_BYTES)).toBe(60_000);
    expect(timeLimitMs(60_000, 8 * TIMEOUT_BYTES)).toBe(480_000);
    // A file of 8 shares (sparse: no bytes written) may take 8 times --timeout; the worker here
    // takes 1.5 s ('slow') whatever the input, and the same task with a small input times out.
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pool-'));
    try {
      const file = join(dir, 'slow');
      const fd = openSync(file, 'w');
      ftruncateSync(fd, 8 * TIMEOUT_BYTES);
      closeSync(fd);
      const p = makePool({ timeoutMs: 400 });
      // The first task waits for the thread to start: given the large file's time.
      expect((await p.run({ input: { file, maxBytes: Infinity }, path: 'warm-up', options: {}, mode: 'files' })).ok).toBe(true);
      const large = await p.run({ input: { file, maxBytes: Infinity }, path: file, options: {}, mode: 'files' });
      expect(large.ok).toBe(true);
      const small = await p.run(task('slow'));
      expect(small).toMatchObject({ ok: false, code: 'TIMEOUT', message: 'still running after --timeout 0.4 s; its worker was stopped' });
      const stuck = await p.run({ input: { file, maxBytes: Infinity }, path: 'hang', options: {}, mode: 'files' });
      expect(stuck).toMatchObject({ ok: false, code: 'TIMEOUT', message: 'still running after 3.2 s (--timeout 0.4 s for each 4 MB of input); its worker was stopped' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a document that exhausts its worker memory, and carries on', async () => {
    const p = makePool({ timeoutMs: 60_000 });
    const oom = await p.run(task('oom'));
    expect(oom).toMatchObject({ ok: false, code: 'WORKER_CRASHED' });
    expect((oom as { message: string }).message).toMatch(/memory/);
    expect((await p.run(task('after'))).ok).toBe(true);
  });

  it('recycles a worker after --max-per-worker documents', async () => {
    const p = makePool({ maxPerWorker: 2, timeoutMs: 60_000 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await p.run(task(`doc${i}`)));
    const seen = results.map((r) => ('threadId' in r ? `${r.threadId}:${r.tasks}` : 'failed'));
    const threads = results.map((r) => ('threadId' in r ? r.threadId : -1));
    expect(seen.map((s) => s.split(':')[1])).toEqual(['1', '2', '1', '2', '1']);
    expect(new Set(threads).size).toBe(3);
  });

  it('loses no document to a recycle when several workers run at once', async () => {
    const p = makePool({ jobs: 2, maxPerWorker: 1, timeoutMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => p.run(task(`doc${i}`))));
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});
