/**
 * Regenerate every golden fixture's expected.md and expected.json after an intended change:
 *   npm run fixtures:update            (then review `git diff fixtures/`)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, metadataJson } from '../src/index.js';
import { listFixtures } from '../test/helpers/fixtures.js';

const only = process.argv.slice(2);
for (const fixture of listFixtures('fixtures')) {
  if (only.length > 0 && !only.includes(fixture.name)) continue;
  const result = await convert(readFileSync(fixture.input), fixture.options);
  writeFileSync(join(fixture.dir, 'expected.md'), result.markdown);
  writeFileSync(join(fixture.dir, 'expected.json'), metadataJson(result.metadata));
  process.stdout.write(`updated ${fixture.name}\n`);
}
