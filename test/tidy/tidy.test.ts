import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('fold-captions', () => {
  it('moves a figcaption into its image title', async () => {
    const r = await run(`<body><article>${prose('main', 3)}<figure><img src="/a.jpg" alt="A lighthouse"><figcaption>Skarv light in 1911.</figcaption></figure>${prose('more', 2)}</article></body>`, { baseUrl: 'https://example.org/x' });
    expect(r.markdown).toContain('![A lighthouse](https://example.org/a.jpg "Skarv light in 1911.")');
    expect(r.markdown).not.toMatch(/^Skarv light/m);
    expect(r.rules).toContain('fold-caption');
  });

  it('treats elements named caption or credit after an image the same way', async () => {
    const r = await run(`<body><article>${prose('main', 3)}<div class="photo"><img src="a.jpg" alt=""><span class="newsCaption">Protesters in the street <span class="credit">(Image: Agency)</span></span></div>${prose('more', 2)}</article></body>`);
    expect(r.markdown).toContain('"Protesters in the street (Image: Agency)"');
  });

  it('leaves a caption whose figure has no image', async () => {
    const r = await run(`<body><article>${prose('main', 3)}<figure><figcaption>Figure 2: a chart that was not kept.</figcaption></figure></article></body>`);
    expect(r.markdown).toContain('Figure 2: a chart that was not kept.');
  });
});

describe('tidy-article', () => {
  it('drops a heading that repeats the title', async () => {
    const r = await run(`<html><head><title>The Title Here</title><meta property="og:title" content="The Title Here"></head><body><article><h1>The Title Here</h1>${prose('main', 3)}</article></body></html>`);
    expect(r.markdown).not.toContain('# The Title Here');
    expect(r.rules).toContain('drop-title-heading');
  });

  it("drops a heading that repeats the title with the site's name the title lost", async () => {
    const r = await run(`<html><head><title>Harbour lights return to the old pier - Coastal Times</title><meta property="og:site_name" content="Coastal Times"></head><body><article><h1>Harbour lights return to the old pier - Coastal Times</h1>${prose('main', 3)}</article></body></html>`);
    expect(r.metadata.title).toBe('Harbour lights return to the old pier');
    expect(r.markdown).not.toContain('# Harbour lights');
    expect(r.rules).toContain('drop-title-heading');
  });

  it('matches the heading to the title as the title is matched everywhere (titleKey: ligatures folded)', async () => {
    const r = await run(`<html><head><title>Office fire drill on Friday</title></head><body><article><h2>O\uFB03ce \uFB01re drill on Friday</h2>${prose('main', 3)}</article></body></html>`);
    expect(r.metadata.title).toBe('Office fire drill on Friday');
    expect(r.markdown).not.toContain('drill on Friday');
    expect(r.rules).toContain('drop-title-heading');
  });

  it('drops the one heading that sets a label before the title (the title went without it)', async () => {
    const r = await run(`<html><head><title>Dredging the inner harbour | Quay Notes</title><meta property="og:title" content="Dredging the inner harbour"></head><body><article><h1><span>Blog:</span> Dredging the inner harbour</h1>${prose('main', 3)}</article></body></html>`);
    expect(r.metadata.title).toBe('Dredging the inner harbour');
    expect(r.markdown).not.toContain('Blog:');
    expect(r.rules).toContain('drop-title-heading');
  });

  it('drops end marks and mends drop caps', async () => {
    const r = await run(`<body><article><p><span class="dropcap">O</span>nce upon a time, a story began, with commas, words and more words to read. ■</p>${prose('main', 3)}</article></body>`);
    expect(r.markdown).toContain('Once upon a time');
    expect(r.markdown).not.toContain('■');
  });

  it('writes a named anchor, which has no target, as its text', async () => {
    const r = await run(`<body><article>${prose('main', 3)}<h2><a name="later"></a>Later on</h2><p>See <a name="x">this part</a>, which is mentioned here in a sentence of prose, with commas.</p></article></body>`);
    expect(r.markdown).toContain('## Later on');
    expect(r.markdown).toContain('See this part, which');
    expect(r.markdown).not.toContain('](');
  });

  it('resolves links against the base URL and drops unsafe targets', async () => {
    const r = await run(`<body><article>${prose('main', 3)}<p>See <a href="/next">the next part</a> or <a href="javascript:alert(1)">this</a>, both are mentioned here in a sentence of prose.</p></article></body>`, { baseUrl: 'https://example.org/a/b' });
    expect(r.markdown).toContain('[the next part](https://example.org/next)');
    expect(r.markdown).not.toContain('javascript:');
  });
});
