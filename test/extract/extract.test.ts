import { describe, expect, it } from 'vitest';
import { isDateline, lineKind } from '../../src/extract/drop-boilerplate-lines.js';
import { prose, run } from '../helpers/article.js';

describe('select-main-content', () => {
  it('chooses the article over a sidebar of teasers and says which block', async () => {
    const r = await run(`<body><div class="column">${prose('main', 5)}</div><div class="column"><ul><li><a href="/a">Teaser one headline</a></li><li><a href="/b">Teaser two headline</a></li></ul></div></body>`);
    expect(r.markdown).toContain('paragraph 5');
    expect(r.markdown).not.toContain('Teaser');
    expect(r.rules).toContain('select-main-content');
  });

  it('prefers the element that repeats the JSON-LD articleBody', async () => {
    const body = 'The hinted story is this one, written out in full, with commas, facts and a quote that says so. It goes on for a second sentence too, which gives the hint enough words to match on. A third sentence makes sure the stated body is long enough to be taken as a hint.';
    const r = await run(`<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body })}</script></head><body><div class="story">${prose('decoy', 6)}</div><div id="x"><p>${body}</p></div></body></html>`);
    expect(r.markdown).toContain('The hinted story');
    expect(r.markdown).not.toContain('decoy');
    expect(r.rules).toContain('select-article-body-hint');
  });

  it('grows over an article split into several containers by a figure', async () => {
    const r = await run(`<body><nav><a href="/">Home</a></nav><div class="post"><div class="part"><div class="inner">${prose('first half', 3)}</div></div><figure><img src="a.jpg" alt=""></figure><div class="part">${prose('second half', 6)}</div></div></body>`);
    expect(r.markdown).toContain('first half story goes on, paragraph 3');
    expect(r.markdown).toContain('second half story goes on, paragraph 6');
  });
});

