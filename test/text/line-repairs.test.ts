import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { dropPageFurniture, dropRunningLines } from '../../src/read/text/page-furniture.js';
import { deinterleaveColumns } from '../../src/read/text/layout-columns.js';
import { LINK_MARK, isMarkdownDump, plainDumpToMarkdown } from '../../src/read/text/plain-dump.js';
import { readFrontMatter } from '../../src/read/text/front-matter.js';
import { documentWords, shouldJoin } from '../../src/read/text/hyphenation.js';
import { candidatesFor } from '../../src/metadata/candidates.js';

describe('hyphenation', () => {
  const words = documentWords('The network is up. A state-owned firm. Both halves: self and evident.');
  it('joins a fragment that is no word', () => expect(shouldJoin('deescalat', 'ing', words)).toBe(true));
  it('joins a word the document uses', () => expect(shouldJoin('net', 'work', words)).toBe(true));
  it('keeps a compound the document uses', () => expect(shouldJoin('state', 'owned', words)).toBe(false));
  it('keeps a compound of common first halves', () => expect(shouldJoin('well', 'known', new Map())).toBe(false));
  it('keeps a hyphen before a capital', () => expect(shouldJoin('Franco', 'German', new Map())).toBe(false));
  it('always joins at a soft hyphen', () => expect(shouldJoin('well', 'known', new Map(), true)).toBe(true));
});

describe('page furniture', () => {
  it('drops running headers and page numbers and keeps the text', () => {
    const page = (n: number, body: string) => `Annual Report 2020 — Chapter ${n}\n\n${body}\n\n${n}\n`;
    const text = [page(1, 'First page text.'), page(2, 'Second page text.'), page(3, 'Third page text.')].join('\f');
    const out = dropPageFurniture(text, new VFile());
    expect(out).toBe('First page text.\n\nSecond page text.\n\nThird page text.\n');
  });
  it('leaves a text without form feeds alone', () => {
    expect(dropPageFurniture('12\n\nA line.', new VFile())).toBe('12\n\nA line.');
  });
  it('works on pages of lines (as the PDF reader has them)', () => {
    const { pages, dropped } = dropRunningLines([['Header', 'a', '- 1 -'], ['Header', 'b', '- 2 -']]);
    expect(pages).toEqual([['a'], ['b']]);
    expect(dropped).toBe(4);
  });
});

describe('layout columns', () => {
  it('reads the left column before the right one', () => {
    const rows = [
      ['Left column line one of text', 'Right column line one of text'],
      ['left column line two of text', 'right column line two of text'],
      ['left column line three of it', 'right column line three of it'],
      ['left column line four of it.', 'right column line four of it.'],
      ['', ''],
      ['Left again, a new paragraph', 'Right again, a new paragraph'],
      ['that ends on this line here.', 'that ends on this line here.'],
    ];
    const text = rows.map(([a, b]) => `${a!.padEnd(34)}${b}`.trimEnd()).join('\n');
    const out = deinterleaveColumns(text, new VFile()).split('\n').filter(Boolean);
    expect(out[0]).toBe('Left column line one of text');
    expect(out[5]).toBe('that ends on this line here.');
    expect(out[6]).toBe('Right column line one of text');
  });
  it('leaves one-column text alone', () => {
    const text = 'A normal paragraph of text that runs across the page as one column does.\nAnd a second line of it.';
    expect(deinterleaveColumns(text, new VFile())).toBe(text);
  });
});

describe('plain dumps', () => {
  it('tells Markdown dumps from plain ones', () => {
    expect(isMarkdownDump('# Title\n\nText with a [link](https://x.example).')).toBe(true);
    expect(isMarkdownDump('   [1]Home [2]News\n\n   Some text.')).toBe(false);
  });
  it('marks lynx links, drops the references and unindents', () => {
    const dump = '   [1]Home\n\n   Text with a [2]link in it.\n\nReferences\n\n   1. https://a.example/\n   2. https://b.example/\n';
    const out = plainDumpToMarkdown(dump, new VFile());
    expect(out).toContain('[Home](<https://a.example/>)');
    expect(out).toContain(`Text with a ${LINK_MARK}link in it.`);
    expect(out).not.toContain('References');
    expect(out).not.toContain('https://b.example/');
  });
  it('escapes what Markdown would misread', () => {
    const out = plainDumpToMarkdown('A snake_case_name and *stars* here.\n', new VFile());
    expect(out.trim()).toBe('A snake\\_case\\_name and \\*stars\\* here.');
  });
  it('rebuilds a link that fills its line, punctuation outside; not one inside running text', () => {
    const out = plainDumpToMarkdown('   By [https://x.example/jane]Jane Doe.\n\n   You can read [https://x.example/r]the full report here.\n', new VFile());
    expect(out).toContain('By [Jane Doe](<https://x.example/jane>).');
    expect(out).toContain(`You can read ${LINK_MARK}the full report here.`);
  });
  it('turns text-browser bullets into list items', () => {
    const out = plainDumpToMarkdown('   Menu\n     * Home\n     * News\n', new VFile());
    expect(out).toContain('- Home\n- News');
  });
});

describe('front matter', () => {
  it('reads the metadata and removes the block', () => {
    const file = new VFile();
    const rest = readFrontMatter('---\ntitle: Nets\nauthor: [A. Writer]\ndate: 2022-01-18\ntags: a, b\n---\n\nBody.\n', file);
    expect(rest).toBe('\nBody.\n');
    expect(candidatesFor(file, 'title')[0]).toEqual({ field: 'title', value: 'Nets', source: 'front-matter' });
    expect(candidatesFor(file, 'authors')[0]!.value).toEqual([{ name: 'A. Writer', url: null, bio: null }]);
    expect(candidatesFor(file, 'published')[0]!.value).toBe('2022-01-18');
    expect(candidatesFor(file, 'tags')[0]!.value).toEqual(['a', 'b']);
  });
  it('keeps a block that is not YAML, with a warning', () => {
    const file = new VFile();
    const text = '---\ntitle: [unclosed\n---\nBody.';
    expect(readFrontMatter(text, file)).toBe(text);
    expect(file.messages[0]!.ruleId).toBe('front-matter-invalid');
  });
});
