import { describe, expect, it } from 'vitest';
import { pageFurniture } from '../bench/furniture.js';

describe('bench furniture counter (issue 20, the gate\'s <corpus>-furniture ceilings)', () => {
  it('counts headings ending in a permalink mark or an edit link, and code blocks starting or ending blank', () => {
    const markdown = [
      '## Setup ¶',
      '## History \\[[edit](https://wiki.example.org/w/index.php?action=edit)]',
      '## Options [](#options)',
      '## Usage',
      '```',
      '',
      'x = 1',
      '```',
      '```',
      'y = 2',
      '  ',
      '```',
    ].join('\n');
    const { found } = pageFurniture(markdown, () => null);
    expect(found.headings.map((h) => h.kind).sort()).toEqual(['edit link', 'empty link', 'mark ¶']);
    expect(found.codeBlocks.map((c) => c.kind).sort()).toEqual(['ends blank', 'starts blank']);
  });

  it('leaves out a heading whose own linked words end in "Edit", and a mark that is the page\'s own heading text', () => {
    const markdown = '## 1. [Lightroom Photo Edit](https://example.org/p)\n\n## Part \\#\n\n## Notes ¶\n';
    const html = '<h2><a href="https://example.org/p">Lightroom Photo Edit</a></h2><h2>Part #</h2><h2>Notes <a href="#notes">¶</a></h2>';
    const { found, ownMarks } = pageFurniture(markdown, () => html);
    expect(found.headings.map((h) => h.text)).toEqual(['Notes ¶']);
    expect(ownMarks).toEqual(['Part #']);
  });
});
