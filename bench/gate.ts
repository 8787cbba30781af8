/**
 * The quality gate of CI: runs the quality benchmark on each corpus named in bench/floors.json that
 * sits in ../shared/corpus, prints each figure beside its floor, and exits 1 when any figure falls
 * below its floor (as trafilatura's evaluation gate does). A corpus that is not there is skipped
 * with a note, so a clone without ../shared still passes.
 *
 * A corpus's floors are figures (`f1`, `precision`, `recall`) for all its pages, and/or `half1` /
 * `half2` objects of figures for one half (bench/halves.ts). Each corpus is converted once and every
 * scope is scored from that run, with the corpus's own metric (WCXB's on a corpus with page types).
 * A key `<corpus>-meta` holds metadata floors, for all pages and/or per half, scored from the same
 * run: for a corpus with page types WCXB's metadata exact rates (`title`, `author`, `date`), for
 * any other corpus score-meta's (`title`, `authors`, `published`; bench/meta-metric.ts). A key
 * `<corpus>-furniture` holds ceilings on the page furniture left in its Markdown (FURNITURE_SUFFIX).
 *
 *   npm run bench:gate [-- --corpora DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argValue, readDoc } from './corpus.js';
import type { Half } from './halves.js';
import { formatStructure, rowsOf, runQuality, scoresOf, type QualityRun } from './quality-run.js';
import { readManifest, sharedDir } from './corpus.js';
import { pageFurniture } from './furniture.js';
import { scoreMeta, scoreWcxbMeta, WCXB_META_FIELDS, type MetaValue, type WcxbMetaField, type WcxbMetaPrediction } from './meta-metric.js';

const FIGURES = ['f1', 'precision', 'recall'] as const;
type Figure = (typeof FIGURES)[number];
type FigureFloors = Partial<Record<Figure, number>>;
const NAMES: Record<Figure, string> = { f1: 'F1', precision: 'precision', recall: 'recall' };
const SCOPES: Record<string, Half> = { half1: 1, half2: 2 };

/** A corpus's floors as (scope, figure floors) pairs; null scope = all pages. Throws on an unknown key. */
function scopesOf(name: string, floors: Record<string, unknown>): [Half | null, FigureFloors][] {
  const all: FigureFloors = {};
  const out: [Half | null, FigureFloors][] = [];
  for (const [key, value] of Object.entries(floors)) {
    if ((FIGURES as readonly string[]).includes(key) && typeof value === 'number') all[key as Figure] = value;
    else if (key in SCOPES && value && typeof value === 'object') out.push([SCOPES[key]!, figureFloors(`${name}.${key}`, value as Record<string, unknown>)]);
    else throw new Error(`bench/floors.json: ${name}.${key} is not a figure (${FIGURES.join(', ')}) nor a half (half1, half2)`);
  }
  return Object.keys(all).length ? [[null, all], ...out] : out;
}

/** Suffix of a floors.json key that holds a corpus's metadata floors. */
const META_SUFFIX = '-meta';
/** The fields score-meta measures that a floor may name, on a corpus without page types. */
const MEANT_FIELDS = ['title', 'authors', 'published'] as const;
type MetaField = WcxbMetaField | (typeof MEANT_FIELDS)[number];
const META_FLOOR_FIELDS: readonly MetaField[] = [...new Set<MetaField>([...WCXB_META_FIELDS, ...MEANT_FIELDS])];
type MetaFloors = Partial<Record<MetaField, number>>;

/** A corpus's metadata floors as (scope, floors) pairs; null scope = all pages. Throws on an unknown key. */
function metaScopesOf(name: string, floors: Record<string, unknown>): [Half | null, MetaFloors][] {
  const check = (where: string, value: Record<string, unknown>): MetaFloors => {
    for (const [key, v] of Object.entries(value)) {
      if (!(META_FLOOR_FIELDS as readonly string[]).includes(key) || typeof v !== 'number') throw new Error(`bench/floors.json: ${where}.${key} is not a metadata field (${META_FLOOR_FIELDS.join(', ')}) with a number`);
    }
    return value as MetaFloors;
  };
  const all: Record<string, unknown> = {};
  const out: [Half | null, MetaFloors][] = [];
  for (const [key, value] of Object.entries(floors)) {
    if (key in SCOPES && value && typeof value === 'object') out.push([SCOPES[key]!, check(`${name}.${key}`, value as Record<string, unknown>)]);
    else all[key] = value;
  }
  return Object.keys(all).length ? [[null, check(name, all)], ...out] : out;
}

