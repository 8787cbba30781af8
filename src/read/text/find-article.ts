import type { Nodes, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { explain } from '../../messages.js';
import { BOILERPLATE_GROUPS } from '../../vocabulary/class-names.js';
import { BOILERPLATE_HEADING, RELATED_HEADING } from '../../vocabulary/headings.js';
import { TEXT_DUMP_LINES } from '../../vocabulary/lines.js';
import { linkWords, squash, mdastText, proseWords } from './mdast.js';
import { LINK_MARK } from './plain-dump.js';

/**
 * Find the article in a whole-page dump (lynx, w3m, html2text, pandoc): with no DOM left, each
 * top-level block is scored by what it is made of, and the article is the run of blocks with the
 * highest total (a maximum-sum span, as in Finn's "body text extraction"). Prose counts for its
 * words; link lists, buttons, form fields, lines named by the boilerplate vocabulary and lines
 * the page repeats count against. Inside the span, blocks that are plainly boilerplate are
 * dropped; thematic breaks are kept only between kept blocks.
 */

/** Prose: a block of at least this many words that ends a sentence. */
const PROSE_WORDS = 10;
/** Headlines and teasers are shorter than this (words). */
const HEADLINE_WORDS = 20;
/** A block whose link words exceed this share is a link list. */
const MAX_LINK_SHARE = 0.5;
/** Words a text-browser link marker stands for (its extent is unknown; link texts are short). */
const WORDS_PER_LINK_MARK = 2;
/** Blocks the vocabulary names are short: labels, not sentences. */
const LABEL_WORDS = 6;
/** Penalty of a heading that opens a boilerplate section ("Related articles", "Comments"). */
const SECTION_END_PENALTY = 15;
/** Penalty of a short label named by the vocabulary ("Share", "Advertisement", "Sign in"). */
const LABEL_PENALTY = 6;
/** Penalty of a short line the page prints more than once (menus printed at top and bottom). */
const REPEAT_PENALTY = 4;
/** A paragraph scoring this much is prose: no article header comes after it. */
const HEADER_PROSE = 15;
/**
 * A text whose blocks count this little against it in all (a heading, a short closing line) is
 * an article as it stands, not a page dump: it is kept whole.
 */
const MAX_CLEAN_NEGATIVE = 8;
/** A repeated block of this many sentences is a paragraph, not a caption or teaser. */
const REPEATED_PARAGRAPH_SENTENCES = 3;
/** Blocks at or below this score are dropped even inside the article span. */
const DROP_SCORE = -5;
/** Widgets of text browsers: buttons, form fields, check boxes. */
const WIDGET = /\(BUTTON\)|\[BUTTON|\(RADIO|\(Submit\)|_{5,}|\[[ X]\] |\[\s{4,}\]|\(not implemented\)/;
/** Prompts are short paragraphs. */
const MAX_PROMPT_WORDS = 60;

/** A block that ends like a sentence (Latin, CJK, Arabic, Devanagari full stops). */
const SENTENCE_END = /[.!?…:。！？؟।]["”’»)」』]?$/u;

interface Scored {
  block: RootContent;
  score: number;
}

/**
 * `headerEnd`: how many blocks belong to the article's header (title, byline, date line, as
 * text-metadata.ts found them): nothing before them is article, so they score at most zero.
 */
export default function findArticle(tree: Root, file: VFile, headerEnd = 0): void {
  const blocks = tree.children;
  if (blocks.length === 0) return;
  const seen = new Map<string, number>();
  for (const b of blocks) {
    const key = squash(clean(mdastText(b))).toLowerCase();
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const scored: Scored[] = blocks.map((block) => ({ block, score: scoreBlock(block, seen) }));
  dropCopies(scored);
  for (let i = 1; i < scored.length; i++) {
    // A list under a boilerplate label ("More from UK", "Related") is that label's list.
    const { block } = scored[i]!;
    if (block.type === 'list' && scored[i - 1]!.score <= -LABEL_PENALTY) scored[i]!.score = Math.min(scored[i]!.score, -block.children.length);
  }
  keepCards(scored);
  // A header with paragraphs of prose before it is no header (a title or date printed below the
  // article, in a footer): the hint is then ignored.
  const header = scored.slice(0, headerEnd);
  if (!header.some((s) => s.block.type === 'paragraph' && s.score >= HEADER_PROSE)) for (const s of header) s.score = Math.min(s.score, 0);
  cutAtThread(scored, file);
  const negative = scored.reduce((n, s) => n + Math.min(0, s.score), 0);
  if (!scored.some((s) => s.score <= DROP_SCORE) && negative > -MAX_CLEAN_NEGATIVE) {
    // Nothing in the text is boilerplate: it is an article as it stands.
    stripMarks(tree);
    return;
  }
  const [start, end] = bestSpan(scored.map((s) => s.score));
  const kept: RootContent[] = [];
  for (let i = start; i <= end; i++) {
    const { block, score } = scored[i]!;
    if (score <= DROP_SCORE) {
      explain(file, 'text-drop-block', `dropped "${squash(clean(mdastText(block))).slice(0, 60)}" inside the article (score ${score})`);
      continue;
    }
    if (block.type === 'thematicBreak' && (kept.length === 0 || kept[kept.length - 1]!.type === 'thematicBreak')) continue;
    kept.push(block);
  }
  while (kept.length > 0 && kept[kept.length - 1]!.type === 'thematicBreak') kept.pop();
  explain(file, 'text-find-article', `kept blocks ${start + 1}-${end + 1} of ${blocks.length} as the article`);
  tree.children = kept;
  stripMarks(tree);
}

/** The text without link markers and widget labels. */
function clean(text: string): string {
  return text.split(LINK_MARK).join('').replace(/\(BUTTON\)/g, '');
}

function scoreBlock(block: RootContent, seen: Map<string, number>): number {
  const raw = mdastText(block);
  const text = squash(clean(raw));
  const words = proseWords(text);
  if (block.type === 'thematicBreak') return -1;
  if (block.type === 'heading') {
    if (BOILERPLATE_HEADING.test(text)) return -SECTION_END_PENALTY;
    return words > 0 ? -1 : -2;
  }
  if (words === 0) return hasImage(block) ? 0 : -2;
  const linked = linkedWords(block, raw, words);
  if (WIDGET.test(raw)) return -Math.max(LABEL_PENALTY, words);
  if (linked / words > MAX_LINK_SHARE) return -(words + 2);
  if (block.type === 'list') return scoreList(block);
  if (TEXT_DUMP_LINES.comment.test(text)) return -SECTION_END_PENALTY;
  // A teaser with its thumbnail: an image the dump could only name, then a headline.
  if (/^\[[^\]]{0,200}\]\s*\S/.test(text) && words < HEADLINE_WORDS * 2) return -2;
  // Lists of dates and counts ("2019年11月 2019年4月", "Archives (12) (8)") are no prose.
  if ((text.match(/\d+/g)?.length ?? 0) > words / 2) return -2;
  if (words <= LABEL_WORDS && RELATED_HEADING.test(text)) return -SECTION_END_PENALTY;
  if (words <= LABEL_WORDS && isBoilerplateLabel(text)) return -LABEL_PENALTY;
  if (TEXT_DUMP_LINES.footer.test(text) && words < 40) return -LABEL_PENALTY;
  if (TEXT_DUMP_LINES.prompt.test(text) && words < MAX_PROMPT_WORDS) return -LABEL_PENALTY;
  // A block the page prints twice (a caption repeated as its image's title, a teaser repeated
  // in two rails) is not article prose, unless it is a paragraph of several sentences.
  const sentences = text.match(/[.!?。！？](\s|$)/gu)?.length ?? 0;
  if ((seen.get(text.toLowerCase()) ?? 0) > 1 && sentences < REPEATED_PARAGRAPH_SENTENCES) return -REPEAT_PENALTY;
  const sentence = SENTENCE_END.test(text) || (text.match(/[.!?]\s|[。！？]/g)?.length ?? 0) >= 2;
  if (words >= PROSE_WORDS && sentence) return words - linked;
  // Lines that do not end a sentence are headlines, teasers and labels, unless they are longer
  // than headlines run (a paragraph whose full stop the page left out).
  if (words >= HEADLINE_WORDS) return (words - linked) / 2;
  if (sentence) return 1;
  return words >= PROSE_WORDS ? -1 : -2;
}

/** The words of a block that are link text (a text browser's link marker counts for a few). */
function linkedWords(block: RootContent, raw: string, words: number): number {
  const marks = raw.split(LINK_MARK).length - 1;
  return Math.min(words, linkWords(block as Nodes) + marks * WORDS_PER_LINK_MARK);
}

/** Whether a block holds words that are mostly not links (a card's description, its facts). */
function unlinkedText(block: RootContent): boolean {
  const raw = mdastText(block);
  const words = proseWords(squash(clean(raw)));
  return words > 0 && linkedWords(block, raw, words) / words <= MAX_LINK_SHARE;
}

/**
 * A list is scored item by item: items that are sentences count as prose, items of a few
 * unlinked words are a little more likely content (a changelog, a list of steps) than not, and
 * one- or two-word items and linked items are navigation.
 */
function scoreList(block: RootContent & { type: 'list' }): number {
  let score = 0;
  for (const item of block.children) {
    const raw = mdastText(item);
    const t = squash(clean(raw));
    const n = proseWords(t);
    const itemLinked = Math.min(n, linkWords(item) + (raw.split(LINK_MARK).length - 1) * WORDS_PER_LINK_MARK);
    if (n === 0 || itemLinked / n > MAX_LINK_SHARE) score -= 2;
    else if (SENTENCE_END.test(t) && n >= LIST_SENTENCE_WORDS) score += (n - itemLinked) / 2;
    else if (n >= LIST_ITEM_WORDS) score += LIST_ITEM_SCORE;
    else score -= 1;
  }
  return score;
}

/** List items of this many words that are sentences count as prose. */
const LIST_SENTENCE_WORDS = 4;
/** Unlinked list items of this many words lean towards content... */
const LIST_ITEM_WORDS = 3;
/** ...by this much each. */
const LIST_ITEM_SCORE = 0.5;

function isBoilerplateLabel(text: string): boolean {
  if (BOILERPLATE_HEADING.test(text.replace(/[\s:.!…]+$/u, ''))) return true;
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return Object.values(BOILERPLATE_GROUPS).some((pattern) => pattern.test(words));
}

function hasImage(block: RootContent): boolean {
  let found = false;
  visit(block, 'image', () => {
    found = true;
  });
  return found;
}

/** A run of at least this many cards is a listicle's (products, places, picks)... */
const MIN_CARDS = 3;
/** ...each a heading and at most this many blocks under it. */
const MAX_CARD_BLOCKS = 4;

/**
 * Cards: a run of sections, each a heading over a few blocks of which one at least is a linked
 * line (a product's "Buy" line, a place's booking link; a menu's sections hold link lists) and one
 * at least is unlinked text (its description, its facts). The links count against each
 * card alone, but the run is a listicle's body: its blocks score zero, so the article span goes
 * through them when prose stands on both sides, and does not reach for them when it does not.
 */
function keepCards(scored: Scored[]): void {
  const cards: Array<[number, number]> = [];
  const flush = () => {
    if (cards.length >= MIN_CARDS) for (const [from, to] of cards) for (let k = from; k < to; k++) scored[k]!.score = Math.max(0, scored[k]!.score);
    cards.length = 0;
  };
  let i = 0;
  while (i < scored.length) {
    if (scored[i]!.block.type !== 'heading') {
      flush();
      i++;
      continue;
    }
    let end = i + 1;
    while (end < scored.length && scored[end]!.block.type !== 'heading' && end - i <= MAX_CARD_BLOCKS) end++;
    const under = scored.slice(i + 1, end);
    const linked = under.some((s) => s.score <= DROP_SCORE && s.block.type === 'paragraph') && under.some((s) => s.block.type !== 'heading' && unlinkedText(s.block));
    const closed = end >= scored.length || scored[end]!.block.type === 'heading';
    if (under.length === 0 || !linked || !closed) {
      flush();
      i = end;
      continue;
    }
    cards.push([i, end]);
    i = end;
  }
  flush();
}

/** A block holding this many other blocks' texts is a copy of them. */
const COPY_MIN_PARTS = 2;
/** How many of the longest blocks are checked for being copies. */
const COPY_CANDIDATES = 8;
/** Parts shorter than this (words) are too common to say a block copies them. */
const COPY_PART_WORDS = 10;

/**
 * Pages print their article a second time as one run of text (the JSON-LD `articleBody`, a
 * print version): a long block that contains the text of other paragraphs is such a copy.
 */
function dropCopies(scored: Scored[]): void {
  const parts = scored
    .filter((s) => s.block.type === 'paragraph')
    .map((s) => ({ s, text: squash(clean(mdastText(s.block))) }))
    .filter((p) => proseWords(p.text) >= COPY_PART_WORDS);
  // Only the longest blocks can be copies of others: that keeps the search linear.
  const wholes = [...parts].sort((a, b) => b.text.length - a.text.length).slice(0, COPY_CANDIDATES);
  for (const whole of wholes) {
    if (whole.s.score <= 0) continue;
    let held = 0;
    for (const part of parts) if (part !== whole && part.text.length < whole.text.length && whole.text.includes(part.text)) held++;
    if (held >= COPY_MIN_PARTS) whole.s.score = -REPEAT_PENALTY;
  }
}

/**
 * A comment thread follows the article and may be longer than it: once a block opens a thread
 * ("34 responses to …", "Leave a Reply") after this many words of prose, nothing after it is
 * article.
 */
const PROSE_BEFORE_THREAD = 80;
function cutAtThread(scored: Scored[], file: VFile): void {
  let prose = 0;
  for (let i = 0; i < scored.length; i++) {
    const { block, score } = scored[i]!;
    if (score > 0) prose += score;
    const text = squash(clean(mdastText(block)));
    if (prose >= PROSE_BEFORE_THREAD && proseWords(text) <= 12 && TEXT_DUMP_LINES.threadOpener.test(text)) {
      explain(file, 'text-cut-comments', `cut the text at "${text.slice(0, 60)}": a comment thread follows the article`);
      scored.length = i;
      return;
    }
  }
}

/** The span of blocks with the highest total score (Kadane's algorithm). */
export function bestSpan(scores: number[]): [number, number] {
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = scores.length - 1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i]!;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return [bestStart, bestEnd];
}

/** Remove link markers and widget labels from the text that is kept. */
function stripMarks(tree: Root): void {
  visit(tree, 'text', (node) => {
    if (node.value.includes(LINK_MARK) || node.value.includes('(BUTTON)')) node.value = clean(node.value).replace(/ {2,}/g, ' ');
  });
}
