/**
 * Metadata accuracy on a corpus: converts every document, writes `<id>.meta.json` predictions
 * (title, authors as names, published, lang, description, siteName) and prints, per field, n,
 * coverage, exact-match rate, token F1 and over-extraction, with the normalisation of
 * ../shared/tools/score-meta.mjs (bench/meta-metric.ts). When that scorer is present it also runs
 * it on the same predictions, so the two tables can be seen to agree. It also prints how often
 * each of the other schema fields is filled, and which source won each field.
 *
 *   npm run bench:metadata -- --corpus ../shared/corpus/readability [--out DIR] [--failures FIELD|all] [--json]
 *   npm run bench:metadata -- --corpus ../shared/corpus/scrapinghub-dev --meta-from ../shared/corpus/pdf-typeset-dev
 *
 * A corpus whose entries carry page types (wcxb-dev: `meta` has `pageType`, `title`, `author`,
 * `date`) is scored with WCXB's own metadata metric instead (bench/meta-metric.ts scoreWcxbMeta):
 * per field (title, author, date) coverage and exact rate, overall and per page type, and the
 * reference ../shared/tools/score-wcxb.mjs's meta line on the same predictions beside it.
 *
 *   npm run bench:metadata -- --corpus ../shared/corpus/wcxb-dev [--half 1|2] [--failures title|author|date|all]
 */
process.env.TZ = 'UTC'; // as the reference scorer: zone-less date-times are read as written

import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { convert } from '../src/index.js';
import type { Metadata } from '../src/types.js';
import { argValue, hasFlag, readDoc, readManifest, sharedDir, subsetCorpus } from './corpus.js';
import { selectHalf, type Half } from './halves.js';
import { norm, scoreMeta, scoreWcxbMeta, WCXB_META_FIELDS, type MetaValue, type WcxbMetaPrediction } from './meta-metric.js';
import { isWcxb } from './quality-run.js';
import { schemaErrors } from '../test/helpers/schema.js';

const corpus = argValue('--corpus');
if (!corpus) {
  process.stderr.write('usage: npm run bench:metadata -- --corpus DIR [--half 1|2] [--meta-from DIR] [--out DIR] [--failures FIELD|all] [--json]\n');
  process.exit(2);
}
const out = resolve(argValue('--out', join('bench', 'out', `${basename(resolve(corpus))}-meta`))!);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// `--meta-from DIR`: score the pages of --corpus against the `meta` that another corpus gives for
// the same ids (pdf-typeset-dev annotates what scrapinghub-dev's pages show); only shared ids count.
const metaFrom = argValue('--meta-from');
let entries = readManifest(corpus);
const wcxb = !metaFrom && isWcxb(entries);
let scoredCorpus = corpus;
if (metaFrom) {
  const metas = new Map(readManifest(metaFrom).map((e) => [e.id, e.meta]));
  entries = entries.filter((e) => metas.has(e.id)).map((e) => ({ ...e, meta: metas.get(e.id) }));
  scoredCorpus = join(out, '_corpus');
  mkdirSync(scoredCorpus, { recursive: true });
  writeFileSync(join(scoredCorpus, 'manifest.jsonl'), entries.map((e) => JSON.stringify({ id: e.id, meta: e.meta })).join('\n') + '\n');
}
// `--half 1|2`: one fixed half of the corpus (bench/halves.ts), scored by the reference on a copy
// of the manifest that lists only that half.
const halfArg = argValue('--half');
if (halfArg !== undefined) {
  if (halfArg !== '1' && halfArg !== '2') throw new Error('--half must be 1 or 2');
  entries = selectHalf(entries, Number(halfArg) as Half);
  if (!metaFrom) scoredCorpus = subsetCorpus(corpus, entries, join(out, '_corpus'));
  else writeFileSync(join(scoredCorpus, 'manifest.jsonl'), entries.map((e) => JSON.stringify({ id: e.id, meta: e.meta })).join('\n') + '\n');
}
const predictions = new Map<string, Record<string, MetaValue>>();
const all: Metadata[] = [];
let failed = 0;
let schemaFailures = 0;
for (const entry of entries) {
  let prediction: Record<string, MetaValue> = {};
  try {
    const { bytes: input, path } = readDoc(corpus, entry);
    const { metadata } = await convert(input, { baseUrl: entry.url || null, path });
    all.push(metadata);
    const invalid = schemaErrors(metadata);
    if (invalid) {
      schemaFailures++;
      process.stderr.write(`  schema ${entry.id}: ${invalid}\n`);
    }
    prediction = {
      title: metadata.title,
      authors: metadata.authors.map((a) => a.name),
      published: metadata.published,
      lang: metadata.lang,
      description: metadata.description,
      siteName: metadata.siteName,
    };
  } catch (e) {
    failed++;
    process.stderr.write(`  error ${entry.id}: ${(e as Error).message}\n`);
  }
  predictions.set(entry.id, prediction);
  writeFileSync(join(out, `${entry.id}.meta.json`), `${JSON.stringify(prediction, null, 2)}\n`);
}

