import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

/** Entries of a list page: a linked title and a short line each (link-dense by nature). */
const entries = Array.from({ length: 12 }, (_, i) => `<li><a href="/jobs/${i}">Senior engineer opening number ${i + 1}</a> <span>Remote</span></li>`).join('');
const LIST_PAGE_HEAD = `<head><title>Remote jobs</title><script type="application/ld+json">${JSON.stringify({ '@type': 'CollectionPage', mainEntity: { '@type': 'ItemList', itemListElement: Array.from({ length: 12 }, (_, i) => ({ '@type': 'ListItem', position: i + 1, url: `https://example.com/jobs/${i}` })) } })}</script></head>`;

describe('cleaning stages by page type', () => {
  it('keeps the link-dense entries of a listing page, which are its content', async () => {
    const r = await run(`<html>${LIST_PAGE_HEAD}<body><nav><a href="/">Home</a> <a href="/about">About</a></nav><main><h1>Remote jobs</h1><ul class="jobs">${entries}</ul></main><footer>© Example</footer></body></html>`, { baseUrl: 'https://example.com/jobs' });
    expect(r.metadata.pageType).toBe('listing');
    expect(r.markdown).toContain('Senior engineer opening number 12');
    expect(r.rules).not.toContain('prune-link-list');
  });

  it("keeps a listing's picture cards' captions as the entries' text, and folds a story's photo caption into its image", async () => {
    const cards = Array.from({ length: 12 }, (_, i) => `<li><figure><img src="/p/${i}.jpg" alt=""><figcaption>Senior engineer opening number ${i + 1}, remote</figcaption></figure></li>`).join('');
    const listing = await run(`<html>${LIST_PAGE_HEAD}<body><main><h1>Remote jobs</h1><ul class="jobs">${cards}</ul></main></body></html>`, { baseUrl: 'https://example.com/jobs' });
    expect(listing.metadata.pageType).toBe('listing');
    expect(listing.markdown).toMatch(/^ +Senior engineer opening number 12, remote$/m);
    expect(listing.rules).not.toContain('fold-caption');
    const story = await run(`<html><head><meta property="og:type" content="article"></head><body><article>${prose('main', 6)}<figure><img src="/harbour.jpg" alt=""><figcaption>The harbour at dawn</figcaption></figure></article></body></html>`, { baseUrl: 'https://example.com/news/2024/05/a-story-about-the-harbour' });
    expect(story.markdown).toContain('"The harbour at dawn")');
    expect(story.rules).toContain('fold-caption');
  });

  it('still drops such a link list inside an article', async () => {
    const r = await run(`<html><head><meta property="og:type" content="article"></head><body><article>${prose('main', 6)}<div><ul>${entries}</ul></div></article></body></html>`, { baseUrl: 'https://example.com/news/2024/05/a-story-about-the-harbour' });
    expect(r.metadata.pageType).toBe('article');
    expect(r.markdown).not.toContain('Senior engineer opening');
    expect(r.rules).toContain('prune-link-list');
  });

  it('keeps the link lists that are most of an uncertain page: an index marked up as an Article', async () => {
    const section = (letter: string) => `<h2>${letter}</h2><div class="div-col"><ul>${[1, 2, 3, 4, 5, 6, 7].map((i) => `<li><a href="/wiki/${letter}-${i}">${letter}-language ${i}</a></li>`).join('')}</ul></div>`;
    const head = `<head><title>List of programming languages</title><script type="application/ld+json">${JSON.stringify({ '@type': 'Article', name: 'List of programming languages' })}</script></head>`;
    const r = await run(`<html>${head}<body><main><h1>List of programming languages</h1><p>An index to notable programming languages.</p>${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map(section).join('')}</main></body></html>`);
    expect(r.markdown).toContain('[A-language 1]');
    expect(r.markdown).toContain('[H-language 7]');
    expect(r.rules).toContain('keep-link-lists');
    expect(r.rules).not.toContain('prune-link-list');
  });

  it("drops a product page's customer reviews, and keeps an article named as a review", async () => {
    const review = (who: string) => `<div class="review"><h4>Great bottle</h4><p>${who} writes: I have carried this bottle on every hike this summer, it keeps water cold all day and never leaks in the bag.</p><span>${who}</span></div>`;
    const head = `<head><title>Steel water bottle</title><script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: 'Steel water bottle', offers: { '@type': 'Offer', price: '24.00', priceCurrency: 'EUR' } })}</script></head>`;
    const product = await run(`<html>${head}<body><main><h1>Steel water bottle</h1><p class="price">€24.00</p><button>Add to cart</button><div class="description"><p>A double-walled steel bottle that keeps drinks cold for a day and hot for twelve hours, with a lid that seals and a loop to clip it to a pack.</p><p>It holds 750 millilitres, weighs 340 grams, and goes in the dishwasher.</p></div><div class="reviews"><h2>Customer reviews</h2>${['Ann', 'Bob', 'Cyd', 'Dee'].map(review).join('')}</div></main></body></html>`);
    expect(product.metadata.pageType).toBe('product');
    expect(product.markdown).toContain('It holds 750 millilitres');
    expect(product.markdown).not.toContain('I have carried this bottle');
    expect(product.rules).toContain('drop-reviews');
    const article = await run(`<html><head><meta property="og:type" content="article"></head><body><article class="review"><h1>Review: the steel bottle</h1>${prose('bottle review', 6)}</article><div class="review-widget">${prose('sidebar', 1)}</div></body></html>`);
    expect(article.metadata.pageType).toBe('article');
    expect(article.markdown).toContain('The bottle review story goes on, paragraph 6');
    expect(article.rules).not.toContain('drop-reviews');
  });
});
