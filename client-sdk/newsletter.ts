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

const EMAIL = /[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}/g;
const PHONE = /(\+45[\s-]?)?\b\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}\b/g;

/** The hub never sends personal data in highlights; the draft makes sure of it once more. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[skjult]').replace(PHONE, '[skjult]');
}

const date = (iso: string) => new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

function sections(items: NewsletterItem[]) {
  return SECTIONS.map((s) => ({ ...s, items: items.filter((i) => i.kind === s.kind) })).filter((s) => s.items.length > 0);
}

export interface NewsletterPeriod {
  since: string;
  until: string;
}

/** A Danish newsletter draft in Markdown, grouped by kind. */
export function renderMarkdown(items: NewsletterItem[], period: NewsletterPeriod): string {
  const lines = [`# Nyt fra de boligsociale helhedsplaner`, '', `_Perioden ${date(period.since)} til ${date(period.until)}_`, ''];
  if (!items.length) lines.push('Der er ingen nyheder i perioden.', '');
  for (const section of sections(items)) {
    lines.push(`## ${section.heading}`, '');
    for (const item of section.items) lines.push(`### ${redact(item.title)}`, '', redact(item.summary), '');
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
  for (const section of sections(items)) {
    rows.push(`<tr><td style="${font}font-size:20px;font-weight:bold;color:#1f4e79;padding:24px 24px 8px 24px;border-top:2px solid #1f4e79;">${escape(section.heading)}</td></tr>`);
    for (const item of section.items) {
      rows.push(`<tr><td style="${font}font-size:16px;font-weight:bold;color:#222222;padding:12px 24px 4px 24px;">${escape(redact(item.title))}</td></tr>`);
      rows.push(`<tr><td style="${font}font-size:15px;line-height:22px;color:#333333;padding:0 24px 12px 24px;">${escape(redact(item.summary))}</td></tr>`);
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
