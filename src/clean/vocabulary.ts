import type { PageKind } from '../types.js';

/**
 * The boilerplate vocabulary: named groups of class/id/role words, in one place (as Readability's
 * REGEXPS and trafilatura's xpaths.py). Each group says what kind of boilerplate it names; the
 * cleaning plugins and the content scorer read them from here.
 */

/**
 * "hidden" in a class names a hidden block only as a bare class (Bootstrap's and Tailwind's
 * display:none) with no responsive class that shows the element at some screen size (`hidden
 * md:flex`): responsive pages carry a copy of a section per screen size, hidden by such classes, and
 * unboil reads no CSS to tell which copy shows. `overflow-hidden`, `label-hidden`, `hidden-print`,
 * `hidden-xs`, `_hidden-gt-lg` are utilities, not hidden regions. (It lowers no container's score:
 * the same utilities sit on content wrappers.)
 */
const HIDDEN_WORD = String.raw`(?<=^|\s)hidden(?=\s|$)(?<!\S:(?:block|flex|grid|inline|table)\S*\s.*)(?!.*\S:(?:block|flex|grid|inline|table))`;

/** Class words that say a block is not shown (to anyone but a screen reader). */
const INVISIBLE_WORDS = String.raw`visually-?hidden|sr-only|screen-?reader`;
const INVISIBLE = new RegExp(String.raw`^(${INVISIBLE_WORDS})$`);

/**
 * Whether a class word (as BOILERPLATE_GROUPS matched it) states that its block is never shown but
 * to a screen reader: a statement of what the reader sees, not a name of the block's role, however
 * often the page uses it. A bare `hidden` is not among them: a page that hides most of its prose
 * with it has collapsed it (accordion answers, tabs) for scripts to open, as drop-non-content.ts
 * reads a hidden wrapper of most of the page.
 */
export function statesInvisible(word: string): boolean {
  return INVISIBLE.test(word);
}

/**
 * `names` (an element's class and id, classAndId) without the given words: the words a page uses
 * for its layout (drop-boilerplate-regions.ts's layout words) say nothing of a block there.
 */
export function namesWithout(names: string, words: ReadonlySet<string> | undefined): string {
  if (!words || words.size === 0 || !names) return names;
  let pattern = WORDS_PATTERNS.get(words);
  if (!pattern) {
    const alternatives = [...words].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(String.raw`(^|[\s_-])(?:${alternatives})(?=$|[\s_-])`, 'g');
    WORDS_PATTERNS.set(words, pattern);
  }
  return names.replace(pattern, '$1');
}
/** namesWithout's pattern for each page's set of words, compiled once (it runs for every scored container). */
const WORDS_PATTERNS = new WeakMap<ReadonlySet<string>, RegExp>();

/** Words in class or id that name boilerplate regions, by kind (the kind is the rule id). */
export const BOILERPLATE_GROUPS: Readonly<Record<string, RegExp>> = {
  navigation: /(^|[\s_-])(nav|navbar|navigation|menu|menus|breadcrumbs?|skip-?link|site-?header|masthead|topbar|top-bar|toolbar|pagination|pager|tabs?-?nav|navheader|navfooter|navlinks|prev-?next|prevnext|next-?prev)($|[\s_-])/,
  share: /(^|[\s_-])(share|sharing|shares|social|sociable|share-?bar|share-?tools|addthis|sharethis|social-?links|follow-?us|print-?(button|link))($|[\s_-])/,
  related: /(^|[\s_-])(related|recommended|recommendations?|more-?stories|more-?from|read-?more|read-?next|also-?read|you-?may-?like|trending|popular|most-?(read|popular|viewed)|outbrain|taboola|further-?reading|next-?up|up-?next)($|[\s_-])/,
  comments: /(^|[\s_-])(comments?|comment-?list|disqus|discussion|replies|respond|reactions)($|[\s_-])/,
  reviews: /(^|[\s_-])(reviews?|customer-?reviews?|testimonials?|yotpo|okendo|judgeme|trustpilot)($|[\s_-])/,
  prompts: /(^|[\s_-])(cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|sign-?up|register|paywall|modal|popup|pop-?up|overlay|banner-?ad|donate|membership|registration|login|cta)($|[\s_-])/,
  ads: /(^|[\s_-])(ads?|advert|adverts|advertisement|advertising|ad-?(slot|unit|container|wrapper|block)|sponsor|sponsored|promo|promotion|dfp|gpt|commercial)($|[\s_-])/,
  bio: /(^|[\s_-])(author-?(bio|box|info|card|profile)|bio|biography|about-?the-?author|contributor-?bio)($|[\s_-])/,
  translations: /(^|[\s_-])(translations?|language-?(switcher|selector|links)|lang-?switch|also-?available)($|[\s_-])/,
  chrome: new RegExp(String.raw`(^|[\s_-])(sidebar|side-?bar|widget|footer|site-?footer|header|site-?header|tags|tag-?list|meta-?tags|${HIDDEN_WORD}|${INVISIBLE_WORDS}|skip|jump-?to|toc-?toggle)($|[\s_-])`),
};

