/**
 * The worker thread of the batch pool (piscina loads this file's default export): reads one input
 * and converts it, returning the texts to write or compare. It writes no file: the main thread
 * writes outputs, so a worker terminated mid-document (timeout, memory) can never leave a
 * half-written output behind. It reads its input itself, so that the bytes are neither read by
 * the main thread nor copied from it to the worker.
 */
import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { convert } from '../convert.js';
import { isUnboilError } from '../errors.js';
import { metadataJson } from '../write/json.js';
import type { ConvertOptions, Message } from '../types.js';
import { isReadError, readInputFile } from './read-input.js';

export interface WorkerTask {
  /** The document: bytes the main thread has (stdin), or a file the worker reads, refusing more than maxBytes. */
  input: { bytes: Uint8Array } | { file: string; maxBytes: number };
  /** Path recorded in `source.path` (null for stdin). */
  path: string | null;
  options: ConvertOptions;
  /** `files` returns the Markdown and the JSON text; `ndjson` also a compact metadata line. */
  mode: 'files' | 'ndjson';
  /**
   * The sha256 of the input that the resume journal says made the outputs. When the input still
   * has these bytes, the worker answers `unchanged` without converting (the main thread then
   * checks that the outputs are whole).
   */
  unchangedIf?: string | null;
}

/** What was read: the report's `sha256` and `bytes` (null when the input could not be read). */
export interface InputFacts {
  sha256: string | null;
  bytes: number | null;
}

export type WorkerResult = (
  | { ok: true; unchanged: false; markdown: string; json: string; metadataLine: string | null; messages: Message[] }
  | { ok: true; unchanged: true }
  | { ok: false; code: string; message: string }
) &
  InputFacts & {
    /** The thread that ran it and how many documents it has run: the pool recycles by these. */
    threadId: number;
    tasks: number;
  };

let tasks = 0;

export default async function convertTask(task: WorkerTask): Promise<WorkerResult> {
  tasks++;
  const facts: InputFacts = { sha256: null, bytes: null };
  let bytes: Uint8Array;
  try {
    bytes = 'bytes' in task.input ? task.input.bytes : readInputFile(task.input.file, task.input.maxBytes);
  } catch (error) {
    if (isReadError(error)) return { ok: false, code: error.code, message: error.message, ...facts, threadId, tasks };
    return { ok: false, code: 'UNREADABLE', message: `cannot read: ${(error as Error).message}`, ...facts, threadId, tasks };
  }
  facts.bytes = bytes.length;
  // convert() hashes the bytes itself; hashed here only to answer `unchanged` or to report a failure.
  const sha256 = () => (facts.sha256 ??= createHash('sha256').update(bytes).digest('hex'));
  if (task.unchangedIf && sha256() === task.unchangedIf) return { ok: true, unchanged: true, ...facts, threadId, tasks };
  try {
    const result = await convert(bytes, { ...task.options, path: task.path });
    facts.sha256 = result.metadata.source.sha256;
    return {
      ok: true,
      unchanged: false,
      markdown: result.markdown,
      json: metadataJson(result.metadata),
      metadataLine: task.mode === 'ndjson' ? JSON.stringify(result.metadata) : null,
      messages: result.messages,
      ...facts,
      threadId,
      tasks,
    };
  } catch (error) {
    sha256();
    // Errors are returned, not thrown: a thrown error loses its `code` crossing the thread boundary.
    if (isUnboilError(error)) return { ok: false, code: error.code, message: error.message, ...facts, threadId, tasks };
    const message = error instanceof Error ? `unexpected error: ${error.message}` : String(error);
    return { ok: false, code: 'INTERNAL', message, ...facts, threadId, tasks };
  }
}
