import { createHash } from 'node:crypto';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../helpers/schema.js';
import { jsonl, listTree, page, runCli, startCli, tempDir, writeTree } from '../batch/helpers.js';

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const visible = (files: string[]) => files.filter((f) => !f.startsWith('.unboil/'));

interface Line {
  path: string;
  status: string;
  outputs: string[];
  sha256: string | null;
  bytes: number | null;
  ms: number;
  warnings: unknown[];
  error: { code: string; message: string } | null;
  reason?: string;
}

/** Every input has a whole .md and a schema-valid .json made from its current bytes. */
async function expectComplete(root: string, inputs: Record<string, string>): Promise<void> {
  const files = await listTree(join(root, 'out'));
  expect(files.filter((f) => f.includes('unboil-tmp'))).toEqual([]);
  for (const [rel, content] of Object.entries(inputs)) {
    const base = join(root, 'out', rel.replace(/\.[^.]+$/, ''));
    const md = await readFile(`${base}.md`, 'utf8');
    expect(md.endsWith('\n')).toBe(true);
    const meta = JSON.parse(await readFile(`${base}.json`, 'utf8'));
    expect(schemaErrors(meta)).toBeNull();
    expect(meta.source.sha256).toBe(sha(content));
    expect(meta.source.path).toBe(rel);
  }
}

// Each test runs the CLI several times from source (tsx): slow on a loaded machine, hence the timeouts.
describe('unboil DIR --out-dir', { timeout: 600_000 }, () => {
  it('mirrors the tree, reports every input, resumes, and redoes work when options change', async () => {
    const root = await tempDir();
    const inputs = { 'in/a.html': page(1), 'in/sub/b.html': page(2), 'in/c.txt': 'A plain title\n\nA paragraph of scraped text about the harbour and its dredging plan.\n' };
    await writeTree(root, { ...inputs, 'in/picture.png': 'not a page' });
    const first = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-j', '1'], root);
    expect(first.stderr).toMatch(/3 inputs: \d+ ok, \d+ warning, 0 error, 0 skipped in [\d.]+ s \([\d.]+ docs\/s, [\d.]+ MB\/s\)/);
    expect(first.code).toBe(0);
    expect(visible(await listTree(join(root, 'out')))).toEqual(['in/a.json', 'in/a.md', 'in/c.json', 'in/c.md', 'in/sub/b.json', 'in/sub/b.md']);
    await expectComplete(root, inputs);
    const report = jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(report.map((l) => l.path).sort()).toEqual(Object.keys(inputs).sort());
    for (const line of report) {
      expect(['ok', 'warning']).toContain(line.status);
      expect(line.sha256).toBe(sha(inputs[line.path as keyof typeof inputs]));
      expect(line.bytes).toBe(Buffer.byteLength(inputs[line.path as keyof typeof inputs]));
      expect(line.outputs).toEqual([`out/${line.path.replace(/\.[^.]+$/, '')}.md`, `out/${line.path.replace(/\.[^.]+$/, '')}.json`]);
      expect(typeof line.ms).toBe('number');
      expect(line.error).toBeNull();
    }

    const again = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-j', '1'], root);
    expect(again.code).toBe(0);
    const skipped = jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(skipped.map((l) => l.status)).toEqual(['skipped', 'skipped', 'skipped']);
    for (const line of skipped) expect(line.sha256).toBe(sha(inputs[line.path as keyof typeof inputs]));

    // Other options make other outputs: nothing is skipped.
    const noTitle = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '--no-title', '-j', '1'], root);
    expect(noTitle.code).toBe(0);
    expect(jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8')).filter((l) => l.status === 'skipped')).toEqual([]);
    expect(await readFile(join(root, 'out/in/a.md'), 'utf8')).not.toMatch(/^# /);

    // An input edited since: only it is converted again; --force redoes all.
    await writeFile(join(root, 'in/a.html'), page(7));
    await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '--no-title', '-j', '1'], root);
    const statuses = Object.fromEntries(jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8')).map((l) => [l.path, l.status]));
    expect(statuses['in/a.html']).not.toBe('skipped');
    expect(statuses['in/sub/b.html']).toBe('skipped');
    // Same bytes, but an output is gone: that input is converted again, the others stay skipped.
    await rm(join(root, 'out/in/sub/b.md'));
    await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '--no-title', '-j', '1'], root);
    const afterLoss = Object.fromEntries(jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8')).map((l) => [l.path, l.status]));
    expect(afterLoss).toMatchObject({ 'in/a.html': 'skipped', 'in/c.txt': 'skipped' });
    expect(afterLoss['in/sub/b.html']).not.toBe('skipped');
    expect(await readFile(join(root, 'out/in/sub/b.md'), 'utf8')).toMatch(/\n$/);
    await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '--no-title', '--force', '-j', '1'], root);
    expect(jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8')).filter((l) => l.status === 'skipped')).toEqual([]);
  });

  it('--check passes on fresh outputs, exits 3 naming stale and missing files after an edit, and writes nothing', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2) });
    expect((await runCli(['in', '-o', 'out', '-j', '1'], root)).code).toBe(0);
    const clean = await runCli(['in', '-o', 'out', '--check', '-j', '1'], root);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');

    const edited = (await readFile(join(root, 'out/in/a.md'), 'utf8')).replace('Paragraph 2', 'Paragraph two');
    await writeFile(join(root, 'out/in/a.md'), edited);
    await rm(join(root, 'out/in/b.json'));
    const before = await listTree(join(root, 'out'));
    const check = await runCli(['in', '-o', 'out', '--check', '-j', '1'], root);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/^stale: out\/in\/a\.md$/m);
    expect(check.stdout).toMatch(/^ +- Paragraph two/m);
    expect(check.stdout).toMatch(/^ +\+ Paragraph 2/m);
    expect(check.stdout).toMatch(/^missing: out\/in\/b\.json$/m);
    expect(check.stdout).not.toMatch(/a\.json|b\.md/);
    expect(check.stderr).toMatch(/2 output file\(s\) stale or missing/);
    expect(await listTree(join(root, 'out'))).toEqual(before);
    expect(await readFile(join(root, 'out/in/a.md'), 'utf8')).toBe(edited);
  });

  it('reports broken inputs, converts the rest, and exits 1', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/good.html': page(1), 'in/empty.html': '', 'in/binary.html': Buffer.from([0, 1, 2, 3, 0, 5, 6, 0, 0, 9, 0, 0, 0, 1, 2]) });
    const run = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-j', '1'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/in\/empty\.html: .*empty/);
    const codes = Object.fromEntries(jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8')).map((l) => [l.path, l.error?.code ?? l.status]));
    expect(codes).toMatchObject({ 'in/empty.html': 'EMPTY_INPUT', 'in/binary.html': 'BINARY_INPUT' });
    expect(visible(await listTree(join(root, 'out')))).toEqual(['in/good.json', 'in/good.md']);
  });

  it('stops before any work when two inputs map to one output', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/x.html': page(1), 'in/x.txt': 'Some text.\n' });
    const run = await runCli(['in', '-o', 'out', '-j', '1'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\/x\.html and in\/x\.txt would both be written to out\/in\/x/);
    expect(await listTree(join(root, 'out'))).toEqual([]);
  });

  it('reports a failed write per input, and goes on with the others', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/sub/b.html': page(2), 'out/in/sub': 'a file where a directory must go' });
    const run = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-j', '1'], root);
    expect(run.code).toBe(1);
    const lines = jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(lines.find((l) => l.path === 'in/sub/b.html')?.error?.code).toBe('WRITE_FAILED');
    expect(lines.find((l) => l.path === 'in/a.html')?.error).toBeNull();
    expect(visible(await listTree(join(root, 'out')))).toEqual(['in/a.json', 'in/a.md', 'in/sub']);
  });

  it('--shard K/N: shards are disjoint and together convert everything', async () => {
    const root = await tempDir();
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`in/p${i}.html`, page(i, 1)]));
    await writeTree(root, files);
    const one = await runCli(['in', '-o', 'out', '--shard', '1/2', '--report', 'r1.jsonl', '-j', '1'], root);
    const two = await runCli(['in', '-o', 'out', '--shard', '2/2', '--report', 'r2.jsonl', '-j', '1'], root);
    expect([one.code, two.code]).toEqual([0, 0]);
    const a = jsonl<Line>(await readFile(join(root, 'r1.jsonl'), 'utf8')).map((l) => l.path);
    const b = jsonl<Line>(await readFile(join(root, 'r2.jsonl'), 'utf8')).map((l) => l.path);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual(Object.keys(files).sort());
    await expectComplete(root, files);
    expect((await runCli(['in', '-o', 'out', '--shard', '3/2', '-j', '1'], root)).code).toBe(2);
  });
});

