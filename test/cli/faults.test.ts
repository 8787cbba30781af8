import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../helpers/schema.js';
import { jsonl, listTree, page, runCli, startCli, tempDir, writeTree, type CliRun } from '../batch/helpers.js';

const visible = (files: string[]) => files.filter((f) => !f.startsWith('.unboil/'));

/** Poll until `ready` holds; fails if the batch ends first (the signal would have come too late). */
async function waitFor(ready: () => Promise<boolean>, done: Promise<CliRun>): Promise<void> {
  let finished = false;
  void done.then(() => (finished = true));
  for (;;) {
    if (await ready()) return;
    if (finished) throw new Error('the batch finished before the test could interrupt it');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function completeJsons(out: string): Promise<string[]> {
  return visible(await listTree(out)).filter((f) => f.endsWith('.json'));
}

/** What a killed or stopped run leaves: no temporaries, and every output it left whole. */
async function expectNoPartialOutputs(out: string): Promise<string[]> {
  const files = visible(await listTree(out));
  expect(files.filter((f) => f.includes('unboil-tmp'))).toEqual([]);
  const jsons = files.filter((f) => f.endsWith('.json'));
  for (const f of jsons) {
    expect(schemaErrors(JSON.parse(await readFile(join(out, f), 'utf8')))).toBeNull();
    expect(files).toContain(f.replace(/\.json$/, '.md'));
  }
  return jsons;
}

async function expectAllDone(root: string, files: Record<string, string>): Promise<void> {
  const out = join(root, 'out');
  expect((await listTree(out)).filter((f) => f.includes('unboil-tmp'))).toEqual([]);
  for (const rel of Object.keys(files)) {
    const base = join(out, rel.replace(/\.html$/, ''));
    const meta = JSON.parse(await readFile(`${base}.json`, 'utf8'));
    expect(schemaErrors(meta)).toBeNull();
    expect(meta.source.path).toBe(rel);
    expect(await readFile(`${base}.md`, 'utf8')).toMatch(/^# Article \d+\n[^]*\n$/);
  }
}

function corpus(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`in/d${i % 4}/p${i}.html`, page(i, 12)]));
}

// The CLI runs from source (tsx), several times per test: slow on a loaded machine.
describe('faults', { timeout: 600_000 }, () => {
  it('a batch killed with SIGKILL halfway is finished by running the same command again', async () => {
    const root = await tempDir();
    const files = corpus(150);
    await writeTree(root, files);
    const out = join(root, 'out');
    const args = ['in', '-o', 'out', '-j', '1'];
    const { child, done } = startCli([...args, '--report', 'r1.jsonl'], root);
    await waitFor(async () => (await completeJsons(out)).length >= 5, done);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const left = await completeJsons(out);
    expect(left.length).toBeLessThan(150);
    // The killed run may leave a temporary file, never a torn output.
    for (const f of left) JSON.parse(await readFile(join(out, f), 'utf8'));

    const rerun = await runCli([...args, '--report', 'r2.jsonl'], root);
    expect(rerun.code).toBe(0);
    const lines = jsonl<{ status: string }>(await readFile(join(root, 'r2.jsonl'), 'utf8'));
    expect(lines).toHaveLength(150);
    expect(lines.filter((l) => l.status === 'skipped').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.status === 'error')).toEqual([]);
    await expectAllDone(root, files);
  });

  it('SIGINT stops cleanly (exit 130, no partial outputs) and a rerun resumes where it stopped', async () => {
    const root = await tempDir();
    const files = corpus(150);
    await writeTree(root, files);
    const out = join(root, 'out');
    const { child, done } = startCli(['in', '-o', 'out', '-j', '2', '--report', 'r1.jsonl'], root);
    await waitFor(async () => (await completeJsons(out)).length >= 5, done);
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: rerun the same command to resume/);
    const complete = await expectNoPartialOutputs(out);
    expect(complete.length).toBeLessThan(150);

    const rerun = await runCli(['in', '-o', 'out', '-j', '2', '--report', 'r2.jsonl'], root);
    expect(rerun.code).toBe(0);
    const lines = jsonl<{ status: string }>(await readFile(join(root, 'r2.jsonl'), 'utf8'));
    // A clean stop records every complete output: all of them are skipped.
    expect(lines.filter((l) => l.status === 'skipped')).toHaveLength(complete.length);
    await expectAllDone(root, files);
  });

  it('a full disk stops the batch with exit 1, leaves no partial output, and names the cause', async (ctx) => {
    const root = await tempDir();
    const files = corpus(60);
    await writeTree(root, files);
    const out = join(root, 'out');
    await mkdir(out);
    try {
      // 64 KiB of tmpfs: room for a few documents only.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', out], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // needs root (or a mount namespace) to make a small file system
      return;
    }
    try {
      const run = await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r.jsonl'], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/stopped: cannot write .*no space left on device/i);
      expect(run.stderr).toMatch(/rerun the same command to resume/);
      const written = await expectNoPartialOutputs(out);
      expect(written.length).toBeLessThan(60);
      const errors = jsonl<{ status: string; error: { code: string } | null }>(await readFile(join(root, 'r.jsonl'), 'utf8')).filter((l) => l.status === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((l) => l.error?.code === 'WRITE_FAILED')).toBe(true);
    } finally {
      execFileSync('umount', [out]);
    }
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and an unreadable directory, and converts the rest', async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/ok.html': page(1), 'in/secret.html': page(2), 'in/locked/x.html': page(3) });
    await chmod(join(root, 'in/secret.html'), 0o000);
    await chmod(join(root, 'in/locked'), 0o000);
    try {
      const run = await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r.jsonl'], root);
      expect(run.code).toBe(1);
      const lines = jsonl<{ path: string; error: { code: string } | null }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
      expect(Object.fromEntries(lines.map((l) => [l.path, l.error?.code ?? 'ok']))).toEqual({ 'in/locked': 'UNREADABLE', 'in/ok.html': 'ok', 'in/secret.html': 'UNREADABLE' });
    } finally {
      await chmod(join(root, 'in/locked'), 0o755);
      await rm(root, { recursive: true, force: true });
    }
  });
});
