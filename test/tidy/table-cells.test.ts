import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('blocks in table cells', () => {
  it('sets the blocks of a cell apart by a space instead of welding their words', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<table><tr><th>Paper</th><th>Year</th></tr><tr><td><a href="/p">Visualizing data</a><div>L van der Maaten, G Hinton</div><div>Journal of Machine Learning</div></td><td><p>One part</p><p>Two parts</p></td></tr></table>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('| [Visualizing data](/p) L van der Maaten, G Hinton Journal of Machine Learning | One part Two parts |');
  });

  it('adds no space where a line break or white space already parts them', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<table><tr><th>Name</th><th>Note</th></tr><tr><td>Ann<br><div>Lee</div></td><td>x <div>y</div></td></tr></table>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('| Ann Lee | x y |');
  });
});
