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
});
