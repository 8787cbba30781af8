import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { FIELDS } from '../../src/types.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/metadata.schema.json', import.meta.url), 'utf8')) as { required: string[] };

describe('metadata assembly (metadata/assemble.ts)', () => {
  it('draws the fields, in the schema order, from FIELDS', () => {
    expect(Object.keys(FIELDS)).toEqual(schema.required.slice(0, schema.required.indexOf('fieldSources')));
  });

  it('orders fieldSources as FIELDS, the capture URL and the page type included', async () => {
    const page = `<html lang="en"><head><meta name="description" content="A quay reopens."><title>Quay Reopens</title></head><body><article><h1>Quay Reopens</h1><p>${'The harbour board met on Tuesday and agreed to reopen the northern quay to small boats. '.repeat(4)}</p></article></body></html>`;
    const { metadata } = await convert(page, { url: 'https://harbour.example/quay' });
    expect(Object.keys(metadata.fieldSources)).toEqual(['title', 'lang', 'url', 'description', 'pageType']);
    expect(metadata.fieldSources.url).toBe('capture');
    expect(metadata.url).toBe('https://harbour.example/quay');
    expect(metadata.warnings.map((w) => w.rule)).toEqual(['no-date']);
  });
});
