import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { ConvertOptions, ConvertResult, InputFormat, SourceInfo, UserRules } from './types.js';
import { isUnboilError, UnboilError } from './errors.js';
import { checkConvertArguments } from './check-options.js';
import { sniffFormat } from './read/sniff.js';
import { readInput } from './read/input.js';
import { articlePipeline } from './pipeline.js';
import { assembleMarkdown, hastToMarkdownAndText } from './write/markdown.js';
import { assembleMetadata } from './metadata/assemble.js';
import { messagesOf } from './messages.js';

declare module 'vfile' {
  interface DataMap {
    /** Pages of a PDF input. */
    pages: number | null;
  }
}

/**
 * Convert one document: bytes (or a string) and options in, `{markdown, metadata, messages}` out.
 * Pure: no file system, no network, no global state. Every failure is an UnboilError with a
 * code (docs/api.md); anything unforeseen is one with the code `INTERNAL`.
 */
export async function convert(input: Uint8Array | string, options: ConvertOptions = {}): Promise<ConvertResult> {
  checkConvertArguments(input, options);
  try {
    // Checked and normalised as a rules file is (loads the selector engine only when rules are given).
    const rules = options.rules ? (await import('./rules/load-rules.js')).checkRules(options.rules, 'rules') : null;
    return await convertChecked(input, { ...options, rules });
  } catch (error) {
    if (isUnboilError(error)) throw error;
    throw new UnboilError('INTERNAL', `unexpected error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function convertChecked(input: Uint8Array | string, options: ConvertOptions & { rules: UserRules | null }): Promise<ConvertResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const name = options.path ?? 'stdin';
  if (bytes.length === 0) throw new UnboilError('EMPTY_INPUT', 'the input is empty (0 bytes)');
  const format: InputFormat = !options.from || options.from === 'auto' ? sniffFormat(bytes, options.path) : options.from;
  if (format !== 'pdf') assertNotBinary(bytes);

  const file = new VFile({ path: name });
  file.data.explain = options.explain === true;
  file.data.pages = null;
  const tree = await readInput(format, bytes, file, options.charset ?? null);
  // A capture's URL is where the page really was: it outranks a --base-url guess.
  const baseUrl = options.url ?? options.baseUrl ?? null;
  const processor = articlePipeline({ baseUrl, articleGiven: file.data.articleGiven === true, rules: options.rules });
  const article = (await processor.run(tree, file)) as Root;
  const { markdown: body, text } = await hastToMarkdownAndText(article, file);
  const metadata = await assembleMetadata(file, { text, captureUrl: options.url ?? null, source: sourceInfo(bytes, format, file, options) });

  let markdown = assembleMarkdown(metadata.title, body, options.title !== false);
  if (options.frontMatter) {
    const { frontMatter } = await import('./write/front-matter.js'); // loads the YAML writer only when asked
    markdown = frontMatter(metadata) + markdown;
  }
  return { markdown, metadata, messages: messagesOf(file) };
}

function sourceInfo(bytes: Uint8Array, format: InputFormat, file: VFile, options: ConvertOptions): SourceInfo {
  return {
    path: options.path ?? null,
    format,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: file.data.encoding ?? null,
    pages: file.data.pages ?? null,
  };
}

/** Control bytes that never occur in text (NUL and friends; tab, LF, FF, CR, ESC are allowed). */
function assertNotBinary(bytes: Uint8Array): void {
  const sample = bytes.subarray(0, 8192);
  if (sample[0] === 0x1f && sample[1] === 0x8b) {
    throw new UnboilError('BINARY_INPUT', 'the input is gzip-compressed; decompress it first (gunzip)');
  }
  // UTF-16 text has NULs in every other byte: the BOM or that pattern says it is text.
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff) || looksUtf16(sample);
  if (utf16) return;
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  if (control > 0 && control / sample.length > 0.01) {
    throw new UnboilError('BINARY_INPUT', 'the input is binary data, not HTML, PDF or text');
  }
}

function looksUtf16(sample: Uint8Array): boolean {
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(sample.length, 512) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  return n > 0 && (evenZero / (n / 2) > 0.4 || oddZero / (n / 2) > 0.4) && Math.min(evenZero, oddZero) < n / 20;
}
