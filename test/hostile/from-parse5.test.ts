import { fromParse5 } from 'hast-util-from-parse5';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { fromParse5Releasing } from '../../src/read/from-parse5.js';

type P5Node = DefaultTreeAdapterMap['node'];
const OPTIONS = { sourceCodeLocationInfo: false, scriptingEnabled: false } as const;

/** Every node of a parse5 tree (a template's content included), iteratively. */
function allNodes(document: P5Node): P5Node[] {
  const out: P5Node[] = [];
  const stack: P5Node[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    if ('childNodes' in node) stack.push(...node.childNodes);
    const content = node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content : undefined;
    if (content) stack.push(content); // an HTML template's (an SVG or MathML one has none)
  }
  return out;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title></head>
<body class="a b"><!-- a comment --><main id="m"><p>One <b>bold</b> <a href="/x" rel="nofollow noopener">link</a></p>
<svg viewBox="0 0 10 10"><path d="M0 0"/><foreignObject><p>inside</p></foreignObject><template><g/></template></svg>
<math><mi>x</mi><template><mi>y</mi></template></math>
<template id="t"><p>templated <i>text</i></p></template>
<table><tr><td colspan="2">cell</td></tr></table><input type="checkbox" checked disabled value="1"><ul><li>a<li>b</ul></main></body></html>`;

// Huge pages (issue 16): hast-util-from-parse5 converts a whole parse5 tree at once, so at its end
// both trees are alive (a wide 8 MB page: about 180 MB of parse5 tree and 145 MB of hast). The
// converter takes parse5's tree apart as it goes.
describe('parse5 to hast, releasing parse5 nodes as they are converted', () => {
  it('makes the tree hast-util-from-parse5 makes (SVG, MathML, templates, attributes, comments)', () => {
    expect(fromParse5Releasing(parse(PAGE, OPTIONS))).toStrictEqual(fromParse5(parse(PAGE, OPTIONS)));
  });

  it('leaves no parse5 node holding its children (fromParse5 left the whole tree)', () => {
    const document = parse(PAGE, OPTIONS);
    const nodes = allNodes(document);
    expect(nodes.length).toBeGreaterThan(40);
    fromParse5Releasing(document);
    // A template's content is converted with its template, by hast-util-from-parse5.
    const contents = nodes.map((n) => (n.nodeName === 'template' ? (n as DefaultTreeAdapterMap['template']).content : undefined));
    const inTemplates = new Set(contents.flatMap((content) => (content ? allNodes(content) : [])));
    const holding = nodes.filter((n) => !inTemplates.has(n) && 'childNodes' in n && n.childNodes.length > 0);
    expect(holding).toEqual([]);
  });

  it('converts nesting 100,000 levels deep without recursion (fromParse5 overflowed the stack)', () => {
    const depth = 100_000;
    const document = parse(`<!doctype html><body>${'<div>'.repeat(depth)}deepest${'</div>'.repeat(depth)}</body>`, OPTIONS);
    expect(() => fromParse5(parse(`<body>${'<div>'.repeat(depth)}</body>`, OPTIONS))).toThrow(RangeError);
    const tree = fromParse5Releasing(document);
    let node = tree.children[1]!; // <html>, after the doctype
    let levels = 0;
    while ('children' in node && node.children.length > 0) {
      node = node.children[node.children.length - 1]!;
      levels++;
    }
    expect(node).toEqual({ type: 'text', value: 'deepest' });
    expect(levels).toBe(depth + 2); // <body> and the divs under <html>
  });
});
