import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import type { VFile } from 'vfile';
import { decodeUndeclared } from '../decode.js';
import { repairDoubleEncoding } from '../double-encoding.js';
import { warn } from '../../messages.js';
import { notAnArticle } from './not-an-article.js';
import { readFrontMatter } from './front-matter.js';
import { dropPageFurniture } from './page-furniture.js';
import { deinterleaveColumns } from './layout-columns.js';
import { plainDumpToMarkdown } from './plain-dump.js';
import repairEscapedLinks from './repair-escaped-links.js';
import reflowLines from './reflow-lines.js';
import mergeSplitParagraphs from './merge-split-paragraphs.js';
import { readTextMetadata } from './text-metadata.js';
import findArticle from './find-article.js';
import { boundMarkdown } from '../bound-markdown.js';
import { parseMarkdown } from './parse-markdown.js';
import { limitDepth, MAX_TREE_DEPTH, unistShape } from '../../hast/limit-depth.js';

declare module 'vfile' {
  interface DataMap {
    /**
     * The reader has already chosen the article (the text reader finds it in the text itself): the
     * shared main-content stages keep the tree as it is.
     */
    articleGiven: boolean;
  }
}

/**
 * Scraped text -> hast. The text is read as Markdown (most scraper dumps are Markdown or plain
 * paragraphs, which Markdown reads as paragraphs); line-level furniture (form feeds, running
 * headers, side-by-side columns, text-browser link notation) is repaired first, then each
 * scraper artifact is repaired in the tree by its own remark plugin, the metadata printed in the
 * text is read, the article is found, and the result joins the one hast hub wrapped in
 * `<article>` (file.data.articleGiven tells the pipeline so).
 */
const repairs = unified()
  .use(repairEscapedLinks)
  .use(reflowLines)
  .use(mergeSplitParagraphs)
  .freeze();
const toHast = unified().use(remarkRehype).freeze();

export async function readText(bytes: Uint8Array, file: VFile): Promise<HastRoot> {
  const decoded = await decodeUndeclared(bytes);
  file.data.encoding = decoded.encoding;
  if (decoded.how === 'detected') warn(file, 'charset-detected', `text is not UTF-8; detected ${decoded.encoding}`);
  if (decoded.how === 'invalid-bytes') warn(file, 'invalid-bytes', 'invalid UTF-8 byte sequences; each replaced by U+FFFD');
  let text = repairDoubleEncoding(decoded.text, file).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  file.data.articleGiven = true;

  const kind = notAnArticle(text);
  if (kind) {
    warn(file, 'text-not-article', `the text looks like ${kind}, not an article; kept as it is`);
    return wrap([{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text.replace(/\n+$/, '') }] }] }]);
  }

  text = readFrontMatter(text, file);
  // Columns first, page by page: a page's left column is read before its right one.
  text = deinterleaveColumns(text, file);
  text = dropPageFurniture(text, file);
  text = plainDumpToMarkdown(text, file);
  // Hostile shapes (a 1 MB paragraph of links, 1,000 nested quotes) would make the parser and the
  // recursive tree tools slow or overflow: bound them first (read/bound-markdown.ts, hast/limit-depth.ts).
  const bounded = boundMarkdown(text);
  if (bounded.changes.length > 0) warn(file, 'text-bounded', `pathological Markdown shapes: ${bounded.changes.join('; ')}`);
  const mdast = parseMarkdown(bounded.text);
  const unwrapped = limitDepth(mdast as never, unistShape);
  if (unwrapped > 0) warn(file, 'too-deep', `text nested deeper than ${MAX_TREE_DEPTH} levels; unwrapped ${unwrapped} nodes, keeping their text`);
  await repairs.run(mdast, file);
  const headerEnd = readTextMetadata(mdast, file);
  findArticle(mdast, file, headerEnd);
  const hast = (await toHast.run(mdast, file)) as HastRoot;
  return wrap(hast.children as Element['children']);
}

function wrap(children: Element['children']): HastRoot {
  const article: Element = { type: 'element', tagName: 'article', properties: {}, children };
  const body: Element = { type: 'element', tagName: 'body', properties: {}, children: [article] };
  return { type: 'root', children: [{ type: 'element', tagName: 'html', properties: {}, children: [body] }] };
}
