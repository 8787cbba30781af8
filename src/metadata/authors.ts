import { findDateText } from './dates.js';
import { BYLINE_OPENERS } from '../vocabulary/bylines.js';

/**
 * Author names as bylines write them: "By A, B and C", "Von A und B", "A | Staff Writer",
 * "Ben Silverman Games Editor", "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...",
 * "Joshua Sokol May 20", "Aleš Vávra před 2 hodinami". Splits on list separators in several
 * languages, drops "By" prefixes, roles and affiliations, dates and relative times glued to names,
 * and de-duplicates. Hand-written: no maintained library parses bylines; the opening words are
 * vocabulary/bylines.ts' BYLINE_OPENERS, the other word lists sit here.
 */
const BY_PREFIX = new RegExp(`^\\s*(${BYLINE_OPENERS})\\s+`, 'i');

/** List separators between names: "," ";" "&" "and"/"und"/"et"/"y"/"e"/"en"/"и", CJK and Arabic commas, bars and bullets. */
const SEPARATORS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bи\b|、|،|\||•|·)\s*/i;

/**
 * "Mac & i", "Q & A": an "&" beside a part of one letter joins a name, it does not list two people
 * (one letter is no one's name). Such parts stay together, the " & " held as this private-use
 * character until the name is checked (so "i" does not read as a lower-case phrase word)...
 */
const JOINING_AMP = '\uE000';
/** ...or this one, for an "&" written without spaces ("AT&T"). */
const BARE_AMP = '\uE001';
const ONE_LETTER = /^\p{L}\.?$/u;

/** The byline split on list separators, except an "&" beside a one-letter part. */
function splitNames(text: string): string[] {
  const pieces = text.split(new RegExp(`(${SEPARATORS.source})`, 'i'));
  const parts: string[] = [pieces[0]!];
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    const next = pieces[i + 1]!;
    if (pieces[i]!.trim() === '&' && (ONE_LETTER.test(parts[parts.length - 1]!.trim()) || ONE_LETTER.test(next.trim()))) {
      const amp = pieces[i] === '&' ? BARE_AMP : JOINING_AMP;
      parts[parts.length - 1] = `${parts[parts.length - 1]!.trim()}${amp}${next.trim()}`;
    } else parts.push(next);
  }
  return parts;
}

/** A whole part that is a word, label or agency rather than a person's name. */
const NOISE = /^(staff|more|follow|follow author|share|email|twitter|facebook|linkedin|feed|rss|profile|bio|posts|articles|view all posts|see all|read more|name \*|name|ma|ms|msc|mba|rdn|rd|cpa|esq|phd|ph\.d\.|md|m\.d\.|rn|mph|jd|bsc|ba|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|author|authors|comments?|member|joined|messages|moderator|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|updated|published|posted|\d.*)$/i;

/**
 * A part made only of share-button labels ("Facebook Pin", "Tweet Share Email"): a share bar inside
 * the byline box, whose buttons run together into one part.
 */
const SHARE_BUTTONS = /^(?:(?:facebook|twitter|x|linkedin|pinterest|pin|tweet|share|email|whatsapp|reddit|print|flipboard|threads|bluesky|mastodon)\s*)+$/i;

/**
 * Degrees and professional credentials written after a name (medicine, nutrition, nursing, law,
 * finance, psychology, fitness), with or without dots.
 */
const CREDENTIAL = /^(?:ph\.?\s?d\.?|m\.?d\.?|d\.?o\.?|r\.?n\.?|m\.?s\.?|m\.?a\.?|b\.?a\.?|b\.?s\.?|msc|bsc|mba|mph|mfa|rd|rdn|ld|ldn|lmft|lcsw|lpc|np|pa-c|cpa|cfa|cfp|jd|esq\.?|dds|dmd|dvm|pharmd|psyd|edd|dnp|bsn|msn|facs|facp|cscs|cpt|ibclc|cnm|ryt|e-ryt(?:\s?\d+)?|cpp|psp)$/i;

/** News agencies and desks that bylines credit beside (or instead of) people. */
const AGENCIES = /^(the )?(associated press|ap|reuters|afp|agence france-presse|dpa|efe|ansa|anp|tass|ria novosti|xinhua|kyodo|pa|press association|upi|bloomberg|staff|staff reports?|newsroom|news desk|web desk|wire services?|agencies)$/i;

/** A desk or outlet credited beside people: "WebMD Health News", "DH News Service", "Metro Desk". */
const DESK = /\b(news|service|desk|media|staff|team|newsroom|bureau|wire|agency|online|digital|business|sport|sports|politics|tech|health|science|world|entertainment)$/i;

/**
 * Job titles that follow a name ("Games Editor", "Senior Staff Technologist"): English plus the
 * commonest in French, German, Spanish, Portuguese and Italian bylines.
 */
