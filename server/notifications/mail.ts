import { DANISH_WEEKDAYS } from '../core/enums.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../core/global-id.js';
import { rows } from '../core/sql.js';

/** An e-mail as the outbox keeps it. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

interface ActivityFacts {
  id: number;
  title: string;
  plan: string;
  period: string;
  areas: string;
  groups: string;
  schedule: string;
  contact: string | null;
}

const WEEKDAYS: Record<string, string> = DANISH_WEEKDAYS;

const danishDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = (t: string) => t.slice(0, 5).replace(':', '.');

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What an e-mail shows of activities: staff contacts are the only personal data. */
async function activityFacts(em: EntityManager, ids: readonly number[]): Promise<Map<number, ActivityFacts>> {
  const found = await rows(
    em,
    `select a.id, a.title, p.name as plan, to_char(a.start_date, 'YYYY-MM-DD') as start_date, to_char(a.end_date, 'YYYY-MM-DD') as end_date, a.schedule,
       (select string_agg(x.name, ', ' order by x.name) from activity_area aa join area x on x.id = aa.area_id where aa.activity_id = a.id) as areas,
       (select string_agg(g.name, ', ' order by g.name) from activity_target_group ag join target_group g on g.id = ag.target_group_id where ag.activity_id = a.id) as groups,
       c.name as contact_name, c.email as contact_email, c.phone as contact_phone
     from activity a join plan p on p.id = a.plan_id left join person c on c.id = a.contact_id where a.id = any(?::int[])`,
    [`{${ids.join(',')}}`],
  );
  return new Map(
    found.map((r) => {
      const slots = (r.schedule as { weekday: string; startTime: string; endTime: string }[] | null) ?? [];
      const contact = r.contact_name ? [r.contact_name, r.contact_email, r.contact_phone].filter(Boolean).join(', ') : null;
      return [
        Number(r.id),
        {
          id: Number(r.id),
          title: String(r.title),
          plan: String(r.plan),
          period: `${danishDate(String(r.start_date))} – ${r.end_date ? danishDate(String(r.end_date)) : 'uden slutdato'}`,
          areas: String(r.areas ?? ''),
          groups: String(r.groups ?? ''),
          schedule: slots.map((s) => `${WEEKDAYS[s.weekday] ?? s.weekday} ${time(s.startTime)}-${time(s.endTime)}`).join(', ') || 'ingen faste tider',
          contact: contact as string | null,
        },
      ];
    }),
  );
}

/** The Danish reasons stored with a pair. */
async function pairReasons(em: EntityManager, pairs: readonly [number, number][]): Promise<Map<string, string[]>> {
  if (!pairs.length) return new Map();
  const found = await rows(
    em,
    `select activity_a_id as a, activity_b_id as b, reasons::text as reasons from activity_overlap
     where (activity_a_id, activity_b_id) in (select * from unnest(?::int[], ?::int[]))`,
    [`{${pairs.map(([a, b]) => Math.min(a, b)).join(',')}}`, `{${pairs.map(([a, b]) => Math.max(a, b)).join(',')}}`],
  );
  return new Map(found.map((r) => [`${r.a} ${r.b}`, (JSON.parse(String(r.reasons)) as { detail: string }[]).map((x) => x.detail)]));
}

export interface OverlapNews {
  activityId: number;
  ownActivityId: number;
  score: number;
}

/**
 * One e-mail of overlap news for a project lead: each new or changed activity of another plan beside the plan's own, with the reasons
 * and the other contact, and links into the console.
 */
