import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

const page = (body: string) => `<html><body><article><h1>Lighthouses</h1>${prose('main', 3)}${body}</article></body></html>`;

describe('footnotes', () => {
  it('writes Pandoc-style notes as GFM footnotes, without back links or the emptied Notes section', async () => {
    const r = await run(
      page(
        '<p>Most towers were granite.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup> Later ones were iron.<sup id="fnref2"><a href="#fn2">2</a></sup></p>' +
          '<section class="footnotes"><h2>Notes</h2><ol><li id="fn1"><p>Contract records, series 14. <a href="#fnref1" class="footnote-back">↩</a></p></li><li id="fn2"><p>See the logbook of 1903.<a href="#fnref2">↩︎</a></p></li></ol></section>',
      ),
    );
    expect(r.markdown).toContain('Most towers were granite.[^1] Later ones were iron.[^2]');
    expect(r.markdown).toContain('[^1]: Contract records, series 14.\n');
    expect(r.markdown).toContain('[^2]: See the logbook of 1903.\n');
    expect(r.markdown).not.toMatch(/↩|## Notes/);
    expect(r.rules).toContain('footnotes');
  });

  it('reads Wikipedia-style references ("[1]", a back-link span), one definition for a note cited twice', async () => {
    const r = await run(
      page(
        '<p>It was founded in 1998.<sup class="reference"><a href="#cite_note-1">[1]</a></sup> It grew.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>' +
          '<h2>References</h2><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">"About the Foundation". Example Press.</span></li></ol>',
      ),
    );
    expect(r.markdown).toContain('It was founded in 1998.[^1] It grew.[^1]');
    expect(r.markdown.match(/^\[\^1\]:/gm)).toHaveLength(1);
    expect(r.markdown).toContain('[^1]: "About the Foundation". Example Press.');
    expect(r.markdown).not.toMatch(/\^ |## References/);
  });

  it('leaves links to headings, unreferenced notes and references without a target as they are', async () => {
    const r = await run(
      page(
        '<p>See part two<sup><a href="#part-2">2</a></sup> and a lost note.<sup><a href="#fn9">9</a></sup></p><h2 id="part-2">Part two</h2>' + prose('second', 2) +
          '<h2>Notes</h2><ol><li id="fn3">A note nobody cites, kept in its list.</li></ol>',
      ),
    );
    expect(r.markdown).not.toContain('[^');
    expect(r.markdown).toContain('## Part two');
    expect(r.markdown).toContain('A note nobody cites, kept in its list.');
  });
});
