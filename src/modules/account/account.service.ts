import { createHash, randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Sema } from 'async-sema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { organisationExists } from '../../auth/organisations';
import { ROLES, type Role } from '../../auth/roles';
import { assertClaims, canonicalOrganization, TokenError } from '../../auth/tokens';
import { Viewer } from '../../auth/viewer';
import { recordAudit } from '../audit/audit.service';
import { AuditOutcome } from '../audit/audit.entity';
import { Account, AccountSession } from './account.entity';

/**
 * Accounts, sign-in and sessions (issue 15, item 1). Passwords are hashed with argon2id (@node-rs/argon2: prebuilt
 * native binaries, no install script) at OWASP's parameters; five failures in a row lock an account for fifteen
 * minutes; a session lives in a cookie holding a random id, at most 12 hours, and ends after two idle ones.
 */
export const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;
export const IDLE_HOURS = 2;
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 128;
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,31}$/u;

/** Why a change to an account was refused; the message is safe to show. */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** One account for `Admin`, ` admin ` and `ＡＤＭＩＮ`. */
export const normalizeUsername = (username: string) => username.normalize('NFKC').trim().toLowerCase();

/** A password's problem, or null: 10 to 128 characters, not the username. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters.`;
  if (normalizeUsername(password) === normalizeUsername(username)) return 'A password is not the username.';
  return null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  organization?: string | null;
}

/** Creates an account, its organization checked as a token's is (it must exist, and only roles that act for one name one). */
export async function createAccount(em: EntityManager, input: NewAccount, createdBy: string): Promise<Account> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw new AccountError('username', 'A username is 2 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit.');
  if (!input.displayName.trim()) throw new AccountError('displayName', 'The display name must not be empty.');
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AccountError('password', problem);
  if (!ROLES.includes(input.role)) throw new AccountError('role', `Unknown role ${JSON.stringify(input.role)}.`);
  const organization = canonicalOrganization(input.organization?.trim() || null);
  try {
    assertClaims(input.role, organization);
  } catch (err) {
    if (err instanceof TokenError) throw new AccountError('organization', err.message.replace('token', 'account'));
    throw err;
  }
  if (organization && !(await organisationExists(em, new Viewer(input.role, organization)))) {
    throw new AccountError('organization', `No such organization for a ${input.role}: ${organization}.`);
  }
  if ((await em.count(Account, { username })) > 0) throw new AccountError('username', `The username ${username} is taken.`);
  const account = em.create(Account, {
    username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    organization,
    createdBy,
  } as never);
  await em.flush();
  return account;
}

/** Lifts a lockout (an administrator who knows the person): the count of failures starts again. */
export async function unlockAccount(em: EntityManager, username: string): Promise<Account> {
  const account = await em.findOne(Account, { username: normalizeUsername(username) });
  if (!account) throw new AccountError('username', `No account ${normalizeUsername(username)}.`);
  await em.nativeUpdate(Account, { id: account.id }, { lockedUntil: null, failedAttempts: 0 });
  return account;
}

/** Disables an account and ends its sessions at once. */
export async function disableAccount(em: EntityManager, username: string): Promise<Account> {
  const account = await em.findOne(Account, { username: normalizeUsername(username) });
  if (!account) throw new AccountError('username', `No account ${normalizeUsername(username)}.`);
  account.disabledAt ??= new Date();
  await em.flush();
  await em.nativeDelete(AccountSession, { account: account.id });
  return account;
}

/** The viewer an account acts as. */
export const viewerOf = (account: Pick<Account, 'role' | 'organization'>) => new Viewer(account.role, account.organization);

/**
 * At most two argon2 computations at once in this process, the others queued (async-sema): each takes 19 MiB and tens
 * of milliseconds, and a burst of sign-ins must not take the event loop's thread pool from every other request.
 */
const argon2Slots = new Sema(2);
const bounded = async <T>(work: () => Promise<T>): Promise<T> => {
  await argon2Slots.acquire();
  try {
    return await work();
  } finally {
    argon2Slots.release();
  }
};
export const hashPassword = (password: string) => bounded(() => hash(password, ARGON2));
const verifyPassword = (stored: string, password: string) => bounded(() => verify(stored, password));

/** A hash to verify against when there is no account, so that an unknown username takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
const timingDecoy = (password: string) => (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))).then((h) => verifyPassword(h, password));

export type Attempt = { ok: true } | { ok: false; reason: 'INVALID' } | { ok: false; reason: 'LOCKED'; retryAfterSeconds: number };

const lockedFor = async (em: EntityManager, accountId: string): Promise<Attempt> => {
  const [row] = await em.execute<{ seconds: string }[]>('select ceil(extract(epoch from locked_until - now())) as seconds from account where id = ?', [accountId]);
  return { ok: false, reason: 'LOCKED', retryAfterSeconds: Math.max(1, Number(row?.seconds ?? 1)) };
};

/**
 * Checks an account's password, counting the attempt before it is checked, in one statement refused while the
 * account is locked: attempts sent at once each count, none past the lock is checked, and the attempt that makes
 * MAX_FAILURES failures in a row locks the account for LOCKOUT_MINUTES. A success clears the count unless a lock
 * came meanwhile. Run outside a transaction that may roll back, or the count goes with it.
 */
