import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/read/decode.js';

describe('decodeHtml', () => {
  it('reads a page re-saved as UTF-8 that still declares a legacy charset as UTF-8', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>人工智能迈上新台阶，新电脑已可利用记忆自学。</p></body></html>`;
    const decoded = await decodeHtml(new TextEncoder().encode(page));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.how).toBe('declared-but-invalid');
    expect(decoded.text).toContain('人工智能迈上新台阶');
  });
  it('keeps a legacy declaration when the bytes are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'), 0xe9, 0x20, 0x92, 0x80, ...new TextEncoder().encode('</p>')]);
    const decoded = await decodeHtml(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('café ’€');
  });
});
