import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('wrapped lines', () => {
  it('joins a paragraph whose lines the source wrapped mid-sentence with <br>', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p>Gym equipment refers to the machines, tools and accessories used in a<br>\n fitness facility to help people reach their goals, and it is<br>designed to target different muscle groups.</p>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('used in a fitness facility to help people reach their goals, and it is designed to target');
  });

  it('keeps a break before a capital, after a stop, beside an element, and in code', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p>Harbor Street Office<br>12 Quay Road<br>Portsmouth</p><p>The first line ends here.<br>then the second begins; and <b>bold</b><br>lower text follows it.</p><pre><code>let a = 1\nlet b<br>c = 2</code></pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toMatch(/Harbor Street Office\\\n12 Quay Road\\\nPortsmouth/);
    expect(r.markdown).toMatch(/ends here\.\\\nthen the second/);
    expect(r.markdown).toMatch(/\*\*bold\*\*\\\nlower text/);
  });
});
