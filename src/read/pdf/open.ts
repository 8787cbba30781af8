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
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
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
