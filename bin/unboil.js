#!/usr/bin/env node
// The executable: everything lives in the bundled CLI (npm's `prepare` runs `npm run build`, which
// compiles with tsc and bundles with esbuild: see scripts/bundle.mjs).

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The one answer that needs none of the program: given before anything else loads, since a
  // script asking for the version should not wait for a command-line parser (src/version.ts
  // reads the same package.json for everything else).
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // V8 compiles a regular expression to machine code on its second run by default. The date
  // parser (chrono) has hundreds of large expressions that a one-page run executes only a few
  // times each: compiling them cost more than interpreting them (~100 ms of a one-page run). With
  // this, an expression is compiled once it has run 20 times, so the hot ones of a batch still
  // are. Set before any module is loaded; V8 flags are process-wide, so the batch's worker threads
  // get it too.
  (await import('node:v8')).setFlagsFromString('--regexp-tier-up-ticks=20');
  const { main } = await import('../dist/bundle/unboil.js');
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`unboil: internal error: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 70;
    },
  );
}
