import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * unboil's version, from package.json (the one place it is written). The file is looked for up
 * from this module, since the module may be src/version.ts, dist/version.js or a chunk of the
 * bundled CLI in dist/bundle/.
 */
export const VERSION: string = readOwnPackage().version;

function readOwnPackage(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      if (pkg.name === 'unboil') return pkg;
    } catch {
      // no package.json here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('unboil: cannot find its own package.json');
    dir = parent;
  }
}
