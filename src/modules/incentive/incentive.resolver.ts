import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { asc, childPages } from '../../db/child-pages';
import { Enterprise } from '../enterprise/enterprise.entity';
import { EquityGrant, EquityIncentivePlan, TalentAward } from './incentive.entity';
import { RecordIncentivePlanInput, RecordTalentAwardInput } from './incentive.inputs';
import { recordIncentivePlan, recordTalentAward } from './incentive.service';
import { follows, one } from '../../db/read-plan';
import { answers } from '../../db/sql-answer';

/** A plan's grants, a page at a time for a page of plans (src/db/child-pages.ts): the earliest granted first. */
const GRANTS = childPages({
  name: 'EquityIncentivePlan.grants',
  entity: EquityGrant,
  source: (c) => ({ from: `equity_grant ${c}`, parent: `${c}.plan_id` }),
  order: [asc('granted_on', 'date'), asc('id', 'uuid')],
});

/** What the fields of incentive plans read (src/db/read-plan.ts), and the same in SQL (src/db/sql-answer.ts). */
const PLAN = follows('EquityIncentivePlan', {
  enterprise: one(Enterprise, 'enterprise'),
  grants: GRANTS.follow,
});
answers('EquityIncentivePlan', { enterprise: PLAN.enterprise, grants: GRANTS.answer });

@ObjectType('EquityGrantConnection', { description: 'The grants of an incentive plan (激励对象), the earliest granted first.' })
export class EquityGrantConnection extends Connection(EquityGrant, 'EquityGrant') {}

export const IncentivePlanPayload = Payload(
  'IncentivePlanPayload',
  'plan',
  EquityIncentivePlan,
  'What recordIncentivePlan answers: the plan as recorded, or why nothing was written.',
);
export const TalentAwardPayload = Payload(
  'TalentAwardPayload',
  'award',
  TalentAward,
  'What recordTalentAward answers: the award as recorded, or why nothing was written.',
);

@Resolver(() => EquityIncentivePlan)
export class EquityIncentivePlanResolver {
  @Authorized()
  @Mutation(() => IncentivePlanPayload, {
    description:
      'Records an equity or dividend incentive plan (股权和分红激励) with its grants (a representative: its own enterprise’s). A state-owned enterprise’s plan that breaks a rule of 财资〔2016〕4号 is refused naming the rule.\n\n' +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, IncentiveCapExceededError, IncentiveFormNotAllowedError.',
  })
  async recordIncentivePlan(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The plan and its grants.' }) input: RecordIncentivePlanInput) {
    return IncentivePlanPayload.from(await recordIncentivePlan(ctx, input));
  }

  @Authorized()
  @Mutation(() => TalentAwardPayload, {
    description:
      'Records a talent scheme award (人才计划资助) to an enterprise or one of its people (a representative: its own enterprise’s).\n\n' +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError.',
  })
  async recordTalentAward(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The award.' }) input: RecordTalentAwardInput) {
    return TalentAwardPayload.from(await recordTalentAward(ctx, input));
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise whose plan it is.' })
  enterprise(@Root() p: EquityIncentivePlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLAN.enterprise, p);
  }

  @FieldResolver(() => EquityGrantConnection, {
    nullable: true,
    description: 'Its grants, one per person, the earliest granted first. Names people: null for anyone but the enterprise and zone administrators.',
  })
  grants(@Root() p: EquityIncentivePlan, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return GRANTS.load(ctx, page, p.id);
  }
}
