import type { Root } from 'hast';
import { unified, type Processor } from 'unified';
import type { UserRules } from './types.js';
import readMetadata from './metadata/index.js';
import dropNonContent from './clean/drop-non-content.js';
import applyUserRules from './rules/apply-user-rules.js';
import { ensureArticle, rememberPageText } from './extract/ensure-article.js';
import dropBoilerplateRegions from './clean/drop-boilerplate-regions.js';
import unwrapLayoutTables from './clean/unwrap-layout-tables.js';
import selectMainContent from './extract/select-main-content.js';
import pruneContent from './extract/prune-content.js';
import dropBoilerplateLines from './extract/drop-boilerplate-lines.js';
import narrowToMainContent from './extract/narrow-to-main-content.js';
import resolveUrls from './tidy/resolve-urls.js';
import footnotes from './tidy/footnotes.js';
import foldCaptions from './tidy/fold-captions.js';
import { dropEndMarks, dropTitleHeading, unwrapDropCaps } from './tidy/tidy-article.js';

export interface PipelineOptions {
  baseUrl?: string | null;
  /**
   * The reader has already found the article (the text reader does, in the text itself): skip
   * main-content selection and pruning, which are made for HTML pages, and keep the tree.
   */
  articleGiven?: boolean;
  /** User rules (`--rules FILE`): per-host drop/keep selectors, applied before the heuristics. */
  rules?: UserRules | null;
}

/**
 * The one way through, from a page's hast to the article's hast: metadata (reads the whole page
 * first) -> clean (one plugin per kind of boilerplate) -> main content -> tidy. Every input format
 * joins here; rehype-remark and remark-stringify take it from there (write/markdown.ts).
 */
export function articlePipeline(options: PipelineOptions): Processor<undefined, Root, Root> {
  return unified()
    .use(readMetadata, { baseUrl: options.baseUrl ?? null })
    .use(applyUserRules, { rules: options.rules ?? null, baseUrl: options.baseUrl ?? null })
    .use(dropNonContent)
    .use(rememberPageText)
    .use(unwrapLayoutTables)
    .use(dropBoilerplateRegions)
    .use(options.articleGiven ? [] : [selectMainContent, pruneContent, dropBoilerplateLines, narrowToMainContent])
    .use(footnotes)
    .use(resolveUrls)
    .use(foldCaptions)
    .use(unwrapDropCaps)
    .use(dropEndMarks)
    .use(ensureArticle)
    .use(dropTitleHeading) as unknown as Processor<undefined, Root, Root>;
}
