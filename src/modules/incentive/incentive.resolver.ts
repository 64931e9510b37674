import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { Enterprise } from '../enterprise/enterprise.entity';
import { EquityGrant, EquityIncentivePlan, TalentAward } from './incentive.entity';
import { EquityIncentivePlanInput, TalentAwardInput } from './incentive.inputs';
import { recordIncentivePlan, recordTalentAward } from './incentive.service';
import { follows, many, one } from '../../db/read-plan';

/** What the fields of incentive plans read (src/db/read-plan.ts). */
const PLAN = follows('EquityIncentivePlan', {
  enterprise: one(Enterprise, 'enterprise'),
  grants: many(EquityGrant, 'plan', { grantedOn: 'asc', id: 'asc' }),
});

export const IncentivePlanPayload = Payload('IncentivePlanPayload', 'plan', EquityIncentivePlan, 'The plan recorded.');
export const TalentAwardPayload = Payload('TalentAwardPayload', 'award', TalentAward, 'The award recorded.');

@Resolver(() => EquityIncentivePlan)
export class EquityIncentivePlanResolver {
  @Authorized()
  @Mutation(() => IncentivePlanPayload, {
    description: 'Records an equity incentive plan; a state-owned enterprise’s plan over a 2016 cap is refused naming the rule.',
  })
  async recordIncentivePlan(@Ctx() ctx: RequestContext, @Arg('input') input: EquityIncentivePlanInput) {
    return IncentivePlanPayload.from(await recordIncentivePlan(ctx, input));
  }

  @Authorized()
  @Mutation(() => TalentAwardPayload)
  async recordTalentAward(@Ctx() ctx: RequestContext, @Arg('input') input: TalentAwardInput) {
    return TalentAwardPayload.from(await recordTalentAward(ctx, input));
  }

  @FieldResolver(() => Enterprise)
  enterprise(@Root() p: EquityIncentivePlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLAN.enterprise, p);
  }

  @FieldResolver(() => [EquityGrant], { nullable: true })
  grants(@Root() p: EquityIncentivePlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<EquityGrant>(PLAN.grants, p);
  }
}
