import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDoc, readManifest, subsetCorpus } from '../bench/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/corpus.ts', () => {
  it('readDoc gunzips a .gz document and drops .gz from its path', () => {
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'a.html.gz'), gzipSync('<p>hi</p>'));
    writeFileSync(join(dir, 'docs', 'b.html'), '<p>plain</p>');
    const gz = readDoc(dir, { id: 'a', doc: 'docs/a.html.gz' });
    expect(gz.bytes.toString()).toBe('<p>hi</p>');
    expect(gz.path).toBe('docs/a.html');
    const plain = readDoc(dir, { id: 'b', doc: 'docs/b.html' });
    expect(plain).toEqual({ bytes: Buffer.from('<p>plain</p>'), path: 'docs/b.html' });
  });

  it('subsetCorpus holds only the given entries and links the rest of the corpus', () => {
    const corpus = join(dir, 'full');
    mkdirSync(join(corpus, 'truth'), { recursive: true });
    writeFileSync(join(corpus, 'truth', 'x.txt'), 'truth x');
    const entries = [{ id: 'x', doc: 'docs/x.html', truth: 'truth/x.txt' }, { id: 'y', doc: 'docs/y.html', truth: 'truth/y.txt' }];
    writeFileSync(join(corpus, 'manifest.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n'));
    const sub = subsetCorpus(corpus, [entries[0]!], join(dir, 'sub'));
    expect(readManifest(sub)).toEqual([entries[0]]);
    expect(readdirSync(sub).sort()).toEqual(['manifest.jsonl', 'truth']);
    expect(readFileSync(join(sub, 'truth', 'x.txt'), 'utf8')).toBe('truth x');
  });
});
