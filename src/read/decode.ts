import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

// Node 20's built-in TextDecoder decodes windows-1252 as ISO-8859-1 (0x80-0x9F become C1 controls,
// so ’ – € are lost); @exodus/bytes implements the WHATWG Encoding Standard exactly. It and the
// chardet detector are loaded only for a page that is not UTF-8 (most are), which keeps them out
// of a one-page run's start-up; UTF-8 is decoded by Node's own decoder, exact for UTF-8.
type WhatwgDecoder = typeof import('@exodus/bytes/encoding.js').TextDecoder;
let legacyDecoder: Promise<WhatwgDecoder> | null = null;
const whatwgDecoder = (): Promise<WhatwgDecoder> => (legacyDecoder ??= import('@exodus/bytes/encoding.js').then((m) => m.TextDecoder));
const UTF8 = new TextDecoder('utf-8');

const require = createRequire(import.meta.url);
// The HTML standard's encoding sniffing (BOM, then the <meta charset>/http-equiv prescan), as
// jsdom uses it: a maintained implementation of the spec's byte-level algorithm.
const sniffHtmlEncoding = require('html-encoding-sniffer') as (
  bytes: Uint8Array,
  options?: { defaultEncoding?: string; transportLayerEncodingLabel?: string },
) => string;

const UNDECLARED = 'x-unboil-undeclared';

export interface Decoded {
  text: string;
  /** WHATWG name of the encoding used, lower-case (`utf-8`, `windows-1252`, `shift_jis`). */
  encoding: string;
  /** Why this encoding: `bom`/`declared` (the page says so), `utf-8` (valid UTF-8), `detected`. */
  how: 'declared' | 'valid-utf-8' | 'detected' | 'declared-but-invalid' | 'invalid-bytes';
}

/**
 * Decode HTML bytes per the HTML standard's sniffing (BOM, the transport's charset, the page's
 * declaration). When the page declares nothing, valid UTF-8
 * is read as UTF-8 and anything else goes to a statistical detector (chardet); a page that
 * declares UTF-8 but is not valid UTF-8 is detected too (the declaration lies), and a page that
 * declares a legacy charset but is valid UTF-8 with non-ASCII text is read as UTF-8.
 */
export async function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): Promise<Decoded> {
  // The transport's charset (an HTTP header's) comes after a BOM and before the page's own, as the standard orders them.
  const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: UNDECLARED, ...(transportCharset ? { transportLayerEncodingLabel: transportCharset } : {}) });
  if (sniffed !== UNDECLARED) {
    const encoding = (await canonical(sniffed)) ?? 'utf-8';
    if (encoding === 'utf-8' && !isValidUtf8(bytes)) {
      if (mostlyUtf8(bytes)) return { text: await decodeWith(bytes, 'utf-8'), encoding: 'utf-8', how: 'invalid-bytes' };
      const detected = await detect(bytes);
      if (detected && detected !== 'utf-8') return { text: await decodeWith(bytes, detected), encoding: detected, how: 'declared-but-invalid' };
    }
    if (encoding !== 'utf-8' && !encoding.startsWith('utf-16') && isValidUtf8(bytes) && countNonAscii(bytes) >= MIN_UTF8_EVIDENCE) {
      return { text: await decodeWith(bytes, 'utf-8'), encoding: 'utf-8', how: 'declared-but-invalid' };
    }
    return { text: await decodeWith(bytes, encoding), encoding, how: 'declared' };
  }
  return decodeUndeclared(bytes);
}

/** Decode text with no declaration: a BOM, else valid UTF-8, else what the detector says. */
export async function decodeUndeclared(bytes: Uint8Array): Promise<Decoded> {
  const bom = bomEncoding(bytes);
  if (bom) return { text: await decodeWith(bytes, bom), encoding: bom, how: 'declared' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: await decodeWith(bytes, utf16), encoding: utf16, how: 'detected' };
  if (isValidUtf8(bytes)) return { text: await decodeWith(bytes, 'utf-8'), encoding: 'utf-8', how: 'valid-utf-8' };
  if (mostlyUtf8(bytes)) return { text: await decodeWith(bytes, 'utf-8'), encoding: 'utf-8', how: 'invalid-bytes' };
  const detected = await detect(bytes) ?? 'windows-1252';
  return { text: await decodeWith(bytes, detected), encoding: detected, how: 'detected' };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * Pages re-saved as UTF-8 keep their old `<meta charset=gb2312>`. Legacy-encoded text with this many
 * non-ASCII bytes is almost never valid UTF-8 by chance (UTF-8's continuation-byte pattern is
 * strict), so valid UTF-8 outweighs a legacy declaration.
 */
const MIN_UTF8_EVIDENCE = 16;

function countNonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length && n < MIN_UTF8_EVIDENCE; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}

