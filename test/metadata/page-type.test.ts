import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { convert } from '../../src/index.js';
import { readHtml } from '../../src/read/html.js';
import readMetadata from '../../src/metadata/index.js';
import { pageFeatures, urlFeatures } from '../../src/metadata/page-type.js';
import { schemaErrors } from '../helpers/schema.js';

/** Hand-written pages, one per type: the structure each type is known by, in small. */

const HEADER = '<header><a href="/">Home</a> <nav><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></nav></header>';
const FOOTER = '<footer><p>© Example Ltd. All rights reserved.</p><a href="/privacy">Privacy</a></footer>';

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${HEADER}<main>${body}</main>${FOOTER}</body></html>`;
}

const para = (topic: string, i: number) =>
  `<p>Paragraph ${i} of the ${topic}: the council heard from residents, engineers and the harbour master, who said the repairs had taken longer than planned because the old wall was weaker than the surveys suggested.</p>`;

const ARTICLE = page(
  '<title>Quay reopens after two years | Harbour News</title><meta property="og:type" content="article">',
  `<article><h1>Quay reopens after two years</h1><p class="byline">By <a href="/author/ines">Ines Moreau</a> <time datetime="2024-02-06">6 February 2024</time></p>
  ${Array.from({ length: 9 }, (_, i) => para('story', i + 1)).join('')}</article>`,
);

const ARTICLE_PLAIN = page(
  '<title>On keeping bees</title>',
  `<div class="content"><h1>On keeping bees</h1>${Array.from({ length: 12 }, (_, i) => para('essay', i + 1)).join('')}</div>`,
);

const post = (i: number) => `<div class="post" id="post-${i}"><div class="post-author"><a href="/u/user${i}">user${i}</a></div>
  <div class="post-date"><time datetime="2024-03-0${i}T10:00:00Z">Mar ${i}, 2024</time></div>
  <div class="post-body"><p>Reply ${i}: I had the same problem with the router after the update, and resetting it fixed it for a day.</p></div>
  <a class="reply" href="#reply">Reply</a> <span class="likes">${i} likes</span></div>`;

const FORUM = page(
  '<title>Router drops connection after update - Help - Example Community</title>',
  `<h1>Router drops connection after update</h1><div class="thread">${Array.from({ length: 6 }, (_, i) => post(i + 1)).join('')}</div>`,
);

const PRODUCT = page(
  `<title>Trail Pack 25 | Example Outfitters</title>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Pack 25","offers":{"@type":"Offer","price":"89.95","priceCurrency":"USD"}}</script>`,
  `<div class="product"><h1>Trail Pack 25</h1><img src="/pack.jpg" alt="Trail Pack 25"><span class="price">$89.95</span>
  <form class="product-form" action="/cart/add"><select name="color"><option>Green</option></select><input type="number" name="quantity" value="1">
  <button type="submit" class="add-to-cart">Add to cart</button></form>
  <p>A light pack for day hikes, with a padded back panel and a rain cover.</p>
  <table><tr><th>Weight</th><td>1.1 kg</td></tr><tr><th>Volume</th><td>25 l</td></tr><tr><th>Material</th><td>Nylon</td></tr></table></div>`,
);

const card = (i: number) => `<li class="product-card"><a href="/products/item-${i}"><img src="/i${i}.jpg" alt=""><h3>Item ${i}</h3></a><span class="price">$${10 + i}.99</span></li>`;

const COLLECTION = page(
  '<title>Backpacks | Example Outfitters</title>',
  `<h1>Backpacks</h1><div class="filters"><label><input type="checkbox"> Waterproof</label></div>
  <ul class="product-grid">${Array.from({ length: 12 }, (_, i) => card(i + 1)).join('')}</ul>
  <nav class="pagination"><a href="?page=1">1</a> <a href="?page=2" rel="next">2</a></nav>`,
);

const entry = (i: number) => `<div class="entry"><h2><a href="/blog/post-${i}">A post about topic ${i}</a></h2>
  <time datetime="2024-01-${10 + i}">January ${10 + i}, 2024</time><p>A short excerpt of post ${i}.</p></div>`;

const LISTING = page(
  '<title>Blog | Example</title>',
  `<h1>Blog</h1>${Array.from({ length: 10 }, (_, i) => entry(i + 1)).join('')}<div class="pagination"><a href="/blog/page/2">Older posts</a></div>`,
);

const code = (i: number) => `<h2 id="s${i}">Step ${i}</h2><p>Call the function with the options object.</p><pre><code class="language-js">const client = connect({ retries: ${i} });\nawait client.send(message);</code></pre>`;

