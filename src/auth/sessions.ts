import { parse, serialize } from 'cookie';
import express from 'express';
import ipaddr from 'ipaddr.js';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { machineRateLimiter } from '../rate-limits';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  AccountError,
  type Attempt,
  changePassword,
  type PasswordChange,
  endSession,
  IDLE_HOURS,
  sessionAccount,
  signIn,
  startSession,
  viewerOf,
} from '../modules/account/account.service';
import { AuditOutcome } from '../modules/audit/audit.entity';
import { recordAudit } from '../modules/audit/audit.service';
import { organisationExists } from './organisations';
import type { Viewer } from './viewer';

/**
 * Signing in with a username and password (issue 15). The session is a random id in a cookie that scripts cannot
 * read (HttpOnly), that no other site's request carries (SameSite=Strict), and in production only over HTTPS and
 * only for this host (`__Host-`: Secure, Path=/, no Domain, so a sibling subdomain cannot plant one); the server keeps
 * its hash. Chosen over short-lived tokens with refresh: disabling an account or changing a password ends its
 * sessions at once, and nothing a page script could leak is a credential.
 * Cross-site requests are refused twice over: SameSite=Strict, and every request here and at /graphql must be JSON
 * (Apollo's CSRF prevention refuses the simple requests a form or an <img> can make), which a page of another origin
 * cannot send without a CORS preflight innozone never grants. Machine clients keep bearer tokens (`npm run token`).
 */
export const SESSION_COOKIE = 'innozone_session';
/** The production name: a `__Host-` cookie is only ever set by this host, over HTTPS, for the whole site. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const refusal = (status: number, code: string, message: string, field?: string): Reply => ({
  status,
  body: { errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] },
});

const lockedReply = (attempt: Extract<Attempt, { reason: 'LOCKED' }>): Reply => ({
  ...refusal(429, 'ACCOUNT_LOCKED', `Too many failed attempts: try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minute(s).`),
  headers: { 'retry-after': String(attempt.retryAfterSeconds) },
});

/**
 * The key a client's requests are counted under: its IPv4 address, or the /64 of its IPv6 address (a host is given a
 * whole /64, so counting per address would let one host take 2^64 budgets).
 */
export function clientKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return address ?? '';
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address becomes its IPv4 address
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}

/** The session id a request's cookie holds (under either name), or null. */
export function sessionIdOf(req: express.Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const cookies = parse(header);
  return cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE] ?? null;
}

/**
 * The viewer a session cookie stands for, with its account (`Viewer.account`), or null when the session is unknown,
 * ended or idle, or its account disabled (the request is then anonymous, as without a cookie). Its organization is
 * checked with every request's, as a token's is.
 */
export async function sessionViewer(orm: MikroORM, id: string): Promise<Viewer | null> {
  return (await sessionAccount(orm.em.fork(), id))?.viewer ?? null;
}

export interface SessionOptions {
  /** Production: the cookie is Secure and named `__Host-innozone_session`. */
  secure: boolean;
  /** Sign-in and password attempts one address may make a minute; 0: no limit. */
  signInPerMinute: number;
  /**
   * The limiter of `points` a `duration` (seconds) that counts them: in Redis across instances with REDIS_URL
   * (src/shared-state.ts); unset, in this process.
   */
  limiter?: (points: number, duration: number) => RateLimiterAbstract;
  /** The reply to an error meaning the database is out of reach (503 with Retry-After), or null for any other. */
  unavailable: (err: unknown) => Reply | null;
}

