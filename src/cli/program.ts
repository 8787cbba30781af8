import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { VERSION } from '../version.js';
import { DEFAULT_EXTENSIONS } from '../batch/discover.js';

export interface CliOptions {
  from: 'auto' | 'html' | 'pdf' | 'text';
  json?: boolean;
  ndjson?: boolean;
  outDir?: string;
  output?: string;
  frontMatter?: boolean;
  title: boolean;
  baseUrl?: string;
  rules?: string;
  explain?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  maxBytes: number;
  filesFrom?: string;
  null?: boolean;
  include: string[];
  exclude: string[];
  ext?: string[];
  hidden?: boolean;
  unordered?: boolean;
  check?: boolean;
  force?: boolean;
  jobs: number;
  timeout: number;
  maxPerWorker: number;
  maxMemory: number;
  report?: string;
  shard?: string;
  fsync: boolean;
}

const HELP_AFTER = `
Examples:
  unboil page.html                      print the article as Markdown
  unboil page.html --json               print its metadata as JSON
  curl -s URL | unboil - > article.md   read a page from stdin
  unboil page.html -o page.md           write page.md (--json: and page.json beside it)
  unboil a.html b.pdf notes.txt -o out  write out/a.md + out/a.json, ...
  unboil *.html --ndjson | jq .metadata.title
  unboil page.html --front-matter --base-url https://example.com/
  unboil archive/ -o out --report run.jsonl   mirror a tree; rerun to resume
  unboil pages/ -o expected --check     CI: fail (exit 3) when outputs are stale
  find . -name '*.html' -print0 | unboil --files-from - -0 --ndjson
  unboil archive/ -o out --shard 2/8    convert the 2nd of 8 disjoint shards
  unboil crawl.warc.gz -o out           a web archive (WARC or WACZ): one output per page captured

Output: one input goes to stdout, or to the file -o FILE.md / --output FILE; -o DIR (a directory,
or a path not ending in .md) mirrors the inputs into DIR.

Batch: inputs are files, directories (walked recursively; hidden entries skipped and counted,
see --hidden) and globs;
directories and globs take ${DEFAULT_EXTENSIONS.join(' ')} (see --ext). WARC and WACZ
files, told by their bytes, are read record by record: each 2xx HTML, XHTML or PDF capture is an
input, written to DIR/HOST/PATH.md from its URL; skipped records are counted by reason. With --out-dir the
input tree is mirrored; outputs are written atomically; inputs whose outputs were made from the
same bytes by the same version and options are skipped (--force redoes them). Ctrl-C stops
cleanly (exit 130): rerun the same command to resume.

Exit codes:
  0  every input converted
  1  some inputs failed (each error names the file and the cause; the rest were converted)
  2  usage error: bad option value or argument, no input file found, or an output location
     (--report, -o) that cannot be written; nothing was converted
  3  --check found outputs that are stale, missing or orphaned
  4  converted, but some inputs had no text (a scanned PDF needs OCR); metadata written
  130  interrupted (Ctrl-C); complete outputs are kept, rerun the same command to resume
  141  the reader of stdout went away (| head): stopped cleanly
  143  terminated (SIGTERM): as 130
`;

export function buildProgram(): Command {
  return new Command()
    .name('unboil')
    .description('Turn scraped article pages (HTML, PDF or scraped text) into clean Markdown of the article alone, plus JSON metadata.')
    .version(VERSION, '-V, --version', 'print the version')
    .argument('[input...]', 'files, directories or globs; none or "-" reads stdin')
    .addOption(new Option('--from <kind>', 'input kind; auto sniffs the content').choices(['auto', 'html', 'pdf', 'text']).default('auto'))
    .option('--json', 'print the metadata JSON instead of the Markdown')
    .option('--ndjson', 'print one JSON line per input: {"path","status","markdown","metadata"} (or "error")')
    .option('-o, --out-dir <dir>', 'mirror the inputs into DIR: a/page.html -> DIR/a/page.md + DIR/a/page.json; with one input, a path ending in .md that is not a directory is the output file (see --output)')
    .option('--output <file>', 'one input: write its Markdown to FILE instead of stdout (with --json, the metadata goes beside it, FILE with .json for its extension)')
    .option('--front-matter', 'start the Markdown with a YAML block of the metadata')
    .option('--no-title', 'leave the "# Title" line out of the Markdown')
    .option('--base-url <url>', 'resolve relative links against URL when the page gives no base')
    .option('--rules <file>', 'apply per-host drop/keep CSS selectors from FILE (YAML or JSON) before the heuristics')
    .option('--explain', 'list every block removed, with its rule, in the JSON warnings and the --report lines; on stderr for one input (a batch: with -v)')
    .option('-q, --quiet', 'print no warnings on stderr')
    .option('-v, --verbose', 'print each file as it is converted, with its warnings (a batch prints warnings only then)')
    .addOption(new Option('--max-bytes <n>', 'refuse inputs larger than N bytes').default(200 * 1024 * 1024).argParser(parsePositiveInt))
    .option('--files-from <file>', 'read input paths from FILE, one a line ("-" for stdin)')
    .option('-0, --null', 'with --files-from: paths are separated by NUL (find -print0)')
    .option('--include <glob>', 'take only files matching GLOB (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip files and directories matching GLOB (repeatable)', collect, [])
    .option('--ext <list>', 'extensions taken from directories and globs (default html,htm,xhtml,pdf,txt,md,warc,warc.gz,wacz)', parseExtensions)
    .option('--hidden', 'walk hidden (dot) files and directories too')
    .option('--unordered', 'with --ndjson: print lines as documents finish, not in input order')
    .option('--check', 'convert in memory and compare with the files in --out-dir; write nothing; exit 3 if any differ, or a file there is made by no input (orphan)')
    .option('--force', 'convert every input even when its outputs are up to date')
    .addOption(new Option('-j, --jobs <n>', 'documents converted at once (worker threads)').default(availableParallelism(), 'available CPUs').argParser(parsePositiveInt))
    .addOption(new Option('--timeout <seconds>', 'stop a document still converting after SECONDS, or SECONDS for each 4 MB of a larger one (one input too, when it is 512 KB or more; a smaller one is done in well under a second)').default(60).argParser(parsePositiveNumber))
    .addOption(new Option('--max-per-worker <n>', 'replace a worker thread after N documents (0: never)').default(5000).argParser(parseWholeNumber))
    .addOption(new Option('--max-memory <mb>', 'heap limit of each worker thread, in MB').default(2048).argParser(parsePositiveInt))
    .option('--report <file>', 'write one JSON line per input to FILE (path, status, outputs, sha256, bytes, ms, warnings, error)')
    .option('--shard <k/n>', "convert only the inputs of shard K of N (by output path hash; K from 1); a web archive's records are split too")
    .option('--no-fsync', 'do not fsync outputs before renaming them into place (faster; a power cut may lose recent ones)')
    .addHelpText('after', HELP_AFTER)
    .showHelpAfterError('(run "unboil --help" for usage)');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseExtensions(value: string): string[] {
  const list = value
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .map((e) => (e.startsWith('.') ? e : `.${e}`));
  if (list.length === 0) throw new InvalidArgumentError('expected a comma-separated list of extensions, e.g. html,pdf');
  return list;
}

// Commander reports an InvalidArgumentError as one line naming the option and the value, and
// main() turns it into exit 2; any other error thrown here would be an internal error.

function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds greater than 0, e.g. 60 or 0.5');
  return n;
}

function parseWholeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number, 1 or more (no unit suffix)');
  return n;
}
