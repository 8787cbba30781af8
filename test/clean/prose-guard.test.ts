import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl, runCli, tempDir, writeTree } from '../batch/helpers.js';
import { prose, run } from '../helpers/article.js';

/** A guide's section whose id happens to hold a boilerplate word ("sharing"): a heading, prose and code. */
const guideSection = (id: string, title: string) => `<section id="${id}">
  <h2>${title}</h2>
  <p>To pass changesets between repositories while they are still drafts, make the receiving repository non-publishing, so that a push does not turn them public.</p>
  <pre><code>$ hg push ../review-repo
pushing to ../review-repo
searching for changes</code></pre>
  <p>Once the reviewer has pulled the drafts, both sides can amend them, and the obsolescence markers travel with every later push and pull between the two repositories.</p>
  <pre><code>$ hg amend -m "fix the parser"
$ hg push</code></pre>
  <p>When the change is accepted, publish it from the main repository; from then on the history is shared and immutable, like any other public changeset.</p>
</section>`;

const guide = `<html><head><title>Sharing mutable history</title></head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/docs">Docs</a> <a href="/faq">FAQ</a></nav>
<main>
  <h1>Sharing mutable history</h1>
  ${prose('introduction', 2)}
  ${guideSection('sharing-with-a-single-developer', 'Sharing with a single developer')}
  ${guideSection('sharing', 'Sharing with a reviewer')}
  ${guideSection('sharing-with-a-team', 'Sharing with a team')}
  <div id="sharing-buttons" class="sharing"><a href="https://twitter.com/share">Tweet</a> <a href="https://facebook.com/share">Share on Facebook</a> <a href="mailto:">Email</a></div>
</main>
<footer class="footer"><a href="/about">About</a> <a href="/privacy">Privacy</a></footer>
</body></html>`;

