import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('one input into a named file', { timeout: 300_000 }, () => {
  it('-o FILE.md writes that file, --json adds FILE.json beside it, and stdout stays empty', async () => {
    const root = await tempDir();
    await writeTree(root, { 'page.html': page(1) });
    const stdout = await runCli(['page.html'], root);
    const md = await runCli(['page.html', '-o', 'out.md'], root);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    expect(await readFile(join(root, 'out.md'), 'utf8')).toBe(stdout.stdout);
    const both = await runCli(['page.html', '--output', 'sub.md', '--json'], root);
    expect(both.code).toBe(0);
    expect(await readFile(join(root, 'sub.md'), 'utf8')).toBe(stdout.stdout);
    expect(JSON.parse(await readFile(join(root, 'sub.json'), 'utf8')).title).toBe('Article 1');
    expect(await listTree(root)).toEqual(['out.md', 'page.html', 'sub.json', 'sub.md']);
  });

  it('-o on a directory keeps its meaning; FILE.md with several inputs or a missing directory is a usage error', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2) });
    await mkdir(join(root, 'dir.md'));
    const mirrored = await runCli(['in/a.html', '-o', 'dir.md', '-q'], root);
    expect(mirrored.code).toBe(0);
    expect((await listTree(join(root, 'dir.md'))).filter((f) => !f.startsWith('.unboil/'))).toEqual(['in/a.json', 'in/a.md']);
    const several = await runCli(['in', '-o', 'x.md'], root);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/^unboil: in is a directory: give --out-dir DIR, not a file \(x\.md\)/);
    const two = await runCli(['in/a.html', 'in/b.html', '-o', 'x.md'], root);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/-o x\.md names a Markdown file, which holds one input/);
    const nowhere = await runCli(['in/a.html', '-o', 'no/x.md'], root);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^unboil: --output no\/x\.md: no such directory no\n/);
    expect((await listTree(root)).filter((f) => !f.startsWith('dir.md/'))).toEqual(['in/a.html', 'in/b.html']);
  });

  it('--help states the rule', async () => {
    const help = await runCli(['--help'], await tempDir());
    expect(help.stdout).toMatch(/--output <file>/);
    expect(help.stdout).toMatch(/-o FILE\.md \/ --output FILE/);
  });
});
