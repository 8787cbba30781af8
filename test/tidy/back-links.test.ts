import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-back-link', () => {
  const note = (backHref: string) =>
    `<body><article>${prose('intro', 2)}<p>A claim with a source.<sup id="ref-1"><a href="https://site.example/p#note-1">[1]</a></sup> And more prose follows here, with commas, words and more words to read.</p>
      <ol><li id="note-1"><span class="back"><a href="${backHref}">^</a></span> The source, 1999, p. 4. See <a href="https://site.example/p#ref-1">the claim</a>.</li></ol></article></body>`;

  it('drops a note link back to the place that cites it, and what held only it', async () => {
    const r = await run(note('https://site.example/p#ref-1'));
    expect(r.markdown).toMatch(/^1\. The source, 1999, p\. 4\. See \[the claim\]/m);
    expect(r.markdown).not.toContain('[^]');
    expect(r.rules).toContain('drop-back-link');
  });

  it('keeps a short link to another page', async () => {
    const r = await run(note('https://other.example/p#ref-1'));
    expect(r.markdown).toContain('[^](https://other.example/p#ref-1)');
    expect(r.rules).not.toContain('drop-back-link');
  });

  it('keeps a table of contents link in a heading', async () => {
    const r = await run(`<body><article><ul><li><a id="toc-1" href="#s1">Setup</a></li></ul>${prose('intro', 2)}<div id="s1"><h2><a href="#toc-1">Setup</a></h2>${prose('setup', 3)}</div></article></body>`);
    expect(r.markdown).toContain('## Setup');
  });
});
