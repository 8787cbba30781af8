/**
 * The installed `unboil` runs the esbuild bundle (scripts/bundle.mjs), not the sources the other
 * tests run: this test bundles into a fresh directory inside the project (the bundle finds the
 * project's package.json by looking up) and runs it as bin/unboil.js does, on one page, on stdin,
 * and as a batch whose workers load the bundled worker, PDF included (pdfjs-dist stays outside).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const cache = join(ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'unboil-bundle-'));
const bundle = join(dir, 'bundle');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the bundled CLI as bin/unboil.js does. */
function run(args: string[], input?: string) {
  const bin = join(dir, 'unboil.mjs');
  writeFileSync(bin, `import { main } from ${JSON.stringify(pathToFileURL(join(bundle, 'unboil.js')).href)};\nprocess.exitCode = await main(process.argv);\n`);
  return spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, input, encoding: 'utf8' });
}

const fixture = (name: string, file: string) => join(ROOT, 'fixtures', name, file);

describe('the bundled CLI', { timeout: 300_000 }, () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), bundle], { cwd: ROOT });
  });

  it('holds no copy of pdfjs-dist, and prints the version', () => {
    const files = readdirSync(bundle);
    expect(files).toContain('unboil.js');
    expect(files).toContain('worker.js');
    for (const f of files) expect(readFileSync(join(bundle, f), 'utf8')).not.toMatch(/pdfjsVersion|PDFDocumentProxy/);
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('converts one page, and stdin, to the expected Markdown', () => {
    const one = run([fixture('news-article', 'input.html')]);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(readFileSync(fixture('news-article', 'expected.md'), 'utf8'));
    const piped = run(['-', '--from', 'text'], readFileSync(fixture('text-pdftotext', 'input.txt'), 'utf8'));
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(readFileSync(fixture('text-pdftotext', 'expected.md'), 'utf8'));
  });

  it('runs a batch in bundled workers, PDF included', () => {
    const out = join(dir, 'out');
    const batch = run(['--out-dir', out, '-j', '2', '--quiet', fixture('cyrillic-news', 'input.html'), fixture('pdf-report', 'input.pdf')]);
    expect(batch.stderr).toBe('');
    expect(batch.status).toBe(0);
    const written = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    expect(written).toHaveLength(2);
    for (const name of ['cyrillic-news', 'pdf-report']) {
      const md = written.find((f) => f.includes(name))!;
      expect(readFileSync(join(out, md), 'utf8')).toBe(readFileSync(fixture(name, 'expected.md'), 'utf8'));
    }
  });
});
