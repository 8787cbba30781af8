/**
 * The text handler (src/write/plain-text-handler.ts) skips mdast-util-to-markdown's escaping for
 * text with nothing to escape: every tree must be written byte for byte as the library's own
 * handler writes it.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TO_MARKDOWN_OPTIONS } from '../../src/write/markdown.js';

const OURS = TO_MARKDOWN_OPTIONS;
/** The same options with the library's own text handler. */
const LIBRARY: Options = { ...OURS, handlers: {} };

/** Text made of pieces that do and do not need escaping, in every place. */
const PIECES = ['word', 'w', 'www', '.', 'http', 's', ':', '//', '@', 'a_b', '_', '*', '**', '[', ']', '(', ')', '!', '<', '>', 'a', '&', '#', 'amp;', '`', '~', '|', '-', '+', '=', '1', '\\', '\\*', ' ', '  ', '\t', '\n', '\r', '"', "'", 'é', '\u007f', '\u0001', '{', '}', '$', '%', '^', '?', ','];
const textValue = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 8 }).map((parts) => parts.join(''));
const textNode = textValue.map((value): PhrasingContent => ({ type: 'text', value }));

const phrasing = fc.letrec<{ node: PhrasingContent; nodes: PhrasingContent[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textNode,
    textNode,
    fc.record({ type: fc.constant('emphasis' as const), children: tie('nodes') as fc.Arbitrary<PhrasingContent[]> }) as fc.Arbitrary<PhrasingContent>,
    fc.record({ type: fc.constant('strong' as const), children: tie('nodes') as fc.Arbitrary<PhrasingContent[]> }) as fc.Arbitrary<PhrasingContent>,
    fc.record({ type: fc.constant('delete' as const), children: tie('nodes') as fc.Arbitrary<PhrasingContent[]> }) as fc.Arbitrary<PhrasingContent>,
    fc.record({ type: fc.constant('link' as const), url: fc.constantFrom('https://example.com/a', 'mailto:a@b.c', '/x y', 'https://example.com'), title: fc.constantFrom(null, 'A "title"'), children: tie('nodes') as fc.Arbitrary<PhrasingContent[]> }) as fc.Arbitrary<PhrasingContent>,
    textValue.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
    fc.constant<PhrasingContent>({ type: 'break' }),
  ),
  nodes: fc.array(tie('node') as fc.Arbitrary<PhrasingContent>, { minLength: 1, maxLength: 4 }),
}));

const block: fc.Arbitrary<RootContent> = fc.oneof(
  phrasing.nodes.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.tuple(fc.integer({ min: 1, max: 6 }), phrasing.nodes).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children })),
  phrasing.nodes.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
  fc.array(phrasing.nodes, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({ type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })) })),
  // Task list items (mdast-util-gfm writes their first paragraph with a check box), of one or two paragraphs.
  fc.array(fc.tuple(fc.constantFrom(true, false, null), phrasing.nodes, fc.boolean()), { minLength: 1, maxLength: 3 }).map((items): RootContent => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map(([checked, children, two]) => ({ type: 'listItem', spread: two, checked, children: two ? [{ type: 'paragraph', children }, { type: 'paragraph', children: [{ type: 'text', value: 'more' }] }] : [{ type: 'paragraph', children }] })),
  })),
  // Paragraphs of one text node (the paragraph handler's short cut), in a quote and a footnote too.
  textValue.map((value): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  textValue.map((value): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })),
  textValue.map((value): RootContent => ({ type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })),
  fc.array(phrasing.nodes, { minLength: 2, maxLength: 4 }).map((cells): RootContent => ({ type: 'table', children: [{ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }, { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }] })),
);

describe('the plain-text handler', () => {
  it('writes every tree as the library does', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (children) => {
        const tree: Root = { type: 'root', children };
        expect(toMarkdown(tree, OURS)).toBe(toMarkdown(tree, LIBRARY));
      }),
      { numRuns: 600, seed: 16 },
    );
  });

  it('writes text that needs escaping as the library does', () => {
    const cases = ['a * b', '_a_', 'a_b', '1. x', '# x', '[x](y)', '<b>', 'a&amp;', 'www.example.com', 'http://x', 'a@b.co', 'x\\', 'x\\*', '| a |', '~~x~~', 'trailing ', ' leading', 'a\nb', '!['];
    for (const value of cases) {
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
      expect(toMarkdown(tree, OURS), value).toBe(toMarkdown(tree, LIBRARY));
    }
  });
});
