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
});
