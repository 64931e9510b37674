import { configureWebhookSecrets } from './events/webhook-secrets';
import { warmReadPlan } from './db/read-plan';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConnectionException } from '@mikro-orm/core';
import { Sema } from 'async-sema';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import pinoHttp from 'pino-http';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { organisationExists } from './auth/organisations';
import { TokenError, type TokenService } from './auth/tokens';
import { graphiqlRouter } from './graphiql';
import { clientKey, sessionIdOf, sessionRouter, sessionViewer } from './auth/sessions';
import type { Viewer } from './auth/viewer';
import type { Config } from './config';
import { createContext, type RequestContext } from './context';
import { compiledExecutor } from './executor';
import { spliceRawData } from './db/sql-answer';
import { replicaRouterOf } from './db/replicas';
import { MIN_LSN_HEADER, readsAfter, replicaReads } from './replica-reads';
import { idempotency } from './idempotency';
import { webRouter } from './web';
import { armorRules, costLimit, textInputGuard } from './limits';
import { oneOfVariablesRule } from './common/one-of';
import { ErrorCode, unauthenticated } from './common/errors';
import { importRouter } from './modules/imports/import.http';
import { failAbandonedImports, settleImports } from './modules/imports/import.runs';
import { databasePoolGauges, Metrics } from './metrics';
import { operationSpan, operationSpanNaming } from './tracing';
import type { EventHub } from './subscriptions/hub';
import { localState, type SharedState } from './shared-state';
import { attachSubscriptions } from './subscriptions/ws';

/** What POST /imports answers of an import: every field `import(id)` has, as GraphQL writes it (import.http.ts). */
const IMPORT_ANSWER = `query ImportAnswer($id: ID!, $language: Language!) {
  import(id: $id) {
    id kind fileName fileSha256 fileSize isDryRun status rowCount processedRows startedAt finishedAt updatedAt
    actor { role name }
    problems { row column code message(language: $language) }
  }
}`;

/** Answered to nobody: the client of the request had gone before it ran (nginx's 499). */
const CLIENT_CLOSED_REQUEST = 'CLIENT_CLOSED_REQUEST';

/** Error codes a client may see with their own message; anything else is masked in production. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.SERVICE_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  CLIENT_CLOSED_REQUEST,
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const HEADERS_TIMEOUT_MS = 10_000;
const READINESS_TIMEOUT_MS = 2_000;
/** Seconds a client refused for a passing reason (at capacity, database out of reach) is asked to wait. */
const RETRY_AFTER_SECONDS = '1';

/**
 * At most `limit` GraphQL requests are accepted at once (executing, or waiting for an admission slot); past that a
 * request is refused at once with 503 and Retry-After, rather than queueing for seconds behind the others (1,000
 * connections queued to a p99 of 7.5 s). A request leaves the count when its response is sent or its client goes.
 */
function inFlightLimit(limit: number): express.RequestHandler {
  let inFlight = 0;
  return (_req, res, next) => {
    if (inFlight >= limit) {
      res
        .status(503)
        .set('retry-after', RETRY_AFTER_SECONDS)
        // The body is left unread: close the connection rather than keep it for a next request behind that body.
        .set('connection', 'close')
        .json({
          errors: [
            { message: `innozone is answering ${limit} requests already; try again shortly.`, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
          ],
        });
      return;
    }
    inFlight++;
    let counted = true;
    const leave = () => {
      if (!counted) return;
      counted = false;
      inFlight--;
    };
    // Counted out as the answer is handed over (before its bytes leave, so a client that sends its next request on
    // receiving it never finds itself still counted), or when the client goes.
    const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
    res.end = ((...args: unknown[]) => {
      leave();
      return end(...args);
    }) as typeof res.end;
    res.once('close', leave);
    next();
  };
}

export interface ServerDeps {
  config: Pick<Config, 'production' | 'graphql' | 'shutdownGraceMs' | 'http' | 'auth' | 'webDir' | 'metrics'> & Partial<Pick<Config, 'cppcc' | 'subscriptions' | 'dataDir' | 'webhooks'>>;
  orm: MikroORM;
  tokens: TokenService;
  logger: Logger;
  schema: GraphQLSchema;
  /**
   * Where relayed events reach this process's subscriptions: given, /graphql also serves subscriptions over graphql-ws
   * (src/subscriptions/ws.ts) and `markNotificationsRead` tells live counts of its marks.
   */
  hub?: EventHub;
  /**
   * What instances share (src/shared-state.ts): with REDIS_URL, the persisted-query cache and the rate limits live in
   * Redis; unset (or `localState`), in this process.
   */
  shared?: SharedState;
}

export interface InnozoneServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** The server's Prometheus metrics (GET /metrics): `metrics.registerGauge` adds a gauge read at each scrape. */
  metrics: Metrics;
  /** Stops taking requests, lets in-flight ones finish (up to the grace period), closes the HTTP server. */
  stop(): Promise<void>;
}

