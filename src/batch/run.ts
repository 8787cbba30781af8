import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { VERSION } from '../version.js';
import type { ConvertOptions } from '../types.js';
import type { Input, Problem } from './discover.js';
import { ConvertPool, type PoolOptions, type PoolOutcome } from './pool.js';
import { closeGate, commitOutputs, newGate, planOutputs, removeTemporaries, type OutputPlan } from './outputs.js';
import { Journal, optionsHash } from './manifest.js';
import { compareFile, shortDiff, type CheckState } from './check.js';
import { Progress } from './progress.js';
import { HIDDEN_REASON, ReportFile, Tally, type ReportLine, type Status } from './report.js';
import { explainIn, warningsIn } from '../messages.js';
import { ndjsonErrorLine, ndjsonLine } from '../write/ndjson.js';
import { OrderedWindow } from './window.js';
import { readInput } from './read-input.js';
import type { InputFacts, Texts, WorkerTask } from './worker.js';
import type { RecordFacts, SkippedRecord } from './archive/scan.js';

export interface BatchOptions extends PoolOptions {
  /** `files` writes under outDir; `ndjson` streams lines to `stdout`; `check` compares with outDir. */
  mode: 'files' | 'ndjson' | 'check';
  outDir: string | null;
  /** The conversion options (the same for every input; their hash is part of resume). */
  convert: ConvertOptions;
  /** --ndjson lines and reporting in input order (false: as they finish). */
  ordered: boolean;
  /** Convert even inputs whose outputs are up to date. */
  force: boolean;
  maxBytes: number;
  /** fsync each output before its rename (survives a power cut, costs a little speed). */
  fsync: boolean;
  reportPath: string | null;
  quiet: boolean;
  verbose: boolean;
  /** Show the progress bar (the caller decides: stderr is a TTY and not --quiet). */
  progress: boolean;
  /** Fold the resume journal into one file at the end (safe only when no other run shares outDir). */
  compactJournal: boolean;
  stdout: Writable;
  /** Aborted on SIGINT/SIGTERM: stop cleanly, keep what is complete. A reason that is a non-empty string is printed (above the progress bar). */
  signal: AbortSignal;
  /** How many check differences get a short diff. */
  diffsShown?: number;
  /** Hidden files and directories the walk passed over: a report line each, and a count in the summary. */
  hidden?: string[];
  /** Web archive records passed over (not pages, not 2xx...): a report line each, and counts by reason in the summary. */
  skippedRecords?: SkippedRecord[];
  /** Called after the batch is set up, before the first document (tests remove a directory here). */
  beforeFirst?: () => Promise<void>;
}

export interface BatchResult {
  tally: Tally;
  /** The run stopped early: 'interrupted' (signal) or a fatal write error message. */
  stopped: 'interrupted' | string | null;
  /** Outputs that --check found stale or missing. */
  differing: number;
}

/** Outcome of one input before it is reported. */
interface Done {
  line: ReportLine;
  ndjson: string | null;
  /** Lines for stderr (errors always; warnings and --explain lines with --verbose). */
  notes: string[];
  /** Lines for stdout in --check mode. */
  checkLines: string[];
}

/** Write errors after which every further write would fail too: the batch stops. */
const FATAL_WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE']);

/** Documents read ahead of the pool per job: keeps workers fed while bounding memory. */
const READ_AHEAD_PER_JOB = 3;

/**
 * Convert a batch of inputs: a window of documents in flight (read, hashed, resume-checked,
 * converted in the pool, written or compared, reported), never the whole batch in memory.
 */
