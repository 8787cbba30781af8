// One huge page through convert(), in a process of its own (bench/hostile.ts, "huge pages"):
// prints one JSON line {ok, cpu, wall, rss, markdown, error}. Not a benchmark by itself. The heap
// grows as the command line lets it (src/cli/heap.ts, beside MODULE_URL's index).
//   node [--import tsx] bench/huge-convert.mjs MODULE_URL FILE
import { readFileSync } from 'node:fs';

const [moduleUrl, file] = process.argv.slice(2);
const { convert } = await import(moduleUrl);
(await import(new URL('./cli/heap.js', moduleUrl).href)).limitHeapGrowth();
const bytes = readFileSync(file);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let result;
try {
  const { markdown } = await convert(bytes, { path: file });
  result = { ok: true, markdown: markdown.length };
} catch (error) {
  result = { ok: false, error: `${error.code ?? error.name}: ${String(error.message).slice(0, 200)}` };
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ...result, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1000, rss: process.resourceUsage().maxRSS * 1024 }));
