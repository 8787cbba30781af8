import { describe, expect, it } from 'vitest';
import repairEscapedLinks from '../../src/read/text/repair-escaped-links.js';
import repairDropCaps from '../../src/read/text/repair-drop-caps.js';
import repairEndMarks from '../../src/read/text/repair-end-marks.js';
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

describe('repair-drop-caps', () => {
  it('joins a bold initial to its word', async () => {
    expect(await runPlugin(repairDropCaps, '**A**fter years of violence.')).toBe('After years of violence.');
  });
  it('joins an emphasised initial', async () => {
    expect(await runPlugin(repairDropCaps, '*W*hen the guns fall quiet.')).toBe('When the guns fall quiet.');
  });
  it('leaves a bold word alone', async () => {
    expect(await runPlugin(repairDropCaps, '**I** think so.')).toBe('**I** think so.');
  });
});

describe('repair-end-marks', () => {
  it('drops the mark that closes the article', async () => {
    expect(await runPlugin(repairEndMarks, 'guide the country through them. ❖')).toBe('guide the country through them.');
  });
  it('drops a paragraph that is only a mark', async () => {
    expect(await runPlugin(repairEndMarks, 'Last words.\n\n■')).toBe('Last words.');
  });
  it('keeps marks inside the text', async () => {
    expect(await runPlugin(repairEndMarks, 'A ■ B.')).toBe('A ■ B.');
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
