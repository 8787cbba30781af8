/**
 * The worker thread of the batch pool (piscina loads this file's default export): reads one input,
 * converts it, and either writes its outputs (a batch into --out-dir) or returns the texts (--ndjson,
 * --check). Reading and writing here, where nothing else waits, spares the main thread a copy of
 * every input and every output and a dozen file-system round trips a page.
 *
 * Outputs are written to temporary files (see OutputWriter), which the main thread flushes to
 * disk and renames into place (commitOutputs) before it records them in the resume journal: a
 * worker terminated mid-document (timeout, memory) leaves each output as it was, never partial.
 */
import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { convert } from '../convert.js';
import { isUnboilError } from '../errors.js';
import { metadataJson } from '../write/json.js';
import type { ConvertOptions, Message } from '../types.js';
import { readInputFile } from './read-input.js';
import { enterWrite, OutputWriter, type OutputPlan } from './outputs.js';
import { outputHash, type OutputHashes } from './manifest.js';
import { readRecord } from './archive/read-record.js';
import type { RecordRef } from './archive/scan.js';

export interface WorkerTask {
  /** The document: bytes the main thread has (stdin), a file or a web archive's record the worker reads, refusing more than maxBytes. */
  input: { bytes: Uint8Array } | { file: string; maxBytes: number } | { record: RecordRef; maxBytes: number };
  /** Path recorded in `source.path` (null for stdin). */
  path: string | null;
  options: ConvertOptions;
  /** `ndjson` also returns a compact metadata line. */
  mode: 'files' | 'ndjson' | 'check';
  /** Write the outputs here (files mode) instead of returning the texts. */
  write?: { outDir: string; plan: OutputPlan } | null;
  /**
   * The sha256 of the input that the resume journal says made the outputs. When the input still
   * has these bytes, the worker answers `unchanged` without converting (the main thread then
   * checks that the outputs are whole).
   */
  unchangedIf?: string | null;
  /** With `write`: the gate to pass before writing (see outputs.ts); closed, the worker writes nothing. */
  gate?: Int32Array | null;
}

/** What was read: the report's `sha256` and `bytes` (null when the input could not be read). */
export interface InputFacts {
  sha256: string | null;
  bytes: number | null;
}

/** The texts of a conversion, returned when they were not written (--ndjson, --check). */
export interface Texts {
  markdown: string;
  json: string;
  metadataLine: string | null;
}

export type WorkerResult = (
  | { ok: true; unchanged: false; messages: Message[]; texts: Texts | null; written: OutputHashes | null }
  | { ok: true; unchanged: true }
  /** `cause`: the system error code of a failed write (ENOSPC, EROFS, ...). */
  | { ok: false; code: string; message: string; cause?: string }
) &
  InputFacts & {
    /** The thread that ran it and how many documents it has run: the pool recycles by these. */
    threadId: number;
    tasks: number;
  };

let tasks = 0;
let writer: { outDir: string; writer: OutputWriter } | null = null;

export default async function convertTask(task: WorkerTask): Promise<WorkerResult> {
  tasks++;
  const facts: InputFacts = { sha256: null, bytes: null };
  const done = { threadId, tasks };
  let bytes: Uint8Array;
  let options: ConvertOptions = { ...task.options, path: task.path };
  const record = 'record' in task.input ? task.input.record : null;
  const recordWarnings: Message[] = [];
  try {
    if ('record' in task.input) {
      const payload = await readRecord(task.input.record, task.input.maxBytes);
      bytes = payload.bytes;
      for (const message of [...task.input.record.warnings, ...payload.warnings]) recordWarnings.push({ rule: 'warc-record', message, severity: 'warning' });
      options = { ...options, ...recordOptions(task.input.record) };
    } else {
      bytes = 'bytes' in task.input ? task.input.bytes : readInputFile(task.input.file, task.input.maxBytes, true);
    }
  } catch (error) {
    if (isUnboilError(error)) return { ok: false, code: error.code, message: error.message, ...facts, ...done };
    return { ok: false, code: 'UNREADABLE', message: `cannot read: ${(error as Error).message}`, ...facts, ...done };
  }
  facts.bytes = bytes.length;
  // convert() hashes the bytes itself; hashed here only to answer `unchanged` or to report a failure.
  const sha256 = () => (facts.sha256 ??= createHash('sha256').update(bytes).digest('hex'));
  const out = task.write ? writerFor(task.write.outDir) : null;
  if (task.unchangedIf && sha256() === task.unchangedIf) {
    // Temporaries a killed run left beside outputs that are up to date.
    if (out) out.removeLeftovers(task.write!.plan);
    return { ok: true, unchanged: true, ...facts, ...done };
  }
  let texts: Texts;
  let messages: Message[];
  try {
    const result = await convert(bytes, options);
    facts.sha256 = result.metadata.source.sha256;
    messages = result.messages;
    if (record) {
      const { file, member, offset, recordId, targetUri, date } = record;
      result.metadata.source.warc = { file, member, offset, recordId, targetUri, date };
      messages.unshift(...recordWarnings);
      result.metadata.warnings.unshift(...recordWarnings.map(({ rule, message }) => ({ rule, message })));
    }
    texts = { markdown: result.markdown, json: metadataJson(result.metadata), metadataLine: task.mode === 'ndjson' ? JSON.stringify(result.metadata) : null };
  } catch (error) {
    sha256();
    // Errors are returned, not thrown: a thrown error loses its `code` crossing the thread boundary.
    if (isUnboilError(error)) return { ok: false, code: error.code, message: error.message, ...facts, ...done };
    const message = error instanceof Error ? `unexpected error: ${error.message}` : String(error);
    return { ok: false, code: 'INTERNAL', message, ...facts, ...done };
  }
  if (!out) return { ok: true, unchanged: false, messages, texts, written: null, ...facts, ...done };
  if (task.gate && !enterWrite(task.gate)) return { ok: false, code: 'INTERRUPTED', message: 'interrupted', ...facts, ...done };
  try {
    out.stage(task.write!.plan, texts.markdown, texts.json);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return { ok: false, code: 'WRITE_FAILED', message: err.message, cause: err.code ?? 'EIO', ...facts, ...done };
  }
  // Hashed here, off the main thread: the journal keeps them, and resume compares them with the disk.
  const written = { md: outputHash(texts.markdown), json: outputHash(texts.json) };
  return { ok: true, unchanged: false, messages, texts: null, written, ...facts, ...done };
}

/** What a record tells the conversion: the URL it was captured from, the charset its HTTP header declared. */
function recordOptions(record: RecordRef): Pick<ConvertOptions, 'url' | 'charset'> {
  let url: string | null = null;
  try {
    url = record.targetUri && /^https?:$/.test(new URL(record.targetUri).protocol) ? record.targetUri : null;
  } catch {
    url = null;
  }
  return { url, charset: record.charset };
}

/** One writer per output directory (it remembers the directories it has checked). */
function writerFor(outDir: string): OutputWriter {
  if (writer?.outDir !== outDir) writer = { outDir, writer: new OutputWriter(outDir) };
  return writer.writer;
}