const DOCS = page(
  '<title>Getting started - Example SDK documentation</title>',
  `<aside class="sidebar"><nav>${Array.from({ length: 20 }, (_, i) => `<a href="/docs/page-${i}">Page ${i}</a>`).join(' ')}</nav></aside>
  <div class="doc-content"><h1>Getting started</h1><p>Install the <code>example</code> package, then create a client.</p>${Array.from({ length: 5 }, (_, i) => code(i + 1)).join('')}</div>
  <nav class="toc"><a href="#s1">Step 1</a> <a href="#s2">Step 2</a></nav>`,
);

const feature = (title: string) => `<div class="feature"><svg viewBox="0 0 10 10"></svg><h3>${title}</h3><p>${title} without spreadsheets: set it up once and it runs every month.</p></div>`;

const SERVICE = page(
  '<title>Example — Payroll for small teams</title>',
  `<section class="hero"><h1>Payroll for small teams</h1><p>Pay everyone on time, file taxes automatically.</p><a class="btn" href="/demo">Request a demo</a> <a class="btn" href="/trial">Start free trial</a></section>
  <section class="logos"><h2>Trusted by 4,000 companies</h2><img src="/l1.svg" alt="A"><img src="/l2.svg" alt="B"><img src="/l3.svg" alt="C"></section>
  <section class="features"><h2>Everything payroll needs</h2>${['Automatic taxes', 'Benefits built in', 'Time tracking'].map(feature).join('')}</section>
  <section class="how-it-works"><h2>How it works</h2><ol><li>Invite your team</li><li>Connect your bank</li><li>Run payroll in two clicks</li></ol><a class="btn" href="/signup">Get started</a></section>
  <section class="testimonials"><h2>What customers say</h2><blockquote>It just works. — a customer</blockquote></section>
  <section class="pricing"><h2>Simple pricing</h2><div class="plan"><h3>Core</h3><p>$8 per person a month</p><a class="btn" href="/signup">Sign up</a></div><div class="plan"><h3>Plus</h3><p>$12 per person a month</p><a class="btn" href="/contact">Contact sales</a></div></section>
  <section class="faq"><h2>Questions</h2><details><summary>Can I switch mid-year?</summary><p>Yes.</p></details><details><summary>Do you file state taxes?</summary><p>Yes, in every state.</p></details></section>
  <section class="cta"><h2>Ready to start?</h2><a class="btn btn-primary" href="/signup">Get started</a> <a href="tel:+15550100">Call us</a></section>`,
);

async function typeOf(html: string, baseUrl?: string) {
  const { metadata } = await convert(html, { path: 'page.html', baseUrl: baseUrl ?? null });
  return { type: metadata.pageType, source: metadata.fieldSources.pageType };
}

