/** Typed errors: every failure the user can cause has a code and names its cause (docs/api.md lists them). */

export type ErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'TOO_LARGE'
  | 'UNREADABLE'
  | 'NOT_FOUND'
  | 'PDF_INVALID'
  | 'PDF_ENCRYPTED'
  | 'TIMEOUT'
  | 'WORKER_CRASHED'
  | 'WRITE_FAILED'
  | 'INVALID_INPUT'
  | 'INVALID_OPTION'
  | 'INVALID_RULES'
  | 'INTERNAL'
  /** A batch stopped (Ctrl-C, SIGTERM, a fatal write error) before this input was done. */
  | 'INTERRUPTED';

export class UnboilError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnboilError';
    this.code = code;
  }
}

export function isUnboilError(error: unknown): error is UnboilError {
  return error instanceof Error && (error as UnboilError).name === 'UnboilError' && 'code' in error;
}
