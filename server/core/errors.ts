import { GraphQLError } from 'graphql';

/** Error codes of top-level GraphQL errors the hub raises itself. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A query above one of the documented limits (cost, selections, answer size, execution time): HTTP 400. */
  QUERY_LIMIT: 'QUERY_LIMIT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** No token, or one that is not valid: HTTP 401. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A role that may not read this: HTTP 403. */
  FORBIDDEN: 'FORBIDDEN',
  /** Too many requests from one caller: HTTP 429 with Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database cannot be reached; the hub is bringing it back: HTTP 503 with Retry-After. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The hub is busy (too many large queries at once, no pooled connection in time, a statement past its timeout); PostgreSQL is up: HTTP 503 with Retry-After. */
  BUSY: 'BUSY',
  /** A request that is not GraphQL over HTTP (e.g. a body that is not JSON): HTTP 400. */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A query argument the caller got wrong: answered with code BAD_USER_INPUT and HTTP 400. */
export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, ...extensions },
  });
}

/** The limits of QUERY_LIMIT by the name in `extensions.limit`, as Danish readers know them. */
const DANISH_LIMITS: Readonly<Record<string, string>> = {
  HUB_MAX_COST: 'svarets forventede størrelse',
  HUB_MAX_SELECTIONS: 'antallet af felter',
  HUB_MAX_ANSWER_FIELDS: 'svarets størrelse',
  HUB_MAX_EXECUTION_MS: 'tiden, en forespørgsel må bruge',
  HUB_MAX_DEPTH: 'forespørgslens dybde',
  HUB_MAX_ALIASES: 'antallet af aliaser',
  HUB_MAX_TOKENS: 'forespørgslens længde',
  HUB_MAX_DIRECTIVES: 'antallet af direktiver',
};

/**
 * A top-level error as a Danish reader gets it (Accept-Language asks for Danish first): the message in Danish by its
 * code, the English words kept in `extensions.detail` for whoever needs the particulars. Codes and fields stay.
 */
export function inDanish<E extends { message: string; extensions?: Record<string, unknown> | undefined }>(error: E): E {
  const extensions = error.extensions ?? {};
  const code = String(extensions.code ?? '');
  const retry = /try again in (\d+) s/.exec(error.message)?.[1];
  const requestId = typeof extensions.requestId === 'string' ? extensions.requestId : /request id ([0-9a-f-]+)/.exec(error.message)?.[1];
  const limit = typeof extensions.limit === 'string' ? DANISH_LIMITS[extensions.limit] : undefined;
  const danish: Record<string, string> = {
    UNAUTHENTICATED: /not valid/.test(error.message) ? 'Nøglen er ikke gyldig. Log ind igen.' : 'Log ind: send en nøgle (Authorization: Bearer <nøgle>).',
    RATE_LIMITED: `For mange forespørgsler: prøv igen om ${retry ?? 'lidt'}${retry ? ' s' : ''}.`,
    BUSY: 'Hubben har travlt med andre forespørgsler lige nu; prøv igen om et par sekunder.',
    DATABASE_UNAVAILABLE: 'Databasen kan ikke nås lige nu; hubben er ved at få den tilbage. Prøv igen om lidt.',
    QUERY_LIMIT: `Forespørgslen går over hubbens grænse for ${limit ?? 'en forespørgsel'}: bed om færre felter eller mindre sider (first).`,
    BAD_USER_INPUT:
      typeof extensions.da === 'string' ? `Forespørgslen har en ugyldig værdi: ${extensions.da}.` : 'Forespørgslen har en ugyldig værdi (se detail).',
    BAD_REQUEST: 'Forespørgslen er ikke GraphQL over HTTP, som hubben læser det (se detail).',
    GRAPHQL_PARSE_FAILED: 'Forespørgslen kan ikke læses som GraphQL (se detail).',
    GRAPHQL_VALIDATION_FAILED: 'Forespørgslen passer ikke til hubbens skema (se detail).',
    FORBIDDEN: 'Det har din rolle ikke adgang til.',
    INTERNAL_SERVER_ERROR: `Intern fejl i hubben${requestId ? ` (forespørgsels-id ${requestId})` : ''}. Prøv igen; sker det igen, så nævn id'et.`,
  };
  const message = danish[code];
  const { da: _said, ...rest } = extensions;
  return message ? { ...error, message, extensions: { ...rest, detail: error.message } } : error;
}
