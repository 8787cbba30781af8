import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import chardet from 'chardet';
// Node 20's built-in TextDecoder decodes windows-1252 as ISO-8859-1 (0x80-0x9F become C1 controls,
// so ’ – € are lost); @exodus/bytes implements the WHATWG Encoding Standard exactly.
import { TextDecoder } from '@exodus/bytes/encoding.js';

const require = createRequire(import.meta.url);
// The HTML standard's encoding sniffing (BOM, then the <meta charset>/http-equiv prescan), as
// jsdom uses it: a maintained implementation of the spec's byte-level algorithm.
const sniffHtmlEncoding = require('html-encoding-sniffer') as (
  bytes: Uint8Array,
  options?: { defaultEncoding?: string },
) => string;

const UNDECLARED = 'x-unboil-undeclared';

export interface Decoded {
  text: string;
  /** WHATWG name of the encoding used, lower-case (`utf-8`, `windows-1252`, `shift_jis`). */
  encoding: string;
  /** Why this encoding: `bom`/`declared` (the page says so), `utf-8` (valid UTF-8), `detected`. */
  how: 'declared' | 'valid-utf-8' | 'detected' | 'declared-but-invalid';
}

/**
 * Decode HTML bytes per the HTML standard's sniffing. When the page declares nothing, valid UTF-8
 * is read as UTF-8 and anything else goes to a statistical detector (chardet); a page that
 * declares UTF-8 but is not valid UTF-8 is detected too (the declaration lies).
 */
export function decodeHtml(bytes: Uint8Array): Decoded {
  const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: UNDECLARED });
  if (sniffed !== UNDECLARED) {
    const encoding = canonical(sniffed) ?? 'utf-8';
    if (encoding === 'utf-8' && !isValidUtf8(bytes)) {
      const detected = detect(bytes);
      if (detected && detected !== 'utf-8') return { text: decodeWith(bytes, detected), encoding: detected, how: 'declared-but-invalid' };
    }
    return { text: decodeWith(bytes, encoding), encoding, how: 'declared' };
  }
  return decodeUndeclared(bytes);
}

/** Decode text with no declaration: a BOM, else valid UTF-8, else what the detector says. */
export function decodeUndeclared(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes, bom), encoding: bom, how: 'declared' };
  if (isValidUtf8(bytes)) return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', how: 'valid-utf-8' };
  const detected = detect(bytes) ?? 'windows-1252';
  return { text: decodeWith(bytes, detected), encoding: detected, how: 'detected' };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** Validation only (simdutf in Node, ~100x faster than a fatal decode that builds a string). */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

function detect(bytes: Uint8Array): string | null {
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  return guess ? canonical(guess) : null;
}

/** The WHATWG canonical name of an encoding label, or null when TextDecoder does not know it. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  // TextDecoder strips a BOM matching the encoding; invalid sequences become U+FFFD per WHATWG.
  return new TextDecoder(encoding).decode(bytes);
}
