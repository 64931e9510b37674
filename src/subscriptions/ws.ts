import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type ExecutionArgs, getOperationAST, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { organisationExists } from '../auth/organisations';
import { sessionIdOf, sessionViewer } from '../auth/sessions';
import { sessionsStillValid } from '../modules/account/account.service';
import type { TokenService } from '../auth/tokens';
import type { Viewer } from '../auth/viewer';
import { oneOfVariablesRule } from '../common/one-of';
import type { Config } from '../config';
import { createContext, type RequestContext } from '../context';
import { armorRules, costRefusal } from '../limits';
import { authenticate, formatError, isDatabaseUnavailable } from '../server';
import type { EventHub } from './hub';

/**
 * Close codes of a refused connection, as HTTP refuses a request: 4401 (401: no credentials, a bad or expired token, an
 * organization not registered), 4403 (403: a password someone else set must be changed first), 1013 (try again later:
 * the database is out of reach, HTTP's 503).
 */
export const CLOSE = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403, TRY_AGAIN_LATER: 1013 } as const;

/** A WebSocket close reason holds at most 123 bytes. */
const reason = (text: string) => (Buffer.byteLength(text) <= 123 ? text : `${Buffer.from(text).subarray(0, 120).toString().replace(/\uFFFD+$/, '')}…`);

/** What a connection carries once accepted: the viewer its credentials stand for. */
type Accepted = {
  viewer?: Viewer;
};

/** What an open connection was accepted on, looked at again while it stays open (`watchCredentials`). */
interface Held {
  viewer: Viewer;
  /** The console's session, when the connection came with its cookie rather than a token. */
  session: string | null;
}

/** setTimeout fires at once past 2^31-1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SubscriptionDeps {
  config: Pick<Config, 'production' | 'graphql'> & Partial<Pick<Config, 'cppcc' | 'subscriptions'>>;
  orm: MikroORM;
  tokens: TokenService;
  logger: Logger;
  schema: GraphQLSchema;
  hub: EventHub;
}

/**
 * Serves subscriptions over graphql-ws (the `graphql-transport-ws` protocol) on the HTTP server, at /graphql: the same
 * path and port as queries, which stay on HTTP POST (a query or mutation sent over the socket is refused, so none
 * escapes the HTTP pipeline's audit, rate and admission). The credentials are those of HTTP, in the connection's
 * parameters: `{ authorization: "Bearer <token>" }`, else the console's session cookie sent with the upgrade request;
 * checked once, at connection, and refused with a close code and its reason (`CLOSE`). Every subscription document is
 * held to the same limits as a request (depth, aliases, tokens, cost). Returns what closes every socket.
 */
