import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { page, tempDir, writeTree } from '../batch/helpers.js';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CLI = fileURLToPath(new URL('./unboil-dev.ts', import.meta.url));
/** util-linux `script` runs a command on a pseudo-terminal; the test is skipped without it. */
const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * The screen a terminal shows for `output`, as rows of text: line feeds, carriage returns,
 * erase-line (CSI K, 1K, 2K), cursor-to-column (CSI G), cursor up/down (CSI A, B) and save/restore
 * of the cursor (ESC 7, ESC 8) move a cursor over a grid; other escape sequences are ignored. So
 * text drawn over other text shows as it would.
 */
function screen(output: string): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  let saved: [number, number] = [0, 0];
  const at = (r: number) => (rows[r] ??= []);
  for (let i = 0; i < output.length; i++) {
    const ch = output[i]!;
    if (ch === '\n') {
      row++;
      col = 0;
      at(row);
    } else if (ch === '\r') {
      col = 0;
    } else if (ch === '\x1b') {
      const csi = /^\x1b\[(\??)(\d*)(?:;\d*)*([A-Za-z])/.exec(output.slice(i, i + 16));
      if (csi) {
        const n = csi[2] === '' ? 0 : Number(csi[2]);
        const line = at(row);
        if (csi[3] === 'K') rows[row] = n === 2 ? [] : n === 1 ? line.map((c, k) => (k <= col ? ' ' : c)) : line.slice(0, col);
        if (csi[3] === 'G') col = Math.max(0, n - 1);
        if (csi[3] === 'A') row = Math.max(0, row - Math.max(1, n));
        if (csi[3] === 'B') row += Math.max(1, n);
        i += csi[0].length - 1;
      } else if (output[i + 1] === '7') {
        saved = [row, col];
        i++;
      } else if (output[i + 1] === '8') {
        [row, col] = saved;
        i++;
      }
    } else {
      const line = at(row);
      while (line.length < col) line.push(' ');
      line[col++] = ch;
    }
  }
  return rows.map((r) => (r ?? []).join('').replace(/\s+$/, ''));
}

describe('on a terminal', { timeout: 600_000 }, () => {
  it.skipIf(!hasScript)('Ctrl-C during a batch: the progress bar is cleared before each message, none is drawn over', async () => {
    const root = await tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`in/p${String(i).padStart(2, '0')}.html`] = page(i, 40);
    await writeTree(root, files);
    const command = [process.execPath, '--import', TSX, CLI, 'in', '-o', 'out', '-j', '1'].map((a) => `'${a}'`).join(' ');
    // COLUMNS: a fixed width, so the bar fits on one line.
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: root, env: { ...process.env, COLUMNS: '100', TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Ctrl-C once the bar shows some progress: the terminal turns it into SIGINT.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/ [1-9]\d*\/60 \|/.test(output)) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    });
    child.stdin.write('\x03');
    const code = await done;
    const lines = screen(output).filter((l) => l !== '' && l !== '^C');
    expect(code).toBe(130);
    const messages = lines.filter((l) => l.includes('unboil:'));
    expect(messages.map((l) => l.replace(/^\^C/, ''))).toEqual([
      'unboil: SIGINT: stopping; outputs already complete are kept',
      expect.stringMatching(/^unboil: \d+ inputs: \d+ ok, \d+ warning, 0 error, \d+ skipped in [\d.]+ s/),
      'unboil: interrupted: rerun the same command to resume',
    ]);
    // No bar left on screen at the end.
    expect(lines.at(-1)).toBe('unboil: interrupted: rerun the same command to resume');
  });
});
