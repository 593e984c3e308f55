import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { addDays, instantOf, nextSlot } from '../server/notifications/clock.js';
import { startTestHub, testConfig, type TestHub } from './support/hub.js';
import { startProcess } from './support/process.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server in the test process; `refuse` makes it answer every message with a temporary failure. */
async function smtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (state.refuse) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let t: TestHub;
let smtp: Awaited<ReturnType<typeof smtpServer>>;
let ownPlan: string;
let lise: { token: string };

beforeAll(async () => {
  smtp = await smtpServer();
  t = await startTestHub({ config: { mail: { ...loadConfig({}).mail, smtpUrl: smtp.url, from: 'Hubben <hub@odense.example>', sendIntervalMs: 0 } } });
  ownPlan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  // The lead of another plan in the same estate, with an e-mail address.
  const em = t.hub.orm.em.fork();
  const [person] = (await em.execute("insert into person (name, email) values ('Lise Leder', 'lise@vollsmose.example') returning id")) as { id: number }[];
  const [plan] = (await em.execute("select id from plan where code = 'VOL-VEST'")) as { id: number }[];
  lise = { token: (await insertUser(em, { name: 'Lise Leder', role: Role.PROJECT_LEAD, planIds: [plan!.id], personId: person!.id })).token };
});
afterAll(async () => {
  await t?.stop();
  await smtp?.close();
});

const sheet = (title: string) =>
  ['Titel;Metode;Målgrupper;Områder;Startdato;Ugeplan', `${title};Lektiecafé;Skolebørn 6-12;Vollsmose;1.1.2026;"tirsdag 15-17; torsdag 15-17"`].join('\n');

async function register(title: string) {
  const { report } = await t.mutate(
    'importActivities',
    'ImportActivitiesInput',
    { planId: ownPlan, format: 'CSV', content: sheet(title), dryRun: false },
    'report { written failed }',
  );
  expect(report).toEqual({ written: true, failed: 0 });
}

const outbox = async () =>
  (await t.hub.orm.em.fork().execute('select state, attempts, to_address, message_id, subject from outbox_message order by id')) as {
    state: string;
    attempts: number;
    to_address: string;
    message_id: string;
    subject: string;
  }[];