/** Check a run's metadata against its floors; returns the number of figures below their floor. */
function checkMeta(name: string, corpus: string, run: QualityRun, scopes: [Half | null, MetaFloors][]): number {
  let below = 0;
  const entries = readManifest(corpus);
  for (const [scope, floor] of scopes) {
    const ids = new Set(rowsOf(run.rows, scope).map((r) => r.id));
    const scoped = entries.filter((e) => ids.has(e.id));
    const rows = run.rows.filter((r) => ids.has(r.id));
    const fields: readonly MetaField[] = run.wcxb ? WCXB_META_FIELDS : MEANT_FIELDS;
    let rate: (k: MetaField) => number;
    if (run.wcxb) {
      const byField = scoreWcxbMeta(scoped, new Map<string, WcxbMetaPrediction | null>(rows.map((r) => [r.id, r.meta ?? null]))).byType.get('');
      rate = (k) => {
        const s = byField?.get(k as WcxbMetaField);
        return s && s.n ? s.exact / s.n : 0;
      };
    } else {
      const { summary } = scoreMeta(scoped, new Map(rows.map((r) => [r.id, { ...(r.meta ?? {}) } as Record<string, MetaValue>])));
      rate = (k) => summary.get(k as (typeof MEANT_FIELDS)[number])?.exact ?? 0;
    }
    const unknown = Object.keys(floor).filter((k) => !(fields as readonly string[]).includes(k));
    if (unknown.length) {
      process.stdout.write(`gate ${name}${META_SUFFIX}: FAIL: ${unknown.join(', ')} not measured on this corpus (${fields.join(', ')})\n`);
      below += unknown.length;
    }
    const low = fields.filter((k) => floor[k] !== undefined && rate(k) < floor[k]!);
    const figures = fields.map((k) => `${k} ${rate(k).toFixed(3)}${floor[k] === undefined ? '' : ` (floor ${floor[k]})`}`).join('  ');
    const label = scope === null ? `${name}${META_SUFFIX}` : `${name}${META_SUFFIX} half ${scope}`;
    process.stdout.write(`gate ${label}: n=${ids.size}  ${figures}  ${low.length ? `FAIL: ${low.join(', ')} below floor` : 'ok'}\n`);
    below += low.length;
  }
  return below;
}

/**
 * Suffix of a floors.json key that holds a corpus's furniture ceilings (issue 20): at most this many
 * headings ending in a permalink mark or an edit link (`headings`), and code blocks starting or
 * ending with a blank line (`codeBlocks`), counted on the run's Markdown (bench/furniture.ts).
 */
const FURNITURE_SUFFIX = '-furniture';
const FURNITURE_KINDS = ['headings', 'codeBlocks'] as const;
type FurnitureCeilings = Partial<Record<(typeof FURNITURE_KINDS)[number], number>>;

function furnitureCeilingsOf(where: string, value: Record<string, unknown>): FurnitureCeilings {
  for (const [key, v] of Object.entries(value)) {
    if (!(FURNITURE_KINDS as readonly string[]).includes(key) || typeof v !== 'number') throw new Error(`bench/floors.json: ${where}.${key} is not a kind of furniture (${FURNITURE_KINDS.join(', ')}) with a number`);
  }
  return value as FurnitureCeilings;
}

