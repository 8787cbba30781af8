import { describe, expect, it } from 'vitest';
import { jsonl, page, runCli, tempDir, writeTree } from '../batch/helpers.js';

/** An article page of about `kb` KB: large enough to be converted in a worker thread (512 KB and up). */
function bigPage(kb: number): string {
  const paragraphs: string[] = [];
  for (let size = 0, i = 0; size < kb * 1024; i++) {
    paragraphs.push(`<p>Paragraph ${i} says more about the harbour, the dredging plan and the budget of the works.</p>`);
    size += paragraphs[i]!.length + 1;
  }
  return page(1, 1).replace('</article>', `${paragraphs.join('\n')}</article>`);
}

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('one input: --timeout and missing files', { timeout: 300_000 }, () => {
  it('--timeout stops a large single input written to stdout: one line naming the file, exit 1', async () => {
    const root = await tempDir();
    await writeTree(root, { 'big.html': bigPage(600) });
    const stopped = await runCli(['big.html', '--timeout', '0.01'], root);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toBe('unboil: big.html: still running after --timeout 0.01 s; its worker was stopped\n');
  });

  it('a large single input converted in its thread prints what a batch gives', async () => {
    const root = await tempDir();
    await writeTree(root, { 'big.html': bigPage(600) });
    const one = await runCli(['big.html', '-q'], root);
    expect(one.code).toBe(0);
    const [line] = jsonl<{ markdown: string }>((await runCli(['big.html', '--ndjson', '-q'], root)).stdout);
    expect(one.stdout).toBe(line!.markdown);
    expect(one.stdout).toMatch(/Paragraph 6000 says more/);
  });

  it('a file that never existed is "no such file", not "removed after the batch started?"', async () => {
    const root = await tempDir();
    const run = await runCli(['gone.html'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('unboil: gone.html: no such file\n');
  });
});
