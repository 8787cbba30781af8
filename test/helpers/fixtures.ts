import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConvertOptions } from '../../src/types.js';

/**
 * Golden fixtures: `fixtures/<case>/input.{html,pdf,txt,md}` with `expected.md` and
 * `expected.json`, and optionally `options.json` (ConvertOptions for that case). One place that
 * lists them, used by the golden test and by `npm run fixtures:update`.
 */
export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  options: ConvertOptions;
}

export function listFixtures(root: string): FixtureCase[] {
  if (!existsSync(root)) return [];
  const cases: FixtureCase[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const input = readdirSync(dir).find((f) => /^input\.[a-z]+$/.test(f));
    if (!input) continue;
    const optionsFile = join(dir, 'options.json');
    const extra = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as ConvertOptions) : {};
    cases.push({ name, dir, input: join(dir, input), options: { ...extra, path: `${name}/${input}` } });
  }
  return cases;
}