/** Count the furniture in a run's Markdown against its ceilings; returns the number of kinds above. */
function checkFurniture(name: string, corpus: string, out: string, ceilings: FurnitureCeilings): number {
  const counts = { headings: 0, codeBlocks: 0 };
  let pages = 0;
  for (const entry of readManifest(corpus)) {
    const file = join(out, `${entry.id}.md`);
    if (!existsSync(file)) continue; // a failed page: the quality figures count it
    pages++;
    const { found } = pageFurniture(readFileSync(file, 'utf8'), () => {
      const { bytes, path } = readDoc(corpus, entry);
      return /\.html?$/.test(path) ? bytes.toString('utf8') : null;
    });
    counts.headings += found.headings.length;
    counts.codeBlocks += found.codeBlocks.length;
  }
  const above = FURNITURE_KINDS.filter((k) => ceilings[k] !== undefined && counts[k] > ceilings[k]!);
  const figures = FURNITURE_KINDS.map((k) => `${k} ${counts[k]}${ceilings[k] === undefined ? '' : ` (ceiling ${ceilings[k]})`}`).join('  ');
  process.stdout.write(`gate ${name}${FURNITURE_SUFFIX}: n=${pages}  ${figures}  ${above.length ? `FAIL: ${above.join(', ')} above ceiling` : 'ok'}\n`);
  return above.length;
}

function figureFloors(where: string, floors: Record<string, unknown>): FigureFloors {
  for (const [key, value] of Object.entries(floors)) {
    if (!(FIGURES as readonly string[]).includes(key) || typeof value !== 'number') throw new Error(`bench/floors.json: ${where}.${key} is not a figure (${FIGURES.join(', ')}) with a number`);
  }
  return floors as FigureFloors;
}

const root = resolve(argValue('--corpora', join(sharedDir(), 'corpus'))!);
const floors = JSON.parse(readFileSync(join('bench', 'floors.json'), 'utf8')) as Record<string, Record<string, unknown> | string>;
// Every floor is checked before any corpus is converted: a typo fails at once, not after minutes.
const gates = new Map<string, [Half | null, FigureFloors][]>();
const metaGates = new Map<string, [Half | null, MetaFloors][]>();
const furnitureGates = new Map<string, FurnitureCeilings>();
try {
  for (const [key, corpusFloors] of Object.entries(floors)) {
    if (typeof corpusFloors === 'string') continue; // a string is a comment
    if (key.endsWith(FURNITURE_SUFFIX)) {
      const name = key.slice(0, -FURNITURE_SUFFIX.length);
      furnitureGates.set(name, furnitureCeilingsOf(key, corpusFloors));
      if (!gates.has(name)) gates.set(name, []);
    } else if (key.endsWith(META_SUFFIX)) {
      const name = key.slice(0, -META_SUFFIX.length);
      metaGates.set(name, metaScopesOf(key, corpusFloors));
      if (!gates.has(name)) gates.set(name, []);
    } else gates.set(key, scopesOf(key, corpusFloors));
  }
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
let failures = 0;
for (const [name, scopes] of gates) {
  const corpus = join(root, name);
  if (!existsSync(join(corpus, 'manifest.jsonl'))) {
    process.stdout.write(`gate ${name}: skipped (no corpus at ${corpus})\n`);
    continue;
  }
  const out = resolve('bench', 'out', `gate-${name}`);
  const run = await runQuality(corpus, out);
  const metaScopes = metaGates.get(name);
  if (metaScopes) failures += checkMeta(name, corpus, run, metaScopes);
  const ceilings = furnitureGates.get(name);
  if (ceilings) failures += checkFurniture(name, corpus, out, ceilings);
  for (const [scope, floor] of scopes) {
    const s = scoresOf(run, rowsOf(run.rows, scope));
    const below = FIGURES.filter((k) => floor[k] !== undefined && s[k] < floor[k]!);
    const figures = FIGURES.map((k) => `${NAMES[k]} ${s[k].toFixed(3)}${floor[k] === undefined ? '' : ` (floor ${floor[k]})`}`).join('  ');
    const label = scope === null ? name : `${name} half ${scope}`;
    process.stdout.write(`gate ${label}: n=${s.n}  ${figures}  ${below.length ? `FAIL: ${below.join(', ')} below floor` : 'ok'}\n`);
    failures += below.length;
  }
  if (run.structure) process.stdout.write(`  ${formatStructure(run.structure)}\n`);
}
process.exit(failures > 0 ? 1 : 0);
