import { describe, expect, it } from 'vitest';
import { isInvertedName, parseByline } from '../../src/metadata/authors.js';

describe('parseByline', () => {
  it.each([
    ['By Ana Souza, Piotr Nowak and Mei Chen', ['Ana Souza', 'Piotr Nowak', 'Mei Chen']],
    ['Von Hans Müller und Eva Schmidt', ['Hans Müller', 'Eva Schmidt']],
    ['Par Jean Dupont le 3 mars 2021', ['Jean Dupont']],
    ['Ben Silverman Games Editor', ['Ben Silverman']],
    ['Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project', ['Daniel Kahn Gillmor']],
    ['Joshua Sokol May 20', ['Joshua Sokol']],
    ['By Nathan Willis March 25, 2015', ['Nathan Willis']],
    ['Aleš Vávra před 2 hodinami', ['Aleš Vávra']],
    ['James Akinaka • 8h', ['James Akinaka']],
    ['Written by Rob Ewaschuk Edited by Betsy Beyer', ['Rob Ewaschuk']],
    ['Bradley M. Kuhn (http://ebb.org/bkuhn/)', ['Bradley M. Kuhn']],
    ['Michiel de Jong', ['Michiel de Jong']],
    ['بقلم ليلى حداد', ['ليلى حداد']],
    ['Par Martin Untersinger (avec Damien Leloup et Morgane Tual)', ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual']],
    ['Last Updated: January 7, 2025', []],
    ['Name *', []],
    ['CC7567', []],
    // A team credited by name keeps its title word; a mark after a name is not part of it.
    ['Resy Staff', ['Resy Staff']],
    ['Our Editors', ['Our Editors']],
    ['Meaghan Weeden ●', ['Meaghan Weeden']],
    // A share bar inside the byline box: its buttons' labels are no one's name.
    ['Ines Moreau · Facebook Pin', ['Ines Moreau']],
  ])('%s', (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });
});

describe('isInvertedName', () => {
  it('reads catalogue order as one name', () => {
    expect(isInvertedName('Jong, Michiel de')).toBe(true);
    expect(isInvertedName('Kooman, F.')).toBe(true);
  });
  it('does not take a list of two names for one', () => {
    expect(isInvertedName('Stella Kim, Jennifer Jett')).toBe(false);
    expect(isInvertedName('Smith, Staff Writer')).toBe(false);
  });
});

describe('parseByline: outlets, credentials and months', () => {
  it.each([
    ['Kevin Johnson and Kevin McCoy USA TODAY', ['Kevin Johnson', 'Kevin McCoy']],
    // Credentials written after a name are part of it, as the byline writes them.
    ['Ilana Muhlstein, RDN', ['Ilana Muhlstein, RDN']],
    // A credential in capitals after the name is no outlet: it stays, as written.
    ['Jeffrey A. Slotnick CPP, PSP', ['Jeffrey A. Slotnick CPP, PSP']],
    ['By Genevieve Carlton, Ph.D. and Ana Souza, MS, RD', ['Genevieve Carlton, Ph.D.', 'Ana Souza, MS, RD']],
    ['Jill Disis, CNN Business', ['Jill Disis']],
    ['LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER', ['LISA MASCARO', 'MARY CLARE JALONICK', 'ERIC TUCKER']],
    ['Ines Moreau, November', ['Ines Moreau']],
    // Weekday abbreviations and the labels beside a byline or a poster are not names.
    ['Sat', []],
    ['Ines Moreau, Comments', ['Ines Moreau']],
    ['Tom Price, Member, Joined', ['Tom Price']],
    // An "&" beside a one-letter part is inside a name, not between two people.
    ['Mac & i', ['Mac & i']],
    ['By AT&T', ['AT&T']],
    ['By Ana Souza & Piotr Nowak', ['Ana Souza', 'Piotr Nowak']],
  ])('%s', (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });
});
