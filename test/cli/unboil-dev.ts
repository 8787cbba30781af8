// The CLI run from source (through tsx), as bin/unboil.cjs runs it from dist/: used by the tests.
import { main } from '../../src/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`unboil: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
