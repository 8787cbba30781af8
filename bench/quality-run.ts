/**
 * One quality run over a corpus (or one of its halves, bench/halves.ts): convert every document
 * (without the title, as the benchmarks score body text), write the predictions and score each page.
 * A corpus whose entries carry `meta.pageType` (WCXB) is scored with WCXB's own metric
 * (bench/wcxb-metric.ts), and its predictions are `<id>.txt` (plain text), `<id>.md` and
 * `<id>.meta.json` (title, authors, published, pageType) for ../shared/tools/score-wcxb.mjs; any
 * other corpus with the benchmark's shingle metric, predictions `<id>.md`, and, where it has
 * reference HTML (`expected`), the structure figure.
 * Used by bench/quality.ts (prints) and bench/gate.ts (checks floors).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from '../src/index.js';
import { markdownToText } from '../src/write/plain-text.js';
import { readDoc, readManifest, type CorpusEntry } from './corpus.js';
import { halves, pageTypeOf, selectHalf, type Half } from './halves.js';
import { corpusScores, shingleMatch, type Match, type Scores } from './metric.js';
import { pageScore, wcxbScores, type PageScore, type WcxbScores } from './wcxb-metric.js';
import type { WcxbMetaPrediction } from './meta-metric.js';
import { addSurvival, emptySurvival, htmlItems, markdownItems, survival, type Survival } from './structure.js';
import { recordIdOf, writeWarc } from './warc-writer.js';

export interface QualityRow {
  id: string;
  half: Half;
  /** The corpus's page type (meta.pageType), or null. */
  pageType: string | null;
  /** convert()'s `metadata.pageType`; undefined when convert() does not report one. */
  guess?: string | null;
  /** The shingle metric's match (corpora without page types). */
  match?: Match;
  /** WCXB's per-page figures (corpora with page types). */
  page?: PageScore;
  /** The metadata prediction (title, authors, published): the `<id>.meta.json` of a corpus with page types, for WCXB's metadata metric; for any other corpus, for score-meta's exact rates (bench:gate). */
  meta?: WcxbMetaPrediction;
  error?: string;
}

export interface QualityRun {
  /** True when the corpus carries page types and is scored with WCXB's metric. */
  wcxb: boolean;
  rows: QualityRow[];
  seconds: number;
  /** CPU seconds of this process during the conversions (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  bytes: number;
  /** Survival of the reference's structure, or null when the corpus has no reference HTML. */
  structure: Survival | null;
}

/** A corpus is scored as WCXB when every entry has a `meta.pageType`. */
export function isWcxb(entries: CorpusEntry[]): boolean {
  return entries.length > 0 && entries.every((e) => pageTypeOf(e) !== null);
}

/**
 * `warc`: instead of calling convert() on each page, pack the pages into a WARC (each at its
 * manifest URL) and convert that with the CLI (`--ndjson --no-title`), as a crawl would be: the
 * figures must equal the file mode's.
 */
