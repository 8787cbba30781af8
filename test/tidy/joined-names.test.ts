import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('joined names', () => {
  it('spaces two inline elements whose texts would run together as one word', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p><a href="/p/1"><span>Nalgene</span><span>Sustain Bottle</span></a>, and the <b>2025</b><i>Edition</i> of the guide, both worth a look this season.</p>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('[Nalgene Sustain Bottle](/p/1)');
    expect(r.markdown).toContain('**2025** _Edition_');
  });

  it('leaves a word split by markup whole: a text then an element, a lower-case start, code', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<p>The i<b>Phone</b> and the <span>Java</span><span>script</span> book, with <code><span>fooBar</span><span>Baz</span></code> inside it.</p>${prose('outro', 2)}</article></body>`);
    expect(r.markdown).toContain('i**Phone**');
    expect(r.markdown).toContain('Javascript book');
    expect(r.markdown).toContain('`fooBarBaz`');
  });
});
