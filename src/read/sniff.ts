import type { InputFormat } from '../types.js';

/**
 * Tell HTML, PDF and text apart by content, not only by file name: `%PDF-` near the start is a
 * PDF whatever the name; a `.txt`/`.md` file is text (scraped text often quotes markup); any
 * other input is HTML when it opens like an HTML document, and text otherwise.
 */
export function sniffFormat(bytes: Uint8Array, path?: string | null): InputFormat {
  const head = latin1(bytes.subarray(0, 2048));
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf';
  if (path && TEXT_EXTENSION.test(path)) return 'text';
  const start = head.replace(/^(\uFEFF|\u00EF\u00BB\u00BF|\u00FE\u00FF|\u00FF\u00FE)/, '').replace(/\u0000/g, '');
  if (HTML_START.test(start) || HTML_ANYWHERE.test(start)) return 'html';
  return 'text';
}

/** File names of scraped text and Markdown exports. */
const TEXT_EXTENSION = /\.(txt|text|md|markdown|mdown|mkd)$/i;
/** A document that starts (after blanks and comments) with a doctype or a structural tag. */
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div|p|section|main)[\s>]/i;
/** An `<html>`, `<head>` or `<body>` tag anywhere early on (pages saved with junk before them). */
const HTML_ANYWHERE = /<(html|head|body)[\s>]/i;

/** One character per byte (ISO-8859-1), without copying: enough to look for ASCII markers. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