export async function runBatch(inputs: Input[], problems: Problem[], options: BatchOptions): Promise<BatchResult> {
  const tally = new Tally();
  const report = options.reportPath ? new ReportFile(options.reportPath) : null;
  const progress = new Progress(inputs.length + problems.length, options.progress);
  const hash = optionsHash({ ...options.convert });
  // Read even with --force: replacing an output must withdraw what older lines said of it.
  const journal = options.mode === 'files' && options.outDir ? await Journal.open(options.outDir, options.fsync) : null;
  const result: BatchResult = { tally, stopped: null, differing: 0 };
  const state = { diffsLeft: options.diffsShown ?? 3 };

  // Set while stdout is full (a slow reader of --ndjson): no new document starts until it drains,
  // so a slow pipe cannot make finished documents pile up in memory.
  let stdoutFull: Promise<void> | null = null;
  const emit = (done: Done): void => {
    tally.add(done.line);
    report?.write(done.line);
    if (done.ndjson !== null && !options.stdout.write(done.ndjson) && !stdoutFull) {
      stdoutFull = new Promise<void>((drained) => options.stdout.once('drain', () => ((stdoutFull = null), drained())));
    }
    for (const line of done.checkLines) options.stdout.write(`${line}\n`);
    for (const note of done.notes) progress.log(note);
    progress.update({ done: tally.done, failed: tally.counts.error });
  };

  for (const problem of problems) emit(problemDone(problem));
  for (const path of options.hidden ?? []) {
    tally.hidden++;
    report?.write({ path, status: 'skipped', outputs: [], sha256: null, bytes: null, ms: 0, warnings: [], error: null, reason: HIDDEN_REASON });
  }
  for (const record of options.skippedRecords ?? []) {
    tally.skipRecord(record.reason);
    report?.write({ path: record.file, status: 'skipped', outputs: [], sha256: null, bytes: null, ms: 0, warnings: [], error: null, reason: `${record.reason}: ${record.detail}`, warc: warcFacts(record) });
  }

  // piscina leaves its threads unreferenced while they boot or idle: without a handle of our own,
  // Node could find its event loop empty and exit (code 0) mid-batch, e.g. while a replacement
  // worker starts, or while the pool shuts down at the end.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    return await convertAll();
  } finally {
    clearInterval(keepAlive);
  }

  async function convertAll(): Promise<BatchResult> {
    await options.beforeFirst?.();
    const pool = inputs.length > 0 ? new ConvertPool({ ...options, jobs: Math.min(options.jobs, inputs.length) }) : null;
    let stopped!: () => void;
    const whenStopped = new Promise<void>((resolve) => (stopped = resolve));
    // One lane per document in the window; the pool itself admits only `jobs` at once.
    const window: OrderedWindow<Done> = new OrderedWindow<Done>({
      count: inputs.length,
      size: Math.max(2, options.jobs * READ_AHEAD_PER_JOB),
      ordered: options.ordered,
      work: (index) => work(index),
      emit,
      stopped: () => result.stopped !== null,
      whenStopped,
      paused: () => stdoutFull,
    });
    // Documents in the pool, each with the gate its worker passes before writing outputs.
    const inFlight = new Set<{ gate: Int32Array; outcome: Promise<PoolOutcome> }>();
    const run = async (task: WorkerTask): Promise<PoolOutcome> => {
      const gate = newGate();
      const entry = { gate, outcome: pool!.run(task.write ? { ...task, gate } : task) };
      inFlight.add(entry);
      try {
        return await entry.outcome;
      } finally {
        inFlight.delete(entry);
      }
    };
    const stop = (reason: string) => {
      if (result.stopped) return;
      result.stopped = reason;
      stopped();
      window.wake();
      // Workers still converting are stopped at once; one already writing finishes, so that its
      // outputs are whole and recorded.
      const writing = [...inFlight].filter((e) => closeGate(e.gate)).map((e) => e.outcome);
      void Promise.allSettled(writing).then(() => pool?.destroy());
    };
    if (options.signal.aborted) stop('interrupted');
    options.signal.addEventListener(
      'abort',
      () => {
        const reason: unknown = options.signal.reason;
        if (typeof reason === 'string' && reason !== '') progress.log(`unboil: ${reason}`);
        stop('interrupted');
      },
      { once: true },
    );

    const one = async (index: number): Promise<Done | null> => {
      const input = inputs[index]!;
      const started = performance.now();
      const plan = options.outDir ? planOutputs(options.outDir, input) : null;
      const base = { path: input.path, outputs: [] as string[], sha256: null as string | null, bytes: null as number | null };
      const warc = input.record ? { warc: warcFacts(input.record) } : {};
      const where = input.record ? `${display(input.path)} (record at byte ${input.record.offset}${input.record.member ? ` of ${input.record.member}` : ''})` : display(input.path);
      const fail = (code: string, message: string): Done => ({
        line: { ...base, status: 'error', ms: elapsed(started), warnings: [], error: { code, message }, ...warc },
        ndjson: options.mode === 'ndjson' ? ndjsonErrorLine(input.path, { code, message }, warc) : null,
        notes: [`unboil: ${where}: ${message}`],
        checkLines: [],
      });

      const writeFailed = (cause: string | undefined, message: string): Done => {
        if (cause && FATAL_WRITE_CODES.has(cause)) stop(`cannot write ${plan!.md}: ${message}`);
        return fail('WRITE_FAILED', `cannot write its outputs: ${message}`);
      };

      // Only stdin is read here; a worker reads a file itself (no copy of its bytes between threads).
      let stdin: Uint8Array | null = null;
      if (input.path === '-') {
        try {
          stdin = await readInput(input.path, options.maxBytes);
        } catch (error) {
          const { code, message } = error as { code: string; message: string };
          return fail(code, message);
        }
      }
      if (result.stopped) return null;
      const files = options.mode === 'files' && plan && journal;
      const task: WorkerTask = {
        input: stdin ? { bytes: stdin } : input.record ? { record: input.record, maxBytes: options.maxBytes } : { file: input.path, maxBytes: options.maxBytes },
        path: input.path === '-' ? null : input.path,
        options: options.convert,
        mode: options.mode,
        write: files ? { outDir: options.outDir!, plan: plan! } : null,
        // Outputs the journal vouches for are up to date if the input still has the same bytes.
        unchangedIf: files && !options.force ? journal!.vouchedFor(plan!, VERSION, hash) : null,
      };
      if (files) {
        // The journal stops vouching for outputs of another version or options before a worker replaces them.
        try {
          await journal!.invalidate(plan!, VERSION, hash);
        } catch (error) {
          return writeFailed((error as NodeJS.ErrnoException).code, (error as Error).message);
        }
      }
      let outcome = await run(task);
      if (outcome.ok && outcome.unchanged) {
        base.sha256 = outcome.sha256;
        base.bytes = outcome.bytes;
        if (await journal!.upToDate(plan!, { sha256: outcome.sha256!, version: VERSION, options: hash })) {
          const line: ReportLine = { ...base, status: 'skipped', outputs: [plan!.md, plan!.json], ms: elapsed(started), warnings: [], error: null, reason: 'up to date', ...warc };
          return { line, ndjson: null, notes: options.verbose ? [`unboil: ${where}: up to date`] : [], checkLines: [] };
        }
        // Same bytes, but an output is missing or damaged: convert after all.
        if (result.stopped) return null;
        outcome = await run({ ...task, unchangedIf: null });
      }
      base.sha256 = outcome.sha256;
      base.bytes = outcome.bytes;
      if (!outcome.ok) {
        // A worker terminated mid-document (timeout, crash, stop) may have left a temporary file.
        if (files && !('threadId' in outcome)) await removeTemporaries(plan!);
        if (outcome.code === 'INTERRUPTED' || result.stopped) return null;
        if ('cause' in outcome) return writeFailed(outcome.cause, outcome.message);
        // The worker died before saying what it read: the report still gives the input's hash.
        if (base.sha256 === null && !stdin && !input.record) Object.assign(base, await factsOf(input.path));
        return fail(outcome.code, outcome.message);
      }
      if (outcome.unchanged) throw new Error('a worker answered `unchanged` when not asked');
      const warnings = warningsIn(outcome.messages);
      const status: Status = warnings.length > 0 ? 'warning' : 'ok';
      const explained = options.convert.explain ? explainIn(outcome.messages) : null;
      const notes: string[] = [];
      if (options.verbose) {
        notes.push(`unboil: ${where}${plan ? ` -> ${plan.md}` : ''} (${status}, ${elapsed(started)} ms)`);
        for (const w of warnings) notes.push(`unboil: ${where}: warning: ${w.message} [${w.rule}]`);
        for (const e of explained ?? []) notes.push(`unboil: ${where}: explain: ${e.message} [${e.rule}]`);
      }
      const line: ReportLine = { ...base, status, ms: 0, warnings, error: null, ...(explained ? { explain: explained } : {}), ...warc };

      const converted: Converted = { path: input.path, plan, status, texts: outcome.texts, line, notes, checkLines: [], ndjson: null };
      try {
        await FINISH[options.mode](converted, { options, journal, hash, result, diffs: state, record: { sha256: outcome.sha256!, ...outcome.written! } });
      } catch (error) {
        return writeFailed((error as NodeJS.ErrnoException).code, (error as Error).message);
      }
      line.ms = elapsed(started);
      return { line, ndjson: converted.ndjson, notes, checkLines: converted.checkLines };
    };

    /** One document, never throwing: a batch that stopped reports it as skipped. */
    const work = async (index: number): Promise<Done | null> => {
      let done: Done | null;
      try {
        done = await one(index);
      } catch (error) {
        done = null;
        progress.log(`unboil: ${display(inputs[index]!.path)}: internal error: ${(error as Error).message}`);
      }
      if (done !== null || !result.stopped) return done;
      const line: ReportLine = { path: inputs[index]!.path, status: 'skipped', outputs: [], sha256: null, bytes: null, ms: 0, warnings: [], error: null, reason: result.stopped === 'interrupted' ? 'interrupted' : 'batch stopped' };
      return { line, ndjson: null, notes: [], checkLines: [] };
    };
    await window.run();

    progress.stop();
    await pool?.destroy();
    if (journal) {
      if (options.compactJournal && !result.stopped) await journal.compact();
      else await journal.close();
    }
    await report?.close();
    return result;
  }
}

