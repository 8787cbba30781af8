import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, classAndId } from '../hast/util.js';
import { firstWords } from './first-words.js';
import { explain } from '../messages.js';
import { computeStats, linkDensity, type NodeStats } from '../extract/stats.js';
import { keptByProse, recordRemoval } from './prose-guard.js';
import { BOILERPLATE_GROUPS, BOILERPLATE_ROLES, BOILERPLATE_TAGS, ARTICLE_BODY_NAMES, EMBED_NAMES, CONTENT_KINDS_BY_PAGE } from './vocabulary.js';
import { pageKindOf } from '../extract/page-kind.js';

/**
 * A region that holds more than this share of the page's prose is never dropped by its name alone:
 * sites wrap whole articles in containers named "has-sidebar" or "post-with-comments".
 */
const MAX_PROSE_SHARE = 0.4;

/** Elements that are the document or the article itself and are never boilerplate by name. */
const NEVER_DROP = new Set(['html', 'body', 'main', 'article']);

/**
 * rehype plugin: drop navigation, headers, footers, sidebars, share bars, related lists, comment
 * sections, cookie and newsletter prompts, ads, author-bio boxes and translation switchers, as
 * named by landmark elements, ARIA roles, or the class/id vocabulary in vocabulary.ts.
 */
export default function dropBoilerplateRegions() {
  return (tree: Root, file: VFile) => {
    if (file.data.keptByUser) return;
    const stats = computeStats(tree);
    const total = stats.get(tree)!.proseText || 1;
    const stack: Element[] = [];
    const remove = new Set<Element>();
    const content = CONTENT_KINDS_BY_PAGE[pageKindOf(file)];
    for (const child of tree.children) if (child.type === 'element') stack.push(child);
    while (stack.length > 0) {
      const node = stack.pop()!;
      const kind = boilerplateKind(node, content);
      const s = stats.get(node);
      if (kind && s && (s.proseText / total <= MAX_PROSE_SHARE || isModal(node)) && !holdsArticleBody(node) && !namedAsContent(node, s) && !isEmbed(node)) {
        // A class/id name is weak evidence: a block of real prose stays (prose-guard.ts). A landmark
        // element or an ARIA role is the page's own statement, and goes (with a warning if large).
        const real = namedByClass(node) && keptByProse(node, stats, kind);
        if (real) {
          explain(file, `keep-real-prose`, () => `kept ${kind} <${node.tagName}> holding ${real.reason}: "${firstWords(node)}"`);
        } else {
          remove.add(node);
          recordRemoval(file, `drop-${kind}`, node, stats);
          explain(file, `drop-${kind}`, () => `dropped ${kind} <${node.tagName}>: "${firstWords(node)}"`);
          continue;
        }
      }
      for (const child of node.children) if (child.type === 'element') stack.push(child);
    }
    if (remove.size === 0) return;
    const prune = (parent: Root | Element) => {
      const work: Array<Root | Element> = [parent];
      while (work.length > 0) {
        const p = work.pop()!;
        p.children = p.children.filter((c) => !(c.type === 'element' && remove.has(c))) as typeof p.children;
        for (const c of p.children) if (c.type === 'element') work.push(c);
      }
    };
    prune(tree);
  };
}

/** The kind of boilerplate an element is named as, or null; kinds in `content` are this page's content. */
export function boilerplateKind(node: Element, content?: ReadonlySet<string>): string | null {
  if (NEVER_DROP.has(node.tagName)) return null;
  if (BOILERPLATE_TAGS.has(node.tagName)) return node.tagName === 'aside' ? 'sidebar' : node.tagName === 'menu' ? 'navigation' : node.tagName;
  const role = attr(node, 'role');
  if (role && BOILERPLATE_ROLES.has(role.toLowerCase())) return role.toLowerCase();
  const names = classAndId(node);
  if (!names) return null;
  for (const [kind, pattern] of Object.entries(BOILERPLATE_GROUPS)) if (!content?.has(kind) && pattern.test(names)) return kind;
  return null;
}

/**
 * Mixed names ("entry-content entry-content-read-more", "story-body has-share-tools") are settled
 * by what the region holds: named as content and holding prose with few links, it stays.
 */
const NAMED_CONTENT_MIN_PROSE = 200;
const NAMED_CONTENT_MAX_LINKS = 0.25;

function namedAsContent(node: Element, s: NodeStats): boolean {
  if (BOILERPLATE_TAGS.has(node.tagName)) return false;
  return ARTICLE_BODY_NAMES.test(classAndId(node)) && s.proseText >= NAMED_CONTENT_MIN_PROSE && linkDensity(s) < NAMED_CONTENT_MAX_LINKS;
}

/**
 * A modal dialog (`aria-modal="true"` on a dialog role) is laid over the page and blocks it until
 * dismissed: a cookie or sign-in prompt, never the page's content, however much it says.
 */
function isModal(node: Element): boolean {
  const role = attr(node, 'role')?.toLowerCase();
  return (role === 'dialog' || role === 'alertdialog') && attr(node, 'ariaModal') === 'true';
}

/** Posts the author embedded in the story (a quoted tweet) are content, whatever "social" names them. */
function isEmbed(node: Element): boolean {
  return EMBED_NAMES.test(classAndId(node)) && hasBlockquote(node);
}

function hasBlockquote(node: Element): boolean {
  const stack: Element[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.tagName === 'blockquote') return true;
    for (const c of n.children) if (c.type === 'element') stack.push(c);
  }
  return false;
}

function holdsArticleBody(node: Element): boolean {
  const itemprop = attr(node, 'itemProp');
  return itemprop !== null && /articlebody/i.test(itemprop);
}

/** Whether the element is boilerplate by its class/id alone (not by a landmark element or an ARIA role). */
function namedByClass(node: Element): boolean {
  if (BOILERPLATE_TAGS.has(node.tagName)) return false;
  const role = attr(node, 'role');
  return !(role && BOILERPLATE_ROLES.has(role.toLowerCase()));
}
