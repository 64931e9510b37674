import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
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
  description:
    'The form of an equity or dividend incentive (股权和分红激励); for a state-owned enterprise, the rules of 财资〔2016〕4号 as each value says.',
  valuesConfig: {
    EQUITY_SALE: { description: 'Equity sale (股权出售): staff buy equity at its appraised value.' },
    EQUITY_AWARD: {
      description:
        'Equity award (股权奖励): to key technical staff with ≥ 3 years of service, each matched by a ≥ 1:1 purchase, ≤ ¥3 million per person, in all ≤ 15% of the three-year net-asset increase.',
    },
    STOCK_OPTION: { description: 'Stock options (股权期权): small and micro enterprises only; ≥ 1 year to first exercise, exercised within 5.' },
    RESTRICTED_STOCK: {
      description: 'Restricted stock (限制性股票): not a form of 财资〔2016〕4号; kept for plans recorded before, refused for a new state-owned enterprise’s plan.',
    },
    TECHNOLOGY_AS_CAPITAL: {
      description: 'Technology as capital (技术入股): not an incentive form of 财资〔2016〕4号; kept for plans recorded before, refused for a new state-owned enterprise’s plan.',
    },
    PROJECT_DIVIDEND: {
      description:
        'Project dividend (项目收益分红, a dividend incentive 分红激励): from a result’s transfer or license net income (≥ 50%), its investment shares (≥ 50%), or its industrialization’s operating profit (≥ 5% a year for 3–5 years).',
    },
    POSITION_DIVIDEND: {
      description:
        'Position dividend (岗位分红, a dividend incentive 分红激励): ≤ 15% of the year’s after-tax profit, ≤ 30% of staff, ≥ 1 year in post, ≤ 2/3 of pay, plans ≤ 3 years.',
    },
  },
});

export enum PlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  IN_EFFECT = 'IN_EFFECT',
  ENDED = 'ENDED',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'Where an incentive plan stands. Every status but DRAFT counts toward the cumulative caps of a state-owned enterprise.',
  valuesConfig: {
    DRAFT: { description: 'Drafted, not approved: grants nothing yet.' },
    APPROVED: { description: 'Approved (批准), not yet in effect.' },
    IN_EFFECT: { description: 'In effect (实施中).' },
    ENDED: { description: 'Ended (结束): what it granted still counts toward the equity caps.' },
  },
});

/** What a project dividend (项目收益分红) is drawn from (财资〔2016〕4号 art. 19, after the 促进科技成果转化法 art. 45). */
export enum ProjectDividendBasis {
  TRANSFER_OR_LICENSE = 'TRANSFER_OR_LICENSE',
  INVESTMENT = 'INVESTMENT',
  INDUSTRIALIZATION = 'INDUSTRIALIZATION',
}
registerEnumType(ProjectDividendBasis, {
  name: 'ProjectDividendBasis',
  description: 'What a project dividend (项目收益分红) is drawn from (财资〔2016〕4号 art. 19).',
  valuesConfig: {
    TRANSFER_OR_LICENSE: { description: 'Transfer or license (转让、许可): a share (≥ 50%) of the net income from transferring or licensing the result.' },
    INVESTMENT: { description: 'Investment (作价投资): a share (≥ 50%) of the shares or stake the result was invested for.' },
    INDUSTRIALIZATION: {
      description: 'Industrialization (自行实施或合作实施): ≥ 5% of the operating profit of the result’s industrialization, each year for 3–5 years.',
    },
  },
});

/** An equity incentive plan; for a state-owned enterprise the 2016 caps are enforced when it is recorded. */
@ObjectType({
  implements: Node,
  description:
    'An equity or dividend incentive plan (股权激励 / 分红激励) of an enterprise; a state-owned enterprise’s plan was checked against the caps of 财资〔2016〕4号 when recorded.',
})
@Entity()
export class EquityIncentivePlan extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field({ description: 'The plan\'s title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => IncentiveForm, { description: 'Its form.' })
  @Enum({ items: () => IncentiveForm, nativeEnumName: 'incentive_form' })
  form!: IncentiveForm;

  @Field(() => PlanStatus, { description: 'Where it stands.' })
  @Enum({ items: () => PlanStatus, nativeEnumName: 'plan_status' })
  status!: PlanStatus;

  @Field(() => DateScalar, { description: 'The day it was approved.' })
  @Property({ type: 'date' })
  approvedOn!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity forms: the equity the plan grants in total, percent of all equity; null for a dividend plan.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  totalEquityShare: string | null = null;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'Dividend forms: the share distributed, percent of the year’s after-tax profit (岗位分红) or of the basis (项目收益分红); null for an equity plan.',
  })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  profitShare: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The plan’s last day, included; dividend plans state it (岗位分红 ≤ 3 years, 项目收益分红 from industrialization 3–5 years); null: none stated.',
  })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => ProjectDividendBasis, { nullable: true, description: 'A project dividend: what it is drawn from; null for any other form.' })
  @Enum({ items: () => ProjectDividendBasis, nativeEnumName: 'project_dividend_basis', nullable: true })
  projectBasis: ProjectDividendBasis | null = null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'An equity award: the net-asset increase formed by after-tax profit over the last three years (近3年税后利润累计形成的净资产增值额), yuan; null for any other form.',
  })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  netAssetIncrease: string | null = null;

  @Field(() => Int, { nullable: true, description: 'A position dividend: staff in post (在岗职工总数) when the plan was made; null for any other form.' })
  @Property({ type: 'integer', nullable: true })
  staffInPost: number | null = null;

  @Field({ description: 'The enterprise is a key unit (重点单位) of the equity incentive pilot (股权激励试点).' })
  @Property({ fieldName: 'pilot_key_unit', default: false })
  isPilotKeyUnit: boolean = false;
}