const { summary, results } = scoreMeta(entries, predictions);
const f = (x: number | null) => (x == null ? '-' : x.toFixed(3));

if (wcxb) {
  printWcxb();
  process.exit(0);
}

if (hasFlag('--json')) {
  process.stdout.write(`${JSON.stringify({ corpus: basename(resolve(corpus)), pages: entries.length, failed, fields: Object.fromEntries(summary) })}\n`);
} else {
  const head = ['field', 'n', 'coverage', 'exact', 'tokenF1', 'extra'];
  const rows = [...summary].map(([field, s]) => [field, String(s.n), f(s.coverage), f(s.exact), f(s.tokenF1), s.expectedEmpty ? `${s.extra}/${s.expectedEmpty}` : '-']);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  process.stdout.write(`${basename(resolve(corpus))}: pages ${entries.length}, failed ${failed}\n${line(head)}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  const kept = results.filter((r) => r.field === 'title' && !r.exact && keepsSuffix(r.expected, r.predicted)).length;
  const t = summary.get('title');
  if (t && kept > 0) {
    process.stdout.write(
      `title misses where the expected title keeps a site/author suffix that unboil drops (the schema wants it dropped): ${kept}; ` +
        `title exact counting those: ${f((t.exact! * t.n + kept) / t.n)}\n`,
    );
  }
  process.stdout.write(`schema: ${all.length - schemaFailures}/${all.length} outputs valid against schema/metadata.schema.json\n`);
  process.stdout.write(`warnings: ${warningCounts(all)}\n`);
  process.stdout.write(`filled (all schema fields, share of pages): ${fillRates(all)}\n`);
  process.stdout.write(`winning sources: ${sourceCounts(all)}\n`);
}

const wanted = argValue('--failures');
if (wanted) {
  for (const r of results) {
    if (r.exact || (wanted !== 'all' && wanted !== r.field)) continue;
    process.stdout.write(`  miss ${r.field} ${r.id}: expected ${JSON.stringify(r.expected)} got ${JSON.stringify(r.predicted)}\n`);
  }
}

// The reference scorer, when the shared folder is there: the two tables must agree.
const reference = join(sharedDir(), 'tools', 'score-meta.mjs');
if (existsSync(reference) && !hasFlag('--no-reference') && !hasFlag('--json')) {
  const table = execFileSync(process.execPath, [reference, '--corpus', scoredCorpus, '--pred', out], { encoding: 'utf8' }).trim();
  process.stdout.write(`reference score-meta.mjs:\n${table.replace(/^/gm, '  ')}\n`);
}

function fillRates(list: Metadata[]): string {
  const keys = ['title', 'subtitle', 'authors', 'published', 'modified', 'lang', 'siteName', 'url', 'description', 'section', 'tags', 'image', 'license', 'translations', 'related'] as const;
  return keys
    .map((k) => {
      const n = list.filter((m) => {
        const v = m[k];
        return v != null && !(Array.isArray(v) && v.length === 0);
      }).length;
      return `${k} ${f(list.length ? n / list.length : null)}`;
    })
    .join(', ');
}

function sourceCounts(list: Metadata[]): string {
  const counts = new Map<string, Map<string, number>>();
  for (const m of list) {
    for (const [field, source] of Object.entries(m.fieldSources)) {
      if (!['title', 'authors', 'published', 'lang'].includes(field)) continue;
      const per = counts.get(field) ?? new Map<string, number>();
      per.set(source!, (per.get(source!) ?? 0) + 1);
      counts.set(field, per);
    }
  }
  return [...counts]
    .map(([field, per]) => `${field} {${[...per].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}}`)
    .join('; ');
}

/** The expected title is the predicted one plus a " - Site" / " | Name" tail (or a "Site - " head). */
function keepsSuffix(expected: MetaValue, predicted: MetaValue): boolean {
  if (typeof expected !== 'string' || typeof predicted !== 'string') return false;
  const e = norm(expected);
  const p = norm(predicted);
  if (!p || e === p) return false;
  const tail = e.startsWith(p) ? e.slice(p.length) : e.endsWith(p) ? e.slice(0, e.length - p.length) : null;
  return tail !== null && /^\s*(?:-|\||·|•|::|»|«|~|—|–)\s|\s(?:-|\||·|•|::|»|«|~|—|–)\s*$/.test(tail);
}

function warningCounts(list: Metadata[]): string {
  const counts = new Map<string, number>();
  for (const m of list) for (const w of m.warnings) counts.set(w.rule, (counts.get(w.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
}

/** WCXB's metadata metric per field, overall and per page type, with the reference's meta line beside it. */
function printWcxb(): void {
  const { byType, results } = scoreWcxbMeta(entries, predictions as Map<string, WcxbMetaPrediction>);
  const rate = (a: number, n: number) => (n ? (a / n).toFixed(3) : '-');
  if (hasFlag('--json')) {
    const json = Object.fromEntries([...byType].map(([type, fields]) => [type || 'all', Object.fromEntries([...fields].map(([k, s]) => [k, { ...s, coverage: s.n ? s.covered / s.n : null, rate: s.n ? s.exact / s.n : null }]))]));
    process.stdout.write(`${JSON.stringify({ corpus: basename(resolve(corpus!)), half: halfArg ?? null, pages: entries.length, failed, meta: json })}\n`);
    return;
  }
  const head = ['type', 'pages', ...WCXB_META_FIELDS.flatMap((k) => [`${k} n`, 'cover', 'exact'])];
  const pages = new Map<string, number>();
  for (const e of entries) for (const t of ['', String(e.meta?.pageType)]) pages.set(t, (pages.get(t) ?? 0) + 1);
  const rows = [...byType].map(([type, fields]) => [
    type || 'all',
    String(pages.get(type) ?? 0),
    ...WCXB_META_FIELDS.flatMap((k) => {
      const s = fields.get(k)!;
      return [String(s.n), rate(s.covered, s.n), rate(s.exact, s.n)];
    }),
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  const scope = halfArg ? ` half ${halfArg}` : '';
  process.stdout.write(`${basename(resolve(corpus!))}${scope}: pages ${entries.length}, failed ${failed} (WCXB meta metric: exact after NFKC, spaces, case; date = first 10 chars)\n${line(head)}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(`schema: ${all.length - schemaFailures}/${all.length} outputs valid against schema/metadata.schema.json\n`);
  process.stdout.write(`winning sources: ${sourceCounts(all)}\n`);
  const wanted = argValue('--failures');
  if (wanted) {
    for (const r of results) {
      if (r.exact || (wanted !== 'all' && wanted !== r.field)) continue;
      process.stdout.write(`  miss ${r.field} ${r.id} ${r.pageType}: expected ${JSON.stringify(r.expected)} got ${JSON.stringify(r.predicted)}\n`);
    }
  }
  const reference = join(sharedDir(), 'tools', 'score-wcxb.mjs');
  if (!existsSync(reference) || hasFlag('--no-reference')) return;
  const ref = JSON.parse(execFileSync(process.execPath, [reference, '--corpus', scoredCorpus, '--pred', out, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 })) as {
    meta: Record<string, { correct: number; total: number; rate: number | null }>;
  };
  const all_ = byType.get('')!;
  const agree = WCXB_META_FIELDS.every((k) => ref.meta[k]!.correct === all_.get(k)!.exact && ref.meta[k]!.total === all_.get(k)!.n);
  const refLine = WCXB_META_FIELDS.map((k) => `${k} ${ref.meta[k]!.rate?.toFixed(3)} (${ref.meta[k]!.total})`).join(' ');
  process.stdout.write(`reference score-wcxb.mjs meta: ${refLine}: ${agree ? 'agrees' : 'DISAGREES with the table above'}\n`);
}
