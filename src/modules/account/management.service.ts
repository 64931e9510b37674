import { managesAccountsOf } from '../../auth/policy';
import { Role } from '../../auth/roles';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import {
  DuplicateError,
  InvalidInputError,
  type MutationError,
  NotFoundError,
  notPermitted,
  Problems,
  transitionNotAllowed,
} from '../../common/mutation-errors';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import { idOf, requiredText } from '../../common/validate';
import type { RequestContext } from '../../context';
import { noteChange } from '../audit/audit.middleware';
import { CppccMember, HandlingUnit } from '../cppcc/cppcc.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';
import { Account } from './account.entity';
import type { CreateAccountInput, DisableAccountInput, EnableAccountInput, ResetAccountPasswordInput } from './account.inputs';
import { clearLockout, endSessionsOf, hashPassword, normalizeUsername, passwordProblem, usernameProblem } from './account.service';

/**
 * Accounts managed through GraphQL (issue 15): administrators create, disable, enable and reset the accounts of bank
 * officers, representatives, handling units and the CPPCC office, the office those of CPPCC members
 * (policy.ts ACCOUNT_MANAGERS). Each runs in its mutation's transaction with its audit event; ending sessions is part
 * of it, so a refused or failed call ends none.
 */

/** The kind of record each role acts for (its token's `org`), by GraphQL type; null: it acts for none. */
const ORGANIZATION_OF: Record<Role, 'Bank' | 'Enterprise' | 'CppccMember' | 'HandlingUnit' | null> = {
  [Role.BANK_OFFICER]: 'Bank',
  [Role.ENTERPRISE_REP]: 'Enterprise',
  [Role.CPPCC_MEMBER]: 'CppccMember',
  [Role.HANDLING_UNIT]: 'HandlingUnit',
  [Role.ZONE_ADMIN]: null,
  [Role.CPPCC_OFFICE]: null,
};

const notManaged = (ctx: RequestContext, field: string, role: Role) =>
  notPermitted(field, `A ${ctx.viewer!.role} does not manage ${role} accounts.`);

/**
 * What an account of `role` acts for, as its sessions carry it (a bank's or an enterprise's credit code, a member's
 * or a unit's global id), from the global id given; or the error that keeps it from being one.
 */
async function organizationFor(ctx: RequestContext, role: Role, organizationId: string | null | undefined): Promise<{ stored: string | null } | MutationError> {
  const field = 'input.organizationId';
  const kind = ORGANIZATION_OF[role];
  if (!kind) {
    return organizationId ? new InvalidInputError(field, `A ${role} account acts for no organization: give no organizationId.`) : { stored: null };
  }
  if (!organizationId) return new InvalidInputError(field, `A ${role} account acts for a ${kind}: give its id.`);
  const parsed = fromGlobalId(organizationId);
  if (parsed?.type !== kind) return new InvalidInputError(field, `A ${role} account acts for a ${kind}: ${organizationId} is not the id of one.`);
  const entity = { Bank, Enterprise, CppccMember, HandlingUnit }[kind];
  const record = await ctx.em.findOne(entity as typeof Bank, parsed.id);
  if (!record) return new NotFoundError(field, `No ${kind} has the id ${organizationId}.`);
  return { stored: 'creditCode' in record ? (record as Bank | Enterprise).creditCode : toGlobalId(kind, parsed.id) };
}

/** Creates an account of a role the viewer manages, for a person who then changes the password given. */
export async function createAccount(ctx: RequestContext, input: CreateAccountInput): Promise<Outcome<Account>> {
  // Permission first: an office learns nothing about the registry through an account it may not make.
  if (!managesAccountsOf(ctx.viewer!.role, input.role)) return refused([notManaged(ctx, 'input.role', input.role)]);
  const problems = new Problems();
  const username = normalizeUsername(input.username);
  const badUsername = usernameProblem(username);
  if (badUsername) problems.invalid('input.username', badUsername);
  const displayName = requiredText(problems, 'input.displayName', input.displayName, 100);
  const badPassword = passwordProblem(input.password, username);
  if (badPassword) problems.invalid('input.password', badPassword);
  const organization = await organizationFor(ctx, input.role, input.organizationId);
  if (!('stored' in organization)) problems.add(organization);
  const taken = () => new DuplicateError('input.username', `The username ${username} is taken.`);
  if (!badUsername && (await ctx.em.count(Account, { username })) > 0) problems.add(taken());
  if (problems.any) return refused(problems.list);

  const account = ctx.em.create(Account, {
    username,
    displayName: displayName!,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    organization: (organization as { stored: string | null }).stored,
    mustChangePassword: true,
    createdBy: actorOf(ctx),
  } as never);
  // Two creations of one username at once: the unique index keeps one, the other is told DUPLICATE.
  return flushOutcome(ctx, account, { duplicate: taken });
}

