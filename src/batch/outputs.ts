import { mkdir, open, realpath, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { extensionOf, type Input } from './discover.js';

/** Where one input's outputs go under --out-dir. */
export interface OutputPlan {
  /** The mirrored path without extension, POSIX (`a/b/page`): the key of the resume journal. */
  key: string;
  md: string;
  json: string;
}

/** The outputs of an input: `DIR/a/b/page.html` -> `DIR/a/b/page.md` + `DIR/a/b/page.json`. */
export function planOutputs(outDir: string, input: Input): OutputPlan {
  const ext = extensionOf(input.rel);
  const key = ext ? input.rel.slice(0, -ext.length) : input.rel;
  const base = resolve(outDir, key);
  const root = resolve(outDir);
  // Names come from directory entries and never hold `/` or `..`; checked anyway, as a last guard.
  if (!base.startsWith(root + sep)) throw new Error(`output for ${input.path} would fall outside ${outDir}`);
  const shown = join(outDir, key);
  return { key, md: `${shown}.md`, json: `${shown}.json` };
}

/**
 * Problems that must stop a batch before any work: two inputs mapping to the same output, an
 * output that would overwrite an input, an input inside the output directory. Returns messages.
 */
export function conflicts(outDir: string, inputs: Input[]): string[] {
  const problems: string[] = [];
  const root = resolve(outDir) + sep;
  const inputPaths = new Set(inputs.map((i) => resolve(i.path)));
  const owners = new Map<string, string>();
  for (const input of inputs) {
    if (resolve(input.path).startsWith(root)) {
      problems.push(`${input.path} is inside --out-dir ${outDir}: its outputs would be read back as inputs; choose a separate output directory`);
      continue;
    }
    const plan = planOutputs(outDir, input);
    for (const out of [plan.md, plan.json]) {
      if (inputPaths.has(resolve(out))) problems.push(`${input.path} would be written over the input ${out}`);
    }
    const other = owners.get(plan.key);
    if (other) problems.push(`${other} and ${input.path} would both be written to ${join(outDir, plan.key)}.md/.json`);
    else owners.set(plan.key, input.path);
  }
  return problems;
}

/** The temporary name an output is written under before its rename (fixed, so a rerun replaces it). */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.unboil-tmp`);
}

/**
 * Write the Markdown, then the JSON (the JSON last: it is what marks an output complete), each
 * through a temporary file, fsync and rename, so a killed run or a reboot never leaves a partial
 * output. Refuses to write through a symbolic link that leads out of the output directory.
 */
export class OutputWriter {
  private readonly checkedDirs = new Set<string>();
  private root: string | null = null;

  constructor(
    private readonly outDir: string,
    private readonly sync: boolean,
  ) {}

  async write(plan: OutputPlan, markdown: string, json: string): Promise<void> {
    await this.prepareDir(dirname(plan.md));
    await this.writeFile(plan.md, markdown);
    await this.writeFile(plan.json, json);
  }

  /** Remove temporaries a killed run may have left for these outputs. */
  async removeLeftovers(plan: OutputPlan): Promise<void> {
    await rm(temporaryName(plan.md), { force: true });
    await rm(temporaryName(plan.json), { force: true });
  }

  private async prepareDir(dir: string): Promise<void> {
    if (this.checkedDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.root ??= await realpath(this.outDir);
    const real = await realpath(dir);
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      throw Object.assign(new Error(`${dir} leads outside the output directory (symbolic link); not written`), { code: 'EOUTSIDE' });
    }
    this.checkedDirs.add(dir);
  }

  private async writeFile(path: string, content: string): Promise<void> {
    const tmp = temporaryName(path);
    try {
      const handle = await openNew(tmp);
      try {
        await handle.writeFile(content);
        if (this.sync) await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Create a temporary file. `wx`: never follow a link planted at its name; one a killed run left
 * behind is removed first (only then: an unlink before every file would cost a call each).
 */
async function openNew(tmp: string): Promise<FileHandle> {
  try {
    return await open(tmp, 'wx', 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await rm(tmp, { force: true });
    return open(tmp, 'wx', 0o666);
  }
}
