import { describe, expect, it } from 'vitest';
import { formatPageTypeAccuracy, pageTypeAccuracy } from '../bench/page-type-accuracy.js';

describe('page-type accuracy (bench/page-type-accuracy.ts)', () => {
  it('is null ("not reported") while convert() has no pageType', () => {
    const a = pageTypeAccuracy([{ truth: 'article', guess: undefined }, { truth: 'forum', guess: undefined }]);
    expect(a).toBeNull();
    expect(formatPageTypeAccuracy(a)).toBe('pageType: not reported');
  });

  it('counts correct guesses per true type and names the commonest wrong guess', () => {
    const a = pageTypeAccuracy([
      { truth: 'article', guess: 'article' },
      { truth: 'article', guess: 'article' },
      { truth: 'article', guess: 'listing' },
      { truth: 'forum', guess: 'article' },
      { truth: 'forum', guess: null },
      { truth: 'forum', guess: null },
      { truth: 'product', guess: 'service' },
      { truth: 'product', guess: 'listing' }, // tie: alphabetically first wins
      { truth: 'service', guess: 'service' },
    ])!;
    expect(a.n).toBe(9);
    expect(a.correct).toBe(3);
    expect(a.accuracy).toBeCloseTo(1 / 3, 12);
    expect(a.types).toEqual([
      { type: 'article', n: 3, correct: 2, wrong: { guess: 'listing', count: 1 } },
      { type: 'forum', n: 3, correct: 0, wrong: { guess: 'null', count: 2 } },
      { type: 'product', n: 2, correct: 0, wrong: { guess: 'listing', count: 1 } },
      { type: 'service', n: 1, correct: 1, wrong: null },
    ]);
    expect(formatPageTypeAccuracy(a)).toBe(
      'pageType: accuracy 0.333 (3/9)  article 2/3 (else listing 1)  forum 0/3 (else null 2)  product 0/2 (else listing 1)  service 1/1',
    );
  });
});
