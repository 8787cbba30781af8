/**
 * Word shingles: how two texts are compared when one is a hint for the other (the JSON-LD
 * `articleBody` against the page's blocks). Tokens are runs of letters, digits and `_`, so markup,
 * punctuation and layout never matter.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
/** Words per shingle: four words in a row rarely repeat by chance, yet survive small edits. */
export const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** The shingles of a text (a text shorter than one shingle gives itself as its only shingle). */
export function shingleList(text: string, size = SHINGLE_SIZE): string[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  if (tokens.length < size) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + size <= tokens.length; i++) out.push(tokens.slice(i, i + size).join(' '));
  return out;
}