/** Validation only (simdutf in Node, ~100x faster than a fatal decode that builds a string). */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/**
 * UTF-16 without a BOM: ASCII-range text puts a NUL in every other byte (the high byte first in
 * big-endian). Hand-written because neither the sniffer (it looks for ASCII bytes) nor chardet
 * (it needs a BOM) says so; at least 40% of one column NUL and almost none in the other.
 */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs > 0.4 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.4 && odd / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-8 with a few invalid sequences (a truncated character, a stray byte): read as UTF-8, each bad
 * sequence a U+FFFD as the WHATWG decoder makes it, rather than guessing a legacy encoding that
 * would garble every valid character. "Mostly": at least `UTF8_VALID_PER_INVALID` valid non-ASCII
 * characters per invalid sequence (legacy text read as UTF-8 yields almost no valid ones).
 */
const UTF8_VALID_PER_INVALID = 4;

function mostlyUtf8(bytes: Uint8Array): boolean {
  const text = UTF8.decode(bytes.subarray(0, 256 * 1024));
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f && !(c >= 0xdc00 && c <= 0xdfff)) valid++;
  }
  return valid > 0 && valid >= UTF8_VALID_PER_INVALID * invalid;
}

/** Single-byte legacy encodings chardet may confuse with one another (WHATWG names). */
const SINGLE_BYTE = [
  'windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r', 'iso-8859-5', 'windows-1253', 'iso-8859-7',
  'windows-1257', 'iso-8859-4', 'iso-8859-13', 'windows-1254', 'iso-8859-15', 'windows-1256', 'iso-8859-6', 'windows-1255',
  'iso-8859-8', 'windows-874', 'koi8-u', 'ibm866', 'macintosh',
];

/**
 * The encoding of undeclared, non-UTF-8 bytes. chardet is reliable on multi-byte encodings but on
 * short single-byte text it often picks a wrong code page (KOI8-R read as ISO-8859-6, ISO-8859-5
 * as ISO-8859-2). So when it says single-byte, every single-byte candidate is decoded and the most
 * plausible text wins (`plausibility`); ties keep chardet's order.
 */
async function detect(bytes: Uint8Array): Promise<string | null> {
  const sample = bytes.subarray(0, 64 * 1024);
  const { default: chardet } = await import('chardet');
  const names = await Promise.all(chardet.analyse(sample).map((match) => canonical(match.name)));
  const ranked = names.filter((name): name is string => name !== null);
  const top = ranked[0] ?? null;
  if (top === null || !SINGLE_BYTE.includes(top)) return top;
  const candidates = [...new Set([...ranked.filter((name) => SINGLE_BYTE.includes(name)), ...SINGLE_BYTE])];
  let best = top;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = plausibility(await decodeWith(sample, candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Non-ASCII punctuation common in real text; other non-ASCII symbols suggest a wrong code page. */
const COMMON_MARKS = /[\u00a0\u00ab\u00bb\u00a9\u00ae\u00b0\u00a7\u00b7\u00bf\u00a1\u2010-\u2027\u20ac\u2116]/u;
const WORD = /[\p{L}\p{M}]+/gu;
const SCRIPTS = [/^[\p{Script=Latin}\p{M}]+$/u, /^[\p{Script=Cyrillic}\p{M}]+$/u, /^[\p{Script=Greek}\p{M}]+$/u, /^[\p{Script=Arabic}\p{M}]+$/u, /^[\p{Script=Hebrew}\p{M}]+$/u, /^[\p{Script=Thai}\p{M}]+$/u];

/**
 * How much decoded text looks like real writing: words with non-ASCII letters score their length
 * when they are in one script, cased like words (lower, Capitalised, or all capitals), and, in Latin
 * script, mostly ASCII (accents are the exception in Latin-script languages; a word of accented
 * letters only is mojibake); otherwise minus their length. Replacement characters, C1 controls and
 * rare symbols score -2. Hand-written: no maintained detector ranks code pages by their output.
 */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) score -= 2;
    else if (!/[\p{L}\p{M}]/u.test(text[i]!) && !COMMON_MARKS.test(text[i]!)) score -= 2;
  }
  for (const [word] of text.matchAll(WORD)) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    const oneScript = SCRIPTS.some((script) => script.test(word));
    const rest = word.slice(1);
    const cased = word === word.toLowerCase() || word === word.toUpperCase() || rest === rest.toLowerCase();
    const latin = SCRIPTS[0]!.test(word);
    const nonAscii = word.replace(/[\x00-\x7f]/g, '').length;
    const mojibakeLatin = latin && word.length >= 3 && nonAscii * 2 > word.length;
    score += oneScript && cased && !mojibakeLatin ? word.length : -word.length;
  }
  return score;
}

/** The WHATWG canonical name of an encoding label, or null when TextDecoder does not know it. */
async function canonical(label: string): Promise<string | null> {
  const name = label.trim().toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  try {
    return new (await whatwgDecoder())(name).encoding;
  } catch {
    return null;
  }
}

async function decodeWith(bytes: Uint8Array, encoding: string): Promise<string> {
  // TextDecoder strips a BOM matching the encoding; invalid sequences become U+FFFD per WHATWG.
  if (encoding === 'utf-8') return UTF8.decode(bytes);
  return new (await whatwgDecoder())(encoding).decode(bytes);
}
