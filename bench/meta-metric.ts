/**
 * The metadata metric of ../shared/tools/score-meta.mjs, re-stated here so the benchmark runs in a
 * clone without the shared folder: per field, over pages whose expected value is non-empty,
 * coverage (prediction non-empty), exact (normalised match) and token F1; `extra` counts
 * predictions where the corpus expects nothing. bench/metadata.ts prints both this and the
 * reference scorer's table, so any drift between the two shows at once.
 */

import { tokenF1 } from '../src/metadata/text-utils.js';

export const META_FIELDS = ['title', 'authors', 'published', 'lang', 'description', 'siteName'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type MetaValue = string | string[] | null | undefined;

export function norm(s: unknown): string {
  if (s == null) return '';
  return String(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/g, ' ')
    .trim();
}

// Han/kana characters are one token each; other runs of letters, numbers and marks are words
// (a `v`-flag set difference, as the reference writes it; built from a string for the compiler).
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const TOKEN_RE = new RegExp(`[${CJK}]|[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]+`, 'gv');

export function tokens(s: unknown): string[] {
  return norm(s).match(TOKEN_RE) ?? [];
}

export function isEmpty(v: unknown): boolean {
  if (v == null) return true;
  if (Array.isArray(v)) return v.every(isEmpty);
  if (typeof v === 'object') return isEmpty((v as { name?: unknown }).name);
  return String(v).trim() === '';
}

const SUFFIX_SEP = / (?:-|\||·|•|::|»|«|~) /;
const normExact = (s: unknown) => norm(s).replace(/(?:\s*(?:\.|…))+$/u, '');

function titleCandidates(pred: unknown, exp: unknown): string[] {
  const p = norm(pred);
  const out = [p];
  if (SUFFIX_SEP.test(norm(exp))) return out;
  let cur = p;
  for (;;) {
    let cut = -1;
    for (const m of cur.matchAll(new RegExp(SUFFIX_SEP.source, 'g'))) cut = m.index ?? -1;
    if (cut <= 0) break;
    cur = cur.slice(0, cut).trim();
    if (!cur) break;
    out.push(cur);
  }
  return out;
}

export interface FieldScore {
  exact: number;
  f1: number | null;
}

function scoreTitle(exp: MetaValue, pred: MetaValue): FieldScore {
  const e = normExact(exp);
  const cands = titleCandidates(pred, exp);
  const et = tokens(e);
  return { exact: cands.some((c) => normExact(c) === e) ? 1 : 0, f1: Math.max(...cands.map((c) => tokenF1(et, tokens(c)))) };
}

const BY_PREFIX = /^(?:(?:written|posted|published|story|words|text|reported|edited)\s+by|by|par|von|por|di|door|av|af|przez|de)\s*:?\s+/u;
const NAME_SPLIT = /\s*(?:[,;&\u3001\uff0c\uff1b]|\band\b|\bund\b|\bet\b)\s*/u;

export function authorNames(v: MetaValue): string[] {
  const list = Array.isArray(v) ? v : [v];
  const names: string[] = [];
  for (const a of list) {
    if (a == null) continue;
    const s = norm(a).replace(BY_PREFIX, '');
    for (const part of s.split(NAME_SPLIT)) {
      const key = tokens(part.replace(BY_PREFIX, '')).join(' ');
      if (key) names.push(key);
    }
  }
  return names;
}

function scoreAuthors(exp: MetaValue, pred: MetaValue): FieldScore {
  const e = authorNames(exp);
  const p = authorNames(pred);
  const es = new Set(e);
  const ps = new Set(p);
  const exact = es.size === ps.size && [...es].every((n) => ps.has(n)) ? 1 : 0;
  return { exact, f1: tokenF1(e.join(' ').split(' ').filter(Boolean), p.join(' ').split(' ').filter(Boolean)) };
}

/**
 * Calendar date of a date string, ignoring time and zone. Date.parse reads zone-less date-times in
 * local time: the reference pins TZ=UTC for that, and so does bench/metadata.ts.
 */
export function calendarDate(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'number') {
    const d = new Date(v < 1e11 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  const s = String(v).trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function scorePublished(exp: MetaValue, pred: MetaValue): FieldScore {
  const e = calendarDate(exp);
  const exact = e ? (e === calendarDate(pred) ? 1 : 0) : norm(exp) === norm(pred) ? 1 : 0;
  return { exact, f1: null };
}

const primaryLang = (v: unknown) => norm(v).split(/[-_]/)[0];

const SCORERS: Record<MetaField, (e: MetaValue, p: MetaValue) => FieldScore> = {
  title: scoreTitle,
  authors: scoreAuthors,
  published: scorePublished,
  lang: (e, p) => ({ exact: primaryLang(e) === primaryLang(p) ? 1 : 0, f1: null }),
  description: (e, p) => ({ exact: normExact(e) === normExact(p) ? 1 : 0, f1: tokenF1(tokens(e), tokens(p)) }),
  siteName: (e, p) => ({ exact: normExact(e) === normExact(p) ? 1 : 0, f1: tokenF1(tokens(e), tokens(p)) }),
};

export interface FieldSummary {
  n: number;
  coverage: number | null;
  exact: number | null;
  tokenF1: number | null;
  expectedEmpty: number;
  extra: number;
}

export interface PageResult {
  id: string;
  field: MetaField;
  expected: MetaValue;
  predicted: MetaValue;
  exact: number;
}

/** Score predictions against expectations, page by page; fields the corpus never states are left out. */
export function scoreMeta(pages: Array<{ id: string; meta?: Record<string, unknown> }>, predictions: Map<string, Record<string, MetaValue>>) {
  const present = META_FIELDS.filter((f) => pages.some((p) => p.meta && Object.hasOwn(p.meta, f)));
  const acc = new Map(present.map((f) => [f, { n: 0, covered: 0, exact: 0, f1: 0, f1n: 0, expectedEmpty: 0, extra: 0 }]));
  const results: PageResult[] = [];
  for (const page of pages) {
    const pred = predictions.get(page.id) ?? {};
    const meta = page.meta ?? {};
    for (const f of present) {
      if (!Object.hasOwn(meta, f)) continue;
      const exp = meta[f] as MetaValue;
      const pv = pred[f];
      const a = acc.get(f)!;
      if (isEmpty(exp)) {
        a.expectedEmpty++;
        if (!isEmpty(pv)) a.extra++;
        continue;
      }
      a.n++;
      let r: FieldScore = { exact: 0, f1: f === 'published' || f === 'lang' ? null : 0 };
      if (!isEmpty(pv)) {
        a.covered++;
        r = SCORERS[f](exp, pv);
      }
      a.exact += r.exact;
      if (r.f1 != null) {
        a.f1 += r.f1;
        a.f1n++;
      }
      results.push({ id: page.id, field: f, expected: exp, predicted: pv ?? null, exact: r.exact });
    }
  }
  const summary = new Map<MetaField, FieldSummary>();
  for (const [f, a] of acc) {
    summary.set(f, {
      n: a.n,
      coverage: a.n ? a.covered / a.n : null,
      exact: a.n ? a.exact / a.n : null,
      tokenF1: a.f1n ? a.f1 / a.f1n : null,
      expectedEmpty: a.expectedEmpty,
      extra: a.extra,
    });
  }
  return { summary, results };
}

/**
 * WCXB's metadata metric, as ../shared/tools/score-wcxb.mjs scores a `<id>.meta.json`: over the
 * pages whose manifest `meta` states the field, the share predicted exactly. Title: the same text
 * after NFKC, collapsed white space and lower case. Author: the predicted `authors` joined with
 * ", " equal, by the same normalisation, to the manifest's `author` (one string, several names
 * joined with ", ", so order counts). Date: the first ten characters of `published` equal to the
 * manifest's `date` (YYYY-MM-DD): the calendar day as the page states it, never converted.
 */
export const WCXB_META_FIELDS = ['title', 'author', 'date'] as const;
export type WcxbMetaField = (typeof WCXB_META_FIELDS)[number];

/** A `<id>.meta.json` prediction as score-wcxb.mjs reads it. */
export interface WcxbMetaPrediction {
  title?: string | null;
  authors?: string[] | null;
  published?: string | null;
}

const wcxbNorm = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The prediction's value for a WCXB field, in the form it is compared in ('' when none). */
export function wcxbPredicted(field: WcxbMetaField, m: WcxbMetaPrediction | null | undefined): string {
  if (!m) return '';
  if (field === 'title') return wcxbNorm(m.title);
  if (field === 'author') return wcxbNorm((m.authors ?? []).join(', '));
  return (m.published ?? '').slice(0, 10);
}

/** The manifest's value for a WCXB field, in the form it is compared in ('' when not stated). */
export function wcxbExpected(field: WcxbMetaField, meta: Record<string, unknown> | undefined): string {
  const v = meta?.[field];
  if (!v) return '';
  return field === 'date' ? String(v).slice(0, 10) : wcxbNorm(v);
}

export interface WcxbFieldScore {
  /** Pages whose manifest states the field. */
  n: number;
  /** Of those, pages with a non-empty prediction. */
  covered: number;
  /** Of those, pages predicted exactly. */
  exact: number;
}

export interface WcxbMetaResult {
  id: string;
  pageType: string;
  field: WcxbMetaField;
  expected: string;
  predicted: string;
  exact: boolean;
}

/** Per field, overall (key '') and per page type; with every scored page's result for listing misses. */
export function scoreWcxbMeta(pages: Array<{ id: string; meta?: Record<string, unknown> }>, predictions: Map<string, WcxbMetaPrediction | null>) {
  const byType = new Map<string, Map<WcxbMetaField, WcxbFieldScore>>();
  const at = (type: string, field: WcxbMetaField) => {
    if (!byType.has(type)) byType.set(type, new Map(WCXB_META_FIELDS.map((f) => [f, { n: 0, covered: 0, exact: 0 }])));
    return byType.get(type)!.get(field)!;
  };
  const results: WcxbMetaResult[] = [];
  for (const page of pages) {
    const type = typeof page.meta?.pageType === 'string' ? page.meta.pageType : '?';
    for (const field of WCXB_META_FIELDS) {
      const expected = wcxbExpected(field, page.meta);
      if (!expected) continue;
      const predicted = wcxbPredicted(field, predictions.get(page.id));
      const exact = predicted === expected;
      for (const s of [at('', field), at(type, field)]) {
        s.n++;
        if (predicted) s.covered++;
        if (exact) s.exact++;
      }
      results.push({ id: page.id, pageType: type, field, expected, predicted, exact });
    }
  }
  const sorted = new Map([...byType].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { byType: sorted, results };
}
