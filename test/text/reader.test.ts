import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { convert } from '../../src/index.js';
import { sniffFormat } from '../../src/read/sniff.js';
import { notAnArticle } from '../../src/read/text/not-an-article.js';
import { readTextMetadata, titleCase } from '../../src/read/text/text-metadata.js';
import findArticle, { bestSpan } from '../../src/read/text/find-article.js';
import { candidatesFor } from '../../src/metadata/candidates.js';
import { parse } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffing', () => {
  it('tells the kinds apart by content', () => {
    expect(sniffFormat(enc('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffFormat(enc('<!doctype html><html><body>x</body></html>'))).toBe('html');
    expect(sniffFormat(enc('Just some text.\n'))).toBe('text');
  });
  it('reads .txt and .md files as text even when they quote markup', () => {
    expect(sniffFormat(enc('<html> is the root element.\n'), 'notes.txt')).toBe('text');
    expect(sniffFormat(enc('<div>x</div>'), 'page.md')).toBe('text');
    expect(sniffFormat(enc('%PDF-1.4'), 'misnamed.txt')).toBe('pdf');
  });
});

describe('not an article', () => {
  it('recognises a CSV, a log and minified code', () => {
    expect(notAnArticle('a,b,c\n1,2,3\n4,5,6\n7,8,9\n')).toMatch(/CSV/);
    expect(notAnArticle('2021-01-01 10:00:00 INFO start\n2021-01-01 10:00:01 WARN slow\n2021-01-01 10:00:02 ERROR stop\n')).toBe('a log');
    expect(notAnArticle(`!function(e){var t={};function n(r){if(t[r])return t[r].exports;${'var a=1;'.repeat(80)}}}();`)).toBe('minified code');
  });
  it('does not flag prose, even with commas', () => {
    expect(notAnArticle('One, two, three, said she, and left.\nThen, later, he came, sat, and spoke.\nAfter that, nothing, for hours, happened.\n')).toBeNull();
  });
  it('passes such a text through with a warning', async () => {
    const result = await convert('id,name\n1,a\n2,b\n3,c\n', { path: 'data.csv', from: 'text' });
    expect(result.markdown).toContain('```\nid,name\n1,a\n2,b\n3,c\n```');
    expect(result.metadata.warnings.map((w) => w.rule)).toContain('text-not-article');
  });
  it('never crashes on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (s) => {
        const result = await convert(`x${s}`, { from: 'text' });
        expect(typeof result.markdown).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});

describe('text metadata', () => {
  const brief = [
    '# A Title Here',
    'by [Ann Lee \\(/experts/ann-lee\\)](#)',
    'Jan 9, 2020',
    'Also available in',
    '[Français \\(/fr/a-title\\)](#)',
    '## ABOUT THE AUTHOR',
    '[Ann Lee](/experts/ann-lee)',
    'Ann Lee is a fellow who studies ports and the shipping of grain.',
    'Brief Analysis',
    'The body of the brief starts here and runs on for a good number of words in one sentence.',
    '## RECOMMENDED',
    'COMMENTARY',
    '### [Another Piece](#)',
    'Feb 1, 2021',
    'Bo Chen',
    '(/analysis/another-piece)',
  ].join('\n\n');

  it('reads each field and takes its blocks out of the body', async () => {
    const { default: repairEscapedLinks } = await import('../../src/read/text/repair-escaped-links.js');
    const tree = parse(brief);
    const file = new VFile();
    repairEscapedLinks()(tree, file);
    readTextMetadata(tree, file);
    const value = <F extends Parameters<typeof candidatesFor>[1]>(f: F) => candidatesFor(file, f)[0]?.value;
    expect(value('title')).toBe('A Title Here');
    expect(value('authors')).toEqual([{ name: 'Ann Lee', url: '/experts/ann-lee', bio: 'Ann Lee is a fellow who studies ports and the shipping of grain.' }]);
    expect(value('published')).toBe('2020-01-09');
    expect(value('section')).toBe('Brief Analysis');
    expect(value('translations')).toEqual([{ lang: 'fr', label: 'Français', url: '/fr/a-title' }]);
    expect(value('related')).toEqual([
      { title: 'Another Piece', url: '/analysis/another-piece', published: '2021-02-01', authors: ['Bo Chen'], section: 'Commentary' },
    ]);
    expect(tree.children.map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });

  it('title-cases labels printed in capitals', () => {
    expect(titleCase('ARTICLES & TESTIMONY')).toBe('Articles & Testimony');
    expect(titleCase('STATE OF THE UNION')).toBe('State of the Union');
  });
});

describe('finding the article in a page dump', () => {
  const prose = (n: number) => `Paragraph ${n} of the article tells what happened, where it happened and why it matters to the town.`;
  const dump = [
    '- [Home](/)\n- [News](/news)\n- [Sport](/sport)\n- [Weather](/weather)',
    '[Log in](/login) | [Subscribe](/subscribe)',
    prose(1),
    prose(2),
    'Advertisement',
    prose(3),
    '## Related articles',
    '- [Other story one](/a)\n- [Other story two](/b)',
    '## 2 Comments',
    'A reader says this is a long comment that goes on about the story for quite a while indeed.',
    '© 2020 The Paper. All rights reserved.',
  ].join('\n\n');

  it('keeps the article and drops navigation, ads, related links and comments', () => {
    const tree = parse(dump);
    findArticle(tree, new VFile());
    const text = tree.children.map((b) => JSON.stringify(b));
    expect(tree.children).toHaveLength(3);
    expect(text.join()).toContain('Paragraph 1');
    expect(text.join()).toContain('Paragraph 3');
    expect(text.join()).not.toContain('Advertisement');
    expect(text.join()).not.toContain('long comment');
  });

  it("keeps a listicle's cards (a heading, its facts, a linked buy line) between the article's paragraphs, not a menu's sections", () => {
    const card = (n: number) => [
      `## Gadget ${n}`,
      `- Lasts a whole day on one charge\n- Folds flat into a coat pocket\n- Comes in three colours`,
      `[Gadget ${n} with case](https://shop.example/g${n}) [$${n}9.99](https://shop.example/g${n}) [Buy now](https://shop.example/g${n}/buy)`,
    ];
    const menu = (name: string) => [`## ${name}`, `- [${name} one](/a)\n- [${name} two](/b)\n- [${name} three](/c)`];
    const page = [...menu('Sports'), ...menu('Business'), ...menu('Living'), prose(1), prose(2), ...card(1), ...card(2), ...card(3), prose(3), '© 2020 The Paper. All rights reserved.'].join('\n\n');
    const tree = parse(page);
    findArticle(tree, new VFile());
    const text = JSON.stringify(tree.children);
    expect(text).toContain('Paragraph 1');
    expect(text).toContain('Gadget 2 with case');
    expect(text).toContain('Folds flat into a coat pocket');
    expect(text).toContain('Paragraph 3');
    expect(text).not.toContain('Business two');
  });

  it('leaves a text with no boilerplate as it is', () => {
    const tree = parse(`# Title\n\nShort line\n\n${prose(1)}\n\nThanks for reading`);
    findArticle(tree, new VFile());
    expect(tree.children).toHaveLength(4);
  });

  it('finds the best span', () => {
    expect(bestSpan([-5, 3, 4, -1, 5, -20, 6])).toEqual([1, 4]);
  });
});

describe('the text reader end to end', () => {
  it('resolves a link whose target sat in its text against --base-url', async () => {
    const result = await convert('Some text with [a link \\(/path/to\\)](#) in a sentence of prose that runs on.\n', { from: 'text', baseUrl: 'https://ex.org/a/' });
    expect(result.markdown).toContain('[a link](https://ex.org/path/to)');
  });
  it('keeps separators only between parts of the article', async () => {
    const para = (n: number) => `Part ${n} of the story goes on for a while, telling the reader what happened next and why.`;
    const page = ['- [Home](/)\n- [News](/news)\n- [Sport](/sport)', '* * *', para(1), '* * *', para(2), '* * *', '## Related articles', '- [Other](/o)\n- [More](/m)'].join('\n\n');
    const result = await convert(page, { from: 'text', title: false });
    expect(result.markdown).toBe(`${para(1)}\n\n---\n\n${para(2)}\n`);
  });
});
