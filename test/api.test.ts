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
});
