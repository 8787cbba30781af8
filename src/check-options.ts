import type { ConvertOptions } from './types.js';
import { UnboilError } from './errors.js';

/** The values `from` takes. */
const FORMATS = new Set(['auto', 'html', 'pdf', 'text']);

/**
 * Check what `convert()` was given, for callers without TypeScript's checks: the input must be
 * bytes or a string, each option of its documented type. Throws an UnboilError
 * (`INVALID_INPUT`, `INVALID_OPTION`) naming the first fault. User rules are checked by
 * load-rules (`INVALID_RULES`).
 */
export function checkConvertArguments(input: unknown, options: unknown): asserts options is ConvertOptions {
  if (!(input instanceof Uint8Array) && typeof input !== 'string') {
    throw new UnboilError('INVALID_INPUT', `the input must be a Uint8Array (or Buffer) or a string, not ${kind(input)}`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new UnboilError('INVALID_OPTION', `the options must be an object, not ${kind(options)}`);
  const o = options as Record<string, unknown>;
  if (o.from !== undefined && !FORMATS.has(o.from as string)) throw invalid('from', o.from, '"auto", "html", "pdf" or "text"');
  if (o.path !== undefined && o.path !== null && typeof o.path !== 'string') throw invalid('path', o.path, 'a string or null');
  if (o.baseUrl !== undefined && o.baseUrl !== null && !(typeof o.baseUrl === 'string' && isAbsoluteUrl(o.baseUrl))) throw invalid('baseUrl', o.baseUrl, 'an absolute URL or null');
  if (o.url !== undefined && o.url !== null && !(typeof o.url === 'string' && isAbsoluteUrl(o.url))) throw invalid('url', o.url, 'an absolute URL or null');
  if (o.charset !== undefined && o.charset !== null && typeof o.charset !== 'string') throw invalid('charset', o.charset, 'a string or null');
  for (const flag of ['title', 'frontMatter', 'explain'] as const) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') throw invalid(flag, o[flag], 'true or false');
  }
}

function invalid(option: string, value: unknown, accepted: string): UnboilError {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : kind(value);
  return new UnboilError('INVALID_OPTION', `option ${option}: ${shown} is not valid; expected ${accepted}`);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object (${Object.prototype.toString.call(value).slice(8, -1)})` : `${typeof value} ${String(value).slice(0, 40)}`;
}

/** Whether `value` parses as an absolute URL (the CLI's --base-url is checked with it too). */
export function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
