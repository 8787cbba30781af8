import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { RecordRef } from './archive/scan.js';

/** The extensions a directory walk or a glob picks up unless `--ext` says otherwise (`.warc.gz` counts as one). */
export const DEFAULT_EXTENSIONS = ['.html', '.htm', '.xhtml', '.pdf', '.txt', '.md', '.warc', '.warc.gz', '.wacz'];

export interface DiscoverOptions {
  /** Lower-case extensions with their dot; files named explicitly are taken whatever theirs. */
  extensions: string[];
  /** Globs a file must match (any of) to be taken; empty takes every file. */
  include: string[];
  /** Globs that drop a file or prune a whole directory. */
  exclude: string[];
  /** Walk into hidden (dot) files and directories. */
  hidden: boolean;
  /** Absolute directories never walked into (the output directory). */
  prune: string[];
}

/** One document to convert. */
export interface Input {
  /** The path as given or as walked (normalised); opened, displayed, recorded in `source.path`. */
  path: string;
  /** POSIX path the output mirrors under `--out-dir` (never absolute, never with `..`); a record's comes from its URL. */
  rel: string;
  /** A record of a web archive (`path` is then the archive). */
  record?: RecordRef;
}

/** An entry that could not be taken: reported per path, never fatal to the batch. */
export interface Problem {
  path: string;
  code: 'NOT_FOUND' | 'UNREADABLE' | 'SYMLINK_LOOP' | 'NOT_REGULAR' | 'BAD_ARCHIVE' | 'NOT_AN_ARCHIVE';
  message: string;
}

export interface Discovery {
  inputs: Input[];
  problems: Problem[];
  /** Hidden (dot) files and directories passed over in walks (without `hidden`). */
  hidden: string[];
}

/** An argument: a file, a directory or a glob (`literal` for --files-from lines: never a glob). */
export interface Argument {
  value: string;
  literal?: boolean;
}

/**
 * Expand arguments into documents, in a stable order: arguments in the order given, directory
 * entries sorted by name. Duplicates (the same file reached twice) are kept once.
 * Hand-written rather than tinyglobby/fast-glob: the walk must report symlink loops and unreadable
 * directories per path and carry on, and must prune the output directory.
 */
export async function discover(args: Argument[], options: DiscoverOptions): Promise<Discovery> {
  const walker = new Walker(options);
  for (const arg of args) await walker.argument(arg);
  return { inputs: walker.inputs, problems: walker.problems, hidden: walker.hidden };
}

class Walker {
  readonly inputs: Input[] = [];
  readonly problems: Problem[] = [];
  readonly hidden: string[] = [];
  private readonly seen = new Set<string>();
  private readonly extensions: Set<string>;
  private readonly included: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;

  constructor(private readonly options: DiscoverOptions) {
    this.extensions = new Set(options.extensions.map((e) => e.toLowerCase()));
    const match = (globs: string[]) => (globs.length ? picomatch(globs, { dot: true, basename: true }) : () => false);
    this.included = options.include.length ? match(options.include) : () => true;
    this.excluded = match(options.exclude);
  }

  async argument(arg: Argument): Promise<void> {
    const scan = arg.literal ? null : picomatch.scan(arg.value);
    if (scan?.isGlob) return this.glob(arg.value, scan.base || '.', scan.glob);
    const path = normalize(arg.value);
    const info = await this.stat(path);
    if (!info) return;
    if (info.isDirectory()) {
      await this.walk(path, mirrorPath(path), [], Infinity, null);
    } else if (info.isFile()) {
      this.add(path, mirrorPath(path), true);
    } else {
      this.problems.push({ path, code: 'NOT_REGULAR', message: 'not a regular file or directory' });
    }
  }

  private async glob(pattern: string, base: string, glob: string): Promise<void> {
    const root = normalize(base);
    const info = await this.stat(root, false);
    if (!info?.isDirectory()) return; // a glob that matches nothing is not an error
    const matches = picomatch(toPosix(normalize(pattern)), { dot: this.options.hidden });
    // Without `**` a glob cannot match deeper than its own number of segments.
    const depth = glob.includes('**') ? Infinity : glob.split('/').length;
    await this.walk(root, mirrorPath(root), [], depth, (path) => matches(toPosix(path)));
  }

  /** Walk a directory; `ancestors` holds dev:ino of the directories above (symlink loop guard). */
  private async walk(dir: string, rel: string, ancestors: string[], depth: number, filter: ((path: string) => boolean) | null): Promise<void> {
    if (depth <= 0) return;
    const here = await this.stat(dir);
    if (!here) return;
    const id = `${here.dev}:${here.ino}`;
    if (ancestors.includes(id)) {
      this.problems.push({ path: dir, code: 'SYMLINK_LOOP', message: 'symbolic link loop: this directory contains itself; not walked again' });
      return;
    }
    if (this.options.prune.some((p) => resolve(dir) === p)) return;
    let names: string[];
    try {
      names = (await readdir(dir)).sort(byCodePoint);
    } catch (error) {
      this.problems.push({ path: dir, ...fsProblem(error) });
      return;
    }
    const chain = [...ancestors, id];
    for (const name of names) {
      const path = join(dir, name);
      if (!this.options.hidden && name.startsWith('.')) {
        // Counted, so that the summary and the report say what was passed over.
        if (!this.options.prune.includes(resolve(path))) this.hidden.push(path);
        continue;
      }
      const childRel = rel ? `${rel}/${name}` : name;
      if (this.excluded(toPosix(path))) continue;
      const info = await this.stat(path);
      if (!info) continue;
      if (info.isDirectory()) {
        await this.walk(path, childRel, chain, depth - 1, filter);
      } else if (info.isFile()) {
        if (!this.extensions.has(extensionOf(name)) && !(name.toLowerCase().endsWith('.warc.gz') && this.extensions.has('.warc.gz'))) continue;
        if (filter && !filter(path)) continue;
        this.add(path, childRel, false);
      } else {
        this.problems.push({ path, code: 'NOT_REGULAR', message: 'not a regular file (socket, FIFO or device); skipped' });
      }
    }
  }

  private add(path: string, rel: string, explicit: boolean): void {
    if (!explicit && !this.included(toPosix(path))) return;
    if (explicit && this.excluded(toPosix(path))) return;
    const key = resolve(path);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.inputs.push({ path, rel });
  }

  /** stat() following links; a missing or unreadable entry becomes a reported problem. */
  private async stat(path: string, report = true): Promise<Stats | null> {
    try {
      return await stat(path);
    } catch (error) {
      if (report) this.problems.push({ path, ...fsProblem(error) });
      return null;
    }
  }
}

function fsProblem(error: unknown): Pick<Problem, 'code' | 'message'> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'NOT_FOUND', message: 'no such file or directory (or a broken symbolic link)' };
  if (code === 'ELOOP') return { code: 'SYMLINK_LOOP', message: 'symbolic link loop' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'UNREADABLE', message: 'permission denied' };
  return { code: 'UNREADABLE', message: `cannot read: ${(error as Error).message}` };
}

/**
 * The POSIX path an argument mirrors to under --out-dir: its path from the current directory,
 * or, when it lies outside it (absolute elsewhere, or through `..`), its own last name, as
 * `cp -r` does. '' for the current directory itself.
 */
function mirrorPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return basename(resolve(path));
  return toPosix(rel);
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
