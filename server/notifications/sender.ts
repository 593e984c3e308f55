import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { HubConfig } from '../core/config.js';
import { AdvisoryLock } from '../core/advisory.js';
import { rows } from '../core/sql.js';
import { composeDigestMail, composeOverlapMail, composeReminderMail, withFooter, type OverlapNews } from './mail.js';
import { nextSlot } from './clock.js';
import { EmailState, NotificationFrequency, NotificationKind, OutboxState } from './notification.entity.js';
import { frequencySql } from './notification.service.js';
import { scheduleDigests, scheduleReminders, type DigestNews, type ReminderNews } from './scheduled.js';
import { KIND_NAMES, SETTINGS_PATH, unsubscribeHeaders, unsubscribeUrl } from './unsubscribe.js';

/** Attempts before an e-mail is given up (the waits double from a minute: about 8.5 hours in all). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

export interface MailWorkerOptions {
  orm: MikroORM;
  config: HubConfig['mail'];
  /** The console's address for links: HUB_PUBLIC_URL, else the hub's own. */
  publicUrl: string;
  log: (line: string) => void;
}

/**
 * Turns pending notifications into e-mails and sends the outbox. Every step is a short transaction that claims its rows with
 * FOR UPDATE SKIP LOCKED, so several hubs on one database share the work without doing any of it twice; a message keeps its
 * Message-ID on every attempt.
 */
