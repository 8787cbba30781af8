import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('outputs are verified, not trusted', { timeout: 600_000 }, () => {
  it('a rerun redoes an output edited or deleted by hand; --check then passes', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2), 'in/c.html': page(3) });
    expect((await runCli(['in', '-o', 'out', '-j', '1', '-q'], root)).code).toBe(0);
    const original = await readFile(join(root, 'out/in/a.md'), 'utf8');
    await writeFile(join(root, 'out/in/a.md'), original.replace('Article 1', 'Article X'));
    await rm(join(root, 'out/in/b.md'));
    const json = await readFile(join(root, 'out/in/c.json'), 'utf8');
    await writeFile(join(root, 'out/in/c.json'), json.replace('"wordCount"', '"wordcount"'));

    const rerun = await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r.jsonl'], root);
    expect(rerun.code).toBe(0);
    const statuses = jsonl<{ path: string; status: string }>(await readFile(join(root, 'r.jsonl'), 'utf8')).map((l) => [l.path, l.status === 'skipped']);
    expect(statuses).toEqual([
      ['in/a.html', false],
      ['in/b.html', false],
      ['in/c.html', false],
    ]);
    expect(await readFile(join(root, 'out/in/a.md'), 'utf8')).toBe(original);
    expect(await readFile(join(root, 'out/in/c.json'), 'utf8')).toBe(json);
    const check = await runCli(['in', '-o', 'out', '--check', '-j', '1'], root);
    expect(check.code).toBe(0);
    // And now everything is skipped.
    await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r.jsonl'], root);
    expect(jsonl<{ status: string }>(await readFile(join(root, 'r.jsonl'), 'utf8')).map((l) => l.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('--check reports orphan outputs, each on its own line, and exits 3', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2) });
    expect((await runCli(['in', '-o', 'out', '-j', '1', '-q'], root)).code).toBe(0);
    expect((await runCli(['in', '-o', 'out', '--check', '-j', '1'], root)).code).toBe(0);
    await rm(join(root, 'in/b.html'));
    await mkdir(join(root, 'out/in/old'), { recursive: true });
    await writeFile(join(root, 'out/in/old/notes.txt'), 'by hand');
    const check = await runCli(['in', '-o', 'out', '--check', '-j', '1'], root);
    expect(check.code).toBe(3);
    expect(check.stdout.split('\n').filter((l) => l.startsWith('orphan: '))).toEqual(['orphan: out/in/b.json', 'orphan: out/in/b.md', 'orphan: out/in/old/notes.txt']);
    expect(check.stderr).toMatch(/--check: 3 orphan file\(s\) that no input makes under out\n/);
  });
});
