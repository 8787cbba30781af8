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
