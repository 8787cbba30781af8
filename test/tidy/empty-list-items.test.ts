import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-empty-list-item', () => {
  it('drops items with nothing left to show, and lists left without items', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<ul class="photos"><li><img src="javascript:x"></li><li><svg></svg></li></ul>
      <ul><li>First thing to pack</li><li><span class="icon"></span></li><li><img src="/a.jpg" alt="A tent"></li></ul>${prose('outro', 2)}</article></body>`, { baseUrl: 'https://example.org/' });
    expect(r.markdown).not.toMatch(/^[-*]\s*$/m);
    expect(r.markdown).toContain('- First thing to pack\n- ![A tent](https://example.org/a.jpg)');
    expect(r.rules).toContain('drop-empty-list-item');
  });

  it('drops the empty terms and descriptions of a description list', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<dl><dt>Width</dt><dd>4 in</dd><dd></dd><dt><span></span></dt><dd><i class="icon"></i></dd></dl>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).not.toMatch(/^\s*[-*]\s*$/m);
    expect(r.markdown).toContain('Width');
    expect(r.markdown).toContain('4 in');
  });
});
