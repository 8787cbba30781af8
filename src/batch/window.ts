/**
 * The window of a batch: documents start in input order, by `size` lanes, never more than `size`
 * past the oldest one not yet finished (bounding the finished documents held back for order), and
 * each finished document is handed to `emit` in input order (`ordered`) or as it finishes. What a
 * document is and what emitting does are the caller's (src/batch/run.ts); the window only orders.
 */
export interface WindowOptions<T> {
  /** Documents in the batch (indexes 0..count-1). */
  count: number;
  size: number;
  ordered: boolean;
  /** Work on one document; null: nothing to emit. Must not throw. */
  work: (index: number) => Promise<T | null>;
  emit: (done: T) => void;
  /** The batch stopped: lanes start nothing more. */
  stopped: () => boolean;
  /** Settles when the batch stops. */
  whenStopped: Promise<void>;
  /** A promise while the output is full (a slow reader of stdout): no document starts until it settles. */
  paused: () => Promise<void> | null;
}

export class OrderedWindow<T> {
  /** Lanes waiting for the window to move on; all are woken whenever a document is emitted. */
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, T | null>();
  private nextToStart = 0;
  private nextToEmit = 0;

  constructor(private readonly options: WindowOptions<T>) {}

  /** Run every document through the window; settles when all lanes are done (or stopped). */
  async run(): Promise<void> {
    const { size, count } = this.options;
    await Promise.all(Array.from({ length: Math.min(size, count) }, () => this.lane()));
  }

  /** Wake the waiting lanes (when the batch stops, so that they see it). */
  wake(): void {
    for (const go of this.waiting.splice(0)) go();
  }

  private async lane(): Promise<void> {
    const o = this.options;
    for (;;) {
      while (!o.stopped() && this.nextToStart >= this.nextToEmit + o.size) await new Promise<void>((go) => this.waiting.push(go));
      for (let full = o.paused(); full && !o.stopped(); full = o.paused()) await Promise.race([full, o.whenStopped]);
      if (o.stopped() || this.nextToStart >= o.count) return;
      const index = this.nextToStart++;
      this.finish(index, await o.work(index));
    }
  }

  private finish(index: number, done: T | null): void {
    if (!this.options.ordered) {
      if (done !== null) this.options.emit(done);
      this.nextToEmit++;
    } else {
      this.pending.set(index, done);
      while (this.pending.has(this.nextToEmit)) {
        const ready = this.pending.get(this.nextToEmit)!;
        this.pending.delete(this.nextToEmit);
        if (ready !== null) this.options.emit(ready);
        this.nextToEmit++;
      }
    }
    this.wake();
  }
}
