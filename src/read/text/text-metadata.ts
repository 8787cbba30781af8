import type { Heading, Link, Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Author, RelatedItem, Translation } from '../../types.js';
import { propose } from '../../metadata/candidates.js';
import { normalizeDate } from '../../metadata/dates.js';
import { parseByline } from '../../metadata/authors.js';
import { explain } from '../../messages.js';
import { soleLink, squash, mdastText, proseWords } from './mdast.js';
import { LINK_MARK } from './plain-dump.js';
import { languageOfName } from '../../metadata/language-names.js';
import { BYLINE_OPENERS } from '../../vocabulary/bylines.js';
import { BIO_HEADING, RELATED_HEADING, TRANSLATION_HEADING } from '../../vocabulary/headings.js';

/**
 * Metadata printed in a scraped text, read off its top-level blocks before the article is chosen:
 * title, byline (linked or not), date line, section label, "Also available in" links, an "About
 * the author(s)" block and "Recommended" cards. Every value goes through `propose(..., 'text')`;
 * the blocks read are taken out of the body (their text is metadata, not article).
 */

/** A byline: "By A, B and C" (or "Von", "Par", ...), as parseByline reads it. */
const BYLINE = new RegExp(`^[^\\p{L}\\p{N}]*(${BYLINE_OPENERS})\\s+\\S`, 'iu');
/** A name in an unlinked byline: capitalised words ("By the end of the year" is no byline). */
const LOOSE_NAME = /^[\p{Lu}\p{Lo}][\p{L}'’.-]*( [\p{L}'’.-]+){0,4}$/u;
/** Blocks longer than this (words) are prose, not metadata lines. */
const MAX_META_WORDS = 25;
/** How many blocks from the top a title, byline or date line may sit. */
const HEADER_REACH = 40;
/** A section label: one to four capitalised words ("Brief Analysis", "ARTICLES & TESTIMONY"). */
const SECTION_LABEL = /^(\p{Lu}[\p{L}'’.-]*)(\s+(&|and|of|the|\p{Lu}[\p{L}'’.-]*)){0,3}$/u;

/** Blocks that head an article: what follows them is the article's start. */
const HEADER_PARTS = new Set(['title', 'byline', 'date line']);

/**
 * Read the metadata and take its blocks out; returns where the article's header ends in the
 * remaining blocks (0 when no title, byline or date line was found), for find-article.ts.
 */
export function readTextMetadata(tree: Root, file: VFile): number {
  const blocks = tree.children;
  const taken = new Set<number>();
  let headerEnd = -1;
  const take = (i: number, why: string) => {
    taken.add(i);
    if (HEADER_PARTS.has(why) && i < HEADER_REACH) headerEnd = Math.max(headerEnd, i);
    explain(file, `text-${why}`, `took "${squash(mdastText(blocks[i]!)).slice(0, 60)}" as ${why}`);
  };

  const authors = readByline(blocks, take);
  readTranslations(blocks, file, take);
  readBios(blocks, authors, take);
  readRelatedLabel(blocks, file, take);
  const title = readTitle(blocks, taken, take);
  if (title) propose(file, 'title', title, 'text');
  if (title && authors.length === 0) authors.push(...readNameLine(blocks, taken, title, take));
  if (authors.length > 0) propose(file, 'authors', authors, 'text');
  readDateLine(blocks, taken, file, take);
  readSectionLabel(blocks, taken, file, take);
  const titleHeading = title ? blocks.findIndex((b, i) => i < HEADER_REACH && !taken.has(i) && b.type === 'heading' && b.depth === 1 && text(b) === title) : -1;
  headerEnd = Math.max(headerEnd, titleHeading);
  tree.children = blocks.filter((_, i) => !taken.has(i));
  return blocks.filter((_, i) => !taken.has(i) && i <= headerEnd).length;
}

type Take = (index: number, why: string) => void;

/** Each block's text and word count, computed once: the readers below ask for them often. */
const TEXTS = new WeakMap<RootContent, { text: string; words: number }>();

