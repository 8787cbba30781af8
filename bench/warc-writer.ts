/**
 * Writes benchmark pages into a WARC file with warcio's own writer (WARCRecord.create +
 * WARCSerializer): one `response` record a page, each in a gzip member of its own, as crawlers
 * write them. Used by bench:quality --warc and bench:batch --warc, and by the distributed script.
 */
import { createWriteStream } from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface ArchivedPage {
  url: string;
  bytes: Uint8Array;
  /** The HTTP Content-Type (default text/html). */
  contentType?: string;
}

/** The capture time of every record: fixed, so a rebuilt WARC has the same bytes. */
const CAPTURED = '2024-05-01T10:00:00Z';

export async function writeWarc(path: string, pages: Iterable<ArchivedPage> | AsyncIterable<ArchivedPage>): Promise<number> {
  const out = createWriteStream(path);
  let records = 0;
  for await (const page of pages) {
    const record = WARCRecord.create(
      {
        url: page.url,
        date: CAPTURED,
        type: 'response',
        warcHeaders: { 'WARC-Record-ID': recordIdOf(records) },
        httpHeaders: { 'Content-Type': page.contentType ?? 'text/html' },
      },
      [page.bytes],
    );
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    if (!out.write(bytes)) await new Promise<void>((drained) => out.once('drain', () => drained()));
    records++;
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return records;
}

/** The WARC-Record-ID of the n-th record (from 0): fixed, so a reader can tell which page a record holds. */
export function recordIdOf(n: number): string {
  return `<urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}>`;
}
