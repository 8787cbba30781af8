import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import dropBoilerplateLines from '../../src/extract/drop-boilerplate-lines.js';
import { countStringCalls } from '../helpers/counting.js';

const WHITE_SPACE_RUNS = (pattern: unknown) => pattern instanceof RegExp && pattern.source === '\\s+';

describe('judging the lines of a huge page', () => {
  // A sidebar of 274,000 numbered items: each line's white space was collapsed by a global replace
  // that built a new string though every run was one space, and split into words for the
  // dateline test after the date parser's budget was spent.
  const page = (count: number): Root => ({
    type: 'root',
    children: [{ type: 'element', tagName: 'div', properties: {}, children: Array.from({ length: count }, (_, i): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `Item ${i} in the list` }] })) }],
  });

  it('keeps 20,000 numbered lines, collapsing none of their single spaces and splitting only the lines the date parser reads', () => {
    const tree = page(20_000);
    let splits = 0;
    const replaces = countStringCalls(
      'replace',
      () => {
        splits = countStringCalls('split', () => dropBoilerplateLines()(tree, new VFile()), WHITE_SPACE_RUNS);
      },
      WHITE_SPACE_RUNS,
    );
    expect((tree.children[0] as Element).children.length).toBe(20_000);
    expect(replaces).toBe(0);
    // MAX_DATELINE_PARSES (2,000) lines are read by the date parser, each split once.
    expect(splits).toBeLessThanOrEqual(2000);
  });
});
