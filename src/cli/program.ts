import { Command, Option } from 'commander';
import { VERSION } from '../version.js';

export interface CliOptions {
  from: 'auto' | 'html' | 'pdf' | 'text';
  json?: boolean;
  ndjson?: boolean;
  outDir?: string;
  frontMatter?: boolean;
  title: boolean;
  baseUrl?: string;
  explain?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  maxBytes: number;
}

const HELP_AFTER = `
Examples:
  unboil page.html                      print the article as Markdown
  unboil page.html --json               print its metadata as JSON
  curl -s URL | unboil - > article.md   read a page from stdin
  unboil a.html b.pdf notes.txt -o out  write out/a.md + out/a.json, ...
  unboil *.html --ndjson | jq .metadata.title
  unboil page.html --front-matter --base-url https://example.com/

Exit codes:
  0  every input converted
  1  some inputs failed (each error names the file and the cause; the rest were converted)
  2  usage error (bad option or argument)
  3  --check found outputs that differ
`;

export function buildProgram(): Command {
  return new Command()
    .name('unboil')
    .description('Turn scraped article pages (HTML, PDF or scraped text) into clean Markdown of the article alone, plus JSON metadata.')
    .version(VERSION, '-V, --version', 'print the version')
    .argument('[file...]', 'input files; none or "-" reads stdin')
    .addOption(new Option('--from <kind>', 'input kind; auto sniffs the content').choices(['auto', 'html', 'pdf', 'text']).default('auto'))
    .option('--json', 'print the metadata JSON instead of the Markdown')
    .option('--ndjson', 'print one line {"markdown","metadata"} per input')
    .option('-o, --out-dir <dir>', 'write <name>.md and <name>.json per input into DIR')
    .option('--front-matter', 'start the Markdown with a YAML block of the metadata')
    .option('--no-title', 'leave the "# Title" line out of the Markdown')
    .option('--base-url <url>', 'resolve relative links against URL when the page gives no base')
    .option('--explain', 'list every block removed, with its rule, on stderr and in the JSON warnings')
    .option('-q, --quiet', 'print no warnings on stderr')
    .option('-v, --verbose', 'print each file as it is converted')
    .addOption(new Option('--max-bytes <n>', 'refuse inputs larger than N bytes').default(200 * 1024 * 1024).argParser(parsePositiveInt))
    .addHelpText('after', HELP_AFTER)
    .showHelpAfterError('(run "unboil --help" for usage)');
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive whole number: ${value}`);
  return n;
}
