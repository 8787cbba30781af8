import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { convert, metadataJson } from '../../src/index.js';
import { articlePage } from '../../scripts/hostile-inputs.js';
import { schemaErrors } from '../helpers/schema.js';

const BODY = 'This paragraph has enough ordinary words in it to be read as the body of an article page.';

/** Nodes of the Markdown's own tree: what a renderer would act on. */
function mdastOf(markdown: string) {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

describe('hostile link targets, raw HTML and titles', () => {
  it('drops javascript:, vbscript:, file: and data: targets, keeping the text', async () => {
    const page = articlePage(`<p>${BODY} <a href="javascript:alert(1)">js link</a>, <a href=" JaVaScRiPt:alert(1)">mixed case</a>,
      <a href="vbscript:msgbox">vb link</a>, <a href="file:///etc/passwd">file link</a>, <a href="data:text/html,<script>alert(1)</script>">data link</a>,
      <a href="https://example.com/ok">safe link</a>. <img src="javascript:alert(1)" alt="js image"><img src="file:///etc/passwd" alt="file image">
      <img src="data:text/html;base64,PHNjcmlwdD4=" alt="data image"></p><p>${BODY}</p>`);
    const { markdown } = await convert(page);
    for (const text of ['js link', 'mixed case', 'vb link', 'file link', 'data link', 'safe link']) expect(markdown).toContain(text);
    const targets: string[] = [];
    visit(mdastOf(markdown), (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') targets.push((node as { url: string }).url);
    });
    expect(targets).toContain('https://example.com/ok');
    for (const url of targets) expect(url).not.toMatch(/^\s*(javascript|vbscript|file|data):/i);
  });

  it('lets no raw HTML into the Markdown', async () => {
    const page = articlePage(`<p>${BODY} &lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;img onerror=x&gt;</code></p>
      <script>alert(1)</script><iframe src="https://evil.example/"></iframe><object data="x"></object>
      <p>${BODY} <svg onload="alert(1)"><script>alert(2)</script></svg><math><mi>x</mi></math> <x-widget onclick="y">custom element text</x-widget></p>
      <p>${BODY} <!-- a comment --> <div onmouseover="z">inline div</div><style>p{}</style></p>`);
    const { markdown } = await convert(page);
    const html: string[] = [];
    visit(mdastOf(markdown), 'html', (node) => {
      html.push((node as { value: string }).value);
    });
    expect(html).toEqual([]);
    expect(markdown).toContain('custom element text');
    expect(markdown).toContain('\\<script>alert(1)'); // the text that looks like a tag stays text, escaped
  });

  const hostileTitles = [
    'Title with "quotes", \'apostrophes\' and a backslash \\',
    'Title\n---\nevil: yes\n---',
    '--- front matter breaker ---',
    '# heading? [link](javascript:alert(1)) <script>alert(1)</script> *emph* `code`',
    'Title: with colon & ampersand {braces} [brackets] | pipe > gt % percent @ at',
    'Line\u2028separator\u2029and\u0000NUL\u001b[31m ANSI',
    '\u202Eright-to-left override',
  ];
  for (const title of hostileTitles) {
    it(`escapes a hostile title in front matter and JSON: ${JSON.stringify(title).slice(0, 40)}`, async () => {
      const html = articlePage(`<p>${BODY}</p><p>${BODY}</p>`, '<meta charset="utf-8">').replace(
        '<title>Hostile test page</title>',
        `<title>x</title><meta property="og:title" content="${title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"><meta name="description" content="${title.replace(/"/g, '&quot;')}">`,
      );
      const result = await convert(html, { frontMatter: true });
      expect(schemaErrors(result.metadata)).toBeNull();
      const json = JSON.parse(metadataJson(result.metadata)) as { title: string | null };
      expect(json).toEqual(JSON.parse(JSON.stringify(result.metadata)));
      const match = /^---\n([\s\S]*?)\n---\n/.exec(result.markdown);
      expect(match).not.toBeNull();
      const yaml = parseYaml(match![1]!) as Record<string, unknown>;
      expect(Object.keys(yaml).every((key) => ['title', 'authors', 'published', 'url', 'lang', 'siteName', 'section', 'tags', 'description'].includes(key))).toBe(true);
      if (result.metadata.title) expect(yaml.title).toBe(result.metadata.title);
      // The heading line is one line, and nothing in it is read as markup.
      const afterFrontMatter = result.markdown.slice(match![0].length);
      const tree = mdastOf(afterFrontMatter);
      visit(tree, (node) => {
        expect(['html', 'link', 'image']).not.toContain(node.type === 'html' || ((node.type === 'link' || node.type === 'image') && /javascript:/i.test((node as { url: string }).url)) ? node.type : 'ok');
      });
    });
  }
});
