/**
 * Where each page's truth goes: the article pipeline (src/pipeline.ts) run one stage at a time on
 * every page of a corpus, the page's text scored against its truth after each stage. It answers
 * "which stage loses the content of which kind of page" before a change is designed, on half 1.
 *
 *   npm run bench:stages -- --corpus ../shared/corpus/wcxb-dev [--half 1|2] [--json]
 *
 * Printed per stage that changed any page, per page type (and all pages), on WCXB's word metric
 * (bench/wcxb-metric.ts): the mean F1 after the stage, then the mean recall it lost and the mean
 * precision it gained, in points (hundredths). Between stages the text is the tree's text
 * (`textOf`); the last row, `written`, is the Markdown's plain text as bench:quality scores it, and
 * its F1 is the one bench:quality prints. A corpus without page types is one column, `all`.
 *
 * `--half 2` is for the record only: half 2 is held out (bench/halves.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { hasFlag, readDoc, readManifest } from './corpus.js';
import { corpusAndHalf, pageTypeOf, selectHalf } from './halves.js';
import { mean } from './metric.js';
import { wordScores } from './wcxb-metric.js';
import { readInput } from '../src/read/input.js';
import { articlePipeline } from '../src/pipeline.js';
import { sniffFormat } from '../src/read/sniff.js';
import { textOf } from '../src/hast/util.js';
import { hastToMarkdownAndText } from '../src/write/markdown.js';
import { markdownToText } from '../src/write/plain-text.js';

type Scores = ReturnType<typeof wordScores>;

const usage = 'usage: npm run bench:stages -- --corpus DIR [--half 1|2] [--json]\n';
const { corpus, half } = corpusAndHalf(usage);

/** Per page: its type, and its scores at the start and after each stage (the last: `written`). */
const pages: Array<{ type: string; scores: Scores[] }> = [];
let stageNames: string[] = [];
for (const entry of selectHalf(readManifest(corpus), half)) {
  if (!entry.truth) continue;
  const { bytes, path } = readDoc(corpus, entry);
  const truth = readFileSync(join(corpus, entry.truth), 'utf8');
  const file = new VFile({ path });
  file.data.pages = null;
  const tree = await readInput(sniffFormat(bytes, path), bytes, file, null);
  // The pipeline's own stages, each followed by a probe that scores the tree as that stage left it.
  const pipeline = articlePipeline({ baseUrl: entry.url || null, articleGiven: file.data.articleGiven === true }) as unknown as { attachers: Array<[(...a: unknown[]) => unknown, ...unknown[]]> };
  const scores: Scores[] = [];
  // A new probe each time: unified uses a plugin function once, however often it is given.
  const probe = () => () => (t: Root) => void scores.push(wordScores(textOf(t), truth));
  const staged = unified().use(probe());
  for (const [plugin, ...options] of pipeline.attachers) staged.use(plugin as never, ...(options as [])).use(probe());
  const article = (await staged.run(tree, file)) as Root;
  scores.push(wordScores(markdownToText((await hastToMarkdownAndText(article, file)).markdown), truth));
  stageNames = ['start', ...pipeline.attachers.map(([plugin]) => plugin.name || '(unnamed)'), 'written'];
  pages.push({ type: pageTypeOf(entry) ?? 'all', scores });
}

const types = [...new Set(pages.map((p) => p.type))].sort();
const columns = types.length > 1 ? [...types, 'all'] : types;
const inColumn = (column: string) => pages.filter((p) => column === 'all' || p.type === column);
/** Per stage and column: mean F1 after it, recall lost and precision gained by it (points). */
const table = stageNames.map((stage, i) => ({
  stage,
  columns: Object.fromEntries(
    columns.map((column) => {
      const ps = inColumn(column);
      const before = (p: (typeof pages)[number]) => p.scores[Math.max(0, i - 1)]!;
      return [column, { n: ps.length, f1: mean(ps.map((p) => p.scores[i]!.f1)), recallLost: 100 * mean(ps.map((p) => before(p).recall - p.scores[i]!.recall)), precisionGained: 100 * mean(ps.map((p) => p.scores[i]!.precision - before(p).precision)) }];
    }),
  ),
}));
// A stage that changed no page's text is left out of the printout (the written row always stays).
const changed = table.filter((row, i) => i === 0 || i === table.length - 1 || pages.some((p) => p.scores[i]!.f1 !== p.scores[i - 1]!.f1 || p.scores[i]!.recall !== p.scores[i - 1]!.recall));

if (hasFlag('--json')) {
  process.stdout.write(`${JSON.stringify({ corpus, half, pages: pages.length, stages: table }, null, 2)}\n`);
} else {
  const head = (label: string) => `${label.padEnd(24)}${columns.map((c) => c.slice(0, 11).padStart(12)).join('')}\n`;
  const n = columns.map((c) => String(inColumn(c).length).padStart(12)).join('');
  let text = `${corpus}${half ? ` half ${half}` : ''}: ${pages.length} pages\n${head('F1 after the stage')}${'n'.padEnd(24)}${n}\n`;
  for (const row of changed) text += `${row.stage.padEnd(24)}${columns.map((c) => row.columns[c]!.f1.toFixed(3).padStart(12)).join('')}\n`;
  text += `\n${head('recall lost / precision gained (points)')}`;
  for (const row of changed.slice(1)) text += `${row.stage.padEnd(24)}${columns.map((c) => `${row.columns[c]!.recallLost.toFixed(1)}/${row.columns[c]!.precisionGained.toFixed(1)}`.padStart(12)).join('')}\n`;
  process.stdout.write(text);
}
