/**
 * The installed `unboil` is bin/unboil.cjs running the esbuild bundle (scripts/bundle.mjs) through
 * V8's code cache, not the sources the other tests run. This test lays out a fresh copy of the
 * package inside the project (bin/, package.json and a new bundle; node_modules are found by
 * looking up), and runs the executable on one page (first writing, then reading the code cache),
 * on stdin, and as a batch whose workers load the bundled worker, PDF included (pdfjs-dist stays
 * outside the bundle and is imported when a PDF arrives).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const cache = join(ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'unboil-bundle-'));
const bundle = join(dir, 'dist', 'bundle');
const codeCache = mkdtempSync(join(cache, 'unboil-code-cache-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(codeCache, { recursive: true, force: true });
});

/** Run the executable of the copy, its code cache in a folder of the test's own. */
function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'unboil.cjs'), ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, TMPDIR: codeCache } });
}

const fixture = (name: string, file: string) => join(ROOT, 'fixtures', name, file);

describe('the bundled CLI', { timeout: 300_000 }, () => {
  beforeAll(() => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'unboil.cjs'), join(dir, 'bin', 'unboil.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), bundle], { cwd: ROOT });
  });

  it('holds no copy of pdfjs-dist, and prints the version', () => {
    const files = readdirSync(bundle);
    expect(files).toContain('unboil.cjs');
    expect(files).toContain('worker.js');
    for (const f of files) expect(readFileSync(join(bundle, f), 'utf8')).not.toMatch(/pdfjsVersion|PDFDocumentProxy/);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-V']) {
      const printed = run([flag]);
      expect(printed.status).toBe(0);
      expect(printed.stdout).toBe(`${version}\n`);
    }
  });

  it('converts one page to the expected Markdown, writing the code cache, then reading it; and stdin', () => {
    const expected = readFileSync(fixture('news-article', 'expected.md'), 'utf8');
    const cold = run([fixture('news-article', 'input.html')]);
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(0);
    expect(cold.stdout).toBe(expected);
    const cached = readdirSync(codeCache, { recursive: true }).map(String).filter((f) => f.endsWith('.bin'));
    expect(cached).toHaveLength(1);
    const warm = run([fixture('news-article', 'input.html')]);
    expect(warm.stderr).toBe('');
    expect(warm.stdout).toBe(expected);
    const piped = run(['-', '--from', 'text'], readFileSync(fixture('text-pdftotext', 'input.txt'), 'utf8'));
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(readFileSync(fixture('text-pdftotext', 'expected.md'), 'utf8'));
  });

  it('converts a PDF on its own (pdf.js imported from the cached script) and runs a batch in bundled workers', () => {
    const pdf = run([fixture('pdf-report', 'input.pdf')]);
    expect(pdf.stderr).toBe('');
    expect(pdf.stdout).toBe(readFileSync(fixture('pdf-report', 'expected.md'), 'utf8'));
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
