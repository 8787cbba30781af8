import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, discover, type DiscoverOptions } from '../../src/batch/discover.js';
import { tempDir, writeTree } from './helpers.js';

const defaults: DiscoverOptions = { extensions: DEFAULT_EXTENSIONS, include: [], exclude: [], hidden: false, prune: [] };

describe('discover', () => {
  it('walks directories recursively in name order, by extension, skipping hidden entries', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'b/page.html': 'x',
      'a/z.PDF': 'x',
      'a/notes.txt': 'x',
      'a/image.png': 'x',
      'a/.hidden.html': 'x',
      '.git/config.md': 'x',
      'c/d/e/deep.xhtml': 'x',
    });
    const { inputs, problems } = await discover([{ value: root }], defaults);
    const name = basename(root);
    expect(inputs.map((i) => i.rel)).toEqual([`${name}/a/notes.txt`, `${name}/a/z.PDF`, `${name}/b/page.html`, `${name}/c/d/e/deep.xhtml`]);
    expect(inputs[0]!.path).toBe(join(root, 'a/notes.txt'));
    expect(problems).toEqual([]);
    const hidden = await discover([{ value: root }], { ...defaults, hidden: true });
    expect(hidden.inputs.map((i) => i.rel)).toContain(`${name}/.git/config.md`);
  });

  it('applies --ext, --include and --exclude (which prunes directories)', async () => {
    const root = await tempDir();
    await writeTree(root, { 'keep/a.html': 'x', 'keep/b.txt': 'x', 'drafts/c.html': 'x', 'keep/d.draft.html': 'x' });
    const ext = await discover([{ value: root }], { ...defaults, extensions: ['.txt'] });
    expect(ext.inputs.map((i) => basename(i.path))).toEqual(['b.txt']);
    const filtered = await discover([{ value: root }], { ...defaults, exclude: ['drafts', '*.draft.html'], include: ['*.html'] });
    expect(filtered.inputs.map((i) => basename(i.path))).toEqual(['a.html']);
  });

  it('expands globs, takes named files whatever their extension, and keeps each file once', async () => {
    const root = await tempDir();
    await writeTree(root, { 'p/a.html': 'x', 'p/b.htm': 'x', 'p/q/c.html': 'x', 'odd.data': 'x' });
    const { inputs } = await discover(
      [{ value: `${root}/p/*.html` }, { value: `${root}/p/**/*.html` }, { value: join(root, 'odd.data') }, { value: join(root, 'p/a.html') }],
      defaults,
    );
    expect(inputs.map((i) => i.path)).toEqual([join(root, 'p/a.html'), join(root, 'p/q/c.html'), join(root, 'odd.data')]);
  });

  it('reports symlink loops, broken links, missing paths and FIFOs, and carries on', async () => {
    const root = await tempDir();
    await writeTree(root, { 'd/a.html': 'x', 'd/sub/b.html': 'x' });
    await symlink('..', join(root, 'd/sub/loop'));
    await symlink(join(root, 'nowhere.html'), join(root, 'd/broken.html'));
    execFileSync('mkfifo', [join(root, 'd/pipe.html')]);
    const { inputs, problems } = await discover([{ value: join(root, 'd') }, { value: join(root, 'missing') }], defaults);
    expect(inputs.map((i) => basename(i.path))).toEqual(['a.html', 'b.html']);
    const codes = problems.map((p) => `${basename(p.path)}:${p.code}`).sort();
    expect(codes).toEqual(['broken.html:NOT_FOUND', 'loop:SYMLINK_LOOP', 'missing:NOT_FOUND', 'pipe.html:NOT_REGULAR']);
  });

  it('never walks into a pruned directory (the output directory)', async () => {
    const root = await tempDir();
    await writeTree(root, { 'a.html': 'x', 'out/a.md': 'x' });
    const { inputs } = await discover([{ value: root }], { ...defaults, prune: [join(root, 'out')] });
    expect(inputs.map((i) => basename(i.path))).toEqual(['a.html']);
    await mkdir(join(root, 'empty'));
  });
});
