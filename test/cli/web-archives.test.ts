import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../helpers/schema.js';
import { jsonl, listTree, page, runCli, tempDir, writeTree } from '../batch/helpers.js';
import { htmlResponse, waczFile, warcFile, warcRecord, type TestRecord } from '../batch/web-archives.js';

interface NdLine {
  path: string;
  status: string;
  markdown?: string;
  metadata?: {
    url: string | null;
    published: string | null;
    fieldSources: Record<string, string>;
    source: { path: string; encoding: string | null; warc?: { file: string; member: string | null; offset: number; recordId: string; targetUri: string; date: string | null } };
    warnings: Array<{ rule: string; message: string }>;
  };
  error?: { code: string; message: string };
}

interface ReportLine {
  path: string;
  status: string;
  outputs: string[];
  reason?: string;
  error: { code: string; message: string } | null;
  warc?: { offset: number; targetUri: string | null };
}

const chunked = (body: string | Buffer) => {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const chunk = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
  return Buffer.concat([chunk(bytes.subarray(0, half)), chunk(bytes.subarray(half)), Buffer.from('0\r\n\r\n')]);
};

/** A crawl: pages in every transfer form, the records a crawl also holds, and revisits. */
function crawl(): TestRecord[] {
  const latin = Buffer.from(
    '<!doctype html><html><head><title>Caf\xe9 notes</title></head><body><article><h1>Caf\xe9 notes</h1><p>The caf\xe9 on the quay re-opened \x96 with cr\xe8me br\xfbl\xe9e on the menu and a terrace over the harbour for the summer season.</p></article></body></html>',
    'latin1',
  );
  return [
    { type: 'warcinfo', body: 'software: test writer\r\n', contentType: 'application/warc-fields' },
    { type: 'request', uri: 'https://news.example/a', body: 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n', contentType: 'application/http; msgtype=request' },
    htmlResponse('https://news.example/a', page(1)),
    htmlResponse('https://news.example/b?page=2', chunked(page(2)), [['Content-Type', 'text/html'], ['Transfer-Encoding', 'chunked']]),
    htmlResponse('https://news.example/c/', gzipSync(page(3)), [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip']]),
    htmlResponse('https://news.example/d', chunked(brotliCompressSync(page(4))), [['Content-Type', 'text/html'], ['Content-Encoding', 'br'], ['Transfer-Encoding', 'chunked']]),
    htmlResponse('https://news.example/e', deflateSync(page(5)), [['Content-Type', 'application/xhtml+xml'], ['Content-Encoding', 'deflate']]),
    // Headers that lie: gzip declared on plain bytes, chunked declared on a de-chunked body.
    htmlResponse('https://news.example/f', page(6), [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip']]),
    htmlResponse('https://news.example/g', page(7), [['Content-Type', 'text/html'], ['Transfer-Encoding', 'chunked']]),
    // The charset of the HTTP header: the page declares none.
    htmlResponse('https://news.example/cafe', latin, [['Content-Type', 'text/html; charset=windows-1252']]),
    { type: 'resource', uri: 'https://news.example/h', contentType: 'text/html', body: page(8) },
    { type: 'response', uri: 'https://news.example/logo.png', http: { headers: [['Content-Type', 'image/png']] }, body: 'PNG...' },
    { type: 'response', uri: 'https://news.example/app.js', http: { headers: [['Content-Type', 'application/javascript']] }, body: 'let x = 1;' },
    { type: 'response', uri: 'https://news.example/old', http: { status: 301, headers: [['Location', '/a']] }, body: '' },
    { type: 'response', uri: 'https://news.example/missing', http: { status: 404, headers: [['Content-Type', 'text/html']] }, body: '<p>Not found</p>' },
    { type: 'response', uri: 'https://news.example/down', http: { status: 503, headers: [['Content-Type', 'text/html']] }, body: '<p>Down</p>' },
    {
      type: 'revisit',
      uri: 'https://news.example/a',
      date: '2024-06-01T10:00:00Z',
      contentType: 'application/http; msgtype=response',
      headers: [
        ['WARC-Refers-To-Target-URI', 'https://news.example/a'],
        ['WARC-Refers-To-Date', '2024-05-01T10:00:00Z'],
      ],
      http: { headers: [['Content-Type', 'text/html']] },
      body: '',
    },
    { type: 'revisit', uri: 'https://news.example/elsewhere', headers: [['WARC-Payload-Digest', 'sha1:NOTINTHISCRAWL']], body: '' },
    { type: 'metadata', uri: 'https://news.example/a', contentType: 'application/warc-fields', body: 'outlink: https://news.example/b\r\n' },
  ];
}

const CONVERTED = 10; // a b c d e f g cafe h, and the revisit of a
/** Output names with their short hashes made `HASH`. */
const unhashed = (files: string[]) => files.map((f) => f.replace(/-[0-9a-f]{8}(?=\.)/, '-HASH'));

function ndjson(stdout: string): NdLine[] {
  return jsonl<NdLine>(stdout);
}

describe('web archives as inputs', { timeout: 600_000 }, () => {
  it('converts every HTML record of a WARC, gzip or plain, and counts what it skips by reason', async () => {
    const root = await tempDir('unboil-warc-');
    // A gzip member a record (as crawlers write), plain, gzip under a plain name, and gzipped whole (no member to seek to).
    const archives = { 'crawl.warc.gz': warcFile(crawl(), true), 'plain.warc': warcFile(crawl(), false), 'gzip-named-plain.warc': warcFile(crawl(), true), 'whole.warc.gz': gzipSync(warcFile(crawl(), false)) };
    await writeTree(root, archives);
    for (const name of Object.keys(archives)) {
      const run = await runCli([name, '--ndjson', '-j', '1', '--report', 'r.jsonl'], root);
      expect(run.code, run.stderr).toBe(0);
      const lines = ndjson(run.stdout);
      expect(lines).toHaveLength(CONVERTED);
      const byUri = new Map(lines.map((l) => [`${l.metadata!.source.warc!.targetUri} ${l.metadata!.source.warc!.date}`, l]));
      for (const line of lines) {
        expect(schemaErrors(line.metadata)).toBeNull();
        expect(line.path).toBe(name);
        expect(line.metadata!.source.warc!.file).toBe(name);
      }
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const line = lines.find((l) => l.markdown!.startsWith(`# Article ${n}\n`));
        expect(line, `article ${n}`).toBeDefined();
        expect(line!.markdown).toContain(`Paragraph 4 of article ${n}`);
      }
      const a = byUri.get('https://news.example/a 2024-05-01T10:00:00Z')!;
      // The capture's URL stands in for the URL the page does not state; its date is not the publication date.
      expect(a.metadata!.url).toBe('https://news.example/a');
      expect(a.metadata!.fieldSources.url).toBe('capture');
      expect(a.metadata!.published).toBe('2024-03-02');
      // The revisit is converted from the capture it refers to.
      const revisit = byUri.get('https://news.example/a 2024-06-01T10:00:00Z')!;
      expect(revisit.markdown).toBe(a.markdown);
      expect(revisit.metadata!.source.warc!.offset).toBeGreaterThan(a.metadata!.source.warc!.offset);
      const warned = (uri: string) => byUri.get(`${uri} 2024-05-01T10:00:00Z`)!.metadata!.warnings.filter((w) => w.rule === 'warc-record').map((w) => w.message);
      expect(warned('https://news.example/f')).toEqual([expect.stringMatching(/Content-Encoding says gzip but the body is not gzip-encoded/)]);
      expect(warned('https://news.example/g')).toEqual([expect.stringMatching(/Transfer-Encoding says chunked but the body is not chunked/)]);
      expect(warned('https://news.example/d')).toEqual([]);
      const cafe = byUri.get('https://news.example/cafe 2024-05-01T10:00:00Z')!;
      expect(cafe.metadata!.source.encoding).toBe('windows-1252');
      expect(cafe.markdown).toContain('re-opened – with crème brûlée');
      expect(run.stderr).toContain(
        '9 archive records skipped (2 not HTML, XHTML or PDF, 3 not a capture (request, metadata, warcinfo...), 1 redirect (3xx), 1 revisit of a capture not in this input, 2 status not 2xx)',
      );
      const report = jsonl<ReportLine>(await readFile(join(root, 'r.jsonl'), 'utf8'));
      // One line per record: converted or skipped with its reason.
      expect(report).toHaveLength(crawl().length);
      expect(report.filter((l) => l.status === 'skipped').map((l) => l.reason).sort()).toEqual([
        'not HTML, XHTML or PDF: application/javascript',
        'not HTML, XHTML or PDF: image/png',
        'not a capture (request, metadata, warcinfo...): metadata',
        'not a capture (request, metadata, warcinfo...): request',
        'not a capture (request, metadata, warcinfo...): warcinfo',
        'redirect (3xx): 301',
        'revisit of a capture not in this input: sha1:NOTINTHISCRAWL',
        'status not 2xx: 404',
        'status not 2xx: 503',
      ]);
    }
  });

  it('writes a tree named by URL, resumes by record, and --check and --shard work on records', async () => {
    const root = await tempDir('unboil-warc-');
    await writeTree(root, { 'in/crawl.warc.gz': warcFile(crawl(), true), 'in/loose.html': page(20) });
    const first = await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r1.jsonl'], root);
    expect(first.code, first.stderr).toBe(0);
    const files = (await listTree(join(root, 'out'))).filter((f) => !f.startsWith('.unboil/'));
    // The same URL twice (the revisit), a URL with a query: a short hash tells them apart.
    const names = ['in/loose', 'news.example/a', 'news.example/a-HASH', 'news.example/b-HASH', 'news.example/c/index', 'news.example/cafe', 'news.example/d', 'news.example/e', 'news.example/f', 'news.example/g', 'news.example/h'];
    expect(unhashed(files).sort()).toEqual(names.flatMap((n) => [`${n}.json`, `${n}.md`]).sort());
    for (const f of files.filter((f) => f.endsWith('.json'))) expect(schemaErrors(JSON.parse(await readFile(join(root, 'out', f), 'utf8')))).toBeNull();

    // A rerun converts nothing: every record is up to date.
    const again = await runCli(['in', '-o', 'out', '-j', '1', '--report', 'r2.jsonl'], root);
    expect(again.code, again.stderr).toBe(0);
    const second = jsonl<ReportLine>(await readFile(join(root, 'r2.jsonl'), 'utf8'));
    expect(second.filter((l) => l.warc && l.outputs.length > 0).every((l) => l.reason === 'up to date')).toBe(true);
    expect(second.filter((l) => l.reason === 'up to date')).toHaveLength(CONVERTED + 1);

    // --check: all the same, then one output edited by hand.
    expect((await runCli(['in', '-o', 'out', '--check', '-j', '1'], root)).code).toBe(0);
    const cafe = join(root, 'out', 'news.example', 'cafe.md');
    const committed = await readFile(cafe, 'utf8');
    await writeFile(cafe, 'edited\n');
    const check = await runCli(['in', '-o', 'out', '--check', '-j', '1'], root);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain('stale: out/news.example/cafe.md');
    await writeFile(cafe, committed);

    // Two shards split the records of one WARC; together they make what one run makes.
    for (const k of [1, 2]) expect((await runCli(['in', '-o', 'sharded', '-j', '1', '--shard', `${k}/2`, '--report', `s${k}.jsonl`], root)).code).toBe(0);
    const shardFiles = (await listTree(join(root, 'sharded'))).filter((f) => !f.startsWith('.unboil/'));
    expect(shardFiles).toEqual(files);
    for (const f of files) expect(await readFile(join(root, 'sharded', f), 'utf8')).toBe(await readFile(join(root, 'out', f), 'utf8'));
    const s1 = jsonl<ReportLine>(await readFile(join(root, 's1.jsonl'), 'utf8'));
    const s2 = jsonl<ReportLine>(await readFile(join(root, 's2.jsonl'), 'utf8'));
    expect(s1.length).toBeGreaterThan(0);
    expect(s2.length).toBeGreaterThan(0);
    const key = (l: ReportLine) => `${l.path}#${l.warc?.offset ?? ''}`;
    expect([...s1, ...s2].map(key).sort()).toEqual(jsonl<ReportLine>(await readFile(join(root, 'r1.jsonl'), 'utf8')).map(key).sort());
  });

  it('reads a WACZ through its archive/ WARCs, and reports a page its list names without a capture', async () => {
    const root = await tempDir('unboil-wacz-');
    const records = [htmlResponse('https://site.example/one', page(1)), htmlResponse('https://site.example/two', gzipSync(page(2)), [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip']])];
    await writeTree(root, { 'site.wacz': waczFile({ 'data.warc.gz': warcFile(records, true), 'more.warc': warcFile([htmlResponse('https://site.example/three', page(3))], false) }, ['https://site.example/one', 'https://site.example/never-captured']) });
    const run = await runCli(['site.wacz', '--ndjson', '-j', '1', '--report', 'r.jsonl'], root);
    expect(run.code, run.stderr).toBe(0);
    const lines = ndjson(run.stdout);
    expect(lines.map((l) => [l.metadata!.source.warc!.member, l.metadata!.url, l.markdown!.split('\n')[0]])).toEqual([
      ['archive/data.warc.gz', 'https://site.example/one', '# Article 1'],
      ['archive/data.warc.gz', 'https://site.example/two', '# Article 2'],
      ['archive/more.warc', 'https://site.example/three', '# Article 3'],
    ]);
    expect(run.stderr).toContain('1 archive record skipped (1 a page pages/pages.jsonl lists without a capture to convert)');
    const skipped = jsonl<ReportLine>(await readFile(join(root, 'r.jsonl'), 'utf8')).filter((l) => l.status === 'skipped');
    expect(skipped.map((l) => [l.path, l.warc?.targetUri, l.reason])).toEqual([['site.wacz', 'https://site.example/never-captured', 'a page pages/pages.jsonl lists without a capture to convert: https://site.example/never-captured']]);
  });

  it('names the file and the byte offset of a damaged archive, and converts the records before it', async () => {
    const root = await tempDir('unboil-warc-bad-');
    const good = [htmlResponse('https://x.example/1', page(1)), htmlResponse('https://x.example/2', page(2))];
    const third = gzipSync(warcRecord(htmlResponse('https://x.example/3', page(3))));
    const goodGzip = warcFile(good, true);
    const overrun = warcRecord({ ...htmlResponse('https://x.example/3', page(3)), contentLength: 99_999 });
    const bareLf = [htmlResponse('https://x.example/1', page(1), undefined, { version: 'WARC/0.17', eol: '\n' })];
    await writeTree(root, {
      'truncated.warc.gz': Buffer.concat([goodGzip, third.subarray(0, third.length - 200)]),
      'overrun.warc': Buffer.concat([warcFile(good, false), overrun]),
      'not-a-warc.warc': '<p>This is a page, not a WARC</p>',
      'bare-lf.warc': warcFile(bareLf, false),
      'bad-date.warc': warcFile([htmlResponse('https://x.example/9', page(9), undefined, { version: 'WARC/0.18', date: 'yesterday' })], false),
    });
    const run = await runCli(['truncated.warc.gz', 'overrun.warc', 'not-a-warc.warc', 'bare-lf.warc', 'bad-date.warc', '-o', 'out', '-j', '1'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`unboil: truncated.warc.gz: the ${third.length - 200} bytes from byte ${goodGzip.length} on are not a whole record`);
    expect(run.stderr).toContain(`unboil: overrun.warc: the record at byte ${warcFile(good, false).length} is cut short: its Content-Length is 99999 bytes`);
    expect(run.stderr).toContain('unboil: not-a-warc.warc: named like a web archive, but its bytes (from byte 0) are neither a WARC');
    expect(run.stderr).toContain('unboil: bare-lf.warc: the WARC header at byte 0 ends its lines with bare line feeds');
    const files = await listTree(join(root, 'out'));
    expect(files.filter((f) => f.includes('unboil-tmp'))).toEqual([]);
    // The records before the damage of each file, and the record with a malformed date (with a warning).
    expect(unhashed(files.filter((f) => f.endsWith('.md'))).sort()).toEqual(['x.example/1-HASH.md', 'x.example/1.md', 'x.example/2-HASH.md', 'x.example/2.md', 'x.example/9.md']);
    const dated = JSON.parse(await readFile(join(root, 'out', 'x.example', '9.json'), 'utf8'));
    expect(dated.source.warc.date).toBeNull();
    expect(dated.warnings).toContainEqual({ rule: 'warc-record', message: 'the WARC-Date of the record at byte 0, "yesterday", is not an ISO 8601 date; source.warc.date is null' });
  });

  it('gives a fixture page in a WARC the Markdown it has converted as a file', async () => {
    const root = await tempDir('unboil-warc-fixture-');
    const html = await readFile(new URL('../../fixtures/news-article/input.html', import.meta.url));
    const uri = 'https://courier.example/news/2024/03/14/harbor-street-bike-lanes';
    await writeTree(root, { 'page.html': html, 'crawl.warc.gz': warcFile([htmlResponse(uri, chunked(gzipSync(html)), [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip'], ['Transfer-Encoding', 'chunked']])], true) });
    const run = await runCli(['page.html', 'crawl.warc.gz', '--ndjson', '-j', '1'], root);
    expect(run.code, run.stderr).toBe(0);
    const [file, record] = ndjson(run.stdout);
    expect(record!.metadata!.source.warc!.targetUri).toBe(uri);
    expect(record!.markdown).toBe(file!.markdown);
    expect(record!.markdown).toBe(await readFile(new URL('../../fixtures/news-article/expected.md', import.meta.url), 'utf8'));
  });
});
