import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';

export enum IncentiveForm {
  EQUITY_SALE = 'EQUITY_SALE',
  EQUITY_AWARD = 'EQUITY_AWARD',
  STOCK_OPTION = 'STOCK_OPTION',
  RESTRICTED_STOCK = 'RESTRICTED_STOCK',
  TECHNOLOGY_AS_CAPITAL = 'TECHNOLOGY_AS_CAPITAL',
  PROJECT_DIVIDEND = 'PROJECT_DIVIDEND',
  POSITION_DIVIDEND = 'POSITION_DIVIDEND',
}
registerEnumType(IncentiveForm, {
  name: 'IncentiveForm',
  valuesConfig: {
    EQUITY_SALE: { description: '股权出售.' },
    EQUITY_AWARD: {
      description: '股权奖励: to key technical staff with ≥ 3 years of service, each matched by a ≥ 1:1 purchase, ≤ ¥3m per person, in all ≤ 15% of the three-year net-asset increase.',
    },
    STOCK_OPTION: { description: '股权期权: small and micro enterprises only; ≥ 1 year to first exercise, exercised within 5.' },
    RESTRICTED_STOCK: {
      description: '限制性股票: not a form of 财资〔2016〕4号; kept for plans recorded before, refused for a new state-owned enterprise’s plan.',
    },
    TECHNOLOGY_AS_CAPITAL: {
      description: '技术入股: not an incentive form of 财资〔2016〕4号; kept for plans recorded before, refused for a new state-owned enterprise’s plan.',
    },
    PROJECT_DIVIDEND: {
      description: '项目收益分红: from a result’s transfer or licence net income (≥ 50%), its investment shares (≥ 50%), or its industrialisation’s operating profit (≥ 5% a year for 3–5 years).',
    },
    POSITION_DIVIDEND: {
      description: '岗位分红: ≤ 15% of the year’s after-tax profit, ≤ 30% of staff, ≥ 1 year in post, ≤ 2/3 of pay, plans ≤ 3 years.',
    },
  },
});

export enum PlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  IN_EFFECT = 'IN_EFFECT',
  ENDED = 'ENDED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus' });

/** What a project dividend (项目收益分红) is drawn from (财资〔2016〕4号 art. 19, after the 促进科技成果转化法 art. 45). */
export enum ProjectDividendBasis {
  TRANSFER_OR_LICENCE = 'TRANSFER_OR_LICENCE',
  INVESTMENT = 'INVESTMENT',
  INDUSTRIALISATION = 'INDUSTRIALISATION',
}
registerEnumType(ProjectDividendBasis, {
  name: 'ProjectDividendBasis',
  valuesConfig: {
    TRANSFER_OR_LICENCE: { description: '转让、许可: a share (≥ 50%) of the net income from transferring or licensing the result.' },
    INVESTMENT: { description: '作价投资: a share (≥ 50%) of the shares or stake the result was invested for.' },
    INDUSTRIALISATION: { description: '自行实施或合作实施: ≥ 5% of the operating profit of the result’s industrialisation, each year for 3–5 years.' },
  },
});

/** An equity incentive plan; for a state-owned enterprise the 2016 caps are enforced when it is recorded. */
@ObjectType({ implements: Node, description: 'An equity incentive plan (股权和分红激励).' })
@Entity()
export class EquityIncentivePlan extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => IncentiveForm)
  @Enum({ items: () => IncentiveForm, nativeEnumName: 'incentive_form' })
  form!: IncentiveForm;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, nativeEnumName: 'plan_status' })
  status!: PlanStatus;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  approvedOn!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity the plan grants in total, percent of all equity.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  totalEquityShare: string | null = null;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'For dividend forms: the share distributed, percent of the year’s after-tax profit (岗位分红) or of the basis (项目收益分红).',
  })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  profitShare: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The plan’s last day; dividend plans state it (岗位分红 ≤ 3 years, 项目收益分红 from industrialisation 3–5 years).' })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => ProjectDividendBasis, { nullable: true, description: 'For a project dividend: what it is drawn from.' })
  @Enum({ items: () => ProjectDividendBasis, nativeEnumName: 'project_dividend_basis', nullable: true })
  projectBasis: ProjectDividendBasis | null = null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'For an equity award: the net-asset increase formed by after-tax profit over the last three years (近3年税后利润累计形成的净资产增值额), yuan.',
  })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  netAssetIncrease: string | null = null;

  @Field(() => Int, { nullable: true, description: 'For a position dividend: staff in post (在岗职工总数) when the plan was made.' })
  @Property({ type: 'integer', nullable: true })
  staffInPost: number | null = null;

  @Field({ description: 'A key unit of the equity incentive pilot.' })
  @Property({ default: false })
  pilotKeyUnit: boolean = false;
}

/** A grant to one person. The grantee is personal data: only the enterprise and zone administrators see it. */
@ObjectType({ implements: Node, description: 'A grant of a plan to one person.' })
@Entity()
export class EquityGrant extends BaseEntity {
  @ManyToOne(() => EquityIncentivePlan, { ref: true, deleteRule: 'cascade', index: true })
  plan!: Ref<EquityIncentivePlan>;

