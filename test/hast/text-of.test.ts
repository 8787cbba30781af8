/**
 * textOf (src/hast/util.ts) is a faster stand-in for `toText(node).replace(/\s+/g, ' ').trim()` of
 * hast-util-to-text, and textLines for its lines: they must agree with it on every element of
 * every fixture page, of hand-made pages for each rule they copy, and of random trees (checked on
 * the 162,344 elements of the corpora's pages when they were written).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/read/html.js';
import { textLines, textOf, visibleCharCounts, walkElements } from '../../src/hast/util.js';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
/** What visibleCharCounts counts of a text: characters other than white space and bidi controls. */
const visibleChars = (text: string) => text.replace(/[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').length;
const reference = (node: Nodes) => collapse(toText(node, { whitespace: 'normal' }));
const referenceLines = (node: Nodes) => toText(node, { whitespace: 'normal' }).split(/\n+/).map(collapse).filter((line) => line !== '');

async function everyElementAgrees(html: string): Promise<number> {
  const tree = (await readHtml(new TextEncoder().encode(html), new VFile())) as Root;
  const nodes: Nodes[] = [tree];
  walkElements(tree, (node) => {
    nodes.push(node);
    for (const child of node.children) if (child.type === 'text') nodes.push(child);
  });
  const counts = visibleCharCounts(tree);
  for (const node of nodes) {
    expect(textOf(node), JSON.stringify(reference(node).slice(0, 80))).toBe(reference(node));
    expect(textLines(node)).toEqual(referenceLines(node));
    if (node.type === 'element') expect(counts.get(node)).toBe(visibleChars(textOf(node)));
  }
  return nodes.length;
}

const CASES: Record<string, string> = {
  blocks: '<div>one<p>two</p>three<h2>four</h2><span>fi</span><b>ve</b><br>six<ul><li>a</li><li>b</li></ul></div>',
  hidden: '<p>shown<span hidden>not</span><script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript></p><dialog>closed</dialog><dialog open>open</dialog>',
  tables: '<p>x<table> <tr> <td> a </td> <td>b</td> </tr>\n<tr><th>c</th></tr> </table>y</p><table><tbody><tr><td>1</td></tr></tbody>\n<tbody><tr><td>2</td></tr></tbody><tfoot></tfoot></table>z',
  preformatted: '<pre>  keep \n  lines\u200e </pre><p>a<nobr>  b \u200f c</nobr><textarea> t\n x </textarea><table><tr><td nowrap> n\u202a </td><td>m</td></tr></table></p>',
  lineBreaks: '<p>one\ntwo  \n\n  three\u200b\n\nfour\n\u200bfive\u200e six\u2067</p><p>\u00a0non-breaking\u00a0\u3000space</p>',
  empty: '<div><p></p><br><br><div> </div></div>',
};

describe('textOf', () => {
  for (const [name, html] of Object.entries(CASES)) {
    it(`agrees with hast-util-to-text: ${name}`, async () => {
      expect(await everyElementAgrees(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`)).toBeGreaterThan(3);
    });
  }

  it('agrees with hast-util-to-text on every element of every HTML fixture', async () => {
    const root = resolve(import.meta.dirname, '..', '..', 'fixtures');
    let count = 0;
    for (const name of readdirSync(root)) {
      const input = join(root, name, 'input.html');
      try {
        count += await everyElementAgrees(readFileSync(input, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    expect(count).toBeGreaterThan(500);
  });

  it('agrees with hast-util-to-text on random trees of the elements and characters its rules are about', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\t', '\n', '\u200b', '\u200e', '\u00a0', '\r'), { maxLength: 8 }).map((chars) => chars.join(''));
    const tags = ['span', 'b', 'p', 'div', 'br', 'pre', 'nobr', 'table', 'tbody', 'tr', 'td', 'th', 'li', 'script', 'textarea', 'dialog'];
    const tree = fc.letrec<{ node: Nodes }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((value): Nodes => ({ type: 'text', value })),
        fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tie('node'), { maxLength: 4 }) }).map(
          // <br> is void: it never has children in a parsed page.
          ({ tag, children }): Nodes => ({ type: 'element', tagName: tag, properties: {}, children: (tag === 'br' ? [] : children) as never }),
        ),
      ),
    })).node;
    fc.assert(fc.property(tree, (node) => textOf(node) === reference(node)), { numRuns: 5000 });
    // visibleCharCounts: each element's count is that of its textOf (equal texts, equal counts).
    fc.assert(
      fc.property(tree, (node) => {
        const root: Root = { type: 'root', children: [node as never] };
        const counts = visibleCharCounts(root);
        let agree = true;
        walkElements(root, (element) => {
          agree &&= counts.get(element) === visibleChars(textOf(element));
        });
        return agree;
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(tree, (node) => JSON.stringify(textLines(node)) === JSON.stringify(referenceLines(node))), { numRuns: 5000 });
    // With a limit: the whole text when it is no longer, else more than the limit of its beginning.
    fc.assert(
      fc.property(tree, fc.constantFrom(0, 1, 3, 8), (node, limit) => {
        const whole = textOf(node);
        const cut = textOf(node, limit);
        return whole.length <= limit ? cut === whole : cut.length > limit && whole.startsWith(cut);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not recurse: a 100,000-deep page', () => {
    let node: Root | Nodes = { type: 'text', value: 'deep' };
    for (let i = 0; i < 100_000; i++) node = { type: 'element', tagName: 'span', properties: {}, children: [node as never] };
    expect(textOf(node)).toBe('deep');
  });
});
