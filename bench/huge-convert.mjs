// One huge page through the command line as users run it (bench/hostile.ts, "huge pages"), in a
// process of its own: bin/unboil.cjs FILE -o OUT.md with its own settings (the worker thread, its
// --max-memory heap limit and --timeout, the heap growth of src/cli/heap.ts); at exit, prints one
// JSON line {ok, exit, cpu, wall, rss, markdown, error}: CPU time and peak RSS of the whole process,
// worker thread included. Not a benchmark by itself.
//   node [--import bench/no-network.mjs] bench/huge-convert.mjs BIN FILE OUT.md [CLI OPTION...]
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bin, file, out, ...options] = process.argv.slice(2);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let stderr = '';
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => {
  stderr += String(chunk);
  return write(chunk, ...rest);
};
process.on('exit', (code) => {
  const cpu = process.cpuUsage(cpu0);
  let markdown = null;
  try {
    markdown = statSync(out).size;
  } catch {
    // no output
  }
  const error = code === 0 ? undefined : stderr.trim().split('\n').pop()?.slice(0, 300);
  process.stdout.write(`${JSON.stringify({ ok: code === 0, exit: code, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1000, rss: process.resourceUsage().maxRSS * 1024, markdown, error })}\n`);
});
process.argv = [process.argv[0], bin, file, '-o', out, ...options];
createRequire(import.meta.url)(bin);
