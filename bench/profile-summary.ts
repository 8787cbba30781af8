/**
 * Summarise a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, the
 * packages / source files they live in, and (--inclusive NAME,...) the total time under named
 * functions. Used to say which functions dominate before and after an optimisation.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/speed.ts --corpus DIR --only unboil
 *   node --import tsx bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 25] [--inclusive a,b]
 */
import { readFileSync } from 'node:fs';
import { argValue } from './corpus.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv.slice(2).find((a) => a.endsWith('.cpuprofile'));
if (!file) {
  process.stderr.write('usage: bench/profile-summary.ts FILE.cpuprofile [--top N] [--inclusive NAME,...]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(argValue('--top', '25'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + dt);
  total += dt;
}

const where = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src|bench|dist)\/(.*)$/.exec(url);
  if (own) return `${own[1] === 'dist' ? 'src' : own[1]}/${own[2]!.replace(/\.js$/, '.ts')}`;
  return url || '(native)';
};
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;

const fnSelf = new Map<string, number>();
const placeSelf = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us);
  placeSelf.set(where(n), (placeSelf.get(where(n)) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n`);
print('self time by function', fnSelf);
print('self time by package / source file', placeSelf);

// Inclusive time under functions whose name matches: each sample counts once per name.
const names = (argValue('--inclusive') ?? '').split(',').filter(Boolean);
if (names.length > 0) {
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      for (const name of names) {
        if (!seen.has(name) && `${n.callFrame.functionName} ${where(n)}`.includes(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
      }
    }
  }
  print('inclusive time under', inclusive);
}

// Inclusive time per own source file (src/...): what each stage of the pipeline costs in total.
const fileInclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const place = where(byId.get(cur)!);
    if (place.startsWith('src/') && !seen.has(place)) {
      seen.add(place);
      fileInclusive.set(place, (fileInclusive.get(place) ?? 0) + us);
    }
  }
}
print('inclusive time by own source file', fileInclusive);

// --callers NAME: inclusive time under NAME, split by the nearest own (src/) function calling it.
const callee = argValue('--callers');
if (callee) {
  const callers = new Map<string, number>();
  for (const [id, us] of selfUs) {
    let cur: number | undefined = id;
    while (cur !== undefined && !`${byId.get(cur)!.callFrame.functionName} ${where(byId.get(cur)!)}`.includes(callee)) cur = parent.get(cur);
    if (cur === undefined) continue;
    // the outermost frame matching NAME, then the first own frame above it
    let outer: number = cur;
    for (let up = parent.get(cur); up !== undefined; up = parent.get(up)) {
      if (`${byId.get(up)!.callFrame.functionName} ${where(byId.get(up)!)}`.includes(callee)) outer = up;
    }
    let own = parent.get(outer);
    while (own !== undefined && !where(byId.get(own)!).startsWith('src/')) own = parent.get(own);
    const key = own === undefined ? '(none)' : label(byId.get(own)!);
    callers.set(key, (callers.get(key) ?? 0) + us);
  }
  print(`callers of ${callee}`, callers);
}
