import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import type { VFile } from 'vfile';
import { decodeUndeclared } from './decode.js';
import { warn } from '../messages.js';

/**
 * Scraped text -> hast: the text is read as Markdown (most scraper dumps are Markdown or plain
 * paragraphs, which Markdown reads as paragraphs), then joins the one hast hub.
 */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const toHast = unified().use(remarkRehype).freeze();

export async function readText(bytes: Uint8Array, file: VFile): Promise<HastRoot> {
  const decoded = decodeUndeclared(bytes);
  file.data.encoding = decoded.encoding;
  if (decoded.how === 'detected') warn(file, 'charset-detected', `text is not UTF-8; detected ${decoded.encoding}`);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const mdast = parser.parse(text) as MdastRoot;
  const hast = (await toHast.run(mdast, file)) as HastRoot;
  // Wrap in a body so the shared stages see the same shape as an HTML page.
  return {
    type: 'root',
    children: [{ type: 'element', tagName: 'html', properties: {}, children: [{ type: 'element', tagName: 'body', properties: {}, children: hast.children as never }] }],
  };
}
