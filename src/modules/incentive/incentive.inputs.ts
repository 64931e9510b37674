import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { IncentiveForm, PlanStatus, TalentScheme } from './incentive.entity';

@InputType()
export class EquityGrantInput {
  @Field()
  granteeName!: string;

  @Field()
  position!: string;

  @Field(() => PercentScalar, { description: 'Percent of all equity.' })
  equityShare!: string;

  @Field(() => Int)
  serviceYears!: number;

  @Field(() => DateScalar)
  grantedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  firstExerciseOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  exerciseDeadline?: string | null;
}

@InputType()
export class EquityIncentivePlanInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field()
  title!: string;

  @Field(() => IncentiveForm)
  form!: IncentiveForm;

  @Field(() => PlanStatus, { defaultValue: PlanStatus.APPROVED })
  status: PlanStatus = PlanStatus.APPROVED;

  @Field(() => DateScalar)
  approvedOn!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity forms: total equity the plan grants.' })
  totalEquityShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'Dividend forms: share of profit distributed.' })
  profitShare?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  pilotKeyUnit: boolean = false;

  @Field(() => [EquityGrantInput], { defaultValue: [] })
  grants!: EquityGrantInput[];
}

@InputType()
export class TalentAwardInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field(() => TalentScheme)
  scheme!: TalentScheme;

  @Field(() => String, { nullable: true })
  recipientName?: string | null;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DateScalar)
  awardedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The selection batch (批次): required for a named programme (3551光谷人才计划 …).' })
  batch?: number | null;

  @Field(() => Int, { nullable: true, description: 'The year of the selection: required for a named programme; not after awardedOn.' })
  year?: number | null;
}