/**
 * How pg, knex and MikroORM word a connection lost or refused when they give no code: the connection closed under a
 * query, a client whose connection failed being reused, the pool waiting in vain, and a transaction knex ended when
 * its connection died while the mutation still had statements to send (seen in test/fault.test.ts).
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|Timeout acquiring a connection|timeout exceeded when trying to connect|Transaction query already complete/;

/** True when an error means the database could not be reached (as opposed to a query that failed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code)) {
    return true;
  }
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

const UNAVAILABLE = 'The database is not reachable; try again shortly.';

/** Rethrows a failure to reach the database as the 503 refusal, any other as it is. */
const unavailableAs503Error = (err: unknown): never => {
  throw isDatabaseUnavailable(err) ? databaseUnavailable() : err;
};

/** The refusal of a session whose password was set by someone else, until its holder changes it (403). */
const passwordChangeRequired = () =>
  new GraphQLError('Your password was set by someone else: change it first (POST /auth/password with currentPassword and newPassword).', {
    extensions: { code: ErrorCode.FORBIDDEN, reason: 'PASSWORD_CHANGE_REQUIRED', http: { status: 403 } },
  });

/** The refusal for a database out of reach: 503 with Retry-After, wherever in the request it is met. */
const databaseUnavailable = () =>
  new GraphQLError(UNAVAILABLE, {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER_SECONDS]]) },
    },
  });

/**
 * An answer with any SERVICE_UNAVAILABLE error and no data is a 503 with Retry-After, so balancers and clients back off
 * and retry rather than show a broken page. A partial answer (some fields read before the database went) stays 200.
 */
const unavailableAs503: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data == null && errors?.some((e) => e.extensions?.['code'] === ErrorCode.SERVICE_UNAVAILABLE)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
        }
      },
    };
  },
};

/**
 * Shapes every error leaving the server. Expected ones keep their message and code; a database that cannot be reached
 * becomes SERVICE_UNAVAILABLE; anything else is INTERNAL_SERVER_ERROR and, in production, says nothing more.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      return {
        message: UNAVAILABLE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    const code = String(formatted.extensions?.['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (CLIENT_CODES.has(code)) {
      // An expected error is not a bug: its stack helps nobody, in any mode.
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Logs what went wrong on the server side in full, with the request id, since the client may see little of it. */
const errorLogging: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = String(error.extensions?.['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR);
          if (CLIENT_CODES.has(code) && !isDatabaseUnavailable(unwrapResolverError(error))) continue;
          contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'operation failed');
        }
      },
    };
  },
};

/**
 * A bank's reads go on the audit trail before its answer leaves: one event per enterprise it saw, with the
 * purpose and authorisation. If they cannot be recorded, the bank gets no data (fail closed).
 */
const auditBankReads: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        try {
          await contextValue.access.flushReads(contextValue.em.fork());
        } catch (err) {
          contextValue.log.error({ err }, 'bank reads could not be audited; the response is withheld');
          response.http.status = 503;
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [{ message: 'The read could not be audited; try again.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }],
            };
          }
        }
      },
    };
  },
};

/**
 * At most `limit` operations execute at once; the others wait their turn, first come first served. Past the cores'
 * worth of work, more concurrent executions only interleave: each holds its answer's objects longer, the heap
 * grows, and garbage collection takes a quarter of the CPU (measured under 50 connections). A slot is taken once the
 * operation is parsed and validated, and given back when its response is sent.
 */
