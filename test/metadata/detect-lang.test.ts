import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { articleLang, detectLang } from '../../src/metadata/detect-lang.js';

describe('detectLang', () => {
  it('gives the macrolanguage two-letter code for individual languages franc names', async () => {
    const arabic = 'في كل حي من أحياء المدينة كانت هناك مكتبة صغيرة، يلتقي فيها الطلاب بعد المدرسة، ويقرأ فيها المتقاعدون الصحف في الصباح.';
    expect(await detectLang(arabic)).toBe('ar');
  });
  it('gives two-letter codes for languages that have one', async () => {
    expect(await detectLang('The council voted on Wednesday night to build protected bike lanes along the street, ending a long debate.')).toBe('en');
  });
  it('says nothing about too little text', async () => {
    expect(await detectLang('Hello there')).toBeNull();
  });
});

describe('articleLang', () => {
  const english = 'The council voted on Wednesday night to build protected bike lanes along the harbour road, ending a debate that had lasted for more than three years. Shop owners had feared that losing parking spaces would keep customers away, but a trial last summer showed that more people came on foot and by bicycle, and that they stayed longer. '.repeat(4);
  const german = 'Der Stadtrat hat am Mittwochabend beschlossen, entlang der Hafenstraße geschützte Radwege zu bauen, und damit eine Debatte beendet, die mehr als drei Jahre gedauert hatte. Die Ladenbesitzer hatten befürchtet, dass der Wegfall von Parkplätzen die Kunden fernhalten würde. '.repeat(4);
  const lorem = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. '.repeat(6);

  it('detects the language when none is stated', async () => {
    expect(await articleLang(new VFile(), null, undefined, english)).toEqual({ lang: 'en', source: 'detected' });
  });
  it('overrules <html lang> that a long text clearly contradicts, with a warning', async () => {
    const file = new VFile();
    expect(await articleLang(file, 'de', 'markup', english)).toEqual({ lang: 'en', source: 'detected' });
    expect(file.messages.map((m) => m.ruleId)).toEqual(['lang-contradicted']);
  });
  it('keeps the markup language when the text agrees, is short, or franc is unsure', async () => {
    expect((await articleLang(new VFile(), 'de-DE', 'markup', german)).lang).toBe('de-DE');
    expect((await articleLang(new VFile(), 'de', 'markup', english.slice(0, 300))).lang).toBe('de');
    expect((await articleLang(new VFile(), 'en', 'markup', lorem)).lang).toBe('en');
  });
  it('never overrules a language stated for the article itself (JSON-LD, og:locale...)', async () => {
    expect((await articleLang(new VFile(), 'de', 'json-ld', english)).lang).toBe('de');
  });
});
