import type { Chrono, ParsedComponents } from 'chrono-node';
// The locales read, each from its own entry point: the package index loads all fifteen locales
// (266 modules at start-up), these ten are 186. `en.strict` is the index's `strict`.
import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import * as de from 'chrono-node/de';
import * as es from 'chrono-node/es';
import * as pt from 'chrono-node/pt';
import * as it from 'chrono-node/it';
import * as nl from 'chrono-node/nl';
import * as ru from 'chrono-node/ru';
import * as ja from 'chrono-node/ja';
import * as zh from 'chrono-node/zh';

/**
 * Normalise a date as pages state it to ISO 8601 with chrono-node (a maintained parser for many
 * formats and languages): `YYYY-MM-DD` when no time is stated, else a full timestamp, with the
 * offset when the page states one. Returns null when no date can be read.
 *
 * A fixed reference date keeps the result deterministic for partial dates ("March 3").
 */
export const REFERENCE_DATE = new Date(Date.UTC(2100, 0, 1));

/**
 * chrono's parsers of relative expressions ("3 days ago", "in a week", "today", "tonight", "next
 * Monday", "end of month"): unboil refuses what they find (see isRelative), and they are the
 * costly ones (long alternations of time units, some rebuilt on every call), so they are taken out
 * of each locale's configuration. The names are chrono's class names.
 */
const RELATIVE_PARSER = /TimeUnit|Casual(?:Date|Time)|RelativeDate|EndOf|Deadline|RelationWeekday/;

function absoluteOnly(chrono: Chrono): Chrono {
  const copy = chrono.clone();
  copy.parsers = copy.parsers.filter((p) => !RELATIVE_PARSER.test(p.constructor.name));
  return copy;
}

const PARSERS: ReadonlyArray<{ parser: Chrono; script?: RegExp }> = [
  { parser: en.strict },
  { parser: en.GB },
  { parser: fr.casual },
  { parser: de.casual },
  { parser: es.casual },
  { parser: pt.casual },
  { parser: it.casual },
  { parser: nl.casual },
  { parser: ru.casual, script: /[\u0400-\u04ff]/ },
  { parser: ja.casual }, // also the one that reads "2019/11/22", and nearly free
  { parser: zh.casual, script: /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/ },
].map(({ parser, script }) => ({ parser: absoluteOnly(parser), script }));

/**
 * The parsers worth running on a text. chrono's parsers cost about half a millisecond a text
 * each, and a page asks about hundreds of lines, so the Russian and Chinese ones run only on texts
 * written (at least partly) in their scripts; on other texts they find nothing the others do not
 * (checked over the 45,000 distinct short lines of the corpora when this was written).
 */
function parsersFor(text: string): Chrono[] {
  return PARSERS.filter((p) => !p.script || p.script.test(text)).map((p) => p.parser);
}

/**
 * Every date these functions accept states its year (a date without one lands in the reference
 * year and is refused as relative), and a year is written in digits, or in Chinese / Japanese
 * numerals: a text with neither holds no date, and skips the parsers.
 */
const MAY_STATE_YEAR = /[0-9〇零一二三四五六七八九十百千]/;

/**
 * Values CMSes write for "no date": year 1 (`0001-01-01`), the Unix epoch and the 1900/1901
 * spreadsheet zeros; and anything before this year, which no web page was published in.
 */
const PLACEHOLDER_DATES = new Set(['1970-01-01', '1900-01-01', '1901-01-01']);
const MIN_YEAR = 1800;

/**
 * "Today", "yesterday", "2 hours ago": chrono anchors them on the reference date, which unboil
 * cannot know (no clock, so output stays deterministic); such readings are not dates. They are
 * the ones that land in the reference date's year.
 */
function isRelative(c: ParsedComponents): boolean {
  return (c.get('year') ?? 0) >= REFERENCE_DATE.getUTCFullYear() - 1;
}

