import { describe, expect, it } from 'vitest';
import { convert, isUnboilError, VERSION, type ConvertResult } from '../src/index.js';
import { schemaErrors } from './helpers/schema.js';

const page = `<!doctype html><html lang="en"><head><title>A Test Page | Example Site</title>
<meta property="og:site_name" content="Example Site"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>A Test Page</h1>
<p>This is the first paragraph of a small article, long enough to be scored as prose by the extractor.</p>
<p>This is the second paragraph, with a <a href="/more">relative link</a> and some more words to read.</p>
</article><footer>Copyright Example Site</footer></body></html>`;

describe('convert()', () => {
  it('turns an HTML page into Markdown and schema-valid metadata', async () => {
    const result: ConvertResult = await convert(page, { path: 'page.html' });
    expect(result.markdown.startsWith('# A Test Page\n\nThis is the first paragraph')).toBe(true);
    expect(result.markdown).not.toContain('Home');
    expect(result.markdown).not.toContain('Copyright');
    expect(result.markdown.endsWith('\n')).toBe(true);
    expect(result.metadata.title).toBe('A Test Page');
    expect(result.metadata.siteName).toBe('Example Site');
    expect(result.metadata.source).toMatchObject({ path: 'page.html', format: 'html', encoding: 'utf-8', pages: null });
    expect(result.metadata.generator).toEqual({ name: 'unboil', version: VERSION });
    expect(schemaErrors(result.metadata)).toBeNull();
  });

  it('keeps the metadata keys in the schema order', async () => {
    const { metadata } = await convert(page);
    expect(Object.keys(metadata)).toEqual([
      'title', 'subtitle', 'authors', 'published', 'modified', 'lang', 'siteName', 'url', 'description', 'section',
      'pageType', 'tags', 'image', 'license', 'translations', 'related', 'fieldSources', 'wordCount', 'source', 'generator', 'warnings',
    ]);
  });

  it('resolves relative links against --base-url and leaves the title out with title: false', async () => {
    const result = await convert(page, { baseUrl: 'https://example.com/a/', title: false });
    expect(result.markdown).toContain('[relative link](https://example.com/more)');
    expect(result.markdown.startsWith('This is the first paragraph')).toBe(true);
  });

  it('is deterministic', async () => {
    const a = await convert(page, { path: 'x.html' });
    const b = await convert(page, { path: 'x.html' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('prepends YAML front matter when asked', async () => {
    const result = await convert(page, { frontMatter: true });
    expect(result.markdown.startsWith('---\ntitle: "A Test Page"\n')).toBe(true);
  });

  it('rejects an empty input with a typed error', async () => {
    const error = await convert(new Uint8Array(0)).catch((e: unknown) => e);
    expect(isUnboilError(error) && error.code).toBe('EMPTY_INPUT');
  });

  it('rejects binary data with a typed error', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const error = await convert(bytes, { path: 'x.html' }).catch((e: unknown) => e);
    expect(isUnboilError(error) && error.code).toBe('BINARY_INPUT');
  });

  it('rejects what JavaScript callers can pass wrongly, each with a code and a message naming it', async () => {
    const cases: Array<[unknown, unknown, string, RegExp]> = [
      [page, { from: 'xml' }, 'INVALID_OPTION', /option from: "xml" is not valid; expected "auto", "html", "pdf" or "text"/],
      [page, { baseUrl: 'not a url' }, 'INVALID_OPTION', /option baseUrl/],
      [page, { title: 'no' }, 'INVALID_OPTION', /option title/],
      [page, null, 'INVALID_OPTION', /the options must be an object/],
      [42, {}, 'INVALID_INPUT', /must be a Uint8Array \(or Buffer\) or a string, not number 42/],
      [page, { rules: { rules: [{ host: '*', drop: ['p[['] }] } }, 'INVALID_RULES', /rules: rule 1: drop: bad CSS selector "p\[\["/],
      [page, { rules: { rules: [{ drop: ['p'] }] } }, 'INVALID_RULES', /"host" must be a host name/],
      [page, { rules: { rules: 'x' } }, 'INVALID_RULES', /expected "rules:" with a list/],
    ];
    for (const [input, options, code, message] of cases) {
      const error = await convert(input as string, options as never).catch((e: unknown) => e);
      expect(isUnboilError(error), JSON.stringify(options)).toBe(true);
      expect((error as { code: string }).code).toBe(code);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('takes user rules as data, normalised as a rules file is', async () => {
    const { markdown } = await convert(page, { rules: { rules: [{ host: '*', drop: 'p:first-of-type' as never }] } });
    expect(markdown).not.toContain('first paragraph');
    expect(markdown).toContain('second paragraph');
  });
});
