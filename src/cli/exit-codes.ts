/** Exit codes, documented in the README and in `--help`. */
export const EXIT = {
  /** Every input converted. */
  OK: 0,
  /** Some inputs failed; the others were converted. */
  SOME_FAILED: 1,
  /** Usage error: bad option value or argument, no input file, an output location that cannot be written; nothing was converted. */
  USAGE: 2,
  /** `--check` found outputs that are stale or missing, or files no input makes (orphans). */
  CHECK_DIFFERS: 3,
  /** Converted, but some inputs have no text to convert (a scanned PDF needs OCR); metadata was written. */
  NO_TEXT: 4,
  /** Interrupted (SIGINT); a rerun resumes. */
  INTERRUPTED: 130,
  /** The reader of stdout went away (`| head`), as a shell reports SIGPIPE; a batch stops cleanly. */
  BROKEN_PIPE: 141,
  /** Terminated (SIGTERM); stopped as on Ctrl-C, a rerun resumes. */
  TERMINATED: 143,
} as const;
