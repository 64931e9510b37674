import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Sema } from 'async-sema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { organisationExists } from '../../auth/organisations';
import { ROLES, type Role } from '../../auth/roles';
import { assertClaims, canonicalOrganization, TokenError } from '../../auth/tokens';
import { Viewer, ViewerAccount } from '../../auth/viewer';
import { recordAudit } from '../audit/audit.service';
import { AuditOutcome } from '../audit/audit.entity';
import { Account, AccountSession } from './account.entity';

/**
 * Accounts, sign-in and sessions (issue 15, item 1). Passwords are hashed with argon2id (@node-rs/argon2: prebuilt
 * native binaries, no install script) at OWASP's parameters; five failed sign-ins under one username within fifteen
 * minutes lock it for fifteen minutes, whether or not an account has it; a session lives in a cookie holding a random
 * id, at most 12 hours, ends after two idle ones, and an account keeps at most ten.
 */
export const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MAX_FAILURES = 5;
/** How long a lock lasts, and the window five failures must fall in to lock. */
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;
export const IDLE_HOURS = 2;
/** Live sessions an account keeps at most: an eleventh sign-in ends the oldest. */
export const MAX_SESSIONS = 10;
const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
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

/** A normalized username's problem, or null: 2 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export function usernameProblem(normalized: string): string | null {
  return USERNAME.test(normalized) ? null : 'A username is 2 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit.';
}

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

/**
 * Creates an account from the shell or the demo seed, its organization checked as a token's is (it must exist, and
 * only roles that act for one name one). Accounts made through GraphQL go through management.service.ts.
 */
export async function createAccount(em: EntityManager, input: NewAccount, createdBy: string): Promise<Account> {
  const username = normalizeUsername(input.username);
  const badUsername = usernameProblem(username);
  if (badUsername) throw new AccountError('username', badUsername);
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
  await clearLockout(em, account.username);
  return account;
}

/** Forgets the failed sign-ins under a username, and any lock they made. */
export async function clearLockout(em: EntityManager, username: string): Promise<void> {
  await em.execute('delete from sign_in_failure where username = ?', [username]);
}

/** Ends every session of an account at once (its `authEpoch` should have moved too: see Account.authEpoch). */
export async function endSessionsOf(em: EntityManager, accountId: string): Promise<void> {
  await em.execute('delete from account_session where account_id = ?', [accountId]);
}

/** Disables an account from the shell and ends its sessions at once. */
export async function disableAccount(em: EntityManager, username: string): Promise<Account> {
  return changeFromShell(em, username, (held) => {
    held.disabledAt ??= new Date();
  });
}

/** Enables a disabled account from the shell (no session of before comes back). */
export async function enableAccount(em: EntityManager, username: string): Promise<Account> {
  return changeFromShell(em, username, (held) => {
    held.disabledAt = null;
    held.disabledReason = null;
  });
}

/**
 * Sets a new password from the shell (an administrator's, whose accounts GraphQL does not manage, or anyone's): every
 * session ends and a lockout is lifted. Whoever types it at the server's terminal may be its holder: it need not be
 * changed, as one set with `npm run user -- add` need not.
 */
export async function resetPassword(em: EntityManager, username: string, password: string): Promise<Account> {
  const name = normalizeUsername(username);
  const problem = passwordProblem(password, name);
  if (problem) throw new AccountError('password', problem);
  const passwordHash = await hashPassword(password);
  const account = await changeFromShell(em, username, (held) => {
    held.passwordHash = passwordHash;
    held.passwordChangedAt = new Date();
    held.mustChangePassword = false;
  });
  await clearLockout(em, account.username);
  return account;
}

