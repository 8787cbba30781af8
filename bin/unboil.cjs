#!/usr/bin/env node
// The executable: everything lives in the bundled CLI (npm's `prepare` runs `npm run build`, which
// compiles with tsc and bundles with esbuild: see scripts/bundle.mjs). CommonJS, because Node
// starts a CommonJS entry point about 30 ms sooner than an ES module (no module loader to set up).
'use strict';
const { readFileSync } = require('node:fs');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The one answer that needs none of the program: given before anything else loads, since a
  // script asking for the version should not wait for a command-line parser (src/version.ts
  // reads the same package.json for everything else).
  process.stdout.write(`${JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')).version}\n`);
} else {
  const cli = loadCli(require('node:path').join(__dirname, '..', 'dist', 'bundle', 'unboil.cjs'));
  cli.exports.main(process.argv).then(
    (code) => {
      process.exitCode = code;
      cli.saveCache();
    },
    (error) => {
      process.stderr.write(`unboil: internal error: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 70;
    },
  );
}

/**
 * Load the bundled CLI (a CommonJS script) through V8's code cache: compiling its 2 MB, and the
 * functions a page then runs, was ~75 ms of a one-page run, and Node 20 keeps no compile cache of
 * its own (Node 22's module.enableCompileCache does this). The cache sits in the system's
 * temporary folder, one file per build of unboil; V8 checks it against the source and the flags
 * and ignores it when it does not match, and a cache that cannot be read or written only makes
 * start-up slower. Hand-written rather than v8-compile-cache: that package gives no way to
 * `import()` from the cached script, and the PDF reader needs it (lent as
 * `globalThis.__unboilImport`). UNBOIL_NO_CODE_CACHE=1 turns it off.
 */
function loadCli(file) {
  const { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
  const { createRequire } = require('node:module');
  const { tmpdir } = require('node:os');
  const { basename, dirname, join } = require('node:path');
  const { setFlagsFromString } = require('node:v8');
  const vm = require('node:vm');
  // V8 compiles a regular expression to machine code on its second run by default. The date
  // parser (chrono) has hundreds of large expressions that a one-page run executes only a few
  // times each: compiling them cost more than interpreting them (~100 ms of a one-page run). With
  // this, an expression is compiled once it has run 20 times, so the hot ones of a batch still
  // are. Set before the CLI is compiled; V8 flags are process-wide, so the batch's worker threads
  // get it too.
  setFlagsFromString('--regexp-tier-up-ticks=20');
  const source = readFileSync(file, 'utf8');
  const stat = statSync(file);
  const cacheDir = join(tmpdir(), `unboil-code-cache-${process.getuid?.() ?? 'user'}`);
  const cacheFile = join(cacheDir, `${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.bin`);
  const useCache = !process.env.UNBOIL_NO_CODE_CACHE;
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  globalThis.__unboilImport = (specifier) => import(specifier);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    /**
     * Written after the run, so the cache holds the functions the run compiled too. V8 checks a
     * cache against the flags: the CLI may have turned the optimizing compiler off for a small
     * page (src/cli/main.ts), so it is turned back on first, as the next start will find it.
     */
    saveCache() {
      if (!useCache || (cachedData !== undefined && !script.cachedDataRejected)) return;
      try {
        setFlagsFromString('--turbofan');
        mkdirSync(cacheDir, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
        // The caches of other builds (an upgrade, a rebuild) will not be used again.
        for (const old of readdirSync(cacheDir)) if (old !== basename(cacheFile)) rmSync(join(cacheDir, old), { force: true });
      } catch {
        // a read-only or full temporary folder: run without a cache
      }
    },
  };
}