/** A converted document on its way to the finishing step of its mode. */
interface Converted {
  path: string;
  plan: OutputPlan | null;
  status: Status;
  texts: Texts | null;
  line: ReportLine;
  notes: string[];
  checkLines: string[];
  ndjson: string | null;
}

/** What the finishing steps share: the batch's options, journal and counts. */
interface Finishing {
  options: BatchOptions;
  journal: Journal | null;
  hash: string;
  result: BatchResult;
  diffs: { diffsLeft: number };
  /** What the journal records of the outputs a worker wrote. */
  record: { sha256: string; md?: string; json?: string };
}

/**
 * The one finishing step of each mode, after a document converted: put its outputs in place and
 * record them (`files`), compare them with those on disk (`check`), or make its line (`ndjson`).
 * A write error is thrown.
 */
const FINISH: Record<BatchOptions['mode'], (doc: Converted, batch: Finishing) => Promise<void>> = {
  async files(doc, { options, journal, hash, record }) {
    if (!doc.plan || !journal) return;
    // The worker wrote both outputs to temporaries: put them in place, then record them.
    await commitOutputs(doc.plan, options.fsync);
    await journal.record(doc.plan, { sha256: record.sha256, version: VERSION, options: hash, md: record.md!, json: record.json! });
    doc.line.outputs = [doc.plan.md, doc.plan.json];
  },
  async check(doc, { result, diffs }) {
    if (!doc.plan) return;
    for (const [file, fresh] of [
      [doc.plan.md, doc.texts!.markdown],
      [doc.plan.json, doc.texts!.json],
    ] as const) {
      const { state, committed } = await compareFile(file, fresh);
      doc.line.check = worse(doc.line.check, state);
      if (state === 'same') continue;
      result.differing++;
      doc.checkLines.push(`${state}: ${file}`);
      if (state === 'stale' && diffs.diffsLeft > 0) {
        diffs.diffsLeft--;
        doc.checkLines.push(indent(shortDiff(committed!, fresh)));
      }
    }
  },
  async ndjson(doc) {
    doc.ndjson = ndjsonLine(doc.path, doc.status, doc.texts!.markdown, doc.texts!.metadataLine!);
  },
};

