import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/read/html.js';
import { compactChildren } from '../../src/hast/util.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** The heap in use after full collections. */
const liveHeap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const PARAGRAPHS = 100_000;
/** A wide page: PARAGRAPHS short paragraphs (texts under 13 characters: V8 stores them flat). */
const widePage = (): Uint8Array => {
  const parts: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) parts.push(`<p>Item ${i}</p>`);
  return new TextEncoder().encode(`<!doctype html><html><body><div>${parts.join('\n')}</div></body></html>`);
};

/**
 * Huge pages (issue 16): what the parsed tree keeps per element. Each paragraph is an element, its
 * properties, its children array, a text and its value, and the line break's text beside it:
 * about 300 bytes. hast-util-from-parse5 builds every children array by `push`, with room for
 * 17 children when it holds one (136 bytes more a paragraph), for the whole conversion.
 */
describe('the parsed tree of a wide page', { timeout: 60_000 }, () => {
  it('keeps no unused room in its children arrays (about 300 bytes a paragraph, 434 before)', async () => {
    const bytes = widePage();
    const before = liveHeap();
    const tree = await readHtml(bytes, new VFile());
    const perParagraph = (liveHeap() - before) / PARAGRAPHS;
    expect(tree.children.length).toBe(2); // the doctype and <html>
    // Half-way between the two, so that neither noise of a few MB nor a regression goes unseen.
    expect(perParagraph).toBeLessThan(365);
  });

  it('compactChildren keeps every child, in order', () => {
    const tree: Root = { type: 'root', children: [] };
    for (let i = 0; i < 5; i++) tree.children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `t${i}` }] });
    const copy = structuredClone(tree);
    compactChildren(tree);
    expect(tree).toEqual(copy);
  });
});
