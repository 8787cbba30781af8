import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element } from 'hast';
import { isLayoutTable } from '../../src/clean/unwrap-layout-tables.js';
import { boilerplateKind } from '../../src/clean/drop-boilerplate-regions.js';
import { prose, run } from '../helpers/article.js';

function first(html: string, tag: string): Element {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const stack = [...tree.children];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.type === 'element') {
      if (n.tagName === tag) return n;
      stack.push(...n.children);
    }
  }
  throw new Error(`no <${tag}>`);
}

describe('drop-boilerplate-regions', () => {
  it('names boilerplate by landmark, role and class vocabulary', () => {
    expect(boilerplateKind(first('<nav>x</nav>', 'nav'))).toBe('nav');
    expect(boilerplateKind(first('<div role="navigation">x</div>', 'div'))).toBe('navigation');
    expect(boilerplateKind(first('<div class="share-bar">x</div>', 'div'))).toBe('share');
    expect(boilerplateKind(first('<div class="related-stories">x</div>', 'div'))).toBe('related');
    expect(boilerplateKind(first('<div class="story">x</div>', 'div'))).toBeNull();
    expect(boilerplateKind(first('<article class="sidebar">x</article>', 'article'))).toBeNull();
  });

  it('drops a share bar and a related list, and says so', async () => {
    const r = await run(`<body><article>${prose('main', 4)}<div class="share-bar"><a href="/t">Tweet this page now</a></div></article><div class="related-stories"><p>Another story you may like to read, which is long enough to be prose as well.</p></div></body>`);
    expect(r.markdown).toContain('paragraph 4');
    expect(r.markdown).not.toContain('Tweet');
    expect(r.markdown).not.toContain('Another story');
    expect(r.rules).toContain('drop-share');
  });

  it('keeps a region named like boilerplate when it holds most of the prose', async () => {
    const r = await run(`<body><div class="has-sidebar">${prose('wrapped', 5)}</div><p>x</p></body>`);
    expect(r.markdown).toContain('paragraph 5');
  });

  it('reads a tab list that holds the panels its tabs open as an accordion, and keeps it; a tab list of labels goes', async () => {
    const panel = (i: number, role: string) => `<div class="panel"><div role="tab"><h4><a href="#c${i}" aria-controls="c${i}">Question ${i}?</a></h4></div><div id="c${i}" ${role}><p>Answer ${i}: the course runs for six weeks, online, and a certificate follows the final test.</p></div></div>`;
    const byControls = await run(`<body><main>${prose('course', 3)}<div role="tablist">${panel(1, '')}${panel(2, '')}</div></main></body>`);
    expect(byControls.markdown).toContain('Answer 2: the course runs');
    const byRole = await run(`<body><main>${prose('course', 3)}<div role="tablist">${panel(1, 'role="tabpanel"')}</div></main></body>`);
    expect(byRole.markdown).toContain('Answer 1: the course runs');
    const labels = await run(`<body><main>${prose('course', 3)}<div role="tablist"><button role="tab" aria-controls="p1">Overview of the whole course</button></div><div id="p1" role="tabpanel"><p>Panel text stays.</p></div></main></body>`);
    expect(labels.markdown).not.toContain('Overview of the whole course');
    expect(labels.rules).toContain('drop-tablist');
  });

  it('reads a component named by its data-testid as by its class (generated class names say nothing)', async () => {
    const banner = '<div data-testid="consent-banner" class="css-1x2y3z fixed bottom-6"><p>This shop uses cookies to enhance site functionality, analyze traffic and personalize ads, as explained in our policy.</p></div>';
    const r = await run(`<body><main>${prose('product', 3)}${banner}</main></body>`);
    expect(r.markdown).toContain('paragraph 3');
    expect(r.markdown).not.toContain('uses cookies');
    expect(r.rules).toContain('drop-prompts');
  });

  it('keeps a data table whatever its class words say, and whatever share of links it holds', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `<tr><td>${1901 + i}</td><td><a href="/p${i}">Laureate number ${i}</a></td><td><a href="/c${i}">Chemist ${i}</a></td></tr>`).join('');
    const r = await run(`<body><main><h1>List of laureates</h1><p>The prizes by year.</p><table class="wikitable sortable sticky-header"><tr><th>Year</th><th>Physics</th><th>Chemistry</th></tr>${rows}</table></main></body>`);
    expect(r.markdown).toContain('Laureate number 5');
    expect(r.markdown).toContain('| Year');
    expect(r.rules).not.toContain('drop-chrome');
  });

  it("keeps a data table's cells whatever they are named: a header cell is the table's", async () => {
    const rows = Array.from({ length: 4 }, (_, i) => `<tr><td>Plan ${i + 1}</td><td>${10 * (i + 1)} GB</td><td>€${5 * (i + 1)}</td></tr>`).join('');
    const r = await run(`<body><main><h1>Plans</h1><p>Every plan, what it holds and what it costs each month, with support included.</p><table><thead><tr><th class="table-header">Plan</th><th class="table-header">Storage</th><th class="table-header">Monthly price</th></tr></thead><tbody>${rows}</tbody></table></main></body>`);
    expect(r.markdown).toContain('Monthly price');
    expect(r.markdown).toContain('Plan 4');
  });

  it('drops a modal dialog however much of the page it says: it is laid over the page', async () => {
    const consent = Array.from({ length: 4 }, (_, i) => `<p>These cookies, number ${i + 1}, are set by our partners to build a profile of your interests, measure visits, and show you relevant adverts on other sites, which you may refuse.</p>`).join('');
    const r = await run(`<body><main><p>Short reply one, on topic.</p><p>I agree with that, and I would add a second point about it.</p></main><div role="dialog" aria-modal="true" aria-label="Privacy">${consent}</div></body>`);
    expect(r.markdown).toContain('Short reply one');
    expect(r.markdown).not.toContain('build a profile');
    expect(r.rules).toContain('drop-dialog');
  });
});