export function normalizeDate(value: string | null | undefined): string | null {
  const date = readDate(value);
  if (!date) return null;
  if (Number(date.slice(0, 4)) < MIN_YEAR || PLACEHOLDER_DATES.has(date.slice(0, 10))) return null;
  return date;
}

function readDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = arabicToEnglish(toWesternDigits(value)).trim();
  if (text === '' || /^\d{4}$/.test(text)) return null; // a year alone is not a date
  const iso = ISO_DATE.exec(text);
  if (iso) return formatIsoMatch(iso);
  if (!MAY_STATE_YEAR.test(text)) return null;
  for (const parser of parsersFor(text)) {
    const result = parser.parse(text, REFERENCE_DATE)[0];
    if (result && result.start.isCertain('year') && result.start.isCertain('month') && result.start.isCertain('day') && !isRelative(result.start)) {
      return format(result.start);
    }
  }
  return null;
}

/**
 * The first calendar date stated inside a longer text ("Joshua Sokol May 20", "By X, 3 mars 2021"),
 * with its position; a day (or a month with its year) must be stated, so a bare "April" or a
 * weekday is not a date.
 */
export function findDateText(value: string): { index: number; text: string } | null {
  // A page asks about the same text several times (a byline box, then its author line, a line
  // nested in a block of the same text): eleven chrono parses are worth remembering. Bounded,
  // and the answer depends on the text alone, so the memo changes no result.
  const known = FOUND_DATES.get(value);
  if (known !== undefined) return known && { ...known };
  const found = findDateTextUncached(value);
  if (FOUND_DATES.size >= MAX_FOUND_DATES) FOUND_DATES.clear();
  FOUND_DATES.set(value, found && { ...found });
  return found;
}

/** Texts findDateText remembers at most (a few pages' worth of bylines and short lines). */
const MAX_FOUND_DATES = 2048;
const FOUND_DATES = new Map<string, { index: number; text: string } | null>();

function findDateTextUncached(value: string): { index: number; text: string } | null {
  // Digits map one to one, so positions found in the converted text hold in the original.
  const text = toWesternDigits(value);
  if (ARABIC_MONTH.test(text)) {
    const m = ARABIC_DATE.exec(text);
    return m ? { index: m.index, text: m[0] } : null;
  }
  if (!MAY_STATE_YEAR.test(text)) return null;
  let best: { index: number; text: string } | null = null;
  for (const parser of parsersFor(text)) {
    for (const result of parser.parse(text, REFERENCE_DATE)) {
      const c = result.start;
      if (!(c.isCertain('day') || (c.isCertain('month') && c.isCertain('year'))) || isRelative(c)) continue;
      // Earliest first; at the same place the longest reading ("20 de março de 2019", not "20 de mar").
      if (!best || result.index < best.index || (result.index === best.index && result.text.length > best.text.length)) {
        best = { index: result.index, text: result.text };
      }
      break;
    }
  }
  return best;
}

/** ISO 8601 as machines write it (JSON-LD, meta tags, `<time datetime>`): read exactly, no guessing. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

function formatIsoMatch(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, tz] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  let offset = '';
  if (tz === 'Z') offset = 'Z';
  else if (tz) offset = tz.includes(':') ? tz : `${tz.slice(0, 3)}:${tz.slice(3)}`;
  // Midnight UTC with no seconds is how many CMSes write "a date with no time".
  if ((h === '00' && mi === '00' && (s === undefined || s === '00')) && (offset === '' || offset === 'Z' || offset === '+00:00')) {
    return `${y}-${mo}-${d}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`;
}

function format(c: ParsedComponents): string {
  const y = String(c.get('year')).padStart(4, '0');
  const mo = String(c.get('month')).padStart(2, '0');
  const d = String(c.get('day')).padStart(2, '0');
  const date = `${y}-${mo}-${d}`;
  if (!c.isCertain('hour')) return date;
  const h = String(c.get('hour')).padStart(2, '0');
  const mi = String(c.get('minute') ?? 0).padStart(2, '0');
  const s = String(c.get('second') ?? 0).padStart(2, '0');
  let offset = '';
  if (c.isCertain('timezoneOffset')) {
    const total = c.get('timezoneOffset') ?? 0;
    const sign = total < 0 ? '-' : '+';
    const abs = Math.abs(total);
    offset = total === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  return `${date}T${h}:${mi}:${s}${offset}`;
}

/**
 * chrono-node has no Arabic locale: Arabic month names (the Egyptian/Gulf forms, يناير..ديسمبر,
 * and the Levantine/Iraqi ones, كانون الثاني..كانون الأول) are mapped to English names, weekday
 * names and the Arabic comma dropped, so the English parser reads "الخميس، ٩ يناير ٢٠٢٠" as
 * "9 January 2020". Two-word Levantine names come first so "تشرين الأول" is not read as "تشرين".
 */
