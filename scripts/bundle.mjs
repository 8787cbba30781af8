// Bundles the command-line program and the batch pool's worker with esbuild.
//
// Why: Node 20 loads ES modules one file at a time (resolve, read, compile, link) and has no
// compile cache; unboil's pipeline is ~400 small modules of the unified ecosystem, and loading
// them was most of a one-page run. The library API (dist/index.js, from tsc) is not bundled.
// pdfjs-dist stays outside (it is loaded only when a PDF arrives, and finds its own files), and so
// does piscina (it starts workers from its own files).
//
// - dist/bundle/unboil.cjs: the CLI as one CommonJS script, which bin/unboil.cjs compiles with
//   V8's code cache (a script can use one; an ES module cannot, on Node 20).
// - dist/bundle/worker.js (+ chunks): the pool's worker, an ES module; the pool finds it beside
//   the CLI (`new URL('./worker.js', import.meta.url)`).
//
//   node scripts/bundle.mjs [OUTDIR]     (default dist/bundle; `npm run build` runs it)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(process.argv[2] ?? resolve(root, 'dist', 'bundle'));

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'pdfjs-dist/*', 'piscina'],
  legalComments: 'none',
  logLevel: 'warning',
  // Pure ASCII without comments: Node reads an ASCII file into a string without decoding it (a
  // 3 MB file with one non-ASCII character took 70 ms to read, ASCII 15 ms), and V8 parses less.
  // Names are kept: the date reader tells chrono's parsers apart by their class names.
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
};

rmSync(outdir, { recursive: true, force: true }); // no chunk of an older build left behind
await build({
  ...common,
  entryPoints: { worker: 'src/batch/worker.ts' },
  splitting: true, // the PDF and text readers are chunks of their own, loaded when needed
  format: 'esm',
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS packages call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as __unboilCreateRequire } from 'node:module'; const require = __unboilCreateRequire(import.meta.url);" },
});
/**
 * commander loads node:child_process (and with it net, dgram and streams) for executable
 * subcommands, which unboil does not have: an empty module stands in for it in the CLI, ~10 ms
 * less start-up. Any other importer gets the real one.
 */
const noSubcommandProcesses = {
  name: 'no-subcommand-processes',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'unboil-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'unboil-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
const cli = await build({
  ...common,
  plugins: [noSubcommandProcesses],
  write: false,
  entryPoints: { unboil: 'src/cli/main.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The sources locate files from their own URL (package.json, the worker, pdf.js's data).
  define: { 'import.meta.url': '__unboilModuleUrl' },
  banner: { js: "const __unboilModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// esbuild leaves non-ASCII characters in regular-expression literals; written as \u escapes they
// mean the same there as in strings (UTF-16 units, which a /u expression pairs up again), and the
// file stays ASCII. A character right after a backslash would change meaning: refused.
for (const file of cli.outputFiles) {
  if (/\\[^\x00-\x7f]/.test(file.text)) throw new Error(`${file.path}: a non-ASCII character after a backslash`);
  writeFileSync(file.path, file.text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
