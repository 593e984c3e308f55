import type { EntityManager } from '@mikro-orm/postgresql';
import type { PublicRoute, RouteResponse } from '../core/http.js';
import { NotificationFrequency, NotificationKind } from './notification.entity.js';
import { sign, signingSecret, verify } from './signing.js';

/** The console page where a user changes every choice. */
export const SETTINGS_PATH = '/notifikationer';

export const KIND_NAMES: Readonly<Record<NotificationKind, string>> = {
  [NotificationKind.OVERLAP]: 'nye overlap med jeres aktiviteter',
  [NotificationKind.DIGEST]: 'den ugentlige oversigt',
  [NotificationKind.REMINDER]: 'påmindelser om opfølgningspunkter',
};

const subject = (userId: number, kind: NotificationKind) => `unsubscribe:${userId}:${kind}`;

/** The one-click address of one user and kind (RFC 8058): signed, so it works without signing in and changes nothing else. */
export async function unsubscribeUrl(em: EntityManager, publicUrl: string, userId: number, kind: NotificationKind): Promise<string> {
  const signature = sign(await signingSecret(em), subject(userId, kind));
  return `${publicUrl}/unsubscribe?u=${userId}&k=${kind}&s=${signature}`;
}

/** The headers that let a mail program offer the one-click unsubscribe. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(status: number, title: string, body: string): RouteResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em"><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  };
}

/**
 * /unsubscribe: a POST (the mail program's one click, or the page's button) sets that kind to NEVER for that user; a GET only
 * shows the button, since mail scanners open links.
 */
export const unsubscribeRoute: PublicRoute = {
  path: '/unsubscribe',
  methods: ['GET', 'POST'],
  async handle({ url, method, em }) {
    const userId = Number(url.searchParams.get('u'));
    const kind = url.searchParams.get('k') as NotificationKind;
    const tx = em();
    if (
      !Number.isSafeInteger(userId) ||
      !Object.values(NotificationKind).includes(kind) ||
      !verify(await signingSecret(tx), subject(userId, kind), url.searchParams.get('s'))
    ) {
      return page(
        400,
        'Linket virker ikke',
        '<p>Afmeldingslinket er ufuldstændigt eller ændret. Brug linket i en af hubbens e-mails, eller skift dine valg under Mine notifikationer i konsollen.</p>',
      );
    }
    const what = KIND_NAMES[kind];
    if (method === 'GET') {
      return page(
        200,
        'Afmeld e-mails',
        `<p>Vil du ikke længere have e-mails om ${escape(what)}? Du kan stadig se dem i konsollen.</p>` +
          `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Afmeld e-mails om ${escape(what)}</button></form>`,
      );
    }
    await tx.execute(
      `insert into notification_setting (user_id, kind, frequency) select id, ?, ? from app_user where id = ?
       on conflict (user_id, kind) do update set frequency = excluded.frequency`,
      [kind, NotificationFrequency.NEVER, userId],
    );
    return page(
      200,
      'Du er afmeldt',
      `<p>Du får ikke længere e-mails om ${escape(what)}. Du kan ændre det igen under Mine notifikationer i konsollen (${escape(SETTINGS_PATH)}).</p>`,
    );
  },
};
