import { WARCParser, type WARCRecord } from 'warcio';
import { bareLineFeeds, openBytes, WACZ_PAGES, waczWarcs, type ArchiveKind } from './source.js';

/** Where a record is: the archive file, its WARC member (a WACZ's `archive/...`; null in a WARC file) and the byte offset there. */
export interface RecordPlace {
  file: string;
  member: string | null;
  offset: number;
  /** Bytes from the offset to the next record (or the end), once known: a reader reads no more. */
  length?: number;
  /** The WARC is one gzip stream (not a member a record): the offset is in its gunzipped bytes. */
  gunzip?: boolean;
}

/** What `metadata.source.warc` and the report say of a record. */
export interface RecordFacts extends RecordPlace {
  recordId: string | null;
  targetUri: string | null;
  /** WARC-Date as written (the capture time, never the publication date); null when absent or malformed. */
  date: string | null;
}

/** A record to convert. */
export interface RecordRef extends RecordFacts {
  /** Where its payload is: the record itself, or for a revisit the original capture it names. */
  payload: RecordPlace;
  /** The charset of the HTTP Content-Type header (outranks the page's own, as the HTML standard orders them). */
  charset: string | null;
  /** What was wrong with the record's WARC header (converted anyway): warnings of its conversion. */
  warnings: string[];
}

/** A record passed over, and why (`reason`: one of SKIP below; `detail`: the type, status or Content-Type). */
export interface SkippedRecord extends RecordFacts {
  reason: string;
  detail: string;
}

/** A damaged archive: the record at `offset` and what follows it cannot be read. */
export interface ArchiveProblem extends RecordPlace {
  code: 'BAD_ARCHIVE';
  message: string;
}

export interface Scan {
  records: RecordRef[];
  skipped: SkippedRecord[];
  problems: ArchiveProblem[];
}

/** Why a record is not converted: the summary counts records by these. */
export const SKIP = {
  notCapture: 'not a capture (request, metadata, warcinfo...)',
  notPage: 'not HTML, XHTML or PDF',
  redirect: 'redirect (3xx)',
  notOk: 'status not 2xx',
  revisitUnresolved: 'revisit of a capture not in this input',
  tooLarge: 'larger than --max-bytes',
  listedNotCaptured: 'a page pages/pages.jsonl lists without a capture to convert',
} as const;

/** Bytes of a payload kept to tell HTML or PDF when the Content-Type does not say. */
const PEEK_BYTES = 1024;

/** Content-Types of pages (HTML, XHTML, PDF). */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'application/pdf']);

/** Content-Types that say nothing of the payload: the bytes decide. */
const UNTYPED = new Set(['', 'application/octet-stream', 'unknown/unknown', 'application/unknown']);

/**
 * Read an archive once, streaming (never the whole file in memory): the records to convert, with
 * their offsets, and those passed over with their reason. Revisits are resolved, by payload
 * digest or by the target URI and date they refer to, to a capture in the same archive.
 */