/**
 * Boilerplate kinds that are the content on some kinds of page. On a thread (`forum`) the posts
 * are the page: forum software names them "comment", "reply", "discussion" (a Reddit or Slashdot
 * comment tree, an Invision "comment" post), and dropping them by that name leaves only the
 * opening post or nothing. Reviews (customer reviews, testimonials) are other people's words about
 * what a shop sells, like comments under an article, and go on product, collection and listing
 * pages; on an article a "review" is the article itself (a product review), and a service page's
 * testimonials are part of its pitch: there they are content. (A page of uncertain type reads as
 * an article, page-kind.ts.)
 */
export const CONTENT_KINDS_BY_PAGE: Readonly<Partial<Record<PageKind, ReadonlySet<string>>>> = {
  forum: new Set(['comments', 'reviews']),
  article: new Set(['reviews']),
  documentation: new Set(['reviews']),
  service: new Set(['reviews']),
};

/**
 * Words in class or id that suggest the article body (raise a container's score). Compounds that
 * start with one of the strong words count too ("storytext", "articleBody", "entrycontent"), as
 * Readability's substring match does, without its false hits inside other words ("context").
 */
export const CONTENT_HINT = /(^|[\s_-])((article|story|entry|post|content|body|text)(body|text|content|body|wrap|inner|main)?|main|blog|hentry|page-?content|prose|rich-?text)($|[\s_-])/;

/** Words in class or id that suggest boilerplate (lower a container's score), but for comments. */
const NEGATIVE_WORDS = String.raw`banner|combx|contact|footer|footnote-?ref|masthead|media-?caption|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|social|subscribe|newsletter|ad|ads|advert|nav|menu|breadcrumb|pagination|popular|recommend|teaser|rail`;
/** Words in class or id that name comments: boilerplate under an article, the posts of a thread. */
const COMMENT_WORDS = 'comment|com-';

/** Words in class or id that suggest boilerplate (lower a container's score). */
export const NEGATIVE_HINT = new RegExp(String.raw`(^|[\s_-])(${NEGATIVE_WORDS}|${COMMENT_WORDS})($|[\s_-])`);

/**
 * The negative hint on a kind of page. On a thread the posts are named as comments
 * (CONTENT_KINDS_BY_PAGE), so comment words do not lower their score there.
 */
export function negativeHint(kind: PageKind): RegExp {
  return CONTENT_KINDS_BY_PAGE[kind]?.has('comments') ? NEGATIVE_HINT_THREAD : NEGATIVE_HINT;
}
const NEGATIVE_HINT_THREAD = new RegExp(String.raw`(^|[\s_-])(${NEGATIVE_WORDS})($|[\s_-])`);

/** Class/id names that say "this is the article's body" outright (not merely "post" or "content"). */
export const ARTICLE_BODY_NAMES = /(^|[\s_-])((article|story|entry|post)[-_]*(body|content|text)|articlebody|bodytext|body-?text)($|[\s_-])/;

