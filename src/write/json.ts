import type { Metadata } from '../types.js';

/** The metadata as JSON text: two-space indent, schema key order (set when built), final newline. */
export function metadataJson(meta: Metadata): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}
