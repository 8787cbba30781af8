import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One document of a corpus in the ../shared/corpus format (manifest.jsonl). */
export interface CorpusEntry {
  id: string;
  doc: string;
  url?: string;
  truth?: string;
  meta?: Record<string, unknown>;
}

export function readManifest(corpus: string): CorpusEntry[] {
  return readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusEntry);
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
