import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/**
 * Text that was UTF-8, read once as windows-1252 or Latin-1 and saved again as UTF-8 (a CMS or a
 * crawler that got the charset wrong): "We’ve" stored as "Weâ€™ve" (read as windows-1252) or as
 * "We" + "â" + U+0080 U+0099 + "ve" (read as Latin-1).
 * The bytes are valid UTF-8 and say so, so no decoder can notice; the words are broken ("weâ"),
 * quotes and dashes unreadable. ftfy-js (a port of Python's ftfy, the standard tool for this)
 * undoes it, judging each run of such characters by how unlikely it is as real text, so a page in
 * Portuguese or French keeps its own accents.
 *
 * ftfy-js is loaded only for text that shows the mark of it: a character that UTF-8's lead bytes
 * become (Â to ô) followed at once by one a continuation byte becomes (U+0080 to U+00BF, or
 * windows-1252's € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), MIN_MARKS times: real text
 * rarely pairs them ("é…" once may happen), mojibake pairs them in every quote.
 */
const MARK = /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/g;
const MIN_MARKS = 3;

type FixEncoding = typeof import('ftfy-js').fix_encoding;
let fixer: Promise<FixEncoding> | null = null;

/** The decoded text, repaired when it is double-encoded (with a `double-encoded` warning). */
export async function repairDoubleEncoding(text: string, file: VFile): Promise<string> {
  if (!hasMarks(text)) return text;
  const fixEncoding = await (fixer ??= import('ftfy-js').then((m) => m.fix_encoding));
  const repaired = fixEncoding(text);
  if (repaired === text) return text;
  warn(file, 'double-encoded', 'the text was UTF-8 read as windows-1252 and saved again ("â€™" for "’"); repaired');
  return repaired;
}

function hasMarks(text: string): boolean {
  MARK.lastIndex = 0;
  for (let n = 0; n < MIN_MARKS; n++) if (!MARK.test(text)) return false;
  return true;
}
