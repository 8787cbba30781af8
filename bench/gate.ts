/**
 * The quality gate of CI: runs the quality benchmark on each corpus named in bench/floors.json that
 * sits in ../shared/corpus, prints the figures, and exits 1 when any figure falls below its floor
 * (as trafilatura's evaluation gate does). A corpus that is not there is skipped with a note, so a
 * clone without ../shared still passes.
 *
 *   npm run bench:gate [-- --corpora DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argValue } from './corpus.js';
import { formatStructure, runQuality } from './quality-run.js';

type Figure = 'f1' | 'precision' | 'recall';
type Floors = Record<string, Partial<Record<Figure, number>> | string>;

const root = resolve(argValue('--corpora', join('..', 'shared', 'corpus'))!);
const floors = JSON.parse(readFileSync(join('bench', 'floors.json'), 'utf8')) as Floors;
let failures = 0;
for (const [name, floor] of Object.entries(floors)) {
  if (typeof floor === 'string') continue; // a comment
  const corpus = join(root, name);
  if (!existsSync(join(corpus, 'manifest.jsonl'))) {
    process.stdout.write(`gate ${name}: skipped (no corpus at ${corpus})\n`);
    continue;
  }
  const run = await runQuality(corpus, resolve('bench', 'out', `gate-${name}`));
  const s = run.scores;
  const below = (Object.keys(floor) as Figure[]).filter((k) => s[k] < floor[k]!);
  const figures = `F1 ${s.f1.toFixed(3)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}`;
  const floorText = Object.entries(floor).map(([k, v]) => `${k} >= ${v}`).join(', ');
  process.stdout.write(`gate ${name}: n=${s.n}  ${figures}  (floors: ${floorText})  ${below.length ? `FAIL: ${below.join(', ')} below floor` : 'ok'}\n`);
  if (run.structure) process.stdout.write(`  ${formatStructure(run.structure)}\n`);
  failures += below.length;
}
process.exit(failures > 0 ? 1 : 0);
