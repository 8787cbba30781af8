// npm run test:package — the package as users get it: `npm pack` (which builds), the tarball
// installed into a fresh scratch project, then used from an ES module, from CommonJS
// (`require('unboil')`, which Node >= 20.19 allows for an ES module), and from TypeScript
// (module NodeNext, as ESM and as CommonJS; type-checked by the project's own tsc). Each use
// converts a page, checks a typed error, and prints one line; any failure exits 1.
// Slower than the unit tests (a build and an install from the registry or npm's cache): run by CI
// on its own, not by `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'unboil-package-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let failed = false;
try {
  run('npm', ['pack', '--silent', '--pack-destination', dir], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const project = join(dir, 'project');
  mkdirSync(project);
  // No "type": a project made by `npm init -y` is CommonJS.
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(dir, tarball)], project);

  const PAGE = '<html><head><title>A page</title></head><body><article><h1>A page</h1><p>Some words of an article, enough of them to count.</p></article></body></html>';
  // The same checks in each module system: a conversion, and a typed error with a code.
  const body = (exported) => `
const result = await ${exported}.convert(${JSON.stringify(PAGE)});
if (!result.markdown.includes('Some words of an article')) throw new Error('no article in the Markdown');
let code = null;
try {
  await ${exported}.convert('<p>x</p>', { from: 'xml' as never });
} catch (error) {
  if (!${exported}.isUnboilError(error)) throw new Error('not an UnboilError');
  code = error.code;
}
if (code !== 'INVALID_OPTION') throw new Error('expected INVALID_OPTION, got ' + code);
console.log(NAME + ': ok (unboil ' + ${exported}.VERSION + ', ' + result.metadata.wordCount + ' words, INVALID_OPTION)');
`;
  const js = (text) => text.replace(' as never', '');
  writeFileSync(join(project, 'esm.mjs'), js(`import * as unboil from 'unboil';\nconst NAME = 'ESM import';\n${body('unboil')}`));
  writeFileSync(join(project, 'cjs.cjs'), js(`const unboil = require('unboil');\nconst NAME = 'CommonJS require';\n(async () => {\n${body('unboil')}\n})().catch((e) => { console.error(e); process.exit(1); });\n`));
  writeFileSync(join(project, 'ts-esm.mts'), `import * as unboil from 'unboil';\nimport type { ConvertResult, ErrorCode } from 'unboil';\nconst NAME: string = 'TypeScript NodeNext ESM';\nconst codes: ErrorCode[] = ['INVALID_OPTION'];\nvoid codes;\nconst typed: (r: ConvertResult) => string = (r) => r.markdown;\nvoid typed;\n${body('unboil')}`);
  writeFileSync(join(project, 'ts-cjs.cts'), `import unboil = require('unboil');\nconst NAME: string = 'TypeScript NodeNext CommonJS';\n(async () => {\n${body('unboil')}\n})().catch((e) => { console.error(e); process.exit(1); });\n`);
  // No @types/node (a library user may have none): the two globals the files use are declared.
  writeFileSync(join(project, 'globals.d.ts'), 'declare const process: { exit(code: number): never };\ndeclare const console: { log(...a: unknown[]): void; error(...a: unknown[]): void };\n');
  const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], strict: true, types: [], outDir: 'out' };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['ts-esm.mts', 'ts-cjs.cts', 'globals.d.ts'] }));
  run(process.execPath, [tsc, '-p', '.'], project);
  for (const script of ['esm.mjs', 'cjs.cjs', join('out', 'ts-esm.mjs'), join('out', 'ts-cjs.cjs')]) {
    try {
      process.stdout.write(run(process.execPath, [script], project));
    } catch (error) {
      failed = true;
      console.error(`check-package: ${script} failed:\n${error.stderr || error.message}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`check-package: ${error.stderr || error.stdout || error.message}`);
} finally {
  if (keep) console.error(`check-package: kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'check-package: FAILED' : 'check-package: 4 of 4 module systems passed');
process.exit(failed ? 1 : 0);
