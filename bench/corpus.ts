import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One document of a corpus in the ../shared/corpus format (manifest.jsonl). */
export interface CorpusEntry {
  id: string;
  doc: string;
  url?: string;
  truth?: string;
  meta?: Record<string, unknown>;
}

/**
 * The shared read-only folder (corpora, reference scorers): `../shared` beside the checkout, found
 * from a worktree too (`/work/wt/x` finds `/work/shared`): the nearest `shared` folder holding a
 * `corpus` folder, in the working directory's parent or any folder above it. `../shared` when none.
 */
export function sharedDir(): string {
  for (let dir = resolve('..'); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'corpus'))) return join(dir, 'shared');
    if (dirname(dir) === dir) return resolve('..', 'shared');
  }
}

export function readManifest(corpus: string): CorpusEntry[] {
  return readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusEntry);
}

/**
 * A document's bytes and the path to give convert(): a `.gz` document (wcxb-dev ships
 * `docs/<id>.html.gz`) is gunzipped, and its path loses the `.gz` so the format is sniffed from
 * what is inside.
 */
export function readDoc(corpus: string, entry: CorpusEntry): { bytes: Buffer; path: string } {
  const raw = readFileSync(join(corpus, entry.doc));
  if (!entry.doc.endsWith('.gz')) return { bytes: raw, path: entry.doc };
  return { bytes: gunzipSync(raw), path: entry.doc.slice(0, -'.gz'.length) };
}

/**
 * A corpus folder at `dir` holding only `entries`: their manifest lines, and a symlink to every
 * other item of `corpus` (truth/, docs/, ...). The reference scorers score every manifest entry, so
 * this is how they score one half.
 */
export function subsetCorpus(corpus: string, entries: CorpusEntry[], dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.jsonl'), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  for (const name of readdirSync(corpus)) if (name !== 'manifest.jsonl') symlinkSync(resolve(corpus, name), join(dir, name));
  return dir;
}

/** `--name value` options of a benchmark script. */
export function argValue(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : fallback;
}

export function hasFlag(name: string): boolean {
  return process.argv.includes(name);
}
