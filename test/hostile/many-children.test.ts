import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import unwrapLayoutTables from '../../src/clean/unwrap-layout-tables.js';
import { walkElements } from '../../src/hast/util.js';
import { scanArchive } from '../../src/batch/archive/scan.js';
import { warcRecord } from '../batch/web-archives.js';

const dir = mkdtempSync(join(tmpdir(), 'unboil-big-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * More than V8 takes as the arguments of one call (about 125,000 here): a crawl's WARC holds that
 * many records, a generated page that many cells. Lists this long are appended one by one.
 */
const MANY = 160_000;

describe('lists longer than a call takes arguments', () => {
  it('scans a web archive of that many records', async () => {
    const path = join(dir, 'crawl.warc');
    const parts: Buffer[] = [];
    for (let i = 0; i < MANY; i++) parts.push(warcRecord({ type: 'metadata', uri: `https://example.org/${i}`, body: 'x', contentType: 'text/plain' }));
    writeFileSync(path, Buffer.concat(parts));
    const scan = await scanArchive(path, 'warc', 1_000_000);
    expect(scan.records).toHaveLength(0);
    expect(scan.skipped).toHaveLength(MANY);
  }, 120_000);

  it('unwraps a layout table of that many cells', async () => {
    const rows: string[] = [];
    for (let i = 0; i < MANY / 2; i++) rows.push(`<tr><td>left ${i}</td><td>right ${i}</td></tr>`);
    const tree = unified().use(rehypeParse).parse(`<body><table role="presentation">${rows.join('')}</table></body>`) as Root;
    await unified().use(unwrapLayoutTables).run(tree, new VFile());
    let cells = 0;
    walkElements(tree, (node) => {
      if (node.tagName === 'div') cells++;
    });
    expect(cells).toBe(MANY);
  }, 120_000);
});