/** One change of an account from the shell, under a row lock; its sessions end (its `authEpoch` moves on). */
async function changeFromShell(em: EntityManager, username: string, change: (held: Account) => void): Promise<Account> {
  const account = await em.findOne(Account, { username: normalizeUsername(username) });
  if (!account) throw new AccountError('username', `No account ${normalizeUsername(username)}.`);
  await em.fork().transactional(async (tx) => {
    const held = await tx.findOneOrFail(Account, account.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    change(held);
    held.authEpoch += 1;
    await tx.flush();
    await endSessionsOf(tx, held.id);
  });
  return account;
}

/** The viewer an account acts as (with its username, for the audit trail, when `account` is given). */
export const viewerOf = (account: Pick<Account, 'role' | 'organization'>, signedIn: ViewerAccount | null = null) =>
  new Viewer(account.role, account.organization, signedIn);

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
const INVALID = { ok: false, reason: 'INVALID' } as const;

const lockedFor = async (em: EntityManager, username: string): Promise<Attempt> => {
  const [row] = await em.execute<{ seconds: string }[]>(
    'select ceil(extract(epoch from locked_until - now())) as seconds from sign_in_failure where username = ?',
    [username],
  );
  return { ok: false, reason: 'LOCKED', retryAfterSeconds: Math.max(1, Number(row?.seconds ?? 1)) };
};

/**
 * Counts a failure under `username` before its password is checked, in one statement refused while the username is
 * locked: attempts sent at once each count, and none past the lock is checked. A window starts at the first failure;
 * one begun LOCKOUT_MINUTES ago or more starts again. Returns the failures of the window, or null while locked.
 */
async function countAttempt(em: EntityManager, username: string): Promise<number | null> {
  // Rows past their window and their lock are of no use: a few go with every attempt, never one another attempt holds.
  await em.execute(
    `delete from sign_in_failure where username in (
       select username from sign_in_failure
        where window_started_at <= now() - make_interval(mins => ?) and (locked_until is null or locked_until <= now())
        limit 100 for update skip locked)`,
    [LOCKOUT_MINUTES],
  );
  const [row] = await em.execute<{ failed_attempts: number }[]>(
    `insert into sign_in_failure as f (username, failed_attempts, window_started_at) values (?, 1, now())
     on conflict (username) do update set
       failed_attempts = case when f.window_started_at <= now() - make_interval(mins => ?) then 1 else f.failed_attempts + 1 end,
       window_started_at = case when f.window_started_at <= now() - make_interval(mins => ?) then now() else f.window_started_at end
     where f.locked_until is null or f.locked_until <= now()
     returning failed_attempts`,
    [username, LOCKOUT_MINUTES, LOCKOUT_MINUTES],
  );
  return row ? row.failed_attempts : null;
}

/**
 * Locks a username for LOCKOUT_MINUTES, unless a lock is in force already: a lock is never extended, so however many
 * attempts an attacker sends, a username is free again at most LOCKOUT_MINUTES after the failure that locked it.
 */
async function lockUsername(em: EntityManager, username: string): Promise<Attempt> {
  await em.execute(
    `update sign_in_failure set locked_until = now() + make_interval(mins => ?), failed_attempts = 0, window_started_at = now()
      where username = ? and (locked_until is null or locked_until <= now())`,
    [LOCKOUT_MINUTES, username],
  );
  return lockedFor(em, username);
}

/**
 * Checks a password under a username, counting the attempt first (countAttempt): MAX_FAILURES failures within
 * LOCKOUT_MINUTES lock the username. `hash` null (no account, or a disabled one): checked against a decoy, so it takes
 * as long, and always fails; counted and locked exactly as for an account, so neither the answer (401, then 429) nor
 * its timing tells whether an account has the username. A success clears the count unless a lock came meanwhile.
 */
export async function attemptPassword(em: EntityManager, username: string, hash: string | null, password: string): Promise<Attempt> {
  const counted = await countAttempt(em, username);
  if (counted === null) return lockedFor(em, username);
  if (counted > MAX_FAILURES) return lockUsername(em, username);
  // A password longer than any allowed cannot be right: not hashed, whoever has the username.
  const possible = [...password].length <= PASSWORD_MAX;
  const right = possible && (hash ? await verifyPassword(hash, password) : (await timingDecoy(password), false));
  if (!right) return counted >= MAX_FAILURES ? lockUsername(em, username) : INVALID;
  const [stillLocked] = await em.execute<{ seconds: string }[]>(
    `with cleared as (delete from sign_in_failure where username = ? and (locked_until is null or locked_until <= now()) returning 1)
     select ceil(extract(epoch from locked_until - now())) as seconds from sign_in_failure where username = ? and locked_until > now()`,
    [username, username],
  );
  return stillLocked ? { ok: false, reason: 'LOCKED', retryAfterSeconds: Math.max(1, Number(stillLocked.seconds)) } : { ok: true };
}

export type SignIn = { ok: true; account: Account } | Exclude<Attempt, { ok: true }>;

/** Why a sign-in was refused, as the audit trail records it. */
type Refusal = 'WRONG_PASSWORD' | 'UNKNOWN_USERNAME' | 'DISABLED' | 'LOCKED';

/**
 * Checks a username and password. An unknown or malformed username, a disabled account and a wrong password are
 * answered alike (and take as long); failures under a username lock it as attemptPassword says, whether or not an
 * account has it. Every attempt is on the audit trail (operation `signIn`: DONE, or REFUSED with why), with the
 * username it named as `actorUsername`; one under a username no account has is an event of no actor (ANONYMOUS).
 */
export async function signIn(em: EntityManager, username: string, password: string): Promise<SignIn> {
  const name = normalizeUsername(username);
  if (usernameProblem(name)) {
    // No account can have it, so its answer tells nothing: not counted, and not kept (it may be a mistyped password).
    await timingDecoy(password);
    await recordAudit(em, null, { operation: 'signIn', outcome: AuditOutcome.REFUSED, details: { reason: 'UNKNOWN_USERNAME' }, actorUsername: null });
    return INVALID;
  }
  const account = await em.findOne(Account, { username: name });
  const usable = account && !account.disabledAt ? account : null;
  const attempt = await attemptPassword(em, name, usable?.passwordHash ?? null, password);
  const actor = account ? viewerOf(account) : null;
  if (!attempt.ok) {
    const reason: Refusal = attempt.reason === 'LOCKED' ? 'LOCKED' : !account ? 'UNKNOWN_USERNAME' : account.disabledAt ? 'DISABLED' : 'WRONG_PASSWORD';
    await recordAudit(em, actor, { operation: 'signIn', outcome: AuditOutcome.REFUSED, details: { reason }, actorUsername: name });
    return attempt;
  }
  await recordAudit(em, actor, { operation: 'signIn', outcome: AuditOutcome.DONE, actorUsername: name });
  return { ok: true, account: usable! };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Starts a session; the returned id goes in the cookie, only its hash in the table. It carries the `authEpoch` the
 * account had when its password was checked (`account` as read then), so a change of password, a reset or a disabling
 * that committed meanwhile ends it at once. An account keeps its MAX_SESSIONS newest sessions; older ones end.
 * `rotating`: the session replaces one whose password was just changed, and keeps its end (not a sign-in).
 */
export async function startSession(
  em: EntityManager,
  account: Pick<Account, 'id' | 'authEpoch'>,
  rotating?: { expiresAt: Date },
): Promise<{ id: string; expiresAt: Date }> {
  // The account's ended sessions go (past their end or idle too long): the table holds live ones only.
  await em.execute('delete from account_session where account_id = ? and (expires_at <= now() or last_seen_at <= now() - make_interval(hours => ?))', [
    account.id,
    IDLE_HOURS,
  ]);
  const id = randomBytes(32).toString('base64url');
  const idHash = sha256(id);
  const expiresAt = rotating?.expiresAt ?? new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.create(AccountSession, { idHash, account: em.getReference(Account, account.id), expiresAt, lastSeenAt: new Date(), authEpoch: account.authEpoch } as never);
  await em.flush();
  // At most MAX_SESSIONS: the newest stay (this one always).
  await em.execute(
    `delete from account_session where id_hash in (
       select id_hash from account_session where account_id = ? and id_hash <> ? order by created_at desc, id_hash desc offset ?)`,
    [account.id, idHash, MAX_SESSIONS - 1],
  );
  if (!rotating) await em.execute('update account set last_signed_in_at = now() where id = ?', [account.id]);
  return { id, expiresAt };
}

/**
 * Which of these session ids still stand for their account (the conditions of `sessionAccount`), without moving their
 * last use on: an open subscription is not a person using the console. One statement for any number of sessions.
 */
export async function sessionsStillValid(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const byHash = new Map(ids.map((id) => [sha256(id), id]));
  const rows = await em.execute<{ id_hash: string }[]>(
    `select s.id_hash from account_session s join account a on a.id = s.account_id
      where s.id_hash = any(?::text[]) and s.expires_at > now() and s.last_seen_at > now() - make_interval(hours => ?)
        and a.disabled_at is null and s.auth_epoch = a.auth_epoch`,
    [`{${[...byHash.keys()].join(',')}}`, IDLE_HOURS], // base64url: nothing to quote in an array literal
  );
  return new Set(rows.map((r) => byHash.get(r.id_hash)!));
}

export interface SessionAccount {
  accountId: string;
  username: string;
  displayName: string;
  /** The viewer the session acts as, with its account (`Viewer.account`). */
  viewer: Viewer;
  expiresAt: Date;
  /** The password was set by someone else: the session may do nothing but change it. */
  mustChangePassword: boolean;
}

/**
 * The account a session cookie stands for, or null when it is unknown, ended, idle too long, older than the account's
 * last password change, reset, disabling or enabling (`authEpoch`), or its account disabled. One statement; a second,
 * at most once a minute per session, moves its last use on (not a write per request).
 */
export async function sessionAccount(em: EntityManager, id: string): Promise<SessionAccount | null> {
  const idHash = sha256(id);
  const [row] = await em.execute<
    {
      account_id: string;
      username: string;
      display_name: string;
      role: Role;
      organization: string | null;
      must_change_password: boolean;
      expires_at: Date;
      stale: boolean;
    }[]
  >(
    `select a.id as account_id, a.username, a.display_name, a.role, a.organization, a.must_change_password, s.expires_at,
            s.last_seen_at < now() - interval '1 minute' as stale
       from account_session s join account a on a.id = s.account_id
      where s.id_hash = ? and s.expires_at > now() and s.last_seen_at > now() - make_interval(hours => ?)
        and a.disabled_at is null and s.auth_epoch = a.auth_epoch`,
    [idHash, IDLE_HOURS],
  );
  if (!row) return null;
  if (row.stale) await em.execute('update account_session set last_seen_at = now() where id_hash = ?', [idHash]);
  const expiresAt = new Date(row.expires_at);
  const account = new ViewerAccount({
    id: row.account_id,
    username: row.username,
    displayName: row.display_name,
    sessionExpiresAt: expiresAt,
    mustChangePassword: row.must_change_password,
  });
  return {
    accountId: row.account_id,
    username: row.username,
    displayName: row.display_name,
    viewer: new Viewer(row.role, row.organization, account),
    expiresAt,
    mustChangePassword: row.must_change_password,
  };
}

/** Ends one session. */
export async function endSession(em: EntityManager, id: string): Promise<void> {
  await em.nativeDelete(AccountSession, { idHash: sha256(id) });
}

export type PasswordChange =
  | { ok: true; session: { id: string; expiresAt: Date } }
  | Exclude<Attempt, { ok: true }>
  /** The account changed meanwhile (its password reset or changed elsewhere, or it was disabled): sign in again. */
  | { ok: false; reason: 'CHANGED' };

/**
 * Changes a password, checking the current one as a sign-in does (counted toward the lockout, refused while locked).
 * Every session of the account ends, this one included, and the session is rotated: a new id (returned, for the
 * cookie) with the same end, so an id seen before the change signs no one in after it. The account's `authEpoch` moves
 * on, so a sign-in that checked the old password before the change and makes its session after it gets a dead one.
 * Run outside a transaction: the count of a wrong attempt must stay.
 */
export async function changePassword(
  em: EntityManager,
  session: Pick<SessionAccount, 'accountId' | 'expiresAt'>,
  current: string,
  next: string,
): Promise<PasswordChange> {
  const account = await em.findOneOrFail(Account, session.accountId);
  const problem = passwordProblem(next, account.username);
  if (problem) throw new AccountError('newPassword', problem);
  if (next === current) throw new AccountError('newPassword', 'The new password must differ from the current one.');
  const signedIn = new ViewerAccount({ id: account.id, username: account.username, displayName: account.displayName, sessionExpiresAt: session.expiresAt });
  const attempt = await attemptPassword(em, account.username, account.passwordHash, current);
  if (!attempt.ok) {
    const reason = attempt.reason === 'LOCKED' ? 'LOCKED' : 'WRONG_PASSWORD';
    await recordAudit(em, viewerOf(account, signedIn), { operation: 'changePassword', outcome: AuditOutcome.REFUSED, details: { reason } });
    return attempt;
  }
  const passwordHash = await hashPassword(next);
  return em.fork().transactional(async (tx) => {
    const held = await tx.findOneOrFail(Account, account.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // The password checked above is no longer the account's, or the account was disabled, since it was read.
    if (held.authEpoch !== account.authEpoch || held.disabledAt) {
      await recordAudit(tx, viewerOf(account, signedIn), { operation: 'changePassword', outcome: AuditOutcome.REFUSED, details: { reason: 'CHANGED' } });
      return { ok: false, reason: 'CHANGED' } as const;
    }
    held.passwordHash = passwordHash;
    held.passwordChangedAt = new Date();
    held.mustChangePassword = false;
    held.authEpoch += 1;
    await tx.flush();
    await endSessionsOf(tx, held.id);
    const rotated = await startSession(tx, held, { expiresAt: session.expiresAt });
    await recordAudit(tx, viewerOf(account, signedIn), { operation: 'changePassword', outcome: AuditOutcome.DONE });
    return { ok: true, session: rotated } as const;
  });
}

/**
 * Disables the demo's accounts (created by the seed, password in the README) and ends their sessions: a production
 * server does so at every start, so a database first started as a demo does not keep them. The usernames disabled.
 */
export async function disableDemoAccounts(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string; username: string }[]>(
    "update account set disabled_at = now(), auth_epoch = auth_epoch + 1 where created_by = 'seed' and disabled_at is null returning id, username",
  );
  if (rows.length) await em.execute('delete from account_session where account_id = any(?::uuid[])', [`{${rows.map((r) => r.id).join(',')}}`]);
  return rows.map((r) => r.username).sort();
}
