import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { explain } from '../../messages.js';
import { assignHeadingLevels, bodyStyle, buildBlocks, classifyBlocks, measureColumns, inBodyStyle, BULLET, NUMBERED, type Block, type BodyStyle } from './blocks.js';
import { buildVocabulary, joinLines, type Vocabulary } from './hyphenation.js';
import type { Line } from './lines.js';
import { readTitleBlock } from './title-block.js';
import { el, text } from './hast.js';
import { linkText, type PdfLink } from './links.js';

/** A block is a pull quote when at least this share of its word triples occur in the body text. */
const PULL_QUOTE_OVERLAP = 0.8;
/** ... and it has at least this many words. */
const PULL_QUOTE_MIN_WORDS = 5;

/**
 * Untagged PDFs: lines (furniture already removed) -> blocks -> hast. The title block goes to
 * the metadata, pull quotes that repeat the body are dropped, captions become figures, footnotes
 * move to the end, and the text under link annotations becomes links (links.ts).
 */
export function layoutToHast(lines: Line[], pageHeight: (page: number) => number, file: VFile, links: PdfLink[] = []): ElementContent[] {
  let body = bodyStyle(lines);
  measureColumns(lines, body);
  body = bodyStyle(lines);
  const blocks = buildBlocks(lines, body);
  classifyBlocks(blocks, body, pageHeight);
  const vocabulary = buildVocabulary(lines.map((l) => l.text));
  const { removed, title } = readTitleBlock(blocks, body, file);
  assignHeadingLevels(blocks, title ? new Set([...removed, title]) : removed);
  dropPullQuotes(blocks, body, vocabulary, removed, file);

  const out: ElementContent[] = [];
  const footnotes: Block[] = [];
  let list: { ordered: boolean; node: ReturnType<typeof el> } | null = null;
  // A block's text, with the link annotations whose anchors start on its lines made links, and
  // its superscript note references made references to the notes that bear their labels.
  const used = new Set<PdfLink>();
  const notes = new Map<string, Block>();
  for (const b of blocks) {
    const label = b.kind === 'footnote' && !removed.has(b) ? NOTE_START.exec(blockText(b, vocabulary))?.[1] : undefined;
    if (label && !notes.has(label)) notes.set(label, b);
  }
  const referenced = new Set<string>();
  const inline = (block: Block, content: string): ElementContent[] => {
    const own = links.filter((l) => !used.has(l) && block.lines.some((line) => line.page === l.page && line.text.includes(l.pieces[0]!)));
    const children = own.length ? linkText(content, own, (pieces) => joinLines(pieces, vocabulary), used) : [text(content)];
    const refs = block.kind === 'footnote' ? [] : block.lines.flatMap((l) => l.noteRefs ?? []).filter((label) => notes.has(label));
    return refs.length ? withNoteRefs(children, refs, referenced) : children;
  };
  for (const block of blocks) {
    if (removed.has(block)) continue;
    const content = blockText(block, vocabulary);
    if (block.kind !== 'list-item') list = null;
    if (block === title) {
      out.push(el('h1', [text(content)]));
      continue;
    }
    switch (block.kind) {
      case 'heading':
        out.push(el(`h${block.level ?? 2}`, inline(block, content)));
        break;
      case 'list-item': {
        const ordered = block.ordered === true;
        if (!list || list.ordered !== ordered) {
          list = { ordered, node: el(ordered ? 'ol' : 'ul') };
          out.push(list.node);
        }
        const item = content.replace(ordered ? NUMBERED : BULLET, '');
        list.node.children.push(el('li', inline(block, item)));
        break;
      }
      case 'blockquote':
        out.push(el('blockquote', [el('p', inline(block, content))]));
        break;
      case 'caption':
        // The figure itself is an image the text layer does not carry: a caption alone would
        // describe nothing in the Markdown, so it goes, and says so.
        explain(file, 'pdf-caption', `dropped the figure caption "${content.slice(0, 60)}" (the figure is not in the text)`);
        break;
      case 'table':
        out.push(el('table', [el('tbody', block.lines.map((l, i) => el('tr', l.cells!.map((c) => el(i === 0 ? 'th' : 'td', [text(c.text)])))))]));
        break;
      case 'footnote':
        footnotes.push(block);
        break;
      default:
        out.push(el('p', inline(block, content)));
    }
  }
  if (footnotes.length) {
    explain(file, 'pdf-footnotes', `moved ${footnotes.length} footnote(s) to the end of the article`);
    // A note that a reference points to is a list item with an id, which tidy/footnotes.ts makes a
    // GFM footnote; a note nothing points to stays a paragraph of notes.
    const items = footnotes.map((b) => {
      const content = blockText(b, vocabulary);
      const label = NOTE_START.exec(content)?.[1];
      if (label && referenced.has(label) && notes.get(label) === b) return el('li', inline(b, content.replace(NOTE_START, '')), { id: noteId(label) });
      return el('p', inline(b, content));
    });
    out.push(el('section', [el('hr'), ...groupItems(items)], { className: ['footnotes'] }));
  }
  return out;
}