export function sessionRouter(orm: MikroORM, options: SessionOptions): express.Router {
  const router = express.Router();
  const name = options.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  // Lockout is per account; guessing one password across many accounts is held back per address (rate-limiter-flexible,
  // as the GraphQL rate limit; counted across instances in Redis with REDIS_URL, else on this machine: src/rate-limits.ts).
  const limiter = options.limiter ?? ((points: number, duration: number) => machineRateLimiter('sign-in', points, duration));
  const attempts = options.signInPerMinute > 0 ? limiter(options.signInPerMinute, 60) : null;
  const cookie = (value: string, maxAgeSeconds: number) =>
    serialize(name, value, { httpOnly: true, sameSite: 'strict', secure: options.secure, path: '/', maxAge: maxAgeSeconds });
  /** The cookie of a session: kept by the browser exactly as long as the session can last (its absolute end). */
  const sessionCookie = (session: { id: string; expiresAt: Date }) => cookie(session.id, Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)));

  /** Null, or the refusal of an address over its attempts for the minute. */
  const overLimit = async (req: express.Request): Promise<Reply | null> => {
    if (!attempts) return null;
    try {
      await attempts.consume(clientKey(req.ip ?? req.socket.remoteAddress));
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      return { ...refusal(429, 'RATE_LIMITED', `Over ${options.signInPerMinute} attempts a minute from this address; try again in ${seconds} s.`), headers: { 'retry-after': String(seconds) } };
    }
  };

  /** JSON only: a cross-site form cannot send it. A database out of reach is 503, as at /graphql. */
  const json = (handler: (req: express.Request) => Promise<Reply>) => async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    let reply: Reply;
    try {
      reply = req.is('application/json') ? await handler(req) : refusal(415, 'BAD_REQUEST', 'Send the request as JSON (content-type: application/json).');
    } catch (err) {
      const unavailable = options.unavailable(err);
      if (!unavailable) return next(err);
      reply = unavailable;
    }
    res.status(reply.status).set({ 'cache-control': 'no-store', ...(reply.headers ?? {}) });
    if (reply.body === undefined) res.end();
    else res.json(reply.body);
  };

  router.post(
    '/auth/sign-in',
    express.json({ limit: '16kb' }),
    json(async (req) => {
      const limited = await overLimit(req);
      if (limited) return limited;
      const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
      if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
        return refusal(400, 'BAD_USER_INPUT', 'Give a username and a password.');
      }
      const em = orm.em.fork();
      const result = await em.transactional((tx) => signIn(tx, username, password));
      if (!result.ok && result.reason === 'LOCKED') return lockedReply(result);
      if (!result.ok || !(await organisationExists(em, viewerOf(result.account)))) {
        return refusal(401, 'UNAUTHENTICATED', 'The username or password is not right.');
      }
      // A session the request already held ends: one sign-in, one session.
      const held = sessionIdOf(req);
      if (held) await endSession(em, held);
      const session = await startSession(em, result.account);
      const { account } = result;
      return {
        status: 200,
        headers: { 'set-cookie': sessionCookie(session) },
        body: {
          account: { username: account.username, displayName: account.displayName, role: account.role, organization: account.organization },
          expiresAt: session.expiresAt.toISOString(),
          idleMinutes: IDLE_HOURS * 60,
          // Set by someone else (the account was created or its password reset for its holder): change it first.
          mustChangePassword: account.mustChangePassword,
        },
      };
    }),
  );

  router.post(
    '/auth/sign-out',
    express.json({ limit: '1kb' }),
    json(async (req) => {
      const id = sessionIdOf(req);
      if (id) {
        const em = orm.em.fork();
        const held = await sessionAccount(em, id);
        await endSession(em, id);
        if (held) await recordAudit(em, held.viewer, { operation: 'signOut', outcome: AuditOutcome.DONE });
      }
      return { status: 204, headers: { 'set-cookie': cookie('', 0) } };
    }),
  );

  router.post(
    '/auth/password',
    express.json({ limit: '16kb' }),
    json(async (req) => {
      const limited = await overLimit(req);
      if (limited) return limited;
      const id = sessionIdOf(req);
      const account = id ? await sessionAccount(orm.em.fork(), id) : null;
      if (!account) return refusal(401, 'UNAUTHENTICATED', 'Sign in first.');
      const { currentPassword, newPassword } = (req.body ?? {}) as { currentPassword?: unknown; newPassword?: unknown };
      if (typeof currentPassword !== 'string' || typeof newPassword !== 'string') return refusal(400, 'BAD_USER_INPUT', 'Give currentPassword and newPassword.');
      let change: PasswordChange;
      try {
        change = await changePassword(orm.em.fork(), account, currentPassword, newPassword);
      } catch (err) {
        if (err instanceof AccountError) return refusal(400, 'BAD_USER_INPUT', err.message, err.field);
        throw err;
      }
      if (!change.ok && change.reason === 'LOCKED') return lockedReply(change);
      if (!change.ok && change.reason === 'CHANGED') return refusal(401, 'UNAUTHENTICATED', 'The account changed meanwhile: sign in again.');
      if (!change.ok) return refusal(400, 'BAD_USER_INPUT', 'The current password is not right.', 'currentPassword');
      // Every session of the account ended, this one too: the cookie now holds a new id, with the same end.
      return { status: 204, headers: { 'set-cookie': sessionCookie(change.session) } };
    }),
  );

  return router;
}
