/**
 * One quality run over a corpus: convert every document (without the title, as the benchmark
 * scores body text), write the Markdown predictions, score them with the benchmark's shingle
 * metric and, where the corpus has reference HTML (`expected`), the structure figure.
 * Used by bench/quality.ts (prints) and bench/gate.ts (checks floors).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from '../src/index.js';
import { markdownToText } from '../src/write/plain-text.js';
import { readManifest } from './corpus.js';
import { corpusScores, shingleMatch, type Match, type Scores } from './metric.js';
import { addSurvival, emptySurvival, htmlItems, markdownItems, survival, type Survival } from './structure.js';

export interface QualityRow {
  id: string;
  match: Match;
  error?: string;
}

export interface QualityRun {
  scores: Scores;
  rows: QualityRow[];
  seconds: number;
  /** CPU seconds of this process during the conversions (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  bytes: number;
  /** Survival of the reference's structure, or null when the corpus has no reference HTML. */
  structure: Survival | null;
}

export async function runQuality(corpus: string, out: string): Promise<QualityRun> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entries = readManifest(corpus);
  const rows: QualityRow[] = [];
  const outputs: string[] = [];
  let bytes = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const entry of entries) {
    const input = readFileSync(join(corpus, entry.doc));
    bytes += input.length;
    let markdown = '';
    let error: string | undefined;
    try {
      const result = await convert(input, { title: false, baseUrl: entry.url ?? null, path: entry.doc });
      markdown = result.markdown;
    } catch (e) {
      error = (e as Error).message;
    }
    outputs.push(markdown);
    writeFileSync(join(out, `${entry.id}.md`), markdown);
    const truth = entry.truth ? readFileSync(join(corpus, entry.truth), 'utf8') : '';
    rows.push({ id: entry.id, match: shingleMatch(truth, markdownToText(markdown)), error });
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
  return { scores: corpusScores(rows.map((r) => r.match)), rows, seconds, cpuSeconds, bytes, structure };
}

export function formatStructure(s: Survival): string {
  const share = (k: keyof Survival) => (s[k].total ? (s[k].found / s[k].total).toFixed(3) : 'n/a');
  return `structure kept: headings ${share('headings')} (${s.headings.total})  list items ${share('listItems')} (${s.listItems.total})  links ${share('links')} (${s.links.total})  tables ${share('tables')} (${s.tables.total})`;
}