/** A grant to one person. The grantee is personal data: only the enterprise and zone administrators see it. */
@ObjectType({
  implements: Node,
  description: 'A grant of an incentive plan to one person (激励对象). Names people: the enterprise and zone administrators see grants, no one else.',
})
@Entity()
export class EquityGrant extends BaseEntity {
  @ManyToOne(() => EquityIncentivePlan, { ref: true, deleteRule: 'cascade', index: true })
  plan!: Ref<EquityIncentivePlan>;

  @Field({ description: 'The person granted (personal data).' })
  @Property({ type: 'text' })
  granteeName!: string;

  @Field({ description: 'Their post (岗位) in the enterprise.' })
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
  @Property({ fieldName: 'key_technical', default: false })
  isKeyTechnicalStaff: boolean = false;

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

  @Field(() => DateScalar, { description: 'The day it was granted.' })
  @Property({ type: 'date' })
  grantedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Options: the first day it may be exercised; null for any other form.' })
  @Property({ type: 'date', nullable: true })
  firstExerciseOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Options: the last day it may be exercised (included); null for any other form.' })
  @Property({ fieldName: 'exercise_deadline', type: 'date', nullable: true })
  lastExerciseOn: string | null = null;
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
  description:
    'A talent scheme (人才计划): a kind of support the zone gives, or a named program of the zone, the city or the province that selects recipients in numbered batches (an award under one states batch and year).',
  valuesConfig: {
    HIGH_LEVEL_TALENT_REWARD: { description: 'Reward for a recruited high-level talent (高层次人才引进奖励).' },
    ENTREPRENEUR_TRAINING: { description: 'High-level entrepreneur training (高层次创新创业企业家培养).' },
    RESEARCHER_PART_TIME: { description: 'A researcher’s part-time post in the enterprise (科技人才兼职).' },
    INTERNSHIP_BASE: { description: 'A student internship and training base (学生实习、实训基地).' },
    PHD_RECRUITMENT: { description: 'PhD recruitment (吸引博士到企业从事技术创新).' },
    OPTICS_VALLEY_3551: { description: 'The Optics Valley 3551 talent program (3551光谷人才计划): the zone’s own, for high-level innovators and entrepreneurs (batch and year).' },
    WUHAN_YINGCAI: { description: 'The Wuhan Yingcai program (武汉英才计划): the city of Wuhan’s talent program (batch and year).' },
    HUANGHE_YINGCAI: { description: 'The Huanghe Yingcai program (黄鹤英才计划): the city of Wuhan’s earlier talent program (batch and year).' },
    HUBEI_HUNDRED_TALENTS: {
      description: 'The Hubei Hundred Talents program (湖北省“百人计划”): the province’s program for high-level talent from abroad (batch and year).',
    },
  },
});

/** A talent scheme award to an enterprise, for a person (personal data) or for the enterprise itself. */
@ObjectType({
  implements: Node,
  description: 'A talent scheme award (人才计划资助) to an enterprise, for one of its people or for the enterprise itself.',
})
@Entity()
export class TalentAward extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field(() => TalentScheme, { description: 'The scheme it was awarded under.' })
  @Enum({ items: () => TalentScheme, nativeEnumName: 'talent_scheme' })
  scheme!: TalentScheme;

  @Field(() => String, { nullable: true, description: 'The person awarded (personal data); null for an award to the enterprise itself.' })
  @Property({ type: 'text', nullable: true })
  recipientName: string | null = null;

  @Field(() => DecimalScalar, { description: 'The money awarded, yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was awarded.' })
  @Property({ type: 'date' })
  awardedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The selection batch (批次) of a named program, e.g. 12 for 第十二批; null for a kind of support.' })
  @Property({ type: 'smallint', nullable: true })
  batch: number | null = null;

  @Field(() => Int, { nullable: true, description: 'The year of that selection; null for a kind of support.' })
  @Property({ type: 'smallint', nullable: true })
  year: number | null = null;
}
