import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl, listTree, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('output locations are checked before converting anything', { timeout: 300_000 }, () => {
  it('a report in a missing directory, an out-dir that is a file or lies under one: one line, exit 2, nothing written', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2), 'afile': 'x' });
    await mkdir(join(root, 'adir'));
    const cases: Array<[string[], RegExp]> = [
      [['in', '-o', 'out', '--report', 'nodir/r.jsonl'], /^unboil: --report nodir\/r\.jsonl: no such directory nodir\n/],
      [['in', '-o', 'out', '--report', 'adir'], /^unboil: --report adir is a directory/],
      [['in', '-o', 'afile'], /^unboil: --out-dir afile is a file, not a directory\n/],
      [['in', '-o', 'afile/sub'], /^unboil: --out-dir afile\/sub: a file stands where a directory is needed\n/],
      [['in', '--ndjson', '--report', 'nodir/r.jsonl'], /^unboil: --report nodir\/r\.jsonl: no such directory/],
      [['in/a.html', '--report', 'nodir/r.jsonl'], /^unboil: --report nodir\/r\.jsonl: no such directory/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, root);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error|Unhandled|\n\s+at /);
      expect(run.stdout).toBe('');
    }
    expect(await listTree(root)).toEqual(['afile', 'in/a.html', 'in/b.html']);
  });

  it('--report with a single input writes its line', async () => {
    const root = await tempDir();
    await writeTree(root, { 'a.html': page(1) });
    const run = await runCli(['a.html', '--report', 'r.jsonl'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Article 1/);
    const [line, ...rest] = jsonl<{ path: string; status: string; sha256: string; bytes: number; error: unknown }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ path: 'a.html', bytes: Buffer.byteLength(page(1)), error: null });
    expect(['ok', 'warning']).toContain(line!.status);
    expect(line!.sha256).toMatch(/^[0-9a-f]{64}$/);

    await writeFile(join(root, 'r.jsonl'), 'old\n');
    const missing = await runCli(['gone.html', '--report', 'r.jsonl'], root);
    expect(missing.code).toBe(1);
    const [failed] = jsonl<{ path: string; status: string; error: { code: string } }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(failed).toMatchObject({ path: 'gone.html', status: 'error', error: { code: 'NOT_FOUND' } });
  });
});
