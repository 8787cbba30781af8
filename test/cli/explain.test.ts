import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

interface Line {
  path: string;
  warnings: Array<{ rule: string; message: string }>;
  explain?: Array<{ rule: string; message: string }>;
}

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('warnings and --explain in a batch', { timeout: 300_000 }, () => {
  it('--explain lines go to the report; warnings and explain lines reach stderr only with -v', async () => {
    const root = await tempDir();
    // No date: a `no-date` warning; a nav and a footer: blocks removed.
    await writeTree(root, { 'in/a.html': page(1).replace(/<meta property="article:published_time"[^>]*>/, '') });
    const quiet = await runCli(['in', '-o', 'out', '--explain', '--report', 'r.jsonl', '-j', '1'], root);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/warning:|explain:/);
    const [line] = jsonl<Line>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    expect(line!.warnings.map((w) => w.rule)).toContain('no-date');
    expect(line!.explain!.length).toBeGreaterThan(0);
    for (const e of line!.explain!) expect(e).toEqual({ rule: expect.any(String), message: expect.any(String) });

    const verbose = await runCli(['in', '-o', 'out2', '--explain', '-v', '-j', '1'], root);
    expect(verbose.stderr).toMatch(/^unboil: in\/a\.html: warning: no publication date found \[no-date\]$/m);
    expect(verbose.stderr).toMatch(/^unboil: in\/a\.html: explain: .+ \[[\w-]+\]$/m);

    const plain = await runCli(['in', '-o', 'out3', '--report', 'r3.jsonl', '-j', '1'], root);
    expect(plain.code).toBe(0);
    expect(jsonl<Line>(await readFile(join(root, 'r3.jsonl'), 'utf8'))[0]).not.toHaveProperty('explain');

    const one = await runCli(['in/a.html', '--explain', '--report', 'r1.jsonl'], root);
    expect(one.stderr).toMatch(/^unboil: in\/a\.html: explain: /m);
    expect(jsonl<Line>(await readFile(join(root, 'r1.jsonl'), 'utf8'))[0]!.explain).toEqual(line!.explain);
  });
});
