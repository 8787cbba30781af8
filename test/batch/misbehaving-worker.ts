// A stand-in for src/batch/worker.ts that misbehaves on purpose, by the task's path:
// `hang` never returns (synchronous loop), `oom` exhausts the heap, `slow` takes 1.5 s, anything
// else succeeds at once.
import { threadId } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from '../../src/batch/worker.js';

let tasks = 0;

export default function misbehave(task: WorkerTask): WorkerResult {
  tasks++;
  const name = task.path ?? '';
  if (name.endsWith('hang')) for (;;);
  if (name.endsWith('slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
  if (name.endsWith('oom')) {
    const hoard: unknown[] = [];
    for (;;) hoard.push(Array.from({ length: 10_000 }, (_, i) => ({ i })));
  }
  return { ok: true, unchanged: false, messages: [], texts: { markdown: `# ${task.path}\n`, json: '{}\n', metadataLine: null }, written: null, sha256: '', bytes: 0, threadId, tasks };
}
