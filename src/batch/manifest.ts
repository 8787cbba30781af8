import { closeSync, createWriteStream, fdatasync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { OutputPlan } from './outputs.js';

/** The directory under --out-dir that holds the resume journal (never walked as input). */
export const STATE_DIR = '.unboil';

/** What made an output: the input bytes, the unboil version and the options that change outputs. */
export interface Provenance {
  sha256: string;
  version: string;
  options: string;
}

/** The sha256 of each output as written: resume compares them with what is on disk. */
export interface OutputHashes {
  md: string;
  json: string;
}

/** A journal entry: what made the outputs, and what they were when written. */
type Made = Provenance & Partial<OutputHashes>;

/** The sha256 (hex) of an output's text, as the journal records it. */
export function outputHash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Journal lines appended between two fdatasyncs of the journal file. */
const SYNC_EVERY = 100;

/** A line that withdraws what the journal said of an output (matches nothing). */
const WITHDRAWN: Provenance = { sha256: '', version: '', options: '' };

interface JournalLine extends Made {
  key: string;
}

/** A short, stable hash of the options that change outputs (key order fixed by sorting). */
export function optionsHash(options: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

/**
 * The resume journal: append-only JSONL files under `DIR/.unboil/journal/`, one per run (so shards
 * writing the same DIR from many machines never share a file). A line is appended after both
 * outputs of an input are renamed into place, so a line always describes complete outputs; a line
 * lost or torn by a kill only means that input is converted again. The JSON's `source.sha256` and
 * `generator.version` say which bytes and version made it; the journal adds the options hash,
 * which the metadata schema has no place for.
 */
export class Journal {
  private readonly state = new Map<string, Made>();
  private readonly files: string[] = [];
  /** This run's journal file, appended with synchronous writes: lines reach the kernel in order. */
  private fd: number | null = null;
  private readonly dir: string;
  /** Lines appended since the last fdatasync, and the one under way (with `sync`). */
  private unsynced = 0;
  private syncing: Promise<void> | null = null;

  private constructor(
    outDir: string,
    private readonly sync: boolean,
  ) {
    this.dir = join(outDir, STATE_DIR, 'journal');
  }

  /** `sync`: flush the journal to disk every SYNC_EVERY lines and on close (as --fsync does outputs). */
  static async open(outDir: string, sync = false): Promise<Journal> {
    const journal = new Journal(outDir, sync);
    await journal.load();
    return journal;
  }

  private async load(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.jsonl')).sort();
    } catch {
      return;
    }
    for (const name of names) {
      let text: string;
      try {
        text = await readFile(join(this.dir, name), 'utf8');
      } catch {
        continue;
      }
      this.files.push(name);
      for (const line of text.split('\n')) {
        const entry = parseLine(line);
        if (entry) {
          const { key, ...made } = entry;
          this.state.set(key, entry.sha256 ? made : WITHDRAWN);
        }
      }
    }
  }

  /**
   * The sha256 of the input that made these outputs, if the journal vouches for outputs made by
   * this version and options: the input is up to date if it still has those bytes (and
   * upToDate() then finds the outputs whole). Null: the input must be converted.
   */
  vouchedFor(plan: OutputPlan, version: string, options: string): string | null {
    const made = this.state.get(plan.key);
    return made && made.sha256 && made.version === version && made.options === options ? made.sha256 : null;
  }

  /**
   * True when the outputs were made from these bytes, version and options, and are on disk as
   * they were written (their hashes match the journal's): an output edited, truncated or
   * removed by hand since is made again. An entry without output hashes (older journals) vouches
   * for nothing.
   */
  async upToDate(plan: OutputPlan, wanted: Provenance): Promise<boolean> {
    const made = this.state.get(plan.key);
    if (!made || made.sha256 !== wanted.sha256 || made.version !== wanted.version || made.options !== wanted.options) return false;
    if (!made.md || !made.json) return false;
    try {
      const [md, json] = await Promise.all([readFile(plan.md), readFile(plan.json)]);
      return outputHash(md) === made.md && outputHash(json) === made.json;
    } catch {
      return false;
    }
  }

  /** Record complete outputs, with their hashes. */
  async record(plan: OutputPlan, made: Provenance & OutputHashes): Promise<void> {
    await this.append({ key: plan.key, ...made });
    this.state.set(plan.key, made);
  }

  /**
   * Called before outputs are replaced: if the journal vouches for outputs that another version
   * or other options made, withdraw that first, so a run killed between the renames and the new
   * line can never leave the journal vouching for them. (Outputs of other bytes need no
   * withdrawal: the input no longer has the bytes the journal names.)
   */
  async invalidate(plan: OutputPlan, version: string, options: string): Promise<void> {
    const old = this.state.get(plan.key);
    if (!old || old === WITHDRAWN || (old.version === version && old.options === options)) return;
    await this.append({ key: plan.key, ...WITHDRAWN });
    this.state.set(plan.key, WITHDRAWN);
  }

  private async append(line: JournalLine): Promise<void> {
    if (this.fd === null) {
      await mkdir(this.dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}.jsonl`;
      this.fd = openSync(join(this.dir, name), 'a');
      this.files.push(name);
    }
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    // In batches, off the main thread: a line lost to a power cut only means that input is
    // converted again, so one fdatasync per line would buy nothing but cost.
    if (this.sync && ++this.unsynced >= SYNC_EVERY && !this.syncing) this.flush();
  }

  private flush(): Promise<void> {
    const fd = this.fd!;
    this.unsynced = 0;
    this.syncing = new Promise<void>((done) => fdatasync(fd, () => done())).then(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /**
   * Fold every journal file read or written into one, when this run was the only writer
   * (not sharded): keeps the journal from growing a file per run.
   */
  async compact(): Promise<void> {
    await this.close();
    if (this.files.length <= 1) return;
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${hostname()}-${process.pid}-compact.jsonl`;
    const out = createWriteStream(join(this.dir, name));
    for (const [key, made] of this.state) if (made !== WITHDRAWN) out.write(`${JSON.stringify({ key, ...made })}\n`);
    await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
    for (const file of this.files) await rm(join(this.dir, file), { force: true });
    this.files.splice(0, this.files.length, name);
  }

  async close(): Promise<void> {
    await this.syncing;
    if (this.fd !== null && this.sync && this.unsynced > 0) await this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

function parseLine(line: string): JournalLine | null {
  if (!line) return null;
  try {
    const value = JSON.parse(line) as Partial<JournalLine>;
    if (typeof value.key === 'string' && typeof value.sha256 === 'string' && typeof value.version === 'string' && typeof value.options === 'string') {
      return value as JournalLine;
    }
  } catch {
    // A line torn by a kill: that input is simply converted again.
  }
  return null;
}
