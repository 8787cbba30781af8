/**
 * Line-end hyphenation: "mas-" + "sive" is "massive", but "re-" + "elected" may be "re-elected" and
 * "Trump-" + "Ukraine" is "Trump-Ukraine". A word is re-joined only when it is a real word: the
 * document itself is the dictionary (no word list ships for every language). The joined form seen
 * elsewhere in the text joins; the hyphenated form seen elsewhere keeps the hyphen; a capital or a
 * digit after the break keeps it; otherwise a break between two lower-case fragments joins, as
 * justified text breaks words far more often than it happens to end a line on a compound's hyphen.
 * The hyphens are those of read/lines/hyphens.ts, shared with the scraped-text reader (whose join
 * rule, read/text/hyphenation.ts, also keeps English compound prefixes: it has no type sizes or
 * columns to tell it that a line was justified).
 */
import { LINE_END_HYPHEN } from '../lines/hyphens.js';

export interface Vocabulary {
  /** Lower-cased words as they occur unbroken in the document, with counts. */
  words: Map<string, number>;
}

const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;

export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const words = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.match(WORD_RE) ?? []) {
      const key = w.toLowerCase();
      words.set(key, (words.get(key) ?? 0) + 1);
    }
  }
  return { words };
}

/**
 * How to join a line that ends in a hyphen to the next one: 'join' (drop the hyphen, no space),
 * 'keep' (keep the hyphen, no space), or null when the line does not end in a broken word.
 */
export function hyphenJoin(lineText: string, nextText: string, vocabulary: Vocabulary): 'join' | 'keep' | null {
  if (!LINE_END_HYPHEN.test(lineText)) return null;
  const head = /(\p{L}[\p{L}\p{M}'’-]*)[-\u2010\u00AD]$/u.exec(lineText)?.[1] ?? '';
  const tail = /^([\p{L}\p{M}'’-]*\p{L})/u.exec(nextText)?.[1] ?? '';
  if (!head || !tail) return /^\p{N}/u.test(nextText) ? 'keep' : null;
  const lastPart = head.split('-').at(-1)!;
  const joined = `${lastPart}${tail}`.toLowerCase();
  const hyphenated = `${lastPart}-${tail}`.toLowerCase();
  const { words } = vocabulary;
  if (words.has(joined)) return 'join';
  if (words.has(hyphenated)) return 'keep';
  if (/^\p{Lu}/u.test(tail) || head.includes('-')) return 'keep';
  return 'join';
}

/** Chinese and Japanese are written without spaces: lines join without one. */
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Join a paragraph's lines into one string, re-joining hyphenated words. */
export function joinLines(lines: string[], vocabulary: Vocabulary): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    if (out === '') {
      out = text;
      continue;
    }
    const how = hyphenJoin(out, text, vocabulary);
    if (how === 'join') out = out.slice(0, -1) + text;
    else if (how === 'keep') out = out.slice(0, -1) + '-' + text;
    else if (CJK_END.test(out) && CJK_START.test(text)) out += text;
    else out += ' ' + text;
  }
  return out;
}
