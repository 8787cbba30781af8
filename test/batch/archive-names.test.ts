import { describe, expect, it } from 'vitest';
import { assignKeys, urlKey } from '../../src/batch/archive/output-path.js';

const at = (targetUri: string | null, offset = 0) => ({ file: 'crawl.warc.gz', member: null, offset, recordId: null, targetUri, date: null });

describe('output names of archive records', () => {
  it('are host/path with safe characters, index for a directory, a hash for a query', () => {
    expect(urlKey(at('https://News.Example/a/b.html'))).toBe('news.example/a/b.html');
    expect(urlKey(at('https://news.example/'))).toBe('news.example/index');
    expect(urlKey(at('https://news.example'))).toBe('news.example/index');
    expect(urlKey(at('https://news.example/c/'))).toBe('news.example/c/index');
    expect(urlKey(at('http://news.example:8080/caf%C3%A9 menu'))).toBe('news.example_8080/caf__menu');
    expect(urlKey(at('https://news.example/../../etc/passwd'))).toBe('news.example/etc/passwd');
    expect(urlKey(at('https://news.example/a/%2E%2E/b'))).toBe('news.example/b');
    expect(urlKey(at('https://news.example/a%2F..%2Fb/.hidden'))).toBe('news.example/a_.._b/_hidden');
    expect(urlKey(at('https://news.example/list?page=2'))).toMatch(/^news\.example\/list-[0-9a-f]{8}$/);
    expect(urlKey(at('https://news.example/list?page=2'))).not.toBe(urlKey(at('https://news.example/list?page=3')));
    expect(urlKey(at('https://news.example/x'.padEnd(400, 'x'))).split('/')[1]!.length).toBeLessThan(140);
    expect(urlKey(at(null, 1234))).toMatch(/^unknown-url\/[0-9a-f]{8}$/);
    expect(urlKey(at('urn:example:thing'))).toMatch(/^unknown-url\//);
  });

  it('tell apart records that map to one name, the same way on every run', () => {
    const records = [at('https://a.example/p', 10), at('https://a.example/p', 20), at('https://a.example/P', 30), at('https://a.example/q', 40)];
    const keys = assignKeys(records, new Set(['a.example/q']));
    expect(keys[0]).toBe('a.example/p');
    expect(keys[1]).toMatch(/^a\.example\/p-[0-9a-f]{8}$/);
    expect(keys[2]).toMatch(/^a\.example\/P-[0-9a-f]{8}$/);
    expect(keys[3]).toMatch(/^a\.example\/q-[0-9a-f]{8}$/);
    expect(new Set(keys).size).toBe(4);
    expect(assignKeys(records, new Set(['a.example/q']))).toEqual(keys);
  });
});
