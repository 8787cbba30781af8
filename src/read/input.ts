import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { InputFormat } from '../types.js';
import { readHtml } from './html.js';

/**
 * An input's bytes -> the page's hast, by its format: the one place each reader is chosen (convert.ts;
 * bench/stages.ts, which runs the pipeline a stage at a time).
 */
export async function readInput(format: InputFormat, bytes: Uint8Array, file: VFile, charset: string | null): Promise<Root> {
  switch (format) {
    case 'html':
      return readHtml(bytes, file, charset);
    case 'text': {
      // Loaded only when text arrives: the Markdown parser (micromark) is many modules to start.
      const { readText } = await import('./text/index.js');
      return readText(bytes, file);
    }
    case 'pdf': {
      // Loaded only when a PDF arrives: pdfjs-dist is large and slow to start.
      const { readPdf } = await import('./pdf/index.js');
      return readPdf(bytes, file);
    }
  }
}
