import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { readJsonLd } from './json-ld.js';
import { readMetaTags } from './meta-tags.js';
import { readDocument } from './document.js';
import { resolveFields, type ResolvedFields } from './resolve.js';

declare module 'vfile' {
  interface DataMap {
    /** The metadata fields as resolved from the whole page, before cleaning. */
    fields: ResolvedFields;
  }
}

export interface MetadataOptions {
  baseUrl?: string | null;
}

/**
 * rehype plugin: read the whole page's metadata before anything is cleaned away (JSON-LD, meta
 * tags, the document's own markup), resolve each field by the order of trust, and set
 * `file.data.fields` and `file.data.title`.
 */
export default function readMetadata(options: MetadataOptions = {}) {
  return (tree: Root, file: VFile) => {
    readJsonLd(tree, file);
    readMetaTags(tree, file);
    readDocument(tree, file, options);
    const fields = resolveFields(file);
    file.data.fields = fields;
    file.data.title = fields.title;
  };
}