describe('prune-content', () => {
  it('drops a link list inside the article', async () => {
    const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/s${i}">Another story number ${i} here</a></li>`).join('');
    const r = await run(`<body><article>${prose('main', 5)}<div><ul>${links}</ul></div></article></body>`);
    expect(r.markdown).not.toContain('Another story');
    expect(r.rules).toContain('prune-link-list');
  });

  it('keeps a run of prose paragraphs that shares a block with link lists, and prunes the lists below it', async () => {
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Another story number ${i} with a long linked headline</a></li>`).join('');
    // The story goes on in a container of its own (a page break in a printed page), beside a list of links.
    // Plain sentences without commas: it is the run of paragraphs that keeps them, not their punctuation.
    const plain = (n: number) => `<p>The rest of the story goes on in paragraph number ${n} and it tells the reader what the council decided to do next.</p>`;
    const r = await run(`<body><article>${prose('main', 2)}<div>${[1, 2, 3, 4].map(plain).join('')}<ul>${links}</ul></div></article></body>`);
    expect(r.markdown).toContain('paragraph number 4');
    expect(r.markdown).not.toContain('Another story');
  });

  it('never prunes whole the block that holds the article, however many links are around it', async () => {
    const plain = (n: number) => `<p>The story goes on in paragraph number ${n} and it tells the reader what the council decided to do next week.</p>`;
    const menu = `<div>${Array.from({ length: 20 }, (_, i) => `<a href="/m${i}">Section ${i}</a>`).join(' ')}</div>`;
    const r = await run(`<body><div><div>${menu}</div><div><article><h1>The headline</h1>${[1, 2, 3].map(plain).join('')}</article></div>${menu}</div></body>`);
    expect(r.markdown).toContain('paragraph number 3');
    expect(r.markdown).not.toContain('Section 1');
    expect(r.rules).not.toContain('fallback-page-text');
  });

  it('keeps the blocks a negative class name alone would prune when pruning them leaves the article no text', async () => {
    const card = (title: string) => `<div class="teaser"><h2>${title}</h2><p>Increasing attendance and awareness of a museum in a small town.</p></div>`;
    const footer = `<footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>`;
    const r = await run(`<body><div class="cases">${card('Universal Appeal')}${card('Lift Off')}${card('Well Distilled')}</div>${footer}</body>`);
    expect(r.markdown).toContain('## Well Distilled');
    expect(r.markdown).not.toContain('Privacy policy');
    expect(r.rules).toContain('keep-named-blocks');
    expect(r.rules).not.toContain('fallback-page-text');
  });

  it('drops a block headed "Related articles"', async () => {
    const r = await run(`<body><article>${prose('main', 5)}<h2>Related articles</h2><p>Something else entirely that is not this story at all.</p></article></body>`);
    expect(r.markdown).not.toContain('Something else');
    expect(r.rules).toContain('drop-headed-boilerplate');
  });
});

describe('drop-boilerplate-lines', () => {
  it('classifies short furniture lines', () => {
    expect(lineKind('Share')).toBe('ui-label');
    expect(lineKind('Advertisement')).toBe('ui-label');
    expect(lineKind('Read more: Another headline elsewhere')).toBe('inline-related');
    expect(lineKind('Sign up for our daily newsletter')).toBe('call-to-action');
    expect(lineKind('Tags: politics, economy')).toBe('tag-line');
    expect(lineKind('Updated: Nov. 20, 2019 5:52 AM EST')).toBe('dateline');
    expect(lineKind('By Jane Doe | March 3, 2020')).toBe('dateline');
  });

  it("reads the site's affiliate disclosure as furniture, and an article's sentence about affiliate marketing as prose", async () => {
    expect(lineKind('As an Amazon Associate we earn from qualifying purchases.')).toBe('affiliate-disclosure');
    expect(lineKind('When you purchase through links on our site, we may earn an affiliate commission.')).toBe('affiliate-disclosure');
    expect(lineKind('Products are chosen independently by our editors. Purchases made through our links may earn us a commission.')).toBe('affiliate-disclosure');
    expect(lineKind('Affiliate marketers earn a commission on every sale they refer through their links.')).toBeNull();
    const r = await run(`<body><article><p>As an Amazon Associate we earn from qualifying purchases.</p>${prose('kitchen', 4)}</article></body>`);
    expect(r.markdown).not.toContain('Amazon Associate');
    expect(r.rules).toContain('drop-affiliate-disclosure');
  });

  it('reads no more lines for dates than the page budget allows (MAX_DATELINE_PARSES), keeping the rest', () => {
    const budget = { left: 1 };
    expect(lineKind('Updated: Nov. 20, 2019 5:52 AM EST', false, budget)).toBe('dateline');
    expect(budget.left).toBe(0);
    expect(lineKind('By Jane Doe | March 3, 2020', false, budget)).toBeNull();
    // Lines the parser never reads (no digit) spend nothing, and the other kinds are still judged.
    const spare = { left: 1 };
    expect(lineKind('Advertisement', false, spare)).toBe('ui-label');
    expect(isDateline('No digit here at all', spare)).toBe(false);
    expect(spare.left).toBe(1);
  });

  it('leaves prose, quotes, headings and times alone', () => {
    expect(lineKind('More than 200 people came to the meeting on March 3, 2020, to hear the mayor speak.')).toBeNull();
    expect(lineKind('“What kind of products are worth a digital subscription?” she asks.')).toBeNull();
    expect(lineKind('Subscribe', true)).toBeNull();
    expect(isDateline('10 p.m.')).toBe(false);
    expect(isDateline('E agora estamos aqui aprontando o quê?')).toBe(false);
  });

  it('drops them inside the article with a rule per kind', async () => {
    const r = await run(`<body><article><p>Updated: Nov. 20, 2019 5:52 AM EST</p>${prose('main', 4)}<p>Read more: Something else</p><p>Share</p></article></body>`);
    expect(r.markdown).toContain('paragraph 4');
    expect(r.markdown).not.toMatch(/Updated|Read more|Share/);
    expect(r.rules).toEqual(expect.arrayContaining(['drop-dateline', 'drop-inline-related', 'drop-ui-label']));
  });
  it('leaves the cells of a data table alone: there "Comment" or a date is a datum', async () => {
    const cell = (text: string) => `<td><p>${text}</p></td>`;
    const table = `<table><tr>${['Status', 'Date', 'Comment'].map(cell).join('')}</tr><tr>${['new', 'March 3, 2020', 'Video'].map(cell).join('')}</tr><tr>${['done', 'April 1, 2020', 'Share'].map(cell).join('')}</tr></table>`;
    const r = await run(`<body><article>${prose('main', 3)}${table}${prose('more', 2)}</article></body>`);
    expect(r.markdown).toMatch(/\| Status \| Date \| Comment \|/);
    expect(r.markdown).toMatch(/\| new \| March 3, 2020 \| Video \|/);
    expect(r.markdown).toMatch(/\| done \| April 1, 2020 \| Share \|/);
  });

  it("keeps what a data table's cells hold: a heading cell's source line with its one link is no link list", async () => {
    const heading = '<tr><th colspan="2"><div><span>Largest urban areas</span><br><div style="display:inline"><a href="/stats">Statistics Office</a> June 2018 estimate</div></div></th></tr>';
    const table = `<table>${heading}<tr><th>City</th><th>Population</th></tr><tr><td>Harbor</td><td>1,600,000</td></tr><tr><td>Quay</td><td>420,000</td></tr></table>`;
    const r = await run(`<body><article>${prose('main', 3)}${table}${prose('more', 2)}</article></body>`);
    expect(r.markdown).toContain('[Statistics Office](/stats) June 2018 estimate');
    expect(r.markdown).toMatch(/\| Harbor \| 1,600,000 \|/);
  });
});

describe('drop-boilerplate-lines: bylines', () => {
  it("drops a line that names only the article's authors, and keeps prose that opens with 'By'", async () => {
    const r = await run(
      `<html><head><meta name="author" content="Jane Doe"></head><body><article><h1>A headline</h1><p>By Jane Doe</p>${prose('main', 4)}<p>By the end of the year the council had spent the money.</p><p>By John Roe</p></article></body></html>`,
    );
    expect(r.metadata.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(r.markdown).not.toContain('By Jane Doe');
    expect(r.markdown).toContain('By the end of the year');
    expect(r.markdown).toContain('By John Roe'); // not an author of this article: kept
    expect(r.rules).toContain('drop-byline');
  });
});

describe('ensure-article', () => {
  it('falls back to the readable text of the page with a warning instead of an empty article', async () => {
    const r = await run('<body><div role="dialog" aria-modal="true">Only words in a dialog are on this page, nothing else at all.</div></body>');
    expect(r.markdown).toContain('Only words in a dialog');
    expect(r.metadata.warnings.map((w) => w.rule)).toContain('fallback-page-text');
  });

  it("leaves the page's menus, banner and footer out of the fallback, and says so when they are all the page holds", async () => {
    const chrome = '<header><a href="/">Shop home</a></header><nav><a href="/a">All categories</a></nav><footer><a href="/p">Privacy policy</a></footer>';
    const withText = await run(`<body>${chrome}<div role="dialog" aria-modal="true">The catalogue is loading, please wait a moment.</div></body>`);
    expect(withText.markdown).toContain('The catalogue is loading');
    expect(withText.markdown).not.toContain('Privacy policy');
    const onlyChrome = await run(`<body>${chrome}</body>`);
    expect(onlyChrome.markdown).toBe('');
    expect(onlyChrome.metadata.warnings.map((w) => w.rule)).toContain('only-page-chrome');
  });

  it('reports an empty article when the page has no text at all', async () => {
    const r = await run('<body><img src="a.png"></body>');
    expect(r.metadata.warnings.map((w) => w.rule)).toContain('empty-article');
  });
});