export async function runQuality(corpus: string, out: string, half: Half | null = null, warc = false): Promise<QualityRun> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const all = readManifest(corpus);
  const wcxb = isWcxb(all);
  const split = halves(all);
  const entries = selectHalf(all, half);
  const rows: QualityRow[] = [];
  const outputs: string[] = [];
  let bytes = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const archived = warc ? await convertAsWarc(corpus, entries, out) : null;
  for (const entry of entries) {
    const { bytes: input, path } = readDoc(corpus, entry);
    bytes += input.length;
    let markdown = '';
    let error: string | undefined;
    let metadata: Record<string, unknown> | null = null;
    if (archived) {
      const line = archived.get(entry.id);
      markdown = line?.markdown ?? '';
      metadata = line?.metadata ?? null;
      error = line ? line.error?.message : 'no line for this record';
    } else {
      try {
        const result = await convert(input, { title: false, baseUrl: entry.url || null, path });
        markdown = result.markdown;
        metadata = result.metadata as unknown as Record<string, unknown>;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    outputs.push(markdown);
    writeFileSync(join(out, `${entry.id}.md`), markdown);
    const text = markdownToText(markdown);
    const truth = entry.truth ? readFileSync(join(corpus, entry.truth), 'utf8') : '';
    const row: QualityRow = { id: entry.id, half: split.get(entry.id)!, pageType: pageTypeOf(entry), error };
    if (metadata && 'pageType' in metadata) row.guess = typeof metadata.pageType === 'string' ? metadata.pageType : null;
    row.meta = metaPrediction(metadata, row.guess);
    if (wcxb) {
      row.page = pageScore(text, truth, entry.meta);
      writeFileSync(join(out, `${entry.id}.txt`), text);
      writeFileSync(join(out, `${entry.id}.meta.json`), `${JSON.stringify(row.meta)}\n`);
    } else {
      row.match = shingleMatch(truth, text);
    }
    rows.push(row);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;

  let structure: Survival | null = null;
  entries.forEach((entry, i) => {
    const expected = (entry as { expected?: string }).expected;
    if (!expected) return;
    structure = addSurvival(structure ?? emptySurvival(), survival(htmlItems(readFileSync(join(corpus, expected), 'utf8')), markdownItems(outputs[i]!)));
  });
  return { wcxb, rows, seconds, cpuSeconds, bytes, structure };
}

interface NdjsonLine {
  markdown?: string;
  metadata?: Record<string, unknown> & { source: { warc: { recordId: string } } };
  error?: { message: string };
  warc?: { recordId: string };
}

/** The CLI from source, as the tests run it. */
const CLI = fileURLToPath(new URL('../test/cli/unboil-dev.ts', import.meta.url));

/** Convert the entries packed into a WARC with the CLI; its NDJSON lines by entry id (matched by record id). */
async function convertAsWarc(corpus: string, entries: CorpusEntry[], out: string): Promise<Map<string, NdjsonLine>> {
  const path = join(out, 'corpus.warc.gz');
  await writeWarc(
    path,
    entries.map((entry) => ({ url: entry.url || `https://corpus.invalid/${entry.id}`, bytes: readDoc(corpus, entry).bytes, contentType: entry.doc.replace(/\.gz$/, '').endsWith('.pdf') ? 'application/pdf' : 'text/html' })),
  );
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', CLI, path, '--ndjson', '--no-title', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const byRecord = new Map(entries.map((entry, i) => [recordIdOf(i), entry.id]));
  const lines = new Map<string, NdjsonLine>();
  for (const text of stdout.split('\n').filter(Boolean)) {
    const line = JSON.parse(text) as NdjsonLine;
    const id = byRecord.get(line.metadata?.source.warc.recordId ?? line.warc?.recordId ?? '');
    if (id) lines.set(id, line);
  }
  return lines;
}

/** The `<id>.meta.json` that score-wcxb.mjs reads. */
function metaPrediction(metadata: Record<string, unknown> | null, pageType: string | null | undefined): WcxbMetaPrediction & { pageType: string | null } {
  const authors = Array.isArray(metadata?.authors) ? (metadata.authors as { name: string }[]).map((a) => a.name) : [];
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return { title: str(metadata?.title), authors, published: str(metadata?.published), pageType: pageType ?? null };
}

/** The rows of one half, or all of them when `half` is null. */
export function rowsOf(rows: QualityRow[], half: Half | null): QualityRow[] {
  return half === null ? rows : rows.filter((r) => r.half === half);
}

/** The shingle metric's figures over rows of a corpus without page types. */
export function shingleScores(rows: QualityRow[]): Scores {
  return corpusScores(rows.map((r) => r.match!));
}

/** WCXB's figures over rows of a corpus with page types. */
export function wcxbRowScores(rows: QualityRow[]): WcxbScores {
  return wcxbScores(rows.map((r) => r.page!));
}

/** The corpus's own figures (WCXB's or the shingle metric's) over some of its rows. */
export function scoresOf(run: QualityRun, rows: QualityRow[]): Scores {
  return run.wcxb ? wcxbRowScores(rows) : shingleScores(rows);
}

export function formatStructure(s: Survival): string {
  const share = (k: keyof Survival) => (s[k].total ? (s[k].found / s[k].total).toFixed(3) : 'n/a');
  return `structure kept: headings ${share('headings')} (${s.headings.total})  list items ${share('listItems')} (${s.listItems.total})  links ${share('links')} (${s.links.total})  tables ${share('tables')} (${s.tables.total})`;
}
