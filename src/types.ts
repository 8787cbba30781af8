/** Public types of unboil: the metadata schema and the convert() contract (docs/api.md). */

export type InputFormat = 'html' | 'pdf' | 'text';

export interface Author {
  name: string;
  url: string | null;
  bio: string | null;
}

export interface Translation {
  lang: string | null;
  label: string | null;
  url: string;
}

export interface RelatedItem {
  title: string;
  url: string | null;
  published: string | null;
  authors: string[];
  section: string | null;
}

/** Where a field's value came from. */
export type FieldSource =
  | 'json-ld'
  | 'microdata'
  | 'citation'
  | 'open-graph'
  | 'twitter'
  | 'dublin-core'
  | 'meta'
  | 'byline'
  | 'time'
  | 'url'
  | 'text'
  | 'pdf-info'
  | 'xmp'
  | 'detected'
  | 'markup'
  | 'link'
  | 'front-matter'
  | 'capture';

export interface SourceInfo {
  path: string | null;
  format: InputFormat;
  bytes: number;
  sha256: string;
  encoding: string | null;
  pages: number | null;
  /** Where in a web archive the page was captured (an archive input's records only). */
  warc?: WarcSource;
}

/** A record of a WARC or WACZ input (docs/batch.md, "Web archives"). */
export interface WarcSource {
  /** The archive file as given. */
  file: string;
  /** The WARC inside a WACZ (`archive/data.warc.gz`); null for a WARC file. */
  member: string | null;
  /** Byte offset of the record (of its gzip member) in the WARC. */
  offset: number;
  recordId: string | null;
  targetUri: string | null;
  /** WARC-Date: when the page was captured (never its publication date); null when absent or not ISO 8601. */
  date: string | null;
}

export interface Warning {
  rule: string;
  message: string;
}

/** The kinds of page unboil tells apart (docs/metadata.md, "Page type"). */
export type PageKind = 'article' | 'forum' | 'product' | 'collection' | 'listing' | 'documentation' | 'service';

/** A page's kind and the signal that decided it (`fieldSources.pageType`). */
export interface PageType {
  type: PageKind;
  source: FieldSource;
  /** The classifier's probability for `type` (0..1); 1 for a text or PDF input, always an article. */
  probability: number;
  /** Sure enough for the extraction to choose its stages by it (page-type.ts, CERTAIN_PROBABILITY). */
  certain: boolean;
}

/** The JSON metadata object, schema version 1. Key order is the schema's order. */
export interface Metadata {
  title: string | null;
  subtitle: string | null;
  authors: Author[];
  published: string | null;
  modified: string | null;
  lang: string | null;
  siteName: string | null;
  url: string | null;
  description: string | null;
  section: string | null;
  /** What kind of page the input is, read off its structure (docs/metadata.md, "Page type"). */
  pageType: PageKind;
  tags: string[];
  image: string | null;
  license: string | null;
  translations: Translation[];
  related: RelatedItem[];
  fieldSources: Partial<Record<MetadataField | 'pageType', FieldSource>>;
  wordCount: number;
  source: SourceInfo;
  generator: { name: 'unboil'; version: string };
  warnings: Warning[];
}

/** The fields that metadata extractors fill (those that can have a source). */
export type MetadataField =
  | 'title'
  | 'subtitle'
  | 'authors'
  | 'published'
  | 'modified'
  | 'lang'
  | 'siteName'
  | 'url'
  | 'description'
  | 'section'
  | 'tags'
  | 'image'
  | 'license'
  | 'translations'
  | 'related';

export interface ConvertOptions {
  /** Force the input kind; `auto` (default) sniffs the bytes. */
  from?: InputFormat | 'auto';
  /** Path of the input as the user gave it (recorded in `source.path`); null for stdin. */
  path?: string | null;
  /** Base URL against which relative links are resolved when the page gives none. */
  baseUrl?: string | null;
  /**
   * The URL the page was fetched from (a web archive record's WARC-Target-URI): the base for
   * links when the page gives none (before `baseUrl`), and `metadata.url` when the page states
   * none (`fieldSources.url` is then `capture`).
   */
  url?: string | null;
  /** The charset the transport declared (an HTTP Content-Type's): after a BOM, before the page's own declaration. */
  charset?: string | null;
  /** Start the Markdown with `# Title` (default true). */
  title?: boolean;
  /** Prepend a YAML front-matter block. */
  frontMatter?: boolean;
  /** Record every removed block as a message (for --explain). */
  explain?: boolean;
  /** User rules: per-host CSS selectors to drop or keep before the heuristics (a bare list is taken too). */
  rules?: UserRules | UserRule[] | null;
}

export interface UserRule {
  /** Host name the rule applies to (`example.com` also matches `www.example.com`); `*` for all. */
  host: string;
  drop?: string[];
  keep?: string[];
}

export interface UserRules {
  rules: UserRule[];
}

export interface Message {
  rule: string;
  message: string;
  /** `warning` for what went wrong or was guessed; `info` for audit trail entries (--explain). */
  severity: 'warning' | 'info';
}

export interface ConvertResult {
  markdown: string;
  metadata: Metadata;
  messages: Message[];
}
