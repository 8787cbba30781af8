import type { VFile } from 'vfile';
import type { FieldSource, MetadataField, MetadataFields } from '../types.js';

/** The value type of each field that metadata readers propose (a list, or one value), from FIELDS. */
export type FieldValues = { [F in MetadataField]: NonNullable<MetadataFields[F]> };

export interface Candidate<F extends MetadataField = MetadataField> {
  field: F;
  value: FieldValues[F];
  source: FieldSource;
}

/** A PDF file's own metadata: its info dictionary and XMP packet. */
const PDF_FILE: readonly FieldSource[] = ['pdf-info', 'xmp'];

/**
 * The order of trust between sources (see docs/metadata.md), the one place for this decision.
 * `order`, most trusted first: structured data the publisher wrote for machines beats tags written
 * for social cards, which beat what we read off the visible page, which beats what we guess.
 * `lastResort`, per field: sources heard only when no other source gives the field at all. A PDF
 * file's creation and modification dates say when the file was made, a dateline in its text
 * (`text`, ranked lower) when the article appeared: the file's dates only date a document that
 * states none.
 */
export const SOURCE_TRUST: { order: readonly FieldSource[]; lastResort: Partial<Record<MetadataField, readonly FieldSource[]>> } = {
  order: [
    'json-ld',
    'microdata',
    'citation',
    'front-matter',
    'dublin-core',
    'open-graph',
    'twitter',
    'meta',
    ...PDF_FILE,
    'markup',
    'byline',
    'time',
    'link',
    'text',
    'url',
    'detected',
  ],
  lastResort: { published: PDF_FILE, modified: PDF_FILE },
};

/** A source's rank in the order of trust (0 is the most trusted). */
export const trustRank = (source: FieldSource): number => SOURCE_TRUST.order.indexOf(source);

declare module 'vfile' {
  interface DataMap {
    /** Every value a metadata reader proposed, in the order they were found. */
    candidates: Candidate[];
  }
}

/** Record a proposed value for a field; empty values are ignored. */
export function propose<F extends MetadataField>(file: VFile, field: F, value: FieldValues[F] | null | undefined, source: FieldSource): void {
  if (value == null) return;
  if (typeof value === 'string' && value.trim() === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  const list = (file.data.candidates ??= []);
  list.push({ field, value, source } as Candidate);
}

/**
 * Candidates for one field, most trusted source first (stable within a source), without the
 * field's last-resort sources when another source gives it.
 */
export function candidatesFor<F extends MetadataField>(file: VFile, field: F): Candidate<F>[] {
  let list = (file.data.candidates ?? []).filter((c): c is Candidate<F> => c.field === field);
  const lastResort = SOURCE_TRUST.lastResort[field];
  if (lastResort && list.some((c) => !lastResort.includes(c.source))) list = list.filter((c) => !lastResort.includes(c.source));
  return list
    .map((c, i) => ({ c, i, rank: trustRank(c.source) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.c);
}
