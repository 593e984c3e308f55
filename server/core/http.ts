import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from './config.js';
import { serveConsole } from './console.js';
import { serveExplorer, serveExplorerAsset } from './explorer.js';
import { createContext, languageOf, messageLanguageOf, type HubContext, type Language, type MakeLoaders, type Viewer } from './context.js';
import { ErrorCode, inDanish } from './errors.js';
import { costPlugin, tooManySelections } from './cost.js';
import type { DatabaseHealth } from './db-health.js';
import { HttpDrain } from './drain.js';
import { inputGuardPlugin, MAX_INPUT_DEPTH, nestsDeeperThan, tooDeep, withoutEcho } from './input-guard.js';
import { compiledExecution } from './jit.js';
import { ReadPlanner, type PlannerDeps } from './planner.js';
import type { TypeReads } from './reads.js';
import { queryProtection } from './limits.js';
import { logger } from './logger.js';
import { SharedRateLimiter } from './rate-limit.js';
import { RecentWriters, stayOnPrimary, withReadRoute } from './read-routing.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HubHttp {
  server: http.Server;
  apollo: ApolloServer<HubContext>;
  /** Stops taking requests and waits until every response in flight is written. */
  drain: HttpDrain;
  /** Closes what the HTTP layer holds besides the server (the rate limit's pool, the write listener); after the drain. */
  close(): Promise<void>;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = `Request body larger than ${limit / 1024 / 1024} MB`;
    if (declared > limit) return reject(new RequestError(413, tooLarge));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RequestError(413, tooLarge));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A client's own request id, logged beside the hub's when it is a plain token of at most 100 characters. */
function clientId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[\w.:/+=-]{1,100}$/.test(header) ? header : null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  // Errors a Danish reader asked for (Accept-Language) are said in Danish, their codes unchanged.
  const errors = (body as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors;
  const danish = errors && messageLanguageOf(res.req?.headers['accept-language']) === 'da';
  res.end(JSON.stringify(danish ? { ...(body as object), errors: errors.map((e) => inDanish(e)) } : body));
}

const DATABASE_DOWN_MESSAGE = 'The database is not available at the moment; the hub is bringing it back. Try again shortly.';
const BUSY_MESSAGE = 'The hub is busy with other requests at the moment; try again in a few seconds.';
/** Seconds a client should wait before it asks again, when the hub is busy or its database is coming back. */
const RETRY_AFTER_SECONDS = '2';

/** The request being served, for error masking and logs. */
const currentRequest = new AsyncLocalStorage<{ requestId: string; messages?: Language }>();

/** formatError's answers, in Danish when the request asked for Danish (Accept-Language). */
export function formatError(development: boolean, health?: DatabaseHealth) {
  const format = formatErrorPlain(development, health);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    if (currentRequest.getStore()?.messages === 'da') return inDanish(answer);
    // The Danish words an error carries for Danish readers (extensions.da) are not sent to others.
    if (answer.extensions && 'da' in answer.extensions) {
      const { da: _danish, ...extensions } = answer.extensions;
      return { ...answer, extensions };
    }
    return answer;
  };
}

/** Internal faults reach the caller as a plain message with the request id; the full error goes to the log. */
function formatErrorPlain(development: boolean, health?: DatabaseHealth) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const message = withoutEcho(formatted.message);
      return message === formatted.message ? formatted : { ...formatted, message };
    }
    // graphql-js stops coercing variables after 50 mistakes with an error of no code: still the caller's mistake.
    if (/^Too many errors processing variables/.test(formatted.message)) {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    // Busy (no pooled connection in time, a statement timed out under load) is not a dead database.
    if (health?.busy(unwrapResolverError(error))) {
      return { message: BUSY_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.BUSY } };
    }
    // A database that went away is said once every few seconds by the health tracker, not as a stack per request.
    if (health?.failed(unwrapResolverError(error))) {
      return { message: DATABASE_DOWN_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } };
    }
    if (development) return formatted;
    const requestId = currentRequest.getStore()?.requestId;
    logger.error({ requestId, err: unwrapResolverError(error), path: formatted.path }, 'internal error');
    return {
      message: `Internal server error (request id ${requestId ?? 'unknown'})`,
      path: formatted.path,
      extensions: { code, ...(requestId ? { requestId } : {}) },
    };
  };
}

