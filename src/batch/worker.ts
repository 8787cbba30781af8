/**
 * The worker thread of the batch pool (piscina loads this file's default export): converts one
 * document and returns the texts to write or compare. It touches no file: the main thread reads
 * inputs and writes outputs, so a worker terminated mid-document (timeout, memory) can never leave
 * a half-written output behind.
 */
import { threadId } from 'node:worker_threads';
import { convert } from '../convert.js';
import { isUnboilError } from '../errors.js';
import { metadataJson } from '../write/json.js';
import type { ConvertOptions, Message } from '../types.js';

export interface WorkerTask {
  bytes: Uint8Array;
  /** Path recorded in `source.path` (null for stdin). */
  path: string | null;
  options: ConvertOptions;
  /** `files` returns the Markdown and the JSON text; `ndjson` also a compact metadata line. */
  mode: 'files' | 'ndjson';
}

export type WorkerResult = (
  | { ok: true; markdown: string; json: string; metadataLine: string | null; sha256: string; messages: Message[] }
  | { ok: false; code: string; message: string }
) & {
  /** The thread that ran it and how many documents it has run: the pool recycles by these. */
  threadId: number;
  tasks: number;
};

let tasks = 0;

export default async function convertTask(task: WorkerTask): Promise<WorkerResult> {
  tasks++;
  try {
    const result = await convert(task.bytes, { ...task.options, path: task.path });
    return {
      ok: true,
      markdown: result.markdown,
      json: metadataJson(result.metadata),
      metadataLine: task.mode === 'ndjson' ? JSON.stringify(result.metadata) : null,
      sha256: result.metadata.source.sha256,
      messages: result.messages,
      threadId,
      tasks,
    };
  } catch (error) {
    // Errors are returned, not thrown: a thrown error loses its `code` crossing the thread boundary.
    if (isUnboilError(error)) return { ok: false, code: error.code, message: error.message, threadId, tasks };
    const message = error instanceof Error ? `unexpected error: ${error.message}` : String(error);
    return { ok: false, code: 'INTERNAL', message, threadId, tasks };
  }
}
