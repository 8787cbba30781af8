import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CLI = fileURLToPath(new URL('../cli/unboil-dev.ts', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the CLI (from source) in `cwd`; the child is returned so a test can signal it. */
export function startCli(args: string[], cwd: string, stdin?: string | Buffer): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (stdin !== undefined) child.stdin!.end(stdin);
  else child.stdin!.end();
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export function runCli(args: string[], cwd: string, stdin?: string | Buffer): Promise<CliRun> {
  return startCli(args, cwd, stdin).done;
}

export async function tempDir(prefix = 'unboil-batch-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A small article page: title, date, byline and a few paragraphs that differ per `n`. */
export function page(n: number, paragraphs = 4): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i + 1} of article ${n}: the harbour committee met again on Tuesday to discuss the dredging plan, the budget and the timetable for the works.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article ${n} | Example News</title>
<meta property="og:title" content="Article ${n}"><meta property="article:published_time" content="2024-03-0${(n % 9) + 1}">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>Article ${n}</h1>
<p class="byline">By Ana Writer</p>
${body}
</article></main><footer>Copyright Example News</footer></body></html>
`;
}

/** Write files: `{ 'a/b.html': '...' }` under `root`. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), content);
  }
}

/** Every file under `root`, as sorted POSIX paths relative to it (hidden ones included). */
export async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(dir, e.name), r);
      else out.push(r);
    }
  };
  await walk(root, '');
  return out.sort();
}

/** Parse a JSONL text. */
export function jsonl<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}