/**
 * The caller's address: the socket's, or behind `trustedProxies` proxies the entry of X-Forwarded-For that the
 * farthest trusted proxy received the request from (entries further left are the client's own claims and are ignored).
 */
export function clientAddress(req: Pick<http.IncomingMessage, 'headers' | 'socket'>, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}

/** "Variables" or "Extensions" when that part of a request nests deeper than MAX_INPUT_DEPTH (GET carries them as JSON text). */
function tooDeepInput(request: unknown): string | null {
  for (const part of ['variables', 'extensions'] as const) {
    let value: unknown;
    if (request instanceof URLSearchParams) {
      const text = request.get(part);
      if (!text) continue;
      try {
        value = JSON.parse(text);
      } catch {
        // Not JSON: Apollo answers that with its own message.
        continue;
      }
    } else value = (request as Record<string, unknown> | undefined)?.[part];
    if (nestsDeeperThan(value, MAX_INPUT_DEPTH)) return part === 'variables' ? 'Variables' : 'Extensions';
  }
  return null;
}

/** The viewer behind a bearer token, or null; given an EntityManager only when it must ask the database. */
export interface Authenticate {
  (em: () => EntityManager, token: string): Promise<Viewer | null>;
  /** Forgets what it remembers of one user (role, plans or token changed), or of everyone. */
  forget?(userId?: number): void;
  /** Whether changes reach it at once (a LISTEN connection is up): then it may remember longer. */
  hearing?(on: boolean): void;
}

/** What a signed-in GET of a module's route gets: the viewer, the address, and GraphQL as that viewer (every limit applies). */
export interface RouteRequest {
  viewer: Viewer;
  url: URL;
  /** The language the caller reads (Accept-Language): Danish for the console, English for programs. */
  language: Language;
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
}

