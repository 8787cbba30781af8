import { collapseSpaces } from '../../hast/util.js';

/**
 * What the text and PDF readers both do to the lines of a page: recognise a bare page number, and
 * compare running heads and footers across pages by their shape. (How each finds a page's edge
 * differs: the text reader takes the first and last few lines of a form-feed page,
 * read/text/page-furniture.ts; the PDF reader peels lines by position and type size,
 * read/pdf/furniture.ts.)
 */

/**
 * A bare page number, as printers and print-to-text dumps set it: "12", "- 12 -", "Page 12",
 * "p. 12", "pg 12", "12 of 30", "Seite 3 von 9", "3 / 9", roman numerals ("xiv"). Tested on a
 * trimmed line.
 */
export const PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.|pg\.?|seite|página|pagina|pag\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—]?(?:\s*(?:of|\/|von|de|sur|di|из)\s*\d{1,4})?[-–—\s]*$/iu;

/** A line with its digits masked and its spaces collapsed, so "Report 2020 — page 3" and "... page 4" compare equal. */
export function lineShape(line: string): string {
  return collapseSpaces(line.toLowerCase().replace(/\d+/g, '#')).trim();
}
