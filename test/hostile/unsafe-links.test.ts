import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import { convert } from '../../src/index.js';

const BODY = 'This paragraph has enough ordinary words in it to be read as the body of an article page.';

/** The Markdown's text with link and image syntax taken away: what a reader reads. */
function words(markdown: string): string {
  const out: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out.push((node as { value: string }).value);
    if (node.type === 'image') out.push(`[image ${(node as { alt?: string }).alt ?? ''}]`);
  });
  return out.join(' ').replace(/\s+/g, ' ');
}

/** Link and image targets of the Markdown. */
function targets(markdown: string): string[] {
  const out: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') out.push((node as { url: string }).url);
  });
  return out;
}

const page = (block: string) => `<html><head><title>A page</title></head><body><article><h1>A title</h1><p>${BODY}</p>${block}<p>${BODY}</p></article></body></html>`;

describe('an unsafe link loses its target, never its words', () => {
  const blocks: Array<(href: string) => string> = [
    (h) => `<p>Click <a href="${h}">here</a> now and <a href="${h}">there</a> or also.</p>`,
    (h) => `<p>Read the <a href="${h}">full report</a> from the council about the works and <a href="${h}"><b>the map</b></a> too.</p>`,
    (h) => `<p><a href="${h}">Read the full council report on the harbour works and the budget</a></p>`,
    (h) => `<ul><li><a href="${h}">The first item of a list of works</a></li><li><a href="${h}">The second item of a list of works</a></li></ul>`,
    (h) => `<h2><a href="${h}">A section heading</a></h2><p>${BODY}</p>`,
    (h) => `<p>Words before <a href="${h}">a <a href="${h}">nested</a> link</a> and words after it in the paragraph.</p>`,
  ];
  for (const [i, block] of blocks.entries()) {
    it(`keeps the same words as with a safe target (case ${i + 1})`, async () => {
      const unsafe = (await convert(page(block('javascript:alert(1)')))).markdown;
      const safe = (await convert(page(block('https://example.com/a')))).markdown;
      expect(words(unsafe)).toBe(words(safe));
      expect(targets(unsafe)).toEqual([]);
      expect(unsafe).not.toMatch(/javascript:/i);
    });
  }

  it('checks an image inside an unsafe link like any other image', async () => {
    const { markdown } = await convert(
      page(`<p>${BODY} <a href="javascript:x"><img src="javascript:alert(1)" alt="bad"> and <img src="/ok.png" alt="good"> caption words</a> after.</p>`),
      { baseUrl: 'https://example.com/news/' },
    );
    expect(markdown).toContain('caption words');
    expect(targets(markdown)).toEqual(['https://example.com/ok.png']);
  });
});
