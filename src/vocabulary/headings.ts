/**
 * Headings and labels that open a kind of block ("Related articles", "About the author"): one
 * table per kind, in the languages unboil reads, as plain lower-case strings. `whole` entries are
 * the whole heading; `openers` are its first words, followed by anything ("More from The Times").
 * An apostrophe matches either form (' or ’). Every stage that knows such a heading (the HTML
 * pruner, the metadata block reader, the scraped-text reader) matches it with a pattern built here
 * from these tables, so a heading added to a table is known everywhere.
 */

export interface HeadingTable {
  readonly whole: readonly string[];
  readonly openers?: readonly string[];
}

/** Headings of lists of other articles. */
export const RELATED_HEADINGS: HeadingTable = {
  whole: [
    'related', 'related articles', 'related stories', 'related posts', 'related content', 'related coverage', 'related reading', 'related links', 'related news',
    'recommended', 'recommended for you', 'recommended articles', 'recommended reading',
    'more articles', 'read more', 'read next', 'read also', 'see also', 'further reading',
    'you may like', 'you might like', 'you may also like', 'you might also like', 'you may enjoy', 'you might enjoy', 'you may also enjoy', 'you might also enjoy',
    'lire aussi', 'à lire aussi', 'sur le même sujet', 'articles similaires', 'articles liés',
    'ähnliche artikel', 'mehr zum thema', 'das könnte sie auch interessieren',
    'relacionados', 'relacionadas', 'artículos relacionados', 'artículos relacionadas', 'noticias relacionadas', 'noticias relacionados',
    'artigos relacionados', 'artigos relacionadas', 'posts relacionados', 'posts relacionadas', 'notícias relacionadas', 'notícias relacionados', 'matérias relacionadas', 'matérias relacionados', 'leia também',
    'leggi anche', 'potrebbe interessarti', 'articoli correlati',
    'lees ook', 'gerelateerd',
    'читайте также', 'по теме',
    'ذات صلة', 'مقالات ذات صلة', 'اقرأ أيضا',
    '相关', '相关文章', '相关阅读', '関連記事',
  ],
  openers: ['more stories', 'more from', 'more on', 'more like this', 'more in'],
};

/** Headings of an author's biography. */
export const BIO_HEADINGS: HeadingTable = {
  whole: [
    'about the author', 'about the authors', 'about the contributor', 'about the contributors', 'the author', 'the authors', 'author bio', 'author bios', 'contributor', 'contributors',
    "à propos de l'auteur", 'über den autor', 'über die autorin', 'über die autoren',
    'sobre el autor', 'sobre la autora', 'sobre los autores', 'sobre o autor', 'sobre a autora',
    "sull'autore", "l'autore", 'over de auteur', 'об авторе', 'عن الكاتب', 'عن المؤلف',
  ],
};

/** Headings of links to the page in other languages. */
export const TRANSLATION_HEADINGS: HeadingTable = {
  whole: [
    'also available in', 'available in', 'read this in', 'read it in', 'this page in', 'other languages', 'translations',
    'disponible en', 'aussi disponible en', 'également disponible en', 'auch verfügbar auf', 'auch verfügbar in', 'diese seite auf',
    'también disponible en', 'disponível em', 'também disponível em', 'disponibile in', 'disponibile anche in', 'ook beschikbaar in',
    'на других языках', 'متوفر أيضا ب', 'متوفر أيضا في', 'اقرأ ب',
  ],
};

/** Headings of the other blocks around an article that have no telling class (comments, share bars, tag lists). */
export const OTHER_BOILERPLATE_HEADINGS: HeadingTable = {
  whole: [
    'popular', 'popular stories', 'popular posts', 'popular now', 'most read', 'most popular', 'most viewed', 'most shared', 'trending', 'trending now',
    'latest', 'latest news', 'latest stories',
    'comment', 'comments', 'leave a reply', 'leave a comment', 'join the conversation', 'join the discussion',
    'share this article', 'share this story', 'share this post', 'share the article', 'share the story', 'share the post',
    'tag', 'tags', 'topic', 'topics', 'filed under', 'advertisement',
  ],
};

/** Words that mark sponsored widgets in their heading or card titles ("Sponsored Links", "Promoted Stories"). */
export const SPONSORED_WORDS: readonly string[] = ['taboola', 'outbrain', 'sponsored', 'promoted', 'partner'];

/** The alternation of a table's entries, as a regular-expression source. */
export function headingAlternatives(table: HeadingTable, openerTail = String.raw`\b.*`): string {
  const source = (entry: string) => entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  return [...table.whole.map(source), ...(table.openers ?? []).map((opener) => source(opener) + openerTail)].join('|');
}

/** A matcher of a whole heading from the given tables (case-insensitive, a colon or full stop after it allowed). */
export function headingPattern(tables: readonly HeadingTable[], extra?: string): RegExp {
  const alternatives = tables.map((table) => headingAlternatives(table));
  if (extra) alternatives.push(extra);
  return new RegExp(String.raw`^(?:${alternatives.join('|')})\s*[:.]?$`, 'iu');
}

export const RELATED_HEADING = headingPattern([RELATED_HEADINGS]);
export const BIO_HEADING = headingPattern([BIO_HEADINGS]);
export const TRANSLATION_HEADING = headingPattern([TRANSLATION_HEADINGS]);

/** Headings of boilerplate blocks that have no telling class ("Related articles", "Comments"). */
export const BOILERPLATE_HEADING = headingPattern(
  [RELATED_HEADINGS, BIO_HEADINGS, TRANSLATION_HEADINGS, OTHER_BOILERPLATE_HEADINGS],
  // Counts and one pattern the tables cannot say: "Comments (12)", "12 comments", "Sign up for our newsletter", "Subscribers only".
  String.raw`comments?( \(\d+\))?|\d+ comments?|sign up.*newsletter.*|subscribe.*`,
);

/** Sponsored-content widgets, by their heading or card titles. */
export const SPONSORED_TEXT = new RegExp(SPONSORED_WORDS.join('|'), 'i');
