import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { PageKind } from '../types.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { computeStats, type StatsMap } from '../hast/stats.js';
import { walkElements } from '../hast/util.js';
import { describe, droppedBy } from './select-main-content.js';

/**
 * The article is the main container only when that container is most of what the cleaning left.
 * Below this share of the cleaned page's text, the rest is not chrome but more content (a service
 * page's sections, a thread's posts, a listing's cards, a product's specifications), and the whole
 * cleaned page is kept: or, when the page marks its main landmark (`<main>`, role=main) and that
 * holds the container, the landmark alone, the page's own statement of where its content is
 * (wcxb-dev half 1: 17 pages changed, none down, WCXB F1 +0.0005). On an article page one
 * container is the article by nature, and what lies outside it is chrome (teaser cards,
 * comments) unless the container holds under a third of the text (then the selection missed most
 * of a split article). On wcxb-dev's first half, shares from
 * 0.5 to 0.8 score alike for the other kinds; 0.3 for articles keeps scrapinghub-dev's precision.
 */
const NARROW_MIN_SHARE = 0.6;
const NARROW_MIN_SHARE_ARTICLE = 0.3;
/**
 * Kinds whose content is several containers by nature, where one container is never all of it:
 * a product's description, specification and detail tabs; a collection's introduction and its
 * grid of cards. On them the whole cleaned page (or its main landmark) is kept, however much of it
 * the main container holds. wcxb-dev WCXB F1, half 1 0.859 -> 0.860 (collection .692 -> .700,
 * product .676 -> .681), half 2 0.866 -> 0.867 (.694 -> .697, .638 -> .644); the without-snippet
 * rate rises 7.5% -> 7.6% and 7.0% -> 7.3%, as the cleaned page keeps some chrome. Service pages
 * and listings are several containers too, but there the page around the container is more often
 * chrome: never narrowing them measured service .796 -> .794 and listing's without-snippet rate
 * 14.8% -> 18.8% on half 1.
 */
const SEVERAL_CONTAINER_KINDS: ReadonlySet<PageKind> = new Set(['product', 'collection']);

/**
 * rehype plugin, after the page has been cleaned as a whole (boilerplate regions, link lists,
 * furniture lines): keep only the main container that select-main-content found when it holds at
 * least NARROW_MIN_SHARE of the text left, or when it repeats the page's stated articleBody;
 * otherwise keep all of it.
 */
export default function narrowToMainContent() {
  return (tree: Root, file: VFile) => {
    const main = file.data.mainContent;
    if (!main) return;
    const stats = computeStats(main.body);
    const total = stats.get(main.body)?.text ?? 0;
    // A part that the cleaning removed is no longer in the tree, and has no stats.
    const parts = main.parts.filter((p) => stats.has(p));
    const chosen = parts.reduce((n, p) => n + stats.get(p)!.text, 0);
    // The classifier's type as given, certain or not (page-kind.ts): an uncertain article call is
    // still most likely an article; reading the certain kind here measured 0.001 lower on half 1.
    const type = file.data.pageType?.type;
    const minShare = type === 'article' ? NARROW_MIN_SHARE_ARTICLE : NARROW_MIN_SHARE;
    const several = type !== undefined && SEVERAL_CONTAINER_KINDS.has(type);
    if (parts.length === 0 || total === 0 || (!main.stated && (several || chosen / total < minShare))) {
      const landmark = parts.length > 0 ? mainLandmark(parts[0]!, main.body, stats) : null;
      const why = several ? `a ${type} page's content is several containers` : `the main container holds ${chosen} of its ${total} characters of text`;
      explain(file, 'keep-cleaned-page', `kept the whole cleaned ${landmark ? 'main landmark' : 'page'}: ${why}`);
      tree.children = [article(landmark ? [landmark] : (main.body.children.filter((c) => c.type !== 'doctype') as ElementContent[]))];
      return;
    }
    if (file.data.explain) {
      for (const node of droppedBy(main.body, parts, stats)) explain(file, 'outside-main-content', `dropped <${node.tagName}${describe(node)}> outside the article: "${firstWords(node)}"`);
    }
    const intro = headlineIntro(main.body, parts, stats);
    if (intro.length > 0) explain(file, 'keep-headline-intro', `kept ${intro.length} paragraph(s) under the headline, outside the main container: "${firstWords(intro[0]!)}"`);
    tree.children = [article([...intro, ...parts])];
  };
}

/**
 * The prose under the page's headline often sits in a header block beside the main container,
 * not in it: a listing's or a collection's introduction ("Our collection of sauces has something
 * for every dish"), an article's standfirst. When the article is narrowed to the container, the
 * paragraphs between the page's first `<h1>` and the container, outside it, come with it when
 * they are prose: at least INTRO_MIN_CHARS characters (a sentence, not a byline or a date), at
 * most INTRO_MAX_LINKS of them link text, at most INTRO_MAX_PARAGRAPHS of them.
 */
const INTRO_MIN_CHARS = 80;
const INTRO_MAX_LINKS = 0.2;
const INTRO_MAX_PARAGRAPHS = 3;

function headlineIntro(body: Element | Root, parts: Element[], stats: StatsMap): Element[] {
  const inParts = new Set<Element>(parts);
  const intro: Element[] = [];
  let headline = false;
  let done = false;
  walkElements(body, (node) => {
    if (done || inParts.has(node)) {
      done = true;
      return false;
    }
    if (!headline) {
      if (node.tagName === 'h1') headline = true;
      return !headline;
    }
    if (node.tagName !== 'p') return true;
    const s = stats.get(node);
    if (s && s.text >= INTRO_MIN_CHARS && s.linkText <= s.text * INTRO_MAX_LINKS && intro.length < INTRO_MAX_PARAGRAPHS) intro.push(node);
    return false;
  });
  // Reached the container after the headline: what lies between is its introduction.
  return done && headline ? intro : [];
}

/**
 * The main landmark (`<main>`, role=main) inside `body` that is or holds `part`, or null: up its
 * ancestors, as stats.ts records them; the outermost when landmarks nest (`<div role="main"><main>`).
 */
function mainLandmark(part: Element, body: Element | Root, stats: StatsMap): Element | null {
  let landmark: Element | null = null;
  for (let node: Element | Root | null = part; node && node !== body && node.type === 'element'; node = stats.get(node)?.parent ?? null) {
    if (node.tagName === 'main' || node.properties.role === 'main') landmark = node;
  }
  return landmark;
}

function article(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'article', properties: {}, children };
}
