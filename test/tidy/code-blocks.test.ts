import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('trim-code-block', () => {
  it('drops blank lines before and after the code, keeping the first line indentation', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<pre><code>\n\n  indented();\nnext();\n\n\n</code></pre><pre><code><br><span>a = 1</span><br><br></code></pre>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('```\n  indented();\nnext();\n```');
    expect(r.markdown).toContain('```\na = 1\n```');
    expect(r.rules).toContain('trim-code-block');
  });
});
