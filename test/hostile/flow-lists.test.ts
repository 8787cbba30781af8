import type { Paragraph, RootContent } from 'mdast';
import { toMdast, type State } from 'hast-util-to-mdast';
import { describe, expect, it, vi } from 'vitest';
import { flowFirst } from '../../src/write/markdown.js';

/** hast-util-to-mdast's own toFlow (its wrap), taken from its state. */
function libraryToFlow(): State['toFlow'] {
  let toFlow: State['toFlow'] | null = null;
  toMdast({ type: 'root', children: [] }, { nodeHandlers: { root: (state) => ((toFlow = state.toFlow), { type: 'root', children: [] }) } });
  return toFlow!;
}

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const LISTS: Array<[string, () => RootContent[]]> = [
  ['paragraphs', () => [paragraph('a'), paragraph('b')]],
  ['every kind of flow', () => [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'h' }] }, { type: 'thematicBreak' }, { type: 'blockquote', children: [paragraph('q')] }, { type: 'list', children: [] }, { type: 'table', children: [] }, { type: 'code', value: 'x' }]],
  ['text between paragraphs', () => [paragraph('a'), { type: 'text', value: 'loose' }, paragraph('b')]],
  ['white space between paragraphs', () => [paragraph('a'), { type: 'text', value: '\n' }, paragraph('b')]],
  ['a paragraph marked as a hast <span>', () => [paragraph('a'), { ...paragraph('b'), data: { hName: 'span' } } as RootContent]],
  ['a link around a paragraph', () => [{ type: 'link', url: '/x', children: [paragraph('a') as never] }]],
];

// Huge pages (issue 16): hast-util-to-mdast wraps every list of a parent's converted children,
// asking of each node whether it is any of 16 phrasing types; a wide page's 274,000 paragraphs
// came to it in one list, which it copied unchanged.
describe('lists of flow content in the writer', () => {
  it('hands a list of only flow content back as it is, without wrapping (10,000 paragraphs)', () => {
    const wrap = vi.fn(libraryToFlow());
    const nodes = Array.from({ length: 10_000 }, (_, i) => paragraph(`Item ${i}`));
    expect(flowFirst(wrap)(nodes)).toBe(nodes);
    expect(wrap).not.toHaveBeenCalled();
  });

  it.each(LISTS)('gives what hast-util-to-mdast gives: %s', (_, list) => {
    const wrap = vi.fn(libraryToFlow());
    expect(flowFirst(wrap)(list())).toEqual(libraryToFlow()(list()));
  });
});
