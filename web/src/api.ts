import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, gql } from '@urql/core';

const TOKEN_KEY = 'hub-token';

/** The signed-in user's token, kept for this browser session only. */
export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** Types without an id of their own are stored inside their parent in the normalised cache. */
const EMBEDDED = [
  'ActivityConnection',
  'PlanConnection',
  'OverlapConnection',
  'ExperienceConnection',
  'PageInfo',
  'ActivityEdge',
  'PlanEdge',
  'OverlapEdge',
  'Overlap',
  'OverlapReason',
  'OverlapReview',
  'OverlapGroup',
  'CoverageCell',
  'ScheduleSlot',
  'InquiryStat',
  'InferredMethod',
  'UserError',
  'ImportActivitiesPayload',
  'ImportReport',
  'ImportRow',
  'ImportCellError',
  'NotificationConnection',
  'NotificationEdge',
  'NotificationSetting',
  'MarkNotificationsReadPayload',
  'NotificationSettingsPayload',
  'CalendarUrlPayload',
];

export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange({
        keys: Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
        updates: {
          Mutation: {
            // The menu's unread count follows what was just marked read.
            markNotificationsRead(result, _args, cache) {
              const unread = (result.markNotificationsRead as { unreadCount: number | null } | null)?.unreadCount;
              const viewer = cache.resolve('Query', 'viewer');
              if (typeof unread === 'number' && typeof viewer === 'string') {
                cache.writeFragment(
                  gql`
                    fragment UnreadCount on User {
                      id
                      unreadNotificationCount
                    }
                  `,
                  { id: cache.resolve(viewer, 'id'), unreadNotificationCount: unread },
                );
              }
            },
          },
        },
      }),
      fetchExchange,
    ],
    // The console is Danish whatever the browser prefers: the hub's userErrors come back in Danish.
    fetchOptions: (): RequestInit => ({
      headers: { 'accept-language': 'da', ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) },
    }),
    requestPolicy: 'cache-and-network',
    // POST: the hub's CSRF protection refuses a GET without a preflight header.
    preferGetMethod: false,
  });
}

/** Plain Danish for what went wrong with a request. */
export function describeError(
  error: { networkError?: Error; response?: { status?: number }; graphQLErrors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined,
): string | null {
  if (!error) return null;
  const status = error.response?.status;
  if (status === 401) return 'Du er ikke logget ind, eller din nøgle er ikke længere gyldig. Log ind igen.';
  if (status === 429) return 'For mange forespørgsler på kort tid. Vent et øjeblik, og prøv igen.';
  if (status === 503) return 'Hubben er midlertidigt utilgængelig. Prøv igen om lidt.';
  if (error.networkError) return 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.';
  return `Hubben kunne ikke svare: ${error.graphQLErrors?.[0]?.message ?? 'ukendt fejl'}`;
}

/** Why a mutation did not go through, in Danish (the hub gives its userErrors in Danish to the console), or null when it did. */
export function refusal(
  answer: { error?: Parameters<typeof describeError>[0] },
  payload: { userErrors: readonly { message: string }[] } | null | undefined,
): string | null {
  if (payload && !payload.userErrors.length) return null;
  return payload?.userErrors[0]?.message ?? describeError(answer.error) ?? 'Hubben svarede ikke. Prøv igen.';
}
