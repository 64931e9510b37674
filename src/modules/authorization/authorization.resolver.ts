import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import { zoneToday } from '../../clock';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';
import { eitherForm, legacy, withForm } from '../../common/legacy-args';
import { DataAuthorization } from './authorization.entity';
import { GrantAuthorizationInput, RevokeAuthorizationInput } from './authorization.inputs';
import { findAuthorizations } from './authorization.queries';
import { grantAuthorization, revokeAuthorization } from './authorization.service';

export const AuthorizationPayload = Payload('AuthorizationPayload', 'authorization', DataAuthorization, 'The authorization granted or revoked.');

@ObjectType('DataAuthorizationConnection', { description: 'A page of data authorizations, newest grant first.' })
export class DataAuthorizationConnection extends Connection(DataAuthorization, 'DataAuthorization') {}

/** The description of the `active` argument of every list of authorizations. */
export const ACTIVE_ARGUMENT =
  'true: only those in force today (Asia/Shanghai: begun, not ended, not revoked); false: only those that are not; omitted: all.';

/** The description of the `endingBy` argument of every list of authorizations. */
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
      "An enterprise's authorizations, newest grant first: an administrator any enterprise's, a representative its own " +
      "(another enterprise's list is empty, as for a code never registered).",
  })
  authorizations(
    @Ctx() ctx: RequestContext,
    @Arg('creditCode', () => CreditCodeScalar, { description: 'The enterprise that granted them.' }) creditCode: string,
    @Args() page: ForwardPageArgs,
    @Arg('active', () => Boolean, { nullable: true, description: ACTIVE_ARGUMENT }) active: boolean | null,
    @Arg('endingBy', () => DateScalar, { nullable: true, description: ENDING_BY_ARGUMENT }) endingBy: string | null,
  ): Promise<Page<DataAuthorization>> {
    return findAuthorizations(ctx, { creditCode, active, endingBy }, page);
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
