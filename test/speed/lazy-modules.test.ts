/**
 * Start-up cost is part of speed: the modules a conversion does not need must not be loaded.
 * Each case runs in a fresh Node process with a module-loading hook that records every module
 * URL, then checks the list (behaviour only; no timing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'unboil-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOOKS = join(dir, 'hooks.mjs');
writeFileSync(
  HOOKS,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.UNBOIL_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const REGISTER = join(dir, 'register.mjs');
writeFileSync(REGISTER, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(HOOKS).href)});\n`);

/** Run an ES module snippet from the project root; the URLs of every module it loaded. */
function modulesLoadedBy(script: string, name: string): string[] {
  const log = join(dir, `${name}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(REGISTER).href, '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, UNBOIL_MODULE_LOG: log },
    encoding: 'utf8',
  });
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const PAGE = '<!doctype html><html><head><title>A page</title></head><body><article><h1>A page</h1><p>Some words of an article, enough of them to count.</p></article></body></html>';
const pdfjs = (urls: string[]) => urls.filter((u) => u.includes('/pdfjs-dist/'));

describe('modules loaded lazily', () => {
  it('an HTML page does not load pdfjs-dist or the PDF reader', () => {
    const urls = modulesLoadedBy(`import { convert } from './src/index.ts'; await convert(${JSON.stringify(PAGE)});`, 'html');
    expect(urls.some((u) => u.includes('/src/convert.ts'))).toBe(true);
    expect(pdfjs(urls)).toEqual([]);
    expect(urls.filter((u) => u.includes('/src/read/pdf/'))).toEqual([]);
  }, 180_000);

  it('`unboil --version` loads no conversion stage (no parser, no date reader, no PDF reader)', () => {
    const urls = modulesLoadedBy(`import { main } from './src/cli/main.ts'; await main(['node', 'unboil', '--version']);`, 'version');
    expect(urls.some((u) => u.includes('/src/cli/main.ts'))).toBe(true);
    const heavy = urls.filter((u) => /\/node_modules\/(parse5|chrono-node|pdfjs-dist|franc|mdast-util-to-markdown)\//.test(u) || u.includes('/src/convert.ts'));
    expect(heavy).toEqual([]);
  }, 180_000);

  it('one page through the CLI loads no batch machinery, no YAML and no selector engine', () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, PAGE);
    const urls = modulesLoadedBy(`import { main } from './src/cli/main.ts'; process.stdout.write = () => true; await main(['node', 'unboil', ${JSON.stringify(page)}]);`, 'page');
    expect(urls.some((u) => u.includes('/src/convert.ts'))).toBe(true);
    const batchOnly = urls.filter((u) => /\/node_modules\/(piscina|cli-progress|yaml|hast-util-select)\//.test(u) || /\/src\/batch\/(run|pool|progress)\.ts/.test(u));
    expect(batchOnly).toEqual([]);
  }, 180_000);

  it('a short page whose markup states its language does not load franc; one that does not state it does', () => {
    const marked = modulesLoadedBy(`import { convert } from './src/index.ts'; await convert(${JSON.stringify(PAGE.replace('<html>', '<html lang="en">'))});`, 'lang-marked');
    expect(marked.filter((u) => u.includes('/node_modules/franc/'))).toEqual([]);
    const unmarked = modulesLoadedBy(`import { convert } from './src/index.ts'; await convert(${JSON.stringify(PAGE.replace('enough of them to count.', 'enough of them to count, and then some more words so that there is text to tell a language from.'))});`, 'lang-unmarked');
    expect(unmarked.filter((u) => u.includes('/node_modules/franc/')).length).toBeGreaterThan(0);
  }, 180_000);

  it('--front-matter and --rules do load them (so the check above can fail)', () => {
    const page = join(dir, 'page.html');
    const rules = join(dir, 'rules.yaml');
    writeFileSync(page, PAGE);
    writeFileSync(rules, 'rules:\n  - host: "*"\n    drop: [".ad"]\n');
    const urls = modulesLoadedBy(`import { main } from './src/cli/main.ts'; process.stdout.write = () => true; await main(['node', 'unboil', '--front-matter', '--rules', ${JSON.stringify(rules)}, ${JSON.stringify(page)}]);`, 'page-options');
    expect(urls.filter((u) => u.includes('/node_modules/yaml/')).length).toBeGreaterThan(0);
    expect(urls.filter((u) => u.includes('/node_modules/hast-util-select/')).length).toBeGreaterThan(0);
  }, 180_000);

  it('a PDF does load pdfjs-dist (so the check above can fail)', () => {
    // Not a readable PDF: the reader may reject it, but only after loading pdfjs-dist.
    const urls = modulesLoadedBy(`import { convert } from './src/index.ts'; await convert(new TextEncoder().encode('%PDF-1.4\\n%%EOF\\n')).catch(() => {});`, 'pdf');
    expect(pdfjs(urls).length).toBeGreaterThan(0);
  }, 180_000);
});
