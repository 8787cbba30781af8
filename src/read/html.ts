import type { Root } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { VFile } from 'vfile';
import { decodeHtml } from './decode.js';
import { warn } from '../messages.js';

const parser = unified().use(rehypeParse, { fragment: false }).freeze();

/** HTML bytes -> hast: decode per the HTML standard's sniffing, then parse with rehype-parse. */
export function readHtml(bytes: Uint8Array, file: VFile): Root {
  const decoded = decodeHtml(bytes);
  file.data.encoding = decoded.encoding;
  if (decoded.how === 'declared-but-invalid') {
    warn(file, 'charset-mismatch', `declared charset is wrong for these bytes; decoded as ${decoded.encoding}`);
  } else if (decoded.how === 'detected') {
    warn(file, 'charset-detected', `no charset declared and not UTF-8; detected ${decoded.encoding}`);
  }
  return parser.parse(decoded.text) as Root;
}

declare module 'vfile' {
  interface DataMap {
    /** The character encoding used to decode the input. */
    encoding: string | null;
  }
}