  @Field({ description: 'Personal data.' })
  @Property({ type: 'text' })
  granteeName!: string;

  @Field()
  @Property({ type: 'text' })
  position!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity forms: equity granted (awarded, sold or optioned), percent of all equity; none for a dividend.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  equityShare: string | null = null;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity awards: the equity the person buys alongside (≥ 1:1 with the award), percent of all equity.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  purchasedShare: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Equity awards: the award at its appraised value when granted, yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  awardValue: string | null = null;

  @Field({ description: 'A key technical person (重要技术人员): the only ones an equity award may go to.' })
  @Property({ default: false })
  keyTechnical: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Position dividends: whole years in the post at the grant date.' })
  @Property({ type: 'smallint', nullable: true })
  yearsInPost: number | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Dividend forms: the dividend paid to the person, yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  dividendAmount: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Position dividends: the person’s total pay (薪酬总额) for the same period, yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  annualPay: string | null = null;

  @Field(() => Int, { description: 'Whole years of service at the grant date.' })
  @Property({ type: 'smallint' })
  serviceYears!: number;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  grantedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Options: first date of exercise.' })
  @Property({ type: 'date', nullable: true })
  firstExerciseOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Options: last date of exercise.' })
  @Property({ type: 'date', nullable: true })
  exerciseDeadline: string | null = null;
}

/**
 * The talent schemes: the kinds of support the source text names, and the named programmes of the zone, the city and
 * the province, which select recipients in numbered batches year by year (so their awards state batch and year).
 * An enum, not reference data: a programme is a policy document that rarely changes, and the code knows which ones
 * are selected in batches (NAMED_TALENT_SCHEMES).
 */
export enum TalentScheme {
  HIGH_LEVEL_TALENT_REWARD = 'HIGH_LEVEL_TALENT_REWARD',
  ENTREPRENEUR_TRAINING = 'ENTREPRENEUR_TRAINING',
  RESEARCHER_PART_TIME = 'RESEARCHER_PART_TIME',
  INTERNSHIP_BASE = 'INTERNSHIP_BASE',
  PHD_RECRUITMENT = 'PHD_RECRUITMENT',
  OPTICS_VALLEY_3551 = 'OPTICS_VALLEY_3551',
  WUHAN_YINGCAI = 'WUHAN_YINGCAI',
  HUANGHE_YINGCAI = 'HUANGHE_YINGCAI',
  HUBEI_HUNDRED_TALENTS = 'HUBEI_HUNDRED_TALENTS',
}

/** The named programmes: selected in numbered batches, year by year; an award under one states its batch and year. */
export const NAMED_TALENT_SCHEMES: ReadonlySet<TalentScheme> = new Set([
  TalentScheme.OPTICS_VALLEY_3551,
  TalentScheme.WUHAN_YINGCAI,
  TalentScheme.HUANGHE_YINGCAI,
  TalentScheme.HUBEI_HUNDRED_TALENTS,
]);
registerEnumType(TalentScheme, {
  name: 'TalentScheme',
  valuesConfig: {
    HIGH_LEVEL_TALENT_REWARD: { description: 'Reward for a recruited high-level talent.' },
    ENTREPRENEUR_TRAINING: { description: 'High-level entrepreneur training.' },
    RESEARCHER_PART_TIME: { description: "A researcher's part-time post in the enterprise." },
    INTERNSHIP_BASE: { description: 'Student internship base.' },
    PHD_RECRUITMENT: { description: 'PhD recruitment.' },
    OPTICS_VALLEY_3551: { description: '3551光谷人才计划: the zone’s own programme for high-level innovators and entrepreneurs (batch and year).' },
    WUHAN_YINGCAI: { description: '武汉英才计划: the city of Wuhan’s talent programme (batch and year).' },
    HUANGHE_YINGCAI: { description: '黄鹤英才计划: the city of Wuhan’s earlier talent programme (batch and year).' },
    HUBEI_HUNDRED_TALENTS: { description: '湖北省“百人计划”: the province’s programme for high-level talent from abroad (batch and year).' },
  },
});

/** A talent scheme award to an enterprise, for a person (personal data) or for the enterprise itself. */
@ObjectType({ implements: Node, description: 'A talent scheme award.' })
@Entity()
export class TalentAward extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field(() => TalentScheme)
  @Enum({ items: () => TalentScheme, nativeEnumName: 'talent_scheme' })
  scheme!: TalentScheme;

  @Field(() => String, { nullable: true, description: 'Personal data; none for an enterprise-level award.' })
  @Property({ type: 'text', nullable: true })
  recipientName: string | null = null;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  awardedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The selection batch (批次) of a named programme, e.g. 12 for 第十二批.' })
  @Property({ type: 'smallint', nullable: true })
  batch: number | null = null;

  @Field(() => Int, { nullable: true, description: 'The year of that selection.' })
  @Property({ type: 'smallint', nullable: true })
  year: number | null = null;
}
