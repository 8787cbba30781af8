import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { convert, isUnboilError } from '../../src/index.js';
import { hostileInputs } from '../../scripts/hostile-inputs.js';
import { schemaErrors } from '../helpers/schema.js';

/**
 * Malformed and extreme documents: each ends in a result or a typed error with a code, never a
 * crash (a RangeError from a stack overflow is a crash). The huge inputs run at 2% of their
 * size here (bench/hostile.ts runs them whole); the nesting ones run whole, since depth is the point.
 */
const WHOLE = new Set(['nested-divs', 'nested-emphasis', 'nested-unclosed-inline', 'nested-blockquotes', 'text-nested-quotes', 'text-emphasis-run']);
const small = hostileInputs(0.02);
const whole = new Map(hostileInputs(1).map((input) => [input.name, input]));

describe('malformed and extreme inputs end in output or a typed error', () => {
  for (const sample of small) {
    const input = WHOLE.has(sample.name) ? whole.get(sample.name)! : sample;
    it(`${input.name}.${input.ext} -> ${input.expect}${input.code ? ` ${input.code}` : ''}`, async () => {
      let outcome: 'output' | 'error';
      try {
        const result = await convert(input.bytes(), { path: `${input.name}.${input.ext}` });
        outcome = 'output';
        expect(schemaErrors(result.metadata)).toBeNull();
        expect(() => unified().use(remarkParse).parse(result.markdown)).not.toThrow();
        if (WHOLE.has(input.name)) expect(result.markdown).toContain('deep text survives'); // nothing lost
      } catch (error) {
        if (!isUnboilError(error)) throw error; // a crash: not a typed error
        outcome = 'error';
        expect(error.code).toMatch(/^[A-Z_]+$/);
        expect(error.message.length).toBeGreaterThan(0);
        if (input.code) expect(error.code).toBe(input.code);
      }
      if (input.expect !== 'either') expect(outcome).toBe(input.expect);
    });
  }

  it('a page of only scripts and styles gives an empty article with a warning', async () => {
    const input = small.find((i) => i.name === 'scripts-and-styles-only')!;
    const result = await convert(input.bytes());
    expect(result.markdown).not.toMatch(/var x|color:red|not text/);
    expect(result.metadata.warnings.map((w) => w.rule)).toContain('empty-article');
  });

  it('deep nesting says what it did', async () => {
    const result = await convert(whole.get('nested-divs')!.bytes());
    expect(result.metadata.warnings.map((w) => w.rule)).toContain('too-deep');
  });
});

describe('--max-bytes refuses larger inputs with a clear error', () => {
  it('exits 1 and names the file and the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-maxbytes-'));
    try {
      const big = join(dir, 'big.html');
      writeFileSync(big, `<html><body><p>${'word '.repeat(2000)}</p></body></html>`);
      const run = promisify(execFile);
      const cli = join(import.meta.dirname, '../cli/unboil-dev.ts');
      const failed = await run(process.execPath, ['--import', 'tsx', cli, big, '--max-bytes', '1000'], { cwd: join(import.meta.dirname, '../..') }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed).not.toBeNull();
      expect(failed!.code).toBe(1);
      expect(failed!.stderr).toMatch(/big\.html/);
      expect(failed!.stderr).toMatch(/max-bytes|TOO_LARGE|too large/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
