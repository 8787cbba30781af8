// Test helpers that write small web archives: WARC records (plain or one gzip member each) and a
// stored-only WACZ zip. Written by hand for the tests only: unboil reads them with warcio and yauzl.
import { crc32, gzipSync } from 'node:zlib';

export interface TestRecord {
  type: string;
  uri?: string;
  date?: string;
  id?: string;
  /** An HTTP response head (response and revisit records). */
  http?: { status?: number; headers?: Array<[string, string]> };
  body?: string | Buffer;
  /** The WARC Content-Type (default: `application/http; msgtype=response` with `http`). */
  contentType?: string;
  headers?: Array<[string, string]>;
  /** `WARC/1.0` by default. */
  version?: string;
  /** Line ends of the WARC header block (`\n` for the bare line feeds of some 0.17/0.18 writers). */
  eol?: string;
  /** Declare this Content-Length instead of the true one. */
  contentLength?: number;
}

let serial = 0;

/** One record's bytes, with the two CRLFs that end it. */
export function warcRecord(r: TestRecord): Buffer {
  const eol = r.eol ?? '\r\n';
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : (r.body ?? Buffer.alloc(0));
  let block = body;
  if (r.http) {
    const status = r.http.status ?? 200;
    const head = [`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`, ...(r.http.headers ?? []).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
    block = Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]);
  }
  const headers: Array<[string, string]> = [
    ['WARC-Type', r.type],
    ['WARC-Record-ID', r.id ?? `<urn:uuid:00000000-0000-0000-0000-${String(++serial).padStart(12, '0')}>`],
    ['WARC-Date', r.date ?? '2024-05-01T10:00:00Z'],
    ...(r.uri ? ([['WARC-Target-URI', r.uri]] as Array<[string, string]>) : []),
    ['Content-Type', r.contentType ?? (r.http ? 'application/http; msgtype=response' : 'text/html')],
    ...(r.headers ?? []),
    ['Content-Length', String(r.contentLength ?? block.length)],
  ];
  const head = `${r.version ?? 'WARC/1.0'}${eol}${headers.map(([k, v]) => `${k}: ${v}`).join(eol)}${eol}${eol}`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

/** A WARC file: the records one after another, or each in a gzip member of its own (`gzip`). */
export function warcFile(records: TestRecord[], gzip: boolean): Buffer {
  return Buffer.concat(records.map((r) => (gzip ? gzipSync(warcRecord(r)) : warcRecord(r))));
}

/** An HTML page served with status 200 (more headers may be added). */
export function htmlResponse(uri: string, html: string | Buffer, headers: Array<[string, string]> = [['Content-Type', 'text/html; charset=utf-8']], extra: Partial<TestRecord> = {}): TestRecord {
  return { type: 'response', uri, http: { status: 200, headers }, body: html, ...extra };
}

/** A zip with its files stored (not compressed), as the WACZ spec advises for its WARCs. */
export function storedZip(files: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A WACZ: the WARCs under archive/, a pages list, a datapackage.json. */
export function waczFile(warcs: Record<string, Buffer>, pages: string[]): Buffer {
  const pagesJsonl = [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...pages.map((url, i) => JSON.stringify({ id: String(i), url, ts: '2024-05-01T10:00:00Z' }))].join('\n') + '\n';
  return storedZip([
    ['datapackage.json', Buffer.from(JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources: [] }))],
    ...Object.entries(warcs).map(([name, data]) => [`archive/${name}`, data] as [string, Buffer]),
    ['pages/pages.jsonl', Buffer.from(pagesJsonl)],
  ]);
}
