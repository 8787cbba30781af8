/**
 * The pages of a corpus half read as the page type classifier reads them: each page parsed and
 * its metadata read (src/metadata, which classifies it), with the classifier's features. Shared by
 * scripts/page-type-accuracy.ts and scripts/train-page-type.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VFile } from 'vfile';
import { readManifest, type CorpusEntry } from '../bench/corpus.js';
import { pageTypeOf, selectHalf, type Half } from '../bench/halves.js';
import { readHtml } from '../src/read/html.js';
import readMetadata, { pageSignals } from '../src/metadata/index.js';
import { pageFeatures, type Features } from '../src/metadata/page-type.js';
import type { PageType } from '../src/types.js';

export const DEFAULT_CORPUS = '/work/shared/corpus/wcxb-dev';

export interface TypedPage {
  id: string;
  url: string | null;
  truth: string;
  predicted: PageType;
  features: Features;
  /** Milliseconds spent in the classifier (features and model), measured apart from the rest. */
  ms: number;
}

export function corpusHalf(corpus: string, half: Half | null): CorpusEntry[] {
  return selectHalf(readManifest(corpus), half).filter((e) => pageTypeOf(e) !== null);
}

/** Read one page: its predicted type (through readMetadata) and its features. */
export async function typePage(corpus: string, entry: CorpusEntry): Promise<TypedPage> {
  const raw = readFileSync(join(corpus, entry.doc));
  const bytes = entry.doc.endsWith('.gz') ? gunzipSync(raw) : raw;
  const file = new VFile({ path: entry.doc });
  const tree = await readHtml(new Uint8Array(bytes), file);
  const options = { baseUrl: entry.url || null };
  readMetadata(options)(tree, file);
  const start = performance.now();
  const features = pageFeatures(tree, pageSignals(file, options));
  const ms = performance.now() - start;
  return { id: entry.id, url: entry.url ?? null, truth: pageTypeOf(entry)!, predicted: file.data.pageType!, features, ms };
}
