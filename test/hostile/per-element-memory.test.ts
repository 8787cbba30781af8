import type { Element } from 'hast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classAndId } from '../../src/hast/util.js';

/**
 * Huge pages (issue 16): what the stages remember per element. A weak map entry for each of
 * 300,000 paragraphs costs time to add and slows every full garbage collection afterwards.
 */
const el = (properties: Element['properties']): Element => ({ type: 'element', tagName: 'p', properties, children: [] });

describe('per-element memory', () => {
  afterEach(() => vi.restoreAllMocks());

  it('remembers no class-and-id string for elements that have neither (the answer is empty at once)', () => {
    const elements = Array.from({ length: 10_000 }, () => el({}));
    const set = vi.spyOn(WeakMap.prototype, 'set');
    const names = elements.map(classAndId);
    const calls = set.mock.calls.length;
    vi.restoreAllMocks();
    expect(names.every((n) => n === '')).toBe(true);
    expect(calls).toBe(0);
  });

  it('still gives the names of elements that have them', () => {
    const cases: Array<[Element['properties'], string]> = [
      [{ className: ['Share', 'BAR'] }, 'share bar'],
      [{ className: [] }, ''],
      [{ id: 'Main' }, 'main'],
      [{ dataTestid: 'consent-Banner' }, 'consent-banner'],
      [{ className: ['a'], id: 'B', dataTestid: 'c' }, 'a b c'],
      [{ id: 7 } as unknown as Element['properties'], ''],
    ];
    for (const [properties, names] of cases) {
      const element = el(properties);
      expect(classAndId(element)).toBe(names);
      expect(classAndId(element)).toBe(names);
    }
  });
});
