/**
 * The text reader's Markdown parser (src/read/text/parse-markdown.ts) leaves out the GFM syntax
 * that cannot occur in a text: every text must give the tree remark-parse with remark-gfm gives.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gfmPartsFor, parseMarkdown } from '../../src/read/text/parse-markdown.js';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();

/** Lines made of pieces of Markdown syntax, GFM's among them, and of the marks that bring it in. */
const PIECES = ['word', ' ', 'w', 'ww', 'www', '.', 'W', 'http', 'HTTPS', 's', ':', '/', '//', '@', 'a', 'b.co', '&', '#64;', '#x40;', 'amp;', '\\', '|', '-', '---', ':-', '~', '~~', '*', '_', '[', ']', '(', ')', '[^1]', '[^1]: ', '[ ] ', '[x] ', '- ', '1. ', '> ', '# ', '`', '<', '>', '!', '\t', '    '];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));
const markdown = fc.array(fc.oneof(line, line, fc.constant('')), { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

/** The tree, or the error (under vitest the libraries' development builds assert, e.g. on `*\n[ ] word`). */
function attempt(parse: () => unknown): unknown {
  try {
    return { tree: parse() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('parseMarkdown', () => {
  it('gives the tree remark-gfm gives, on random Markdown', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(attempt(() => parseMarkdown(text))).toEqual(attempt(() => remark.parse(text)));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it.each([
    ['an e-mail address', 'Write to a@b.co today.'],
    ['a www link', 'See www.example.com now.'],
    ['an http link', 'See HTTP://example.com now.'],
    ['an @ written as a reference', 'Write to a&#64;b.co today.'],
    ['a www link with an escaped dot', 'See www\\.example.com now.'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['a table without outer pipes', 'a | b\n- | -\n1 | 2'],
    ['a table of one column and no pipe', 'word\n:-\nnext'],
    ['a right-aligned table of one column and no pipe', 'word\n-:'],
    ['a footnote', 'Text[^1].\n\n[^1]: The note.'],
    ['a task list', '- [x] done\n- [ ] not yet'],
    ['a strikethrough', 'Not ~~this~~ but that.'],
  ])('gives the tree remark-gfm gives for %s', (_, text) => {
    expect(parseMarkdown(text)).toEqual(remark.parse(text));
  });

  it('does not look for autolink literals or tables in prose that cannot hold them (each tried every letter, or every first line)', () => {
    expect(gfmPartsFor('The harbour committee met again on Tuesday. '.repeat(100))).toEqual(['footnote', 'strikethrough', 'task list item']);
    expect(gfmPartsFor('Mail a@b.co | or not')).toEqual(['autolink literal', 'footnote', 'strikethrough', 'table', 'task list item']);
  });
});
