import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { VFile } from 'vfile';

/** Parse Markdown, run one remark plugin, print the tree again. */
export async function runPlugin(plugin: Plugin<[], Root>, markdown: string): Promise<string> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  await unified().use(plugin).run(tree, new VFile());
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*' }).stringify(tree).trim();
}

export function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
}
