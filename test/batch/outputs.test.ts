import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflicts, OutputWriter, planOutputs, temporaryName } from '../../src/batch/outputs.js';
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

describe('OutputWriter', () => {
  it('writes both files through temporaries and leaves none behind', async () => {
    const dir = await tempDir();
    const writer = new OutputWriter(dir, true);
    const plan = planOutputs(dir, { path: 'x/y.html', rel: 'x/y.html' });
    await writeFile(join(dir, 'leftover'), '');
    writer.write(plan, '# T\n', '{}\n');
    expect(await readFile(plan.md, 'utf8')).toBe('# T\n');
    expect(await listTree(dir)).toEqual(['leftover', 'x/y.json', 'x/y.md']);
  });

  it('does not follow a link planted at the temporary name, nor a directory link leading outside', async () => {
    const dir = await tempDir();
    const elsewhere = await tempDir();
    const writer = new OutputWriter(dir, false);
    const plan = planOutputs(dir, { path: 'a.html', rel: 'a.html' });
    await writeFile(join(elsewhere, 'victim'), 'keep');
    await symlink(join(elsewhere, 'victim'), temporaryName(plan.md));
    writer.write(plan, 'new\n', '{}\n');
    expect(await readFile(join(elsewhere, 'victim'), 'utf8')).toBe('keep');
    await symlink(elsewhere, join(dir, 'escape'));
    const outside = planOutputs(dir, { path: 'escape/b.html', rel: 'escape/b.html' });
    expect(() => writer.write(outside, 'x', 'y')).toThrow(/outside the output directory/);
    expect(await listTree(elsewhere)).toEqual(['victim']);
  });
});
