#!/usr/bin/env node
// The executable: everything lives in the bundled CLI (npm's `prepare` runs `npm run build`, which
// compiles with tsc and bundles with esbuild: see scripts/bundle.mjs).
import { main } from '../dist/bundle/unboil.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`unboil: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
