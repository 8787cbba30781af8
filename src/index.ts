/** unboil: scraped article pages in, clean Markdown of the article plus JSON metadata out. */
export { convert } from './convert.js';
export { UnboilError, isUnboilError, type ErrorCode } from './errors.js';
export { VERSION } from './version.js';
export { metadataJson } from './write/json.js';
export type * from './types.js';
