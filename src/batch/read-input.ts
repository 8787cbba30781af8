import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { isUnboilError, UnboilError } from '../errors.js';

// A module of its own: the CLI reads a single page with it without loading the batch machinery,
// and the batch pool's workers read their inputs with it.

/** Read one input (`-` is stdin), refusing more than maxBytes; throws an UnboilError (a code and a cause). */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  return path === '-' ? readStdin(maxBytes) : readInputFile(path, maxBytes, false);
}

/**
 * Read one input file, refusing more than maxBytes; throws an UnboilError. Synchronous: it is
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
    if (info.isDirectory()) throw new UnboilError('UNREADABLE', 'is a directory');
    if (info.size > maxBytes) throw new UnboilError('TOO_LARGE', `is ${info.size} bytes, more than --max-bytes ${maxBytes}`);
    return readFileSync(fd);
  } catch (error) {
    throw isUnboilError(error) ? error : fsError(error, seenAtDiscovery);
  } finally {
    closeSync(fd);
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

/** `seenAtDiscovery`: a batch's walk found the file, so a missing one was removed since. */
function fsError(error: unknown, seenAtDiscovery: boolean): UnboilError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnboilError('NOT_FOUND', seenAtDiscovery ? 'no such file (removed after the batch started?)' : 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new UnboilError('UNREADABLE', 'permission denied');
  if (code === 'EISDIR') return new UnboilError('UNREADABLE', 'is a directory');
  return new UnboilError('UNREADABLE', `cannot read: ${(error as Error).message}`);
}
