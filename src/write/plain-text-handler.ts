import type { Paragraph, Parents, Text } from 'mdast';
import { defaultHandlers, type Handle, type Options, type State, type Unsafe } from 'mdast-util-to-markdown';

/**
 * mdast-util-to-markdown's `text` handler, with a short cut for text that needs no escape.
 *
 * The library's handler hands every text node to `state.safe`, which runs each of its ~100
 * unsafe patterns in scope over the text (a regular expression per pattern, a slice per run) and
 * then looks for backslashes: most of the writing time of a page of many short paragraphs (wide
 * 8 MB: 7 of 11 s of `toMarkdown`). Most text has nothing to escape. `safe` escapes a character
 * only where a pattern in scope matches with its `character` inside the text, and then it returns
 * the text with its backslashes escaped; with no such match and no backslash, it returns the text
 * as it was. So when one regular expression made of every pattern in scope (each pattern's own
 * regular expression, without the node conditions `beforeNode`/`afterNode`, which only narrow it)
 * finds nothing in the text with its surroundings, and there is no backslash in the text or after
 * it, the text is written as it is: the bytes `safe` would return. Anything else goes to the
 * library's handler. test/write/plain-text-handler.test.ts checks both agree on random text.
 */
export const text: Handle = (node: Text, parent, state, info) => asWritten(node.value, state, info.before, info.after) ?? defaultHandlers.text(node, parent, state, info);

/** The text as `safe` returns it when nothing in it needs escaping (the text itself), else null. */
function asWritten(value: string, state: State, before = '', after = ''): string | null {
  if (value.includes('\\') || after.includes('\\') || anyInScope(state).test(before + value + after)) return null;
  return value;
}

/**
 * The paragraph handler for a paragraph of one text node (hast-util-to-mdast merges adjacent
 * text, so most paragraphs are one), with a short cut where the text needs no escape.
 *
 * The library's paragraph handler enters `paragraph` and `phrasing` and hands the paragraph to
 * `containerPhrasing`, which builds position trackers and info objects for its one child, calls
 * the text handler with the paragraph's own `before` and `after`, and then pairs emphasis markers
 * over the result (`serialize`): with no emphasis in it, it returns the text handler's string. So
 * for one text node it returns what the text handler returns, in the same scope: written here
 * directly (the rest was about half of the writing time of a page of 300,000 short paragraphs).
 * Any other paragraph, or one whose text needs escaping, or the first paragraph of a task list
 * item (which mdast-util-gfm writes with its check box), goes to `fallback`: the paragraph
 * handler `extensions` configure (mdast-util-gfm's, which calls the library's). The tests in
 * test/write/plain-text-handler.test.ts compare both on random trees.
 */
export function paragraphHandler(extensions: NonNullable<Options['extensions']>): Handle {
  const fallback = handlerIn(extensions, 'paragraph') ?? defaultHandlers.paragraph;
  return (node: Paragraph, parent: Parents | undefined, state, info) => {
    const only = node.children.length === 1 ? node.children[0]! : null;
    if (only?.type !== 'text' || (parent?.type === 'listItem' && typeof parent.checked === 'boolean')) return fallback(node, parent, state, info);
    const exit = state.enter('paragraph');
    const subexit = state.enter('phrasing');
    const value = asWritten(only.value, state, info.before, info.after);
    subexit();
    exit();
    return value ?? fallback(node, parent, state, info);
  };
}

/** The handler of `type` that a list of extensions sets (the last one, as mdast-util-to-markdown configures them). */
function handlerIn(extensions: NonNullable<Options['extensions']>, type: keyof NonNullable<Options['handlers']>): Handle | undefined {
  let found: Handle | undefined;
  for (const extension of extensions) {
    found = (extension.extensions && handlerIn(extension.extensions, type)) || found;
    found = (extension.handlers?.[type] as Handle | undefined) ?? found;
  }
  return found;
}

/** Per serialisation (its `unsafe` list) and construct stack: the patterns in scope as one expression. */
const UNIONS = new WeakMap<Unsafe[], Map<string, RegExp>>();

/** Matches every string: a scope with a pattern in Unicode mode is left to the library. */
const EVERYTHING = /(?:)/;
/** Matches no string: a scope where no pattern applies. */
const NOTHING = /(?!)/;

function anyInScope(state: State): RegExp {
  let byStack = UNIONS.get(state.unsafe);
  if (!byStack) UNIONS.set(state.unsafe, (byStack = new Map()));
  const key = state.stack.join(' ');
  let union = byStack.get(key);
  if (!union) {
    const patterns = state.unsafe.filter((pattern) => inScope(state.stack, pattern.inConstruct, true) && !inScope(state.stack, pattern.notInConstruct, false));
    union = patterns.some((pattern) => pattern.unicode) ? EVERYTHING : patterns.length === 0 ? NOTHING : new RegExp(patterns.map(relaxedSource).join('|'));
    byStack.set(key, union);
  }
  return union;
}

/** mdast-util-to-markdown's `patternInScope` half: whether any of `list` is on the stack (`none` for no list). */
function inScope(stack: State['stack'], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (!list || list.length === 0) return none;
  return typeof list === 'string' ? stack.includes(list) : list.some((name) => stack.includes(name));
}

/**
 * The library's compilePattern source, without `^` for `beforeNode` and `$` for `afterNode`: it
 * matches wherever the library's expression matches (and more), in the whole string `safe` builds.
 */
function relaxedSource(pattern: Unsafe): string {
  const before = (pattern.atBreak ? '[\\r\\n][\\t ]*' : '') + (pattern.before ? `(?:${pattern.before})` : '');
  const character = (/[$()*+.?[\\\]^{|}]/.test(pattern.character) ? '\\' : '') + pattern.character;
  const after = !pattern.afterNode && pattern.after ? `(?:${pattern.after})` : '';
  return `${pattern.beforeNode ? '' : before}${character}${after}`;
}
