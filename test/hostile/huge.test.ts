import type { Element, ElementContent, Root } from 'hast';
import type { Paragraph, PhrasingContent, Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { defaultHandlers, toMarkdown, type Handle } from 'mdast-util-to-markdown';
import { hastToMarkdownAndText, TO_MARKDOWN_OPTIONS } from '../../src/write/markdown.js';
import { textOf } from '../../src/hast/util.js';
import { HUGE_SHAPES, hugePage } from '../helpers/huge-pages.js';
import dropHeadingFurniture from '../../src/tidy/heading-furniture.js';
import foldCaptions from '../../src/tidy/fold-captions.js';
import mergeSplitParagraphs from '../../src/read/text/merge-split-paragraphs.js';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const SECTIONS = 30_000;

// Huge pages (issue 16): no recursion or argument spread over a node's children, nothing
// quadratic. The sizes here are small enough for the test suite; `npm run bench:hostile` runs
// 1, 8 and 32 MB and prints the rates.
describe('huge pages', { timeout: 150_000 }, () => {
  it('writes a div of 150,000 paragraphs (a spread of its children overflowed the stack)', async () => {
    const children: ElementContent[] = [];
    for (let i = 0; i < 150_000; i++) {
      children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `Item ${i}` }] } as Element, { type: 'text', value: '\n' });
    }
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'div', properties: {}, children }] };
    const { markdown } = await hastToMarkdownAndText(tree, new VFile());
    const lines = markdown.split('\n\n');
    expect(lines.length).toBe(150_000);
    expect(lines[149_999]).toBe('Item 149999\n');
  });

  // hast-util-to-mdast spreads some lists of nodes as arguments (a link's pieces, a list's
  // non-items, a <dl>'s <div>s): each of these overflowed the call stack.
  const items = (tag: string, count: number) => Array.from({ length: count }, (_, i) => el(tag, {}, [text(`Item ${i}`)]));
  const SPREAD_CASES: Array<[string, Element, (markdown: string) => void]> = [
    ['an <a> around a <div> of 150,000 paragraphs', el('a', { href: '/x' }, [el('div', {}, items('p', 150_000))]), (md) => {
      const blocks = md.split('\n\n');
      expect(blocks.length).toBe(150_000);
      expect(blocks[149_999]).toBe('[Item 149999](/x)\n');
    }],
    ['a <del> around a <div> of 150,000 paragraphs', el('del', {}, [el('div', {}, items('p', 150_000))]), (md) => {
      expect(md.split('\n\n').length).toBe(150_000);
      expect(md.endsWith('~~Item 149999~~\n')).toBe(true);
    }],
    ['a <ul> of 150,000 children, none an <li>', el('ul', {}, items('b', 150_000)), (md) => {
      expect(md.startsWith('- **Item 0**')).toBe(true);
      expect(md.endsWith('**Item 149999**\n')).toBe(true);
    }],
    ['a <dl> whose <div> holds 150,000 terms and definitions', el('dl', {}, [el('div', {}, items('dt', 150_000).flatMap((dt, i) => (i % 2 ? [] : [dt, el('dd', {}, [text(`Def ${i}`)])])))]), (md) => {
      expect(md.match(/^- Item \d+$/gm)?.length).toBe(75_000);
      expect(md.endsWith('- Item 149998\n\n  Def 149998\n')).toBe(true);
    }],
  ];
  for (const [name, element, check] of SPREAD_CASES) {
    it(`writes ${name}`, async () => {
      const { markdown } = await hastToMarkdownAndText({ type: 'root', children: [element] }, new VFile());
      check(markdown);
    });
  }

  it(`drops the permalinks of ${SECTIONS} headed sections in one element (each heading listed its parent's elements)`, () => {
    const children: ElementContent[] = [];
    for (let i = 0; i < SECTIONS; i++) {
      children.push(el('h2', { id: `s${i}` }, [text(`Section ${i} `), el('a', { href: `#s${i}` }, [text('#')])]), el('p', {}, [text(`Text ${i}`)]));
    }
    const div = el('div', {}, children);
    dropHeadingFurniture()({ type: 'root', children: [div] }, new VFile());
    const headings = div.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'h2');
    expect(headings.length).toBe(SECTIONS);
    expect(headings.every((h) => h.children.length === 1 && h.children[0]!.type === 'text')).toBe(true);
  });

  it(`folds the captions of ${SECTIONS} images in one element (each caption listed its parent's elements)`, () => {
    const children: ElementContent[] = [];
    for (let i = 0; i < SECTIONS; i++) {
      children.push(el('img', { src: `/i${i}.png` }, []), el('span', { className: ['caption'] }, [text(`Caption ${i}`)]), el('p', {}, [text(`Text ${i}`)]));
    }
    const div = el('div', {}, children);
    foldCaptions()({ type: 'root', children: [div] }, new VFile());
    expect(div.children.length).toBe(2 * SECTIONS);
    expect((div.children[2 * SECTIONS - 2] as Element).properties.title).toBe(`Caption ${SECTIONS - 1}`);
  });

  it('writes a paragraph of 20,000 inline elements without going over its growing text once per element (quadratic)', async () => {
    // hast-util-to-mdast's clean-up merged each element's text into the text before and ran a
    // regular expression over the whole merged text again: 40,000 <span>s took 27 s, 400,000 hours.
    const spans = Array.from({ length: 20_000 }, (_, i) => el('span', {}, [text(`w${i} `)]));
    const replace = String.prototype.replace;
    let overLongText = 0;
    String.prototype.replace = function (this: string, ...args: Parameters<string['replace']>) {
      if (this.length > 10_000) overLongText++;
      return replace.apply(this, args);
    } as typeof replace;
    let markdown: string;
    try {
      ({ markdown } = await hastToMarkdownAndText({ type: 'root', children: [el('p', {}, spans)] }, new VFile()));
    } finally {
      String.prototype.replace = replace;
    }
    expect(markdown.startsWith('w0 w1 w2 ')).toBe(true);
    expect(markdown.endsWith(' w19999\n')).toBe(true);
    expect(overLongText).toBeLessThan(100);
  });

  // The white-space minifier asked, for each child, whether a break follows, reading every later
  // sibling up to the first that decides (a run of 40,000 empty <span>s took 49 s), and removed
  // white space with `splice` (40,000 `<br> ` 4.8 s). The children of the <p> are counted as read.
  const WIDE_INLINE: Array<[string, () => ElementContent[]]> = [
    ['empty <span>s', () => [el('span', {}, [])]],
    ['<br>s with white space between', () => [el('br', {}, []), text(' ')]],
  ];
  for (const [name, make] of WIDE_INLINE) {
    it(`writes a paragraph of 3,000 ${name} reading each child a bounded number of times`, async () => {
      const count = 3000;
      const children: ElementContent[] = [text('start ')];
      for (let i = 0; i < count; i++) children.push(...make());
      children.push(text(' end'));
      let reads = 0;
      const counted = new Proxy(children, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      const { markdown } = await hastToMarkdownAndText({ type: 'root', children: [el('p', {}, counted)] }, new VFile());
      expect(markdown.startsWith('start')).toBe(true);
      expect(markdown.trimEnd().endsWith('end')).toBe(true);
      expect(reads).toBeLessThan(100 * count);
    });
  }

  it('reads only the start of a long text node when asked for a limited text (every level of a capped deep page read all of it)', () => {
    // Deep pages keep the text below the depth bound in one node; each ancestor asks for its text.
    const words = 'word\u200e \n  next\u00a0line\t'.repeat(100_000);
    for (const [value, tag] of [[words, 'div'], [words, 'pre'], [`${words}\u200b\nend`, 'div'], [' \n'.repeat(50_000) + words, 'div']] as const) {
      const node = el('section', {}, [text('Start '), el(tag, {}, [text(value)])]);
      const whole = textOf(node);
      for (const limit of [0, 40, 600]) {
        const cut = textOf(node, limit);
        expect(cut.length).toBeGreaterThan(limit);
        expect(whole.startsWith(cut)).toBe(true);
        // A text with a zero-width space beside a line break is read whole (its lines join).
        if (!value.includes('\u200b')) expect(cut.length).toBeLessThan(100_000);
      }
    }
  });

  for (const shape of HUGE_SHAPES) {
    it(`converts a 1 MB ${shape} page, keeping its text`, async () => {
      const { text } = hugePage(shape, 1024 * 1024);
      const { markdown, metadata } = await convert(text, { path: `huge.${shape === 'long-line-text' ? 'txt' : 'html'}` });
      expect(markdown).toMatch(/harbour committee met again/);
      expect(metadata.wordCount).toBeGreaterThan(shape === 'wide' ? 100_000 : 50_000);
    });
  }
});

