import { createWriteStream, type WriteStream } from 'node:fs';
import type { Warning } from '../types.js';
import { NO_TEXT_RULE } from '../messages.js';
import type { CheckState } from './check.js';

export type Status = 'ok' | 'warning' | 'error' | 'skipped';

/** One line of the --report JSONL: what happened to one input. */
export interface ReportLine {
  path: string;
  status: Status;
  outputs: string[];
  sha256: string | null;
  bytes: number | null;
  ms: number;
  warnings: Warning[];
  error: { code: string; message: string } | null;
  /** Why an input was skipped (`up to date`, `symbolic link loop`...). */
  reason?: string;
  /** --explain: every block removed, with its rule (the audit trail; absent without --explain). */
  explain?: Warning[];
  /** --check: how the committed outputs compare with a fresh conversion. */
  check?: CheckState;
  /** A web archive's record (`path` is the archive): where it is, and what it captured. */
  warc?: { member: string | null; offset: number; recordId: string | null; targetUri: string | null; date: string | null };
}

/** The --report file: one JSON line per input, written as each finishes. */
export class ReportFile {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  write(line: ReportLine): void {
    this.stream.write(`${JSON.stringify(line)}\n`);
  }

  async close(): Promise<void> {
    await new Promise<void>((done, fail) => this.stream.end((error?: Error | null) => (error ? fail(error) : done())));
  }
}

/** The reason of the report line of a hidden file or directory a walk passed over. */
export const HIDDEN_REASON = 'hidden (its name starts with a dot); --hidden takes it';

/** Totals for the summary line. */
export class Tally {
  readonly counts: Record<Status, number> = { ok: 0, warning: 0, error: 0, skipped: 0 };
  bytes = 0;
  /** Inputs converted without any text layer (scanned PDFs that need OCR). */
  noText = 0;
  /** Hidden files and directories a walk passed over (not inputs: reported, not counted in `done`). */
  hidden = 0;
  /** Web archive records passed over, by reason (not inputs: reported, not counted in `done`). */
  readonly skippedRecords = new Map<string, number>();
  private readonly started = performance.now();

  add(line: ReportLine): void {
    this.counts[line.status]++;
    if (line.warnings.some((w) => w.rule === NO_TEXT_RULE)) this.noText++;
    if (line.status !== 'skipped' && line.bytes) this.bytes += line.bytes;
  }

  skipRecord(reason: string): void {
    this.skippedRecords.set(reason, (this.skippedRecords.get(reason) ?? 0) + 1);
  }

  get done(): number {
    return this.counts.ok + this.counts.warning + this.counts.error + this.counts.skipped;
  }

  /** `12 inputs: 9 ok, 1 warning, 1 error, 1 skipped in 2.1 s (4.3 docs/s, 0.8 MB/s)[; 2 hidden files skipped ...]`. */
  summary(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const converted = this.counts.ok + this.counts.warning + this.counts.error;
    const rate = seconds > 0 ? converted / seconds : 0;
    const mbps = seconds > 0 ? this.bytes / 1e6 / seconds : 0;
    const { ok, warning, error, skipped } = this.counts;
    const hidden = this.hidden > 0 ? `; ${this.hidden} hidden ${this.hidden === 1 ? 'file' : 'files'} skipped (--hidden takes them)` : '';
    const reasons = [...this.skippedRecords].sort(([a], [b]) => (a < b ? -1 : 1));
    const total = reasons.reduce((sum, [, n]) => sum + n, 0);
    const records = total > 0 ? `; ${total} archive ${total === 1 ? 'record' : 'records'} skipped (${reasons.map(([reason, n]) => `${n} ${reason}`).join(', ')})` : '';
    return `${this.done} inputs: ${ok} ok, ${warning} warning, ${error} error, ${skipped} skipped in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s, ${mbps.toFixed(1)} MB/s)${hidden}${records}`;
  }
}
