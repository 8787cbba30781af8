import { describe, expect, it } from 'vitest';
import { scoreWcxbMeta, wcxbPredicted } from '../bench/meta-metric.js';

describe("WCXB's metadata metric (bench/meta-metric.ts scoreWcxbMeta)", () => {
  const pages = [
    { id: 'a', meta: { pageType: 'article', title: 'The  Headline', author: 'Ann Lee, Bo Chan', date: '2020-01-01' } },
    { id: 'b', meta: { pageType: 'forum', title: 'Thread', author: '', date: '2019-12-31' } },
  ];

  it('compares titles and joined authors after NFKC, spaces and case; dates by their first ten characters', () => {
    const preds = new Map([
      ['a', { title: 'the headline', authors: ['Ann Lee', 'Bo Chan'], published: '2020-01-01T00:30:00+01:00' }],
      ['b', { title: 'Thread - Site', authors: ['Someone'], published: '2019-12-31T23:30:00Z' }],
    ]);
    const { byType } = scoreWcxbMeta(pages, preds);
    expect(byType.get('')!.get('title')).toEqual({ n: 2, covered: 2, exact: 1 });
    // page b states no author: not scored, whatever is predicted
    expect(byType.get('')!.get('author')).toEqual({ n: 1, covered: 1, exact: 1 });
    expect(byType.get('')!.get('date')).toEqual({ n: 2, covered: 2, exact: 2 });
    expect(byType.get('forum')!.get('title')).toEqual({ n: 1, covered: 1, exact: 0 });
  });

  it('counts author order and a missing prediction as misses', () => {
    const preds = new Map([['a', { title: null, authors: ['Bo Chan', 'Ann Lee'], published: null }]]);
    const { byType, results } = scoreWcxbMeta(pages, preds);
    expect(byType.get('article')!.get('author')).toEqual({ n: 1, covered: 1, exact: 0 });
    expect(byType.get('article')!.get('title')).toEqual({ n: 1, covered: 0, exact: 0 });
    expect(results.find((r) => r.id === 'b' && r.field === 'date')).toMatchObject({ predicted: '', exact: false });
    expect(wcxbPredicted('date', { published: '2021-05-06T23:59:00-07:00' })).toBe('2021-05-06');
  });
});