function measured(block: RootContent): { text: string; words: number } {
  let m = TEXTS.get(block);
  if (!m) {
    const t = squash(mdastText(block).split(LINK_MARK).join(''));
    m = { text: t, words: proseWords(t) };
    TEXTS.set(block, m);
  }
  return m;
}

function text(block: RootContent): string {
  return measured(block).text;
}

function isShort(block: RootContent): boolean {
  return (block.type === 'paragraph' || block.type === 'heading') && measured(block).words <= MAX_META_WORDS;
}

function readByline(blocks: RootContent[], take: Take): Author[] {
  for (let i = 0; i < Math.min(blocks.length, HEADER_REACH); i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph' || !isShort(block) || !BYLINE.test(text(block))) continue;
    const links = block.children.filter((c): c is Link => c.type === 'link');
    const authors: Author[] = links.length > 0
      ? links.map((l) => ({ name: squash(mdastText(l)), url: l.url && l.url !== '#' ? l.url : null, bio: null })).filter((a) => a.name)
      : parseByline(text(block).replace(/^[^\p{L}\p{N}]+/u, '')).filter((n) => LOOSE_NAME.test(n)).map((name) => ({ name, url: null, bio: null }));
    if (authors.length === 0) continue;
    take(i, 'byline');
    return authors;
  }
  return [];
}

function readTranslations(blocks: RootContent[], file: VFile, take: Take): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!isShort(block)) continue;
    const label = text(block);
    const inline = /^([^:]{3,40}):\s*\S/.exec(label);
    const labelled = TRANSLATION_HEADING.test(label) || (inline !== null && TRANSLATION_HEADING.test(inline[1]!) && block.type === 'paragraph');
    if (!labelled) continue;
    const found: Translation[] = [];
    const own = block.type === 'paragraph' ? block.children.filter((c): c is Link => c.type === 'link') : [];
    for (const link of own) found.push(translation(link));
    let j = i + 1;
    if (own.length === 0) {
      for (; j < blocks.length; j++) {
        const links = linkParagraph(blocks[j]!);
        if (!links) break;
        for (const link of links) found.push(translation(link));
        take(j, 'translations');
      }
    }
    if (found.length === 0) continue;
    take(i, 'translations');
    propose(file, 'translations', found, 'text');
    return;
  }
}

/** The links of a paragraph that holds nothing but links (and separators). */
function linkParagraph(block: RootContent): Link[] | null {
  if (block.type !== 'paragraph') return null;
  const links = block.children.filter((c): c is Link => c.type === 'link');
  const rest = block.children.filter((c) => c.type !== 'link').map((c) => mdastText(c)).join('');
  return links.length > 0 && /^[\s|,·•/]*$/.test(rest) ? links : null;
}

function translation(link: Link): Translation {
  const label = squash(mdastText(link));
  const path = /^(?:https?:\/\/[^/]+)?\/([a-z]{2,3}(?:-[a-zA-Z]{2})?)(?:\/|$)/.exec(link.url);
  return { lang: path ? path[1]! : languageOfName(label), label: label || null, url: link.url };
}

function readBios(blocks: RootContent[], authors: Author[], take: Take): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!isShort(block) || !BIO_HEADING.test(text(block))) continue;
    let j = i + 1;
    const found: Author[] = [];
    while (j + 1 < blocks.length) {
      const nameBlock = blocks[j]!;
      const bio = blocks[j + 1]!;
      const link = soleLink(nameBlock);
      const name = link ? squash(mdastText(link)) : nameBlock.type === 'paragraph' ? text(nameBlock) : '';
      const known = authors.some((a) => a.name.toLowerCase() === name.toLowerCase());
      if (!name || proseWords(name) > 6 || !(link || known) || bio.type !== 'paragraph' || proseWords(text(bio)) < 5) break;
      found.push({ name, url: link && link.url !== '#' ? link.url : null, bio: text(bio) });
      take(j, 'author bio');
      take(j + 1, 'author bio');
      j += 2;
    }
    if (found.length === 0) continue;
    take(i, 'author bio');
    for (const bio of found) {
      const author = authors.find((a) => a.name.toLowerCase() === bio.name.toLowerCase());
      if (author) {
        author.bio = bio.bio;
        author.url ??= bio.url;
      } else {
        authors.push(bio);
      }
    }
    return;
  }
}

