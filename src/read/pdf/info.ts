import type { VFile } from 'vfile';
import { propose } from '../../metadata/candidates.js';
import type { PdfDocument } from './open.js';

/**
 * The document's own metadata: the info dictionary (Title, Author, Subject, Keywords, dates), the
 * catalog's /Lang, and the XMP packet (dc:title, dc:creator, dc:language, dc:subject,
 * pdf:Keywords, xmp:CreateDate, xmp:ModifyDate), proposed as `pdf-info` and `xmp` candidates. The
 * file's dates count only when the document states no date of its own (SOURCE_TRUST.lastResort).
 */
export async function readPdfInfo(doc: PdfDocument, file: VFile): Promise<void> {
  const { info, metadata } = (await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))) as {
    info: Record<string, unknown>;
    metadata: { get(name: string): unknown } | null;
  };
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

  propose(file, 'title', str(info.Title), 'pdf-info');
  propose(file, 'authors', splitPeople(str(info.Author)), 'pdf-info');
  propose(file, 'description', str(info.Subject), 'pdf-info');
  propose(file, 'tags', splitList(str(info.Keywords)), 'pdf-info');
  propose(file, 'lang', str(info.Language), 'pdf-info');
  propose(file, 'published', pdfDate(str(info.CreationDate)), 'pdf-info');
  propose(file, 'modified', pdfDate(str(info.ModDate)), 'pdf-info');
  if (!metadata) return;
  const xmp = (name: string): string | null => {
    const value = metadata.get(name);
    if (Array.isArray(value)) return str(value.filter((v) => typeof v === 'string').join('; '));
    return str(value);
  };
  propose(file, 'title', xmp('dc:title'), 'xmp');
  propose(file, 'authors', splitPeople(xmp('dc:creator')), 'xmp');
  propose(file, 'description', xmp('dc:description'), 'xmp');
  propose(file, 'lang', xmp('dc:language'), 'xmp');
  propose(file, 'tags', splitList(xmp('pdf:keywords') ?? xmp('dc:subject')), 'xmp');
  propose(file, 'published', isoDate(xmp('xmp:createdate')), 'xmp');
  propose(file, 'modified', isoDate(xmp('xmp:modifydate')), 'xmp');
}

/** "A; B", "A and B", "A & B" -> authors (a comma alone may be "Last, First", so it splits only names of two words or more). */
function splitPeople(value: string | null) {
  if (!value) return null;
  let parts = value.split(/\s*(?:;|\s&\s|\sand\s)\s*/u);
  parts = parts.flatMap((p) => {
    const byComma = p.split(/\s*,\s*/u);
    return byComma.length > 1 && byComma.every((n) => n.trim().split(/\s+/u).length >= 2) ? byComma : [p];
  });
  const names = parts.map((p) => p.trim()).filter((p) => p !== '');
  return names.length ? names.map((name) => ({ name, url: null, bio: null })) : null;
}

function splitList(value: string | null): string[] | null {
  if (!value) return null;
  const items = value.split(/\s*[,;]\s*/u).map((s) => s.trim()).filter(Boolean);
  return items.length ? items : null;
}

/**
 * A date that says "no date": midnight on the first of January, which PDF writers that want
 * reproducible output stamp on every file. A real creation time is almost never exactly that.
 */
function isPlaceholder(iso: string): boolean {
  return /^\d{4}-01-01(T00:00(:00)?(\.0+)?(Z|[+-]00:?00)?)?$/.test(iso);
}

/** PDF date strings, `D:YYYYMMDDHHmmSSOHH'mm'`, to ISO 8601 (date alone when no time is given). */
export function pdfDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  let iso = `${y}-${mo}-${d}`;
  if (h !== undefined) {
    const offset = !sign ? '' : sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
    iso += `T${h}:${mi}:${s}${offset}`;
  }
  return isPlaceholder(iso) ? null : iso;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?/.exec(value.trim());
  if (!m) return null;
  const iso = m[0];
  return isPlaceholder(iso) ? null : iso;
}
