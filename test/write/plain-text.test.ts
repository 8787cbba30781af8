import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/write/plain-text.js';

describe('plain text', () => {
  it("reads a table's row as one line, its cells side by side", () => {
    const text = markdownToText('Fees below.\n\n| Item | Rule |\n| - | - |\n| Registered agent | Yes, an address in the state |\n| Annual report | Due in **May** |\n');
    expect(text).toBe('Fees below.\nItem Rule\nRegistered agent Yes, an address in the state\nAnnual report Due in May');
  });

  it('keeps blocks, list items and line breaks on their own lines', () => {
    expect(markdownToText('# Title\n\nOne\\\ntwo\n\n- a\n- b\n')).toBe('Title\nOne\ntwo\na\nb');
  });
});
