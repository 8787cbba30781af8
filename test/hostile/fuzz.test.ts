import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { convert, isUnboilError, metadataJson } from '../../src/index.js';
import type { ConvertResult } from '../../src/types.js';
import { articlePage, tinyPdf } from '../../scripts/hostile-inputs.js';
import { schemaErrors } from '../helpers/schema.js';

/**
 * Property-based: random and mutated HTML, text and PDF bytes. Each run ends in a result or a typed
 * error with a code; the Markdown re-parses; the JSON validates; the same input gives the same
 * output twice. Seeded and small, so CI runs it in seconds and a failure replays exactly.
 */
const RUNS = 25;
const SEED = 8;

type Outcome = { ok: true; markdown: string; json: string } | { ok: false; code: string };

async function outcome(bytes: Uint8Array, from?: 'html' | 'text' | 'pdf'): Promise<Outcome> {
  let result: ConvertResult;
  try {
    result = await convert(bytes, { path: 'fuzz', ...(from ? { from } : {}) });
  } catch (error) {
    if (!isUnboilError(error)) throw error;
    expect(error.code).toMatch(/^[A-Z_]+$/);
    return { ok: false, code: error.code };
  }
  expect(schemaErrors(result.metadata)).toBeNull();
  unified().use(remarkParse).parse(result.markdown);
  return { ok: true, markdown: result.markdown, json: metadataJson(result.metadata) };
}

async function endsTheSameTwice(bytes: Uint8Array, from?: 'html' | 'text' | 'pdf'): Promise<void> {
  const first = await outcome(bytes, from);
  const second = await outcome(bytes, from);
  expect(second).toEqual(first);
}

const TAGS = ['p', 'div', 'a', 'b', 'i', 'em', 'strong', 'table', 'tr', 'td', 'ul', 'li', 'h1', 'h2', 'pre', 'code', 'blockquote', 'script', 'style', 'img', 'br', 'span', 'article', 'nav', 'svg', 'math', 'template', 'select', 'iframe', 'textarea', 'title', 'meta'];
const ATTRS = [' href="javascript:x"', ' href="/rel"', ' src="data:x"', ' class="share"', ' id="main"', ' charset="shift_jis"', ' content="text/html; charset=koi8-r"', ' http-equiv="content-type"', ' rowspan="999999"', ' colspan="-1"', ''];

/** HTML-ish token soup: tags opened and closed in any order, attributes, entities, text. */
const htmlSoup = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([tag, attr]) => `<${tag}${attr}>`),
      fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
      fc.constantFrom('&amp;', '&#0;', '&#x110000;', '&nbsp;', '&bogus;', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', '\u0000', '\uFFFD', '\r\n', '*', '_', '`', '#', '>', '[', ']', '(', ')', '|', '\\', '---'),
      fc.string({ maxLength: 20 }),
      fc.lorem({ maxCount: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Flip, drop or insert bytes of a valid input. */
function mutate(base: Uint8Array) {
  return fc
    .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'drop', 'insert')), { minLength: 1, maxLength: 12 })
    .map((edits) => {
      const bytes = Array.from(base);
      for (const [at, value, kind] of edits) {
        const i = at % Math.max(1, bytes.length);
        if (kind === 'set') bytes[i] = value;
        else if (kind === 'drop') bytes.splice(i, 1);
        else bytes.splice(i, 0, value);
      }
      return new Uint8Array(bytes);
    });
}

const page = new TextEncoder().encode(articlePage('<p>Some <b>bold</b> words and <a href="/x">a link</a> in a paragraph long enough to read.</p><ul><li>one</li><li>two</li></ul>'));
const pdf = tinyPdf('A short PDF paragraph for mutation.');

describe('fuzzing: conversion ends, re-parses, validates, and is deterministic', () => {
  it('random HTML soup', async () => {
    await fc.assert(fc.asyncProperty(htmlSoup, async (html) => endsTheSameTwice(new TextEncoder().encode(html), 'html')), { numRuns: RUNS, seed: SEED });
  });

  it('mutated HTML bytes (sniffed)', async () => {
    await fc.assert(fc.asyncProperty(mutate(page), async (bytes) => endsTheSameTwice(bytes)), { numRuns: RUNS, seed: SEED });
  });

  it('random bytes of any kind (sniffed)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), async (bytes) => endsTheSameTwice(bytes)), { numRuns: RUNS, seed: SEED });
  });

  it('random text, Markdown-ish', async () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\n', '\n\n', '> ', '- ', '1. ', '# ', '```', '|', '**', '_', '[a](javascript:x)', '<div>', '    ')), { maxLength: 80 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(text, async (value) => endsTheSameTwice(new TextEncoder().encode(value), 'text')), { numRuns: RUNS, seed: SEED });
  });

  it('mutated PDF bytes', async () => {
    await fc.assert(fc.asyncProperty(mutate(pdf), async (bytes) => endsTheSameTwice(bytes, 'pdf')), { numRuns: 10, seed: SEED });
  });
});
