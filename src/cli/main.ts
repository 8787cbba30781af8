import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram, type CliOptions } from './program.js';
import { EXIT } from './exit-codes.js';
import { convert } from '../convert.js';
import { isUnboilError, UnboilError } from '../errors.js';
import { metadataJson } from '../write/json.js';
import { writeAtomic } from '../write/files.js';
import type { ConvertResult } from '../types.js';

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw error;
  }
  const options = program.opts<CliOptions>();
  const inputs = program.args.length > 0 ? program.args : ['-'];

  if (inputs.filter((i) => i === '-').length > 1) return usage('stdin ("-") can be read only once');
  if (inputs.length > 1 && !options.outDir && !options.ndjson) {
    return usage('several inputs need --out-dir DIR or --ndjson');
  }
  if (options.json && options.ndjson) return usage('--json and --ndjson cannot be used together');
  if (options.baseUrl && !isAbsoluteUrl(options.baseUrl)) return usage(`--base-url must be an absolute URL: ${options.baseUrl}`);

  if (options.outDir) {
    const names = new Map<string, string>();
    for (const input of inputs) {
      const name = outputName(input);
      const other = names.get(name);
      if (other) return usage(`${other} and ${input} would both be written to ${join(options.outDir, name)}.md`);
      names.set(name, input);
    }
  }

  let failed = 0;
  for (const input of inputs) {
    try {
      const bytes = await readInput(input, options.maxBytes);
      const result = await convert(bytes, {
        from: options.from,
        path: input === '-' ? null : input,
        baseUrl: options.baseUrl ?? null,
        title: options.title,
        frontMatter: options.frontMatter === true,
        explain: options.explain === true,
      });
      report(input, result, options);
      await emit(input, result, options);
    } catch (error) {
      failed++;
      process.stderr.write(`unboil: ${displayName(input)}: ${describeError(error)}\n`);
    }
  }
  return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

function usage(message: string): number {
  process.stderr.write(`unboil: ${message}\n(run "unboil --help" for usage)\n`);
  return EXIT.USAGE;
}

async function readInput(input: string, maxBytes: number): Promise<Uint8Array> {
  if (input === '-') return readStdin(maxBytes);
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    throw fsError(error);
  }
  if (info.isDirectory()) throw new UnboilError('UNREADABLE', 'is a directory');
  if (info.size > maxBytes) throw new UnboilError('TOO_LARGE', `is ${info.size} bytes, more than --max-bytes ${maxBytes}`);
  try {
    return await readFile(input);
  } catch (error) {
    throw fsError(error);
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new UnboilError('TOO_LARGE', `is more than --max-bytes ${maxBytes}`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function fsError(error: unknown): UnboilError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnboilError('NOT_FOUND', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new UnboilError('UNREADABLE', 'permission denied');
  if (code === 'EISDIR') return new UnboilError('UNREADABLE', 'is a directory');
  return new UnboilError('UNREADABLE', `cannot read: ${(error as Error).message}`);
}

function report(input: string, result: ConvertResult, options: CliOptions): void {
  if (options.verbose) process.stderr.write(`unboil: ${displayName(input)}: ${result.metadata.wordCount} words\n`);
  if (options.quiet) return;
  for (const m of result.messages) {
    if (m.severity === 'warning' || options.explain) {
      process.stderr.write(`unboil: ${displayName(input)}: ${m.severity === 'warning' ? 'warning' : 'explain'}: ${m.message} [${m.rule}]\n`);
    }
  }
}

async function emit(input: string, result: ConvertResult, options: CliOptions): Promise<void> {
  if (options.outDir) {
    const base = join(options.outDir, outputName(input));
    await writeAtomic(`${base}.md`, result.markdown);
    await writeAtomic(`${base}.json`, metadataJson(result.metadata));
    return;
  }
  if (options.ndjson) {
    process.stdout.write(`${JSON.stringify({ markdown: result.markdown, metadata: result.metadata })}\n`);
  } else if (options.json) {
    process.stdout.write(metadataJson(result.metadata));
  } else {
    process.stdout.write(result.markdown);
  }
}

/** The output base name of an input: its file name without the extension (`stdin` for "-"). */
function outputName(input: string): string {
  if (input === '-') return 'stdin';
  const name = basename(input);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

function displayName(input: string): string {
  return input === '-' ? '<stdin>' : input;
}

function describeError(error: unknown): string {
  if (isUnboilError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return String(error);
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
