import type { InputFormat } from '../types.js';

/**
 * Tell HTML, PDF and text apart by content (not by file name): `%PDF-` near the start is a PDF,
 * markup that opens like an HTML document is HTML, anything else is text.
 */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  const head = latin1(bytes.subarray(0, 2048));
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf';
  const start = head.replace(/^(\uFEFF|\u00EF\u00BB\u00BF|\u00FE\u00FF|\u00FF\u00FE)/, '').replace(/\u0000/g, '');
  if (HTML_START.test(start) || HTML_ANYWHERE.test(start)) return 'html';
  return 'text';
}

/** A document that starts (after blanks and comments) with a doctype or a structural tag. */
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div|p|section|main)[\s>]/i;
/** An `<html>`, `<head>` or `<body>` tag anywhere early on (pages saved with junk before them). */
const HTML_ANYWHERE = /<(html|head|body)[\s>]/i;

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}
