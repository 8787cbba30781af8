import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { AsyncIterReader, WARCParser } from 'warcio';
import { openBytes, recordBytes, type OpenBytes } from './source.js';
import type { RecordRef } from './scan.js';

/** A record's payload as the server meant it: de-chunked and decompressed, with what was wrong on the way. */
export interface Payload {
  bytes: Uint8Array;
  /** Headers that lied (chunked or compressed bytes that were not): converted anyway, with these warnings. */
  warnings: string[];
}

/**
 * Read the payload of a record (a revisit's from its original capture), undo HTTP chunking and
 * Content-Encoding (gzip, deflate, br). Throws `{code, message}` naming the byte offset when the
 * record cannot be read. Archives hold headers that lie (a `Transfer-Encoding: chunked` over a
 * body a crawler already de-chunked, gzip declared on plain bytes): the bytes are then taken as
 * they are, with a warning.
 */
export async function readRecord(ref: RecordRef, maxBytes: number): Promise<Payload> {
  const at = ref.payload;
  const where = `record at byte ${at.offset}${at.member ? ` of ${at.member}` : ''}`;
  let raw: Uint8Array;
  let headers: Headers | null = null;
  let opened: OpenBytes | null = null;
  let whole: Buffer | null = null;
  try {
    whole = recordBytes(at);
    opened = whole ? { stream: [whole], size: whole.length, close: () => undefined } : await openBytes(at);
    if (!opened) throw { code: 'BAD_ARCHIVE', message: `cannot open the ${where}` };
    // Bytes already inflated are read as they are (warcio would try to inflate them first).
    const record = await new WARCParser(whole ? new AsyncIterReader(opened.stream, null) : opened.stream).parse();
    if (!record) throw { code: 'BAD_ARCHIVE', message: `no record at byte ${at.offset}` };
    if (record.warcContentLength > maxBytes) throw { code: 'TOO_LARGE', message: `the ${where} is ${record.warcContentLength} bytes, more than --max-bytes ${maxBytes}` };
    headers = (record.httpHeaders?.headers as Headers | undefined) ?? null;
    const reader = record.reader as AsyncIterable<Uint8Array> & { limit?: number };
    raw = await AsyncIterReader.readFully(reader);
    if ((reader.limit ?? 0) > 0) throw { code: 'BAD_ARCHIVE', message: `the ${where} is cut short (a truncated file or gzip member)` };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && !(error instanceof Error)) throw error;
    throw { code: 'BAD_ARCHIVE', message: `cannot read the ${where}: ${(error as Error).message}` };
  } finally {
    opened?.close();
  }
  const warnings: string[] = [];
  let bytes = raw;
  if (/\bchunked\b/i.test(headers?.get('transfer-encoding') ?? '')) bytes = await dechunk(bytes, warnings);
  for (const coding of (headers?.get('content-encoding') ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c && c !== 'identity').reverse()) {
    bytes = decode(bytes, coding, warnings);
  }
  return { bytes, warnings };
}

/** A chunk-size line: hex digits, optional extensions, CRLF. */
const CHUNK_SIZE_LINE = /^[0-9a-fA-F]+[ \t]*(;[^\r\n]*)?\r\n/;

/** Undo HTTP chunking with warcio's de-chunker; a body that is not chunked after all is kept as it is. */
async function dechunk(bytes: Uint8Array, warnings: string[]): Promise<Uint8Array> {
  if (!CHUNK_SIZE_LINE.test(Buffer.from(bytes.subarray(0, 80)).toString('latin1'))) {
    warnings.push('Transfer-Encoding says chunked but the body is not chunked (de-chunked by the crawler?); taken as it is');
    return bytes;
  }
  const reader = new AsyncIterReader([bytes], null, true);
  const out = await reader.readFully();
  if (reader.errored) warnings.push('the chunked body is malformed; what could be read of it is taken');
  return out;
}

/** Undo one Content-Encoding; bytes that are not so encoded (the header lies) are kept as they are. */
function decode(bytes: Uint8Array, coding: string, warnings: string[]): Uint8Array {
  const attempts: Record<string, Array<(b: Uint8Array) => Uint8Array>> = {
    gzip: [gunzipSync],
    'x-gzip': [gunzipSync],
    // `deflate` is zlib-wrapped by the standard, raw deflate by some servers.
    deflate: [inflateSync, inflateRawSync],
    br: [brotliDecompressSync],
  };
  const tries = attempts[coding];
  if (!tries) {
    warnings.push(`Content-Encoding ${coding} is not one unboil undoes; the bytes are taken as they are`);
    return bytes;
  }
  for (const attempt of tries) {
    try {
      return attempt(bytes);
    } catch {
      // Next way, or the bytes as they are.
    }
  }
  warnings.push(`Content-Encoding says ${coding} but the body is not ${coding}-encoded; taken as it is`);
  return bytes;
}
