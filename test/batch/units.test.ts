import { writeFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/batch/shard.js';
import { shortDiff } from '../../src/batch/check.js';
import { Journal, optionsHash, outputHash, STATE_DIR } from '../../src/batch/manifest.js';
import { planOutputs } from '../../src/batch/outputs.js';
import { tempDir, writeTree } from './helpers.js';

describe('shards', () => {
  it('parses K/N and rejects nonsense', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '-1/2']) expect(parseShard(bad)).toBeNull();
  });

  it('splits inputs into disjoint shards that cover them all', () => {
    const paths = Array.from({ length: 300 }, (_, i) => `dir${i % 7}/page-${i}.html`);
    const shards = [1, 2, 3].map((k) => paths.filter((p) => inShard(p, { index: k, count: 3 })));
    expect(shards.flat().sort()).toEqual([...paths].sort());
    for (const s of shards) expect(s.length).toBeGreaterThan(50);
  });
});

describe('shortDiff', () => {
  it('shows the lines around the first difference', () => {
    const diff = shortDiff('a\nb\nc\nd\ne\n', 'a\nb\nC\nd\ne\n');
    expect(diff).toBe('@@ line 3 @@\n  a\n  b\n- c\n+ C\n  d\n  e');
  });
});

describe('resume journal', () => {
  it('hashes options independently of key order', () => {
    expect(optionsHash({ a: 1, b: true })).toBe(optionsHash({ b: true, a: 1 }));
    expect(optionsHash({ a: 1 })).not.toBe(optionsHash({ a: 2 }));
  });

  it('says up to date only when bytes, version and options match and both outputs are on disk as written', async () => {
    const dir = await tempDir();
    const plan = planOutputs(dir, { path: 'p.html', rel: 'p.html' });
    const made = { sha256: 'a'.repeat(64), version: '1.0.0', options: 'h1' };
    const journal = await Journal.open(dir);
    const json = JSON.stringify({ source: { sha256: made.sha256 }, generator: { version: '1.0.0' } });
    await writeTree(dir, { 'p.md': '# P\n', 'p.json': json });
    await journal.record(plan, { ...made, md: outputHash('# P\n'), json: outputHash(json) });
    await journal.close();
    // A torn last line, as a kill can leave.
    const jdir = join(dir, STATE_DIR, 'journal');
    await writeFile(join(jdir, 'zz-torn.jsonl'), '{"key":"p","sha');

    const reread = await Journal.open(dir);
    expect(await reread.upToDate(plan, made)).toBe(true);
    expect(await reread.upToDate(plan, { ...made, options: 'h2' })).toBe(false);
    expect(await reread.upToDate(plan, { ...made, version: '1.0.1' })).toBe(false);
    expect(await reread.upToDate(plan, { ...made, sha256: 'b'.repeat(64) })).toBe(false);
    await writeFile(plan.json, JSON.stringify({ source: { sha256: 'c'.repeat(64) }, generator: { version: '1.0.0' } }));
    expect(await reread.upToDate(plan, made)).toBe(false);
    await writeFile(plan.json, json);
    expect(await reread.upToDate(plan, made)).toBe(true);
    // The Markdown edited by hand (even keeping its size), or removed: not up to date.
    await writeFile(plan.md, '# Q\n');
    expect(await reread.upToDate(plan, made)).toBe(false);
    await rm(plan.md);
    expect(await reread.upToDate(plan, made)).toBe(false);
    await writeFile(plan.md, '# P\n');
    expect(await reread.upToDate(plan, made)).toBe(true);
    // About to replace the outputs with other options: the journal stops vouching for them,
    // even for a run that is killed before it records the new ones.
    // Other bytes, same version and options: nothing to withdraw (the input no longer has the
    // bytes the journal names).
    await reread.invalidate(plan, made.version, made.options);
    expect(reread.vouchedFor(plan, made.version, made.options)).toBe(made.sha256);
    await reread.invalidate(plan, made.version, 'h2');
    expect(await (await Journal.open(dir)).upToDate(plan, made)).toBe(false);
    expect(reread.vouchedFor(plan, made.version, made.options)).toBeNull();
    await reread.compact();
    expect((await readdir(jdir)).length).toBe(1);
    await mkdir(join(dir, 'x'), { recursive: true });
  });
});
