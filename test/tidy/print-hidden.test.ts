import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-print-hidden', () => {
  it('drops the lines the page leaves out of print, not a block of prose', async () => {
    const r = await run(`<body><article><div class="noprint">From Shorewiki, the field guide anyone can edit</div>${prose('intro', 2)}
      <div class="d-print-none">${prose('kept', 3)}</div><span class="print:hidden">Copy</span></article></body>`);
    expect(r.markdown).not.toContain('From Shorewiki');
    expect(r.markdown).not.toContain('Copy');
    expect(r.markdown).toContain('The kept story goes on, paragraph 3');
    expect(r.rules).toContain('drop-print-hidden');
  });
});
