import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { IncentiveForm, PlanStatus, ProjectDividendBasis, TalentScheme } from './incentive.entity';

@InputType()
export class EquityGrantInput {
  @Field()
  granteeName!: string;

  @Field()
  position!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity forms: percent of all equity granted (for an award, the award alone). None for a dividend.' })
  equityShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity awards: percent of all equity the person buys alongside (≥ 1:1 with the award).' })
  purchasedShare?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Equity awards: the award’s appraised value when granted, yuan.' })
  awardValue?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'A key technical person (重要技术人员).' })
  keyTechnical: boolean = false;

  @Field(() => Int)
  serviceYears!: number;

  @Field(() => Int, { nullable: true, description: 'Position dividends: whole years in the post.' })
  yearsInPost?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Dividend forms: the dividend paid to the person, yuan.' })
  dividendAmount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Position dividends: the person’s total pay for the same period, yuan.' })
  annualPay?: string | null;

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

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'Equity forms: total equity the plan grants (awarded, sold or optioned; an award’s matched purchase included), percent of all equity.',
  })
  totalEquityShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'Dividend forms: share of profit distributed.' })
  profitShare?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The plan’s last day: dividend plans state it.' })
  endsOn?: string | null;

  @Field(() => ProjectDividendBasis, { nullable: true, description: 'Project dividends: what the dividend is drawn from.' })
  projectBasis?: ProjectDividendBasis | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Equity awards: the three-year net-asset increase formed by after-tax profit, yuan.' })
  netAssetIncrease?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position dividends: staff in post when the plan was made.' })
  staffInPost?: number | null;

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
