import { describe, expect, it } from 'vitest';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import type { PageKind } from '../../src/types.js';
import { VFile } from 'vfile';
import narrowToMainContent from '../../src/extract/narrow-to-main-content.js';
import { readHtml } from '../../src/read/html.js';
import { prose, run } from '../helpers/article.js';

/** A headed section of a service page: a heading and two short paragraphs. */
function section(name: string): string {
  return `<section><h2>${name} plans</h2><p>Our ${name} plan covers the basics, with support, backups, and a team that answers within the day.</p><p>Ask for a ${name} quote and we will call you back within the week.</p></section>`;
}

describe('narrow-to-main-content', () => {
  it('keeps every section of a page whose content is spread over many containers', async () => {
    const names = ['starter', 'growth', 'business', 'enterprise', 'education', 'charity'];
    const r = await run(`<body><nav><a href="/">Home</a> <a href="/about">About</a></nav><div class="hero"><div class="inner">${section(names[0]!)}</div></div>${names.slice(1).map((n) => `<div class="band"><div class="inner">${section(n)}</div></div>`).join('')}<footer>© Example</footer></body>`);
    for (const n of names) expect(r.markdown).toContain(`Our ${n} plan covers the basics`);
    expect(r.markdown).not.toContain('Home');
    expect(r.rules).toContain('keep-cleaned-page');
  });

  it('keeps only the main landmark holding the chosen container when the page has one', async () => {
    const file = new VFile();
    const tree = await readHtml(new TextEncoder().encode(`<body><main><div id="chosen">${prose('chosen')}</div><div id="sibling">${prose('sibling', 2)}</div></main><div id="after">${prose('after', 3)}</div></body>`), file);
    const byId = new Map<string, Element>();
    const walk = (n: Root | Element) => { for (const c of n.children) if (c.type === 'element') { if (typeof c.properties.id === 'string') byId.set(c.properties.id, c); walk(c); } };
    walk(tree);
    const body = (tree.children.find((c) => c.type === 'element') as Element).children.find((c) => c.type === 'element' && c.tagName === 'body') as Element;
    file.data.mainContent = { parts: [byId.get('chosen')!], body, stated: false };
    narrowToMainContent()(tree, file);
    const text = toText(tree);
    expect(text).toContain('The chosen story');
    expect(text).toContain('The sibling story');
    expect(text).not.toContain('The after story');
  });

  it("keeps a product's specifications beside its description, where an article keeps its container alone", async () => {
    const narrowed = async (type: PageKind): Promise<string> => {
      const file = new VFile();
      const tree = await readHtml(new TextEncoder().encode(`<body><div id="description">${prose('description', 6)}</div><div id="specifications"><table><tr><th>Weight</th><td>1.2 kg</td></tr><tr><th>Battery</th><td>Ten hours of use on one charge</td></tr></table></div></body>`), file);
      const body = (tree.children.find((c) => c.type === 'element') as Element).children.find((c) => c.type === 'element' && c.tagName === 'body') as Element;
      const description = body.children.find((c): c is Element => c.type === 'element' && c.properties.id === 'description')!;
      file.data.mainContent = { parts: [description], body, stated: false };
      file.data.pageType = { type, source: 'detected', probability: 0.9, certain: true };
      narrowToMainContent()(tree, file);
      return toText(tree);
    };
    const product = await narrowed('product');
    expect(product).toContain('The description story goes on, paragraph 6');
    expect(product).toContain('Ten hours of use on one charge');
    const article = await narrowed('article');
    expect(article).toContain('The description story goes on, paragraph 6');
    expect(article).not.toContain('Ten hours of use on one charge');
  });

  it('narrows to the article container when it holds most of the cleaned text', async () => {
    const r = await run(`<body><div class="story">${prose('main', 8)}</div><div class="aside-box"><p>A box beside the story with one sentence of its own, long enough to be prose.</p></div></body>`);
    expect(r.markdown).toContain('paragraph 8');
    expect(r.markdown).not.toContain('A box beside the story');
    expect(r.rules).toContain('outside-main-content');
  });

  it('keeps the introduction under the headline, beside the container, and not a byline or a box after it', async () => {
    const intro = 'Our collection of harbour walks has something for every season, whether you want a short stroll or a day out.';
    const r = await run(`<body><div class="top"><h1>Harbour Walks</h1><p>By Ann Lee, May 2</p><div class="lede"><p>${intro}</p></div></div><div class="story">${prose('main', 8)}</div><div class="aside-box"><p>A box beside the story with one sentence of its own, long enough to be prose.</p></div></body>`);
    expect(r.markdown).toMatch(new RegExp(`^${intro}\n\nThe main story goes on, paragraph 1`));
    expect(r.markdown).not.toContain('By Ann Lee');
    expect(r.markdown).not.toContain('A box beside the story');
    expect(r.rules).toContain('keep-headline-intro');
  });
});

describe('drop-non-content: what a reader sees without scripts', () => {
  it('keeps the prose of a <noscript> crawler view, and drops a tracking <noscript>', async () => {
    const r = await run(`<body><noscript><img src="https://t.example/p.gif"></noscript><div id="app"></div><noscript><div class="posts">${prose('forum post', 3)}</div></noscript></body>`);
    expect(r.markdown).toContain('The forum post story goes on, paragraph 3');
    expect(r.markdown).not.toContain('p.gif');
  });

  it('keeps the collapsed answers of an accordion built without ARIA, and drops a hidden menu behind its button and hidden prose under a plain heading', async () => {
    const r = await run(`<body><article>${prose('main', 4)}<h2>Questions</h2><div class="faq"><div class="q">How long does shipping take?</div><div style="display:none"><p>Three to five working days within the country, a week or two abroad.</p></div><h3><button>Returns</button></h3><div hidden><p>Send it back within thirty days and we refund the full price.</p></div></div><button>Menu</button><div hidden><a href="/a">Shop</a> <a href="/b">Blog</a> <a href="/c">Contact</a></div><h2>Draft</h2><div style="visibility:hidden"><p>An unfinished paragraph the page keeps out of sight, long enough to read as prose.</p></div></article></body>`);
    expect(r.markdown).toContain('Three to five working days');
    expect(r.markdown).toContain('Send it back within thirty days');
    expect(r.markdown).not.toContain('Shop');
    expect(r.markdown).not.toContain('An unfinished paragraph');
  });

  it('keeps a hidden wrapper that holds the whole page, and still drops a small hidden block', async () => {
    const r = await run(`<body><div style="visibility:hidden">${prose('wrapped', 4)}<div style="display:none">Subscribe to our newsletter today</div></div></body>`);
    expect(r.markdown).toContain('The wrapped story goes on, paragraph 4');
    expect(r.markdown).not.toContain('Subscribe');
  });
});
