import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { UnboilError } from '../../errors.js';

/** PDF bytes -> hast. (PDF support arrives with the PDF reader; until then a clear error.) */
export async function readPdf(_bytes: Uint8Array, _file: VFile): Promise<Root> {
  throw new UnboilError('PDF_INVALID', 'PDF input is not supported yet');
}