/** What the report says of a record: where it is in its archive. */
function warcFacts({ member, offset, recordId, targetUri, date }: RecordFacts): NonNullable<ReportLine['warc']> {
  return { member, offset, recordId, targetUri, date };
}

/** The sha256 and size of an input file, or nulls when it cannot be read. */
async function factsOf(path: string): Promise<InputFacts> {
  try {
    const bytes = await readFile(path);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  } catch {
    return { sha256: null, bytes: null };
  }
}

function worse(a: CheckState | undefined, b: CheckState): CheckState {
  const rank = { same: 0, stale: 1, missing: 2 } as const;
  return a && rank[a] >= rank[b] ? a : b;
}

function problemDone(problem: Problem): Done {
  const skipped = problem.code === 'SYMLINK_LOOP' || problem.code === 'NOT_REGULAR';
  const line: ReportLine = {
    path: problem.path,
    status: skipped ? 'skipped' : 'error',
    outputs: [],
    sha256: null,
    bytes: null,
    ms: 0,
    warnings: [],
    error: skipped ? null : { code: problem.code, message: problem.message },
    ...(skipped ? { reason: problem.message } : {}),
  };
  return { line, ndjson: null, notes: [`unboil: ${problem.path}: ${problem.message}`], checkLines: [] };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function display(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
