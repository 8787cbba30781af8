import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli, tempDir } from '../batch/helpers.js';

describe('exit codes', () => {
  it('every exit code is documented in the README table and in --help', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const help = (await runCli(['--help'], await tempDir())).stdout;
    for (const [name, code] of Object.entries(EXIT)) {
      expect(readme, name).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
      expect(help, name).toMatch(new RegExp(`(^|  )${code}  `, 'm'));
    }
  }, 60_000);
});
