import { parse } from 'yaml';
import { selectAll } from 'hast-util-select';
import type { UserRule, UserRules } from '../types.js';
import { UnboilError } from '../errors.js';

/**
 * Read a user rules file (`--rules FILE`, YAML or JSON; JSON is YAML): per-host CSS selectors of
 * blocks to drop and blocks to keep, for sites a user knows better than the heuristics.
 *
 * ```yaml
 * rules:
 *   - host: example.com        # also www.example.com and news.example.com; "*" for every page
 *     drop: [".newsletter-box", "aside.promo"]
 *     keep: ["div.story-body"]
 * ```
 *
 * A top-level list of rules is accepted too. Every selector is checked here, so a typo fails at
 * start-up with its place, not silently on every page.
 */
export function parseRules(text: string, name = 'rules'): UserRules {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UnboilError('INVALID_RULES', `${name}: not valid YAML or JSON: ${(error as Error).message}`);
  }
  return checkRules(data, name);
}

/**
 * Check rules given as data (parsed from a file, or passed to `convert()`): `{rules: [...]}` or a
 * list of `{host, drop, keep}`. Returns them normalised (host trimmed and lower-cased, selectors
 * as lists); throws an `INVALID_RULES` UnboilError naming the first fault.
 */
export function checkRules(data: unknown, name = 'rules'): UserRules {
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.rules) ? data.rules : null;
  if (!list) throw new UnboilError('INVALID_RULES', `${name}: expected "rules:" with a list of {host, drop, keep}`);
  const rules: UserRule[] = list.map((entry, i) => readRule(entry, `${name}: rule ${i + 1}`));
  return { rules };
}

function readRule(entry: unknown, where: string): UserRule {
  if (!isObject(entry)) throw new UnboilError('INVALID_RULES', `${where}: expected an object with host, drop, keep`);
  const host = entry.host;
  if (typeof host !== 'string' || host.trim() === '') throw new UnboilError('INVALID_RULES', `${where}: "host" must be a host name or "*"`);
  for (const key of Object.keys(entry)) {
    if (!['host', 'drop', 'keep'].includes(key)) throw new UnboilError('INVALID_RULES', `${where}: unknown key "${key}" (use host, drop, keep)`);
  }
  return { host: host.trim().toLowerCase(), drop: selectors(entry.drop, `${where}: drop`), keep: selectors(entry.keep, `${where}: keep`) };
}

function selectors(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) throw new UnboilError('INVALID_RULES', `${where}: expected a CSS selector or a list of them`);
  for (const selector of list) {
    try {
      selectAll(selector, { type: 'root', children: [] });
    } catch (error) {
      throw new UnboilError('INVALID_RULES', `${where}: bad CSS selector "${selector}": ${(error as Error).message}`);
    }
  }
  return list;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rules that apply to a page's host: `example.com` covers its subdomains; `*` covers all. */
export function rulesForHost(rules: UserRules | null | undefined, host: string | null): UserRule[] {
  if (!rules) return [];
  const h = (host ?? '').toLowerCase().replace(/\.$/, '');
  return rules.rules.filter((r) => r.host === '*' || (h !== '' && (h === r.host || h.endsWith(`.${r.host}`))));
}
