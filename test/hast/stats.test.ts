import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { readHtml } from '../../src/read/html.js';
import { computeStats, rootStats } from '../../src/hast/stats.js';

const fromHtml = (html: string): Promise<Root> => readHtml(new TextEncoder().encode(html), new VFile());

const PAGE = `<body><div class="story"><p>First paragraph of the story, with a comma, and <a href="/x">a link in it</a>.</p>
<pre>code, kept</pre><blockquote>A quotation, long enough to count.</blockquote>
<div>A run of direct text in a container, long enough to be prose, with commas, too.<script>var a, b;</script></div>
<ul><li><a href="/a">Link one</a></li><li><a href="/b">Link two</a></li></ul></div></body>`;

describe('computeStats', () => {
  it('adds up each element from its children (text, links, commas, paragraphs, prose)', async () => {
    const tree = await fromHtml(PAGE);
    const stats = computeStats(tree);
    const body = (tree.children[0] as Element).children[1] as Element;
    const story = body.children[0] as Element;
    const div = story.children.find((c): c is Element => c.type === 'element' && c.tagName === 'div')!;
    expect(stats.get(story)!.paragraphs).toBe(1);
    expect(stats.get(story)!.linkText).toBe('alinkinit'.length + 'Linkone'.length + 'Linktwo'.length);
    expect(stats.get(div)!.text).toBe('Arunofdirecttextinacontainer,longenoughtobeprose,withcommas,too.'.length);
    expect(stats.get(div)!.proseText).toBe(stats.get(div)!.text);
    expect(stats.get(div)!.commas).toBe(3); // the script's are not read
    expect(stats.get(div)!.parent).toBe(story);
    expect(stats.get(tree)!.text).toBe(stats.get(story)!.text);
  });

  it('gives the root the same statistics alone (rootStats) as in the map of every element', async () => {
    const tree = await fromHtml(PAGE);
    const { parent: _, ...alone } = rootStats(tree);
    const { parent: __, ...inMap } = computeStats(tree).get(tree)!;
    expect(alone).toEqual(inMap);
    expect(alone.proseText).toBeGreaterThan(0);
  });

  it('measures a <div> of 300,000 paragraphs without recursion over its children', () => {
    const div: Element = { type: 'element', tagName: 'div', properties: {}, children: [] };
    for (let i = 0; i < 300_000; i++) div.children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'a, b' }] });
    expect(rootStats(div)).toMatchObject({ paragraphs: 300_000, text: 900_000, commas: 300_000 });
  });
});
