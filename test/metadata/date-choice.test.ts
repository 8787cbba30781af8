import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';

/** The fixture's metadata, converted with its options.json (the kinds of date misses issue 15 lists). */
async function fixture(name: string) {
  const dir = join('fixtures', name);
  const options = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  return (await convert(readFileSync(join(dir, 'input.html')), options)).metadata;
}

const BODY = '<p>The harbour board met on Tuesday and agreed to reopen the northern quay to small boats, after two years of repairs to the sea wall that had kept it closed to everyone.</p>';
async function page(head: string, body: string) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  return (await convert(html)).metadata;
}

describe('publication dates: the kinds of misses', () => {
  it('reads a date stated only in the URL path, never the copyright year', async () => {
    const m = await fixture('meta-date-url-only');
    expect(m.published).toBe('2016-04-15');
    expect(m.fieldSources.published).toBe('url');
  });

  it("reads the day a news page files its sharing image under when nothing else dates it, the page's own address first", async () => {
    const image = '<meta property="og:image" content="https://harbour.example/assets/news_photos/2025/12/20/quay-1766210596.jpg">';
    const dated = await page(image, '<article><h1>Northern Quay Reopens to Small Boats</h1>' + BODY + '</article>');
    expect(dated.published).toBe('2025-12-20');
    expect(dated.fieldSources.published).toBe('url');
    // A month folder alone (WordPress files uploads under /2020/05/) is no day.
    const month = await page('<meta property="og:image" content="https://harbour.example/wp-content/uploads/2020/05/quay.jpg">', '<article><h1>Northern Quay Reopens to Small Boats</h1>' + BODY + '</article>');
    expect(month.published).toBeNull();
    // A date in the page's own address is the page's, the image's only a stand-in.
    const own = await page(image + '<link rel="canonical" href="https://harbour.example/news/2025/12/19/quay/">', '<article><h1>Northern Quay Reopens to Small Boats</h1>' + BODY + '</article>');
    expect(own.published).toBe('2025-12-19');
  });

  it('takes the dateline the page shows when the structured date is days later (a re-stamped post)', async () => {
    const m = await fixture('meta-date-shown-earlier');
    expect(m.published).toBe('2019-03-14');
    expect(m.fieldSources.published).toBe('byline');
  });

  it('never takes the date of a teaser card linking to another post, whatever its list is called', async () => {
    const m = await fixture('meta-date-teaser-cards');
    expect(m.published).toBe('2024-06-20');
    expect(m.authors).toEqual([]);
    // With no date of its own, the page gets none from its cards.
    const bare = await page('', '<main><article><h1>Why the Tide Tables Moved an Hour</h1>' + BODY + BODY + '</article><div class="tile"><h3><a href="/blog/ferry-timetable/">The ferry timetable for the autumn season</a></h3><time datetime="2023-09-18">18 September 2023</time></div></main>');
    expect(bare.published).toBeNull();
  });

  it("reads a thread's \"Last post\" date as its last change, not its start", async () => {
    const m = await fixture('meta-date-forum-last-post');
    expect(m.published).toBe('2024-03-02');
    expect(m.modified).toBe('2024-03-09');
  });

  it("keeps a late-evening post on the publisher's clock (not the UTC day)", async () => {
    const m = await fixture('meta-date-late-evening');
    expect(m.published).toBe('2024-01-01T00:30:00+01:00');
  });

  it('never takes the date of a comment, a related card or a sidebar', async () => {
    const m = await fixture('meta-date-comments-newer');
    expect(m.published).toBe('2021-03-03');
    expect(m.modified).toBeNull();
  });

  it('reads "Updated" before "Published" in one byline as two dates', async () => {
    const m = await fixture('meta-date-updated-first');
    expect(m.published).toBe('2022-05-02');
    expect(m.modified).toBe('2022-05-12');
  });

  it('reads the dates and the byline of a page whose <body> is classed as a comments page (a thread)', async () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body class="thread-page comments-page"><div class="post"><h1>Quay Reopens</h1><p class="byline">By Maren Holt</p><time datetime="2024-03-02T09:15:00Z">2 March 2024</time>${BODY}</div><div class="comments"><p class="byline">By Ola Berg</p><time datetime="2024-03-09T10:00:00Z">9 March 2024</time></div></body></html>`;
    const m = (await convert(html)).metadata;
    expect(m.published).toBe('2024-03-02T09:15:00Z');
    expect(m.authors.map((a) => a.name)).toEqual(['Maren Holt']);
  });

  it('reads Japanese datelines (公開日 / 更新日)', async () => {
    const m = await fixture('meta-date-japanese');
    expect(m.published).toBe('2021-06-08');
    expect(m.modified).toBe('2021-07-01');
  });

  it('reads an Arabic dateline with its update first (آخر تحديث / نُشر في)', async () => {
    const m = await fixture('meta-date-arabic-updated');
    expect(m.published).toBe('2022-03-03');
    expect(m.modified).toBe('2022-03-05');
  });
});

describe('publication dates: choice', () => {
  it('gives the modified date as published when the page states no publication', async () => {
    const m = await page('<meta property="article:modified_time" content="2025-10-01T10:00:00+03:00">', `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(m.published).toBe('2025-10-01T10:00:00+03:00');
    expect(m.modified).toBe('2025-10-01T10:00:00+03:00');
  });

  it('keeps a publication stated later than a modified date of the same source', async () => {
    const ld = '{"@type":"NewsArticle","headline":"Quay Reopens","datePublished":"2025-12-20T06:36:00+00:00","dateModified":"2025-12-19T12:37:00+00:00"}';
    const m = await page(`<script type="application/ld+json">${ld}</script>`, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(m.published).toBe('2025-12-20T06:36:00+00:00');
    expect(m.modified).toBeNull();
  });

  it('reads an unmarked dateline just under (or just above) the headline', async () => {
    const read = await page('', `<article><h1>Quay Reopens</h1><p class="t">December 15, 2025 - 4 min read</p>${BODY}${BODY}</article>`);
    expect(read.published).toBe('2025-12-15');
    const updated = await page('', `<article><div class="x9"><div>Last updated:</div><div>Dec 12, 2025</div></div><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(updated.modified).toBe('2025-12-12');
    expect(updated.fieldSources.modified).toBe('text');
    // A date in a sentence of the article is not a dateline.
    const prose = await page('', `<article><h1>Quay Reopens</h1><p>The board first met about the quay on December 15, 2025, and again in the new year.</p>${BODY}</article>`);
    expect(prose.published).toBeNull();
  });

  it("reads a numeric date either way round as the page writes dates (its language, its region, its URL's date)", async () => {
    const dateline = `<article><h1>Quay Reopens</h1><p class="post-date">03/10/2023</p>${BODY}${BODY}</article>`;
    const at = async (lang: string, baseUrl?: string) => {
      const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${dateline}</body></html>`;
      return (await convert(html, baseUrl ? { baseUrl } : {})).metadata.published;
    };
    expect(await at('en-US')).toBe('2023-03-10');
    expect(await at('en')).toBe('2023-03-10');
    expect(await at('en-GB')).toBe('2023-10-03');
    expect(await at('fr')).toBe('2023-10-03');
    expect(await at('en', 'https://www.harbour.org.uk/news/quay')).toBe('2023-10-03');
    // The URL path states the day (with the month's name): the reading that agrees with it holds.
    expect(await at('en', 'https://www.harbour.example/blog/2023/october/03/quay-reopens/')).toBe('2023-10-03');
    // One reading only: a part over 12 is the day, wherever the page is.
    expect(await page('', `<article><h1>Quay Reopens</h1><p class="post-date">13/10/2023</p>${BODY}${BODY}</article>`)).toMatchObject({ published: '2023-10-13' });
  });

  it('reads the <time datetime> of a dateline rather than its run-together text', async () => {
    const m = await page('', `<article><h1>Quay Reopens</h1><span class="posted-on">Posted on <a href="/q"><time class="entry-date published" datetime="2020-06-29T15:00:23-05:00">June 29, 2020</time><time class="updated" datetime="2021-11-12T10:41:18-06:00">November 12, 2021</time></a></span>${BODY}${BODY}</article>`);
    expect(m.published).toBe('2020-06-29T15:00:23-05:00');
    expect(m.modified).toBe('2021-11-12T10:41:18-06:00');
  });
});

