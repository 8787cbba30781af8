import type { Root } from 'hast';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { VFile } from 'vfile';
import { decodeHtml } from './decode.js';
import { repairDoubleEncoding } from './double-encoding.js';
import { explain, warn } from '../messages.js';
import { assembleStreamedSegments } from './streamed-segments.js';
import { BLOCK_TAGS, limitDepth, MAX_TREE_DEPTH, type TreeShape } from '../hast/limit-depth.js';
import { compactChildren } from '../hast/util.js';
import { fromParse5Releasing } from './from-parse5.js';

/**
 * parse5 settings as rehype-parse (hast-util-from-html) uses them, minus source locations: no stage
 * reads node positions, and tracking them costs about a third of the parse and much of the garbage
 * (a position object per node and attribute). So parse5 + hast-util-from-parse5 directly, the two
 * modules rehype-parse itself is made of.
 */
const PARSE5_OPTIONS = { sourceCodeLocationInfo: false, scriptingEnabled: false } as const;

/** HTML bytes -> hast: decode per the HTML standard's sniffing, then parse as rehype-parse does. */
export async function readHtml(bytes: Uint8Array, file: VFile, transportCharset: string | null = null): Promise<Root> {
  const decoded = await decodeHtml(bytes, transportCharset);
  file.data.encoding = decoded.encoding;
  if (decoded.how === 'declared-but-invalid') {
    warn(file, 'charset-mismatch', `declared charset is wrong for these bytes; decoded as ${decoded.encoding}`);
  } else if (decoded.how === 'detected') {
    warn(file, 'charset-detected', `no charset declared and not UTF-8; detected ${decoded.encoding}`);
  } else if (decoded.how === 'invalid-bytes') {
    warn(file, 'invalid-bytes', 'invalid UTF-8 byte sequences; each replaced by U+FFFD');
  }
  const text = repairDoubleEncoding(decoded.text, file);
  const document = parse(closeSelfClosedIframes(text), PARSE5_OPTIONS);
  // Every later stage sees the depth bounded, and so does hast-util-from-parse5 in a <template>.
  const unwrapped = limitDepth(document, parse5Shape);
  if (unwrapped > 0) warn(file, 'too-deep', `elements nested deeper than ${MAX_TREE_DEPTH} levels; unwrapped ${unwrapped} of them, keeping their text`);
  const tree = fromParse5Releasing(document);
  compactChildren(tree);
  // Only a page that streams has segments to place: a scan of the text spares the rest a tree walk.
  const moved = STREAMED_SEGMENT.test(text) ? assembleStreamedSegments(tree) : 0;
  if (moved > 0) explain(file, 'assemble-streamed', `moved ${moved} streamed segment(s) into their placeholders`);
  return tree;
}

/**
 * `<iframe … />` written as if it closed itself (pages saved through an XML-style serialiser; the
 * tracking `<noscript><iframe … /></noscript>` that tag managers put at the top of the body). In
 * HTML an iframe's start tag never closes itself: everything after it is read as the iframe's
 * text, up to an `</iframe>` that does not come, and the rest of the page vanishes. A browser
 * running scripts never sees this inside <noscript>, whose content it reads as text; unboil reads
 * <noscript> as markup (a forum's crawler view lives there), so the iframe is closed here, as its
 * author meant. Written by hand: a string fix before parsing, which no parser option offers.
 */
/** The mark of a streamed segment (streamed-segments.ts): `<div hidden id="S:7">`. */
const STREAMED_SEGMENT = /\bid=["']?S:/;

const SELF_CLOSED_IFRAME = /<iframe\b([^>]*?)\/>/gi;

function closeSelfClosedIframes(text: string): string {
  return /<iframe\b[^>]*\/>/i.test(text) ? text.replace(SELF_CLOSED_IFRAME, '<iframe$1></iframe>') : text;
}

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** parse5's tree: `childNodes`, and a template's children live in its `content` fragment. */
const parse5Shape: TreeShape<P5Node> = {
  children: (node) => (node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : (node as P5Parent).childNodes),
  setChildren: (node, children) => {
    const parent = node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content : (node as P5Parent);
    for (const child of children) (child as DefaultTreeAdapterMap['childNode']).parentNode = parent;
    parent.childNodes = children as DefaultTreeAdapterMap['childNode'][];
  },
  text: (node) => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : null),
  makeText: (value) => ({ nodeName: '#text', value, parentNode: null }) as DefaultTreeAdapterMap['textNode'],
  isBlock: (node) => BLOCK_TAGS.has(node.nodeName),
};

declare module 'vfile' {
  interface DataMap {
    /** The character encoding used to decode the input. */
    encoding: string | null;
  }
}
