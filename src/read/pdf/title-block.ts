import type { VFile } from 'vfile';
import { propose } from '../../metadata/candidates.js';
import { normalizeDate } from '../../metadata/dates.js';
import { explain } from '../../messages.js';
import { inBodyStyle, type Block, type BodyStyle } from './blocks.js';
import { collapseSpaces } from '../../hast/util.js';

/** The title block is looked for among this many blocks at the start of the first page. */
const MAX_TITLE_BLOCKS = 12;
/** A title is set at least this many times the body size. */
const TITLE_RATIO = 1.2;
/** Parts of a byline or dateline: "By A and B | March 3, 2020 · 5 min read". */
const SEPARATORS = /\s+[|·•—–]\s+|\s{2,}/u;
const BYLINE = /^(?:by|von|par|por|di|door|av|af|przez|от)\s+(.+)$/iu;

function blockText(block: Block): string {
  return collapseSpaces(block.lines.map((l) => l.text).join(' ')).trim();
}

/** A body paragraph: body font and size, and prose-long. */
function isBodyParagraph(block: Block, body: BodyStyle): boolean {
  return inBodyStyle(block.lines[0]!, body) && (block.lines.length >= 2 || blockText(block).length > 100) && block.kind === 'paragraph';
}

/**
 * The first page's title block — kicker, title, dek, byline, dateline — that sits before the body
 * starts. Its parts are proposed as metadata (`text`) and taken out of the body; the title stays,
 * as the h1 that the shared tidy stage drops when it repeats the title. Returns the title block's
 * blocks and the title block itself (or null).
 */
export function readTitleBlock(blocks: Block[], body: BodyStyle, file: VFile): { removed: Set<Block>; title: Block | null } {
  const removed = new Set<Block>();
  const firstPage = blocks[0]?.lines[0]?.page;
  const head: Block[] = [];
  for (const b of blocks.slice(0, MAX_TITLE_BLOCKS)) {
    if (b.lines[0]!.page !== firstPage || isBodyParagraph(b, body)) break;
    head.push(b);
  }
  if (head.length === 0 || head.length === blocks.length) return { removed, title: null };
  const title = head.reduce<Block | null>((best, b) => (b.lines[0]!.size >= TITLE_RATIO * body.size && (!best || b.lines[0]!.size > best.lines[0]!.size) ? b : best), null);
  if (!title) return { removed, title: null };
  propose(file, 'title', blockText(title), 'text');
  const titleIndex = head.indexOf(title);
  for (const [i, b] of head.entries()) {
    if (b === title) continue;
    const text = blockText(b);
    removed.add(b);
    if (i < titleIndex) {
      if (text.length <= 40) propose(file, 'section', text, 'text');
      explain(file, 'pdf-title-block', `moved the kicker "${text}" above the title to the metadata`);
      continue;
    }
    let used = false;
    for (const line of b.lines) {
      for (const part of line.text.split(SEPARATORS)) {
        const by = BYLINE.exec(part.trim());
        if (by) {
          const names = by[1]!.split(/\s*(?:,|\sand\s|\s&\s|\sund\s|\set\s|\sy\s|\se\s)\s*/u).map((n) => n.trim()).filter((n) => /^\p{Lu}/u.test(n));
          if (names.length) {
            propose(file, 'authors', names.map((name) => ({ name, url: null, bio: null })), 'text');
            used = true;
          }
          continue;
        }
        const date = part.length <= 60 ? normalizeDate(part.replace(/^(?:published|updated|posted)(?: on)?:?\s*/iu, '')) : null;
        if (date) {
          propose(file, 'published', date, 'text');
          used = true;
        }
      }
    }
    if (!used && b.lines[0]!.size > body.size && text.length > 30) propose(file, 'subtitle', text, 'text');
    explain(file, 'pdf-title-block', `moved "${text.slice(0, 80)}" from the title block to the metadata`);
  }
  return { removed, title };
}
