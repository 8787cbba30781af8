import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl, listTree, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('what a folder walk takes and passes over', { timeout: 300_000 }, () => {
  it('a folder with no convertible file is a usage error (exit 2), and writes nothing', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/picture.png': 'x', 'in/.hidden.html': page(1) });
    const run = await runCli(['in', '-o', 'out'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^unboil: no input files found \(extensions taken: \.html .*\); 1 hidden file skipped \(--hidden takes them\)\n/);
    const ndjson = await runCli(['in', '--ndjson'], root);
    expect(ndjson.code).toBe(2);
    expect(await listTree(root)).toEqual(['in/.hidden.html', 'in/picture.png']);
  });

  it('hidden files are skipped by default, counted in the summary and the report; --hidden takes them', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/..%2f..%2fescape.html': page(2), 'in/.git/config.html': page(3) });
    const run = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-j', '1'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 inputs: .* skipped in .*; 2 hidden files skipped \(--hidden takes them\)\n/);
    const lines = jsonl<{ path: string; status: string; reason?: string }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(lines.map((l) => [l.path, l.status]).sort()).toEqual([
      ['in/..%2f..%2fescape.html', 'skipped'],
      ['in/.git', 'skipped'],
      ['in/a.html', lines.find((l) => l.path === 'in/a.html')!.status],
    ]);
    expect(lines.find((l) => l.path === 'in/.git')!.reason).toMatch(/hidden.*--hidden/);

    const all = await runCli(['in', '-o', 'all', '--hidden', '-j', '1'], root);
    expect(all.code).toBe(0);
    expect(all.stderr).not.toMatch(/hidden/);
    expect((await listTree(join(root, 'all'))).filter((f) => !f.startsWith('.unboil/'))).toEqual([
      'in/..%2f..%2fescape.json',
      'in/..%2f..%2fescape.md',
      'in/.git/config.json',
      'in/.git/config.md',
      'in/a.json',
      'in/a.md',
    ]);
  });
});
