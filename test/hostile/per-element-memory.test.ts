import type { Element, Root } from 'hast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classAndId } from '../../src/hast/util.js';
import { computeStats } from '../../src/hast/stats.js';

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

  /** A root holding a <div> of `count` paragraphs. */
  const widePage = (count: number): { tree: Root; div: Element; paragraphs: Element[] } => {
    const paragraphs = Array.from({ length: count }, (_, i): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `Item ${i}, listed` }] }));
    const div: Element = { type: 'element', tagName: 'div', properties: {}, children: paragraphs };
    return { tree: { type: 'root', children: [div] }, div, paragraphs };
  };

  it('puts no element of a measured tree in a Map (computeStats; half the time of measuring before)', () => {
    const { tree, paragraphs } = widePage(10_000);
    const set = vi.spyOn(Map.prototype, 'set');
    const stats = computeStats(tree);
    const calls = set.mock.calls.length;
    vi.restoreAllMocks();
    expect(calls).toBe(0);
    expect(stats.get(paragraphs[9_999]!)).toMatchObject({ text: 'Item9999,listed'.length, commas: 1 });
  });

  it('finds each element of its own measurement, even after another measured part of the tree', () => {
    const { tree, div, paragraphs } = widePage(3);
    const whole = computeStats(tree);
    const part = computeStats(paragraphs[1]!); // the paragraph is now at index 0 of this one
    expect(whole.get(paragraphs[1]!)!.parent).toBe(div);
    expect(whole.get(tree)!.text).toBe(3 * 'Item0,listed'.length);
    expect(part.get(paragraphs[1]!)!.parent).toBe(null);
    expect(part.has(paragraphs[0]!)).toBe(false);
    expect(part.has(div)).toBe(false);
  });

  it('knows nothing of elements it did not measure, copies included, and leaves nodes comparable', () => {
    const { tree, div } = widePage(2);
    const stats = computeStats(tree);
    const copy = { ...div };
    expect(stats.has(copy)).toBe(false);
    expect(stats.has({ type: 'element', tagName: 'p', properties: {}, children: [] })).toBe(false);
    expect(copy).toStrictEqual(widePage(2).div);
    expect(Object.keys(div)).toEqual(['type', 'tagName', 'properties', 'children']);
  });
});
