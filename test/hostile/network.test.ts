import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { remoteReferencesPage, tinyPdf } from '../../scripts/hostile-inputs.js';
import { trapNetwork } from '../../scripts/trap-network.mjs';

/**
 * No network, ever: every way Node can open a socket or resolve a name is replaced by a trap that
 * records the attempt and refuses it, then pages full of remote references are converted.
 */
const attempts: string[] = [];
let restore: () => void = () => undefined;

beforeAll(() => {
  restore = trapNetwork((label, argument) => attempts.push(`${label}(${argument})`));
});

afterAll(() => restore());

describe('no network access while converting', () => {
  it('the spies catch an attempt (the test can fail)', () => {
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(/network access attempted/);
    expect(attempts).toHaveLength(1);
    attempts.length = 0;
  });

  it('a page of remote images, stylesheets, iframes, preloads and @import fetches nothing', async () => {
    const result = await convert(remoteReferencesPage(), { baseUrl: 'https://evil.example/' });
    expect(result.markdown).toContain('Opening paragraph');
    expect(attempts).toEqual([]);
  });

  it('the same page as scraped text and with every option fetches nothing', async () => {
    await convert(remoteReferencesPage(), { from: 'text', frontMatter: true, explain: true });
    expect(attempts).toEqual([]);
  });

  it('a PDF with external links, a remote GoToR action and a URL font fetches nothing', async () => {
    const pdf = tinyPdf('A PDF paragraph with remote references.', '/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://evil.example/u) >> >> << /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F << /Type /Filespec /FS /URL /F (https://evil.example/r.pdf) >> >> >>] ');
    try {
      await convert(pdf, { path: 'refs.pdf' });
    } catch (error) {
      expect((error as { code?: string }).code).toMatch(/^PDF_/); // a typed error is fine, a fetch is not
    }
    expect(attempts).toEqual([]);
  });
});