describe('e-mail about new overlaps', () => {
  test("a new homework café next to another plan's reaches that plan's lead in Danish, once; later ones are gathered; an SMTP outage loses and doubles nothing", async () => {
    const start = new Date();
    await register('Lektiecafé i Vollsmose Øst');
    const leads = (await t.hub.orm.em.fork().execute('select count(*)::int as n from notification where title like \'"Lektiecafé i Vollsmose Øst"%\'')) as {
      n: number;
    }[];
    expect(leads[0]!.n).toBeGreaterThan(0);
    await t.hub.tick(start);
    const mails = smtp.received.filter((m) => m.to.includes('lise@vollsmose.example'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toMatch(/^Subject: (Overlap: |\d+ nye overlap med jeres aktiviteter)/m);
    expect(mails[0]!.raw).toContain('Content-Type: text/html');
    // Quoted-printable bodies: the Danish text, decoded.
    const body = mails[0]!.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    expect(Buffer.from(body, 'latin1').toString('utf8')).toMatch(
      /(overlapper nu med en af jeres|overlapper nu med jeres): samme målgruppe, samme sted og samme tid/,
    );
    // A second one within the window waits for it, then goes out as one e-mail with the others.
    await register('Lektiehjælp for 4. klasse');
    await register('Lektiecafé lørdag');
    await t.hub.tick(new Date(start.getTime() + 60_000));
    expect(smtp.received.filter((m) => m.to.includes('lise@vollsmose.example'))).toHaveLength(1);
    smtp.state.refuse = true;
    await t.hub.tick(new Date(start.getTime() + 11 * 60_000));
    expect(smtp.received.filter((m) => m.to.includes('lise@vollsmose.example'))).toHaveLength(1);
    const failed = (await outbox()).filter((m) => m.to_address === 'lise@vollsmose.example');
    expect(failed.map((m) => [m.state, m.attempts])).toEqual([
      ['SENT', 1],
      ['PENDING', 1],
    ]);
    expect(failed[1]!.subject).toMatch(/^\d+ nye overlap med jeres aktiviteter$/);
    // The server is back: the retry goes out after its backoff, with the same Message-ID, and only once.
    smtp.state.refuse = false;
    await t.hub.tick(new Date(start.getTime() + 11 * 60_000 + 30_000));
    expect(smtp.received.filter((m) => m.to.includes('lise@vollsmose.example'))).toHaveLength(1);
    await Promise.all([t.hub.tick(new Date(start.getTime() + 13 * 60_000)), t.hub.tick(new Date(start.getTime() + 13 * 60_000))]);
    const after = smtp.received.filter((m) => m.to.includes('lise@vollsmose.example'));
    expect(after).toHaveLength(2);
    expect(after[1]!.raw).toContain(`Message-ID: ${failed[1]!.message_id}`);
    expect((await outbox()).filter((m) => m.to_address === 'lise@vollsmose.example').map((m) => m.state)).toEqual(['SENT', 'SENT']);
  });

  test('two hubs on one database send each e-mail of the outbox once, and a restarted hub sends what was left', async () => {
    const em = t.hub.orm.em.fork();
    const due = new Date(Date.now() - 1000);
    for (let i = 0; i < 12; i++) {
      await em.execute(
        `insert into outbox_message (kind, message_id, to_address, subject, text, html, headers, state, attempts, next_attempt_at, created_at)
         values ('OVERLAP', ?, ?, 'Test', 'Tekst', '<p>Tekst</p>', '{}'::jsonb, 'PENDING', 0, ?, ?)`,
        [`<twohubs-${i}@odense.example>`, `leder${i}@odense.example`, due, due],
      );
    }
    const mail = { ...loadConfig({}).mail, smtpUrl: smtp.url, from: 'Hubben <hub@odense.example>', sendIntervalMs: 0 };
    const second = await startHub(testConfig({ databaseUrl: t.database.url, mail }), { log: () => undefined });
    try {
      await Promise.all([t.hub.tick(), second.tick(), t.hub.tick(), second.tick()]);
    } finally {
      await second.stop();
    }
    // Rows a stopped hub left behind are sent by the next hub that starts on the database.
    for (let i = 12; i < 15; i++) {
      await em.execute(
        `insert into outbox_message (kind, message_id, to_address, subject, text, html, headers, state, attempts, next_attempt_at, created_at)
         values ('OVERLAP', ?, ?, 'Test', 'Tekst', '<p>Tekst</p>', '{}'::jsonb, 'PENDING', 0, ?, ?)`,
        [`<twohubs-${i}@odense.example>`, `leder${i}@odense.example`, due, due],
      );
    }
    const restarted = await startHub(testConfig({ databaseUrl: t.database.url, mail }), { log: () => undefined });
    try {
      await restarted.tick();
    } finally {
      await restarted.stop();
    }
    const ids = smtp.received.flatMap((m) => /^Message-ID: (<twohubs-\d+@odense\.example>)/m.exec(m.raw)?.[1] ?? []);
    expect(ids.sort()).toEqual(Array.from({ length: 15 }, (_, i) => `<twohubs-${i}@odense.example>`).sort());
    const states = (await em.execute("select state, count(*)::int as n from outbox_message where message_id like '<twohubs-%' group by state")) as {
      state: string;
      n: number;
    }[];
    expect(states).toEqual([{ state: 'SENT', n: 15 }]);
  });
});

test('a hub killed while the SMTP server has its e-mail loses nothing and doubles nothing: the row stays claimable, and another hub sends it once', async () => {
  // An SMTP server that takes the message and never answers: the hub is in the middle of sending when it dies.
  let started!: () => void;
  const receiving = new Promise<void>((resolve) => (started = resolve));
  const stalled = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream) {
      stream.on('data', () => undefined);
      started();
    },
  });
  // The killed hub's connection ends with a reset: expected here.
  stalled.on('error', () => undefined);
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  const em = t.hub.orm.em.fork();
  const past = new Date(Date.now() - 1000);
  await em.execute(
    `insert into outbox_message (kind, message_id, to_address, subject, text, html, headers, state, attempts, next_attempt_at, created_at)
     values ('OVERLAP', '<killed-hub@odense.example>', 'leder@odense.example', 'Test', 'Tekst', '<p>Tekst</p>', '{}'::jsonb, 'PENDING', 0, ?, ?)`,
    [past, past],
  );
  const hub = startProcess({
    DATABASE_URL: t.database.url,
    HUB_SMTP_URL: `smtp://127.0.0.1:${(stalled.server.address() as AddressInfo).port}`,
    HUB_MAIL_INTERVAL_SECONDS: '1',
  });
  try {
    await receiving;
    hub.child.kill('SIGKILL');
    await hub.exited;
  } finally {
    hub.child.kill('SIGKILL');
    stalled.close();
  }
  const [row] = (await em.execute("select state, attempts from outbox_message where message_id = '<killed-hub@odense.example>'")) as {
    state: string;
    attempts: number;
  }[];
  expect(row).toEqual({ state: 'PENDING', attempts: 0 });
  await t.hub.tick();
  await t.hub.tick();
  expect(smtp.received.filter((m) => m.raw.includes('Message-ID: <killed-hub@odense.example>'))).toHaveLength(1);
}, 90_000);

