import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { CreditCodeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import { Bank } from '../finance/counterparty.entity';
import { DataAuthorization } from './authorization.entity';
import { GrantAuthorizationInput } from './authorization.inputs';
import { grantAuthorization, revokeAuthorization } from './authorization.service';
import { readAll } from '../../db/read-objects';

export const AuthorizationPayload = Payload('AuthorizationPayload', 'authorization', DataAuthorization, 'The authorisation granted or revoked.');

@Resolver(() => DataAuthorization)
export class AuthorizationResolver {
  @Authorized()
  @Mutation(() => AuthorizationPayload, { description: 'An enterprise lets a bank see its data (by its representative, or an administrator recording signed paper).' })
  async grantAuthorization(@Ctx() ctx: RequestContext, @Arg('input') input: GrantAuthorizationInput) {
    return AuthorizationPayload.from(await grantAuthorization(ctx, input));
  }

  @Authorized()
  @Mutation(() => AuthorizationPayload, { description: 'Ends an authorisation at once.' })
  async revokeAuthorization(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return AuthorizationPayload.from(await revokeAuthorization(ctx, id));
  }

  @Authorized()
  @Query(() => [DataAuthorization], { description: "An enterprise's authorisations, newest first (a representative: its own)." })
  authorizations(@Ctx() ctx: RequestContext, @Arg('creditCode', () => CreditCodeScalar) creditCode: string) {
    return readAll(ctx.em, DataAuthorization, { createdAt: 'desc', id: 'asc' }, {
      sql: 'enterprise_id = (select id from enterprise where credit_code = ?)',
      bindings: [creditCode],
    });
  }

  @FieldResolver(() => Enterprise)
  enterprise(@Root() a: DataAuthorization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Enterprise).load(a.enterprise.id);
  }

  @FieldResolver(() => Bank)
  bank(@Root() a: DataAuthorization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Bank).load(a.bank.id);
  }

  @FieldResolver(() => Boolean, { description: 'Within its dates today and not revoked.' })
  active(@Root() a: DataAuthorization): boolean {
    return a.activeOn(zoneToday());
  }
}