export class MailWorker {
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: MailWorkerOptions) {
    if (options.config.smtpUrl) this.transport = nodemailer.createTransport(options.config.smtpUrl, { from: options.config.from });
  }

  start(): void {
    if (this.options.config.sendIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.options.config.sendIntervalMs).unref();
  }

  /** One round: compose what is due, then send what is due; a round already running is waited for instead. */
  tick(now: Date = new Date()): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.compose(now);
        await this.deliver(now);
      } catch (error) {
        this.options.log(`e-mail: this round stopped: ${(error as Error).message}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  private em(): EntityManager {
    return this.options.orm.em.fork() as EntityManager;
  }

  /**
   * Pending notifications become one e-mail per recipient and kind, as the recipient chose: at once (later news gathered until the
   * window after the last e-mail has passed), at the next daily or weekly 07:00, or never. Reminders and digests that are due are
   * written first.
   */
  async compose(now: Date): Promise<void> {
    // One hub a round writes what is due; the others skip it (the dedupe keys would keep each once anyway, at twice the work).
    await this.em().transactional(async (tx) => {
      const [lock] = await rows(tx, 'select pg_try_advisory_xact_lock(?) as taken', [AdvisoryLock.MAIL_SCHEDULE]);
      if (!lock?.taken) return;
      await scheduleReminders(tx, now);
      await scheduleDigests(tx, now);
    });
    const due = await rows(
      this.em(),
      `select n.recipient_id, n.kind, min(n.created_at) as oldest, ${frequencySql('n.recipient_id', 'n.kind')} as frequency,
         (select max(m.created_at) from outbox_message m where m.recipient_id = n.recipient_id and m.kind = n.kind) as last
       from notification n where n.email_state = ? group by n.recipient_id, n.kind order by 1, 2`,
      [EmailState.PENDING],
    );
    for (const recipient of due) {
      if (this.stopped) return;
      const kind = String(recipient.kind) as NotificationKind;
      const frequency = String(recipient.frequency) as NotificationFrequency;
      const last = recipient.last ? new Date(String(recipient.last)) : null;
      const oldest = new Date(String(recipient.oldest));
      // A digest is written at its own time; the others wait as their recipient chose.
      if (this.transport && kind !== NotificationKind.DIGEST) {
        if (frequency === NotificationFrequency.IMMEDIATELY && last && now.getTime() < last.getTime() + this.options.config.batchWindowMs) continue;
        if ((frequency === NotificationFrequency.DAILY || frequency === NotificationFrequency.WEEKLY) && nextSlot(oldest, frequency) > now) continue;
      }
      await this.em().transactional(async (tx) => {
        const pending = await rows(
          tx,
          `select id, title, payload from notification where recipient_id = ? and email_state = ? and kind = ? order by id for update skip locked`,
          [recipient.recipient_id, EmailState.PENDING, kind],
        );
        if (!pending.length) return;
        const ids = `{${pending.map((n) => n.id).join(',')}}`;
        const [person] = await rows(tx, `select u.name as user_name, p.name, p.email from app_user u left join person p on p.id = u.person_id where u.id = ?`, [
          recipient.recipient_id,
        ]);
        // No SMTP server, nobody to write to, or no e-mail wanted: the notification stays in the console only.
        if (!this.transport || !person?.email || frequency === NotificationFrequency.NEVER) {
          await tx.execute(`update notification set email_state = ? where id = any(?::int[])`, [EmailState.NOT_SENT, ids]);
          return;
        }
        const name = String(person.name ?? person.user_name);
        const payloads = pending.map((n) => (typeof n.payload === 'string' ? JSON.parse(n.payload) : n.payload) as unknown);
        const unsubscribe = await unsubscribeUrl(tx, this.options.publicUrl, Number(recipient.recipient_id), kind);
        const body =
          kind === NotificationKind.OVERLAP
            ? await composeOverlapMail(tx, name, payloads as OverlapNews[], this.options.publicUrl)
            : kind === NotificationKind.REMINDER
              ? await composeReminderMail(tx, name, payloads as ReminderNews[], this.options.publicUrl)
              : composeDigestMail(name, String(pending.at(-1)!.title), payloads.at(-1) as DigestNews, this.options.publicUrl);
        const mail = withFooter(body, KIND_NAMES[kind], `${this.options.publicUrl}${SETTINGS_PATH}`, unsubscribe);
        const domain = /@([^>\s]+)/.exec(this.options.config.from)?.[1] ?? 'hub.localhost';
        const [outbox] = await rows(
          tx,
          `insert into outbox_message (recipient_id, kind, message_id, to_address, subject, text, html, headers, state, attempts, next_attempt_at, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0, ?, ?) returning id`,
          [
            recipient.recipient_id,
            kind,
            `<${randomUUID()}@${domain}>`,
            person.email,
            mail.subject,
            mail.text,
            mail.html,
            JSON.stringify(unsubscribeHeaders(unsubscribe)),
            OutboxState.PENDING,
            now,
            now,
          ],
        );
        await tx.execute(`update notification set email_state = ?, email_id = ? where id = any(?::int[])`, [EmailState.QUEUED, outbox!.id, ids]);
      });
    }
  }

  /** Sends every e-mail that is due, one claimed row at a time, holding its lock while the SMTP server answers. */
  async deliver(now: Date): Promise<void> {
    if (!this.transport) return;
    for (;;) {
      if (this.stopped) return;
      const sent = await this.em().transactional(async (tx) => {
        const [message] = await rows(
          tx,
          `select id, message_id, to_address, subject, text, html, headers, attempts from outbox_message
           where state = ? and next_attempt_at <= ? order by id limit 1 for update skip locked`,
          [OutboxState.PENDING, now],
        );
        if (!message) return false;
        try {
          await this.transport!.sendMail({
            from: this.options.config.from,
            to: String(message.to_address),
            subject: String(message.subject),
            text: String(message.text),
            html: String(message.html),
            messageId: String(message.message_id),
            headers: (typeof message.headers === 'string' ? JSON.parse(message.headers) : message.headers) as Record<string, string>,
          });
          await tx.execute(`update outbox_message set state = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?`, [
            OutboxState.SENT,
            new Date(),
            message.id,
          ]);
        } catch (error) {
          const attempts = Number(message.attempts) + 1;
          const code = (error as { responseCode?: number }).responseCode;
          // A 5xx answer is final (the address or the message is refused); anything else is tried again, later each time.
          const final = (code !== undefined && code >= 500) || attempts >= MAX_ATTEMPTS;
          const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
          await tx.execute(`update outbox_message set state = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?`, [
            final ? OutboxState.FAILED : OutboxState.PENDING,
            attempts,
            new Date(now.getTime() + wait),
            String((error as Error).message).slice(0, 1000),
            message.id,
          ]);
          this.options.log(
            `e-mail ${message.message_id} to ${message.to_address}: ${final ? 'given up' : `attempt ${attempts} failed, next in ${wait / 1000} s`}: ${(error as Error).message}`,
          );
        }
        return true;
      });
      if (!sent) return;
    }
  }
}
