import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { CommanderError } from 'commander';
import { buildProgram, type CliOptions } from './program.js';
import { EXIT } from './exit-codes.js';
import { outDirProblem, outFileProblem } from './output-locations.js';
import { isUnboilError, UnboilError } from '../errors.js';
import { isAbsoluteUrl } from '../check-options.js';
import type { ConvertOptions, Message } from '../types.js';
import type { Argument, Input } from '../batch/discover.js';
import type { ReportLine } from '../batch/report.js';
import { limitHeapGrowth } from './heap.js';
// The rest (rules, batch, the pipeline) is imported where it is needed, so `--version`, `--help`
// and a usage error load only commander, and one page loads no batch machinery.

/**
 * One input smaller than this (bytes) is converted without V8's optimizing compiler: a page is done
 * before optimized code pays for its compiling (on the 2-core reference machine a 118 KB page took
 * 0.99 s with it and 0.73 s without; a 1.4 MB page 1.20 s with it and 1.32 s without). The flag
 * is process-wide, so a batch, whose workers run long enough to gain from it, never sets it.
 */
const NO_OPTIMIZER_BELOW = 512 * 1024;

/** An -o path that names the Markdown file of one input rather than an output directory. */
const MARKDOWN_FILE = /\.md$/i;

/**
 * One input this large (bytes) or larger is converted in a worker thread, where --timeout and
 * --max-memory can stop it; a smaller one in the main thread, which spares the thread's start-up
 * (0.1 s, half of a small page's run on the 2-core reference machine) and converts in well under
 * a second, so no --timeout could stop it in time to matter.
 */
const IN_A_THREAD_FROM = 512 * 1024;