describe('drop-non-content', () => {
  it('drops scripts, forms and hidden elements', async () => {
    const r = await run(`<body><article>${prose('visible', 3)}<script>var secret = 1</script><p hidden>Hidden words here</p><div style="display:none">Invisible block</div></article></body>`);
    expect(r.markdown).not.toMatch(/secret|Hidden words|Invisible/);
    expect(r.rules).toContain('drop-hidden');
  });
});

describe('drop-non-content: collapsed is not hidden', () => {
  const faq = (i: number) => `<div class="faq-item"><button aria-expanded="false" aria-controls="answer-${i}">Question ${i}?</button><div id="answer-${i}" hidden><p>Answer ${i}: the plan covers repairs, visits, and parts, and you can cancel it at any time without a fee.</p></div></div>`;

  it('keeps accordion answers, <details> bodies and tab panels, and drops what no control reveals', async () => {
    const r = await run(`<body><main>${prose('service', 2)}${[1, 2, 3].map(faq).join('')}<details class="overflow-hidden"><summary>What does it cost?</summary><div aria-hidden="true"><p>It costs less than a plumber's call-out, with the first month free.</p></div></details><div role="tabpanel" style="display:none"><p>Specifications: 40 litres, 1.2 kilograms, recycled nylon.</p></div><div style="display:none"><p>A modal nobody opens without a script.</p></div></main></body>`);
    for (const i of [1, 2, 3]) expect(r.markdown).toContain(`Answer ${i}: the plan covers repairs`);
    expect(r.markdown).toContain('It costs less than a plumber');
    expect(r.markdown).toContain('Specifications: 40 litres');
    expect(r.markdown).not.toContain('A modal nobody opens');
  });

  it("keeps links marked aria-hidden (a card's visible duplicates), and drops other aria-hidden blocks", async () => {
    const card = (i: number) => `<article class="river-article"><a href="/s${i}" aria-hidden="true" tabindex="-1"><img src="/i${i}.jpg" alt=""></a><h2><a href="/s${i}">Story ${i}</a></h2><p><a href="/s${i}" aria-hidden="true" tabindex="-1">The standfirst of story ${i}, which every reader sees under its title.</a></p></article>`;
    const r = await run(`<body><main><h1>Latest</h1>${[1, 2, 3, 4].map(card).join('')}</main><div hidden><p>A panel the page hides.</p></div><div aria-hidden="true"><p>The page behind a dialog, kept from screen readers.</p></div></body>`);
    for (const i of [1, 4]) expect(r.markdown).toContain(`The standfirst of story ${i}`);
    expect(r.markdown).not.toContain('A panel the page hides');
    expect(r.markdown).not.toContain('The page behind a dialog');
  });

  it("reads a <header> inside an article or section as that block's header, not as the page's banner", async () => {
    const card = (i: number) => `<article><header><h2><a href="/s${i}">Review number ${i} of a pair of headphones</a></h2><p>What the reviewer made of pair ${i}, in a sentence of its own, and then a second sentence on the sound, the fit, the battery and the price.</p></header></article>`;
    const r = await run(`<body><header class="site"><a href="/">Gadget News</a> <a href="/deals">Deals</a></header><main><h1>Headphones</h1>${[1, 2, 3].map(card).join('')}</main></body>`);
    for (const i of [1, 2, 3]) expect(r.markdown).toContain(`What the reviewer made of pair ${i}`);
    expect(r.markdown).not.toContain('Deals');
    // The header that holds the page's h1 is the article's title block, which the metadata carries.
    const story = await run(`<body><article><header><h1>A story</h1><p class="dek">A standfirst that the metadata carries as the description.</p></header>${prose('main', 4)}</article></body>`);
    expect(story.markdown).toContain('paragraph 4');
    expect(story.markdown).not.toContain('A standfirst');
  });

  it("keeps code whatever a highlighter names its spans ('token comment')", async () => {
    const r = await run(`<body><article><h1>Emscripten</h1>${prose('build', 2)}<pre><code class="language-c"><span class="token comment">// add.c</span>\nint add(int a, int b) { return a + b; }</code></pre></article></body>`);
    expect(r.markdown).toContain('// add.c\nint add');
  });

  it('reads overflow-hidden as a CSS utility, not as a hidden region', () => {
    const el = (cls: string): Element => ({ type: 'element', tagName: 'div', properties: { className: cls.split(' ') }, children: [] });
    expect(boilerplateKind(el('relative overflow-hidden rounded'))).toBeNull();
    expect(boilerplateKind(el('visually-hidden'))).toBe('chrome');
    expect(boilerplateKind(el('drawer hidden'))).toBe('chrome');
  });

  it('reads a responsive "hidden" as shown at some screen size, not as hidden', () => {
    const el = (cls: string): Element => ({ type: 'element', tagName: 'div', properties: { className: cls.split(' ') }, children: [] });
    expect(boilerplateKind(el('hidden md:flex features'))).toBeNull();
    expect(boilerplateKind(el('sm:block hidden max-w-6xl'))).toBeNull();
    expect(boilerplateKind(el('_hidden_x1 _hidden-gt-lg_x1'))).toBeNull();
  });
});

