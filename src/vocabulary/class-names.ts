import type { PageKind } from '../types.js';

/**
 * Class, id and role words: what a page's own names say a block is (as Readability's REGEXPS and
 * trafilatura's xpaths.py). Each group says what kind of block it names; the cleaning plugins, the
 * content scorer and the metadata readers all read them from here (src/vocabulary/ holds every
 * word list unboil matches: one file per kind of thing matched).
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
  ads: /(^|[\s_-])(ads?|advert|adverts|advertisement|advertising|ad-?(slot|unit|container|wrapper|block)|sponsor|sponsored|promo|promotion|promoted|dfp|gpt|commercial|taboola|outbrain|trc)($|[\s_-])/,
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

