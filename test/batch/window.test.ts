import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderedWindow } from '../../src/batch/window.js';
import { readInputFile } from '../../src/batch/read-input.js';
import { isUnboilError } from '../../src/errors.js';

describe('the ordered window', () => {
  const finishingOutOfOrder = (ordered: boolean) => {
    const emitted: number[] = [];
    let started = 0;
    let maxAhead = 0;
    const window = new OrderedWindow<number>({
      count: 6,
      size: 3,
      ordered,
      // Later documents finish first; document 4 gives nothing to emit.
      work: async (index) => {
        started++;
        maxAhead = Math.max(maxAhead, started - emitted.length);
        for (let i = 0; i < 6 - index; i++) await Promise.resolve();
        return index === 4 ? null : index;
      },
      emit: (done) => emitted.push(done),
      stopped: () => false,
      whenStopped: new Promise(() => undefined),
      paused: () => null,
    });
    return window.run().then(() => ({ emitted, maxAhead }));
  };

  it('emits in input order, skips documents with nothing to emit, and starts no more than its size ahead', async () => {
    const { emitted, maxAhead } = await finishingOutOfOrder(true);
    expect(emitted).toEqual([0, 1, 2, 3, 5]);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it('unordered, emits as documents finish', async () => {
    const { emitted } = await finishingOutOfOrder(false);
    expect([...emitted].sort()).toEqual([0, 1, 2, 3, 5]);
    expect(emitted).not.toEqual([0, 1, 2, 3, 5]);
  });
});

describe('reading an input', () => {
  it('fails with the one error type, whose code names the cause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-read-'));
    for (const [path, code] of [
      [dir, 'UNREADABLE'],
      [join(dir, 'missing.html'), 'NOT_FOUND'],
    ] as const) {
      let caught: unknown = null;
      try {
        readInputFile(path, 1000, false);
      } catch (error) {
        caught = error;
      }
      expect(isUnboilError(caught), path).toBe(true);
      expect((caught as { code: string }).code).toBe(code);
    }
  });
});