/**
 * The account an input names, when the viewer may manage it; else the error to answer. One the viewer does not see
 * (the office asking for a bank officer's) is not found, as a missing one; the viewer's own, and one of a role it
 * sees but does not manage (an administrator's, for an administrator), are not permitted.
 */
async function managedAccount(ctx: RequestContext, accountId: string, operation: string, self: string): Promise<Account | MutationError> {
  const problems = new Problems();
  const id = idOf(problems, 'input.accountId', accountId, 'Account');
  if (!id) return problems.list[0]!;
  // One's own account first: whether the viewer's role sees accounts of its own role or not, the answer is the same.
  if (ctx.viewer!.account?.id === id) return notPermitted('input.accountId', self);
  const account = await ctx.em.findOne(Account, id);
  if (!account || !(await ctx.access.seesObject('Account', account, operation))) return new NotFoundError('input.accountId', 'No such account.');
  if (!managesAccountsOf(ctx.viewer!.role, account.role)) return notManaged(ctx, 'input.accountId', account.role);
  return account;
}

/** Two changes of one account at once: the second finds its version moved. */
const changedMeanwhile = async () => transitionNotAllowed('input.accountId', 'The account changed meanwhile (disabled, enabled or its password reset): read it again.');

/** Disables an account the viewer manages: it cannot sign in, and every session of it ends with this transaction. */
export async function disableAccount(ctx: RequestContext, input: DisableAccountInput): Promise<Outcome<Account>> {
  const problems = new Problems();
  const reason = requiredText(problems, 'input.reason', input.reason, 500);
  const account = await managedAccount(ctx, input.accountId, 'disableAccount', 'An account cannot disable itself.');
  if (!(account instanceof Account)) return refused([account, ...problems.list]);
  if (problems.any) return refused(problems.list);
  if (account.disabledAt) return refused([transitionNotAllowed('input.accountId', 'The account is disabled already.')]);
  account.disabledAt = new Date();
  account.disabledReason = reason!;
  account.authEpoch += 1;
  const outcome = await flushOutcome(ctx, account, { stale: changedMeanwhile });
  if (outcome.value) {
    await endSessionsOf(ctx.em, account.id);
    noteChange(ctx, { record: account.nodeId, reason: reason!, before: { isDisabled: false }, after: { isDisabled: true, disabledAt: account.disabledAt.toISOString() } });
  }
  return outcome;
}

/** Enables a disabled account the viewer manages: it may sign in again (no session of before comes back). */
export async function enableAccount(ctx: RequestContext, input: EnableAccountInput): Promise<Outcome<Account>> {
  const account = await managedAccount(ctx, input.accountId, 'enableAccount', 'An account cannot enable itself.');
  if (!(account instanceof Account)) return refused([account]);
  if (!account.disabledAt) return refused([transitionNotAllowed('input.accountId', 'The account is not disabled.')]);
  account.disabledAt = null;
  account.disabledReason = null;
  account.authEpoch += 1;
  const outcome = await flushOutcome(ctx, account, { stale: changedMeanwhile });
  if (outcome.value) await endSessionsOf(ctx.em, account.id);
  return outcome;
}

/**
 * Sets a password for the holder of an account the viewer manages, who must change it at the next sign-in: every
 * session ends, and a lockout of its username is lifted (whoever resets it knows the person).
 */
export async function resetAccountPassword(ctx: RequestContext, input: ResetAccountPasswordInput): Promise<Outcome<Account>> {
  const account = await managedAccount(ctx, input.accountId, 'resetAccountPassword', 'Change your own password with POST /auth/password.');
  if (!(account instanceof Account)) return refused([account]);
  const badPassword = passwordProblem(input.password, account.username);
  if (badPassword) return refused([new InvalidInputError('input.password', badPassword)]);
  account.passwordHash = await hashPassword(input.password);
  account.passwordChangedAt = new Date();
  account.mustChangePassword = true;
  account.authEpoch += 1;
  const outcome = await flushOutcome(ctx, account, { stale: changedMeanwhile });
  if (outcome.value) {
    await endSessionsOf(ctx.em, account.id);
    await clearLockout(ctx.em, account.username);
  }
  return outcome;
}
