import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutputs, conflicts, OutputWriter, planOutputs, temporaryName } from '../../src/batch/outputs.js';
import { listTree, tempDir } from './helpers.js';

describe('planOutputs and conflicts', () => {
  it('mirrors the input tree and swaps the extension', () => {
    expect(planOutputs('out', { path: 'a/b/page.html', rel: 'a/b/page.html' })).toEqual({ key: 'a/b/page', md: 'out/a/b/page.md', json: 'out/a/b/page.json' });
    expect(planOutputs('out', { path: 'README', rel: 'README' }).md).toBe('out/README.md');
  });

  it('refuses a path that would escape the output directory', () => {
    expect(() => planOutputs('out', { path: 'x', rel: '../x.html' })).toThrow(/outside/);
  });

  it('finds two inputs with one output, an output over an input, and inputs inside --out-dir', () => {
    const found = conflicts('out', [
      { path: 'a/page.html', rel: 'a/page.html' },
      { path: 'a/page.pdf', rel: 'a/page.pdf' },
      { path: 'out/x.html', rel: 'out/x.html' },
    ]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/a\/page.html and a\/page.pdf would both be written/);
    expect(found[1]).toMatch(/inside --out-dir/);
    expect(conflicts('.', [{ path: 'notes.md', rel: 'notes.md' }]).join()).toMatch(/inside --out-dir|over the input/);
    expect(conflicts('out', [{ path: 'a.html', rel: 'a.html' }])).toEqual([]);
  });
});

describe('OutputWriter and commitOutputs', () => {
  it('writes both files to temporaries, then puts them in place and leaves none behind', async () => {
    const dir = await tempDir();
    const writer = new OutputWriter(dir);
    const plan = planOutputs(dir, { path: 'x/y.html', rel: 'x/y.html' });
    await writeFile(join(dir, 'leftover'), '');
    writer.stage(plan, '# T\n', '{}\n');
    // Staged: nothing is in place yet.
    expect(await listTree(dir)).toEqual(['leftover', 'x/.y.json.unboil-tmp', 'x/.y.md.unboil-tmp']);
    await commitOutputs(plan, true);
    expect(await readFile(plan.md, 'utf8')).toBe('# T\n');
    expect(await listTree(dir)).toEqual(['leftover', 'x/y.json', 'x/y.md']);
  });

  it('replaces an output whole, and a failed commit leaves the old output and no temporary', async () => {
    const dir = await tempDir();
    const writer = new OutputWriter(dir);
    const plan = planOutputs(dir, { path: 'a.html', rel: 'a.html' });
    writer.stage(plan, 'old\n', '{"v":1}\n');
    await commitOutputs(plan, false);
    writer.stage(plan, 'new\n', '{"v":2}\n');
    await commitOutputs(plan, false);
    expect([await readFile(plan.md, 'utf8'), await readFile(plan.json, 'utf8')]).toEqual(['new\n', '{"v":2}\n']);
    // The JSON's temporary is gone (as after a crash): the commit fails, nothing half-done stays.
    writer.stage(plan, 'newer\n', '{"v":3}\n');
    await rm(temporaryName(plan.json));
    await expect(commitOutputs(plan, true)).rejects.toThrow(/ENOENT/);
    expect(await listTree(dir)).toEqual(['a.json', 'a.md']);
    expect(await readFile(plan.json, 'utf8')).toBe('{"v":2}\n');
  });

  it('does not follow a link planted at the temporary name, nor a directory link leading outside', async () => {
    const dir = await tempDir();
    const elsewhere = await tempDir();
    const writer = new OutputWriter(dir);
    const plan = planOutputs(dir, { path: 'a.html', rel: 'a.html' });
    await writeFile(join(elsewhere, 'victim'), 'keep');
    await symlink(join(elsewhere, 'victim'), temporaryName(plan.md));
    writer.stage(plan, 'new\n', '{}\n');
    expect(await readFile(join(elsewhere, 'victim'), 'utf8')).toBe('keep');
    await symlink(elsewhere, join(dir, 'escape'));
    const outside = planOutputs(dir, { path: 'escape/b.html', rel: 'escape/b.html' });
    expect(() => writer.stage(outside, 'x', 'y')).toThrow(/outside the output directory/);
    expect(await listTree(elsewhere)).toEqual(['victim']);
  });
});
