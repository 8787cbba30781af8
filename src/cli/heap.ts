import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full garbage collection kept, in percent. V8's
 * own factor rises with the heap limit, up to four times the live size: a page of 274,000 short
 * paragraphs (8 MB), whose conversion keeps about 220 MB live, grew its heap to 930 MB before
 * collecting and peaked at 1.1 GB RSS, nearly all of it garbage. At 100 (twice the live size) the
 * same page peaked at 620-710 MB; a full collection more often costs little next to the
 * conversion (bench/huge-convert.mjs on the 8 MB pages of npm run bench:hostile; docs/hostile.md).
 */
export const HEAP_GROWING_PERCENT = 100;

/** Set V8's heap growth for this process and its worker threads (the flag is process-wide). */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
