import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Every place a run will write is tried before any input is converted, so a wrong path fails
// once, at once, with exit 2 — not once per document after all the work is done.

/** Whether `dir` can hold outputs: created if missing, then a probe file written and removed. Null when it can, else why not. */
export async function outDirProblem(dir: string): Promise<string | null> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return `--out-dir ${dir} is a file, not a directory`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `--out-dir ${dir}: ${reason(error)}`;
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      return `cannot create --out-dir ${dir}: ${reason(error)}`;
    }
  }
  const probe = join(dir, `.unboil-probe-${process.pid}`);
  try {
    await (await open(probe, 'w')).close();
    await rm(probe, { force: true });
  } catch (error) {
    return `cannot write in --out-dir ${dir}: ${reason(error)}`;
  }
  return null;
}

/**
 * Whether a file can be written at `path` (`what` names the option, e.g. "--report"): its
 * directory must exist and, with `create`, the file is created (empty) to prove it can be.
 */
export async function outFileProblem(path: string, what: string, create = true): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return `${what} ${path} is a directory; give a file name`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const parent = dirname(path);
      try {
        if (!(await stat(parent)).isDirectory()) return `${what} ${path}: ${parent} is not a directory`;
      } catch {
        return `${what} ${path}: no such directory ${parent}`;
      }
    }
  }
  if (!create) return null;
  try {
    await (await open(path, 'a')).close();
  } catch (error) {
    return `cannot write ${what} ${path}: ${reason(error)}`;
  }
  return null;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file stands where a directory is needed';
  if (code === 'ENOSPC') return 'no space left on device';
  return (error as Error).message;
}
