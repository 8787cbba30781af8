/**
 * Language names as language switchers label their links ("Français", "العربية", "English"), to
 * a BCP 47 primary tag. Hand-written: no installed package maps endonyms (iso-639-3 carries
 * English names only, which this table also accepts for the commonest languages).
 */
const NAMES: Readonly<Record<string, string>> = {
  english: 'en', français: 'fr', francais: 'fr', french: 'fr', deutsch: 'de', german: 'de', español: 'es', espanol: 'es',
  spanish: 'es', português: 'pt', portugues: 'pt', portuguese: 'pt', italiano: 'it', italian: 'it', nederlands: 'nl',
  dutch: 'nl', русский: 'ru', russian: 'ru', العربية: 'ar', عربي: 'ar', arabic: 'ar', 中文: 'zh', 简体中文: 'zh',
  繁體中文: 'zh', chinese: 'zh', 日本語: 'ja', japanese: 'ja', 한국어: 'ko', korean: 'ko', فارسی: 'fa', persian: 'fa',
  farsi: 'fa', türkçe: 'tr', turkish: 'tr', עברית: 'he', hebrew: 'he', polski: 'pl', polish: 'pl', українська: 'uk',
  ukrainian: 'uk', čeština: 'cs', czech: 'cs', svenska: 'sv', swedish: 'sv', dansk: 'da', danish: 'da', norsk: 'no',
  norwegian: 'no', suomi: 'fi', finnish: 'fi', ελληνικά: 'el', greek: 'el', magyar: 'hu', hungarian: 'hu', română: 'ro',
  romanian: 'ro', हिन्दी: 'hi', hindi: 'hi', اردو: 'ur', urdu: 'ur', 'bahasa indonesia': 'id', indonesian: 'id',
  'tiếng việt': 'vi', vietnamese: 'vi', ไทย: 'th', thai: 'th', kurdî: 'ku', کوردی: 'ku', kurdish: 'ku',
};

/** The language a switcher label names ("Français" -> "fr"), or null. */
export function languageOfName(label: string): string | null {
  return NAMES[label.trim().toLowerCase()] ?? null;
}
