// One source, two places: client-sdk/redact.ts is a copy of this file for the newsletter tools (a test keeps them equal).

/**
 * Contact data of staff that people type into free text (an experience's body, an activity's description): e-mail
 * addresses and Danish phone numbers in every common spelling, found and replaced before a reader receives the text.
 * Years and periods ("2027-2030"), dates and amounts are left as they are.
 */

export const HIDDEN = '[skjult]';

// Digits, ASCII or full-width; the separators people put between them (space, no-break spaces, hyphen, dot, dashes).
const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[ \\u00A0\\u2007\\u202F.\\-\\u2010-\\u2013\\uFF0D]';
const AT = '(?:@|\\uFF20|\\s?[([]\\s?(?:at|snabel-a)\\s?[)\\]]\\s?)';
const DOT = '(?:[.\\uFF0E]|\\s?[([]\\s?(?:dot|punktum)\\s?[)\\]]\\s?)';
const WORD = '[\\p{L}\\p{N}_%+\\-]';

const EMAIL = new RegExp(`${WORD}+(?:[.\\uFF0E]${WORD}+)*${AT}[\\p{L}\\p{N}\\-]+(?:${DOT}[\\p{L}\\p{N}\\-]+)*${DOT}\\p{L}{2,}`, 'giu');

// +45, 0045 or (+45) before the number, in any of its spellings.
const COUNTRY = `(?:(?:\\+|\\uFF0B|00)\\s?45|\\(\\s?(?:\\+|00)?45\\s?\\))${SEP}?`;
// Eight digits as they are grouped: 8, 2-2-2-2, 4-4, 4-2-2, 2-2-4 or 3-3-2 (the groups may be run together).
const EIGHT = `${D}{2}${SEP}?${D}{2}${SEP}?${D}{2}${SEP}?${D}{2}|${D}{4}${SEP}?${D}{4}|${D}{3}${SEP}?${D}{3}${SEP}?${D}{2}`;
const PHONE = new RegExp(`(?<![0-9\\uFF10-\\uFF19\\p{L}])(?:${COUNTRY})?(?:${EIGHT})(?![0-9\\uFF10-\\uFF19\\p{L}]|${SEP}${D})`, 'gu');

const digitsOf = (text: string) => text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/\D/g, '');

/** Whether eight digits written as two four-digit groups read as years: "2027-2030", "1999 2000". */
function looksLikeYears(match: string): boolean {
  if (/^\s*(?:\+|\uFF0B|00|\()/.test(match)) return false;
  const groups = match.split(new RegExp(SEP)).filter(Boolean);
  if (groups.length !== 2) return false;
  return groups.every((group) => {
    const year = Number(digitsOf(group));
    return digitsOf(group).length === 4 && year >= 1900 && year <= 2199;
  });
}

/** Whether eight digits read as a date written with dots or dashes: "01.02.2026", "1-2-2026" never reach here as 8 digits, "01-02-2026" does. */
function looksLikeDate(match: string): boolean {
  const parts = match.split(/[.\-\u2010-\u2013/]/);
  if (parts.length !== 3) return false;
  const [day, month, year] = parts.map((p) => Number(digitsOf(p)));
  return day! >= 1 && day! <= 31 && month! >= 1 && month! <= 12 && year! >= 1900 && year! <= 2199;
}

/** Whether eight digits read as a span of clock times: "15.30-17.00". */
function looksLikeTimes(match: string): boolean {
  const span = /^(\d{2})\.(\d{2})\s?[-\u2010-\u2013]\s?(\d{2})\.(\d{2})$/.exec(match);
  return !!span && Number(span[1]) <= 23 && Number(span[2]) <= 59 && Number(span[3]) <= 23 && Number(span[4]) <= 59;
}

/** The text with e-mail addresses and Danish phone numbers replaced by "[skjult]". */
export function redactContacts(text: string): string {
  if (!/[@\uFF20]|\((?:at|snabel-a)\)|\[(?:at|snabel-a)\]|[0-9\uFF10-\uFF19]{2}/i.test(text)) return text;
  return text.replace(EMAIL, HIDDEN).replace(PHONE, (match) => (looksLikeYears(match) || looksLikeDate(match) || looksLikeTimes(match) ? match : HIDDEN));
}
