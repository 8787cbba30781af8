import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('write/markdown', () => {
  it('writes a table caption as a paragraph just before the table (a Markdown table has no caption)', async () => {
    const table = '<table><caption> Table 1. Tons <b>by</b> year </caption><tr><th>Year</th><th>Tons</th></tr><tr><td>1990</td><td>5</td></tr><tr><td>1991</td><td>6</td></tr></table>';
    const r = await run(`<body><article>${prose('main', 3)}${table}${prose('more', 2)}</article></body>`);
    expect(r.markdown).toContain('\n\nTable 1. Tons **by** year\n\n| Year | Tons |\n| - | - |\n| 1990 | 5 |\n');
  });

  it('writes a table without a caption as the table alone', async () => {
    const table = '<table><caption> </caption><tr><th>Year</th><th>Tons</th></tr><tr><td>1990</td><td>5</td></tr></table>';
    const r = await run(`<body><article>${prose('main', 3)}${table}</article></body>`);
    expect(r.markdown).toMatch(/paragraph 3[^\n]*\n\n\| Year \| Tons \|\n/);
  });
});
