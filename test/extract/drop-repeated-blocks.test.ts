import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

/** A section of a page, as a responsive page carries it once per screen size. */
const offer = `<div class="offer"><h3>Free returns for a year</h3><p>Send anything back within a year of delivery, in any state, and we refund the full price to the card you paid with.</p></div>`;

describe('drop-repeated-blocks', () => {
  it('keeps the first copy of a section the page carries twice, and drops the second', async () => {
    const r = await run(`<body><main><h1>Walking boots</h1>${prose('boot', 3)}<div class="desktop">${offer}</div>${prose('fitting', 2)}<div class="mobile">${offer}</div></main></body>`);
    expect(r.markdown.match(/Send anything back within a year/g)).toHaveLength(1);
    expect(r.markdown).toContain('The fitting story goes on, paragraph 2');
    expect(r.rules).toContain('drop-repeated-block');
  });

  it('finds a copy whatever wrappers each copy sits in (the wrappers share its text)', async () => {
    const wrapped = (html: string, levels: number) => '<div>'.repeat(levels) + html + '</div>'.repeat(levels);
    const r = await run(`<body><main><h1>Walking boots</h1>${prose('boot', 3)}${wrapped(offer, 4)}${prose('fitting', 2)}${wrapped(offer, 7)}</main></body>`);
    expect(r.markdown.match(/Send anything back within a year/g)).toHaveLength(1);
    expect(r.markdown).toContain('The fitting story goes on, paragraph 2');
    expect(r.rules).toContain('drop-repeated-block');
  });

  it('keeps a paragraph an author says twice, and the single block inside a wrapper', async () => {
    const refrain = '<p>We shall not flag or fail, we shall go on to the end, whatever the cost may be, on the beaches and in the hills.</p>';
    const r = await run(`<body><main><h1>A speech</h1><div><div>${refrain}${prose('speech', 2)}${refrain}</div></div></main></body>`);
    expect(r.markdown.match(/We shall not flag or fail/g)).toHaveLength(2);
    expect(r.markdown).toContain('The speech story goes on, paragraph 2');
    expect(r.rules).not.toContain('drop-repeated-block');
  });
});