/** Conflicts listed before giving up (the rest are counted). */
const CONFLICTS_SHOWN = 10;

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // The reader of our output went away (`unboil page.html | head`, `unboil --help | head`): leave
  // quietly with the shell's SIGPIPE status. A batch replaces this with a clean stop (below).
  process.stdout.on('error', exitOnBrokenPipe);
  const program = buildProgram().exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
    // Commander's errors ("error: option '-j, --jobs <n>' argument '0' is invalid. ...") read like ours.
    outputError: (s, write) => write(`unboil: ${s.replace(/^error: /, '')}`),
  });
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw error;
  }
  const options = program.opts<CliOptions>();

  if (options.json && options.ndjson) return usage('--json and --ndjson cannot be used together');
  if (options.baseUrl && !isAbsoluteUrl(options.baseUrl)) return usage(`--base-url must be an absolute URL: ${options.baseUrl}`);
  if (options.check && !options.outDir) return usage('--check compares with the files in --out-dir DIR: give it');
  if (options.check && options.ndjson) return usage('--check and --ndjson cannot be used together');
  if (options.ndjson && options.outDir) return usage('--ndjson prints to stdout; it cannot be used with --out-dir');
  const shard = options.shard === undefined ? null : (await import('../batch/shard.js')).parseShard(options.shard);
  if (options.shard !== undefined && !shard) return usage(`--shard must be K/N with 1 <= K <= N: ${options.shard}`);

  const args: Argument[] = program.args.map((value) => ({ value }));
  if (options.filesFrom !== undefined) {
    if (options.filesFrom === '-' && program.args.includes('-')) return usage('stdin ("-") cannot be both an input and --files-from');
    let listed: string[];
    try {
      listed = await readList(options.filesFrom, options.null === true);
    } catch (error) {
      return usage(`cannot read --files-from ${options.filesFrom}: ${(error as Error).message}`);
    }
    for (const value of listed) args.push({ value, literal: true });
  } else if (args.length === 0) {
    args.push({ value: '-' });
  }
  if (args.filter((a) => a.value === '-').length > 1) return usage('stdin ("-") can be read only once');

  let rules: ConvertOptions['rules'] = null;
  if (options.rules !== undefined) {
    try {
      const { parseRules } = await import('../rules/load-rules.js');
      rules = parseRules(await readFile(options.rules, 'utf8'), options.rules);
    } catch (error) {
      return usage(`--rules ${options.rules}: ${(error as Error).message}`);
    }
  }
  // Before anything is converted, here or in a worker thread (the setting is the process's).
  limitHeapGrowth();
  const convertOptions: ConvertOptions = {
    rules,
    from: options.from,
    baseUrl: options.baseUrl ?? null,
    title: options.title,
    frontMatter: options.frontMatter === true,
    explain: options.explain === true,
  };

  // -o FILE.md names the output file of one input; -o on a directory (or any other path) is --out-dir.
  let outputFile = options.output ?? null;
  if (outputFile !== null && (options.outDir !== undefined || options.ndjson || options.check)) {
    return usage('--output FILE writes one input to FILE; it cannot be used with --out-dir, --ndjson or --check');
  }
  if (options.outDir !== undefined && MARKDOWN_FILE.test(options.outDir) && !options.ndjson && !options.check && !(await isDirectory(options.outDir))) {
    if (args.length > 1) return usage(`-o ${options.outDir} names a Markdown file, which holds one input; give a directory for ${args.length} inputs`);
    outputFile = options.outDir;
    options.outDir = undefined;
  }

  // One file (or stdin) to stdout or to --output: converted here, without a worker pool.
  const batch = options.outDir !== undefined || options.ndjson === true || options.check === true;
  if (!batch) {
    if (args.length > 1) return usage(`several inputs need --out-dir DIR or --ndjson${outputFile !== null ? ' (--output FILE holds one)' : ''}`);
    const only = args[0]!;
    const need = outputFile !== null ? `--out-dir DIR, not a file (${outputFile})` : '--out-dir DIR or --ndjson';
    if (only.value !== '-' && !only.literal && (await isGlob(only.value))) return usage(`a glob needs ${need}`);
    if (only.value !== '-' && (await isDirectory(only.value))) return usage(`${only.value} is a directory: give ${need}`);
    const target = outputFile === null ? null : { md: outputFile, json: options.json ? jsonBeside(outputFile) : null };
    if (target && target.json === target.md) return usage(`--output ${target.md} with --json: the metadata would be written over the Markdown; give FILE.md`);
    const locations: Array<[string, string]> = [];
    if (options.report !== undefined) locations.push([options.report, '--report']);
    if (target) locations.push([target.md, '--output'], ...(target.json ? ([[target.json, '--output (its .json)']] as Array<[string, string]>) : []));
    for (const [path, what] of locations) {
      const problem = await outFileProblem(path, what, what === '--report');
      if (problem) return usage(problem);
    }
    return convertOne(only.value, convertOptions, options, target);
  }

  const [{ DEFAULT_EXTENSIONS, discover }, { conflicts }, { STATE_DIR }, { inShard }, { runBatch }] = await Promise.all([
    import('../batch/discover.js'),
    import('../batch/outputs.js'),
    import('../batch/manifest.js'),
    import('../batch/shard.js'),
    import('../batch/run.js'),
  ]);
  const discovered = await discover(
    args.filter((a) => a.value !== '-'),
    {
      extensions: options.ext ?? DEFAULT_EXTENSIONS,
      include: options.include,
      exclude: options.exclude,
      hidden: options.hidden === true,
      prune: options.outDir ? [resolve(options.outDir), resolve(options.outDir, STATE_DIR)] : [],
    },
  );
  // Web archives (told by their bytes) become their records, before --shard takes its share.
  const { expandArchives } = await import('../batch/archive/expand.js');
  const expanded = await expandArchives(discovered.inputs, options.maxBytes);
  let inputs: Input[] = expanded.inputs;
  /** Every input, before --shard takes its share: --check looks for outputs none of them makes. */
  const allInputs = inputs;
  if (args.some((a) => a.value === '-')) inputs.unshift({ path: '-', rel: 'stdin' });
  let problems = [...discovered.problems, ...expanded.problems];
  let skippedRecords = expanded.skipped;
  let hidden = discovered.hidden;
  // Nothing to convert is a usage error: the arguments name no input.
  if (inputs.length === 0 && problems.length === 0 && skippedRecords.length === 0) {
    const passed = hidden.length > 0 ? `; ${hidden.length} hidden ${hidden.length === 1 ? 'file' : 'files'} skipped (--hidden takes them)` : '';
    return usage(`no input files found (extensions taken: ${(options.ext ?? DEFAULT_EXTENSIONS).join(' ')}; see --ext)${passed}`);
  }
  if (options.outDir) {
    const found = conflicts(options.outDir, inputs);
    if (found.length > 0) {
      const more = found.length > CONFLICTS_SHOWN ? `\n... and ${found.length - CONFLICTS_SHOWN} more` : '';
      return usage(`nothing was converted:\n${found.slice(0, CONFLICTS_SHOWN).join('\n')}${more}`);
    }
  }
  // Every place the run writes is tried now, before any work.
  if (options.report !== undefined) {
    const problem = await outFileProblem(options.report, '--report');
    if (problem) return usage(problem);
  }
  if (options.outDir && !options.check) {
    const problem = await outDirProblem(options.outDir);
    if (problem) return usage(problem);
  }
  if (shard) {
    inputs = inputs.filter((i) => inShard(i.rel, shard));
    problems = problems.filter((p) => inShard(p.path, shard));
    hidden = hidden.filter((path) => inShard(path, shard));
    skippedRecords = skippedRecords.filter((r) => inShard(r.key, shard));
  }

  const controller = new AbortController();
  let signalCode: number = EXIT.INTERRUPTED;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signalCode); // second Ctrl-C: leave now
    signalCode = signal === 'SIGTERM' ? EXIT.TERMINATED : EXIT.INTERRUPTED;
    // The batch prints the reason, above its progress bar (a write from here would be drawn over).
    controller.abort(options.quiet ? '' : `${signal}: stopping; outputs already complete are kept`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // The reader of --ndjson went away (`| head`): stop as cleanly as on Ctrl-C, and exit 141.
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    signalCode = EXIT.BROKEN_PIPE;
    controller.abort('');
  };
  process.stdout.off('error', exitOnBrokenPipe);
  process.stdout.on('error', onStdoutError);
  try {
    const result = await runBatch(inputs, problems, {
      mode: options.check ? 'check' : options.ndjson ? 'ndjson' : 'files',
      outDir: options.outDir ?? null,
      convert: convertOptions,
      ordered: options.unordered !== true,
      force: options.force === true,
      maxBytes: options.maxBytes,
      fsync: options.fsync,
      reportPath: options.report ?? null,
      hidden,
      skippedRecords,
      quiet: options.quiet === true,
      verbose: options.verbose === true,
      progress: process.stderr.isTTY === true && options.quiet !== true,
      compactJournal: shard === null,
      stdout: process.stdout,
      signal: controller.signal,
      jobs: options.jobs,
      timeoutMs: options.timeout * 1000,
      maxPerWorker: options.maxPerWorker,
      maxMemoryMb: options.maxMemory,
    });
    const { tally } = result;
    if (!options.quiet) process.stderr.write(`unboil: ${tally.summary()}\n`);
    if (result.stopped === 'interrupted') {
      if (signalCode !== EXIT.BROKEN_PIPE) process.stderr.write('unboil: interrupted: rerun the same command to resume\n');
      return signalCode;
    }
    if (result.stopped) {
      process.stderr.write(`unboil: stopped: ${result.stopped}\nunboil: rerun the same command to resume once this is fixed\n`);
      return EXIT.SOME_FAILED;
    }
    let orphaned: string[] = [];
    if (options.check) {
      const [{ orphans }, { planOutputs }] = await Promise.all([import('../batch/check.js'), import('../batch/outputs.js')]);
      const expected = new Set<string>();
      for (const input of allInputs) {
        const plan = planOutputs(options.outDir!, input);
        expected.add(resolve(plan.md)).add(resolve(plan.json));
      }
      orphaned = await orphans(options.outDir!, expected, STATE_DIR);
      for (const path of orphaned) process.stdout.write(`orphan: ${path}\n`);
    }
    if (tally.counts.error > 0) return EXIT.SOME_FAILED;
    if (options.check && (result.differing > 0 || orphaned.length > 0)) {
      const found = [result.differing > 0 ? `${result.differing} output file(s) stale or missing` : '', orphaned.length > 0 ? `${orphaned.length} orphan file(s) that no input makes` : ''];
      process.stderr.write(`unboil: --check: ${found.filter(Boolean).join(', ')} under ${options.outDir}\n`);
      return EXIT.CHECK_DIFFERS;
    }
    return tally.noText > 0 ? EXIT.NO_TEXT : EXIT.OK;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.stdout.off('error', onStdoutError);
  }
}

function exitOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.BROKEN_PIPE);
}

/** The metadata file beside a Markdown output: `out.md` -> `out.json`, `out` -> `out.json`. */
function jsonBeside(file: string): string {
  const ext = extname(file);
  return `${ext ? file.slice(0, -ext.length) : file}.json`;
}

/**
 * Convert one input (a file, or `-` for stdin) to stdout, or to `target` (the Markdown file and,
 * with --json, the metadata beside it; each written to a temporary and renamed into place).
 */
async function convertOne(input: string, convertOptions: ConvertOptions, options: CliOptions, target: { md: string; json: string | null } | null): Promise<number> {
  const started = performance.now();
  const { ReportFile } = await import('../batch/report.js');
  const { explainIn, NO_TEXT_RULE, warningsIn } = await import('../messages.js');
  const line: ReportLine = { path: input, status: 'ok', outputs: [], sha256: null, bytes: null, ms: 0, warnings: [], error: null };
  let code: number;
  try {
    const { readInput } = await import('../batch/read-input.js');
    const bytes = await readInput(input, options.maxBytes);
    line.bytes = bytes.length;
    const path = input === '-' ? null : input;
    const result = bytes.length < IN_A_THREAD_FROM ? await convertHere(bytes, { ...convertOptions, path }) : await convertInThread(bytes, { ...convertOptions, path }, options);
    line.sha256 = result.sha256;
    line.warnings = warningsIn(result.messages);
    if (convertOptions.explain) line.explain = explainIn(result.messages);
    line.status = line.warnings.length > 0 ? 'warning' : 'ok';
    printMessages(input, result, options);
    if (target) {
      await writeWhole(target.md, result.markdown);
      if (target.json) await writeWhole(target.json, result.json);
      line.outputs = target.json ? [target.md, target.json] : [target.md];
    } else {
      process.stdout.write(options.json ? result.json : result.markdown);
    }
    code = line.warnings.some((w) => w.rule === NO_TEXT_RULE) ? EXIT.NO_TEXT : EXIT.OK;
  } catch (error) {
    const message = describeError(error);
    process.stderr.write(`unboil: ${displayName(input)}: ${message}\n`);
    line.status = 'error';
    line.error = { code: errorCode(error), message };
    code = EXIT.SOME_FAILED;
  }
  if (options.report !== undefined) {
    line.ms = Math.round(performance.now() - started);
    const report = new ReportFile(options.report);
    report.write(line);
    await report.close();
  }
  return code;
}

