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

/** A field that holds one value, null when the page gives none. */
const one = <T>(): T | null => null;
/** A field that holds a list, empty when the page gives none. */
const list = <T>(): T[] => [];

/**
 * The metadata fields, in the schema's key order (schema/metadata.schema.json), each with its
 * value when the page gives none. The one list of fields: `Metadata`, `MetadataField` (the fields
 * readers propose), their value types (`FieldValues`) and the JSON's key order
 * (metadata/assemble.ts) are all drawn from it.
 */
export const FIELDS = {
  title: one<string>(),
  subtitle: one<string>(),
  authors: list<Author>(),
  published: one<string>(),
  modified: one<string>(),
  lang: one<string>(),
  siteName: one<string>(),
  url: one<string>(),
  description: one<string>(),
  section: one<string>(),
  /** What kind of page the input is, read off its structure (docs/metadata.md, "Page type"). */
  pageType: 'article' as PageKind,
  tags: list<string>(),
  image: one<string>(),
  license: one<string>(),
  translations: list<Translation>(),
  related: list<RelatedItem>(),
};

/** The metadata fields and their value types (FIELDS). */
export type MetadataFields = typeof FIELDS;

/** The fields that metadata readers fill (those that can have a source): every field but the page type, which is classified. */
export type MetadataField = Exclude<keyof MetadataFields, 'pageType'>;

/** The JSON metadata object, schema version 1: the fields, then their provenance. Key order is the schema's order. */
export interface Metadata extends MetadataFields {
  fieldSources: Partial<Record<MetadataField | 'pageType', FieldSource>>;
  wordCount: number;
  source: SourceInfo;
  generator: { name: 'unboil'; version: string };
  warnings: Warning[];
}

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