describe('page type', () => {
  it('an article: one container of paragraphs, og:type article', async () => {
    expect(await typeOf(ARTICLE)).toEqual({ type: 'article', source: 'open-graph' });
  });

  it('an article with no stated type is detected from its structure', async () => {
    expect(await typeOf(ARTICLE_PLAIN)).toEqual({ type: 'article', source: 'detected' });
  });

  it('a forum thread: posts, each with an author and a date', async () => {
    expect(await typeOf(FORUM)).toEqual({ type: 'forum', source: 'detected' });
    expect(await typeOf(FORUM, 'https://community.example.com/t/router-drops-connection/1234')).toEqual({ type: 'forum', source: 'url' });
  });

  it('a product: Product JSON-LD, a price, an add-to-cart form, a spec table', async () => {
    expect(await typeOf(PRODUCT)).toEqual({ type: 'product', source: 'json-ld' });
  });

  it('a collection: a grid of priced product cards, filters and pagination', async () => {
    expect(await typeOf(COLLECTION)).toEqual({ type: 'collection', source: 'detected' });
    expect(await typeOf(COLLECTION, 'https://shop.example.com/collections/backpacks')).toEqual({ type: 'collection', source: 'url' });
  });

  it('a listing: dated entries with linked headings, and pagination', async () => {
    expect((await typeOf(LISTING)).type).toBe('listing');
    expect(await typeOf(LISTING, 'https://example.com/blog/')).toEqual({ type: 'listing', source: 'url' });
  });

  it('documentation: code blocks, a sidebar of pages and a table of contents', async () => {
    expect((await typeOf(DOCS)).type).toBe('documentation');
    expect(await typeOf(DOCS, 'https://docs.example.com/sdk/getting-started')).toEqual({ type: 'documentation', source: 'url' });
  });

  it('a service page: full-width sections with headings and calls to action', async () => {
    expect(await typeOf(SERVICE)).toEqual({ type: 'service', source: 'detected' });
  });

  it('microdata states a type too', async () => {
    const html = page('<title>Trail Pack 25</title>', `<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Trail Pack 25</h1>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="89.95">$89.95</span></div>
      <button class="add-to-cart">Add to cart</button><p>A light pack for day hikes.</p></div>`);
    expect(await typeOf(html)).toEqual({ type: 'product', source: 'microdata' });
  });

  it('is in the metadata JSON after section, with its source, and the JSON validates against the schema', async () => {
    const { metadata } = await convert(PRODUCT, { path: 'page.html' });
    const keys = Object.keys(metadata);
    expect(keys.indexOf('pageType')).toBe(keys.indexOf('section') + 1);
    expect(Object.keys(metadata.fieldSources)).toContain('pageType');
    expect(schemaErrors(metadata)).toBeNull();
    expect(schemaErrors({ ...metadata, pageType: 'homepage' })).not.toBeNull();
  });

  it('a scraped text is an article (there is no page structure to read)', async () => {
    const { metadata } = await convert('Quay reopens\n\nThe harbour board met on Tuesday and agreed to reopen the quay.\n', { from: 'text' });
    expect(metadata.pageType).toBe('article');
    expect(metadata.fieldSources.pageType).toBe('detected');
    expect(schemaErrors(metadata)).toBeNull();
  });

  it('is stored on the vfile for the later stages', async () => {
    const file = new VFile();
    const tree: Root = await readHtml(new TextEncoder().encode(PRODUCT), file);
    readMetadata()(tree, file);
    expect(file.data.pageType).toMatchObject({ type: 'product', source: 'json-ld', certain: true });
    expect(file.data.pageType!.probability).toBeGreaterThanOrEqual(0.7);
  });

  it('is not certain when schema.org markup states an article the structure reads otherwise', async () => {
    const file = new VFile();
    const stated = COLLECTION.replace('<head>', `<head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H' })}</script>`);
    const tree: Root = await readHtml(new TextEncoder().encode(stated), file);
    readMetadata()(tree, file);
    expect(file.data.pageType).toMatchObject({ type: 'collection', certain: false });
  });

  it('reads one microdata article item as a stated article, several as cards that state nothing', async () => {
    const item = '<div itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="headline" content="H"></div>';
    const typed = async (items: number) => {
      const file = new VFile();
      const tree: Root = await readHtml(new TextEncoder().encode(LISTING.replace('<main>', `<main>${item.repeat(items)}`)), file);
      readMetadata()(tree, file);
      return file.data.pageType!;
    };
    const one = await typed(1);
    const several = await typed(3);
    // The structure reads a page of cards either way; only the stated article makes it uncertain.
    expect(one.type).not.toBe('article');
    expect(one.probability).toBeGreaterThanOrEqual(0.7);
    expect(one.certain).toBe(false);
    expect(several.type).toBe(one.type);
    expect(several.probability).toBeGreaterThanOrEqual(0.7);
    expect(several.certain).toBe(true);
  });

  it('is deterministic', async () => {
    const file = new VFile();
    const tree = await readHtml(new TextEncoder().encode(COLLECTION), file);
    const a = pageFeatures(tree, { url: null, jsonLd: null });
    const b = pageFeatures(tree, { url: null, jsonLd: null });
    expect(a).toEqual(b);
    expect(a.pricedCardsLog).toBeCloseTo(Math.log1p(12), 9);
  });
});

describe('page type URL signals', () => {
  it('reads generic path segments and host prefixes, ignoring language segments', () => {
    expect(urlFeatures('https://docs.example.com/guide/intro')).toMatchObject({ urlDocsHost: 1, urlDocs: 1 });
    expect(urlFeatures('https://example.com/en-us/products/desk/p/123456')).toMatchObject({ urlProduct: 1, urlNumericId: 1 });
    expect(urlFeatures('https://forum.example.org/threads/a-question.123/')).toMatchObject({ urlForum: 1, urlForumHost: 1 });
    expect(urlFeatures('https://example.com/news/')).toMatchObject({ urlListing: 1, urlArticle: 0 });
    expect(urlFeatures('https://example.com/news/2024/05/quay-reopens-after-two-years')).toMatchObject({ urlArticle: 1, urlDate: 1, urlSlug: 1 });
    expect(urlFeatures('https://example.com/')).toMatchObject({ urlRoot: 1 });
    expect(urlFeatures('not a url')).toMatchObject({ urlRoot: 0, urlDepth: 0 });
  });
});
