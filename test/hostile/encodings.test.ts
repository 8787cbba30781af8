import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { TextDecoder as WhatwgDecoder } from '@exodus/bytes/encoding.js';
import { convert } from '../../src/index.js';
import { ENCODED_SAMPLES, articlePage, encode } from '../../scripts/hostile-inputs.js';

/** Every legacy encoding, declared, undeclared, lied about, and as plain text -> the same UTF-8 text. */
describe('hostile encodings come out as correct UTF-8', () => {
  for (const sample of ENCODED_SAMPLES) {
    it(`${sample.encoding} declared in <meta charset>`, async () => {
      const result = await convert(encode(articlePage(`<p>${sample.text}</p>`, `<meta charset="${sample.encoding}">`), sample.encoding));
      expect(result.markdown).toContain(sample.text);
      expect(result.metadata.source.encoding).toBe(sample.whatwg === 'gbk' ? 'gbk' : sample.whatwg);
    });
    it(`${sample.encoding} undeclared (detected)`, async () => {
      const result = await convert(encode(articlePage(`<p>${sample.text.repeat(4)}</p>`, ''), sample.encoding));
      expect(result.markdown).toContain(sample.text);
      expect(result.metadata.warnings.map((w) => w.rule)).toContain('charset-detected');
    });
    it(`${sample.encoding} behind a <meta charset> that lies (says UTF-8)`, async () => {
      const result = await convert(encode(articlePage(`<p>${sample.text.repeat(4)}</p>`), sample.encoding));
      expect(result.markdown).toContain(sample.text);
      expect(result.metadata.source.encoding).not.toBe('utf-8');
      expect(result.metadata.warnings.map((w) => w.rule)).toContain('charset-mismatch');
    });
    it(`${sample.encoding} plain text`, async () => {
      const result = await convert(encode(`${sample.text.repeat(4)}\n`, sample.encoding), { from: 'text' });
      expect(result.markdown).toContain(sample.text);
    });
  }

  const text = 'Ünïcödé “UTF-16” text — 日本語 and more words here.';
  for (const [name, encoding, addBOM] of [
    ['UTF-16LE with BOM', 'utf-16le', true],
    ['UTF-16BE with BOM', 'utf-16be', true],
    ['UTF-16LE without BOM', 'utf-16le', false],
    ['UTF-16BE without BOM', 'utf-16be', false],
  ] as const) {
    it(name, async () => {
      const bytes = new Uint8Array(iconv.encode(articlePage(`<p>${text}</p>`, ''), encoding, { addBOM }));
      const result = await convert(bytes);
      expect(result.metadata.source.format).toBe('html');
      expect(result.metadata.source.encoding).toBe(encoding);
      expect(result.markdown).toContain(text);
      const asText = await convert(new Uint8Array(iconv.encode(`${text}\n`, encoding, { addBOM })), { from: 'text' });
      expect(asText.markdown).toContain(text);
    });
  }

  it('invalid byte sequences in UTF-8 become U+FFFD, the rest stays UTF-8', async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    for (const head of ['<meta charset="utf-8">', '']) {
      const bytes = new Uint8Array([...utf8(articlePage(`<p>${text} `, head)), 0xff, 0xc3, 0x28, 0xe2, 0x82, ...utf8(` ${text}</p>`)]);
      const result = await convert(bytes);
      expect(result.metadata.source.encoding).toBe('utf-8');
      expect(result.markdown).toContain(text);
      expect(result.markdown).not.toMatch(/Ã|â€/); // no mojibake of the valid characters
      expect(result.metadata.warnings.map((w) => w.rule)).toContain('invalid-bytes');
    }
  });

  // UTF-8 read as windows-1252 (or Latin-1) and saved again as UTF-8: valid bytes, broken words.
  const doubled = 'We’ve seen “quotes” — and café, naïve, São Paulo, 5 °C, 10 €, in every line.';
  // As a browser or a CMS decodes (WHATWG: windows-1252's unassigned 0x9D stays U+009D), or as
  // ISO-8859-1 proper (every byte its code point: 0x80-0x9F become C1 controls).
  const misread = (s: string, as: string) => (as === 'latin1' ? Buffer.from(s, 'utf8').toString('latin1') : new WhatwgDecoder(as).decode(new TextEncoder().encode(s)));
  for (const as of ['windows-1252', 'latin1']) {
    it(`double-encoded UTF-8 (read as ${as}) is repaired, with a warning`, async () => {
      const html = await convert(new TextEncoder().encode(articlePage(`<p>${misread(doubled, as)}</p>`)));
      expect(html.markdown).toContain(doubled);
      expect(html.metadata.warnings.map((w) => w.rule)).toContain('double-encoded');
      const text = await convert(new TextEncoder().encode(`${misread(doubled, as)}\n`), { from: 'text' });
      expect(text.markdown).toContain(doubled);
    });
  }

  it('a page that mixes double-encoded text with its own accents keeps the accents', async () => {
    const result = await convert(new TextEncoder().encode(articlePage(`<p>${misread('We’ve seen “quotes” — ', 'windows-1252')}and café, naïve, São Paulo, Ñandú «here».</p>`)));
    expect(result.markdown).toContain('We’ve seen “quotes” — and café, naïve, São Paulo, Ñandú «here».');
  });

  it('real accented text is left as it is, without a warning', async () => {
    const real = 'À São Paulo, Ânia é… ótima; Âmbito Ôbvio Ã© (a sign), “Âu” ½ — and more words in a line.';
    const result = await convert(new TextEncoder().encode(articlePage(`<p>${real}</p>`)));
    expect(result.markdown).toContain(real);
    expect(result.metadata.warnings.map((w) => w.rule)).not.toContain('double-encoded');
  });

  it('the Markdown is valid UTF-8 in NFC whatever the input encoding', async () => {
    const result = await convert(encode(articlePage('<p>Cafe\u0301 déjà</p>', '<meta charset="windows-1252">').normalize('NFC'), 'windows-1252'));
    expect(result.markdown).toBe(result.markdown.normalize('NFC'));
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(result.markdown))).toBe(result.markdown);
  });
});
