import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, metadataJson } from '../src/index.js';
import { listFixtures } from './helpers/fixtures.js';
import { schemaErrors } from './helpers/schema.js';

const fixtures = listFixtures('fixtures');

describe('golden fixtures (regenerate with npm run fixtures:update)', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const result = await convert(readFileSync(fixture.input), fixture.options);
      expect(schemaErrors(result.metadata)).toBeNull();
      expect(result.markdown).toBe(readFileSync(join(fixture.dir, 'expected.md'), 'utf8'));
      expect(metadataJson(result.metadata)).toBe(readFileSync(join(fixture.dir, 'expected.json'), 'utf8'));
    });
  }
});
