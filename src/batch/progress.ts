import cliProgress from 'cli-progress';

/** Counts shown while a batch runs. */
export interface Counts {
  done: number;
  failed: number;
}

/**
 * The progress bar: on stderr, only when stderr is a terminal (never in logs or pipes) and not
 * --quiet. Shows done/total, docs/s, failures and ETA.
 */
export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly started = Date.now();

  constructor(total: number, enabled: boolean) {
    this.bar = enabled
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: ' {bar} {value}/{total} | {rate} docs/s | {failed} failed | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 200,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0, { rate: '0.0', failed: 0 });
  }

  update(counts: Counts): void {
    if (!this.bar) return;
    const seconds = (Date.now() - this.started) / 1000;
    this.bar.update(counts.done, { rate: seconds > 0 ? (counts.done / seconds).toFixed(1) : '0.0', failed: counts.failed });
  }

  /** Print a line above the bar (for --verbose and errors) without breaking it. */
  log(line: string): void {
    if (this.bar) {
      // Clear the bar's line, print the line, then save the cursor (ESC 7) on the row where the
      // bar is drawn again: cli-progress saved it when it started, and its stop() goes back
      // there to clear the bar, which would wipe and overwrite the lines printed since.
      process.stderr.write(`\r\x1b[K${line}\n\x1b7`);
      this.bar.render();
    } else {
      process.stderr.write(`${line}\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
