/**
 * The white-space minifier (src/write/minify-whitespace.ts) is hast-util-minify-whitespace with set
 * look-ups: it must change every tree exactly as the library does (`newlines: false`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes, Root } from 'hast';
import { minifyWhitespace as libraryMinify } from 'hast-util-minify-whitespace';
import { VFile } from 'vfile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/read/html.js';
import { minifyWhitespace } from '../../src/write/minify-whitespace.js';

const agrees = (tree: Nodes): boolean => {
  const ours = structuredClone(tree);
  const theirs = structuredClone(tree);
  minifyWhitespace(ours);
  libraryMinify(theirs, { newlines: false });
  return JSON.stringify(ours) === JSON.stringify(theirs);
};

describe('minifyWhitespace', () => {
  it('minifies every HTML fixture page as hast-util-minify-whitespace does', async () => {
    const root = resolve(import.meta.dirname, '..', '..', 'fixtures');
    let count = 0;
    for (const name of readdirSync(root)) {
      let html: string;
      try {
        html = readFileSync(join(root, name, 'input.html'), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        continue;
      }
      const tree = (await readHtml(new TextEncoder().encode(html), new VFile())) as Root;
      expect(agrees(tree), name).toBe(true);
      count++;
    }
    expect(count).toBeGreaterThan(20);
  });

  it('minifies random trees of the elements and characters its rules are about as the library does', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0'), { maxLength: 6 }).map((chars) => chars.join(''));
    const tags = ['span', 'b', 'p', 'div', 'br', 'pre', 'nobr', 'td', 'th', 'li', 'script', 'textarea', 'img', 'select', 'title', 'dialog', 'listing', 'wbr'];
    const props = fc.constantFrom<Record<string, boolean>>({}, { hidden: true }, { wrap: true }, { noWrap: true });
    const tree = fc.letrec<{ node: Nodes }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((value): Nodes => ({ type: 'text', value })),
        fc.constant<Nodes>({ type: 'comment', value: ' c ' }),
        fc.record({ tag: fc.constantFrom(...tags), properties: props, children: fc.array(tie('node'), { maxLength: 4 }) }).map(
          ({ tag, properties, children }): Nodes => ({ type: 'element', tagName: tag, properties: properties as never, children: (tag === 'br' || tag === 'img' ? [] : children) as never }),
        ),
      ),
    })).node;
    fc.assert(fc.property(tree, (node) => agrees({ type: 'root', children: [node as never] })), { numRuns: 5000 });
  });
});
