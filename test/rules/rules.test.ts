import { describe, expect, it } from 'vitest';
import { parseRules, rulesForHost } from '../../src/rules/load-rules.js';
import { prose, run } from '../helpers/article.js';

describe('parseRules', () => {
  it('reads YAML and JSON', () => {
    const yaml = parseRules('rules:\n  - host: example.com\n    drop: [".promo"]\n    keep: "div.story"\n');
    expect(yaml.rules).toEqual([{ host: 'example.com', drop: ['.promo'], keep: ['div.story'] }]);
    const json = parseRules('[{"host": "*", "drop": ["aside"]}]');
    expect(json.rules[0]).toEqual({ host: '*', drop: ['aside'], keep: [] });
  });

  it('rejects bad selectors, unknown keys and missing hosts with their place', () => {
    expect(() => parseRules('rules:\n  - host: a.com\n    drop: ["div[["]\n', 'r.yaml')).toThrow(/r\.yaml: rule 1: drop: bad CSS selector/);
    expect(() => parseRules('rules:\n  - host: a.com\n    remove: ["p"]\n')).toThrow(/unknown key "remove"/);
    expect(() => parseRules('rules:\n  - drop: ["p"]\n')).toThrow(/host/);
    expect(() => parseRules('just text')).toThrow(/expected "rules:"/);
  });

  it('matches a host and its subdomains, or every host with *', () => {
    const rules = parseRules('rules:\n  - host: example.com\n  - host: "*"\n  - host: other.org\n');
    expect(rulesForHost(rules, 'www.example.com').map((r) => r.host)).toEqual(['example.com', '*']);
    expect(rulesForHost(rules, 'notexample.com').map((r) => r.host)).toEqual(['*']);
  });
});

describe('apply-user-rules', () => {
  const page = `<html><head><link rel="canonical" href="https://news.example.com/a"></head><body><div class="story">${prose('kept', 3)}<p class="promo">Buy the thing now, it is a great thing and you will love it for ever.</p></div><div class="extra">${prose('heuristic', 5)}</div></body></html>`;

  it('drops what drop selectors match, before the heuristics', async () => {
    const r = await run(page, { rules: parseRules('rules:\n  - host: example.com\n    drop: [".promo"]\n') });
    expect(r.markdown).not.toContain('Buy the thing');
    expect(r.rules).toContain('user-rule-drop');
  });

  it('keeps exactly what keep selectors match as the article', async () => {
    const r = await run(page, { rules: parseRules('rules:\n  - host: example.com\n    keep: [".story"]\n') });
    expect(r.markdown).toContain('kept story goes on, paragraph 3');
    expect(r.markdown).toContain('Buy the thing');
    expect(r.markdown).not.toContain('heuristic story');
    expect(r.rules).toContain('user-rule-keep');
  });

  it("takes the host from the base URL given when the page states no URL of its own", async () => {
    const anonymous = page.replace('<link rel="canonical" href="https://news.example.com/a">', '');
    const rules = parseRules('rules:\n  - host: example.com\n    keep: [".story"]\n');
    expect((await run(anonymous, { rules })).rules).not.toContain('user-rule-keep');
    const r = await run(anonymous, { rules, baseUrl: 'https://www.example.com/story' });
    expect(r.rules).toContain('user-rule-keep');
    expect(r.markdown).not.toContain('heuristic story');
  });

  it('ignores rules for other hosts', async () => {
    const r = await run(page, { rules: parseRules('rules:\n  - host: other.org\n    drop: ["p"]\n') });
    expect(r.markdown).toContain('paragraph 3');
  });
});
