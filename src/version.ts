import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { name: string; version: string };

/** unboil's version, from package.json (the one place it is written). */
export const VERSION: string = pkg.version;
