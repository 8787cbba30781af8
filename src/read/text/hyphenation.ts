/**
 * Words hyphenated at a line end: re-join them only when the joined word is more likely than the
 * hyphenated compound. With no dictionary at hand (unboil ships none, and one per language would
 * be large), the document itself is the word list: a form it uses elsewhere wins; then a
 * compound whose two halves are both words of the document keeps its hyphen ("well-known",
 * "state-owned"); then a fragment that is no word ("deescalat-" + "ing") is joined. The hyphens
 * are those of read/lines/hyphens.ts, which the PDF reader shares; its own join rule is in
 * read/pdf/hyphenation.ts.
 */
import { BROKEN_WORD } from '../lines/hyphens.js';

/**
 * First halves that form hyphenated compounds in English whatever the document says
 * ("self-\nevident", "non-\nbinding"): a short list, as these are the common false joins.
 */
const COMPOUND_FIRST = new Set([
  'well', 'self', 'ex', 'non', 'half', 'all', 'cross', 'long', 'short', 'high', 'low', 'full', 'so', 'ill',
  'far', 'much', 'pro', 'anti', 'post', 'mid', 'multi', 'semi', 'quasi', 'vice', 'first', 'second', 'third',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'year', 'old', 'wide', 'state',
]);

/** The words of a text, lower-cased, with how often they occur; line-end breaks are left out. */
export function documentWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const masked = text.replace(BROKEN_WORD, ' ');
  for (const m of masked.matchAll(/\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu)) {
    const word = m[0].toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (word.includes('-')) for (const part of word.split('-')) counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return counts;
}

/** Whether `left-` at a line end and `right` on the next line are one word (else a compound). */
export function shouldJoin(left: string, right: string, words: Map<string, number>, softHyphen = false): boolean {
  if (softHyphen) return true;
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (words.has(l + r)) return true;
  if (words.has(`${l}-${r}`)) return false;
  if (/^\p{Lu}/u.test(right)) return false; // "Franco-\nGerman", "pro-\nRussian"
  if (COMPOUND_FIRST.has(l)) return false;
  if (l.length >= 2 && r.length >= 2 && words.has(l) && words.has(r)) return false;
  return true;
}

/** Re-join or keep every line-end hyphen of a text; other line breaks are left as they are. */
export function rejoinHyphenated(text: string, words: Map<string, number>): string {
  return text.replace(BROKEN_WORD, (whole: string, left: string, right: string) => {
    const soft = whole.includes('\u00AD');
    return shouldJoin(left, right, words, soft) ? left + right : `${left}-${right}`;
  });
}
