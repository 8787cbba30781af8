/**
 * The defuddle peer as its README runs it in Node: linkedom parses the page, defuddle picks the
 * article and writes Markdown (`markdown: true`). `useAsync: false`: never reach for the network.
 */
import type { Converter, LoadConverter } from './types.js';

export const load: LoadConverter = async (): Promise<Converter> => {
  const { parseHTML } = await import('linkedom');
  const { Defuddle } = await import('defuddle/node');
  const decoder = new TextDecoder('utf-8');
  return async (bytes, url) => {
    const { document } = parseHTML(decoder.decode(bytes));
    // What defuddle's own linkedom adapter (utils/linkedom-compat) adds for its DOM needs.
    const doc = document as unknown as { styleSheets?: unknown[]; defaultView?: { getComputedStyle?: unknown }; URL: string };
    if (!doc.styleSheets) doc.styleSheets = [];
    if (doc.defaultView && !doc.defaultView.getComputedStyle) doc.defaultView.getComputedStyle = () => ({ display: '' });
    if (url) doc.URL = url;
    const result = await Defuddle(document as never, url, { markdown: true, useAsync: false });
    return result.content;
  };
};
