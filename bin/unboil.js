#!/usr/bin/env node
// The executable: everything lives in the built CLI (npm's `prepare` runs tsc on install).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`unboil: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
