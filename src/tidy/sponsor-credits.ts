import type { Element, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { attr, isElement, removeWhere, textOf, walkElements } from '../hast/util.js';
import { explain } from '../messages.js';
import { wordCount } from '../hast/words.js';

/**
 * rehype plugin (`drop-sponsor-credit`): a sponsor's credit line — a short line that says the
 * content is sponsored, supported or presented by someone, with their logo linking to their site
 * ("Seascape is supported by [logo] About this content") — is the site's commercial furniture,
 * not the article. Told by its shape and its words together: a link whose only content is an
 * image, to another site, in a block of at most MAX_CREDIT_WORDS words that says a sponsorship
 * phrase. Neither is enough alone: photos link to their sources, and articles say "supported by".
 */

/** Sponsorship phrases, in the corpus languages (en, es, pt, fr, de, it, nl). */
const SPONSOR_CREDIT =
  /(^|[\s:,(])((sponsored|supported|presented|funded|underwritten|paid for|brought to you|made possible) by|in (partnership|association|collaboration) with|(patrocinado|apoiado|apoyado) por|en (partenariat|colaboración|colaboracion) (avec|con)|(sponsorisé|soutenu|présenté) par|(präsentiert|unterstützt|gesponsert) von|(sponsorizzato|presentato) da|in collaborazione con|(gesponsord|mogelijk gemaakt) door)($|[\s:,.)])/i;
/** A credit line is a line: a block saying more than this many words is prose that mentions a sponsor. */
const MAX_CREDIT_WORDS = 20;
/** Blocks a credit line is written as. */
const BLOCKS = new Set(['p', 'div', 'section', 'aside', 'header', 'footer', 'figure', 'li', 'span', 'small']);

export default function dropSponsorCredits() {
  return (tree: Root, file: VFile) => {
    const pageHost = hostOf(file.data.baseUrl ?? null);
    const parents = new Map<Element, Parents>();
    const logos: Element[] = [];
    walkElements(tree, (node, parent) => {
      parents.set(node, parent);
      if (node.tagName === 'a' && isLogoLink(node, pageHost)) logos.push(node);
    });
    const credits = new Set<Element>();
    for (const logo of logos) {
      const block = creditBlock(logo, parents);
      if (!block || credits.has(block)) continue;
      const text = textOf(block);
      if (wordCount(text) > MAX_CREDIT_WORDS || !SPONSOR_CREDIT.test(text)) continue;
      credits.add(block);
      explain(file, 'drop-sponsor-credit', `dropped sponsor credit: "${text.slice(0, 80)}"`);
    }
    if (credits.size > 0) removeWhere(tree, (child) => isElement(child) && credits.has(child));
  };
}

/** A link to another site whose only content is an image (a logo). */
function isLogoLink(link: Element, pageHost: string | null): boolean {
  const host = hostOf(attr(link, 'href'));
  if (!host || host === pageHost) return false;
  let image = false;
  let other = false;
  walkElements(link, (n) => {
    if (n.tagName === 'img' || n.tagName === 'svg') {
      image = true;
      return false;
    }
    return undefined;
  });
  for (const c of link.children) if (c.type === 'text' && c.value.trim() !== '') other = true;
  return image && !other && textOf(link) === '';
}

/** The smallest block around the logo that has words of its own. */
function creditBlock(logo: Element, parents: Map<Element, Parents>): Element | null {
  for (let p = parents.get(logo); p && p.type === 'element'; p = parents.get(p)) {
    if (!BLOCKS.has(p.tagName)) return null;
    if (textOf(p) !== '') return p;
  }
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
