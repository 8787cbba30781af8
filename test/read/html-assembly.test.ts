import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';

const prose = (n: number, word: string) => Array.from({ length: n }, (_, i) => `<p>${word} paragraph ${i + 1} explains the matter at hand in full sentences, with enough words to read as prose.</p>`).join('');

describe('streamed server rendering', () => {
  it('moves a boundary segment into its template and drops the loading fallback', async () => {
    const page = `<html><body><main><h1>Guide</h1>${prose(2, 'Intro')}<!--$?--><template id="B:0"></template><p>Loading the guide…</p><!--/$--></main>
      <footer>Site footer</footer>
      <div hidden id="S:0"><article>${prose(4, 'Streamed')}</article></div></body></html>`;
    const { markdown } = await convert(page, { title: false });
    expect(markdown).toContain('Streamed paragraph 1 explains');
    expect(markdown).toContain('Streamed paragraph 4 explains');
    expect(markdown).not.toContain('Loading the guide');
    expect(markdown.indexOf('Streamed paragraph 1')).toBeGreaterThan(markdown.indexOf('Intro paragraph 2'));
  });

  it('moves a placeholder segment, and one nested inside another segment', async () => {
    const page = `<html><body><main><h1>Guide</h1><template id="P:1"></template></main>
      <div hidden id="S:2"><section>${prose(3, 'Inner')}</section></div>
      <div hidden id="S:1"><section>${prose(3, 'Outer')}</section><template id="P:2"></template></div></body></html>`;
    const { markdown } = await convert(page, { title: false });
    expect(markdown.indexOf('Outer paragraph 3')).toBeGreaterThan(-1);
    expect(markdown.indexOf('Inner paragraph 1')).toBeGreaterThan(markdown.indexOf('Outer paragraph 3'));
  });

  it('still drops a hidden segment that has no placeholder', async () => {
    const page = `<html><body><main><h1>Guide</h1>${prose(3, 'Shown')}</main><div hidden id="S:9"><p>Never placed, never shown to a reader of this page at all.</p></div></body></html>`;
    const { markdown } = await convert(page, { title: false });
    expect(markdown).toContain('Shown paragraph 1');
    expect(markdown).not.toContain('Never placed');
  });
});

describe('an iframe written as if it closed itself', () => {
  it('does not swallow the rest of the page', async () => {
    const page = `<html><body><noscript><iframe src="https://tags.example/ns.html" height="0" width="0" style="display:none"/></noscript><main><h1>Guide</h1>${prose(4, 'After')}</main></body></html>`;
    const { markdown } = await convert(page, { title: false });
    expect(markdown).toContain('After paragraph 1 explains');
    expect(markdown).toContain('After paragraph 4 explains');
  });
});