describe('threads, unmarked bylines and headlines', () => {
  it("reads a DiscussionForumPosting's date and author (the opening post)", async () => {
    const ld = '{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Best quay for small boats?","datePublished":"2024-02-21T13:00:00","author":{"@type":"Person","name":"Need2Know"}}';
    const m = await page(`<script type="application/ld+json">${ld}</script>`, `<h1>Best quay for small boats?</h1>${BODY}`);
    expect(m.published).toBe('2024-02-21T13:00:00');
    expect(m.authors.map((a) => a.name)).toEqual(['Need2Know']);
  });

  it("credits a thread to its starter, the first poster under the headline, as the forum names them", async () => {
    const post = (user: string, day: string) =>
      `<article class="message message--post"><div class="message-user"><a href="/members/${user.toLowerCase()}.1/" class="username">${user}</a><div class="userTitle">Member</div></div><div class="message-content"><time datetime="2024-03-0${day}T10:00:00+00:00">Mar ${day}, 2024</time><div class="bbWrapper">${'I have tried the northern quay with a small boat and the mooring is fine in calm weather, less so when the wind turns. '.repeat(2)}</div></div></article>`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Best quay for small boats? | Harbour Forum</title></head><body><nav><a href="/forums/">Forums</a></nav><h1>Best quay for small boats?</h1>${post('skipper42', '1')}${post('Tom_P', '2')}${post('anna.s', '3')}${post('Rowan', '4')}</body></html>`;
    const m = (await convert(html, { baseUrl: 'https://forum.example/threads/best-quay-for-small-boats.123/' })).metadata;
    expect(m.pageType).toBe('forum');
    expect(m.authors.map((a) => a.name)).toEqual(['skipper42']);
  });

  it('knows a user name by a class that prefixes a word to it ("PostUser-name")', async () => {
    const post = (user: string) =>
      `<article><div class="PostUser"><h3 class="PostUser-name">${user}</h3></div><div class="Post-body"><p>${'I have tried the northern quay with a small boat and the mooring is fine in calm weather, less so when the wind turns. '.repeat(2)}</p></div></article><hr>`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Best quay for small boats? - Harbour Forum</title></head><body><h1>Best quay for small boats?</h1>${post('skipper42')}${post('Tom_P')}${post('anna.s')}${post('Rowan')}</body></html>`;
    const m = (await convert(html, { baseUrl: 'https://forum.example/d/123-best-quay-for-small-boats' })).metadata;
    expect(m.pageType).toBe('forum');
    expect(m.authors.map((a) => a.name)).toEqual(['skipper42']);
  });

  it("credits a thread to the first microdata author, as written, also inside <noscript> (a script-rendered forum's crawler view)", async () => {
    const post = (user: string, n: number) =>
      `<div id="post_${n}" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://forum.example/u/${user}"><span itemprop="name">${user}</span></a> (${user.replace(/\d+$/, '')})</span><time itemprop="datePublished" datetime="2024-03-0${n}T10:00:00Z">Mar ${n}, 2024</time></div><div class="post" itemprop="text"><p>${'I have tried the northern quay with a small boat and the mooring is fine in calm weather, less so when the wind turns. '.repeat(2)}</p></div></div>`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Best quay for small boats? - Harbour Forum</title></head><body><div id="app"></div><noscript><div id="main-outlet" itemscope itemtype="http://schema.org/DiscussionForumPosting"><h1>Best quay for small boats?</h1>${post('LingoLover94', 1)}${post('Woon', 2)}${post('Tom_P', 3)}</div></noscript></body></html>`;
    const m = (await convert(html, { baseUrl: 'https://forum.example/t/best-quay-for-small-boats/123' })).metadata;
    expect(m.pageType).toBe('forum');
    expect(m.authors.map((a) => a.name)).toEqual(['LingoLover94']);
    expect(m.fieldSources.authors).toBe('byline');
  });

  it("credits a thread to the poster its header and opening post both name, over microdata that marks a reply first", async () => {
    const words = 'I have tried the northern quay with a small boat and the mooring is fine in calm weather, less so when the wind turns. '.repeat(2);
    const reply = (user: string, n: number) =>
      `<article class="message"><div itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/members/${user}.${n}/" class="username" itemprop="name">${user}</a></div><div class="bbWrapper">${words}</div></article>`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Best quay for small boats? | Harbour Forum</title></head><body><h1>Best quay for small boats?</h1><div class="p-description">Thread starter <a href="/members/skipper42.1/" class="username">skipper42</a></div><article class="message"><div class="message-user"><a href="/members/skipper42.1/" class="username">skipper42</a></div><div class="bbWrapper">${words}</div></article>${reply('Tom_P', 2)}${reply('Rowan', 3)}</body></html>`;
    const m = (await convert(html, { baseUrl: 'https://forum.example/threads/best-quay-for-small-boats.123/' })).metadata;
    expect(m.pageType).toBe('forum');
    expect(m.authors.map((a) => a.name)).toEqual(['skipper42']);
  });

  // The site's own name, or any author JSON-LD types as an Organization ("Coastal Heart Trust" on a
  // page of another site): a publisher, not a person.
  it.each([
    ['the site\'s own name', '{"@type":"Organization","name":"Harbour Clinic"},"publisher":{"@type":"Organization","name":"Harbour Clinic"}', 'Harbour Clinic'],
    ['an Organization', '{"@type":"Organization","name":"Coastal Heart Trust"}', 'Coastal Heart Trust'],
  ])('credits the person a byline names over an author that is %s', async (_, author, organisation) => {
    const ld = `{"@type":"Article","headline":"Quay Reopens","author":${author}}`;
    const html = `<!DOCTYPE html><html lang="en"><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Quay Reopens</h1><p class="byline">By <a href="/staff/ines-moreau">Ines Moreau</a></p>${BODY}${BODY}</article></body></html>`;
    const m = (await convert(html, { baseUrl: 'https://harbourclinic.example/news/quay' })).metadata;
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    // With no person named, the publisher is credited.
    const alone = (await convert(html.replace(/<p class="byline">.*?<\/p>/, ''), { baseUrl: 'https://harbourclinic.example/news/quay' })).metadata;
    expect(alone.authors.map((a) => a.name)).toEqual([organisation]);
  });

  it('credits the full name a byline shows over a one-word account that tags for machines give', async () => {
    const ld = '{"@type":"Article","headline":"Quay Reopens","author":{"@type":"Person","name":"InesM"}}';
    const head = `<script type="application/ld+json">${ld}</script><meta name="author" content="InesM">`;
    const m = await page(head, `<article><h1>Quay Reopens</h1><p class="byline">By <a href="/authors/ines-moreau/">Ines Moreau</a></p>${BODY}${BODY}</article>`);
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    // With no byline, the account is what the page credits.
    const alone = await page(head, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(alone.authors.map((a) => a.name)).toEqual(['InesM']);
  });

  it('reads a structured author name up to a spaced dash or bar (a role or a desk follows)', async () => {
    const ld = '{"@type":"Article","headline":"Quay Reopens","author":{"@type":"Person","name":"Ines Moreau - Harbour Editorial Team"}}';
    const m = await page(`<script type="application/ld+json">${ld}</script>`, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
  });

  it("credits the owner of a site named as someone's blog when no source names an author", async () => {
    const m = await page(`<meta property="og:site_name" content="Ines Moreau's blog">`, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    expect(m.fieldSources.authors).toBe('open-graph');
    // A publication's site is no one's blog, and a named author stands.
    const paper = await page(`<meta property="og:site_name" content="The Harbour Weekly's blog">`, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(paper.authors).toEqual([]);
    const named = await page(`<meta property="og:site_name" content="Ines Moreau's blog"><meta name="author" content="Tom Price">`, `<article><h1>Quay Reopens</h1>${BODY}${BODY}</article>`);
    expect(named.authors.map((a) => a.name)).toEqual(['Tom Price']);
  });

  it('finds the byline and the dateline of a page with no <h1> by the element that holds its title', async () => {
    const m = await page('<title>Quay Reopens to Small Boats | Harbour Weekly</title>', `<div class="hd"><h4 class="b">Quay Reopens to Small Boats</h4><div class="x1">By Ines Moreau</div><div class="x2">20 December, 2025</div></div>${BODY}${BODY}`);
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    expect(m.published).toBe('2025-12-20');
  });

  it('takes links to author profile pages by the headline as the byline', async () => {
    const m = await page('', `<article><h1>Quay Reopens</h1><p class="x1">Written by <a href="/blog/author/ines-moreau">Ines Moreau</a> and <a href="/blog/author/tom-price">Tom Price</a></p>${BODY}${BODY}</article>`);
    expect(m.authors.map((a) => [a.name, a.url])).toEqual([
      ['Ines Moreau', '/blog/author/ines-moreau'],
      ['Tom Price', '/blog/author/tom-price'],
    ]);
  });

  it("titles an article by its one <h1>, not its social card's variant", async () => {
    const m = await page('<meta property="og:title" content="Northern Quay Reopens After Two Years | Harbour Weekly">', `<article><h1>Northern Quay Reopens to Small Boats</h1>${BODY}${BODY}</article>`);
    expect(m.title).toBe('Northern Quay Reopens to Small Boats');
    expect(m.fieldSources.title).toBe('markup');
    // A heading that shares few words with the title is a blog's or a section's name.
    const blog = await page('<meta property="og:title" content="Northern Quay Reopens to Small Boats">', `<article><h1>Harbour Notes</h1>${BODY}${BODY}</article>`);
    expect(blog.title).toBe('Northern Quay Reopens to Small Boats');
  });
});