function admission(limit: number): ApolloServerPlugin<RequestContext> {
  const slots = new Sema(limit);
  return {
    async requestDidStart() {
      let held = false;
      return {
        async didResolveOperation({ contextValue }) {
          await slots.acquire();
          held = true;
          // A client that gave up while its operation waited for a slot gets nothing run for it (under overload the
          // queue is mostly such requests): the slot goes to the next.
          if (contextValue.clientGone?.aborted) {
            throw new GraphQLError('The client closed the request before it ran.', {
              extensions: { code: CLIENT_CLOSED_REQUEST, http: { status: 499 } },
            });
          }
        },
        async willSendResponse() {
          if (!held) return;
          held = false;
          slots.release();
        },
      };
    },
  };
}

/** What the JSON body parser's refusals mean, for a client. */
const BODY_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 1 MB.' },
  'encoding.unsupported': { code: 'BAD_REQUEST', message: 'The request body must be UTF-8.' },
  'charset.unsupported': { code: 'BAD_REQUEST', message: 'The request body must be UTF-8.' },
  'request.aborted': { code: 'BAD_REQUEST', message: 'The request was aborted before its body arrived.' },
};

/**
 * Every error that reaches Express (the body parser's, or one thrown outside GraphQL) answers as GraphQL errors do:
 * a JSON body with a message and a code, never Express's HTML page. A status under 500 keeps its meaning; anything
 * else is logged and answered as INTERNAL_SERVER_ERROR without detail.
 */
function httpErrorAsJson(err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction): void {
  const e = err as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
  const status = e.status ?? e.statusCode ?? 500;
  const known = e.type ? BODY_ERRORS[e.type] : undefined;
  let body: { message: string; code: string };
  if (status >= 500) {
    req.log.error({ err }, 'request failed outside GraphQL');
    body = { message: 'Internal server error', code: ErrorCode.INTERNAL_SERVER_ERROR };
  } else {
    body = known ?? { message: e.expose && e.message ? e.message : 'Bad request.', code: 'BAD_REQUEST' };
  }
  if (res.headersSent) return void res.end();
  res.status(status).json({ errors: [{ message: body.message, extensions: { code: body.code } }] });
}

/**
 * At most `perMinute` GraphQL requests a minute for each token (each person or machine client holds its own; the zone's
 * administrators share a role, not a budget), an anonymous caller by its address. Over it: 429 with Retry-After (the
 * seconds until the minute frees a request). Counted where `shared` counts (src/shared-state.ts): in Redis across
 * instances with REDIS_URL (in this process while Redis is out of reach), else on this machine (src/rate-limits.ts: in
 * this process, or by the primary for all WEB_CONCURRENCY workers). Returns a function that throws the refusal, or does
 * nothing when the limit is off.
 */
function rateLimit(perMinute: number, shared: SharedState): (authorization: string | undefined, address: string | undefined) => Promise<void> {
  if (perMinute === 0) return async () => undefined;
  const limiter = shared.limiter('graphql', perMinute, 60);
  return async (authorization, address) => {
    // Called once the token is verified: its hash names it (the token itself is a credential, not kept as a key),
    // however the header spaces it, so that "Bearer  t" is not a fresh budget for t.
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    const key = token ? `token:${createHash('sha256').update(token).digest('base64url')}` : `address:${address ?? ''}`;
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = String(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
      throw new GraphQLError(`Over ${perMinute} requests a minute; try again in ${seconds} s.`, {
        extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', seconds]]) } },
      });
    }
  };
}

/** Reads `Authorization: Bearer <token>`; no header is an anonymous viewer, a bad token is UNAUTHENTICATED. */
export async function authenticate(tokens: TokenService, header: string | undefined): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    return await tokens.verify(match[1]!);
  } catch (err) {
    if (err instanceof TokenError) throw unauthenticated(err.message);
    throw err;
  }
}

