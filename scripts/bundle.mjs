// Bundles the command-line program (and the batch pool's worker) into a few files with esbuild.
//
// Why: Node 20 loads ES modules one file at a time (resolve, read, compile, link), and unboil's
// pipeline is ~400 small modules of the unified ecosystem; loading them was most of a one-page
// run (about 0.55 s of 0.85 s). One bundle loads in about half that, for the CLI and for every
// worker the batch pool starts. The library API (dist/index.js, from tsc) is not bundled.
// pdfjs-dist stays outside (it is loaded only when a PDF arrives, and finds its own files), and so
// does piscina (it starts workers from its own files).
//
//   node scripts/bundle.mjs [OUTDIR]     (default dist/bundle; `npm run build` runs it)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(process.argv[2] ?? resolve(root, 'dist', 'bundle'));

rmSync(outdir, { recursive: true, force: true }); // no chunk of an older build left behind
await build({
  absWorkingDir: root,
  entryPoints: { unboil: 'src/cli/main.ts', worker: 'src/batch/worker.ts' },
  outdir,
  bundle: true,
  splitting: true, // the pipeline is a chunk of its own, loaded only when a page is converted
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'pdfjs-dist/*', 'piscina'],
  // Bundled CommonJS packages call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as __unboilCreateRequire } from 'node:module'; const require = __unboilCreateRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]', // beside the entries: the pool finds worker.js next to its own chunk
  legalComments: 'none',
  logLevel: 'warning',
});
