import { describe, expect, it } from 'vitest';
import { boundMarkdown, MAX_LINE_CHARS } from '../../src/read/bound-markdown.js';

describe('boundMarkdown', () => {
  it('leaves ordinary text as it is', () => {
    const text = '# A title\n\nA paragraph of words.\n\n> a quote\n\n- a list\n';
    expect(boundMarkdown(text)).toEqual({ text, changes: [] });
  });

  it('splits a line longer than MAX_LINE_CHARS into paragraphs at sentence ends, keeping every word', () => {
    const sentence = 'The harbour committee met again on Tuesday to discuss the dredging plan. ';
    const line = sentence.repeat(Math.ceil((3 * MAX_LINE_CHARS) / sentence.length)).trim();
    const { text, changes } = boundMarkdown(`A title\n\n${line}\n`);
    expect(changes).toEqual([`split lines longer than ${MAX_LINE_CHARS} characters into paragraphs`]);
    const paragraphs = text.trimEnd().split('\n\n').slice(1);
    expect(paragraphs.length).toBe(4);
    for (const p of paragraphs) {
      expect(p.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      expect(p).toMatch(/^The harbour .*plan\.$/);
    }
    expect(paragraphs.join(' ').replace(/\n/g, '')).toBe(line);
  });

  it('bounds the paragraphs a long line is split into like any line (a cut may start one with 30,000 quote marks)', () => {
    const { text } = boundMarkdown(`\\${'>'.repeat(100_000)} deep text survives\n`);
    for (const line of text.split('\n')) expect(/^>*/.exec(line)![0].length).toBeLessThanOrEqual(16);
    expect(text).toMatch(/deep text survives/);
  });
});
