import type { Root } from 'hast';
import { unified, type Processor } from 'unified';
import type { PageKind, UserRules } from './types.js';
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
import dropRepeatedBlocks from './extract/drop-repeated-blocks.js';
import dropQuotedPosts from './extract/drop-quoted-posts.js';
import dropAnswerComments from './extract/drop-answer-comments.js';
import dropAuthorCards from './extract/drop-author-cards.js';
import { forPageTypes, heuristic } from './extract/for-page-types.js';
import { THREAD_PAGE_TYPES } from './extract/page-kind.js';
import resolveUrls from './tidy/resolve-urls.js';
import footnotes from './tidy/footnotes.js';
import foldCaptions from './tidy/fold-captions.js';
import dropHeadingFurniture from './tidy/heading-furniture.js';
import dropBackLinks from './tidy/back-links.js';
import trimCodeBlocks from './tidy/code-blocks.js';
import dropEmptyListItems from './tidy/empty-list-items.js';
import dropTrailingHeadings from './tidy/trailing-headings.js';
import dropPrintHidden from './tidy/print-hidden.js';
import dropSponsorCredits from './tidy/sponsor-credits.js';
import { separateJoinedNames } from './tidy/joined-names.js';
import { joinWrappedLines } from './tidy/wrapped-lines.js';
import { plainSpaces } from './tidy/plain-spaces.js';
import { spaceCellBlocks } from './tidy/table-cells.js';
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
 * Pages on which prune-content runs. Its rules (after Readability's "clean conditionally") drop
 * link-dense blocks, and on an article, a thread, or a single product or service page those are
 * chrome. On a listing or collection the entries and cards are link-dense by nature, as are a
 * documentation page's lists of API links: there they are the content and the rules are not run
 * (regions named as boilerplate still go, by drop-boilerplate-regions). A page whose type is not
 * certain is cleaned as an article (for-page-types.ts). wcxb-dev, WCXB F1, half 1 (tuned) and
 * half 2 (held out): listing 0.434 -> 0.580 and 0.556 -> 0.593, collection 0.543 -> 0.619 and
 * 0.563 -> 0.648, documentation 0.917 -> 0.928 and 0.904 -> 0.908. Threads keep the rules: without
 * them forum falls from 0.689 to 0.670 on half 1 (vote counts, signatures, quick-reply forms).
 */
const PRUNED_PAGE_TYPES: readonly PageKind[] = ['article', 'forum', 'product', 'service'];

/**
 * Pages whose repeated blocks are copies (drop-repeated-blocks.ts): every kind but documentation,
 * which repeats itself by design (the same parameter described under each method that takes it).
 * wcxb-dev WCXB F1, half 1 (tuned): documentation 0.944 -> 0.937 when deduplicated too.
 */
const DEDUPLICATED_PAGE_TYPES: readonly PageKind[] = ['article', 'forum', 'product', 'service', 'listing', 'collection'];

/**
 * Pages whose captions belong to pictures (fold-captions.ts): on a listing or a collection an
 * entry is often a picture with its "caption", the entry's name, price and details: the card's
 * text, which stays text. wcxb-dev half 1 WCXB F1: collection 0.678 -> 0.692 (4 pages changed:
 * 0.050 -> 0.996, 0.918 -> 0.799, two alike), no other page type changed.
 */
const CAPTIONED_PAGE_TYPES: readonly PageKind[] = ['article', 'forum', 'product', 'service', 'documentation'];

/**
 * Pages whose last heading introduces more of the page (trailing-headings.ts): on a listing or a
 * collection an entry may be a heading alone, the last one too.
 */
const HEADED_PAGE_TYPES: readonly PageKind[] = ['article', 'forum', 'product', 'service', 'documentation'];

/**
 * The one way through, from a page's hast to the article's hast: metadata (reads the whole page
 * first) -> clean (one plugin per kind of boilerplate) -> main content -> tidy. Every input format
 * joins here; hast-util-to-mdast and mdast-util-to-markdown take it from there (write/markdown.ts).
 */
export function articlePipeline(options: PipelineOptions): Processor<undefined, Root, Root> {
  return unified()
    .use(readMetadata, { baseUrl: options.baseUrl ?? null })
    .use(applyUserRules, { rules: options.rules ?? null })
    .use(dropNonContent)
    .use(rememberPageText)
    .use(unwrapLayoutTables)
    .use(heuristic(dropBoilerplateRegions))
    .use(options.articleGiven ? [] : [forPageTypes(THREAD_PAGE_TYPES, dropAnswerComments), heuristic(selectMainContent), forPageTypes(PRUNED_PAGE_TYPES, pruneContent), heuristic(dropBoilerplateLines), heuristic(narrowToMainContent), forPageTypes(DEDUPLICATED_PAGE_TYPES, dropRepeatedBlocks), forPageTypes(THREAD_PAGE_TYPES, dropQuotedPosts), forPageTypes(THREAD_PAGE_TYPES, dropAuthorCards)])
    .use(dropPrintHidden)
    .use(dropHeadingFurniture)
    .use(dropBackLinks)
    .use(footnotes)
    .use(resolveUrls)
    .use(forPageTypes(CAPTIONED_PAGE_TYPES, foldCaptions))
    .use(dropSponsorCredits)
    .use(dropEmptyListItems)
    .use(forPageTypes(HEADED_PAGE_TYPES, dropTrailingHeadings))
    .use(trimCodeBlocks)
    .use(unwrapDropCaps)
    .use(dropEndMarks)
    .use(ensureArticle)
    .use(plainSpaces)
    .use(separateJoinedNames)
    .use(joinWrappedLines)
    .use(spaceCellBlocks)
    .use(dropTitleHeading) as unknown as Processor<undefined, Root, Root>;
}