/** Builds the HTTP app and Apollo Server (started, not listening). `main.ts` listens. */
export async function createServer(deps: ServerDeps): Promise<InnozoneServer> {
  const { config, orm, tokens, logger, schema } = deps;
  const shared = deps.shared ?? localState;
  // Webhook secrets are encrypted with a key of the configuration (registerWebhook writes them).
  await configureWebhookSecrets({ auth: config.auth, dataDir: config.dataDir ?? '.data', webhooks: config.webhooks });
  const metrics = new Metrics(config.metrics);
  databasePoolGauges(metrics, orm);
  const replicas = replicaRouterOf(orm);
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, the client is the one it names (TRUST_PROXY): the rate limits count per client, not per proxy.
  app.set('trust proxy', config.http.trustProxy);
  const httpServer = http.createServer(
    {
      // A client has 10 s to send its headers and HTTP_REQUEST_TIMEOUT_MS (30 s) for its whole request, then gets 408
      // and the socket is closed: slow bodies cannot hold connections open (Node's defaults are 60 s and 300 s,
      // checked every 30 s; here every second).
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, config.http.requestTimeoutMs),
      requestTimeout: config.http.requestTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    app,
  );
  // Idle keep-alive sockets go after 5 s, as Node's default; set here so the three limits read together.
  httpServer.keepAliveTimeout = 5_000;

  const apollo = new ApolloServer<RequestContext>({
    ...(config.graphql.jit || config.graphql.sqlAnswers ? { gateway: compiledExecutor(schema, { jit: config.graphql.jit }) } : { schema }),
    introspection: config.graphql.introspection,
    // Automatic persisted queries: in Redis with REDIS_URL (every instance answers a hash any registered), else
    // Apollo's in-memory cache.
    ...(shared.cache ? { cache: shared.cache } : {}),
    // main.ts owns shutdown order (HTTP, then ORM, then PostgreSQL); Apollo must not act on signals by itself.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: formatError(config.production),
    // Limits on what one operation may ask (src/limits.ts): tokens while parsing, depth and aliases in validation, cost
    // and batch size once the operation and its variables are known. Each refusal is a 400 naming the limit.
    parseOptions: { maxTokens: config.graphql.limits.tokens },
    validationRules: [...armorRules(config.graphql.limits), oneOfVariablesRule],
    plugins: [
      // innozone sets no cache hints; Apollo's default plugin would still wrap every field to compute none.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads Sandbox and fonts from outside hosts, blank on a zone intranet: GraphiQL is served
      // whole at /graphiql instead (src/graphiql), and a browser opening /graphql is sent there.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      errorLogging,
      unavailableAs503,
      costLimit(config.graphql.limits),
      textInputGuard,
      idempotency,
      auditBankReads,
      admission(config.graphql.concurrency),
      metrics.apolloPlugin(),
      operationSpanNaming,
      ...(replicas ? [replicaReads(replicas)] : []),
    ],
  });
  await apollo.start();
  await warmReadPlan(orm.em.fork());
  // Imports a stopped process was writing rolled back with it: they say so (src/modules/imports/import.runs.ts).
  const abandoned = await failAbandonedImports(orm.em.fork());
  if (abandoned > 0) logger.warn({ imports: abandoned }, 'imports left running by a stopped process marked FAILED');

  // First, so every response is counted, whichever handler answers it.
  app.use(metrics.httpMiddleware());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );

  app.use(graphiqlRouter());
  app.use(
    sessionRouter(orm, {
      secure: config.production,
      signInPerMinute: config.auth.signInPerMinute,
      limiter: (points, duration) => shared.limiter('sign-in', points, duration),
      unavailable: (err) =>
        isDatabaseUnavailable(err)
          ? { status: 503, headers: { 'retry-after': RETRY_AFTER_SECONDS }, body: { errors: [{ message: UNAVAILABLE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] } }
          : null,
    }),
  );
  // A person opening /graphql in a browser (no query) gets GraphiQL; a GET with a query is a GraphQL request as before.
  app.get('/graphql', (req, res, next) => {
    if (req.query['query'] === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') return res.redirect(302, '/graphiql');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Prometheus scrapes each instance here (README "Operations"); open unless METRICS_TOKEN is set.
  app.get('/metrics', metrics.handler());

  app.get('/readyz', async (_req, res) => {
    const timeout = new Promise<{ ok: false; reason: string }>((resolve) =>
      setTimeout(() => resolve({ ok: false, reason: 'timed out' }), READINESS_TIMEOUT_MS).unref(),
    );
    const check = await Promise.race([
      orm.checkConnection().catch((err: Error) => ({ ok: false as const, reason: err.message })),
      timeout,
    ]);
    // Replicas are reported, never a reason to be unready: without them reads go to the primary.
    const replicaHealth = replicas ? { replicas: replicas.health() } : {};
    if (check.ok) {
      res.json({ status: 'ready', database: 'ok', ...replicaHealth });
    } else {
      res.status(503).json({ status: 'unavailable', database: 'unreachable', ...replicaHealth });
    }
  });

  const limitRate = rateLimit(config.graphql.ratePerMinute, shared);
  /**
   * Who a request is and its context, as /graphql and POST /imports take it: a bearer token (machine clients,
   * `npm run token`), else the session cookie of a person signed in (src/auth/sessions.ts); counted against its rate;
   * a token or session whose organization is not registered is refused. Throws the GraphQLError to answer with.
   */
  // A bearer token (machine clients, `npm run token`), else the session cookie of a person signed in (src/auth/sessions.ts).
  const contextOf = async (req: express.Request, res: express.Response): Promise<RequestContext> => {
    const session = req.headers.authorization ? null : sessionIdOf(req);
    const viewer = session ? await sessionViewer(orm, session).catch(unavailableAs503Error) : await authenticate(tokens, req.headers.authorization);
    // A password someone else set (an account just created, or its password reset) is good for changing it, nothing else.
    if (viewer?.account?.mustChangePassword) throw passwordChangeRequired();
    await limitRate(viewer ? (req.headers.authorization ?? `Session ${session}`) : undefined, clientKey(req.ip ?? req.socket.remoteAddress));
    const context = createContext(orm, viewer, req.log, String(res.getHeader('x-request-id') ?? req.id), config.graphql.readAhead, config.graphql.sqlAnswers, config.cppcc);
    if (deps.hub) context.hub = deps.hub;
    let registered: boolean;
    try {
      registered = !viewer || (await organisationExists(context.em, viewer));
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw databaseUnavailable();
      throw err;
    }
    if (!registered) throw unauthenticated(`The organisation this ${viewer!.role} token acts for is not registered.`);
    // Who it is was read on the primary above; what it asks may read a replica (src/replica-reads.ts).
    if (replicas) context.reads = readsAfter(replicas, req.headers.authorization ?? (session ? `Session ${session}` : null), req.headers[MIN_LSN_HEADER]);
    return context;
  };

  app.use(
    importRouter({
      contextOf,
      em: () => orm.em.fork(),
      inFlight: inFlightLimit(config.graphql.maxInFlight),
      async render(ctx, id, language) {
        const response = await apollo.executeOperation<{ import: Record<string, unknown> | null }>(
          { query: IMPORT_ANSWER, variables: { id, language } },
          { contextValue: ctx },
        );
        if (response.body.kind !== 'single' || response.body.singleResult.errors) {
          throw new Error(`the import could not be read back: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : null)}`);
        }
        return response.body.singleResult.data?.import ?? null;
      },
    }),
  );

  app.use(
    '/graphql',
    inFlightLimit(config.graphql.maxInFlight),
    express.json({ limit: '1mb' }),
    operationSpan(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await contextOf(req, res);
        const gone = new AbortController();
        if (req.socket.destroyed) gone.abort();
        else res.once('close', () => !res.writableFinished && gone.abort());
        context.clientGone = gone.signal;
        // An answer in SQL goes out as PostgreSQL wrote it: Apollo writes a stand-in, replaced here by the text.
        const rawData: { bytes?: Buffer } = {};
        context.rawData = rawData;
        const send = res.send.bind(res);
        res.send = ((body: unknown) =>
          send(typeof body === 'string' && rawData.bytes !== undefined ? spliceRawData(body, rawData.bytes) : body)) as typeof res.send;
        return context;
      },
    }),
  );

  // Last before 404: the console's page for any other page a browser asks for (src/web).
  app.use(webRouter(config.webDir));

  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ errors: [{ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrorAsJson);

  // Subscriptions at /graphql too, over WebSocket (an upgrade request never reaches Express).
  const subscriptions = deps.hub ? attachSubscriptions(httpServer, { config, orm, tokens, logger, schema, hub: deps.hub }) : null;

  return {
    app,
    httpServer,
    apollo,
    metrics,
    async stop() {
      // The drain plugin closes the listener and waits for in-flight requests before Apollo stops; an import being
      // written in the background gets the same grace to commit (else it rolls back, and the next start says so).
      // Subscribers are told first (1001, going away): an open socket would keep the HTTP server from closing.
      await subscriptions?.close();
      await apollo.stop();
      await settleImports(config.shutdownGraceMs);
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
