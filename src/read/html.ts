import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import type { VFile } from 'vfile';
import { decodeHtml } from './decode.js';
import { warn } from '../messages.js';

/**
 * parse5 settings as rehype-parse (hast-util-from-html) uses them, minus source locations: no stage
 * reads node positions, and tracking them costs about a third of the parse and much of the garbage
 * (a position object per node and attribute). So parse5 + hast-util-from-parse5 directly, the two
 * modules rehype-parse itself is made of.
 */
const PARSE5_OPTIONS = { sourceCodeLocationInfo: false, scriptingEnabled: false } as const;

/** HTML bytes -> hast: decode per the HTML standard's sniffing, then parse as rehype-parse does. */
export function readHtml(bytes: Uint8Array, file: VFile): Root {
  const decoded = decodeHtml(bytes);
  file.data.encoding = decoded.encoding;
  if (decoded.how === 'declared-but-invalid') {
    warn(file, 'charset-mismatch', `declared charset is wrong for these bytes; decoded as ${decoded.encoding}`);
  } else if (decoded.how === 'detected') {
    warn(file, 'charset-detected', `no charset declared and not UTF-8; detected ${decoded.encoding}`);
  }
  return fromParse5(parse(decoded.text, PARSE5_OPTIONS)) as Root;
}

declare module 'vfile' {
  interface DataMap {
    /** The character encoding used to decode the input. */
    encoding: string | null;
  }
}
