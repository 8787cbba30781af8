import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';

// A module of its own: the CLI reads a single page with it without loading the batch machinery,
// and the batch pool's workers read their inputs with it.

/** Read one input (`-` is stdin), refusing more than maxBytes; errors carry a code and a cause. */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  return path === '-' ? readStdin(maxBytes) : readInputFile(path, maxBytes, false);
}

/**
 * Read one input file, refusing more than maxBytes; throws `{code, message}`. Synchronous: it is
 * called where nothing else waits (one page, or a pool worker about to convert it), and one
 * open + fstat + read + close costs less than the same calls handed to libuv's thread pool.
 */
export function readInputFile(path: string, maxBytes: number, seenAtDiscovery: boolean): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fsError(error, seenAtDiscovery);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw { code: 'UNREADABLE', message: 'is a directory' };
    if (info.size > maxBytes) throw { code: 'TOO_LARGE', message: `is ${info.size} bytes, more than --max-bytes ${maxBytes}` };
    return readFileSync(fd);
  } catch (error) {
    throw isReadError(error) ? error : fsError(error, seenAtDiscovery);
  } finally {
    closeSync(fd);
  }
}

/** An error thrown by readInput/readInputFile (a plain `{code, message}`, not an Error). */
export function isReadError(error: unknown): error is { code: string; message: string } {
  return typeof error === 'object' && error !== null && !(error instanceof Error) && typeof (error as { code?: unknown }).code === 'string';
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw { code: 'TOO_LARGE', message: `is more than --max-bytes ${maxBytes}` };
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `seenAtDiscovery`: a batch's walk found the file, so a missing one was removed since. */
function fsError(error: unknown, seenAtDiscovery: boolean): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: seenAtDiscovery ? 'no such file (removed after the batch started?)' : 'no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'UNREADABLE', message: 'permission denied' };
  if (code === 'EISDIR') return { code: 'UNREADABLE', message: 'is a directory' };
  return { code: 'UNREADABLE', message: `cannot read: ${(error as Error).message}` };
}
