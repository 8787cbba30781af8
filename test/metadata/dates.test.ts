import { describe, expect, it } from 'vitest';
import { arabicToEnglish, findDateText, normalizeDate } from '../../src/metadata/dates.js';

describe('normalizeDate', () => {
  it.each([
    ['2023-05-02T16:45:00-04:00', '2023-05-02T16:45:00-04:00'],
    ['2019-06-14', '2019-06-14'],
    ['2020-01-09T00:00:00Z', '2020-01-09'],
    ['2021/03/15', '2021-03-15'],
    ['May 20, 2019', '2019-05-20'],
    ['12 mars 2021', '2021-03-12'],
    ['3. März 2020', '2020-03-03'],
    ['15 de enero de 2021', '2021-01-15'],
    ['20 de março de 2019', '2019-03-20'],
    ['5 maggio 2018', '2018-05-05'],
    ['12 januari 2020', '2020-01-12'],
    ['5 марта 2021 г.', '2021-03-05'],
    ['2020年1月9日', '2020-01-09'],
    ['الخميس، ٩ يناير ٢٠٢٠', '2020-01-09'],
    ['٣ تشرين الأول ٢٠٢١', '2021-10-03'],
  ])('%s', (text, iso) => {
    expect(normalizeDate(text)).toBe(iso);
  });

  it('never takes a year alone (a copyright line) or a day without a year for a date', () => {
    expect(normalizeDate('2019')).toBeNull();
    expect(normalizeDate('© 2019')).toBeNull();
    expect(normalizeDate('May 20')).toBeNull();
  });
});

describe('findDateText', () => {
  it('finds the date inside a byline, with its place', () => {
    expect(findDateText('Joshua Sokol May 20, 2019')).toEqual({ index: 13, text: 'May 20, 2019' });
    expect(findDateText('Publicado em 20 de março de 2019 às 10h')?.text).toBe('20 de março de 2019');
  });
  it('does not read a month name alone as a date', () => {
    expect(findDateText('April Ryan')).toBeNull();
  });
});

describe('arabicToEnglish', () => {
  it('maps month names and drops weekdays for the English parser', () => {
    expect(arabicToEnglish('الخميس، 9 يناير 2020')).toBe('9 January 2020');
  });
});

describe('relative dates', () => {
  it('are not dates: unboil has no clock to anchor "today" or "2 hours ago"', () => {
    expect(normalizeDate('Updated today')).toBeNull();
    expect(normalizeDate('2 hours ago')).toBeNull();
    expect(findDateText('Kevin McCoy USA TODAY')).toBeNull();
  });
});
