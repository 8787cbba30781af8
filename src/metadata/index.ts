import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { FieldSource, PageType } from '../types.js';
import { readJsonLd } from './json-ld.js';
import { readMetaTags } from './meta-tags.js';
import { readPageMetadata } from './document.js';
import { resolveFields, type ResolvedFields } from './resolve.js';
import { headlineTitle, labelledTitle, settleTitle } from './title.js';
import { candidatesFor } from './candidates.js';
import { classifyPage, type PageSignals } from './page-type.js';
import { USER_NAME } from './authors.js';

declare module 'vfile' {
  interface DataMap {
    /** The metadata fields as resolved from the whole page, before cleaning. */
    fields: ResolvedFields;
    /**
     * What kind of page this is (article, forum, product, collection, listing, documentation,
     * service) and which signal said so, read off the intact page (page-type.ts); the extraction
     * stages may read it.
     */
    pageType: PageType;
    /**
     * The page's one `<h1>` when it is the title with a label before it ("Blog: Title", title.ts
     * labelledTitle): the body drops it as it drops a heading repeating the title (tidy-article.ts).
     */
    labelledHeading: string | null;
  }
}

/** The page type of an input read as one document (a scraped text, a PDF): an article, as there is no page structure to read. */
export const DOCUMENT_PAGE_TYPE: PageType = { type: 'article', source: 'detected', probability: 1, certain: true };

/** Sources that name the author in structured data: they stand on a thread too. */
const STRUCTURED_AUTHORS: ReadonlySet<FieldSource> = new Set(['json-ld', 'microdata']);


export interface MetadataOptions {
  baseUrl?: string | null;
}

/**
 * rehype plugin: read the whole page's metadata before anything is cleaned away (JSON-LD, meta
 * tags, the document's own markup), resolve each field by the order of trust, and set
 * `file.data.fields`, `file.data.title` and `file.data.pageType`.
 */
export default function readMetadata(options: MetadataOptions = {}) {
  return (tree: Root, file: VFile) => {
    readJsonLd(tree, file);
    readMetaTags(tree, file);
    readPageMetadata(tree, file, options);
    const fields = resolveFields(file);
    file.data.fields = fields;
    file.data.title = fields.title;
    const documentInput = file.data.articleGiven === true || typeof file.data.pages === 'number';
    file.data.pageType = documentInput ? DOCUMENT_PAGE_TYPE : classifyPage(tree, pageSignals(file, options));
    // A thread's author is its starter, as the forum names them (user names may hold digits,
    // "archuser38013", which a byline would not take for a name): the one-word name JSON-LD gives
    // the opening post; else the poster the thread names twice before anyone else (its header's
    // "started by" and the opening post's own name: a forum whose microdata marks only the replies,
    // or an accepted answer shown first, names someone else first there); else the first
    // microdata author's name as written (each post carries one; the first is the starter's);
    // else the first poster under the headline unless structured data names the author.
    const structured = candidatesFor(file, 'authors').filter((c) => STRUCTURED_AUTHORS.has(c.source));
    const posters = file.data.posters ?? [];
    const namedTwice = posters.length >= 2 && posters[0] === posters[1] ? posters[0] : undefined;
    const jsonLdHandle = structured.find((c) => c.source === 'json-ld')?.value.map((a) => a.name.trim()).find((n) => USER_NAME.test(n));
    const microdataName = structured.find((c) => c.source === 'microdata')?.value[0]?.name.trim();
    const microdataHandle = microdataName !== undefined && USER_NAME.test(microdataName) ? microdataName : undefined;
    const starter = jsonLdHandle ?? namedTwice ?? microdataHandle ?? (STRUCTURED_AUTHORS.has(fields.fieldSources.authors ?? 'detected') ? undefined : posters[0]);
    if (file.data.pageType.type === 'forum' && starter) {
      fields.authors = [{ name: starter, url: null, bio: null }];
      fields.fieldSources = { ...fields.fieldSources, authors: 'byline' };
    }
    if (documentInput) return;
    const titles = candidatesFor(file, 'title').map((c) => c.value);
    const heads = file.data.headlines ?? [];
    const headline = headlineTitle(heads, file.data.pageType.type, fields.siteName, fields.title, titles);
    if (headline !== null && headline !== fields.title) {
      fields.title = headline;
      fields.fieldSources = { ...fields.fieldSources, title: 'markup' };
    }
    if (fields.title !== null) fields.title = settleTitle(fields.title, fields.siteName, [...heads, ...titles]);
    file.data.title = fields.title;
    file.data.labelledHeading = heads.length === 1 && fields.title !== null && labelledTitle(heads[0]!, fields.title) ? heads[0]! : null;
  };
}

/** What the page type classifier reads besides the tree, once the metadata readers have run. */
export function pageSignals(file: VFile, options: MetadataOptions = {}): PageSignals {
  return { url: file.data.fields?.url ?? options.baseUrl ?? null, jsonLd: file.data.jsonLdTypes ?? null };
}
