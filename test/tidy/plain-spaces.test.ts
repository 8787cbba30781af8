import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('plain spaces', () => {
  it('writes a no-break space in prose as a plain space, folded with the space beside it', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p>Ask about our&nbsp; packing&nbsp;services before the&nbsp;move, and read on for more words here.</p><p>&nbsp;</p>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('Ask about our packing services before the move, and read on');
    expect(r.markdown).not.toContain('\u00a0');
    expect(r.markdown).not.toMatch(/&#x(A0|20);/i);
  });

  it('keeps a no-break space in code as the page has it', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p>Run <code>a&nbsp;b</code> to see it, then read the rest of this paragraph here.</p><pre><code>x&nbsp;=&nbsp;1</code></pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('`a\u00a0b`');
    expect(r.markdown).toContain('x\u00a0=\u00a01');
  });
});
