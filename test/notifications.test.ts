import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { startTestHub, testConfig, type TestHub } from './support/hub.js';

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

beforeAll(async () => {
  smtp = await smtpServer();
  t = await startTestHub({ config: { mail: { ...loadConfig({}).mail, smtpUrl: smtp.url, from: 'Hubben <hub@odense.example>', sendIntervalMs: 0 } } });
  ownPlan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  // The lead of another plan in the same estate, with an e-mail address.
  const em = t.hub.orm.em.fork();
  const [person] = (await em.execute("insert into person (name, email) values ('Lise Leder', 'lise@vollsmose.example') returning id")) as { id: number }[];
  const [plan] = (await em.execute("select id from plan where code = 'VOL-VEST'")) as { id: number }[];
  await insertUser(em, { name: 'Lise Leder', role: Role.PROJECT_LEAD, planIds: [plan!.id], personId: person!.id });
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
