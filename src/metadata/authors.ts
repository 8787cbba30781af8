/**
 * Author names as bylines write them: "By A, B and C", "Von A und B", "A | Staff Writer".
 * Splits on list separators in several languages, drops "By" prefixes, roles and dates glued to
 * names, and de-duplicates.
 */
const BY_PREFIX = /^\s*(by|written by|posted by|von|par|por|di|door|от|著者|作者|بقلم|كتب|autor(?:a)?:?|author:?|authors:?)\s+/i;
const SEPARATORS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bи\b|、|،|\|)\s*/i;
const ROLE_OR_NOISE = /^(staff|staff writer|reporter|editor|correspondent|contributor|columnist|updated|published|posted|photo(grapher)?s?|photos|illustration|more|follow|share|email|twitter|view all posts|see all|read more|the associated press|associated press|ap|reuters|afp|\d.*)$/i;

export function parseByline(line: string): string[] {
  let text = line.replace(/\s+/g, ' ').trim();
  text = text.replace(BY_PREFIX, '');
  // Cut trailing dates/times and "Updated ..." tails glued to names.
  text = text.replace(/\s*(\||—|–|-|·|•)\s*(updated|published|posted|\d{1,2}[:/.]|\w{3,9}\.? \d{1,2},? \d{4}).*$/i, '');
  text = text.replace(/\s+(on|am|le|el|il|op)\s+\d.*$/i, '');
  text = text.replace(/\b(updated|published|posted)\b.*$/i, '');
  const names: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const name = part.replace(BY_PREFIX, '').replace(/^[\s,:;|–—-]+|[\s,:;|–—-]+$/g, '').trim();
    if (!name || name.length > 60 || ROLE_OR_NOISE.test(name)) continue;
    if (name.split(/\s+/).length > 5) continue;
    if (/[@/]|https?:/.test(name)) continue;
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}