/** A note's label at its start ("1 ", "2. ", "* "). */
const NOTE_START = /^(\d{1,3}|[*†‡§¶])[\s.)]?\s*(?=\S)/u;

function noteId(label: string): string {
  return `pdf-note-${encodeURIComponent(label)}`;
}

/**
 * The first place each label stands against the word before it ("said.1") becomes a superscript
 * link to its note, in the text nodes of `children`, in order; the labels made so are `referenced`.
 */
function withNoteRefs(children: ElementContent[], labels: string[], referenced: Set<string>): ElementContent[] {
  const out: ElementContent[] = [];
  let pending = [...labels];
  for (const child of children) {
    if (child.type !== 'text' || pending.length === 0) {
      out.push(child);
      continue;
    }
    let rest = child.value;
    while (pending.length) {
      const label = pending[0]!;
      const escaped = label.replace(/[*]/g, '\\*');
      const m = new RegExp(`(?<=[\\p{L}\\p{P}])${escaped}(?![\\p{N}])`, 'u').exec(rest);
      if (!m) break;
      if (m.index > 0) out.push(text(rest.slice(0, m.index)));
      out.push(el('sup', [el('a', [text(label)], { href: `#${noteId(label)}` })]));
      referenced.add(label);
      rest = rest.slice(m.index + label.length);
      pending = pending.slice(1);
    }
    if (rest) out.push(text(rest));
  }
  return out;
}

/** Runs of list items go into ordered lists; other nodes stay as they are. */
function groupItems(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type === 'element' && n.tagName === 'li') {
      if (last?.type === 'element' && last.tagName === 'ol') last.children.push(n);
      else out.push(el('ol', [n]));
    } else out.push(n);
  }
  return out;
}

function blockText(block: Block, vocabulary: Vocabulary): string {
  return joinLines(block.lines.map((l) => (l.dropCap ? withDropCap(l.dropCap, l.text, vocabulary) : l.text)), vocabulary);
}

/**
 * A drop cap is the paragraph's first letter; it is a word of its own ("A case") only when the
 * rest is a word the document uses and the two together are not ("After").
 */
function withDropCap(cap: string, rest: string, vocabulary: Vocabulary): string {
  const first = /^[\p{L}\p{M}'’]+/u.exec(rest)?.[0] ?? '';
  const together = `${cap}${first}`.toLowerCase();
  const apart = first !== '' && vocabulary.words.has(first.toLowerCase()) && !vocabulary.words.has(together) && /^\p{L}$/u.test(cap);
  return apart ? `${cap} ${rest}` : `${cap}${rest}`;
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function triples(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * Pull quotes: a block set in another style than the body (larger, italic, indented) whose words
 * the body already says. Dropped: they repeat the article, they are not part of it.
 */
function dropPullQuotes(blocks: Block[], body: BodyStyle, vocabulary: Vocabulary, removed: Set<Block>, file: VFile): void {
  const bodyTriples = new Set<string>();
  for (const b of blocks) if (inBodyStyle(b.lines[0]!, body) && b.kind === 'paragraph') for (const t of triples(wordsOf(blockText(b, vocabulary)))) bodyTriples.add(t);
  for (const b of blocks) {
    if (removed.has(b) || (inBodyStyle(b.lines[0]!, body) && b.kind !== 'blockquote')) continue;
    const words = wordsOf(blockText(b, vocabulary));
    if (words.length < PULL_QUOTE_MIN_WORDS) continue;
    const ts = triples(words);
    const hit = ts.filter((t) => bodyTriples.has(t)).length;
    if (ts.length && hit / ts.length >= PULL_QUOTE_OVERLAP) {
      removed.add(b);
      explain(file, 'pdf-pull-quote', `dropped a pull quote that repeats the body: "${words.slice(0, 8).join(' ')}…"`);
    }
  }
}
