import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/**
 * Text that was UTF-8, read once as windows-1252 or Latin-1 and saved again as UTF-8 (a CMS or a
 * crawler that got the charset wrong): "We’ve" stored as "Weâ€™ve" (read as windows-1252) or as
 * "We" + "â" + U+0080 U+0099 + "ve" (read as Latin-1). The bytes are valid UTF-8 and say so, so no
 * decoder can notice; the words are broken ("weâ"), quotes, dashes and currency signs unreadable.
 *
 * Written by hand: ftfy-js (a port of Python's ftfy) does this and much more, but loading it and
 * running it over a page cost 50 MB of peak memory and a tenth of a second a page in the speed
 * benchmark (scrapinghub-dev: 291 -> 341 MB). The one repair needed here is small: each character
 * is turned back into the byte it was read from, and where those bytes form a UTF-8 sequence (a
 * lead byte, C2 to F4, and its continuation bytes, 80 to BF), the sequence is decoded. A character
 * that forms none stays, so a page's own accents ("São", "café…") are kept.
 *
 * Only text that shows the mark of it MIN_MARKS times is repaired: a lead byte's character (Â to
 * ô) followed at once by a continuation byte's. Real text rarely pairs them ("é…" may happen
 * once); mojibake pairs them in every quote.
 */
const MIN_MARKS = 3;

/** windows-1252's characters for bytes 80 to 9F (the others of that range are read as U+0080-U+009F). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 0x20; i++) BYTE_OF.set(WINDOWS_1252_HIGH[i]!, 0x80 + i);
for (let b = 0x80; b <= 0xff; b++) if (!BYTE_OF.has(String.fromCharCode(b))) BYTE_OF.set(String.fromCharCode(b), b);

const CONTINUATION = `[\\u0080-\\u00bf${WINDOWS_1252_HIGH}]`;
/** A lead byte's character followed by the continuation bytes' characters it needs. */
const SEQUENCE = new RegExp(`[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`, 'gu');
const MARK = new RegExp(`[\\u00c2-\\u00f4]${CONTINUATION}`, 'gu');
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The decoded text, repaired when it is double-encoded (with a `double-encoded` warning). */
export function repairDoubleEncoding(text: string, file: VFile): string {
  if (!hasMarks(text)) return text;
  let repaired = 0;
  const out = text.replace(SEQUENCE, (run) => {
    const bytes = Uint8Array.from(run, (c) => BYTE_OF.get(c)!);
    try {
      const char = UTF8.decode(bytes);
      repaired++;
      return char;
    } catch {
      return run; // an overlong form or a surrogate: not UTF-8 after all
    }
  });
  if (repaired > 0) warn(file, 'double-encoded', `the text was UTF-8 read as windows-1252 and saved again ("â€™" for "’"); repaired ${repaired} characters`);
  return out;
}

function hasMarks(text: string): boolean {
  MARK.lastIndex = 0;
  for (let n = 0; n < MIN_MARKS; n++) if (!MARK.test(text)) return false;
  return true;
}
