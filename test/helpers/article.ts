import { convert } from '../../src/index.js';
import type { ConvertOptions } from '../../src/types.js';

/** Prose long enough to be scored as a paragraph (commas and length). */
export function prose(topic: string, n = 1): string {
  return Array.from({ length: n }, (_, i) => `<p>The ${topic} story goes on, paragraph ${i + 1}, with details, quotes, and enough words that any reader would call it prose rather than a label.</p>`).join('\n');
}

export async function run(html: string, options: ConvertOptions = {}) {
  const result = await convert(html, { title: false, explain: true, ...options });
  const rules = result.messages.map((m) => m.rule);
  return { ...result, rules };
}