describe('no silent loss: the prose guard of name-based rules', () => {
  it('keeps a section named "sharing" that holds a heading, paragraphs and code', async () => {
    const r = await run(guide);
    expect(r.markdown).toContain('## Sharing with a single developer');
    expect(r.markdown).toContain('## Sharing with a reviewer');
    expect(r.markdown).toContain('## Sharing with a team');
    expect(r.markdown.match(/```/g)?.length).toBe(12); // all six code blocks
    expect(r.markdown).toContain('publish it from the main repository');
    expect(r.rules).toContain('keep-real-prose');
    expect(r.metadata.warnings.find((w) => w.rule === 'keep-real-prose')?.message).toMatch(/kept share <section> holding a headed section of prose/);
  });

  it('still drops a share bar and a navigation bar with the same names', async () => {
    const r = await run(guide);
    expect(r.markdown).not.toContain('Tweet');
    expect(r.markdown).not.toContain('Share on Facebook');
    expect(r.markdown).not.toContain('FAQ');
    expect(r.rules).toContain('drop-share');
    // Nothing large was lost: no warning.
    expect(r.metadata.warnings.map((w) => w.rule)).not.toContain('large-removal');
    expect(r.metadata.warnings.map((w) => w.rule)).not.toContain('little-prose-kept');
  });

  it('keeps running prose in a region named as a widget, and drops a related list with excerpts', async () => {
    const r = await run(`<body><article><h1>A story</h1>${prose('main', 4)}<div class="widget">${prose('continued', 3)}</div></article>
      <div class="related-posts">${[1, 2, 3, 4].map((i) => `<div class="teaser"><h3><a href="/s${i}">Another story number ${i}</a></h3><p>An excerpt of another story, long enough to be a paragraph of prose in its own right, number ${i}.</p></div>`).join('')}</div></body>`);
    expect(r.markdown).toContain('The continued story goes on, paragraph 3');
    expect(r.markdown).not.toContain('Another story number');
    expect(r.markdown).not.toContain('An excerpt of another story');
  });

  it('keeps a page whose every section a page builder names "widget": the name is its layout, not boilerplate', async () => {
    const card = (i: number) => `<div class="widget widget-content"><h4>Programme ${i}</h4><p>Programme ${i} teaches the working methods of its field over eight weeks, with case studies, a project, and a certificate for every participant.</p><p><a href="/p${i}">Read more</a></p></div>`;
    const page = `<body><div class="widget widget-menu"><a href="/">Home</a> <a href="/about">About</a> <a href="/apply">Apply</a></div>
      <h1>Professional development</h1>${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(card).join('')}
      <div class="sidebar"><p>Call us on weekdays between nine and five, or write to the office, which answers within two working days.</p></div></body>`;
    const r = await run(page);
    for (const i of [1, 6, 12]) expect(r.markdown).toContain(`Programme ${i} teaches the working methods`);
    expect(r.rules).toContain('keep-layout-name');
    expect(r.metadata.warnings.find((w) => w.rule === 'keep-layout-name')?.message).toMatch(/kept the blocks named "widget": together they hold \d+% of the page's prose/);
    // The links-only block and the sidebar are still dropped: their names were not vetoed.
    expect(r.markdown).not.toContain('Apply');
    expect(r.markdown).not.toContain('Call us on weekdays');
  });

  it('keeps accordion answers that a page collapses with a bare "hidden" class when they are most of its prose', async () => {
    const qa = (i: number) => `<div class="faq"><button>Question ${i}: what does the service include?</button><div class="hidden"><p>Answer ${i}: the service includes a review of the plans, a site visit, and a written estimate within a week of the visit, with every fee the city charges listed line by line.</p></div></div>`;
    const r = await run(`<body><main><h1>Building permits</h1><p>We file permits for homeowners.</p>${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(qa).join('')}</main><div class="sr-only">Skip to the top of the page and start again from the navigation.</div></body>`);
    for (const i of [1, 12]) expect(r.markdown).toContain(`Answer ${i}: the service includes`);
    expect(r.rules).toContain('keep-layout-name');
  });

  it('still drops one widget beside an article: a name the page gives to a little of its prose is a label', async () => {
    const r = await run(`<body><article><h1>A story</h1>${prose('main', 12)}</article><div class="widget"><p>Our newsletter brings the week's best stories to your inbox, every Friday, free of charge.</p></div></body>`);
    expect(r.markdown).toContain('paragraph 12');
    expect(r.markdown).not.toContain('newsletter');
    expect(r.rules).not.toContain('keep-layout-name');
  });

  it('still drops a comment thread, whose comments are paragraphs by nature', async () => {
    const comment = (who: string) => `<div class="comment"><span class="author">${who}</span>${prose(`${who}'s reply`, 3)}<a href="#reply">Reply</a></div>`;
    const r = await run(`<body><article><h1>A story</h1>${prose('main', 6)}</article><div id="comments" class="comments">${comment('ann')}${comment('bob')}</div></body>`);
    expect(r.markdown).toContain('paragraph 6');
    expect(r.markdown).not.toContain("reply story");
    expect(r.rules).toContain('drop-comments');
  });

  it('keeps a section under a boilerplate heading when it holds prose and code, and drops a bio under "About the author"', async () => {
    const r = await run(`<body><article><h1>Writing good code</h1>${prose('main', 3)}
      <h2>Comments</h2>
      <p>A comment says why the code does what it does; the code already says what it does, and says it more precisely than any prose could.</p>
      <pre><code># retry: the server drops the first request after a restart
send(request)</code></pre>
      <p>Keep comments next to the code they explain, and delete them when the code changes, or they will mislead the next reader who trusts them.</p>
      <h2>About the author</h2>
      <p>Jane Doe writes about software, teaching and the habits of programmers, and has done so for many years at several companies.</p>
      <p>She lives by the sea with two cats, a great many books, and a laptop that is older than most of the software running on it.</p>
      </article></body>`);
    expect(r.markdown).toContain('## Comments');
    expect(r.markdown).toContain('send(request)');
    expect(r.markdown).not.toContain('two cats');
    expect(r.rules).toContain('drop-headed-boilerplate');
  });
});

/** An article with a large sidebar of headed prose (a landmark: dropped, but not silently). */
const withLargeAside = `<html><head><title>The harbour plan</title></head><body>
<article><h1>The harbour plan</h1>${prose('harbour', 26)}</article>
<aside><h2>How the dredging works</h2>${prose('dredging', 16)}</aside>
</body></html>`;

/** An article whose prose mostly sits in three landmark sidebars: little of the page's prose is kept. */
const mostlyAsides = `<html><head><title>A short note</title></head><body>
<article><h1>A short note</h1>${prose('note', 2)}</article>
${[1, 2, 3].map((i) => `<aside><h2>Background ${i}</h2>${prose(`background ${i}`, 5)}</aside>`).join('\n')}
</body></html>`;

describe('no silent loss: warnings', () => {
  it('warns when one removal takes a large block of prose, naming the rule', async () => {
    const r = await run(withLargeAside, { explain: false });
    expect(r.markdown).not.toContain('dredging story');
    const warning = r.metadata.warnings.find((w) => w.rule === 'large-removal');
    expect(warning?.message).toMatch(/^drop-sidebar removed a headed section of prose, \d+ characters \(\d+% of the page's prose\): "How the dredging works/);
    expect(r.messages.find((m) => m.rule === 'large-removal')?.severity).toBe('warning');
  });

  it('warns when the article keeps little of the page prose, naming the rules that took it', async () => {
    const r = await run(mostlyAsides, { explain: false });
    const warning = r.metadata.warnings.find((w) => w.rule === 'little-prose-kept');
    expect(warning?.message).toMatch(/^the article keeps \d+% of the page's prose \(\d+ of \d+ characters\); removed most: drop-sidebar \d+%/);
  });

  it('stays quiet on an ordinary article', async () => {
    const r = await run(`<body><nav><a href="/">Home</a></nav><article><h1>A story</h1>${prose('main', 6)}</article><div class="comments">${prose('comment', 2)}</div><footer>© 2024</footer></body>`, { explain: false });
    expect(r.metadata.warnings.map((w) => w.rule)).not.toContain('large-removal');
    expect(r.metadata.warnings.map((w) => w.rule)).not.toContain('little-prose-kept');
  });

  it('shows both on stderr with -v and records them in the batch report', { timeout: 120_000 }, async () => {
    const root = await tempDir();
    await writeTree(root, { 'in/aside.html': withLargeAside, 'in/asides.html': mostlyAsides });
    const result = await runCli(['in', '-o', 'out', '--report', 'r.jsonl', '-v', '-j', '1'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/aside\.html: warning: drop-sidebar removed .* \[large-removal\]/);
    expect(result.stderr).toMatch(/asides\.html: warning: the article keeps \d+% .* \[little-prose-kept\]/);
    const report = jsonl<{ path: string; status: string; warnings: { rule: string; message: string }[] }>(await readFile(join(root, 'r.jsonl'), 'utf8'));
    const byPath = new Map(report.map((l) => [l.path, l]));
    expect(byPath.get('in/aside.html')?.status).toBe('warning');
    expect(byPath.get('in/aside.html')?.warnings.map((w) => w.rule)).toContain('large-removal');
    expect(byPath.get('in/asides.html')?.warnings.map((w) => w.rule)).toContain('little-prose-kept');
  });
});