describe('huge scraped text', () => {
  it('joins a paragraph cut before one of 300,000 inline nodes (a spread of its children overflowed the stack)', () => {
    const children: PhrasingContent[] = [{ type: 'text', value: 'then ' }];
    for (let i = 0; i < 150_000; i++) children.push({ type: 'inlineCode', value: `c${i}` }, { type: 'text', value: ' ' });
    const tree: MdastRoot = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'The harbour committee met again on Tuesday to discuss the plan and' }] },
        { type: 'paragraph', children },
      ],
    };
    mergeSplitParagraphs()(tree, new VFile());
    expect(tree.children.length).toBe(1);
    const joined = tree.children[0] as Paragraph;
    expect(joined.children.length).toBe(300_003);
    expect(joined.children[300_001]).toEqual({ type: 'inlineCode', value: 'c149999' });
  });
});

describe('writing plain text', () => {
  /** 20,000 paragraphs of plain words written to Markdown, counting the calls of one of the library's state methods. */
  function writeCounting(method: 'safe' | 'containerPhrasing'): { markdown: string; calls: number } {
    const tree: MdastRoot = { type: 'root', children: Array.from({ length: 20_000 }, (_, i): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: `Item ${i} in the list, plain words.` }] })) };
    let calls = 0;
    const counting: Handle = (node, parent, state, info) => {
      const original = state[method] as (...args: unknown[]) => string;
      (state as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        calls++;
        return original(...args);
      };
      return defaultHandlers.root(node as MdastRoot, parent, state, info);
    };
    const markdown = toMarkdown(tree, { ...TO_MARKDOWN_OPTIONS, handlers: { ...TO_MARKDOWN_OPTIONS.handlers, root: counting } });
    return { markdown, calls };
  }

  it('writes 20,000 paragraphs of plain words without the library escaping each (its `safe` ran per text node)', () => {
    const { markdown, calls } = writeCounting('safe');
    expect(markdown.split('\n\n')[19_999]).toBe('Item 19999 in the list, plain words.\n');
    expect(calls).toBe(0);
  });

  it('writes 20,000 paragraphs of one plain text each without the phrasing machinery of the library (trackers and emphasis pairing per paragraph)', () => {
    const { markdown, calls } = writeCounting('containerPhrasing');
    expect(markdown.split('\n\n')[19_999]).toBe('Item 19999 in the list, plain words.\n');
    expect(calls).toBe(0);
  });
});
