import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import repairEscapedLinks from '../../src/read/text/repair-escaped-links.js';
import reflowLines from '../../src/read/text/reflow-lines.js';
import mergeSplitParagraphs from '../../src/read/text/merge-split-paragraphs.js';
import { runPlugin } from './helpers.js';

describe('repair-escaped-links', () => {
  it('takes the target out of the link text', async () => {
    expect(await runPlugin(repairEscapedLinks, 'by [Ada Byron \\(/experts/ada-byron\\)](#)')).toBe('by [Ada Byron](/experts/ada-byron)');
  });
  it('takes absolute targets too', async () => {
    expect(await runPlugin(repairEscapedLinks, '[Report \\(https://example.org/r\\)](#)')).toBe('[Report](https://example.org/r)');
  });
  it('leaves links that have a real target', async () => {
    expect(await runPlugin(repairEscapedLinks, '[Ada \\(/a\\)](/b)')).toBe('[Ada (/a)](/b)');
  });
  it('leaves parentheses that are no target', async () => {
    expect(await runPlugin(repairEscapedLinks, '[Ada \\(editor\\)](#)')).toBe('[Ada (editor)](#)');
  });
});

describe('drop caps and end marks in a text (the shared tidy stage: unwrapDropCaps, dropEndMarks)', () => {
  const prose = 'the harbour board met on Tuesday and agreed to reopen the northern quay to small boats, after two years of repairs to the sea wall.';
  const text = `# Quay Reopens\n\nBy Ines Moreau\n\n**A**fter ${prose}\n\n*W*hen ${prose}\n\n**I** think ${prose}\n\nThe board will ${prose} ❖\n\n■\n\nA ■ B ${prose}\n`;

  it('joins a bold or emphasised initial to its word, leaves a bold word, drops the closing marks', async () => {
    const paragraphs = (await convert(text, { from: 'text', title: false })).markdown.trim().split('\n\n');
    expect(paragraphs.map((p) => p.split(' the harbour')[0])).toEqual(['After', 'When', '**I** think', 'The board will', 'A ■ B']);
    expect(paragraphs[3]!.endsWith('sea wall.')).toBe(true);
  });
});

describe('reflow-lines', () => {
  it('reflows hard-wrapped lines into one', async () => {
    expect(await runPlugin(reflowLines, 'one two\nthree four\nfive.')).toBe('one two three four five.');
  });
  it('re-joins a word hyphenated at the line end', async () => {
    expect(await runPlugin(reflowLines, 'a period of deescalat-\ning tensions.')).toBe('a period of deescalating tensions.');
  });
  it('keeps the hyphen of a compound', async () => {
    expect(await runPlugin(reflowLines, 'a well-\nknown answer.')).toBe('a well-known answer.');
  });
  it('keeps the hyphen the document uses elsewhere', async () => {
    expect(await runPlugin(reflowLines, 'The cross-border trade.\n\nMore cross-\nborder trade.')).toBe('The cross-border trade.\n\nMore cross-border trade.');
  });
  it('joins when the document uses the joined word elsewhere', async () => {
    expect(await runPlugin(reflowLines, 'The network is down.\n\nThe net-\nwork is up.')).toBe('The network is down.\n\nThe network is up.');
  });
});

describe('merge-split-paragraphs', () => {
  it('joins a paragraph cut by a page break', async () => {
    const md = 'There are now reasons to believe that both sides may be headed toward a period of deescalating\n\ntensions and an accord.';
    expect(await runPlugin(mergeSplitParagraphs, md)).toBe('There are now reasons to believe that both sides may be headed toward a period of deescalating tensions and an accord.');
  });
  it('re-joins a word hyphenated across the cut', async () => {
    const md = 'The maintenance arrangements of the village, which we call its infra-\n\nstructure, matter. The infrastructure is social.';
    expect(await runPlugin(mergeSplitParagraphs, md)).toBe('The maintenance arrangements of the village, which we call its infrastructure, matter. The infrastructure is social.');
  });
  it('leaves paragraphs that end a sentence', async () => {
    const md = 'This paragraph ends a sentence as paragraphs do.\n\nnext one starts lower case.';
    expect(await runPlugin(mergeSplitParagraphs, md)).toBe(md);
  });
  it('leaves a short label followed by lower case', async () => {
    const md = 'Photo credit\n\nlater that day.';
    expect(await runPlugin(mergeSplitParagraphs, md)).toBe(md);
  });
});
