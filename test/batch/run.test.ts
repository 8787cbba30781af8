import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, discover } from '../../src/batch/discover.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { jsonl, listTree, page, tempDir, writeTree } from './helpers.js';

const misbehaving = {
  filename: new URL('./misbehaving-worker.ts', import.meta.url).href,
  execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};

function options(root: string, extra: Partial<BatchOptions>): BatchOptions {
  return {
    mode: 'files',
    outDir: join(root, 'out'),
    convert: {},
    ordered: true,
    force: false,
    maxBytes: 1e8,
    fsync: false,
    reportPath: join(root, 'r.jsonl'),
    quiet: true,
    verbose: false,
    progress: false,
    compactJournal: true,
    stdout: new PassThrough(),
    signal: new AbortController().signal,
    jobs: 1,
    timeoutMs: 120_000,
    maxPerWorker: 0,
    maxMemoryMb: 1024,
    ...extra,
  };
}

describe('runBatch', { timeout: 300_000 }, () => {
  it('reports the files of a directory that vanished after discovery, and converts the rest', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/keep/a.html': page(1), 'in/gone/b.html': page(2), 'in/gone/c.html': page(3), 'in/z.html': page(4) });
    const { inputs, problems } = await discover([{ value: join(root, 'in') }], { extensions: DEFAULT_EXTENSIONS, include: [], exclude: [], hidden: false, prune: [] });
    expect(inputs).toHaveLength(4);
    const result = await runBatch(inputs, problems, options(root, { beforeFirst: () => rm(join(root, 'in/gone'), { recursive: true }) }));
    expect(result.stopped).toBeNull();
    expect(result.tally.counts.error).toBe(2);
    const lines = jsonl<{ path: string; error: { code: string; message: string } | null }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    const byName = Object.fromEntries(lines.map((l) => [l.path.slice(root.length + 1), l.error?.code ?? 'ok']));
    expect(byName).toEqual({ 'in/gone/b.html': 'NOT_FOUND', 'in/gone/c.html': 'NOT_FOUND', 'in/keep/a.html': 'ok', 'in/z.html': 'ok' });
    // `in` lies outside the current directory: it mirrors from its own name.
    expect((await listTree(join(root, 'out'))).filter((f) => !f.startsWith('.unboil/'))).toEqual(['in/keep/a.json', 'in/keep/a.md', 'in/z.json', 'in/z.md']);
  });

  it('streams NDJSON in input order while a slow first document holds every other lane back', async () => {
    const root = await tempDir();
    const names = ['a-slow', ...Array.from({ length: 14 }, (_, i) => `b${String(i).padStart(2, '0')}`)];
    await writeTree(root, Object.fromEntries(names.map((n) => [n, 'x'])));
    const stdout = new PassThrough();
    let text = '';
    stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
    const inputs = names.map((n) => ({ path: join(root, n), rel: n }));
    const result = await runBatch(inputs, [], options(root, { mode: 'ndjson', outDir: null, jobs: 2, stdout, worker: misbehaving }));
    expect(result.tally.counts.ok).toBe(15);
    expect(jsonl<{ path: string }>(text).map((l) => l.path)).toEqual(inputs.map((i) => i.path));
  });

  it('--unordered streams lines as documents finish: the slow first one comes last', async () => {
    const root = await tempDir();
    const names = ['a-slow', 'b', 'c', 'd'];
    await writeTree(root, Object.fromEntries(names.map((n) => [n, 'x'])));
    const stdout = new PassThrough();
    let text = '';
    stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
    const inputs = names.map((n) => ({ path: join(root, n), rel: n }));
    await runBatch(inputs, [], options(root, { mode: 'ndjson', outDir: null, jobs: 2, ordered: false, stdout, worker: misbehaving }));
    const order = jsonl<{ path: string }>(text).map((l) => l.path.slice(root.length + 1));
    expect(order.sort()).toEqual(names);
    expect(jsonl<{ path: string }>(text).at(-1)!.path).toBe(join(root, 'a-slow'));
  });
});
