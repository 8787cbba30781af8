/**
 * write/merge-text.ts merges runs of adjacent mdast text nodes before hast-util-to-mdast's own
 * clean-up (which is quadratic in a run): every tree must be written as hast-util-to-mdast alone
 * writes it, and a paragraph of many inline elements in linear time.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { hastToMarkdownAndText, normaliseMarkdown, TO_MARKDOWN_OPTIONS } from '../../src/write/markdown.js';
import { cleanUpText, mergeAdjacentText } from '../../src/write/merge-text.js';

const PIECES = ['word', 'w', ' ', '  ', '\t', '\n', '\r\n', '\r', '', 'a b', ' x ', '*', '_', '.', '1.', '#'];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 3 }).map((parts): ElementContent => ({ type: 'text', value: parts.join('') }));
const inline = fc.letrec<{ node: ElementContent; nodes: ElementContent[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    text,
    fc.tuple(fc.constantFrom('span', 'em', 'b', 'a', 'textarea', 'code', 'br'), tie('nodes') as fc.Arbitrary<ElementContent[]>).map(([tagName, children]): ElementContent => ({ type: 'element', tagName, properties: tagName === 'a' ? { href: '/x' } : {}, children: tagName === 'br' ? [] : children })),
  ),
  nodes: fc.array(tie('node') as fc.Arbitrary<ElementContent>, { minLength: 0, maxLength: 6 }),
}));
const block = fc.tuple(fc.constantFrom('p', 'h2', 'div', 'li', 'blockquote', 'td'), inline.nodes).map(([tagName, children]): ElementContent => {
  const element: Element = { type: 'element', tagName, properties: {}, children };
  if (tagName === 'li') return { type: 'element', tagName: 'ul', properties: {}, children: [element] };
  if (tagName === 'td') return { type: 'element', tagName: 'table', properties: {}, children: [{ type: 'element', tagName: 'tr', properties: {}, children: [element] }] };
  return element;
});

/** The Markdown of hast-util-to-mdast alone (its own clean-up merging the texts). */
const library = (tree: Root): string => normaliseMarkdown(toMarkdown(toMdast(tree, { document: true, newlines: false }) as never, TO_MARKDOWN_OPTIONS));

describe('merging adjacent text', () => {
  it('writes every tree as hast-util-to-mdast alone does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(block, inline.node), { minLength: 1, maxLength: 5 }), async (children) => {
        const tree: Root = { type: 'root', children };
        const expected = library(structuredClone(tree));
        const { markdown } = await hastToMarkdownAndText(structuredClone(tree), new VFile());
        expect(markdown).toBe(expected);
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it('merges a run of texts into its first node and leaves runs with a line break', () => {
    const paragraph = { type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'a ' }, { type: 'text' as const, value: 'b' }, { type: 'emphasis' as const, children: [] }, { type: 'text' as const, value: 'c\n' }, { type: 'text' as const, value: 'd' }] };
    const first = paragraph.children[0];
    mergeAdjacentText({ type: 'root', children: [paragraph] });
    expect(paragraph.children).toEqual([{ type: 'text', value: 'a b' }, { type: 'emphasis', children: [] }, { type: 'text', value: 'c\n' }, { type: 'text', value: 'd' }]);
    expect(paragraph.children[0]).toBe(first);
  });

  // hast-util-to-mdast's own clean-up of text nodes (a visit of the whole tree, a closure and an
  // array of ancestors per node, nodes removed with splice) is done by cleanUpText in one pass.
  it('cleans text nodes as hast-util-to-mdast does: merges again, trims at the ends, removes what is left empty', () => {
    const t = (value: string) => ({ type: 'text' as const, value });
    const paragraph = { type: 'paragraph' as const, children: [t(' \t a \n b'), t(' \n c '), { type: 'emphasis' as const, children: [t('  e  ')] }, t(' '), t('\n x \n y '), t('\t ')] };
    const heading = { type: 'heading' as const, depth: 2 as const, children: [t('  ')] };
    const list = { type: 'listItem' as const, children: [t('  kept  ')] };
    const tree = { type: 'root' as const, children: [paragraph, heading, list] };
    cleanUpText(tree as never);
    // 'a' and its break keep no spaces; the second text, merged in, keeps its own (only the first
    // break of a text is cleaned each time); the last run loses its trailing spaces.
    expect(paragraph.children).toEqual([t('a\nb \n c '), { type: 'emphasis', children: [t('  e  ')] }, t('\nx \n y')]);
    expect(heading.children).toEqual([]);
    expect(list.children).toEqual([t('  kept  ')]);
  });
});
