/**
 * Page furniture left in the Markdown (issue 20): converts the pages of one or more corpora (as the
 * quality benchmark does: without the title, with the page's URL) and counts
 *
 *  - headings that still end in a permalink mark (`#`, `¶`, `§`, `🔗`, `⚓`), a link to a place in
 *    a page that shows nothing (an icon's), or an "edit" link (`[edit](…)`, `\[[edit](…)]`). A
 *    heading whose mark is its own text in the page ("Part #", a form's label) is counted apart;
 *  - fenced code blocks whose first or last line is blank.
 *
 *   node --import tsx bench/furniture-count.ts [--list] CORPUS_DIR...
 *   node --import tsx bench/furniture-count.ts [--list] --predictions DIR CORPUS_DIR
 *
 * `--predictions DIR` counts the `<id>.md` a quality run wrote (bench:quality `--out DIR`) instead
 * of converting again.
 * A corpus with halves (bench/halves.ts) is counted per half, with what is left by kind (the
 * mark, "edit link", "starts blank"...). `--list` prints the headings and blocks found, except on
 * half 2, which is held out and only counted.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { convert } from '../src/index.js';
import { argValue, hasFlag, readDoc, readManifest } from './corpus.js';
import { halves, type Half } from './halves.js';
import { pageFurniture } from './furniture.js';

async function countCorpus(corpus: string, list: boolean, predictions: string | undefined): Promise<void> {
  const entries = readManifest(corpus);
  const split = halves(entries);
  const withHalves = entries.length > 0 && entries.every((e) => typeof e.meta?.pageType === 'string');
  const totals = new Map<Half | null, { pages: number; headings: number; codeBlocks: number; kinds: Map<string, number> }>();
  const ownWords = new Map<Half | null, number>();
  for (const entry of entries) {
    const half = withHalves ? split.get(entry.id)! : null;
    let markdown = '';
    const { bytes, path } = readDoc(corpus, entry);
    try {
      if (predictions) markdown = readFileSync(join(predictions, `${entry.id}.md`), 'utf8');
      else markdown = (await convert(bytes, { title: false, baseUrl: entry.url || null, path })).markdown;
    } catch {
      continue; // the quality benchmark reports failures
    }
    const { found, ownMarks } = pageFurniture(markdown, () => (/\.html?$/.test(path) ? bytes.toString('utf8') : null));
    ownWords.set(half, (ownWords.get(half) ?? 0) + ownMarks.length);
    if (list && half !== 2) for (const h of ownMarks) process.stdout.write(`  ${entry.id}: heading ${JSON.stringify(h)} (the mark is the page's own heading text)\n`);
    const total = totals.get(half) ?? { pages: 0, headings: 0, codeBlocks: 0, kinds: new Map<string, number>() };
    total.pages++;
    total.headings += found.headings.length;
    total.codeBlocks += found.codeBlocks.length;
    for (const f of [...found.headings, ...found.codeBlocks]) total.kinds.set(f.kind, (total.kinds.get(f.kind) ?? 0) + 1);
    totals.set(half, total);
    if (list && half !== 2) {
      for (const h of found.headings) process.stdout.write(`  ${entry.id}: heading (${h.kind}) ${JSON.stringify(h.text)}\n`);
      for (const c of found.codeBlocks) process.stdout.write(`  ${entry.id}: code block (${c.kind}) ${JSON.stringify(c.text)}\n`);
    }
  }
  const name = basename(resolve(corpus));
  for (const [half, t] of [...totals].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
    const label = half === null ? name : `${name} half ${half}`;
    process.stdout.write(`${label}: pages ${t.pages}  headings ending in a permalink mark or edit link ${t.headings}  code blocks starting or ending with a blank line ${t.codeBlocks}  (headings ending in a mark that is their own text in the page: ${ownWords.get(half) ?? 0})\n`);
    // What is left, by kind only: on a held-out half that is all that is shown.
    if (t.kinds.size > 0) process.stdout.write(`  by kind: ${[...t.kinds].sort().map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
}

const predictions = argValue('--predictions');
const corpora = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--predictions');
if (corpora.length === 0 || (predictions && corpora.length > 1)) {
  process.stderr.write('usage: node --import tsx bench/furniture-count.ts [--list] [--predictions DIR] CORPUS_DIR...\n');
  process.exit(2);
}
for (const corpus of corpora) await countCorpus(corpus, hasFlag('--list'), predictions);