export function attachSubscriptions(httpServer: http.Server, deps: SubscriptionDeps): { close(): Promise<void> } {
  const { config, orm, tokens, logger, schema, hub } = deps;
  const limits = config.graphql.limits;
  const format = formatError(config.production);
  const rules = [...specifiedRules, ...armorRules(limits), oneOfVariablesRule];
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  let sequence = 0;
  const held = new Map<WebSocket, Held>();
  const watch = watchCredentials(held, orm, logger, config.subscriptions?.recheckSeconds ?? 60);

  const server = useServer<Record<string, unknown> | undefined, Accepted>(
    {
      schema,
      isProd: config.production,
      async onConnect(ctx) {
        const socket = ctx.extra.socket;
        const refuse = (code: number, text: string) => {
          socket.close(code, reason(text));
          return false;
        };
        const given = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        if (given !== undefined && typeof given !== 'string') return refuse(CLOSE.UNAUTHENTICATED, 'connectionParams.authorization must be "Bearer <token>".');
        let viewer: Viewer | null;
        try {
          const session = given ? null : sessionIdOf(ctx.extra.request as never);
          viewer = session ? await sessionViewer(orm, session) : await authenticate(tokens, given);
          if (viewer && !(await organisationExists(orm.em.fork(), viewer))) {
            return refuse(CLOSE.UNAUTHENTICATED, `The organisation this ${viewer.role} token acts for is not registered.`);
          }
        } catch (err) {
          if (err instanceof GraphQLError) return refuse(CLOSE.UNAUTHENTICATED, err.message);
          if (isDatabaseUnavailable(err)) return refuse(CLOSE.TRY_AGAIN_LATER, 'The database is not reachable; try again shortly.');
          logger.error({ err }, 'a subscription connection could not be authenticated');
          return refuse(1011, 'Internal server error');
        }
        // Every subscription needs a viewer: an anonymous connection could do nothing but be refused later.
        if (!viewer) return refuse(CLOSE.UNAUTHENTICATED, 'Subscriptions need connectionParams.authorization "Bearer <token>" or a session.');
        if (viewer.account?.mustChangePassword) return refuse(CLOSE.FORBIDDEN, 'Your password was set by someone else: change it first.');
        ctx.extra.viewer = viewer;
        // Accepted until the credential ends: a token at its `exp`, a session at its absolute end (and sooner if it is
        // signed out, disabled or its password changed: `watchCredentials`). Then 4401, as a request would get.
        const ending = given
          ? { at: tokens.refusedFrom(given.replace(/^Bearer\s+/i, '').trim()), why: 'The bearer token has expired.' }
          : { at: viewer.account?.sessionExpiresAt.getTime() ?? 0, why: 'The session has ended: sign in again.' };
        const ends = setTimeout(() => socket.close(CLOSE.UNAUTHENTICATED, ending.why), Math.min(MAX_TIMER_MS, Math.max(0, ending.at - Date.now())));
        ends.unref();
        held.set(socket, { viewer, session: given ? null : sessionIdOf(ctx.extra.request as never) });
        socket.once('close', () => {
          clearTimeout(ends);
          held.delete(socket);
        });
        return true;
      },
      async onSubscribe(ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        let document;
        try {
          document = parse(payload.query, { maxTokens: limits.tokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('The operation could not be parsed.')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST /graphql.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const refused = costRefusal(limits, { schema, document, variables: payload.variables, operationName: payload.operationName });
        if (refused) return [refused];
        const viewer = ctx.extra.viewer!;
        const requestId = `ws-${++sequence}-${id}`;
        const log = logger.child({ subscription: requestId });
        // SQL answers write raw text into an HTTP body: a subscription's events are answered field by field.
        const fresh = (): RequestContext => createContext(orm, viewer, log, requestId, config.graphql.readAhead, false, config.cppcc);
        const contextValue: RequestContext = { ...fresh(), hub, renew: fresh };
        return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => format(e.toJSON ? e.toJSON() : (e as never), e)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => format(e.toJSON(), e));
      },
    },
    wss,
  );

  return {
    async close() {
      clearInterval(watch);
      // 1001 (going away) to every subscriber: a client reconnects to another instance.
      await server.dispose();
    },
  };
}

/**
 * Every `everySeconds`, looks again at what the open connections were accepted on, and closes with 4401 those whose
 * session no longer stands (signed out, idle, its account disabled or its password changed or reset) or whose
 * organisation was removed: a subscription hears no more than a request with the same credential would be answered.
 * One statement for all sessions and one per distinct organisation, whatever the number of connections. A token cannot
 * be withdrawn before its `exp` (innozone keeps no token list), so a token's connection ends at `exp` (the timer above).
 */
function watchCredentials(held: Map<WebSocket, Held>, orm: MikroORM, logger: Logger, everySeconds: number): NodeJS.Timeout {
  let running = false;
  const check = async () => {
    if (running || held.size === 0) return;
    running = true;
    try {
      const open = [...held];
      const em = orm.em.fork();
      const sessions = open.map(([, h]) => h.session).filter((s): s is string => s !== null);
      const valid = await sessionsStillValid(em, sessions);
      const organisations = new Map<string, Promise<boolean>>();
      for (const [socket, h] of open) {
        if (h.session !== null && !valid.has(h.session)) {
          socket.close(CLOSE.UNAUTHENTICATED, 'The session has ended: sign in again.');
          continue;
        }
        const key = `${h.viewer.role}|${h.viewer.organisation ?? ''}`;
        if (!organisations.has(key)) organisations.set(key, organisationExists(em, h.viewer));
        if (!(await organisations.get(key)!)) {
          socket.close(CLOSE.UNAUTHENTICATED, reason(`The organisation this ${h.viewer.role} acts for is no longer registered.`));
        }
      }
    } catch (err) {
      // The database out of reach: the connections stay as they are until the next look.
      if (!isDatabaseUnavailable(err)) logger.error({ err }, 'open subscriptions could not be checked again');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), everySeconds * 1000);
  timer.unref();
  return timer;
}
