import { describe, expect, it } from 'vitest';
import { articlePipeline } from '../../src/pipeline.js';

// bench/stages.ts reports each stage by its plugin's name: the wrappers of for-page-types.ts
// (heuristic, forPageTypes) must pass the wrapped stage's name on.
describe('the article pipeline names its stages', () => {
  const names = (articleGiven: boolean) => (articlePipeline({ articleGiven }) as unknown as { attachers: Array<[{ name: string }]> }).attachers.map(([plugin]) => plugin.name);

  it('gives every stage its own name, wrapped or not', () => {
    const all = names(false);
    expect(all.every((name) => name !== '')).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    // A stage run only on some kinds of page (forPageTypes) and a heuristic stage keep their names.
    expect(all).toContain('pruneContent');
    expect(all).toContain('dropBoilerplateRegions');
    expect(all.indexOf('selectMainContent')).toBeLessThan(all.indexOf('narrowToMainContent'));
  });

  it('leaves the selection stages out when the reader found the article', () => {
    expect(names(true)).not.toContain('selectMainContent');
  });
});
