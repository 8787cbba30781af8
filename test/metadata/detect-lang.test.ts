import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/metadata/detect-lang.js';

describe('detectLang', () => {
  it('gives the macrolanguage two-letter code for individual languages franc names', () => {
    const arabic = 'في كل حي من أحياء المدينة كانت هناك مكتبة صغيرة، يلتقي فيها الطلاب بعد المدرسة، ويقرأ فيها المتقاعدون الصحف في الصباح.';
    expect(detectLang(arabic)).toBe('ar');
  });
  it('gives two-letter codes for languages that have one', () => {
    expect(detectLang('The council voted on Wednesday night to build protected bike lanes along the street, ending a long debate.')).toBe('en');
  });
  it('says nothing about too little text', () => {
    expect(detectLang('Hello there')).toBeNull();
  });
});