export async function scanArchive(path: string, kind: ArchiveKind, maxBytes: number): Promise<Scan> {
  const scan: Scan = { records: [], skipped: [], problems: [] };
  if (kind === 'warc' && bareLineFeeds(path)) {
    const message = 'the WARC header at byte 0 ends its lines with bare line feeds, not CRLF (a WARC 0.17/0.18 writer?): no record of it can be read; rewrite it as WARC 1.0 first';
    return { ...scan, problems: [{ file: path, member: null, offset: 0, code: 'BAD_ARCHIVE', message }] };
  }
  const members: Array<string | null> = kind === 'wacz' ? await waczWarcs(path) : [null];
  const captures: Captures = { byDigest: new Map(), byUriDate: new Map() };
  const revisits: Revisit[] = [];
  for (const member of members) {
    // A WARC gzipped whole (`gzip crawl.warc`) has no member a record to seek to: read it again gunzipped.
    let found = await scanWarc(path, member, maxBytes, false);
    if (found === ONE_STREAM) found = (await scanWarc(path, member, maxBytes, true)) as WarcScan;
    // One by one, not spread as arguments: a member may hold hundreds of thousands of records.
    for (const record of found.scan.records) scan.records.push(record);
    for (const skipped of found.scan.skipped) scan.skipped.push(skipped);
    for (const problem of found.scan.problems) scan.problems.push(problem);
    for (const [digest, capture] of found.captures.byDigest) if (!captures.byDigest.has(digest)) captures.byDigest.set(digest, capture);
    for (const [key, capture] of found.captures.byUriDate) captures.byUriDate.set(key, capture);
    for (const revisit of found.revisits) revisits.push(revisit);
  }
  // Revisits are resolved once the whole archive is read (an original may follow its revisit, or be in another WARC of a WACZ).
  for (const { facts, digest, refersTo, warnings } of revisits) {
    const original = (digest ? captures.byDigest.get(digest) : undefined) ?? (refersTo ? captures.byUriDate.get(refersTo) : undefined);
    if (!original) scan.skipped.push({ ...facts, reason: SKIP.revisitUnresolved, detail: digest ?? refersTo ?? 'no digest or reference' });
    else if (original.skip) scan.skipped.push({ ...facts, ...original.skip });
    else scan.records.push({ ...facts, payload: original.place, charset: original.charset, warnings });
  }
  // In archive order: member by member, offset by offset (resolved revisits among the rest).
  const order = (a: RecordPlace, b: RecordPlace) => members.indexOf(a.member) - members.indexOf(b.member) || a.offset - b.offset;
  scan.records.sort(order);
  scan.skipped.sort(order);
  if (kind === 'wacz') {
    // The pages the crawl was of: one that no record converted here is reported (by its line's offset in the list).
    const converted = new Set(scan.records.map((r) => r.targetUri));
    for (const page of await waczPages(path)) {
      if (converted.has(page.url)) continue;
      scan.skipped.push({ file: path, member: WACZ_PAGES, offset: page.offset, recordId: null, targetUri: page.url, date: page.ts, reason: SKIP.listedNotCaptured, detail: page.url });
    }
  }
  return scan;
}

/** What a capture's own record says of its payload (revisits take it from their original). */
interface Capture {
  place: RecordPlace;
  charset: string | null;
  /** Null when it can be converted; else why not. */
  skip: { reason: string; detail: string } | null;
}

/** The captures of an archive by payload digest and by `URI date`: what revisits refer to. */
interface Captures {
  byDigest: Map<string, Capture>;
  byUriDate: Map<string, Capture>;
}

interface Revisit {
  facts: RecordFacts;
  digest: string | null;
  /** `WARC-Refers-To-Target-URI WARC-Refers-To-Date`, when both are given. */
  refersTo: string | null;
  warnings: string[];
}

/** One WARC read: its records, its captures and its revisits (resolved over the whole archive). */
interface WarcScan {
  scan: Scan;
  captures: Captures;
  revisits: Revisit[];
}

/** The bytes after the last whole record that are not taken for damage (the blank lines that end a file). */
const TRAILING_SLACK = 4;

/** What scanWarc answers for a WARC gzipped whole, as one stream. */
const ONE_STREAM = 'one gzip stream';

