import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-trailing-heading', () => {
  it('drops the headings that end the article with nothing under them', async () => {
    const r = await run(`<body><article><h2>How the survey ran</h2>${prose('body', 3)}
      <h2>Request information</h2><form><input name="email"><button>Send</button></form>
      <section><h3>More from the team</h3><div class="cards"></div></section></article></body>`);
    expect(r.markdown).toContain('## How the survey ran');
    expect(r.markdown).not.toContain('Request information');
    expect(r.markdown).not.toContain('More from the team');
    expect(r.rules).toContain('drop-trailing-heading');
  });

  it('keeps a last heading with a picture, a table or text under it, and headings inside the article', async () => {
    const r = await run(`<body><article><h2>Names</h2><h3>Parking</h3><h3>Catering</h3>${prose('body', 3)}
      <h2>The site plan</h2><p><img src="https://example.org/plan.png" alt="Plan"></p></article></body>`);
    expect(r.markdown).toContain('### Parking');
    expect(r.markdown).toContain('### Catering');
    expect(r.markdown).toContain('## The site plan');
    expect(r.rules).not.toContain('drop-trailing-heading');
  });

  it('keeps a heading that is all the article holds', async () => {
    const r = await run(`<body><article><h2>Closed for the holidays</h2></article></body>`);
    expect(r.markdown).toContain('Closed for the holidays');
  });
});
