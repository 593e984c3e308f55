import { redactContacts } from './redact.js';
import type { HighlightKind, HighlightsQuery } from './generated/graphql.js';

export type NewsletterItem = HighlightsQuery['highlights'][number];

/** Sections in reading order, with their Danish headings. */
export const SECTIONS: { kind: HighlightKind; heading: string }[] = [
  { kind: 'TARGET_REACHED', heading: 'Mål nået' },
  { kind: 'OVERLAP_RESOLVED', heading: 'Nye samarbejder' },
  { kind: 'EXPERIENCE_PUBLISHED', heading: 'Erfaringer fra helhedsplanerne' },
  { kind: 'NEW_PLAN', heading: 'Nye helhedsplaner' },
  { kind: 'ACTIVITY_STARTING', heading: 'Starter snart' },
  { kind: 'NEW_ACTIVITY', heading: 'Nye tilbud' },
  { kind: 'EVALUATION', heading: 'Evalueringer' },
];

/** The hub never sends personal data in highlights (it redacts the people register and contact data); the draft makes sure of it once more. */
export function redact(text: string): string {
  return redactContacts(text);
}

const date = (iso: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

/** Entries shown in full per section; the rest are listed by name under "Også". */
export const FULL_PER_SECTION = 5;

export interface NewsletterEntry {
  title: string;
  summary: string;
  /** The items an entry stands for when several say the same thing. */
  names: string[];
}

// "Evaluering: Ungeklub fortsætter" -> "Ungeklub fortsætter": the section heading already says what kind it is.
const withoutKind = (title: string) => title.replace(/^[^:]{1,40}:\s+/, '');

/** Items that say the same thing (ten evaluations with one sentence) become one entry naming them all. */
function entries(kind: HighlightKind, items: NewsletterItem[]): NewsletterEntry[] {
  const bySummary = new Map<string, NewsletterItem[]>();
  for (const item of items) {
    const summary = redact(item.summary);
    bySummary.set(summary, [...(bySummary.get(summary) ?? []), item]);
  }
  return [...bySummary].map(([summary, same]) =>
    same.length === 1
      ? { title: redact(same[0]!.title), summary, names: [] }
      : {
          title: kind === 'EVALUATION' ? `Samme vurdering af ${same.length} tilbud` : `${same.length} med samme nyhed`,
          summary,
          names: same.map((item) => redact(withoutKind(item.title))),
        },
  );
}

/** The draft's sections in reading order, each with its entries in full and the names of the rest: what both renderings (and the console) show. */
export function newsletterSections(items: NewsletterItem[]) {
  return SECTIONS.map((section) => {
    const all = entries(
      section.kind,
      items.filter((item) => item.kind === section.kind),
    );
    const more = all.slice(FULL_PER_SECTION).flatMap((entry) => (entry.names.length ? entry.names : [withoutKind(entry.title)]));
    return { ...section, entries: all.slice(0, FULL_PER_SECTION), more };
  }).filter((section) => section.entries.length > 0);
}

export interface NewsletterPeriod {
  since: string;
  until: string;
}

/** A Danish newsletter draft in Markdown, grouped by kind. */
export function renderMarkdown(items: NewsletterItem[], period: NewsletterPeriod): string {
  const lines = [`# Nyt fra de boligsociale helhedsplaner`, '', `_Perioden ${date(period.since)} til ${date(period.until)}_`, ''];
  if (!items.length) lines.push('Der er ingen nyheder i perioden.', '');
  for (const section of newsletterSections(items)) {
    lines.push(`## ${section.heading}`, '');
    for (const entry of section.entries) {
      lines.push(`### ${entry.title}`, '');
      if (entry.names.length) lines.push(...entry.names.map((name) => `- ${name}`), '');
      lines.push(entry.summary, '');
    }
    if (section.more.length) lines.push('Også:', '', ...section.more.map((name) => `- ${name}`), '');
  }
  lines.push('---', '', '_Udkast fra koordineringshubben. Læs igennem før udsendelse._', '');
  return lines.join('\n');
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same draft as one self-contained, e-mail-safe HTML page: tables and inline styles, no scripts, no external resources. */
export function renderHtml(items: NewsletterItem[], period: NewsletterPeriod): string {
  const font = 'font-family:Arial,Helvetica,sans-serif;';
  const rows: string[] = [];
  if (!items.length) rows.push(`<tr><td style="${font}font-size:15px;color:#333333;padding:8px 24px;">Der er ingen nyheder i perioden.</td></tr>`);
  const bullets = (names: string[]) =>
    `<tr><td style="${font}font-size:15px;line-height:22px;color:#333333;padding:0 24px 8px 24px;"><ul style="margin:0;padding-left:20px;">${names.map((name) => `<li>${escape(name)}</li>`).join('')}</ul></td></tr>`;
  for (const section of newsletterSections(items)) {
    rows.push(
      `<tr><td style="${font}font-size:20px;font-weight:bold;color:#1f4e79;padding:24px 24px 8px 24px;border-top:2px solid #1f4e79;">${escape(section.heading)}</td></tr>`,
    );
    for (const entry of section.entries) {
      rows.push(`<tr><td style="${font}font-size:16px;font-weight:bold;color:#222222;padding:12px 24px 4px 24px;">${escape(entry.title)}</td></tr>`);
      if (entry.names.length) rows.push(bullets(entry.names));
      rows.push(`<tr><td style="${font}font-size:15px;line-height:22px;color:#333333;padding:0 24px 12px 24px;">${escape(entry.summary)}</td></tr>`);
    }
    if (section.more.length) {
      rows.push(`<tr><td style="${font}font-size:15px;font-weight:bold;color:#333333;padding:8px 24px 4px 24px;">Også:</td></tr>`);
      rows.push(bullets(section.more));
    }
  }
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nyt fra de boligsociale helhedsplaner</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f2f2f2;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:100%;background-color:#ffffff;">
<tr><td style="${font}font-size:26px;font-weight:bold;color:#ffffff;background-color:#1f4e79;padding:24px;">Nyt fra de boligsociale helhedsplaner</td></tr>
<tr><td style="${font}font-size:14px;color:#555555;padding:12px 24px;">Perioden ${escape(date(period.since))} til ${escape(date(period.until))}</td></tr>
${rows.join('\n')}
<tr><td style="${font}font-size:12px;color:#777777;padding:24px;border-top:1px solid #dddddd;">Udkast fra koordineringshubben. Læs igennem før udsendelse.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
