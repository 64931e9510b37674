import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import { zoneToday } from '../../clock';
import { Connection, type Page, PageArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';
import { eitherForm, legacy, withForm } from '../../common/legacy-args';
import { DataAuthorization } from './authorization.entity';
import { DataAuthorizationOrder, GrantAuthorizationInput, RevokeAuthorizationInput } from './authorization.inputs';
import { findAuthorizations } from './authorization.queries';
import { grantAuthorization, revokeAuthorization } from './authorization.service';

export const AuthorizationPayload = Payload('AuthorizationPayload', 'authorization', DataAuthorization, 'The authorization granted or revoked.');

@ObjectType('DataAuthorizationConnection', { description: 'A page of data authorizations, in the order of the list (newest grant first unless it says otherwise).' })
export class DataAuthorizationConnection extends Connection(DataAuthorization, 'DataAuthorization') {}

/** The description of the `active` argument of every list of authorizations. */
export const ACTIVE_ARGUMENT =
  'true: only those in force today (Asia/Shanghai: begun, not ended, not revoked); false: only those that are not; omitted: all.';

export const ENDING_BY_ARGUMENT =
  'Only those whose last day (`validUntil`) is on or before this date; with `active: true`, those in force today that end by then ' +
  '(到期提醒: e.g. today plus 30 days). Omitted: whatever their last day.';

@Resolver(() => DataAuthorization)
export class AuthorizationResolver {
  @Authorized()
  @Mutation(() => AuthorizationPayload, {
    description:
      'An enterprise lets a bank see its data: granted by its representative for its own enterprise, or recorded by an ' +
      'administrator from a signed paper authorization (then `paperReference` is required). At most one authorization of ' +
      'an enterprise for a bank and purpose is in force on any day.\n' +
      'Errors: NotPermittedError, InvalidInputError, NotFoundError, DuplicateError.',
  })
  async grantAuthorization(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The grant.' }) input: GrantAuthorizationInput) {
    return AuthorizationPayload.from(await grantAuthorization(ctx, input));
  }

  @Authorized()
  @Mutation(() => AuthorizationPayload, {
    description:
      'Ends an authorization at once: the bank stops seeing the data from its next request. An authorization that is not ' +
      "the viewer's to revoke is not found.\n" +
      'Errors: InvalidInputError, NotFoundError, TransitionNotAllowedError.',
  })
  async revokeAuthorization(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeAuthorizationInput, { nullable: true, description: 'Which authorization. Required unless the deprecated `id` is given.' })
    input: RevokeAuthorizationInput | null,
    @Arg('id', () => ID, legacy('authorizationId')) id: string | null,
  ) {
    const chosen = eitherForm(input, { id }, () => ({ authorizationId: id! }));
    return AuthorizationPayload.from(await withForm(chosen, (i) => revokeAuthorization(ctx, i), { 'input.authorizationId': 'id' }));
  }

  @Authorized()
  @Query(() => DataAuthorizationConnection, {
    description:
      "Data authorizations, newest grant first unless `orderBy` says otherwise: an administrator's are the zone's (any " +
      "enterprise's, or one's with `creditCode`), a representative's its own enterprise's (another enterprise's list is " +
      'empty, as for a code never registered). With `active: true` and `endingBy`, those in force that end by a date: the ' +
      'ones to renew.',
  })
  authorizations(
    @Ctx() ctx: RequestContext,
    @Arg('creditCode', () => CreditCodeScalar, {
      nullable: true,
      description: 'Granted by this enterprise. Omitted: by every enterprise the viewer sees (an administrator: the whole zone).',
    })
    creditCode: string | null,
    @Arg('bankCreditCode', () => CreditCodeScalar, { nullable: true, description: 'Granted to this bank (its credit code, as `banks` lists it).' })
    bankCreditCode: string | null,
    @Arg('active', () => Boolean, { nullable: true, description: ACTIVE_ARGUMENT }) active: boolean | null,
    @Arg('endingBy', () => DateScalar, { nullable: true, description: ENDING_BY_ARGUMENT })
    endingBy: string | null,
    @Arg('orderBy', () => DataAuthorizationOrder, { defaultValue: DataAuthorizationOrder.NEWEST_GRANT_FIRST, description: 'The order of the list.' })
    orderBy: DataAuthorizationOrder,
    @Args() page: PageArgs,
  ): Promise<Page<DataAuthorization>> {
    return findAuthorizations(ctx, { creditCode, bankCreditCode, active, endingBy, order: orderBy }, page);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that granted it.' })
  enterprise(@Root() a: DataAuthorization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Enterprise).load(a.enterprise.id);
  }

  @FieldResolver(() => Bank, { description: 'The bank it was granted to.' })
  bank(@Root() a: DataAuthorization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Bank).load(a.bank.id);
  }

  @FieldResolver(() => Boolean, { description: 'In force today (Asia/Shanghai): begun, not ended and not revoked.' })
  isActive(@Root() a: DataAuthorization): boolean {
    return a.activeOn(zoneToday());
  }
}

/** What a bank sees of its own standing with an enterprise. */
@Resolver(() => Enterprise)
export class EnterpriseViewerAuthorizationResolver {
  @FieldResolver(() => DataAuthorization, {
    nullable: true,
    description:
      'For a bank officer: the authorization in force today by which its bank sees this enterprise (its scopes, purpose and ' +
      'validity); when several are in force (for different purposes), the newest, which its reads are recorded under, ' +
      "while the scopes of all of them count (see `Viewer.authorizations(active: true)`). Null for every other viewer.",
  })
  async viewerAuthorization(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<DataAuthorization | null> {
    if (ctx.viewer?.role !== Role.BANK_OFFICER) return null;
    // The bank's authorizations in force are read once per request (Access); the records, one statement per page.
    const grant = (await ctx.access.bankGrants()).get(e.id);
    return grant ? ctx.loaders.byId(DataAuthorization).load(grant.authorizationId) : null;
  }
}
