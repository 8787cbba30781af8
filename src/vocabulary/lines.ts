import { BIO_HEADINGS, headingAlternatives, RELATED_HEADINGS } from './headings.js';

/**
 * Whole lines that are page furniture, not prose: matched against the text of a short block.
 */

/**
 * Short lines inside the article that are page furniture, not prose (drop-boilerplate-lines.ts).
 * Each table names one kind; the kind is the rule id. Matched against the whole text of a short
 * block (a line, a list item, a label), lower-cased, with outer punctuation trimmed.
 */
export const BOILERPLATE_LINES: Readonly<Record<string, RegExp>> = {
  /** A label of a page widget standing alone ("Share", "Advertisement", "Text size"). */
  'ui-label': /^(share( (this|on \w+))?|shares?|print|email|e-mail|comments?|\d+ comments?|advert|advertisement|anzeige|publicidad|publicité|pubblicità|caption|close|text size|font size|disclaimer|loading|read more|show more|see more|more|next article|previous article|back to top|skip (ad|advertisement)|video|photo|gallery|listen|play|tags?|topics?|related|sponsored|(image|photo) (copyright|credit|caption)|getty( images)?|reuters|ap|afp)$/,
  /** A line that points away to other articles ("Read more: ...", "Related: ...", "SEE MORE: ..."). */
  'inline-related': new RegExp(
    String.raw`^(${headingAlternatives(RELATED_HEADINGS, String.raw`\b[\w .]*`)}|also read|see more|more|related post|related article|related story|don'?t miss|must read|more great [\w ]+ stories|elsewhere on [\w .]+|watch|video|click here)\s*[:|»>-]`,
  ),
  /** A call to subscribe, follow, write in or comment ("Sign up for our newsletter"). */
  'call-to-action': /(\bsubscribe\b|\bsign up\b|\bnewsletters?\b|\bfollow (us|[\w' ]{1,40}) on (twitter|facebook|instagram|linkedin|youtube)|\bclick here\b|\bwrite to [\w .]+ at\b|\bmay be reached at\b|\bhave a tip\b|\btell us what you think\b|\bpost (a )?comment\b|\bleave a comment\b|\bjoin the (conversation|discussion)\b|\bdownload (our|the) app\b|\blisten to [\w' ]+ (live|on)\b|\bthis post may contain affiliate\b|\bwe'?d like to hear what you think\b)/,
  /**
   * The site's disclosure that it is paid for what readers buy through its links ("As an Amazon
   * Associate we earn from qualifying purchases", "When you purchase through links on our site, we
   * may earn an affiliate commission"): the site speaking of itself, in the first person, about its
   * links; an article about affiliate marketing speaks of others.
   */
  'affiliate-disclosure': /(\bas an? (amazon associate|affiliate( marketer| partner)?),? (we|i)\b|\b(we|i|us) [\w ]{0,20}\bfrom qualifying purchases\b|\b(purchase|purchases|buy|products?)\b[\w ,]{0,40}\b(through|via|from) (our|these|the|some|any) (affiliate )?links\b[\w ,]{0,60}\b(earn|commission)|\b(we|i) (may |might |will |could )?(earn|receive|get) (an? |some |small )*(affiliate )?commission)/,
  /** A tag list written as a line ("Tags: a, b, c", "Filed under: ..."). */
  'tag-line': /^(tags?|topics?|filed under|categories|category|keywords|schlagwörter|etiquetas|mots-clés)\s*:/,
};

/**
 * Lines of whole-page text dumps (src/read/text/find-article.ts), where no markup is left to tell
 * page furniture from article: comment threads, related-link headings, script prompts, footers.
 */
export const TEXT_DUMP_LINES = {
  /**
   * Lines that open or make up a comment thread in a dump, where no class names are left to say so:
   * "34 responses to …", "12 Comments", "jane says:", "Leave a Reply", "You must be logged in".
   */
  comment: /^(\d+\s+(responses?|comments?|replies|reactions|thoughts)\b.*|\S+( \S+)?\s+(says|said|wrote|writes):|leave a (reply|comment).*|you must be logged in.*|log in to (reply|comment).*|reply|report( abuse)?|\d+ (likes?|points?))$/i,
  /** Prompts that page scripts print around articles, in whole sentences. */
  prompt: /\b(uses? cookies|cookie (policy|settings)|by continuing to (use|browse)|subscribe to our newsletter|sign up for our newsletter|activation link|already a subscriber|create (a free|an) account|enable javascript|your browser)\b/i,
  /** Lines that close pages rather than articles. */
  footer: /(©|\(c\)|copyright)\s*\d{4}|all rights reserved|terms of (use|service)|privacy policy|cookie (policy|settings)/i,
  /**
   * Standalone lines that open what follows an article: the comment thread, the author's bio.
   * (Related links are not among them: pages print them in the middle of articles too.)
   * The HTML cleaner's vocabulary above names them in English; dumps of pages in other languages
   * print them in those, so the common forms of the corpus languages (es, pt, fr, de, it, nl) are
   * listed here too.
   */
  threadOpener: new RegExp(
    '^(' +
      [
        '\\d+\\s+(responses?|comments?|replies|reactions|thoughts|comentários?|comentarios?|commentaires?|kommentare?|commenti|reacties)\\b.*',
        '(comments?|comentários|comentarios|commentaires|kommentare|commenti|reacties)( \\(\\d+\\))?',
        '(leave a (reply|comment)|deixe (uma resposta|um comentário|seu comentário)|deja (una respuesta|un comentario)|laisser un commentaire|schreibe einen kommentar|lascia un commento)\\b.*',
        'join the (conversation|discussion).*',
        'discussion|what do you think\\?|add (a|your) comment.*',
        `(${headingAlternatives(BIO_HEADINGS)}|about|sobre)( \\p{Lu}[\\p{L}.'-]*){0,3}`,
      ].join('|') +
      ')[:.]?$',
    'iu',
  ),
} as const;