/** What a public route gets: no viewer (it proves who it acts for with a signed token of its own), the body of a POST, the database. */
export interface PublicRouteRequest {
  url: URL;
  method: 'GET' | 'POST';
  /** A POST's body as text, at most PUBLIC_BODY_BYTES. */
  body: string;
  /** The console's address for links: HUB_PUBLIC_URL, else the address the request came to. */
  publicUrl: string;
  em(): EntityManager;
  /** GraphQL as the viewer the route's token named, every limit applied. */
  executeAs<T = Record<string, unknown>>(
    viewer: Viewer,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
}

/** An address served without sign-in (an e-mail's unsubscribe link, a calendar feed), rate-limited by the caller's address. */
export interface PublicRoute {
  path: string;
  methods: readonly ('GET' | 'POST')[];
  handle(request: PublicRouteRequest): Promise<RouteResponse>;
}

const PUBLIC_BODY_BYTES = 4096;

export interface RouteResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A GET address a module serves beside /graphql (a download), behind the same sign-in and rate limit. */
export interface HttpRoute {
  path: string;
  handle(request: RouteRequest): Promise<RouteResponse>;
}

/** What the composition root (server/modules.ts) gives the HTTP layer. */
export interface HubParts {
  schema: GraphQLSchema;
  /** How the read planner reads each type (core/planner.ts), and a request's scope for it; without them every read goes to the resolvers. */
  reads?: TypeReads;
  readScope?: PlannerDeps['scopeOf'];
  makeLoaders: MakeLoaders;
  authenticate: Authenticate;
  /** The largest request body a viewer may send (more for those who may import a sheet); MAX_BODY_BYTES without it. */
  maxBodyBytes?: (viewer: Viewer) => number;
  /** The modules' own addresses. */
  routes?: readonly HttpRoute[];
  /** The modules' addresses served without sign-in. */
  publicRoutes?: readonly PublicRoute[];
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(header ?? '');
  return match?.[1];
}

export async function createHttp(config: HubConfig, parts: HubParts, orm: MikroORM, health: DatabaseHealth, databaseUrl: string): Promise<HubHttp> {
  const { schema, makeLoaders, authenticate, maxBodyBytes = () => MAX_BODY_BYTES, routes = [], publicRoutes = [] } = parts;
  const planner =
    config.plannedReads && parts.reads && parts.readScope
      ? new ReadPlanner(schema, parts.reads, {
          em: () => orm.em,
          scopeOf: parts.readScope,
          rowLimit: config.limits.answerFields > 0 ? config.limits.answerFields + 1 : null,
        })
      : undefined;
  const server = http.createServer();
  const writers = config.read.url ? new RecentWriters({ databaseUrl, windowMs: config.read.primaryAfterWriteMs, log: (line) => logger.info(line) }) : undefined;
  writers?.start();
  const drain = new HttpDrain(server);
  const protection = queryProtection(config);
  // Counted in PostgreSQL, so every hub on the database allows together what one allows.
  const limiter =
    config.rateLimitPerMinute > 0
      ? new SharedRateLimiter({ databaseUrl, perMinute: config.rateLimitPerMinute, available: () => health.available, log: (line) => logger.info(line) })
      : undefined;
  const apollo = new ApolloServer<HubContext>({
    ...(config.compiledExecution || planner
      ? { gateway: compiledExecution(schema, (value) => value.constructor.name, { compile: config.compiledExecution, planner }) }
      : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The hub owns shutdown order: HTTP drain, then ORM, then the embedded database.
    stopOnTerminationSignals: false,
    formatError: formatError(config.development, health),
    validationRules: protection.validationRules,
    parseOptions: config.limits.tokens > 0 ? { maxTokens: config.limits.tokens } : {},
    // The browser's page at /graphql is the hub's own explorer (explorer.ts); no cache hints, so no per-field cache-control work.
    plugins: [
      // graphql-armor's types come from Apollo's CommonJS build; the plugins are the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<HubContext>[]),
      costPlugin<HubContext>(schema, config.limits),
      inputGuardPlugin<HubContext>(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          const started = performance.now();
          return {
            async didResolveOperation({ operation, contextValue: ctx }) {
              // A mutation reads what it wrote, and its author's next reads, on any hub, see it too (read-your-writes).
              if (operation?.operation !== 'mutation') return;
              stayOnPrimary();
              if (writers && ctx.viewer) await writers.wrote(ctx.viewer.userId, (sql, params) => orm.em.fork().execute(sql, params));
            },
            async willSendResponse({ operationName, response, contextValue: ctx }) {
              // A request the hub could not serve for now is answered 503 with Retry-After as a whole, not as partial data.
              if (response.body.kind === 'single') {
                const unserved = response.body.singleResult.errors?.find(
                  (e) => e.extensions?.code === ErrorCode.BUSY || e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE,
                );
                if (unserved) {
                  response.body.singleResult = { errors: [{ message: unserved.message, extensions: { code: unserved.extensions!.code } }] };
                  response.http.status = 503;
                  if (!response.http.headers.get('retry-after')) response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
                }
              }
              logger.info(
                {
                  requestId: ctx.requestId,
                  ...(ctx.clientRequestId ? { clientRequestId: ctx.clientRequestId } : {}),
                  operation: operationName ?? null,
                  userId: ctx.viewer?.userId ?? null,
                  ms: Math.round((performance.now() - started) * 10) / 10,
                  status: response.http.status ?? 200,
                },
                'graphql',
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    try {
      if (url.pathname === '/healthz') {
        return health.recoverable ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'unhealthy', database: health.unhealthyBecause });
      }
      if (url.pathname === '/readyz') {
        if (drain.draining) return sendJson(res, 503, { status: 'stopping' });
        // PostgreSQL itself is asked, on a connection of its own: a pool busy with requests is still a ready hub.
        const reason = health.problem ?? (await health.ask());
        return reason === null ? sendJson(res, 200, { status: 'ready', database: 'ok' }) : sendJson(res, 503, { status: 'unavailable', database: reason });
      }
      const publicRoute = publicRoutes.find((r) => r.path === url.pathname);
      if (publicRoute) return await servePublicRoute(publicRoute, req, res, url);
      const route = routes.find((r) => r.path === url.pathname);
      if (url.pathname !== '/graphql' && !route) {
        if (await serveExplorerAsset(req, res, url.pathname)) return;
        if (await serveConsole(req, res, url.pathname)) return;
        return sendJson(res, 404, { error: 'Not found: the API is at /graphql, the console at /' });
      }
      if (route ? req.method !== 'GET' : req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', route ? 'GET' : 'GET, POST');
        return sendJson(res, 405, { error: route ? 'Use GET' : 'Use GET or POST' });
      }
      // The landing page is a browser's plain GET: no GraphQL parameter at all. Everything else needs a token.
      const landingPage =
        !route &&
        req.method === 'GET' &&
        !['query', 'extensions', 'variables', 'operationName'].some((name) => url.searchParams.has(name)) &&
        (req.headers.accept ?? '').includes('text/html');
      if (landingPage) return serveExplorer(res);
      const token = bearerToken(req.headers.authorization);
      const addressKey = `a:${clientAddress(req, config.trustProxy)}`;
      const refuse = (retryAfterSeconds: number) => {
        res.setHeader('retry-after', String(retryAfterSeconds));
        sendJson(res, 429, { errors: [{ message: `Too many requests: try again in ${retryAfterSeconds} s`, extensions: { code: ErrorCode.RATE_LIMITED } }] });
      };
      // Calls without a token count against the caller's address, before any work.
      if (limiter && !token) {
        const taken = await limiter.take(addressKey);
        if (!taken.ok) return refuse(taken.retryAfterSeconds);
      }
      if (!health.available) {
        res.setHeader('retry-after', RETRY_AFTER_SECONDS);
        return sendJson(res, 503, { errors: [{ message: DATABASE_DOWN_MESSAGE, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }] });
      }
      // A token is always looked up (one indexed read, cached while valid): a stranger's failed sign-ins on the same
      // address, or behind the same proxy, never lock out a valid token. Failures count against the address.
      const viewer = token ? await authenticate(() => orm.em.fork(), token) : null;
      if (limiter && token) {
        const taken = await limiter.take(viewer ? `t:${createHash('sha256').update(token).digest('hex')}` : addressKey);
        if (!taken.ok) return refuse(taken.retryAfterSeconds);
      }
      if (!viewer) {
        res.setHeader('www-authenticate', 'Bearer realm="hub"');
        return sendJson(res, 401, {
          errors: [
            {
              message: token ? 'The bearer token is not valid' : 'Sign in: send the header "Authorization: Bearer <token>"',
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            },
          ],
        });
      }
      if (route) return await serveRoute(route, viewer, url, req, res);
      // The body is read only for callers that passed the rate limit and signed in.
      const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes(viewer)) : '';
      let body: unknown = raw;
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: ErrorCode.BAD_REQUEST } }] });
        }
      }
      const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
      // Before Apollo (or anything else) walks them recursively: a value nested thousands deep would exhaust the stack.
      const deep = tooDeepInput(req.method === 'POST' ? body : url.searchParams);
      if (deep) return sendJson(res, 400, { errors: [{ message: tooDeep(deep), extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      const tooLarge = tooManySelections(query, config.limits);
      if (tooLarge)
        return sendJson(res, 400, {
          errors: [{ message: tooLarge.message, extensions: { code: tooLarge.extensions.code, limit: tooLarge.extensions.limit } }],
        });
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const requestId = randomUUID();
      const clientRequestId = clientId(req.headers['x-request-id']);
      let context: HubContext | undefined;
      try {
        const response = await currentRequest.run({ requestId, messages: messageLanguageOf(req.headers['accept-language']) }, () =>
          withReadRoute(writers?.mayReadReplica(viewer.userId) ?? false, () =>
            apollo.executeHTTPGraphQLRequest({
              httpGraphQLRequest: { method: req.method!, headers, search: url.search, body },
              context: async () =>
                (context = createContext(
                  orm.em,
                  makeLoaders,
                  viewer,
                  requestId,
                  clientRequestId,
                  languageOf(req.headers['accept-language']),
                  publicUrlOf(req),
                  messageLanguageOf(req.headers['accept-language']),
                )),
            }),
          ),
        );
        for (const [name, value] of response.headers) res.setHeader(name, value);
        res.setHeader('x-request-id', requestId);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') return res.end(response.body.string);
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      } finally {
        if (context) {
          context.held.done = true;
          context.held.release?.();
        }
      }
    } catch (error) {
      if (error instanceof RequestError) return sendJson(res, error.status, { errors: [{ message: error.message }] });
      if (health.busy(error)) {
        if (res.headersSent) return void res.end();
        res.setHeader('retry-after', RETRY_AFTER_SECONDS);
        return sendJson(res, 503, { errors: [{ message: BUSY_MESSAGE, extensions: { code: ErrorCode.BUSY } }] });
      }
      if (health.failed(error)) {
        if (!res.headersSent) sendJson(res, 503, { errors: [{ message: DATABASE_DOWN_MESSAGE, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }] });
        return;
      }
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.end();
    }
  });
  /** The console's address for links handed out: HUB_PUBLIC_URL, else the address the request came to. */
  function publicUrlOf(req: http.IncomingMessage): string {
    return config.mail.publicUrl ?? `http://${/^[\w.:[\]-]+$/.test(req.headers.host ?? '') ? req.headers.host : `localhost:${config.port}`}`;
  }

  /** GraphQL through Apollo as a viewer: cost model, budget, redaction and visibility as for any query. */
  async function executeAs(viewer: Viewer, requestId: string, contexts: HubContext[], query: string, variables?: Record<string, unknown>) {
    const contextValue = createContext(orm.em, makeLoaders, viewer, requestId, null, 'da');
    contexts.push(contextValue);
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    contextValue.held.done = true;
    contextValue.held.release?.();
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by routes');
    return response.body.singleResult as never;
  }

  /** A route without sign-in: limited by the caller's address before any work, its token checked by the route itself. */
  async function servePublicRoute(route: PublicRoute, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (method !== 'GET' && method !== 'POST') return sendJson(res, 405, { error: `Use ${route.methods.join(' or ')}` });
    if (!route.methods.includes(method)) {
      res.setHeader('allow', route.methods.join(', '));
      return sendJson(res, 405, { error: `Use ${route.methods.join(' or ')}` });
    }
    if (limiter) {
      const taken = await limiter.take(`a:${clientAddress(req, config.trustProxy)}`);
      if (!taken.ok) {
        res.setHeader('retry-after', String(taken.retryAfterSeconds));
        return sendJson(res, 429, { error: `Too many requests: try again in ${taken.retryAfterSeconds} s` });
      }
    }
    if (!health.available) {
      res.setHeader('retry-after', RETRY_AFTER_SECONDS);
      return sendJson(res, 503, { error: DATABASE_DOWN_MESSAGE });
    }
    const body = method === 'POST' ? await readBody(req, PUBLIC_BODY_BYTES) : '';
    const requestId = randomUUID();
    const contexts: HubContext[] = [];
    try {
      const answer = await currentRequest.run({ requestId }, () =>
        route.handle({
          url,
          method,
          body,
          publicUrl: publicUrlOf(req),
          em: () => orm.em.fork() as EntityManager,
          executeAs: (viewer, query, variables) => executeAs(viewer, requestId, contexts, query, variables),
        }),
      );
      res.writeHead(answer.status, { 'cache-control': 'no-store', 'x-request-id': requestId, ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      logger.info({ requestId, route: route.path, status: answer.status }, 'public route');
    } finally {
      for (const context of contexts) {
        context.held.done = true;
        context.held.release?.();
      }
    }
  }

  /** A module's route, its GraphQL run through Apollo as the viewer: cost model, budget, redaction and visibility as for any query. */
  async function serveRoute(route: HttpRoute, viewer: Viewer, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const contexts: HubContext[] = [];
    const language = messageLanguageOf(req.headers['accept-language']);
    try {
      const answer = await currentRequest.run({ requestId, messages: language }, () =>
        route.handle({
          viewer,
          url,
          language,
          execute: (query, variables) => executeAs(viewer, requestId, contexts, query, variables),
        }),
      );
      res.writeHead(answer.status, { 'cache-control': 'no-store', 'x-request-id': requestId, ...answer.headers });
      res.end(answer.body);
      logger.info({ requestId, route: route.path, userId: viewer.userId, status: answer.status }, 'route');
    } finally {
      for (const context of contexts) {
        context.held.done = true;
        context.held.release?.();
      }
    }
  }

  return { server, apollo, drain, close: async () => void (await Promise.all([limiter?.close(), writers?.stop()])) };
}