export async function composeOverlapMail(em: EntityManager, recipientName: string, news: readonly OverlapNews[], publicUrl: string): Promise<ComposedMail> {
  const facts = await activityFacts(
    em,
    news.flatMap((n) => [n.activityId, n.ownActivityId]),
  );
  const reasons = await pairReasons(
    em,
    news.map((n) => [n.activityId, n.ownActivityId]),
  );
  const link = (id: number) => `${publicUrl}/activities/${encodeURIComponent(toGlobalId('Activity', id))}`;
  const items = news.flatMap((n) => {
    const theirs = facts.get(n.activityId);
    const ours = facts.get(n.ownActivityId);
    if (!theirs || !ours) return [];
    const why = reasons.get(`${Math.min(n.activityId, n.ownActivityId)} ${Math.max(n.activityId, n.ownActivityId)}`) ?? [];
    return [{ theirs, ours, why, score: n.score }];
  });
  const first = items[0];
  const subject =
    items.length === 1 && first
      ? `Overlap: "${first.theirs.title}" (${first.theirs.plan}) og jeres "${first.ours.title}"`
      : `${items.length} nye overlap med jeres aktiviteter`;
  const block = (label: string, a: ActivityFacts) =>
    [
      `${label}: ${a.title} (${a.plan})`,
      `  Periode: ${a.period}`,
      `  Tider: ${a.schedule}`,
      `  Områder: ${a.areas}`,
      `  Målgrupper: ${a.groups}`,
      `  ${link(a.id)}`,
    ].join('\n');
  const text = [
    `Hej ${recipientName}`,
    '',
    items.length === 1
      ? 'En aktivitet i en anden helhedsplan overlapper nu med en af jeres: samme målgruppe, samme sted og samme tid. Måske kan I supplere hinanden i stedet for at konkurrere om de samme deltagere.'
      : `${items.length} aktiviteter i andre helhedsplaner overlapper nu med jeres: samme målgruppe, samme sted og samme tid. Måske kan I supplere hinanden i stedet for at konkurrere om de samme deltagere.`,
    ...items.flatMap((item) => [
      '',
      '—',
      block('Ny eller ændret', item.theirs),
      block('Jeres', item.ours),
      `Hvorfor: ${item.why.join('; ') || 'samme målgruppe, sted og tid'}`,
      `Kontakt hos ${item.theirs.plan}: ${item.theirs.contact ?? 'ingen kontaktperson angivet'}`,
    ]),
    '',
    'Venlig hilsen',
    'Boligsocial koordinationshub',
  ].join('\n');
  const cell = (a: ActivityFacts) =>
    `<td style="vertical-align:top;padding:8px;border:1px solid #ccc"><a href="${escape(link(a.id))}"><strong>${escape(a.title)}</strong></a><br>${escape(a.plan)}<br>` +
    `Periode: ${escape(a.period)}<br>Tider: ${escape(a.schedule)}<br>Områder: ${escape(a.areas)}<br>Målgrupper: ${escape(a.groups)}</td>`;
  const html = [
    `<!doctype html><html lang="da"><body style="font-family:sans-serif">`,
    `<p>Hej ${escape(recipientName)}</p>`,
    `<p>${escape(text.split('\n')[2]!)}</p>`,
    ...items.map(
      (item) =>
        `<table style="border-collapse:collapse;margin:16px 0"><tr><th style="text-align:left;padding:8px">Ny eller ændret</th><th style="text-align:left;padding:8px">Jeres</th></tr>` +
        `<tr>${cell(item.theirs)}${cell(item.ours)}</tr></table>` +
        `<p>Hvorfor: ${escape(item.why.join('; ') || 'samme målgruppe, sted og tid')}<br>Kontakt hos ${escape(item.theirs.plan)}: ${escape(item.theirs.contact ?? 'ingen kontaktperson angivet')}</p>`,
    ),
    `<p>Venlig hilsen<br>Boligsocial koordinationshub</p></body></html>`,
  ].join('\n');
  return { subject, text, html };
}

/** Every e-mail ends with where to change how often, and the one-click way out of this kind. */
export function withFooter(mail: ComposedMail, what: string, settingsUrl: string, unsubscribeUrl: string): ComposedMail {
  const lines = [`Skift hvor ofte du får e-mails: ${settingsUrl}`, `Afmeld e-mails om ${what}: ${unsubscribeUrl}`];
  return {
    subject: mail.subject,
    text: `${mail.text}\n\n-- \n${lines.join('\n')}\n`,
    html: mail.html.replace(
      '</body>',
      `<hr><p style="font-size:small;color:#555"><a href="${escape(settingsUrl)}">Skift hvor ofte du får e-mails</a> · <a href="${escape(unsubscribeUrl)}">Afmeld e-mails om ${escape(what)}</a></p></body>`,
    ),
  };
}

/** Plain text and its HTML twin from paragraphs and bulleted sections. */
function simpleMail(
  subject: string,
  greeting: string,
  intro: string,
  sections: { heading: string; items: string[]; empty?: string }[],
  link: string,
): ComposedMail {
  const shown = sections.filter((s) => s.items.length || s.empty);
  const text = [
    greeting,
    '',
    intro,
    ...shown.flatMap((s) => ['', `${s.heading}:`, ...(s.items.length ? s.items.map((i) => `- ${i}`) : [`  ${s.empty}`])]),
    '',
    link,
    '',
    'Venlig hilsen',
    'Boligsocial koordinationshub',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="da"><body style="font-family:sans-serif">`,
    `<p>${escape(greeting)}</p>`,
    `<p>${escape(intro)}</p>`,
    ...shown.map(
      (s) =>
        `<h2 style="font-size:1.1em">${escape(s.heading)}</h2>` +
        (s.items.length ? `<ul>${s.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : `<p>${escape(s.empty!)}</p>`),
    ),
    `<p><a href="${escape(link)}">${escape(link)}</a></p>`,
    `<p>Venlig hilsen<br>Boligsocial koordinationshub</p></body></html>`,
  ].join('\n');
  return { subject, text, html };
}

