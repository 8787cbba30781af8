import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UnboilError } from '../../errors.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdf.js's legacy build (the one meant for Node), loaded once, on the first PDF. The command-line
 * program runs this code as a script compiled from V8's code cache (bin/unboil.cjs), where
 * `import()` is not available: it then lends its own, as `globalThis.__unboilImport`.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  const lent = (globalThis as { __unboilImport?: (specifier: string) => Promise<unknown> }).__unboilImport;
  pdfjs ??= (lent ? lent('pdfjs-dist/legacy/build/pdf.mjs') : import('pdfjs-dist/legacy/build/pdf.mjs')) as Promise<Pdfjs>;
  return pdfjs;
}

/**
 * pdf.js's own data folders (standard fonts, CMaps) as local paths inside the installed package:
 * pdf.js reads them from disk in Node, so nothing is ever fetched from the network.
 */
function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/**
 * Open a PDF. pdf.js tries the empty user password by itself, so a PDF that is encrypted only
 * against editing or printing opens; one that needs a password to be read fails with
 * PDF_ENCRYPTED; bytes that are not a readable PDF fail with PDF_INVALID.
 */
export async function openPdf(bytes: Uint8Array): Promise<{ doc: PdfDocument; truncated: boolean }> {
  try {
    return { doc: await openWithPdfjs(bytes), truncated: false };
  } catch (error) {
    // A file cut short (an interrupted download) has lost its trailer, which names the document
    // catalog; pdf.js rebuilds the cross-reference table by itself but then finds no catalog. If
    // the catalog object is there, a trailer naming it lets pdf.js read every page that is whole.
    const trailer = error instanceof UnboilError && error.code === 'PDF_INVALID' ? trailerFor(bytes) : null;
    if (!trailer) throw error;
    const repaired = new Uint8Array(bytes.length + trailer.length);
    repaired.set(bytes);
    repaired.set(trailer, bytes.length);
    try {
      return { doc: await openWithPdfjs(repaired), truncated: true };
    } catch {
      throw error;
    }
  }
}

/** The document catalog's first object number, if an object of the bytes is one. */
const CATALOG = /(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj)[\s\S]){0,2000}?\/Type\s*\/Catalog\b/;

/** Bytes read to find the catalog (real PDFs write it near the start or the end). */
const CATALOG_SCAN_BYTES = 4 * 1024 * 1024;

/** A trailer naming the catalog, for a PDF without a whole one of its own (null when there is no catalog object, or a trailer names it). */
function trailerFor(bytes: Uint8Array): Uint8Array | null {
  const decoder = new TextDecoder('latin1');
  const head = decoder.decode(bytes.subarray(0, CATALOG_SCAN_BYTES));
  const tail = bytes.length > CATALOG_SCAN_BYTES ? decoder.decode(bytes.subarray(Math.max(CATALOG_SCAN_BYTES, bytes.length - CATALOG_SCAN_BYTES))) : '';
  // A whole trailer names the catalog itself (/Root): then the damage is elsewhere.
  if (/\btrailer\s*<<[^>]*\/Root\s+\d+/.test(tail || head)) return null;
  const found = CATALOG.exec(head) ?? CATALOG.exec(tail);
  if (!found) return null;
  return new TextEncoder().encode(`\nendstream\nendobj\ntrailer\n<< /Root ${found[1]} ${found[2]} R >>\n%%EOF\n`);
}

async function openWithPdfjs(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfjs();
  const dir = packageDir();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = lib.getDocument({
    data,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
}

export function openError(error: unknown): UnboilError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as Error | null)?.message ?? String(error);
  if (error instanceof UnboilError) return error;
  if (name === 'PasswordException') {
    return new UnboilError('PDF_ENCRYPTED', 'the PDF is encrypted and needs a password to be read', { cause: error });
  }
  return new UnboilError('PDF_INVALID', `the PDF is damaged or truncated and cannot be read (pdf.js: ${message})`, { cause: error });
}
