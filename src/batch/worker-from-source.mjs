// The pool's worker when unboil runs from source (tests, `node --import tsx`): registers tsx in
// the worker thread, then loads worker.ts. Registering through tsx's API (rather than passing
// `--import tsx` to the thread) is what makes the pipeline's lazy `import('./x.js')` of .ts files
// resolve inside worker threads. Built code never uses this file: dist/batch/worker.js is plain JS.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');

export default worker.default;
