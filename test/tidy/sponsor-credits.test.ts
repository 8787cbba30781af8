import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-sponsor-credit', () => {
  const page = (label: string) =>
    `<body><article><div class="badge"><span>${label}</span> <a href="https://sponsor.example.org/"><img src="https://cdn.example.com/logo.png" alt="The Tide Foundation"></a></div>${prose('intro', 3)}
      <p><a href="https://photos.example.net/1"><img src="https://photos.example.net/1.jpg" alt="A reef"></a> Photo of the reef.</p></article></body>`;

  it('drops a short line with a sponsor logo link that says it is sponsored', async () => {
    const r = await run(page('This series is supported by'), { baseUrl: 'https://news.example.com/a' });
    expect(r.markdown).not.toContain('Tide Foundation');
    expect(r.markdown).toContain('![A reef](https://photos.example.net/1.jpg)');
    expect(r.rules).toContain('drop-sponsor-credit');
  });

  it('keeps a logo link whose line says nothing of sponsorship', async () => {
    const r = await run(page('Our partner this week'), { baseUrl: 'https://news.example.com/a' });
    expect(r.markdown).toContain('Tide Foundation');
    expect(r.rules).not.toContain('drop-sponsor-credit');
  });
});