describe('unwrap-layout-tables', () => {
  it('tells layout tables from data tables', () => {
    expect(isLayoutTable(first('<table><tr><td><p>Long text</p></td><td>nav</td></tr></table>', 'table'))).toBe(true);
    expect(isLayoutTable(first('<table><tr><td>only one row</td><td>b</td></tr></table>', 'table'))).toBe(true);
    expect(isLayoutTable(first('<table role="presentation"><tr><td>a</td></tr><tr><td>b</td></tr></table>', 'table'))).toBe(true);
    expect(isLayoutTable(first('<table><thead><tr><th>Year</th><th>Tons</th></tr></thead><tr><td>1990</td><td>5</td></tr><tr><td>1991</td><td>6</td></tr></table>', 'table'))).toBe(false);
  });

  it('reads a table whose every cell wraps its text in one <p> (rich-text editors) as data, and paragraphs or a page column in a cell as layout', () => {
    const grid = (cell: (r: number, c: number) => string) =>
      `<table>${[0, 1, 2].map((r) => `<tr>${[0, 1, 2].map((c) => `<td>${cell(r, c)}</td>`).join('')}</tr>`).join('')}</table>`;
    expect(isLayoutTable(first(grid((r, c) => `<p><b>r${r}c${c}</b></p>`), 'table'))).toBe(false);
    expect(isLayoutTable(first(grid((r, c) => `<div><p>r${r}c${c}</p></div>`), 'table'))).toBe(false);
    expect(isLayoutTable(first(grid((r, c) => (r === 1 && c === 1 ? '<p>one</p><p>two</p>' : 'x')), 'table'))).toBe(true);
    expect(isLayoutTable(first(grid((r, c) => (r === 1 && c === 1 ? `<div>${'a whole column of the page '.repeat(10)}</div>` : 'x')), 'table'))).toBe(true);
    expect(isLayoutTable(first(grid((r, c) => (r === 1 && c === 1 ? '<h2>Section</h2>' : 'x')), 'table'))).toBe(true);
  });

  it('writes an article laid out in a table as paragraphs, not a table', async () => {
    const r = await run(`<body><table><tr><td>${prose('tabled', 4)}</td><td><a href="/">Home</a></td></tr></table></body>`);
    expect(r.markdown).toContain('paragraph 4');
    expect(r.markdown).not.toContain('|');
    expect(r.rules).toContain('unwrap-layout-table');
  });
});