async function scanWarc(file: string, member: string | null, maxBytes: number, gunzip: boolean): Promise<WarcScan | typeof ONE_STREAM> {
  const scan: Scan = { records: [], skipped: [], problems: [] };
  const byDigest = new Map<string, Capture>();
  const byUriDate = new Map<string, Capture>();
  const revisits: Revisit[] = [];
  const opened = await openBytes({ file, member, offset: 0, gunzip });
  if (!opened) return { scan, captures: { byDigest, byUriDate }, revisits };
  const parser = new WARCParser(opened.stream);
  let offset = 0;
  let read = 0;
  // The place of the record read last: its length is known when the next one starts.
  let last: RecordPlace | null = null;
  const ends = (at: number) => {
    if (last) last.length = at - last.offset;
    last = null;
  };
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (error) {
        scan.problems.push({ file, member, offset: parser.offset, code: 'BAD_ARCHIVE', message: `cannot read the record at byte ${parser.offset}: ${(error as Error).message}` });
        break;
      }
      if (!record) {
        // warcio ends quietly at a gzip member cut short: whatever of the file was not read is damage.
        const end = parser._reader.getRawOffset();
        ends(end);
        if (opened.size !== null && opened.size - end > TRAILING_SLACK) {
          scan.problems.push({ file, member, offset: end, code: 'BAD_ARCHIVE', message: `the ${opened.size - end} bytes from byte ${end} on are not a whole record (a truncated gzip member or record); the records before it are converted` });
        }
        break;
      }
      // In a gzip member a record, each record starts a member; two records at one offset share a stream.
      if (!gunzip && read > 0 && parser._reader.compressed && parser.offset === offset) return ONE_STREAM;
      read++;
      offset = parser.offset;
      ends(offset);
      const facts: RecordFacts = { file, member, offset, recordId: header(record, 'WARC-Record-ID'), targetUri: header(record, 'WARC-Target-URI'), date: warcDate(record) };
      const warnings = facts.date === null ? [`the WARC-Date of the record at byte ${offset}, ${JSON.stringify(header(record, 'WARC-Date') ?? '')}, is not an ISO 8601 date; source.warc.date is null`] : [];
      const problem = headerProblem(record);
      if (problem) {
        scan.problems.push({ file, member, offset, code: 'BAD_ARCHIVE', message: `the record at byte ${offset} ${problem}; this record and the rest of the file are not read` });
        break;
      }
      const type = record.warcType;
      const capture = type === 'response' || type === 'resource';
      const peek = capture ? await readPayload(record) : await readPayload(record, 0);
      if (peek.missing > 0) {
        const declared = record.warcContentLength;
        scan.problems.push({
          file,
          member,
          offset,
          code: 'BAD_ARCHIVE',
          message: `the record at byte ${offset} is cut short: its Content-Length is ${declared} bytes but the ${member ? 'member' : 'file'} ends ${peek.missing} bytes before (a truncated file or gzip member); the records before it are converted`,
        });
        break;
      }
      if (type === 'revisit') {
        const refersTo = header(record, 'WARC-Refers-To-Target-URI');
        const refersDate = header(record, 'WARC-Refers-To-Date');
        revisits.push({ facts, digest: header(record, 'WARC-Payload-Digest'), refersTo: refersTo && refersDate ? `${refersTo} ${refersDate}` : null, warnings });
        continue;
      }
      if (!capture) {
        scan.skipped.push({ ...facts, reason: SKIP.notCapture, detail: type ?? 'no WARC-Type' });
        continue;
      }
      const verdict: Capture = { place: { file, member, offset, ...(gunzip ? { gunzip } : {}) }, charset: null, skip: null };
      last = verdict.place;
      const http = record.httpHeaders;
      const status = http ? Number(http.statusCode) : 200;
      const contentType = (http ? http.headers.get('content-type') : header(record, 'Content-Type')) ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      verdict.charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? null;
      if (status >= 300 && status < 400) verdict.skip = { reason: SKIP.redirect, detail: String(status) };
      else if (!(status >= 200 && status < 300)) verdict.skip = { reason: SKIP.notOk, detail: String(http?.statusCode ?? '') };
      else if (!PAGE_TYPES.has(mediaType) && !(UNTYPED.has(mediaType) && looksLikePage(peek.head))) verdict.skip = { reason: SKIP.notPage, detail: contentType || 'no Content-Type' };
      else if (peek.size > maxBytes) verdict.skip = { reason: SKIP.tooLarge, detail: `${peek.size} bytes` };
      const digest = header(record, 'WARC-Payload-Digest');
      if (digest && !byDigest.has(digest)) byDigest.set(digest, verdict);
      if (facts.targetUri) byUriDate.set(`${facts.targetUri} ${header(record, 'WARC-Date')}`, verdict);
      if (verdict.skip) scan.skipped.push({ ...facts, ...verdict.skip });
      else scan.records.push({ ...facts, payload: verdict.place, charset: verdict.charset, warnings });
    }
  } finally {
    opened.close();
  }
  return { scan, captures: { byDigest, byUriDate }, revisits };
}

