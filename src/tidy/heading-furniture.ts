import type { Element, ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, classAndId, isElement, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { wordCount } from '../hast/words.js';
import { anchorIds, fragmentLink } from './fragment-links.js';

/**
 * rehype plugin: the controls a page puts on its headings are not part of their text.
 *
 * - `drop-heading-permalink`: a link in a heading whose text is a lone mark (`#`, `¶`, `§`, `🔗`)
 *   or nothing (an icon) and whose target is the heading itself: its id, an id inside it, or the
 *   id of the section it opens. Told by what it points at, not by its mark or class; a pilcrow or
 *   link symbol (PERMALINK_SYMBOL) as the heading's last element goes whatever it links to.
 * - `drop-edit-link`: a heading's edit control, `[edit]`: a link (with the brackets or bars
 *   around it) at the start or end of a heading, or just after it, whose target edits the page
 *   (`action=edit` in its query, or a source host's `/edit/` path), whose class or id names an
 *   edit-section link, or whose text says only "edit"; brackets written around it as text go with it.
 *
 * Runs before resolve-urls, which unwraps in-page links and would leave the mark as text.
 */

const HEADING = /^h[1-6]$/;
/** A permalink's text: a few characters, none a letter or a digit (`#`, `¶`, `§`, `🔗`, `⚓︎`). */
const LONE_MARK = /^[^\p{L}\p{N}]{1,3}$/u;
/**
 * A permalink symbol behind a character of a wrong decoding: a page saved with its UTF-8 read as
 * Latin-1 shows "Â¶" for "¶". Judged by its target, as a lone mark is.
 */
const GARBLED_MARK = /^[^\s\p{N}]?(?:¶|🔗|⚓)$/u;
/**
 * A mark that never ends a heading's own words: the pilcrow and the link and anchor symbols. At the
 * end of a heading it is the permalink whatever its target: none (a page whose scripts make the
 * link leaves an `<a>` with no href yet, a `<span class="anchor">`), or one the own-id check cannot
 * follow (another address of the page). (`#` and `§` are not here: "C#" and "Part §" are words a
 * heading may end with.)
 */
const PERMALINK_SYMBOL = /^(?:¶|🔗|⚓[\uFE0E\uFE0F]?)$/u;
/**
 * A link target that edits the page: MediaWiki's `action=edit` and VisualEditor's `veaction=edit`,
 * and a source host's editor for the page's file (`/edit/main/docs/page.md` on GitHub, Gitea and
 * Bitbucket, `/-/edit/` on GitLab, `/edit?section=2`).
 */
const EDIT_TARGET = /[?&](?:ve)?action=edit(?:source)?(?:[&#]|$)|\/(?:-\/)?edit(?:\/|\?|$)/i;
/** Class or id words of edit-section controls (`mw-editsection`, `edit-section`, `section-edit`, `edit-link`). */
const EDIT_NAMES = /(^|[\s_-])(edit-?section|section-?edit|edit-?link)s?($|[\s_-])/;
/**
 * A link that says only "edit" ("Edit", "edit source") names what it does, whatever its target (a
 * script's handler, an editor on another host). It is a control only at a heading's edge, beside
 * the heading's words (dropEditLinks): "The edit command" keeps its link.
 */
const EDIT_WORDS = /^\s*\[?\s*edit(?:\s+source)?\s*\]?\s*$/i;
/**
 * An edit control says a word or two per link ("edit", "edit source", "modifier | modifier le
 * code"); more words than this are a sentence that happens to link to an editor.
 */
const MAX_EDIT_WORDS = 6;

export default function dropHeadingFurniture() {
  return (tree: Root, file: VFile) => {
    const parents = new Map<Element, Parents>();
    const headings: Element[] = [];
    const ids = new Set<string>();
    walkElements(tree, (node, parent) => {
      parents.set(node, parent);
      for (const id of anchorIds(node)) ids.add(id);
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    const siblings = new Siblings();
    for (const heading of headings) {
      dropPermalinks(heading, parents, ids, siblings, file);
      dropEditLinks(heading, parents, siblings, file);
    }
  };
}

/**
 * The elements among a parent's children and where each stands, built once per parent and dropped
 * when an element is removed from it: every heading looks at its neighbours, and listing a parent's
 * elements for each heading in it took time in the square of their number (a <div> of 100,000
 * headed sections).
 */
class Siblings {
  private readonly lists = new Map<Parents, { elements: Element[]; at: Map<Element, number> }>();

  of(parent: Parents): { elements: Element[]; at: Map<Element, number> } {
    let list = this.lists.get(parent);
    if (!list) {
      const elements = elementsOf(parent);
      list = { elements, at: new Map(elements.map((e, i) => [e, i])) };
      this.lists.set(parent, list);
    }
    return list;
  }

  remove(parent: Parents, child: Element): void {
    remove(parent, child);
    this.lists.delete(parent);
  }
}

function dropPermalinks(heading: Element, parents: Map<Element, Parents>, ids: ReadonlySet<string>, siblings: Siblings, file: VFile): void {
  const own = ownIds(heading, parents, siblings);
  const words = textOf(heading);
  const marks: Array<{ link: Element; parent: Parents }> = [];
  walkElements(heading, (node, parent) => {
    if (node.tagName !== 'a') return undefined;
    const target = fragmentLink(node);
    const text = textOf(node);
    if (!target || !(text === '' || LONE_MARK.test(text) || GARBLED_MARK.test(text))) return false;
    // Its target is the heading; or the target is nowhere in what was kept of the page (the
    // section's wrapper was left out), and a mark at the heading's edge that links within the
    // page is what a permalink looks like (a note's mark carries a number, and its note is kept).
    const lost = !target.ids.some((id) => ids.has(id));
    const edge = lost && text !== '' && target.page === '' && (words.endsWith(text) || words.startsWith(text)) && words !== text;
    if (target.ids.some((id) => own.has(id)) || edge) marks.push({ link: node, parent });
    return false;
  });
  // A mark that never ends a heading's words (PERMALINK_SYMBOL) as its last element, whatever it
  // links to: no link yet, or one to a target this check cannot follow (another address of the page).
  const last = lastElement(heading);
  const mark = last ? textOf(last).trim() : '';
  if (last && !marks.some((m) => m.link === last) && PERMALINK_SYMBOL.test(mark) && words.trim().endsWith(mark) && words.trim() !== mark) marks.push({ link: last, parent: heading });
  for (const { link, parent } of marks) {
    siblings.remove(parent, link);
    explain(file, 'drop-heading-permalink', `dropped permalink "${textOf(link)}" from heading "${textOf(heading).slice(0, 60)}"`);
  }
}

/**
 * The ids that name a heading: its own, those of the elements in it (`<span id>`, `<a name>`),
 * those of empty targets just before it (`<a name="x"></a><h2>`), and those of the sections it
 * opens: the containers in which nothing with text comes before it (`<section id="usage"><span
 * id="id1"></span><h2>`).
 */
function ownIds(heading: Element, parents: Map<Element, Parents>, siblings: Siblings): Set<string> {
  const ids = new Set<string>(anchorIds(heading));
  walkElements(heading, (node) => {
    for (const id of anchorIds(node)) ids.add(id);
  });
  let node: Element = heading;
  for (let parent = parents.get(node); parent; parent = parents.get(node)) {
    const { elements, at } = siblings.of(parent);
    const index = at.get(node)!;
    // The empty targets just before it name it too.
    let emptyFrom = index;
    while (emptyFrom > 0 && textOf(elements[emptyFrom - 1]!) === '') emptyFrom--;
    for (let i = emptyFrom; i < index; i++) for (const id of anchorIds(elements[i]!)) ids.add(id);
    if (emptyFrom > 0 || parent.type !== 'element') break;
    for (const id of anchorIds(parent)) ids.add(id);
    node = parent;
  }
  return ids;
}

function dropEditLinks(heading: Element, parents: Map<Element, Parents>, siblings: Siblings, file: VFile): void {
  const parent = parents.get(heading);
  for (const candidate of new Set([firstElement(heading), lastElement(heading)])) {
    if (!candidate || !isEditControl(candidate) || !atEdge(heading, candidate)) continue;
    // Beside the heading's words, or plainly a control (named so, or in brackets): a heading that
    // is only a link to an editor (a wiki's link to a page not yet written) keeps its words.
    const beside = /[\p{L}\p{N}]/u.test(textOf(heading).replace(textOf(candidate), ''));
    if (!beside && !EDIT_NAMES.test(classAndId(candidate)) && !/[[\]|]/.test(textOf(candidate))) continue;
    removeBracketed(heading, candidate, siblings);
    explain(file, 'drop-edit-link', `dropped edit link from heading "${textOf(heading).slice(0, 60)}"`);
    // A heading whose words an earlier rule took leaves nothing to show.
    if (parent && !beside && textOf(heading) === '') siblings.remove(parent, heading);
  }
  // A page may set the control just after its heading, in the heading's wrapper.
  const after = parent ? nextElement(siblings.of(parent), heading) : null;
  if (parent && after && isEditControl(after)) {
    siblings.remove(parent, after);
    explain(file, 'drop-edit-link', `dropped edit link after heading "${textOf(heading).slice(0, 60)}"`);
  }
}

/** A link, or a wrapper of links and brackets, whose every link edits the page. */
function isEditControl(node: Element): boolean {
  const links: Element[] = [];
  if (node.tagName === 'a') links.push(node);
  else {
    walkElements(node, (n) => {
      if (n.tagName === 'a') links.push(n);
    });
  }
  if (links.length === 0) return false;
  const wrapperNamed = EDIT_NAMES.test(classAndId(node));
  if (!links.every((link) => wrapperNamed || EDIT_NAMES.test(classAndId(link)) || EDIT_TARGET.test(attr(link, 'href') ?? '') || EDIT_WORDS.test(textOf(link)))) return false;
  const text = textOf(node);
  if (wordCount(text) > MAX_EDIT_WORDS) return false;
  // Around the links, nothing but brackets and separators: "[edit]", "[ edit | edit source ]".
  let rest = text;
  for (const link of links) rest = rest.replace(textOf(link), '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function remove(parent: Parents, child: Element): void {
  parent.children = (parent.children as ElementContent[]).filter((c) => c !== child) as typeof parent.children;
}

/** Whether the control's words open or close the heading's (brackets and bars aside), not sit among them. */
function atEdge(heading: Element, control: Element): boolean {
  const words = textOf(heading).replace(/^[\s[\]()|]+|[\s[\]()|]+$/g, '');
  const own = textOf(control).replace(/^[\s[\]()|]+|[\s[\]()|]+$/g, '');
  return words.startsWith(own) || words.endsWith(own);
}

/** Remove a control with the brackets or bar written around it as text: "Title [<a>edit</a>]". */
function removeBracketed(parent: Parents, child: Element, siblings: Siblings): void {
  const children = parent.children as ElementContent[];
  const at = children.indexOf(child);
  const before = children[at - 1];
  const after = children[at + 1];
  if (before?.type === 'text' && after?.type === 'text' && /[[(|]\s*$/.test(before.value) && /^\s*[\])|]/.test(after.value)) {
    before.value = before.value.replace(/\s*[[(|]\s*$/, '');
    after.value = after.value.replace(/^\s*[\])|]/, '');
  }
  siblings.remove(parent, child);
}

function elementsOf(parent: Parents): Element[] {
  return (parent.children as ElementContent[]).filter((c): c is Element => isElement(c));
}

function firstElement(parent: Parents): Element | null {
  return elementsOf(parent)[0] ?? null;
}

function lastElement(parent: Parents): Element | null {
  const elements = elementsOf(parent);
  return elements[elements.length - 1] ?? null;
}

function nextElement({ elements, at }: { elements: Element[]; at: Map<Element, number> }, node: Element): Element | null {
  const index = at.get(node);
  return index === undefined ? null : (elements[index + 1] ?? null);
}
