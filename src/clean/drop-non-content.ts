import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, holds, isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { computeStats, linkDensity, rootStats, type StatsMap } from '../hast/stats.js';
import { MAX_PARAGRAPH_LINKS } from './prose-guard.js';
import { explain } from '../messages.js';
import { firstWords } from '../hast/first-words.js';
import { NON_CONTENT_TAGS } from '../vocabulary/elements.js';

/**
 * A `<noscript>` holding at least this many characters of prose (paragraphs, not markup left as text) is the page as a reader without
 * scripts sees it (a forum's crawler view of its posts), not a tracking pixel: unboil runs no
 * scripts, so its content is kept (as a `<div>`).
 */
const NOSCRIPT_MIN_TEXT = 200;
/**
 * A hidden element holding at least this share of the page's text is a wrapper that the page's
 * scripts reveal on load (pre-rendered apps hide the whole page until then): kept, as a reader
 * with scripts sees it.
 */
const HIDDEN_WRAPPER_SHARE = 0.9;

/**
 * Collapsed is not hidden. An accordion's answers, a <details> body and the panels of tabs (a
 * product's description and specifications) are hidden until the reader opens them, and they are
 * content: the WAI-ARIA disclosure, accordion and tabs patterns mark them by a control that names
 * them (`aria-controls`), by `role="tabpanel"`, or by a <details> around them. Such a panel is
 * kept, whatever hides it; what the page hides with no control to reveal it still goes.
 */
interface Disclosure {
  /** Ids that a control names (`aria-controls`). */
  ids: Set<string>;
  /** The children of <details> elements but their <summary>. */
  inDetails: Set<Element>;
  /** Hidden blocks right after the label that opens them (isLabel). */
  labelled: Set<Element>;
}

/**
 * Many accordions are built without ARIA: a question or a heading the reader clicks, and the
 * hidden answer right after it (a FAQ, a product's "Details" and "Sizing" sections, a guide's
 * collapsed chapters). The label is a button (or holds one, as a heading around an accordion's
 * button does), or a short line that asks a question; a plain heading is not, as pages also hide
 * what follows a heading for good (Readability's visibility-hidden and hidden-nodes pages). The
 * panel is prose, not a list of links (a mobile menu behind its "Menu" button is links:
 * MAX_PARAGRAPH_LINKS). A label longer than this many words is prose, not a label.
 */
const MAX_LABEL_WORDS = 30;
const QUESTION_END = /[?？؟]\s*$/u;
const LABEL_TAGS = new Set(['button', 'summary']);

/**
 * One walk before the removal: reads <noscript> crawler views as <div>s, gathers the disclosure
 * panels, and says whether the page hides anything at all (only then is the page's text measured,
 * for HIDDEN_WRAPPER_SHARE: most pages need no second pass).
 */
function survey(tree: Root): { panels: Disclosure; anyHidden: boolean } {
  const panels: Disclosure = { ids: new Set(), inDetails: new Set(), labelled: new Set() };
  let anyHidden = false;
  walkElements(tree, (node) => {
    let previous: Element | null = null;
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (previous && isHidden(c) && isLabel(previous)) panels.labelled.add(c);
      previous = c;
    }
    if (node.tagName === 'noscript' && rootStats(node).proseText >= NOSCRIPT_MIN_TEXT) node.tagName = 'div';
    const controls = attr(node, 'ariaControls');
    if (controls) for (const id of controls.split(/\s+/)) if (id) panels.ids.add(id);
    if (node.tagName === 'details') for (const c of node.children) if (isElement(c) && c.tagName !== 'summary') panels.inDetails.add(c);
    if (!anyHidden && isHidden(node)) anyHidden = true;
  });
  return { panels, anyHidden };
}

/** A visible element that reads as the label opening the block after it (Disclosure.labelled's note). */
function isLabel(node: Element): boolean {
  if (isHidden(node)) return false;
  const text = textOf(node, 400);
  if (!text || text.split(' ').length > MAX_LABEL_WORDS) return false;
  return LABEL_TAGS.has(node.tagName) || QUESTION_END.test(text) || holdsButton(node);
}

function holdsButton(node: Element): boolean {
  return holds(node, (n) => n.tagName === 'button' || attr(n, 'role') === 'button');
}

function isDisclosurePanel(node: Element, panels: Disclosure, stats: StatsMap | null): boolean {
  if (panels.inDetails.has(node) || attr(node, 'role') === 'tabpanel') return true;
  if (panels.labelled.has(node)) {
    const s = stats?.get(node);
    if (s && s.text > 0 && linkDensity(s) <= MAX_PARAGRAPH_LINKS) return true;
  }
  const id = attr(node, 'id');
  return id !== null && panels.ids.has(id);
}

/**
 * rehype plugin: drop what is never article text: scripts, styles, embeds, form controls,
 * comments, and elements the page hides (`hidden`, `display:none`, `visibility:hidden`).
 * `aria-hidden="true"` hides an element from screen readers, not from the eye: on a wrapper it
 * marks the page behind a dialog, but on a link (and on an image or figure) it marks a duplicate
 * for the eye: a card repeats its headline's link around its picture and its standfirst, and hides
 * the copies from screen readers so they are announced once. Such links are kept (ARIA_HIDDEN_SHOWN).
 */
export default function dropNonContent() {
  return (tree: Root, file: VFile) => {
    const { panels, anyHidden } = survey(tree);
    const stats = anyHidden ? computeStats(tree) : null;
    const pageText = stats?.get(tree)?.text ?? 0;
    removeWhere(tree, (node) => {
      if (node.type === 'comment') return true;
      if (!isElement(node)) return false;
      if (NON_CONTENT_TAGS.has(node.tagName)) return true;
      if (!isHidden(node) || isDisclosurePanel(node, panels, stats)) return false;
      if (pageText > 0 && (stats?.get(node)?.text ?? 0) >= pageText * HIDDEN_WRAPPER_SHARE) return false;
      // Hidden text is a removal a reader may question; scripts and styles are not text.
      if (file.data.explain && textOf(node) !== '') explain(file, 'drop-hidden', `dropped hidden <${node.tagName}>: "${firstWords(node)}"`);
      return true;
    });
  };
}

/**
 * Elements that `aria-hidden` does not hide from a reader's eye (dropNonContent's note). On wcxb-dev
 * half 1, keeping aria-hidden links lifts WCXB F1 0.834 -> 0.836 (collection .634 -> .644).
 */
const ARIA_HIDDEN_SHOWN = new Set(['a', 'img', 'figure']);

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)/i;

function isHidden(node: Element): boolean {
  if (attr(node, 'ariaHidden') === 'true' && !ARIA_HIDDEN_SHOWN.has(node.tagName)) return true;
  if (node.properties?.hidden != null && node.properties.hidden !== false) return true;
  const style = attr(node, 'style');
  return style !== null && HIDDEN_STYLE.test(style);
}
