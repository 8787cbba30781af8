import { franc } from 'franc';
import { iso6393To1 } from 'iso-639-3';

/** Text shorter than this (characters) is too little to tell a language from. */
const MIN_TEXT = 60;

/** The language of a text as a BCP 47 primary tag (`en`, `ar`), detected with franc; null if unsure. */
export function detectLang(text: string): string | null {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (sample.replace(/\s+/g, '').length < MIN_TEXT) return null;
  const code = franc(sample, { minLength: MIN_TEXT });
  if (code === 'und') return null;
  return iso6393To1[code] ?? code;
}