const ROLE_WORDS = new Set([
  'editor', 'editors', 'writer', 'reporter', 'correspondent', 'contributor', 'columnist', 'technologist', 'analyst',
  'fellow', 'director', 'professor', 'researcher', 'producer', 'journalist', 'photographer', 'intern', 'chief',
  'manager', 'founder', 'ceo', 'officer', 'president', 'staff', 'senior', 'associate', 'contributing', 'deputy',
  'executive', 'managing', 'scientist', 'engineer', 'lecturer', 'strategist', 'critic', 'blogger', 'host',
  'anchor', 'commentator', 'expert', 'consultant', 'advisor', 'adviser', 'coordinator', 'specialist', 'student',
  'rédacteur', 'rédactrice', 'journaliste', 'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin',
  'redactor', 'redactora', 'periodista', 'corresponsal', 'repórter', 'jornalista', 'giornalista', 'redattore',
]);

/** Lower-case words that belong inside names ("Michiel de Jong", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'zu', 'st.']);

/** A name has at most this many words; longer parts are sentences. */
const MAX_NAME_WORDS = 5;
const MAX_NAME_LENGTH = 60;

/** A byline line is short: at most this many words. */
const MAX_BYLINE_LINE_WORDS = 12;

/**
 * Whether a line of the article is its byline ("By Jane Doe and John Roe", "بقلم ليلى منصور"):
 * it opens with a "By" word, is short, and names only the article's own authors (roles aside).
 * Such a line is metadata, which the JSON holds; the body need not repeat it.
 */
export function isBylineOf(line: string, authors: readonly string[]): boolean {
  if (authors.length === 0 || !BY_PREFIX.test(line) || line.split(/\s+/).length > MAX_BYLINE_LINE_WORDS) return false;
  const names = parseByline(line);
  const known = new Set(authors.map((a) => a.toLowerCase()));
  return names.length > 0 && names.every((n) => known.has(n.toLowerCase()));
}

/** One word of letters, digits, `_`, `-` or `.`, with a letter: a user name ("archuser38013", "ggailey777"). */
export const USER_NAME = /^(?=.*\p{L})[\p{L}\p{N}_.-]+$/u;

/** The accounts a CMS creates by default: a placeholder where no one set an author, not a person's handle. */
const DEFAULT_ACCOUNTS = /^(admin|administrator|root|user|webmaster|author|editor|guest)$/i;

/**
 * A user name that a tag written for machines gives as the author (`<meta name="author"
 * content="ggailey777">`): the account the site credits, kept as written. A byline does not take
 * it (a lower-case word or one with digits is rarely a person's name in running text), so it is
 * heard only when no source names a person or the publisher (resolve.ts).
 */
export function userHandle(raw: string): string | null {
  const name = raw.trim();
  return USER_NAME.test(name) && !DEFAULT_ACCOUNTS.test(name) && !DOMAIN.test(name) ? name : null;
}

export function parseByline(line: string): string[] {
  let text = line.replace(/\s+/g, ' ').trim();
  text = text.replace(BY_PREFIX, '');
  // "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Jane Doe (@jdoe)": a link or handle is not the name.
  text = text.replace(/\s*[(<][^()<>]*(?:https?:|www\.|@|\/)[^()<>]*[)>]/g, '');
  // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the people in the brackets are authors too.
  text = text.replace(/\s*\((?:with|avec|mit|con|com|met)\s+([^()]*)\)/gi, ', $1');
  // Editors, photographers and translators are credited after the authors: the authors end there.
  text = text.replace(/\s*[,;|]?\s*\b(edited|photos?|photographs|illustrations?|translated|graphics|video|additional reporting)\s+by\b.*$/i, '');
  text = cutDates(text);
  text = text.replace(/\b(updated|published|posted|last updated|mis à jour|aktualisiert|actualizado|atualizado|aggiornato)\b.*$/i, '');
  const names: string[] = [];
  for (const part of splitNames(text)) {
    // A separate mark after the name ("Meaghan Weeden ●", a dot between byline items) is no part of it.
    const raw = part.replace(BY_PREFIX, '').replace(/^[\s,:;|–—-]+|[\s,:;|–—-]+$/g, '').replace(/\s+\p{S}+$/u, '').trim();
    if (!raw) continue;
    // "Genevieve Carlton, Ph.D.", "Jillian Kubala, MS, RD": credentials the byline writes after a
    // name are part of it, as written.
    if (names.length > 0 && CREDENTIAL.test(raw)) {
      names[names.length - 1] = `${names[names.length - 1]}, ${raw}`;
      continue;
    }
    // A part that is a job title ends the names: what follows is the affiliation.
    if (names.length > 0 && isRole(raw)) break;
    // "NJ Advance Media for NJ.com", "cleveland.com": an outlet, not a person.
    if (DOMAIN.test(raw)) continue;
    const name = stripTrailingRole(cutTrailingCaps(cutAtLowercase(cutAtDigits(raw))));
    if (!name || name.length > MAX_NAME_LENGTH || NOISE.test(name) || SHARE_BUTTONS.test(name)) continue;
    if (name.split(/\s+/).length > MAX_NAME_WORDS) continue;
    if (/[@/]|https?:/.test(name)) continue;
    if (/\d/.test(name)) continue; // "CC7567", "user_42": a user handle, not a person's name
    if (!/\p{Lu}|\p{Lo}/u.test(name)) continue; // names are capitalised (or in a script without case)
    const whole = name.replaceAll(JOINING_AMP, ' & ').replaceAll(BARE_AMP, '&');
    if (!names.some((n) => n.toLowerCase() === whole.toLowerCase())) names.push(whole);
  }
  // "Jane Doe, Associated Press": the agency is credited only when no person is.
  const people = names.filter((n) => !AGENCIES.test(n) && !DESK.test(n));
  return people.length > 0 ? people : names;
}

