import type { Input, Problem } from '../discover.js';
import { outputKey } from '../outputs.js';
import { assignKeys } from './output-path.js';
import { scanArchive, type SkippedRecord } from './scan.js';
import { archiveKind, namedLikeArchive } from './source.js';

/** A record passed over, with the key --shard decides its shard by (its archive's mirrored path and its place: the same on every machine). */
export type SkippedInput = SkippedRecord & { key: string };

export interface Expanded {
  /** Ordinary files as they were, and each archive replaced by its records (in record order). */
  inputs: Input[];
  /** Archive records passed over, with their reason (a report line each, counted by reason in the summary). */
  skipped: SkippedInput[];
  /** Damaged archives and files named like one that are not (errors naming the file and the byte offset). */
  problems: Problem[];
}

/**
 * Replace each web archive among the inputs (told by its bytes: see source.ts) by the records
 * to convert in it. Each record's output key comes from its URL (output-path.ts), unique among
 * all inputs, decided here once over the whole batch: a shard takes its share afterwards, so
 * every shard names a record as one unsharded run does.
 */
export async function expandArchives(found: Input[], maxBytes: number): Promise<Expanded> {
  const inputs: Input[] = [];
  const skipped: SkippedInput[] = [];
  const problems: Problem[] = [];
  const records: Input[] = [];
  for (const input of found) {
    const kind = input.path === '-' ? null : await archiveKind(input.path);
    if (!kind) {
      if (input.path !== '-' && namedLikeArchive(input.path)) {
        problems.push({ path: input.path, code: 'NOT_AN_ARCHIVE', message: 'named like a web archive, but its bytes (from byte 0) are neither a WARC (plain or gzip) nor a WACZ' });
      } else {
        inputs.push(input);
      }
      continue;
    }
    const scan = await scanArchive(input.path, kind, maxBytes);
    for (const record of scan.records) {
      const entry: Input = { path: input.path, rel: '', record };
      inputs.push(entry);
      records.push(entry);
    }
    for (const record of scan.skipped) skipped.push({ ...record, key: `${input.rel}#${record.member ?? ''}#${record.offset}` });
    for (const problem of scan.problems) {
      problems.push({ path: input.path, code: problem.code, message: `${problem.member ? `${problem.member}: ` : ''}${problem.message}` });
    }
  }
  const taken = new Set(inputs.filter((i) => !i.record).map((i) => outputKey(i.rel).toLowerCase()));
  const keys = assignKeys(
    records.map((r) => r.record!),
    taken,
  );
  records.forEach((entry, i) => (entry.rel = `${keys[i]}${RECORD_EXTENSION}`));
  return { inputs, skipped, problems };
}

/** The extension a record's `rel` gets, which planOutputs takes off again (a URL's own would be ambiguous). */
const RECORD_EXTENSION = '.html';
