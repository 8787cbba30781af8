import type { VFile } from 'vfile';
import type { PageKind } from '../types.js';

/**
 * The kind of page the extraction works for: the classifier's type (`file.data.pageType`, set by
 * readMetadata from the intact page) when it is `certain`; otherwise an article, the kind every
 * rule was first made for.
 */
export function pageKindOf(file: VFile): PageKind {
  const pt = file.data.pageType;
  return pt?.certain ? pt.type : 'article';
}

/**
 * Pages that are threads of posts, where a reply's quotation of an earlier post repeats it
 * (drop-quoted-posts.ts), where a question-and-answer page's comments on its posts are remarks,
 * not posts (drop-answer-comments.ts), and where each post's date line is part of the post
 * (drop-boilerplate-lines.ts). On an article a blockquote is a quotation of a source the page does
 * not hold, and stays; its dateline is the headline's furniture.
 */
export const THREAD_PAGE_TYPES: readonly PageKind[] = ['forum'];
