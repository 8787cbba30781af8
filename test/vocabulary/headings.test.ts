import { describe, expect, it } from 'vitest';
import { BIO_HEADING, BOILERPLATE_HEADING, RELATED_HEADING, TRANSLATION_HEADING } from '../../src/vocabulary/headings.js';
import { BOILERPLATE_LINES, TEXT_DUMP_LINES } from '../../src/vocabulary/lines.js';

// One table per kind of heading, read by every stage: a heading one reader knew used to be unknown
// to the others ("Lire aussi" opened a related block for the metadata reader, but the HTML pruner
// and the line dropper kept it as article text).
describe('heading vocabulary', () => {
  it('a related heading of any language is known to the pruner, the metadata reader and the line dropper', () => {
    for (const heading of ['Lire aussi', 'Ähnliche Artikel', 'Notícias relacionadas', 'Related articles', 'More from The Times', 'You may also like:']) {
      expect(RELATED_HEADING.test(heading), heading).toBe(true);
      expect(BOILERPLATE_HEADING.test(heading), heading).toBe(true);
    }
    expect(BOILERPLATE_LINES['inline-related']!.test('lire aussi : les critiques de la cnil')).toBe(true);
    expect(BOILERPLATE_LINES['inline-related']!.test('more info: call us')).toBe(false);
  });

  it('author-bio and translation headings are one list each, with either apostrophe', () => {
    for (const heading of ['About the author', "À propos de l'auteur", 'À propos de l’auteur', 'Über den Autor']) {
      expect(BIO_HEADING.test(heading), heading).toBe(true);
      expect(BOILERPLATE_HEADING.test(heading), heading).toBe(true);
    }
    expect(TEXT_DUMP_LINES.threadOpener.test('Über den Autor Max Muster')).toBe(true);
    for (const heading of ['Also available in:', 'Disponible en', 'Other languages']) expect(TRANSLATION_HEADING.test(heading), heading).toBe(true);
  });

  it('a heading that only starts like one is not one', () => {
    expect(BOILERPLATE_HEADING.test('More information')).toBe(false);
    expect(RELATED_HEADING.test('Related work in the field of optics')).toBe(false);
  });
});
