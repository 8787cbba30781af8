import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** How one expected output compares with a fresh conversion. */
export type CheckState = 'same' | 'stale' | 'missing';

export async function compareFile(path: string, fresh: string): Promise<{ state: CheckState; committed: string | null }> {
  let committed: string;
  try {
    committed = await readFile(path, 'utf8');
  } catch {
    return { state: 'missing', committed: null };
  }
  return { state: committed === fresh ? 'same' : 'stale', committed };
}

/** Lines of context shown around the first difference. */
const CONTEXT_LINES = 2;
/** At most this many changed lines are shown: the excerpt points at the change, `diff` shows all. */
const SHOWN_LINES = 6;

/**
 * A short excerpt of how a file differs: the lines around the first difference, `-` committed,
 * `+` fresh. Hand-written because it is an excerpt for a CI log, not a full diff (no diff
 * library is a dependency; `diff -r` of a fresh --out-dir gives the whole picture).
 */
export function shortDiff(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let endA = a.length;
  let endB = b.length;
  while (endA > first && endB > first && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const lines = [`@@ line ${first + 1} @@`];
  for (let i = Math.max(0, first - CONTEXT_LINES); i < first; i++) lines.push(`  ${a[i]}`);
  const removed = a.slice(first, endA);
  const added = b.slice(first, endB);
  for (const line of removed.slice(0, SHOWN_LINES)) lines.push(`- ${line}`);
  if (removed.length > SHOWN_LINES) lines.push(`  ... ${removed.length - SHOWN_LINES} more lines removed`);
  for (const line of added.slice(0, SHOWN_LINES)) lines.push(`+ ${line}`);
  if (added.length > SHOWN_LINES) lines.push(`  ... ${added.length - SHOWN_LINES} more lines added`);
  for (let i = endA; i < Math.min(a.length, endA + CONTEXT_LINES); i++) lines.push(`  ${a[i]}`);
  return lines.join('\n');
}

/**
 * Files under `outDir` that no input produces (`expected`: the absolute paths of every input's
 * outputs), as paths under `outDir`, sorted: the outputs of inputs since removed or renamed, or
 * files put there by hand. The resume state directory (`stateDir`, at the top) is not an output.
 */
export async function orphans(outDir: string, expected: Set<string>, stateDir: string): Promise<string[]> {
  const found: string[] = [];
  const root = resolve(outDir);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // a directory that went away, or cannot be read: nothing to say of its files
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === root && entry.name === stateDir)) stack.push(path);
      } else if (!expected.has(path)) {
        found.push(join(outDir, relative(root, path)));
      }
    }
  }
  return found.sort();
}
