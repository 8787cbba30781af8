/**
 * Text as pdf.js gives it, made plain: typographic ligatures spelt out (the glyphs fi, fl, ffi...
 * come through as single code points in fonts that map them so), soft hyphens dropped (they only
 * say where a word may break), non-breaking and other fixed-width spaces made ordinary spaces,
 * zero-width characters dropped. Hand-written because NFKC would also rewrite superscripts,
 * fractions and full-width forms that are text.
 */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};
const LIGATURE_RE = /[\uFB00-\uFB06]/g;
const SPACES_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Soft hyphens, zero-width characters, and control characters (a glyph with no Unicode mapping can come through as U+0000). */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Kangxi radicals and CJK compatibility ideographs that some fonts map glyphs to: NFKC gives the ideograph meant. */
const CJK_COMPAT_RE = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;

export function normaliseRunText(text: string): string {
  return text.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c).replace(CJK_COMPAT_RE, (c) => c.normalize('NFKC')).replace(SPACES_RE, ' ').replace(INVISIBLE_RE, '');
}
