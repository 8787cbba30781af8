import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

type Extension = Parameters<typeof combineExtensions>[0][number];

/**
 * Scraped text -> mdast: remark-parse with GFM as remark-gfm sets it up (micromark-extension-gfm's
 * five syntax extensions, combined in its order; mdast-util-gfm's tree side), except the syntax
 * that cannot occur in the text at hand, which micromark then does not look for. The tree is the
 * same; the time is not: GFM's autolink literals try every letter as the start of an e-mail
 * address, and its tables try every paragraph's first line as a head row, the whole line: on an
 * 8 MB text of prose they took 4.9 and 3.8 CPU-s of a 12 s parse (plain CommonMark: 1.2 s).
 */
const GFM_PARTS: Array<{ name: string; syntax: () => Extension; occurs: (text: string) => boolean }> = [
  { name: 'autolink literal', syntax: gfmAutolinkLiteral, occurs: (text) => AUTOLINK_LITERAL_MARK.test(text) },
  { name: 'footnote', syntax: gfmFootnote, occurs: () => true },
  { name: 'strikethrough', syntax: gfmStrikethrough, occurs: () => true },
  { name: 'table', syntax: gfmTable, occurs: (text) => TABLE_MARK.test(text) },
  { name: 'task list item', syntax: gfmTaskListItem, occurs: () => true },
];

/**
 * What every autolink literal holds: `www.`, `http://` or `https://` (any case), or the `@` of an
 * e-mail address; micromark finds them in the source, and mdast-util-gfm's transform looks again in
 * each text node's value, where a character reference (`&#64;`) or an escape (`www\.`) has become
 * the character. A text with none of these marks, no `&` and no backslash holds no autolink literal.
 */
const AUTOLINK_LITERAL_MARK = /[@&\\]|www\.|https?:\/\//i;

/**
 * What every table holds: micromark-extension-gfm-table takes a delimiter row only with a `|` or
 * an alignment colon, which stands right before or after the cell's dashes (`word` over `:-` is a
 * table of one column).
 */
const TABLE_MARK = /\||:-|-:/;

/** One frozen parser per set of GFM parts used, built when first needed. */
const parsers = new Map<string, Processor>();

/** The GFM syntax extensions `text` is parsed with (their names). */
export function gfmPartsFor(text: string): string[] {
  return GFM_PARTS.filter((part) => part.occurs(text)).map((part) => part.name);
}

export function parseMarkdown(text: string): Root {
  const names = gfmPartsFor(text);
  const key = names.join();
  let parser = parsers.get(key);
  if (!parser) {
    const used = GFM_PARTS.filter((part) => names.includes(part.name));
    parser = unified()
      .use(remarkParse)
      .use(function gfmParts(this: Processor) {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(combineExtensions(used.map((part) => part.syntax())));
        (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
      })
      .freeze() as unknown as Processor;
    parsers.set(key, parser);
  }
  return parser.parse(text) as Root;
}