describe('what each user chooses and sees', () => {
  const mailsToLise = () => smtp.received.filter((m) => m.to.includes('lise@vollsmose.example')).length;
  const settings = (list: { kind: string; frequency: string }[]) =>
    t.gql(
      'mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { settings { kind frequency } userErrors { field code } } }',
      { input: { settings: list } },
      lise,
    );

  test('e-mail per kind immediately, daily or never, as the user chose; a digest cannot be immediate', async () => {
    const viewer = await t.gql('{ viewer { notificationSettings { kind frequency } unreadNotificationCount } }', undefined, lise);
    expect(viewer.data.viewer.notificationSettings).toEqual([
      { kind: 'OVERLAP', frequency: 'IMMEDIATELY' },
      { kind: 'DIGEST', frequency: 'WEEKLY' },
      { kind: 'REMINDER', frequency: 'IMMEDIATELY' },
    ]);
    const refused = await settings([{ kind: 'DIGEST', frequency: 'IMMEDIATELY' }]);
    expect(refused.data.updateNotificationSettings).toEqual({
      settings: null,
      userErrors: [{ field: ['input', 'settings', '0', 'frequency'], code: 'INVALID' }],
    });
    const daily = await settings([{ kind: 'OVERLAP', frequency: 'DAILY' }]);
    expect(daily.data.updateNotificationSettings.settings[0]).toEqual({ kind: 'OVERLAP', frequency: 'DAILY' });

    // Daily: nothing until the next 07:00 (Copenhagen) after the news, then one e-mail.
    const before = mailsToLise();
    const now = new Date();
    await register('Lektiecafé søndag');
    await t.hub.tick(now);
    expect(mailsToLise()).toBe(before);
    await t.hub.tick(new Date(nextSlot(now, 'DAILY').getTime() + 1000));
    expect(mailsToLise()).toBe(before + 1);

    // Never: written for the console, never e-mailed.
    await settings([{ kind: 'OVERLAP', frequency: 'NEVER' }]);
    await register('Lektiecafé mandag');
    await t.hub.tick(new Date(nextSlot(new Date(), 'WEEKLY').getTime() + 1000));
    expect(mailsToLise()).toBe(before + 1);
    const latest = await t.gql('{ notifications(first: 1) { nodes { title emailState readAt } } }', undefined, lise);
    expect(latest.data.notifications.nodes).toEqual([{ title: expect.stringContaining('"Lektiecafé mandag"'), emailState: 'NOT_SENT', readAt: null }]);
    await settings([{ kind: 'OVERLAP', frequency: 'IMMEDIATELY' }]);
  });

  test("one's notifications are one's own: listed, counted, marked read; nobody else opens or marks them", async () => {
    const list = await t.gql(
      '{ notifications(first: 2) { totalCount nodes { id kind title link } pageInfo { hasNextPage endCursor } } viewer { unreadNotificationCount } }',
      undefined,
      lise,
    );
    const { totalCount, nodes, pageInfo } = list.data.notifications;
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toMatchObject({ kind: 'OVERLAP', link: expect.stringMatching(/^\/activities\//) });
    expect(list.data.viewer.unreadNotificationCount).toBe(totalCount);
    const next = await t.gql('query($after: String) { notifications(first: 100, after: $after) { nodes { id } } }', { after: pageInfo.endCursor }, lise);
    expect(next.data.notifications.nodes).toHaveLength(totalCount - 2);

    const mine = nodes[0].id;
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: mine }, Role.COORDINATOR)).data.node).toBeNull();
    expect((await t.gql('query($id: ID!) { node(id: $id) { ... on Notification { title } } }', { id: mine }, lise)).data.node.title).toBe(nodes[0].title);
    const mark = (input: Record<string, unknown>, as: Role | { token: string }) =>
      t.gql(
        'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount userErrors { field code } } }',
        { input },
        as,
      );
    expect((await mark({ ids: [mine] }, Role.COORDINATOR)).data.markNotificationsRead).toEqual({
      markedCount: null,
      unreadCount: null,
      userErrors: [{ field: ['input', 'ids', '0'], code: 'NOT_FOUND' }],
    });
    expect((await mark({ ids: [mine] }, lise)).data.markNotificationsRead).toEqual({ markedCount: 1, unreadCount: totalCount - 1, userErrors: [] });
    expect((await mark({ ids: [mine] }, lise)).data.markNotificationsRead.markedCount).toBe(0);
    expect((await mark({}, lise)).data.markNotificationsRead.userErrors).toEqual([{ field: ['input'], code: 'INVALID' }]);
    expect((await mark({ all: true }, lise)).data.markNotificationsRead).toEqual({ markedCount: totalCount - 1, unreadCount: 0, userErrors: [] });
    // Another user's settings and count are not on their User object.
    const others = await t.gql('query($id: ID!) { node(id: $id) { ... on User { notificationSettings { kind } unreadNotificationCount } } }', {
      id: await t.idOf('User', "select id from app_user where name = 'Lise Leder'"),
    });
    expect(others.data.node).toEqual({ notificationSettings: null, unreadNotificationCount: null });
  });

  test('every e-mail carries a one-click unsubscribe (RFC 8058) that works without signing in and changes only that kind', async () => {
    const mail = smtp.received.filter((m) => m.to.includes('lise@vollsmose.example')).at(-1)!;
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const url = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)![1]!;
    expect(url).toMatch(/\/unsubscribe\?u=\d+&k=OVERLAP&s=[\w-]{32}$/);
    const hub = new URL(t.hub.url);
    const address = new URL(url);
    address.host = hub.host;
    // A GET (a mail scanner opening the link) only shows the button.
    const shown = await fetch(address);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<button type="submit">Afmeld e-mails om nye overlap med jeres aktiviteter</button>');
    const current = async () => (await t.gql('{ viewer { notificationSettings { kind frequency } } }', undefined, lise)).data.viewer.notificationSettings;
    expect(await current()).toContainEqual({ kind: 'OVERLAP', frequency: 'IMMEDIATELY' });
    // A changed signature or kind is refused.
    for (const forged of [address.href.replace(/s=[\w-]+$/, 's=' + 'A'.repeat(32)), address.href.replace('k=OVERLAP', 'k=DIGEST')]) {
      const refused = await fetch(forged, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Linket virker ikke');
    }
    const clicked = await fetch(address, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('Du er afmeldt');
    expect(await current()).toEqual([
      { kind: 'OVERLAP', frequency: 'NEVER' },
      { kind: 'DIGEST', frequency: 'WEEKLY' },
      { kind: 'REMINDER', frequency: 'IMMEDIATELY' },
    ]);
    expect((await fetch(address, { method: 'PUT' })).status).toBe(405);
    await settings([{ kind: 'OVERLAP', frequency: 'IMMEDIATELY' }]);
  });

  test('administrators see what was sent and what failed; nobody else does', async () => {
    const log = await t.gql(
      '{ notificationLog(first: 100) { totalCount nodes { kind messageId toAddress subject state attempts lastError sentAt recipient { name } } } }',
      undefined,
      Role.ADMIN,
    );
    expect(log.errors).toBeUndefined();
    const toLise = log.data.notificationLog.nodes.filter((m: { toAddress: string }) => m.toAddress === 'lise@vollsmose.example');
    expect(toLise.length).toBeGreaterThan(1);
    expect(toLise.every((m: { state: string; recipient: { name: string } }) => m.state === 'SENT' && m.recipient.name === 'Lise Leder')).toBe(true);
    const failedOnly = await t.gql('{ notificationLog(state: FAILED) { nodes { state } } }', undefined, Role.ADMIN);
    expect(failedOnly.data.notificationLog.nodes).toEqual([]);
    const refused = await t.gql('{ notificationLog { totalCount } }', undefined, Role.COORDINATOR);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.status).toBe(403);
  });
});