function readRelatedLabel(blocks: RootContent[], file: VFile, take: Take): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!isShort(block) || !RELATED_HEADING.test(text(block))) continue;
    const cards: RelatedItem[] = [];
    let card: RelatedItem | null = null;
    let label: string | null = null;
    const used: number[] = [];
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.type === 'thematicBreak') {
        used.push(j);
        continue;
      }
      if (b.type === 'list') {
        // A list of links, one card per item.
        const items = b.children.map((item) => item.children[0]).filter((p): p is Paragraph => p?.type === 'paragraph');
        const links = items.map((p) => soleLink(p)).filter((l): l is Link => l !== null);
        if (links.length === 0 || links.length < items.length) break;
        for (const l of links) cards.push({ title: squash(mdastText(l)), url: l.url === '#' ? null : l.url, published: null, authors: [], section: null });
        card = null;
        used.push(j);
        continue;
      }
      if (!isShort(b)) break;
      const t = text(b);
      const link = soleLink(b) ?? (b.type === 'heading' ? soleHeadingLink(b) : null);
      if (link || (b.type === 'heading' && b.depth > headingDepth(block))) {
        card = { title: squash(mdastText(link ?? b)), url: link && link.url !== '#' ? link.url : null, published: null, authors: [], section: label };
        label = null;
        cards.push(card);
      } else if (b.type === 'heading') {
        break;
      } else if (/^\(?(https?:\/\/\S+|\/\S*)\)?$/.test(t) && card && !card.url) {
        card.url = t.replace(/^\(|\)$/g, '');
      } else if (card && !card.published && normalizeDate(t) && proseWords(t) <= 6) {
        card.published = normalizeDate(t)!.slice(0, 10);
      } else if (SECTION_LABEL.test(t) && t === t.toUpperCase() && /\p{Lu}/u.test(t)) {
        label = titleCase(t);
      } else if (card && proseWords(t) <= 6 && !/[.!?]$/.test(t)) {
        card.authors.push(...parseByline(t));
      } else {
        break;
      }
      used.push(j);
    }
    if (cards.length === 0) continue;
    take(i, 'related');
    for (const u of used) take(u, 'related');
    // A rule just before the heading belongs to the cards block.
    if (i > 0 && blocks[i - 1]!.type === 'thematicBreak') take(i - 1, 'related');
    propose(file, 'related', cards, 'text');
    return;
  }
}

function headingDepth(block: RootContent): number {
  return block.type === 'heading' ? block.depth : 7;
}

function soleHeadingLink(heading: Heading): Link | null {
  const parts = heading.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && parts[0]!.type === 'link' ? parts[0] : null;
}

function readTitle(blocks: RootContent[], taken: Set<number>, take: Take): string | null {
  const reach = Math.min(blocks.length, HEADER_REACH);
  for (let i = 0; i < reach; i++) {
    const b = blocks[i]!;
    if (!taken.has(i) && b.type === 'heading' && b.depth === 1 && text(b)) return text(b);
  }
  // The first short line before the byline.
  const byline = [...taken].find((i) => BYLINE.test(text(blocks[i]!)));
  if (byline !== undefined) {
    for (let i = byline - 1; i >= 0; i--) {
      const b = blocks[i]!;
      if (taken.has(i) || !isShort(b) || !text(b)) continue;
      if (b.type === 'paragraph') take(i, 'title');
      return text(b);
    }
  }
  const leading = leadingTitle(blocks, taken, take);
  if (leading) return leading;
  for (let i = 0; i < reach; i++) {
    const b = blocks[i]!;
    if (!taken.has(i) && b.type === 'heading' && text(b)) return text(b);
  }
  return null;
}

/** How many blocks after a leading title the text must start. */
const TITLE_REACH = 3;
/** A paragraph this long (words) is prose. */
const MIN_PROSE_AFTER_TITLE = 12;
/** A title is short and does not end a sentence. */
const MAX_TITLE_WORDS = 20;

/**
 * A plain text with no heading and no byline (a paper, a report) opens with its title: the first
 * block when it is short and ends no sentence; a title broken after a colon ("Small Reservoirs:
 * Evidence from ...") is joined with its second line.
 */
