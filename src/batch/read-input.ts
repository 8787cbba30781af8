import { readFile, stat } from 'node:fs/promises';

// A module of its own: the CLI reads a single page with it without loading the batch machinery.

/** Read one input (`-` is stdin), refusing more than maxBytes; errors carry a code and a cause. */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  if (path === '-') return readStdin(maxBytes);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw fsError(error);
  }
  if (size > maxBytes) throw { code: 'TOO_LARGE', message: `is ${size} bytes, more than --max-bytes ${maxBytes}` };
  try {
    return await readFile(path);
  } catch (error) {
    throw fsError(error);
  }
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

function fsError(error: unknown): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'no such file (removed after the batch started?)' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'UNREADABLE', message: 'permission denied' };
  if (code === 'EISDIR') return { code: 'UNREADABLE', message: 'is a directory' };
  return { code: 'UNREADABLE', message: `cannot read: ${(error as Error).message}` };
}