describe('pipelines', { timeout: 600_000 }, () => {
  it('--ndjson keeps input order, reads --files-from - with -0, and `-` reads a page from stdin', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1), 'in/b.html': page(2), 'in/c.html': page(3) });
    const run = await runCli(['--files-from', '-', '-0', '--ndjson', '-j', '2'], root, 'in/c.html\0in/a.html\0in/b.html\0');
    expect(run.code).toBe(0);
    const lines = jsonl<{ path: string; status: string; markdown: string; metadata: { title: string } }>(run.stdout);
    expect(lines.map((l) => l.path)).toEqual(['in/c.html', 'in/a.html', 'in/b.html']);
    expect(lines.map((l) => l.metadata.title)).toEqual(['Article 3', 'Article 1', 'Article 2']);
    expect(lines[0]!.markdown).toMatch(/^# Article 3\n/);

    const stdin = await runCli(['-', '--ndjson'], root, page(9));
    const [only] = jsonl<{ path: string; metadata: { source: { path: string | null } } }>(stdin.stdout);
    expect(only!.path).toBe('-');
    expect(only!.metadata.source.path).toBeNull();
  });

  it('--ndjson into a reader that goes away (| head -1) stops cleanly with exit 141', async () => {
    const root = await tempDir();
    await writeTree(root, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`in/p${String(i).padStart(2, '0')}.html`, page(i, 20)])));
    const { child, done } = startCli(['in', '--ndjson', '-j', '1'], root);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdout!.destroy();
    const run = await done;
    expect(run.stderr).not.toMatch(/internal error|EPIPE/);
    expect(run.code).toBe(141);
  });

  it('--help and one page into a reader that is gone exit 141 without a stack trace', async () => {
    const root = await tempDir();
    await writeTree(root, { 'a.html': page(1) });
    for (const args of [['--help'], ['a.html']]) {
      const { child, done } = startCli(args, root);
      child.stdout!.destroy();
      const run = await done;
      expect(run.stderr).not.toMatch(/internal error|EPIPE|Unhandled/);
      expect(run.code).toBe(141);
    }
  });

  it('converts one file to stdout as before, and rejects directories without --out-dir', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/a.html': page(1) });
    const one = await runCli(['in/a.html'], root);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^# Article 1\n/);
    expect((await runCli(['in'], root)).code).toBe(2);
    expect((await runCli(['in', '--check'], root)).code).toBe(2);
  });
});