/** Class/id words of posts embedded in an article (a quoted tweet, an Instagram post). */
export const EMBED_NAMES = /(^|[\s_-])(embed|embedded|oembed|twitter-tweet|instagram-media|tiktok-embed|social-?media-?embed)($|[\s_-])/;

/** ARIA roles of boilerplate landmarks. */
export const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist']);

/** Elements that are never article text. */
export const NON_CONTENT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'canvas', 'svg', 'math',
  'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter',
  'link', 'meta', 'base', 'head', 'title', 'dialog', 'audio', 'video', 'source', 'track', 'map', 'area',
]);

/** Landmark elements that are boilerplate unless they hold the article. */
export const BOILERPLATE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);

/** Headings of boilerplate blocks that have no telling class ("Related articles", "Comments"). */
export const BOILERPLATE_HEADING = /^(related( (articles|stories|posts|content|coverage|reading))?|recommended( for you| articles| reading)?|more (stories|from|on|like this|in)\b.*|read (more|next|also)|you (may|might) (also )?(like|enjoy)|popular( (stories|posts|now))?|most (read|popular|viewed|shared)|trending( now)?|comments?( \(\d+\))?|\d+ comments?|leave a (reply|comment)|join the (conversation|discussion)|share (this|the) (article|story|post)|about the authors?|sign up.*newsletter.*|subscribe.*|also available in|tags?|topics?|filed under|see also|further reading|latest( news| stories)?|advertisement)$/i;

/**
 * Short lines inside the article that are page furniture, not prose (drop-boilerplate-lines.ts).
 * Each table names one kind; the kind is the rule id. Matched against the whole text of a short
 * block (a line, a list item, a label), lower-cased, with outer punctuation trimmed.
 */
export const BOILERPLATE_LINES: Readonly<Record<string, RegExp>> = {
  /** A label of a page widget standing alone ("Share", "Advertisement", "Text size"). */
  'ui-label': /^(share( (this|on \w+))?|shares?|print|email|e-mail|comments?|\d+ comments?|advert|advertisement|anzeige|publicidad|publicité|pubblicità|caption|close|text size|font size|disclaimer|loading|read more|show more|see more|more|next article|previous article|back to top|skip (ad|advertisement)|video|photo|gallery|listen|play|tags?|topics?|related|sponsored|(image|photo) (copyright|credit|caption)|getty( images)?|reuters|ap|afp)$/,
  /** A line that points away to other articles ("Read more: ...", "Related: ...", "SEE MORE: ..."). */
  'inline-related': /^(read more|read also|also read|see more|see also|more|related|related post|related article|related story|related coverage|recommended|don'?t miss|must read|more great [\w ]+ stories|you (may|might) also (like|enjoy)|elsewhere on [\w .]+|more from [\w .]+|watch|video|click here)\s*[:|»>-]/,
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
  /** Headings of related links in the corpus languages other than English (see threadOpener). */
  relatedHeading: /^((artigos|posts|notícias|matérias) relacionad[oa]s|(artículos|noticias) relacionad[oa]s|articles (similaires|liés)|ähnliche artikel|articoli correlati|related (links|news))[:.]?$/iu,
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
        '(about the authors?|about|sobre( o autor| a autora| el autor)?|à propos de l.auteur|über den autor|l.autore)( \\p{Lu}[\\p{L}.\'-]*){0,3}',
      ].join('|') +
      ')[:.]?$',
    'iu',
  ),
} as const;

/**
 * The words a byline opens with, in the languages unboil reads ("By", "Von", "Par", "بقلم"...),
 * as a regular-expression alternation: the byline parser, the byline finder of the metadata
 * reader and the scraped-text reader all build on it.
 */
export const BYLINE_OPENERS =
  'by|written by|posted by|words by|text by|story by|reported by|von|par|por|di|door|av|af|от|автор|著者|作者|بقلم|كتب|כתב|מאת|autora?:?|authors?:?';
