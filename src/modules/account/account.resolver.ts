import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { DateTimeScalar } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { Actor } from '../viewer/actor';
import { Organization, organizationOf } from '../viewer/organization';
import { Account } from './account.entity';
import { AccountFilter, CreateAccountInput, DisableAccountInput, EnableAccountInput, ResetAccountPasswordInput } from './account.inputs';
import { findAccounts, lockedUntil } from './account.queries';
import { createAccount, disableAccount, enableAccount, resetAccountPassword } from './management.service';

export const CreateAccountPayload = Payload('CreateAccountPayload', 'account', Account, 'The account created.');
export const DisableAccountPayload = Payload('DisableAccountPayload', 'account', Account, 'The account disabled.');
export const EnableAccountPayload = Payload('EnableAccountPayload', 'account', Account, 'The account enabled.');
export const ResetAccountPasswordPayload = Payload('ResetAccountPasswordPayload', 'account', Account, 'The account whose password was reset.');

@ObjectType('AccountConnection', { description: 'A page of accounts, by username in Unicode code point order (the same on every server).' })
export class AccountConnection extends Connection(Account, 'Account') {}

/** Who manages accounts, said once for every mutation here. */
const MANAGERS =
  'An administrator manages the accounts of bank officers, enterprise representatives, handling units and the CPPCC ' +
  'office; the office those of CPPCC members (administrators’ accounts: only `npm run user` on the server). An account ' +
  'the viewer does not see is not found; one it sees but does not manage, and its own, are not permitted.';

@Resolver(() => Account)
export class AccountResolver {
  @Authorized()
  @Query(() => AccountConnection, {
    description:
      'Accounts people sign in with, by username (Unicode code point order): an administrator every account, the CPPCC office those of CPPCC members. ' +
      'Never a password or its hash.',
  })
  accounts(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => AccountFilter, { nullable: true, description: 'Which accounts; all the viewer may see when omitted.' }) filter: AccountFilter | null,
  ): Promise<Page<Account>> {
    return findAccounts(ctx, filter, page);
  }

  @Authorized()
  @Mutation(() => CreateAccountPayload, {
    description:
      'Creates an account for a person, with a first password its holder must change at the first sign-in (until then a ' +
      `session of it may do nothing else). ${MANAGERS}\n` +
      'Errors: NotPermittedError, InvalidInputError, NotFoundError, DuplicateError.',
  })
  async createAccount(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The account.' }) input: CreateAccountInput) {
    return CreateAccountPayload.from(await createAccount(ctx, input));
  }

  @Authorized()
  @Mutation(() => DisableAccountPayload, {
    description:
      'Disables an account: it can no longer sign in, and every session of it ends at once. The reason is kept with the ' +
      `account and on the audit trail (AuditEvent.change). ${MANAGERS}\n` +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async disableAccount(@Ctx() ctx: RequestContext, @Arg('input', { description: 'Which account, and why.' }) input: DisableAccountInput) {
    return DisableAccountPayload.from(await disableAccount(ctx, input));
  }

  @Authorized()
  @Mutation(() => EnableAccountPayload, {
    description:
      `Enables a disabled account: it may sign in again (no session it had comes back). ${MANAGERS}\n` +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async enableAccount(@Ctx() ctx: RequestContext, @Arg('input', { description: 'Which account.' }) input: EnableAccountInput) {
    return EnableAccountPayload.from(await enableAccount(ctx, input));
  }

  @Authorized()
  @Mutation(() => ResetAccountPasswordPayload, {
    description:
      'Sets a new password for an account whose holder lost theirs: every session of it ends at once, a lockout of it is ' +
      `lifted, and the holder must change the password at the next sign-in. ${MANAGERS}\n` +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async resetAccountPassword(@Ctx() ctx: RequestContext, @Arg('input', { description: 'Which account, and its new password.' }) input: ResetAccountPasswordInput) {
    return ResetAccountPasswordPayload.from(await resetAccountPassword(ctx, input));
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'What the account acts for: a bank officer’s Bank, a representative’s Enterprise, a member’s CppccMember, a unit’s ' +
      'HandlingUnit. Null for administrators and the CPPCC office, who act for none, and for one no longer registered.',
  })
  organization(@Root() account: Account, @Ctx() ctx: RequestContext) {
    return organizationOf(ctx, account.role, account.organization);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt(@Root() account: Account): Date {
    return account.createdAt;
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'Who created it (the role and organization of their token). Null for one made on the server (`npm run user`) or by the demo.',
  })
  createdBy(@Root() account: Account): Actor | null {
    return Actor.parse(account.createdBy);
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description: 'Until when signing in is refused, after five failed attempts within fifteen minutes; null when it is not locked now.',
  })
  lockExpiresAt(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return lockedUntil(ctx, account.username);
  }

  @FieldResolver(() => Boolean, { description: 'Locked now by failed sign-ins (see `lockExpiresAt`).' })
  async isLocked(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await lockedUntil(ctx, account.username)) !== null;
  }
}
