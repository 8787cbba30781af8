/**
 * Huge pages of three shapes, made at run time to a given size (never committed): the inputs of
 * the huge-page tests (test/hostile/huge.test.ts, small sizes) and of `npm run bench:hostile`
 * (1, 8 and 32 MB). Each is an ordinary article plus one extreme part:
 *
 * - `wide`: a sidebar that is one <div> of short paragraphs (400,000 of them at 24 MB): any
 *   recursion or argument spread over a node's children fails on it;
 * - `deep`: elements nested as deep as the size allows (a chain of <div>s with a word in each);
 * - `long-line`: the whole page on one line, no newline anywhere (HTML), and `long-line-text`:
 *   scraped text on one line (no paragraph break to split it by).
 */

export type HugeShape = 'wide' | 'deep' | 'long-line' | 'long-line-text';

export const HUGE_SHAPES: HugeShape[] = ['wide', 'deep', 'long-line', 'long-line-text'];

const ARTICLE = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1} of the article: the harbour committee met again on Tuesday to discuss the dredging plan, the budget and the timetable of the works.</p>`,
).join('\n');

const SENTENCE = 'The harbour committee met again on Tuesday to discuss the dredging plan, the budget and the timetable of the works. ';

/** A page of `shape` of about `bytes` bytes (UTF-8, all ASCII); the file extension to save it with. */
export function hugePage(shape: HugeShape, bytes: number): { text: string; ext: 'html' | 'txt' } {
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A huge page | Example News</title></head><body>';
  // The bulk sits inside the page's main landmark, beside the article: what a page keeps outside
  // it when the article is a small share of the page is chrome (narrow-to-main-content.ts).
  const article = `<main><article><h1>A huge page</h1>\n${ARTICLE}\n</article>`;
  const tail = '</main></body></html>\n';
  const room = Math.max(0, bytes - head.length - article.length - tail.length);
  switch (shape) {
    case 'wide': {
      const item = (i: number) => `<p>Item ${i} in the list</p>`;
      const parts: string[] = [];
      for (let size = 0, i = 0; size < room; i++) {
        parts.push(item(i));
        size += parts[i]!.length + 1;
      }
      return { text: `${head}${article}<div class="sidebar">${parts.join('\n')}</div>${tail}`, ext: 'html' };
    }
    case 'deep': {
      const level = '<div>word ';
      const depth = Math.floor(room / (level.length + '</div>'.length));
      return { text: `${head}${article}${level.repeat(depth)}${'</div>'.repeat(depth)}${tail}`, ext: 'html' };
    }
    case 'long-line': {
      const paragraph = `<p>${SENTENCE}${SENTENCE}</p>`;
      const count = Math.ceil(room / paragraph.length);
      return { text: `${head}${article}<div>${paragraph.repeat(count)}</div>${tail}`.replace(/\n/g, ' '), ext: 'html' };
    }
    case 'long-line-text': {
      return { text: `A huge scraped text\n\n${SENTENCE.repeat(Math.ceil(bytes / SENTENCE.length))}`.replace(/\n/g, ' '), ext: 'txt' };
    }
  }
}