function leadingTitle(blocks: RootContent[], taken: Set<number>, take: Take): string | null {
  let i = 0;
  while (i < blocks.length && taken.has(i)) i++;
  const first = blocks[i];
  if (!first || first.type !== 'paragraph') return null;
  const t = text(first);
  if (!t || proseWords(t) > MAX_TITLE_WORDS || /[.!?,;]$/.test(t)) return null;
  // The title heads the text: prose or a heading follows within a few blocks (a page dump's first
  // line is a menu); and a text of one line is its own body, not a title.
  const after = blocks.slice(i + 1, i + 1 + TITLE_REACH).filter((_, k) => !taken.has(i + 1 + k));
  if (!after.some((b) => b.type === 'heading' || (b.type === 'paragraph' && proseWords(text(b)) >= MIN_PROSE_AFTER_TITLE))) return null;
  take(i, 'title');
  const next = blocks[i + 1];
  if (t.endsWith(':') && next?.type === 'paragraph' && !taken.has(i + 1) && proseWords(text(next)) <= MAX_TITLE_WORDS && !/[.!?:;,]$/.test(text(next))) {
    take(i + 1, 'title');
    return `${t} ${text(next)}`;
  }
  return t;
}

/** A person's name as a title page prints it: two to four capitalised words. */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*( (\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|la|le|bin|al|el)){1,3}$/u;

/** The line of names right under a title that has no "By": "Anneke Moravec and Joseph Okonkwo". */
function readNameLine(blocks: RootContent[], taken: Set<number>, title: string, take: Take): Author[] {
  const at = blocks.findIndex((b, i) => text(b) === title || (taken.has(i) && title.startsWith(text(b))));
  let i = at + 1;
  while (i < blocks.length && taken.has(i)) i++;
  const b = blocks[i];
  if (at < 0 || !b || b.type !== 'paragraph' || proseWords(text(b)) > MAX_META_WORDS) return [];
  const names = parseByline(text(b));
  if (names.length === 0 || !names.every((n) => PERSON_NAME.test(n))) return [];
  take(i, 'byline');
  return names.map((name) => ({ name, url: null, bio: null }));
}

function readDateLine(blocks: RootContent[], taken: Set<number>, file: VFile, take: Take): void {
  for (let i = 0; i < Math.min(blocks.length, HEADER_REACH); i++) {
    const b = blocks[i]!;
    if (taken.has(i) || b.type !== 'paragraph') continue;
    const t = text(b);
    if (proseWords(t) > 8 || !/\p{N}/u.test(t) || /[.!?]$/.test(t.replace(/\b(a\.m|p\.m|[A-Z][a-z]{2})\.$/, ''))) continue;
    const date = normalizeDate(t.replace(/^(published|posted|updated|date)\s*:?\s*(on\s+)?/i, ''));
    if (!date) continue;
    propose(file, /^updated/i.test(t) ? 'modified' : 'published', date, 'text');
    take(i, 'date line');
    return;
  }
}

function readSectionLabel(blocks: RootContent[], taken: Set<number>, file: VFile, take: Take): void {
  // The label sits just before the first paragraph of prose, after the header lines.
  for (let i = 0; i < Math.min(blocks.length, HEADER_REACH); i++) {
    const b = blocks[i]!;
    if (taken.has(i)) continue;
    if (b.type === 'paragraph' && proseWords(text(b)) > MAX_META_WORDS / 2) {
      let k = i - 1;
      while (k >= 0 && taken.has(k)) k--;
      const label = k >= 0 ? blocks[k]! : null;
      if (label && label.type === 'paragraph' && SECTION_LABEL.test(text(label)) && /\p{Lu}/u.test(text(label)) && proseWords(text(label)) <= 4) {
        const t = text(label);
        propose(file, 'section', t === t.toUpperCase() ? titleCase(t) : t, 'text');
        take(k, 'section');
      }
      return;
    }
  }
}

/** Words that stay lower case inside a title-cased label. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** "ARTICLES & TESTIMONY" -> "Articles & Testimony". */
export function titleCase(label: string): string {
  return label
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
