import { franc } from 'franc';
import { iso6393To1 } from 'iso-639-3';

/** Text shorter than this (characters) is too little to tell a language from. */
const MIN_TEXT = 60;

/**
 * franc names individual languages (`arb` Standard Arabic, `cmn` Mandarin); BCP 47 prefers the
 * two-letter code of their macrolanguage (`ar`, `zh`). iso-639-3 lists no macrolanguage links, so
 * this table maps the individual languages franc detects to the macrolanguage's two-letter code.
 */
const MACROLANGUAGE_TO_1: Readonly<Record<string, string>> = {
  arb: 'ar', ary: 'ar', arz: 'ar', apc: 'ar', acm: 'ar', ajp: 'ar', aeb: 'ar', arq: 'ar',
  cmn: 'zh', yue: 'zh', wuu: 'zh', hsn: 'zh', gan: 'zh', hak: 'zh', nan: 'zh', cjy: 'zh',
  pes: 'fa', prs: 'fa', pbu: 'ps', pst: 'ps', zlm: 'ms', zsm: 'ms', swh: 'sw', ekk: 'et', lvs: 'lv',
  uzn: 'uz', uzs: 'uz', azj: 'az', azb: 'az', khk: 'mn', npi: 'ne', ory: 'or', plt: 'mg', gaz: 'om',
  hae: 'om', als: 'sq', aln: 'sq', ydd: 'yi', quy: 'qu', quz: 'qu', qug: 'qu', knc: 'kr', kmr: 'ku',
  ckb: 'ku', ojb: 'oj', fuv: 'ff', fuf: 'ff', kng: 'kg', ktu: 'kg', gug: 'gn', ike: 'iu', mvf: 'mn',
};

/** The language of a text as a BCP 47 primary tag (`en`, `ar`), detected with franc; null if unsure. */
export function detectLang(text: string): string | null {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (sample.replace(/\s+/g, '').length < MIN_TEXT) return null;
  const code = franc(sample, { minLength: MIN_TEXT });
  if (code === 'und') return null;
  return iso6393To1[code] ?? MACROLANGUAGE_TO_1[code] ?? code;
}
