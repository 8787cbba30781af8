import type { VFile } from 'vfile';
import { FIELDS, type Metadata, type SourceInfo } from '../types.js';
import { messagesOf, warn, warningsOf } from '../messages.js';
import { VERSION } from '../version.js';
import { articleLang } from './detect-lang.js';
import { wordCount } from '../hast/words.js';
import { DOCUMENT_PAGE_TYPE } from './index.js';

/** What the metadata object takes besides the fields resolved from the page (file.data.fields). */
export interface AssembleInput {
  /** The article's text as written to Markdown (without the title). */
  text: string;
  /** Where the page was captured (`ConvertOptions.url`): the URL when the page states none. */
  captureUrl: string | null;
  source: SourceInfo;
}

/**
 * The metadata object, assembled once the article is written: the fields resolved from the page
 * (metadata/resolve.ts), the article's language (stated, else detected from its text, which may
 * overrule `<html lang>`: detect-lang.ts) and word count, the warnings about what is missing, and
 * `fieldSources` in the fields' order. Keys in the schema's order (FIELDS, then provenance).
 */
export async function assembleMetadata(file: VFile, { text, captureUrl, source }: AssembleInput): Promise<Metadata> {
  const fields = file.data.fields!;
  const words = wordCount(text);
  if (words === 0) warn(file, 'empty-article', 'no article text found');
  const sources: Metadata['fieldSources'] = { ...fields.fieldSources };
  if (!fields.url && captureUrl) sources.url = 'capture';
  const pageType = file.data.pageType ?? DOCUMENT_PAGE_TYPE;
  sources.pageType = pageType.source;
  const { lang, source: langSource } = await articleLang(file, fields.lang, sources.lang, text);
  if (langSource) sources.lang = langSource;
  if (!fields.title) warn(file, 'no-title', 'no title found');
  if (!fields.published) warn(file, 'no-date', 'no publication date found');

  const values = { ...fields, lang, url: fields.url ?? captureUrl, pageType: pageType.type };
  const ordered = Object.fromEntries(Object.keys(FIELDS).map((key) => [key, values[key as keyof typeof FIELDS]])) as typeof FIELDS;
  const fieldSources: Metadata['fieldSources'] = {};
  for (const key of Object.keys(FIELDS) as Array<keyof Metadata['fieldSources']>) if (sources[key]) fieldSources[key] = sources[key];
  return {
    ...ordered,
    fieldSources,
    wordCount: words,
    source,
    generator: { name: 'unboil', version: VERSION },
    warnings: warningsOf(messagesOf(file)),
  };
}
