import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree, page } from '../batch/helpers.js';

// Each case runs the CLI from source (tsx): slow on a loaded machine, hence the timeout.
describe('bad option values', { timeout: 300_000 }, () => {
  it('each is one line naming the option and what it accepts, exit 2, nothing converted', async () => {
    const root = await tempDir();
    await writeTree(root, { 'p.html': page(1) });
    const cases: Array<[string[], RegExp]> = [
      [['-j', '0'], /--jobs <n>' argument '0' is invalid\. expected a whole number, 1 or more/],
      [['-j', 'abc'], /--jobs <n>' argument 'abc' is invalid\. expected a whole number, 1 or more/],
      [['--timeout', '0'], /--timeout <seconds>' argument '0' is invalid\. expected a number of seconds greater than 0/],
      [['--timeout', ''], /--timeout <seconds>' argument '' is invalid/],
      [['--max-bytes', '1k'], /--max-bytes <n>' argument '1k' is invalid\. expected a whole number, 1 or more/],
      [['--max-per-worker', '-1'], /--max-per-worker <n>' argument '-1' is invalid\. expected a whole number, 0 or more/],
      [['--max-memory', '1.5'], /--max-memory <mb>' argument '1.5' is invalid/],
      [['--ext', ','], /--ext <list>' argument ',' is invalid\. expected a comma-separated list/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['p.html', ...args], root);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/^unboil: option '/);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
});