/** What a single conversion gives the CLI: the two texts, the messages, the input's hash. */
interface Converted {
  markdown: string;
  json: string;
  messages: Message[];
  sha256: string | null;
  wordCount: number;
}

/** Convert in this thread (a small input: done before a thread would have started). */
async function convertHere(bytes: Uint8Array, convertOptions: ConvertOptions): Promise<Converted> {
  if (bytes.length < NO_OPTIMIZER_BELOW) setFlagsFromString('--no-turbofan');
  // Loaded here: a batch converts in workers, and its main thread need not load the pipeline.
  const [{ convert }, { metadataJson }] = await Promise.all([import('../convert.js'), import('../write/json.js')]);
  const result = await convert(bytes, convertOptions);
  return { markdown: result.markdown, json: metadataJson(result.metadata), messages: result.messages, sha256: result.metadata.source.sha256, wordCount: result.metadata.wordCount };
}

/**
 * Convert in a worker thread of the batch pool, so that --timeout and --max-memory hold: the
 * thread is stopped when time runs out, as in a batch. Failures are thrown as `{code, message}`.
 */
async function convertInThread(bytes: Uint8Array, convertOptions: ConvertOptions, options: CliOptions): Promise<Converted> {
  const { ConvertPool } = await import('../batch/pool.js');
  const pool = new ConvertPool({ jobs: 1, timeoutMs: options.timeout * 1000, maxPerWorker: 0, maxMemoryMb: options.maxMemory });
  try {
    const outcome = await pool.run({ input: { bytes }, path: convertOptions.path ?? null, options: convertOptions, mode: 'check' });
    if (!outcome.ok) throw { code: outcome.code, message: outcome.message };
    if (outcome.unchanged || !outcome.texts) throw new Error('the worker returned no texts');
    return { markdown: outcome.texts.markdown, json: outcome.texts.json, messages: outcome.messages, sha256: outcome.sha256, wordCount: (JSON.parse(outcome.texts.json) as { wordCount: number }).wordCount };
  } finally {
    await pool.destroy();
  }
}

/** Write a file whole: a temporary beside it, renamed into place (a reader never sees half of it). */
async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.unboil-tmp-${process.pid}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UnboilError('WRITE_FAILED', `cannot write ${path}: ${(error as Error).message}`);
  }
}

/** --files-from: one path a line (or NUL-separated with -0); empty entries are ignored. */
async function readList(source: string, nul: boolean): Promise<string[]> {
  let text: string;
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await readFile(source, 'utf8');
  }
  return text.split(nul ? '\0' : /\r?\n/).filter((line) => line.length > 0);
}

/** Whether picomatch reads the argument as a glob; picomatch is loaded only for arguments that may be one. */
async function isGlob(value: string): Promise<boolean> {
  if (!/[*?[\]{}()!+@]/.test(value)) return false;
  const { default: picomatch } = await import('picomatch');
  return picomatch.scan(value).isGlob;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function usage(message: string): number {
  process.stderr.write(`unboil: ${message}\n(run "unboil --help" for usage)\n`);
  return EXIT.USAGE;
}

function printMessages(input: string, result: Converted, options: CliOptions): void {
  if (options.verbose) process.stderr.write(`unboil: ${displayName(input)}: ${result.wordCount} words\n`);
  if (options.quiet) return;
  for (const m of result.messages) {
    if (m.severity === 'warning' || options.explain) {
      process.stderr.write(`unboil: ${displayName(input)}: ${m.severity === 'warning' ? 'warning' : 'explain'}: ${m.message} [${m.rule}]\n`);
    }
  }
}

function displayName(input: string): string {
  return input === '-' ? '<stdin>' : input;
}

function describeError(error: unknown): string {
  if (isUnboilError(error)) return error.message;
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) return String((error as { message: string }).message);
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return String(error);
}

/** The code of a failed single conversion, as the batch report gives it. */
function errorCode(error: unknown): string {
  if (isUnboilError(error)) return error.code;
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string') return (error as { code: string }).code;
  return 'INTERNAL';
}