/** Reminders of follow-up points: what, for which plan, by when. */
export async function composeReminderMail(
  em: EntityManager,
  recipientName: string,
  news: readonly { actionItemId: number; stage: 'SOON' | 'OVERDUE' }[],
  publicUrl: string,
): Promise<ComposedMail> {
  const found = await rows(
    em,
    `select ai.id, ai.description, to_char(ai.due_date, 'YYYY-MM-DD') as due_date, ai.status, p.name as plan, p.code, to_char(m.date, 'YYYY-MM-DD') as meeting
     from action_item ai join meeting m on m.id = ai.meeting_id join steering_group g on g.id = m.steering_group_id left join plan p on p.id = g.plan_id
     where ai.id = any(?::int[])`,
    [`{${news.map((n) => n.actionItemId).join(',')}}`],
  );
  const byId = new Map(found.map((r) => [Number(r.id), r]));
  const line = (n: { actionItemId: number }) => {
    const r = byId.get(n.actionItemId)!;
    return `${r.description} (${r.plan}, fra mødet ${danishDate(String(r.meeting))}): frist ${danishDate(String(r.due_date))}`;
  };
  // A follow-up marked done since the reminder was written is not mentioned.
  const open = news.filter((n) => byId.get(n.actionItemId)?.status === 'OPEN');
  const overdue = open.filter((n) => n.stage === 'OVERDUE').map(line);
  const soon = open.filter((n) => n.stage === 'SOON').map(line);
  const code = byId.get(open[0]?.actionItemId ?? -1)?.code;
  const subject = overdue.length
    ? `Opfølgning overskredet: ${overdue.length === 1 ? String(byId.get(open.find((n) => n.stage === 'OVERDUE')!.actionItemId)!.description) : `${overdue.length} punkter`}`
    : `Påmindelse: ${soon.length === 1 ? String(byId.get(open[0]!.actionItemId)!.description) : `${soon.length} opfølgningspunkter`} har frist snart`;
  return simpleMail(
    subject.length > 200 ? `${subject.slice(0, 197)}...` : subject,
    `Hej ${recipientName}`,
    'Du er ansvarlig for disse opfølgningspunkter fra styregruppemøderne. Marker dem som udført i konsollen, når de er klaret.',
    [
      { heading: 'Overskredet', items: overdue },
      { heading: 'Frist inden for 3 dage', items: soon },
    ],
    code ? `${publicUrl}/plans/${encodeURIComponent(String(code))}` : publicUrl,
  );
}

/** The coordinators' overview of the period. */
export function composeDigestMail(recipientName: string, title: string, news: DigestPayload, publicUrl: string): ComposedMail {
  const since = `siden ${danishDate(news.period.from)}`;
  return simpleMail(
    title,
    `Hej ${recipientName}`,
    `Her er overblikket over de boligsociale helhedsplaner ${since}.`,
    [
      { heading: `Nye overlapgrupper uden beslutning (${news.groups.length} i alt)`, items: news.newGroups.slice(0, 30), empty: 'Ingen nye.' },
      { heading: 'Nye huller i dækningen', items: news.openedGaps.slice(0, 30), empty: 'Ingen nye.' },
      { heading: 'Lukkede huller i dækningen', items: news.closedGaps.slice(0, 30) },
      {
        heading: `Opfølgningspunkter over fristen (${news.overdueCount ?? news.overdue.length} i alt, de seneste først)`,
        items: news.overdue.map((o) => `${o.description} (${o.plan}${o.owner ? `, ${o.owner}` : ''}): frist ${danishDate(o.dueDate)}`),
        empty: 'Ingen.',
      },
      {
        heading: 'Indikatorer uden ny måling i 6 måneder',
        items: news.silentIndicators.map((i) => `${i.name} (${i.plan}): ${i.last ? `sidst målt ${danishDate(i.last)}` : 'aldrig målt'}`),
        empty: 'Ingen.',
      },
    ],
    `${publicUrl}/overlaps`,
  );
}

/** What the digest's notification keeps (scheduled.ts writes it). */
export interface DigestPayload {
  period: { from: string; to: string };
  groups: { key: string; label: string }[];
  newGroups: string[];
  openedGaps: string[];
  closedGaps: string[];
  overdue: { description: string; dueDate: string; plan: string; owner: string | null }[];
  /** All overdue follow-ups; `overdue` lists the 50 most recent. */
  overdueCount: number;
  silentIndicators: { name: string; plan: string; last: string | null }[];
}