/** A "Last, First" name as catalogues and citation tags write it ("Jong, Michiel de", "Kooman, F."). */
export function isInvertedName(value: string): boolean {
  const m = /^([^,\s]+(?: [^,\s]+)?), ([^,]+)$/.exec(value.trim());
  if (!m) return false;
  const surname = m[1]!.split(' ');
  if (surname.length === 2 && !NAME_PARTICLES.has(surname[0]!.toLowerCase())) return false;
  const given = m[2]!.split(/\s+/);
  return given.length <= 3 && given.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w.toLowerCase())) && !isRole(m[2]!);
}

function isRole(part: string): boolean {
  return part.toLowerCase().split(/[\s-]+/).some((w) => ROLE_WORDS.has(w));
}

/** Cut a date glued to the end of a byline ("Joshua Sokol May 20", "Par X le 3 mars 2021"). */
function cutDates(text: string): string {
  const found = findDateText(text);
  if (!found || found.index === 0) return text;
  return text.slice(0, found.index).replace(/\s+(on|am|le|el|il|op|den|em|в)\s*$/i, '').trim();
}

/** "Aleš Vávra před 2 hodinami", "James Akinaka 8h": the name ends before the lower-case words leading to a number. */
function cutAtDigits(part: string): string {
  const words = part.split(/\s+/);
  const i = words.findIndex((w) => /\d/.test(w));
  if (i <= 0) return part;
  let end = i;
  while (end > 1 && /^\p{Ll}/u.test(words[end - 1]!) && !NAME_PARTICLES.has(words[end - 1]!.toLowerCase())) end--;
  return words.slice(0, end).join(' ');
}

/** A web domain inside a byline part ("NJ.com", "cleveland.com"). */
const DOMAIN = /[\p{L}\p{N}-]\.(com|org|net|co|info|news|ca|uk|au|in|de|fr|es|it|nl|ru|br)\b/iu;

/**
 * "Eleanor Ainge Roy in Dunedin" -> "Eleanor Ainge Roy": in scripts with case, a name's words are
 * capitalised except particles ("de", "van"); it ends before the first other lower-case word.
 */
function cutAtLowercase(part: string): string {
  const words = part.split(/\s+/);
  const i = words.findIndex((w, k) => k > 0 && /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w.toLowerCase()));
  if (i <= 0) return part;
  // A place after the name ("in Dunedin", "à Paris") is cut; any other lower-case word means the
  // part is a phrase ("Contributors to Wikimedia projects"), not a name.
  if (PLACE_PREPOSITIONS.has(words[i]!) && i + 1 < words.length && /^\p{Lu}/u.test(words[i + 1]!)) return words.slice(0, i).join(' ');
  return '';
}

/**
 * "Kevin McCoy USA TODAY", "Elliot Brownstein FLORIDA TODAY": an outlet in capitals after a name
 * written in mixed case is cut (a name written all in capitals, "JANIE HAR", is kept whole); a
 * credential in capitals is part of the name as written ("Jeffrey A. Slotnick CPP").
 */
function cutTrailingCaps(part: string): string {
  const words = part.split(/\s+/);
  const caps = (w: string) => /\p{Lu}{2,}/u.test(w) && w === w.toUpperCase() && !CREDENTIAL.test(w);
  let end = words.length;
  while (end > 0 && caps(words[end - 1]!)) end--;
  return end >= 2 && end < words.length && !words.slice(0, end).some(caps) ? words.slice(0, end).join(' ') : part;
}

/** Prepositions that introduce a reporter's location after the name. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'à', 'aus', 'em', 'en', 'a', 'из', 'في']);

/** "Ben Silverman Games Editor" -> "Ben Silverman": drop a job title at the end of a name. */
function stripTrailingRole(part: string): string {
  const words = part.split(/\s+/);
  let end = words.length;
  while (end > 0 && ROLE_WORDS.has(words[end - 1]!.toLowerCase())) end--;
  if (end === words.length) return part;
  // One word and a title name a team ("Resy Staff", "Our Editors"), not a person with a role.
  if (end === 1) return part;
  // Words between the name and the title name a desk ("Games", "eHow"): a name keeps two words,
  // or three when the middle one is an initial or a particle.
  let keep = Math.min(end, 2);
  if (end >= 3 && (/^\p{Lu}\.$/u.test(words[1]!) || NAME_PARTICLES.has(words[1]!.toLowerCase()))) keep = 3;
  return words.slice(0, keep).join(' ');
}
