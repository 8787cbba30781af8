import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('trim-code-block', () => {
  it('drops blank lines before and after the code, keeping the first line indentation', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<pre><code>\n\n  indented();\nnext();\n\n\n</code></pre><pre><code><br><span>a = 1</span><br><br></code></pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('```\n  indented();\nnext();\n```');
    expect(r.markdown).toContain('```\na = 1\n```');
    expect(r.rules).toContain('trim-code-block');
  });

  it('treats a block inside the code as a new line', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<pre>  \n  <div class="line"> </div><div class="line">  x = 1</div><div class="line">y = 2</div>\n  </pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('```\n  x = 1\ny = 2\n```');
  });

  it('counts a line of zero-width characters as blank', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<pre><code><span class="line">\u200b</span>\n<span class="line">x = 1</span>\n<span class="line">\ufeff\u200b</span></code></pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('```\nx = 1\n```');
  });

  it('drops the indentation before a block inside the code, which starts a new line', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<pre class="line-numbers">\n\t\t<code class="language-yaml">\n\t\t\t<xmp>key: value\nlist:\n  - a</xmp>\n\t\t</code>\n\t</pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('```yaml\nkey: value\nlist:\n  - a\n```');
  });
});