export async function attemptPassword(em: EntityManager, account: Pick<Account, 'id' | 'passwordHash'>, password: string): Promise<Attempt> {
  const [counted] = await em.execute<{ failed_attempts: number }[]>(
    'update account set failed_attempts = failed_attempts + 1 where id = ? and (locked_until is null or locked_until <= now()) returning failed_attempts',
    [account.id],
  );
  if (!counted) return lockedFor(em, account.id);
  const lock = async () => {
    await em.execute('update account set locked_until = now() + make_interval(mins => ?), failed_attempts = 0 where id = ?', [LOCKOUT_MINUTES, account.id]);
    return lockedFor(em, account.id);
  };
  if (counted.failed_attempts > MAX_FAILURES) return lock();
  if (!(await verifyPassword(account.passwordHash, password))) return counted.failed_attempts >= MAX_FAILURES ? lock() : { ok: false, reason: 'INVALID' };
  const cleared = await em.execute('update account set failed_attempts = 0, locked_until = null where id = ? and (locked_until is null or locked_until <= now()) returning id', [account.id]);
  return cleared.length ? { ok: true } : lockedFor(em, account.id);
}

export type SignIn = { ok: true; account: Account } | Exclude<Attempt, { ok: true }>;

/**
 * Checks a username and password. An unknown or malformed username, a disabled account and a wrong password are
 * answered alike (and take as long); MAX_FAILURES failures in a row lock the account. Each attempt on an account is
 * on the audit trail (operation `signIn`: DONE, or REFUSED with why).
 */
export async function signIn(em: EntityManager, username: string, password: string): Promise<SignIn> {
  const name = normalizeUsername(username);
  const account = USERNAME.test(name) && [...password].length <= PASSWORD_MAX ? await em.findOne(Account, { username: name }) : null;
  if (!account || account.disabledAt) {
    await timingDecoy(password);
    return { ok: false, reason: 'INVALID' };
  }
  const attempt = await attemptPassword(em, account, password);
  const reason = attempt.ok ? null : attempt.reason === 'LOCKED' ? 'LOCKED' : 'WRONG_PASSWORD';
  await recordAudit(em, viewerOf(account), { operation: 'signIn', outcome: attempt.ok ? AuditOutcome.DONE : AuditOutcome.REFUSED, details: reason ? { reason } : null });
  return attempt.ok ? { ok: true, account } : attempt;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Starts a session; the returned id goes in the cookie, only its hash in the table. */
export async function startSession(em: EntityManager, account: Account): Promise<{ id: string; expiresAt: Date }> {
  // The account's ended sessions go (past their end or idle too long): the table holds live ones only.
  await em.execute('delete from account_session where account_id = ? and (expires_at <= now() or last_seen_at <= now() - make_interval(hours => ?))', [account.id, IDLE_HOURS]);
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.create(AccountSession, { idHash: sha256(id), account, expiresAt, lastSeenAt: new Date() } as never);
  await em.flush();
  return { id, expiresAt };
}

export interface SessionAccount {
  accountId: string;
  username: string;
  displayName: string;
  viewer: Viewer;
}

/**
 * The account a session cookie stands for, or null when it is unknown, ended, idle too long, or its account disabled.
 * One statement; a second, at most once a minute per session, moves its last use on (not a write per request).
 */
export async function sessionAccount(em: EntityManager, id: string): Promise<SessionAccount | null> {
  const idHash = sha256(id);
  const [row] = await em.execute<{ account_id: string; username: string; display_name: string; role: Role; organization: string | null; stale: boolean }[]>(
    `select a.id as account_id, a.username, a.display_name, a.role, a.organization, s.last_seen_at < now() - interval '1 minute' as stale
       from account_session s join account a on a.id = s.account_id
      where s.id_hash = ? and s.expires_at > now() and s.last_seen_at > now() - make_interval(hours => ?) and a.disabled_at is null`,
    [idHash, IDLE_HOURS],
  );
  if (!row) return null;
  if (row.stale) await em.execute('update account_session set last_seen_at = now() where id_hash = ?', [idHash]);
  return { accountId: row.account_id, username: row.username, displayName: row.display_name, viewer: new Viewer(row.role, row.organization) };
}

/** Ends one session. */
export async function endSession(em: EntityManager, id: string): Promise<void> {
  await em.nativeDelete(AccountSession, { idHash: sha256(id) });
}

/**
 * Changes a password, checking the current one as a sign-in does (counted toward the lockout, refused while locked);
 * every other session of the account ends. Run outside a transaction: the count of a wrong attempt must stay.
 */
export async function changePassword(em: EntityManager, accountId: string, current: string, next: string, keepSession: string | null): Promise<Attempt> {
  const account = await em.findOneOrFail(Account, accountId);
  const problem = passwordProblem(next, account.username);
  if (problem) throw new AccountError('newPassword', problem);
  const attempt = await attemptPassword(em, account, current);
  if (!attempt.ok) {
    await recordAudit(em, viewerOf(account), { operation: 'changePassword', outcome: AuditOutcome.REFUSED, details: { reason: attempt.reason === 'LOCKED' ? 'LOCKED' : 'WRONG_PASSWORD' } });
    return attempt;
  }
  const passwordHash = await hashPassword(next);
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(Account, { id: account.id }, { passwordHash, passwordChangedAt: new Date() });
    await tx.execute('delete from account_session where account_id = ? and id_hash <> ?', [account.id, keepSession ? sha256(keepSession) : '']);
    await recordAudit(tx, viewerOf(account), { operation: 'changePassword', outcome: AuditOutcome.DONE });
  });
  return attempt;
}

/**
 * Disables the demo's accounts (created by the seed, password in the README) and ends their sessions: a production
 * server does so at every start, so a database first started as a demo does not keep them. The usernames disabled.
 */
export async function disableDemoAccounts(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string; username: string }[]>(
    "update account set disabled_at = now() where created_by = 'seed' and disabled_at is null returning id, username",
  );
  if (rows.length) await em.execute('delete from account_session where account_id = any(?::uuid[])', [`{${rows.map((r) => r.id).join(',')}}`]);
  return rows.map((r) => r.username).sort();
}
