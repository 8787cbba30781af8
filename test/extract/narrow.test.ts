import { describe, expect, it } from 'vitest';
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

  it('narrows to the article container when it holds most of the cleaned text', async () => {
    const r = await run(`<body><div class="story">${prose('main', 8)}</div><div class="aside-box"><p>A box beside the story with one sentence of its own, long enough to be prose.</p></div></body>`);
    expect(r.markdown).toContain('paragraph 8');
    expect(r.markdown).not.toContain('A box beside the story');
    expect(r.rules).toContain('outside-main-content');
  });
});

describe('drop-non-content: what a reader sees without scripts', () => {
  it('keeps the prose of a <noscript> crawler view, and drops a tracking <noscript>', async () => {
    const r = await run(`<body><noscript><img src="https://t.example/p.gif"></noscript><div id="app"></div><noscript><div class="posts">${prose('forum post', 3)}</div></noscript></body>`);
    expect(r.markdown).toContain('The forum post story goes on, paragraph 3');
    expect(r.markdown).not.toContain('p.gif');
  });

  it('keeps a hidden wrapper that holds the whole page, and still drops a small hidden block', async () => {
    const r = await run(`<body><div style="visibility:hidden">${prose('wrapped', 4)}<div style="display:none">Subscribe to our newsletter today</div></div></body>`);
    expect(r.markdown).toContain('The wrapped story goes on, paragraph 4');
    expect(r.markdown).not.toContain('Subscribe');
  });
});
