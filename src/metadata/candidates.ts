import type { VFile } from 'vfile';
import type { FieldSource, MetadataField, MetadataFields } from '../types.js';

/** The value type of each field that metadata readers propose (a list, or one value), from FIELDS. */
export type FieldValues = { [F in MetadataField]: NonNullable<MetadataFields[F]> };

export interface Candidate<F extends MetadataField = MetadataField> {
  field: F;
  value: FieldValues[F];
  source: FieldSource;
}

/**
 * Order of trust between sources, most trusted first (see docs/metadata.md): structured data the
 * publisher wrote for machines beats tags written for social cards, which beat what we read off
 * the visible page, which beats what we guess. One place for this decision.
 */
export const SOURCE_TRUST: readonly FieldSource[] = [
  'json-ld',
  'microdata',
  'citation',
  'front-matter',
  'dublin-core',
  'open-graph',
  'twitter',
  'meta',
  'pdf-info',
  'xmp',
  'markup',
  'byline',
  'time',
  'link',
  'text',
  'url',
  'detected',
];

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

/** Candidates for one field, most trusted source first (stable within a source). */
export function candidatesFor<F extends MetadataField>(file: VFile, field: F): Candidate<F>[] {
  const list = (file.data.candidates ?? []).filter((c): c is Candidate<F> => c.field === field);
  return list
    .map((c, i) => ({ c, i, rank: SOURCE_TRUST.indexOf(c.source) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.c);
}
