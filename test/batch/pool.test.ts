import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConvertPool, workerLocation, type PoolOptions } from '../../src/batch/pool.js';
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
