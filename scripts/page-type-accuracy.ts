/**
 * Page type accuracy: runs the classifier (src/metadata/page-type.ts, through readMetadata as the
 * pipeline does) over a corpus whose manifest gives `meta.pageType`, and prints the accuracy, the
 * confusion matrix, which signal decided (`fieldSources.pageType`) and the classifier's cost.
 *
 *   node --import tsx scripts/page-type-accuracy.ts [--half 1|2] [--corpus DIR] [--errors]
 *
 * --half    one fixed half of the corpus (bench/halves.ts): design and tune on half 1 only; half 2
 *           is held out (report its figure; never read its pages one by one)
 * --errors  list the pages typed wrong (id, truth, guess, URL); refused for half 2
 *
 * Each page is read as `convert()` reads it with `--base-url` set to the manifest's URL.
 */
import { argValue, hasFlag } from '../bench/corpus.js';
import type { Half } from '../bench/halves.js';
import { PAGE_KINDS } from '../src/metadata/page-type.js';
import { corpusHalf, DEFAULT_CORPUS, typePage, type TypedPage } from './page-type-data.js';

async function main(): Promise<void> {
  const corpus = argValue('--corpus', DEFAULT_CORPUS)!;
  const halfArg = argValue('--half');
  const half = halfArg === '1' || halfArg === '2' ? (Number(halfArg) as Half) : null;
  if (halfArg !== undefined && half === null) throw new Error('--half must be 1 or 2');
  if (half === 2 && hasFlag('--errors')) throw new Error('half 2 is held out: no per-page listing');
  const entries = corpusHalf(corpus, half);
  const pages: TypedPage[] = [];
  for (const entry of entries) pages.push(await typePage(corpus, entry));

  const correct = pages.filter((p) => p.predicted.type === p.truth).length;
  console.log(`${corpus}${half ? ` half ${half}` : ''}: ${pages.length} pages`);
  console.log(`accuracy ${(correct / pages.length).toFixed(3)} (${correct}/${pages.length})`);
  console.log('');
  const kinds = [...PAGE_KINDS, ...new Set(pages.map((p) => p.truth).filter((t) => !PAGE_KINDS.includes(t as never)))];
  const col = (s: string) => s.slice(0, 6).padStart(7);
  console.log(`${'truth \\ guess'.padEnd(15)}${kinds.map(col).join('')}      n  recall`);
  for (const t of kinds) {
    const row = pages.filter((p) => p.truth === t);
    if (row.length === 0) continue;
    const cells = kinds.map((g) => String(row.filter((p) => p.predicted.type === g).length).padStart(7));
    const right = row.filter((p) => p.predicted.type === t).length;
    console.log(`${t.padEnd(15)}${cells.join('')}${String(row.length).padStart(7)}  ${(right / row.length).toFixed(3)}`);
  }
  const precision = kinds.map((g) => {
    const guessed = pages.filter((p) => p.predicted.type === g);
    return guessed.length ? (guessed.filter((p) => p.truth === g).length / guessed.length).toFixed(2).padStart(7) : '      -';
  });
  console.log(`${'precision'.padEnd(15)}${precision.join('')}`);
  console.log('');
  const sources = new Map<string, { n: number; right: number }>();
  for (const p of pages) {
    const s = sources.get(p.predicted.source) ?? { n: 0, right: 0 };
    s.n++;
    if (p.predicted.type === p.truth) s.right++;
    sources.set(p.predicted.source, s);
  }
  console.log(`fieldSources.pageType: ${[...sources].sort((a, b) => b[1].n - a[1].n).map(([k, s]) => `${k} ${s.n} (${(s.right / s.n).toFixed(2)} right)`).join(', ')}`);
  const ms = pages.map((p) => p.ms).sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  console.log(`classifier cost: mean ${mean.toFixed(2)} ms/page, median ${ms[Math.floor(ms.length / 2)]!.toFixed(2)}, max ${ms[ms.length - 1]!.toFixed(1)}`);
  if (hasFlag('--errors')) {
    console.log('');
    for (const p of pages) if (p.predicted.type !== p.truth) console.log(`${p.id} ${p.truth} -> ${p.predicted.type} (${p.predicted.source}) ${p.url ?? ''}`);
  }
}

await main();