const ARABIC_MONTHS: ReadonlyArray<[string, string]> = [
  ['كانون الثاني', 'January'], ['تشرين الأول', 'October'], ['تشرين الثاني', 'November'], ['كانون الأول', 'December'],
  ['يناير', 'January'], ['فبراير', 'February'], ['مارس', 'March'], ['أبريل', 'April'], ['ابريل', 'April'], ['إبريل', 'April'],
  ['مايو', 'May'], ['يونيو', 'June'], ['يونيه', 'June'], ['يوليو', 'July'], ['يوليه', 'July'], ['أغسطس', 'August'],
  ['اغسطس', 'August'], ['سبتمبر', 'September'], ['أكتوبر', 'October'], ['اكتوبر', 'October'], ['نوفمبر', 'November'],
  ['ديسمبر', 'December'], ['شباط', 'February'], ['آذار', 'March'], ['اذار', 'March'], ['نيسان', 'April'], ['أيار', 'May'],
  ['ايار', 'May'], ['حزيران', 'June'], ['تموز', 'July'], ['آب', 'August'], ['اب', 'August'], ['أيلول', 'September'], ['ايلول', 'September'],
];
const ARABIC_MONTH = new RegExp(`(^|[\\s\\d،,/-])(${ARABIC_MONTHS.map(([a]) => a).join('|')})(?=$|[\\s\\d،,/-])`);
/** "٩ يناير ٢٠٢٠" (digits already Western): day, month name, year; the span a byline date takes. */
const ARABIC_DATE = new RegExp(`\\d{1,2}\\s*(?:${ARABIC_MONTHS.map(([a]) => a).join('|')})\\s*،?\\s*\\d{4}`);
const ARABIC_WEEKDAYS = /(الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)\s*،?/g;

export function arabicToEnglish(text: string): string {
  if (!ARABIC_MONTH.test(text)) return text;
  let out = text.replace(ARABIC_WEEKDAYS, ' ');
  for (const [arabic, english] of ARABIC_MONTHS) out = out.split(arabic).join(` ${english} `);
  return out.replace(/،/g, ',').replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim();
}

/** Arabic-Indic, Persian and full-width digits to ASCII, so every parser can read them. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10) return String(code - 0xff10);
    if (code >= 0x06f0) return String(code - 0x06f0);
    return String(code - 0x0660);
  });
}

/** A numeric date written day or month first ("03/10/2023", "03.10.2023"), year last. */
const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)/;

/**
 * The day-first reading of a numeric date whose day and month could be either way round
 * ("03/10/2023": 3 October or March 10), as `YYYY-MM-DD`; null when the text is not such a date
 * (a part over 12 leaves one reading, which normalizeDate gives). normalizeDate reads these month
 * first, as US English does; the caller decides by the page's evidence which reading holds.
 */
export function dayFirstReading(value: string): string | null {
  const m = NUMERIC_DATE.exec(toWesternDigits(value).trim());
  if (!m || m[1] === m[2] || Number(m[1]) > 12 || Number(m[2]) > 12 || Number(m[1]) === 0 || Number(m[2]) === 0) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The calendar date part of an ISO value, for comparisons. */
export function datePart(iso: string): string {
  return iso.slice(0, 10);
}