function header(record: WARCRecord, name: string): string | null {
  return record.warcHeaders.headers.get(name) ?? null;
}

/** WARC-Date in the form WARC 1.0/1.1 give it (ISO 8601 UTC); null, and not guessed, otherwise. */
function warcDate(record: WARCRecord): string | null {
  const date = header(record, 'WARC-Date');
  return date && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(date) ? date : null;
}

/**
 * Why a record's header cannot be trusted, or null. warcio reads WARC/1.0 and 1.1, and the draft
 * versions 0.17 and 0.18 written with CRLF (bare line feeds are caught at the file's start; see
 * bareLineFeeds); a record whose first line is none of them, or whose Content-Length is lost,
 * means the reader has lost its place.
 */
function headerProblem(record: WARCRecord): string | null {
  const version = record.warcHeaders.statusline.trim();
  if (!/^WARC\/(1\.[01]|0\.1[78])$/.test(version)) return `is not WARC 1.0, 1.1, 0.17 or 0.18 (its first line is ${JSON.stringify(version.slice(0, 40))})`;
  const length = header(record, 'Content-Length');
  if (length === null || !/^\d+$/.test(length.trim())) return 'has no valid Content-Length (bare line feeds instead of CRLF?)';
  return null;
}

/**
 * Read a record's payload through to its end (the parser then finds the next record), keeping
 * only its first `keep` bytes. `missing`: bytes its Content-Length promised that never came
 * (iterating rather than warcio's skipFully, which waits forever on a file that ends early).
 */
async function readPayload(record: WARCRecord, keep = PEEK_BYTES): Promise<{ head: Uint8Array; size: number; missing: number }> {
  const reader = record.reader as AsyncIterable<Uint8Array> & { limit?: number };
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of reader) {
    if (size < keep) kept.push(chunk.subarray(0, keep - size));
    size += chunk.length;
  }
  return { head: Buffer.concat(kept), size, missing: Math.max(0, reader.limit ?? 0) };
}

/** A payload without a useful Content-Type is a page if its first bytes say so. */
function looksLikePage(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1');
  return text.startsWith('%PDF-') || /<(!doctype html|html[\s>])/i.test(text);
}

/** The pages a WACZ lists (pages/pages.jsonl: a header line, then one page a line), with each line's byte offset. */
async function waczPages(path: string): Promise<Array<{ url: string; ts: string | null; offset: number }>> {
  const opened = await openBytes({ file: path, member: WACZ_PAGES, offset: 0 }).catch(() => null);
  if (!opened) return [];
  const pages: Array<{ url: string; ts: string | null; offset: number }> = [];
  let rest = Buffer.alloc(0);
  let offset = 0;
  const take = (line: Buffer) => {
    try {
      const page = JSON.parse(line.toString('utf8')) as { url?: unknown; ts?: unknown };
      if (typeof page.url === 'string') pages.push({ url: page.url, ts: typeof page.ts === 'string' ? page.ts : null, offset });
    } catch {
      // A line that is not JSON lists no page.
    }
    offset += line.length + 1;
  };
  try {
    for await (const chunk of opened.stream) {
      let bytes = Buffer.concat([rest, chunk]);
      for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10)) {
        take(bytes.subarray(0, end));
        bytes = bytes.subarray(end + 1);
      }
      rest = bytes;
    }
    if (rest.length > 0) take(rest);
  } finally {
    opened.close();
  }
  return pages;
}
