/**
 * Headings and labels that open a kind of block ("Related articles", "About the author"), in
 * one table per kind.
 */

/** Headings of boilerplate blocks that have no telling class ("Related articles", "Comments"). */
export const BOILERPLATE_HEADING = /^(related( (articles|stories|posts|content|coverage|reading))?|recommended( for you| articles| reading)?|more (stories|from|on|like this|in)\b.*|read (more|next|also)|you (may|might) (also )?(like|enjoy)|popular( (stories|posts|now))?|most (read|popular|viewed|shared)|trending( now)?|comments?( \(\d+\))?|\d+ comments?|leave a (reply|comment)|join the (conversation|discussion)|share (this|the) (article|story|post)|about the authors?|sign up.*newsletter.*|subscribe.*|also available in|tags?|topics?|filed under|see also|further reading|latest( news| stories)?|advertisement)$/i;

/** Headings that open each kind of block, in the languages the date parser reads. */
export const BLOCK_HEADINGS: Readonly<Record<'related' | 'bio' | 'translations', RegExp>> = {
  related: /^(related( (articles|stories|posts|content|coverage|reading))?|recommended( for you| articles| reading)?|more (stories|from|on|like this|in)\b.*|read (more|next|also)|you (may|might) (also )?(like|enjoy)|see also|further reading|(à )?lire aussi|sur le même sujet|ähnliche artikel|mehr zum thema|das könnte sie auch interessieren|relacionad[oa]s|noticias relacionadas|leia também|leggi anche|potrebbe interessarti|lees ook|gerelateerd|читайте также|по теме|ذات صلة|مقالات ذات صلة|اقرأ أيضا|相关(文章|阅读)?|関連記事)$/i,
  bio: /^(about the authors?|about the contributors?|à propos de l[’']auteur|über (den autor|die autorin|die autoren)|sobre (el|la|los) autor(a|es)?|sobre o autor|sull[’']autore|over de auteur|об авторе|عن (الكاتب|المؤلف))$/i,
  translations: /^(also available in|available in|read (this|it) in|this page in|other languages|disponible en|aussi disponible en|également disponible en|auch verfügbar (auf|in)|diese seite auf|también disponible en|disponível em|também disponível em|disponibile (anche )?in|ook beschikbaar in|на других языках|متوفر أيضا (ب|في)|اقرأ ب)\s*:?$/i,
};

/** Scraped text (read/text/text-metadata.ts): labels that open a list of translations. */
export const TRANSLATIONS_LABEL = /^(also available in|available in|read (this|it) in|other languages|translations?|this page in)\s*:?$/i;
/** Headings that open author bios. */
export const BIOS_LABEL = /^(about the authors?|about the contributors?|the authors?|author bios?|contributors?)\s*:?$/i;
/** Headings that open cards of related articles. */
export const RELATED_LABEL = /^(recommended( for you| reading| articles)?|related( articles| stories| posts| content| reading)?|more from .{1,40}|more (stories|articles|on this topic)|read (more|next)|you (may|might) also like|see also|further reading)\s*:?$/i;
