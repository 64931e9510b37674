import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { IncentiveForm, PlanStatus, ProjectDividendBasis, TalentScheme } from './incentive.entity';

@InputType({ description: 'A grant of the plan to one person; which fields it states depends on the plan’s form, as each says.' })
export class EquityGrantInput {
  @Field({ description: 'The person granted (personal data); at most 100 characters. Caps per person add up by this name within the enterprise.' })
  granteeName!: string;

  @Field({ description: 'Their post (岗位); at most 100 characters.' })
  position!: string;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'Equity forms (required then): percent of all equity granted (for an award, the award alone). None for a dividend.',
  })
  equityShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity awards: percent of all equity the person buys alongside (≥ 1:1 with the award).' })
  purchasedShare?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Equity awards: the award’s appraised value when granted, yuan (required for a state-owned enterprise: ≤ ¥3 million per person).',
  })
  awardValue?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'A key technical person (重要技术人员); false when left out.' })
  isKeyTechnicalStaff: boolean = false;

  @Field(() => Int, { description: 'Whole years of service at the grant date (0–70).' })
  serviceYears!: number;

  @Field(() => Int, { nullable: true, description: 'Position dividends: whole years in the post at the grant date.' })
  yearsInPost?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Dividend forms: the dividend paid to the person, yuan.' })
  dividendAmount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Position dividends: the person’s total pay (薪酬总额) for the same period, yuan.' })
  annualPay?: string | null;

  @Field(() => DateScalar, { description: 'The day it was granted; not before the plan’s approval.' })
  grantedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Options (required then): the first day it may be exercised.' })
  firstExerciseOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Options (required then): the last day it may be exercised, included; not before `firstExerciseOn`.' })
  lastExerciseOn?: string | null;
}

@InputType({
  description:
    'An equity or dividend incentive plan to record with its grants, all or nothing; a state-owned enterprise’s plan is checked against the caps of 财资〔2016〕4号, cumulative over its earlier plans.',
})
export class RecordIncentivePlanInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise whose plan it is.' })
  creditCode!: string;

  @Field({ description: 'The plan’s title; at most 300 characters.' })
  title!: string;

  @Field(() => IncentiveForm, { description: 'Its form.' })
  form!: IncentiveForm;

  @Field(() => PlanStatus, { defaultValue: PlanStatus.APPROVED, description: 'Where it stands; APPROVED when left out.' })
  status: PlanStatus = PlanStatus.APPROVED;

  @Field(() => DateScalar, { description: 'The day it was approved; not after today.' })
  approvedOn!: string;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'Equity forms (required then): total equity the plan grants (awarded, sold or optioned; an award’s matched purchase included), percent of all equity.',
  })
  totalEquityShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'Dividend forms (required then): the share of profit (or of the basis) distributed, percent.' })
  profitShare?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The plan’s last day, included: dividend plans state it.' })
  endsOn?: string | null;

  @Field(() => ProjectDividendBasis, { nullable: true, description: 'Project dividends (required then): what the dividend is drawn from.' })
  projectBasis?: ProjectDividendBasis | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Equity awards: the three-year net-asset increase formed by after-tax profit, yuan (required for a state-owned enterprise).',
  })
  netAssetIncrease?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position dividends: staff in post when the plan was made (required for a state-owned enterprise).' })
  staffInPost?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'The enterprise is a key unit (重点单位) of the equity incentive pilot; false when left out.' })
  isPilotKeyUnit: boolean = false;

  @Field(() => [EquityGrantInput], { defaultValue: [], description: 'Its grants, one per person; none when left out.' })
  grants!: EquityGrantInput[];
}

@InputType({ description: 'A talent scheme award to record.' })
export class RecordTalentAwardInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise awarded (or whose person is).' })
  creditCode!: string;

  @Field(() => TalentScheme, { description: 'The scheme it is awarded under.' })
  scheme!: TalentScheme;

  @Field(() => String, { nullable: true, description: 'The person awarded (personal data), at most 100 characters; left out for an award to the enterprise.' })
  recipientName?: string | null;

  @Field(() => DecimalScalar, { description: 'The money awarded, yuan; more than zero.' })
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was awarded; not after today.' })
  awardedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The selection batch (批次): required for a named program (3551光谷人才计划 …).' })
  batch?: number | null;

  @Field(() => Int, { nullable: true, description: 'The year of the selection: required for a named program; not after the year of `awardedOn`.' })
  year?: number | null;
}
