/**
 * The lines of `--ndjson`, one per input: `{"path","status","markdown","metadata"}`, or
 * `{"path","status":"error","error":{"code","message"}}` (docs/batch.md). The metadata comes
 * serialised already (a worker serialises it off the main thread).
 */
export function ndjsonLine(path: string, status: string, markdown: string, metadataJson: string): string {
  return `{"path":${JSON.stringify(path)},"status":"${status}","markdown":${JSON.stringify(markdown)},"metadata":${metadataJson}}\n`;
}

/** The line of an input that failed; `extra` (a web archive record's facts) follows the error. */
export function ndjsonErrorLine(path: string, error: { code: string; message: string }, extra: object = {}): string {
  return `${JSON.stringify({ path, status: 'error', error: { code: error.code, message: error.message }, ...extra })}\n`;
}
