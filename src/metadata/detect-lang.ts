import { iso6393To1 } from 'iso-639-3';
import type { VFile } from 'vfile';
import type { FieldSource } from '../types.js';
import { warn } from '../messages.js';

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

/**
 * franc reads at most this much of a text (characters): enough to tell, and bounded work. Its cost
 * is linear in the sample, and it runs on nearly every page (to check `<html lang>`): 20,000 cost
 * about 6% of a page's CPU on scrapinghub-dev; at 5,000 no page of wcxb-dev's first half changed
 * language.
 */
const MAX_SAMPLE = 5_000;

/** A franc (ISO 639-3) code as a BCP 47 primary tag: the two-letter code when there is one. */
const toTag = (code: string) => iso6393To1[code] ?? MACROLANGUAGE_TO_1[code] ?? code;

/** The ISO 639-3 codes that have a two-letter (BCP 47 primary) code, directly or by macrolanguage. */
const TWO_LETTER_LANGUAGES = [...Object.keys(iso6393To1), ...Object.keys(MACROLANGUAGE_TO_1)];

/** franc, loaded at the first text worth detecting: building its trigram models is start-up work a short page with `<html lang>` never needs. */
let francModule: Promise<typeof import('franc')> | null = null;
const loadFranc = () => (francModule ??= import('franc'));

/** The language of a text as a BCP 47 primary tag (`en`, `ar`), detected with franc; null if unsure. */
export async function detectLang(text: string): Promise<string | null> {
  const sample = text.length > MAX_SAMPLE ? text.slice(0, MAX_SAMPLE) : text;
  if (sample.replace(/\s+/g, '').length < MIN_TEXT) return null;
  const { franc } = await loadFranc();
  const code = franc(sample, { minLength: MIN_TEXT });
  if (code === 'und') return null;
  return toTag(code);
}

/** Letters of article text from which franc's reading may overrule `<html lang>`. */
const MIN_OVERRULING_TEXT = 1000;
/**
 * franc scores every language of the text's script relative to the best (1). The markup's language
 * must trail by more than this to be overruled: English text on a page marked `de` scores German
 * about 0.97, while franc's near-ties (English and Scots, or Latin filler text against the
 * Romance languages) stay above 0.99.
 */
const OVERRULED_SCORE = 0.98;

/**
 * The article's language: the one the metadata states; else the one detected from the text; and
 * when only `<html lang>` states it (a site-wide template setting, not a statement about this
 * article) while a long text reads clearly as another language, the detected one, with a
 * `lang-contradicted` warning. Returns the language and where it came from.
 */
export async function articleLang(
  file: VFile,
  stated: string | null,
  source: FieldSource | undefined,
  text: string,
): Promise<{ lang: string | null; source: FieldSource | undefined }> {
  if (!stated) {
    const lang = await detectLang(text);
    return { lang, source: lang ? 'detected' : source };
  }
  if (source !== 'markup') return { lang: stated, source };
  const sample = text.length > MAX_SAMPLE ? text.slice(0, MAX_SAMPLE) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_OVERRULING_TEXT) return { lang: stated, source };
  const { francAll } = await loadFranc();
  // Only a language with a two-letter code overrules, so franc ranks only those (half the work of
  // ranking every language of the script), and the markup's language must be among them.
  const ranked = francAll(sample, { minLength: MIN_TEXT, only: TWO_LETTER_LANGUAGES });
  const top = toTag(ranked[0]![0]);
  const own = stated.split('-')[0]!.toLowerCase();
  if (top.length !== 2 || top === own) return { lang: stated, source };
  const ownScores = ranked.filter(([code]) => toTag(code) === own).map(([, score]) => score);
  if (ownScores.length === 0 || Math.max(...ownScores) >= OVERRULED_SCORE) return { lang: stated, source };
  warn(file, 'lang-contradicted', `the page's markup says lang ${stated}, but its text reads as ${top}; lang set to ${top}`);
  return { lang: top, source: 'detected' };
}