describe('reminders and the digest at their times', () => {
  const decoded = (raw: string) =>
    Buffer.from(
      raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  test("a follow-up's owner is reminded 3 days before its deadline and on the day it goes overdue, once each", async () => {
    const em = t.hub.orm.em.fork();
    const [meeting] = (await em.execute(
      'select m.id from meeting m join steering_group g on g.id = m.steering_group_id where g.plan_id is not null order by m.id limit 1',
    )) as { id: number }[];
    const due = '2027-03-10';
    await em.execute(
      "insert into action_item (meeting_id, description, owner_id, due_date, status) select ?, 'Send evalueringen af lektiecaféen til styregruppen', person_id, ?, 'OPEN' from app_user where name = 'Lise Leder'",
      [meeting!.id, due],
    );
    const before = to('lise@vollsmose.example').length;
    await t.hub.tick(instantOf(addDays(due, -4), 9));
    expect(to('lise@vollsmose.example')).toHaveLength(before);
    await t.hub.tick(instantOf(addDays(due, -3), 9));
    await t.hub.tick(instantOf(addDays(due, -2), 9));
    const soon = to('lise@vollsmose.example').slice(before);
    expect(soon).toHaveLength(1);
    expect(decoded(soon[0]!.raw)).toMatch(/^Subject: =\?UTF-8\?|^Subject: Påmindelse/m);
    expect(decoded(soon[0]!.raw)).toContain('Send evalueringen af lektiecaféen til styregruppen');
    expect(decoded(soon[0]!.raw)).toContain('frist 10. marts 2027');
    await t.hub.tick(instantOf(due, 9));
    expect(to('lise@vollsmose.example')).toHaveLength(before + 1);
    await t.hub.tick(instantOf(addDays(due, 1), 9));
    await t.hub.tick(instantOf(addDays(due, 2), 9));
    const overdue = to('lise@vollsmose.example').slice(before + 1);
    expect(overdue).toHaveLength(1);
    expect(decoded(overdue[0]!.raw)).toContain('Overskredet:');
    const list = await t.gql('{ notifications(first: 2) { nodes { kind title link } } }', undefined, lise);
    expect(list.data.notifications.nodes.map((n: { kind: string; title: string }) => [n.kind, n.title.split(':')[0]])).toEqual([
      ['REMINDER', 'Opfølgning overskredet'],
      ['REMINDER', 'Opfølgning snart'],
    ]);
  });

  test('coordinators get the weekly digest on Monday at 07:00 Copenhagen time, once, with overlap groups, gaps, overdue follow-ups and silent indicators', async () => {
    const em = t.hub.orm.em.fork();
    const [person] = (await em.execute("insert into person (name, email) values ('Karen Koordinator', 'karen@odense.example') returning id")) as {
      id: number;
    }[];
    await insertUser(em, { name: 'Karen Koordinator', role: Role.COORDINATOR, personId: person!.id });
    const monday = instantOf('2027-03-15', 7);
    await t.hub.tick(new Date(monday.getTime() - 60_000));
    expect(to('karen@odense.example')).toHaveLength(0);
    await t.hub.tick(new Date(monday.getTime() + 30_000));
    await t.hub.tick(new Date(monday.getTime() + 3600_000));
    const digests = to('karen@odense.example');
    expect(digests).toHaveLength(1);
    const text = decoded(digests[0]!.raw);
    expect(text).toMatch(/^Subject: =\?UTF-8\?Q\?Ugens_overblik_2027-03-15:/m);
    expect(text).toContain('Her er overblikket over de boligsociale helhedsplaner siden 8. marts 2027.');
    for (const heading of [
      'Nye overlapgrupper uden beslutning',
      'Nye huller i dækningen',
      'Opfølgningspunkter over fristen',
      'Indikatorer uden ny måling i 6 måneder',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Send evalueringen af lektiecaféen til styregruppen');
    // The week after: compared with the first, nothing new among the overlap groups.
    await t.hub.tick(instantOf('2027-03-16', 7));
    expect(to('karen@odense.example')).toHaveLength(1);
    await t.hub.tick(instantOf('2027-03-22', 8));
    const second = to('karen@odense.example');
    expect(second).toHaveLength(2);
    expect(decoded(second[1]!.raw)).toMatch(/Nye overlapgrupper uden beslutning \(\d+ i alt\):\r?\n {2}Ingen nye\./);
  });
});

describe('calendar feeds', () => {
  const local = (url: string) => {
    const address = new URL(url);
    address.host = new URL(t.hub.url).host;
    return address.href;
  };
  const events = async (url: string) => {
    const response = await fetch(local(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    return calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  };

  test("a coordinator's feed: meetings and follow-up deadlines of every plan, stable UIDs, SEQUENCE raised when a follow-up is done", async () => {
    const { data } = await t.gql('{ viewer { calendarUrl } }');
    const url = data.viewer.calendarUrl as string;
    expect(url).toMatch(/\/calendar\.ics\?u=\d+&g=1&s=[\w-]{32}$/);
    const first = await events(url);
    const em = t.hub.orm.em.fork();
    const [counts] = (await em.execute('select (select count(*) from meeting)::int as meetings, (select count(*) from action_item)::int as items')) as {
      meetings: number;
      items: number;
    }[];
    expect(first.filter((e) => e.uid.startsWith('meeting-'))).toHaveLength(counts!.meetings);
    expect(first.filter((e) => e.uid.startsWith('action-item-'))).toHaveLength(counts!.items);
    const deadline = first.find((e) => e.summary === 'Frist: Send evalueringen af lektiecaféen til styregruppen')!;
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2027-03-10');
    expect(deadline.sequence).toBe(0);
    const [item] = (await em.execute("select id from action_item where description = 'Send evalueringen af lektiecaféen til styregruppen'")) as {
      id: number;
    }[];
    const done = await t.mutate(
      'completeActionItem',
      'CompleteActionItemInput',
      { id: Buffer.from(`ActionItem:${item!.id}`).toString('base64url') },
      'actionItem { status }',
    );
    expect(done.actionItem ?? done).toBeTruthy();
    const again = await events(url);
    expect(again.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    const changed = again.find((e) => e.uid === deadline.uid)!;
    expect([changed.summary, changed.sequence]).toEqual(['Udført: Send evalueringen af lektiecaféen til styregruppen', 1]);
  });

  test("a project lead's feed holds their plans only, weekly slots in Copenhagen time on request; revoking stops the old address; the secret opens nothing else", async () => {
    const { data } = await t.gql('{ viewer { calendarUrl withSlots: calendarUrl(withActivitySlots: true) } }', undefined, lise);
    const em = t.hub.orm.em.fork();
    const [own] = (await em.execute(
      "select count(*)::int as n from meeting m join steering_group g on g.id = m.steering_group_id join plan p on p.id = g.plan_id where p.code = 'VOL-VEST'",
    )) as { n: number }[];
    const plain = await events(data.viewer.calendarUrl);
    expect(plain.filter((e) => e.uid.startsWith('meeting-'))).toHaveLength(own!.n);
    expect(plain.some((e) => e.uid.startsWith('activity-'))).toBe(false);
    const slots = (await events(data.viewer.withSlots)).filter((e) => e.uid.startsWith('activity-'));
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.isRecurring()).toBe(true);
      expect(slot.startDate.zone?.tzid).toBe('Europe/Copenhagen');
    }
    const [activity] = (await em.execute(
      "select a.id, a.schedule->0->>'startTime' as start from activity a join plan p on p.id = a.plan_id where p.code = 'VOL-VEST' and not a.archived and a.status in ('PLANNED', 'RUNNING') and jsonb_array_length(a.schedule) > 0 order by a.id limit 1",
    )) as { id: number; start: string }[];
    const event = slots.find((e) => e.uid.startsWith(`activity-${activity!.id}-`))!;
    expect(`${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`).toBe(activity!.start.slice(0, 5));

    // Another user's id under Lise's signature, or the signature as a token: nothing.
    const forged = new URL(local(data.viewer.calendarUrl));
    forged.searchParams.set('u', String(Number(forged.searchParams.get('u')) - 1));
    expect((await fetch(forged)).status).toBe(404);
    const asToken = await t.gql('{ viewer { name } }', undefined, { token: new URL(data.viewer.calendarUrl).searchParams.get('s') });
    expect(asToken.status).toBe(401);

    const revoked = await t.gql('mutation { revokeCalendarUrl(input: {}) { calendarUrl userErrors { code } } }', undefined, lise);
    expect(revoked.data.revokeCalendarUrl.userErrors).toEqual([]);
    expect(revoked.data.revokeCalendarUrl.calendarUrl).toMatch(/&g=2&/);
    expect((await fetch(local(data.viewer.calendarUrl))).status).toBe(404);
    expect(await events(revoked.data.revokeCalendarUrl.calendarUrl)).toHaveLength(plain.length);
    // Readers have no plans to show, and no address.
    expect((await t.gql('{ viewer { calendarUrl } }', undefined, Role.READER)).data.viewer.calendarUrl).toBeNull();
  });
});
