import { Arg, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language } from '../../common/language';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { TaxCreditGradeValue } from '../credit/credit.entity';
import { EconomicSector, HighTechField, Industry, TechEnterpriseType } from '../enterprise/enums';
import { CreditRating } from '../finance/enums';
import { QualificationKind } from '../qualification/enums';
import { AppliedBenefit, BenefitRate } from './benefits';
import { type Check, CRITERIA, CriterionKind, CriterionOutcome, type CriterionRule, type RuleKind } from './criteria';
import { CriterionFigure, CriterionThreshold, MissingFact } from './figures';
import { PilotProgram, ProgramRuleVersion } from './program.entity';

/** A revenue band of an R&D intensity rule: one class for the rule as shown and as given. */
@ObjectType({ description: 'A revenue band of an R&D intensity rule (按销售收入分档的研发费用比例): the share required of an enterprise whose latest revenue falls in it.' })
@InputType('RdBandInput', { description: 'A revenue band of an R&D intensity rule: bands go up in revenue, and only the last is open-ended.' })
export class RdBand {
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest-year sales revenue up to this, in yuan, inclusive (none: no upper limit; the last band).' })
  revenueUpTo!: string | null;

  @Field(() => PercentScalar, { description: 'The least share of R&D expense in sales revenue required in this band, in percent.' })
  minimumPercent!: string;
}

/** The parameters a criterion takes (which ones, per kind: see CRITERIA); shared by the rule as shown and as given. */
@ObjectType('CriterionParams', { description: 'Not in the schema: the fields Criterion and CriterionRuleInput share.' })
@InputType('CriterionParamsInput', { description: 'Not in the schema.' })
export abstract class CriterionParams {
  @Field(() => Int, { nullable: true, description: 'REGISTERED_IN_ZONE: the least whole years since founding, counted back from the date (none: founded by the date).' })
  minimumYears?: number | null;

  @Field(() => [Industry], { nullable: true, description: 'SUPPORTED_INDUSTRY: the zone industries (产业领域) supported.' })
  industries?: Industry[] | null;

  @Field(() => Boolean, { nullable: true, description: 'STATE_OWNED: whether the enterprise must be state-owned (true) or must not (false).' })
  isStateOwned?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'RD_INTENSITY, RD_IN_CHINA_SHARE: the fiscal years the share is taken over, up to the latest readable one.' })
  years?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'RD_INTENSITY: whether the share must be met in each year (财资〔2016〕4号), not over the years together.' })
  isEachYearRequired?: boolean | null;

  @Field(() => [RdBand], { nullable: true, description: 'RD_INTENSITY: the shares required, by the latest year’s revenue band.' })
  rdBands?: RdBand[] | null;

  @Field(() => [HighTechField], { nullable: true, description: 'NATIONAL_HIGH_TECH_FIELD: the national high-tech fields supported.' })
  fields?: HighTechField[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'REVENUE, RD_EXPENSE, TOTAL_ASSETS: the least amount, in yuan, inclusive.' })
  minimum?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'REVENUE, RD_EXPENSE, TOTAL_ASSETS: the greatest amount, in yuan, inclusive.' })
  maximum?: string | null;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'HIGH_TECH_REVENUE_SHARE, RD_IN_CHINA_SHARE, SCIENCE_AND_TECHNOLOGY_STAFF_SHARE, RD_STAFF_SHARE: the least share, in percent, inclusive.',
  })
  minimumPercent?: string | null;

  @Field(() => Int, { nullable: true, description: 'CORE_IP, UNPLEDGED_INVENTION_PATENT: the least number of patents.' })
  count?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'NO_RECENT_DEFAULT: the months before the date without a default; UNPLEDGED_INVENTION_PATENT: the months within which a patent was appraised.',
  })
  months?: number | null;

  @Field(() => CreditRating, { nullable: true, description: 'CREDIT_RATING: the lowest SME credit rating accepted.' })
  minimumRating?: CreditRating | null;

  @Field(() => [TaxCreditGradeValue], { nullable: true, description: 'TAX_CREDIT_GRADE: the tax credit grades accepted.' })
  grades?: TaxCreditGradeValue[] | null;

  @Field(() => Int, { nullable: true, description: 'NOT_DISHONEST_DEBTOR: the most days a check of the list may be old.' })
  maximumAgeDays?: number | null;

  @Field(() => [QualificationKind], { nullable: true, description: 'QUALIFICATION: the qualifications any one of which meets the criterion.' })
  kinds?: QualificationKind[] | null;

  @Field(() => Int, { nullable: true, description: 'HEADCOUNT: the least number of employees, inclusive.' })
  minimumEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'HEADCOUNT: the greatest number of employees, inclusive.' })
  maximumEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'INNOVATION_SCORE, TECH_SME_SCORE: the points of 100 an evaluation must reach.' })
  minimumScore?: number | null;

  @Field(() => [EconomicSector], { nullable: true, description: 'EXCLUDED_SECTOR: the GB/T 4754 sectors a principal business may not be in.' })
  sectors?: EconomicSector[] | null;

  @Field(() => [TechEnterpriseType], { nullable: true, description: 'TECH_ENTERPRISE_TYPE: the kinds of tech enterprise any one of which meets the criterion.' })
  techEnterpriseTypes?: TechEnterpriseType[] | null;
}

/** One criterion of a rule version: its kind, the parameters it was given, and the rule in words. */
@ObjectType('Criterion', { description: 'One criterion (资格条件) of a rule version: its kind and the parameters it takes (those it does not take are null).' })
export class CriterionView extends CriterionParams {
  @Field(() => CriterionKind, { description: 'What the criterion checks.' })
  kind!: CriterionKind;

  @Field({ description: 'The rule in words, in English.' })
  description!: string;

  static of(rule: CriterionRule): CriterionView {
    const view = Object.assign(new CriterionView(), rule);
    view.description = CRITERIA[rule.kind as RuleKind].describe(rule);
    if (rule.rdBands) view.rdBands = rule.rdBands.map((b) => Object.assign(new RdBand(), b));
    return view;
  }
}

@ObjectType({
  description:
    'One criterion checked (逐项审查结果): the outcome, the figures observed, the thresholds they were held to and, when UNKNOWN, the facts ' +
    'missing, typed so a program decides without reading prose; and the same in words (`detail`).',
})
export class CriterionResult {
  @Field(() => CriterionKind, { description: 'The criterion checked.' })
  criterion!: CriterionKind;

  @Field(() => CriterionOutcome, { description: 'Met, not met, or not known.' })
  outcome!: CriterionOutcome;

  /** The prose in English and in Chinese. */
  english!: string;
  chinese!: string;

  @Field(() => String, {
    description:
      'The figures and the threshold in words a bank officer can act on (说明), in Chinese or English. For a receipt recorded before API v1 whose check could not be re-derived from its facts, the English words in either language.',
  })
  detail(
    @Arg('language', () => Language, { defaultValue: Language.CHINESE, description: 'The language of the words: Chinese by default.' }) language: Language,
  ): string {
    return language === Language.ENGLISH ? this.english : this.chinese;
  }

  @Field(() => [CriterionFigure], {
    description: 'The figures the check read (认定依据), in the order the words name them: a few per criterion, one per fiscal year read for a multi-year one.',
  })
  observed!: CriterionFigure[];

  @Field(() => [CriterionThreshold], {
    description:
      'The thresholds the figures were held to (认定标准), one per figure name bounded (and fiscal year, for a share required in each year); none for AUTHORIZATION and CREDIT_CODE_VALID.',
  })
  required!: CriterionThreshold[];

  @Field(() => [MissingFact], { description: 'When UNKNOWN, the facts the registry lacks (缺失数据); empty otherwise.' })
  missing!: MissingFact[];

  static of(check: Check): CriterionResult {
    return Object.assign(new CriterionResult(), {
      criterion: check.criterion,
      outcome: check.outcome,
      english: check.detail,
      chinese: check.detailChinese,
      observed: check.observed.map((f) => CriterionFigure.of(f)),
      required: check.required.map((t) => CriterionThreshold.of(t)),
      missing: check.missing.map((m) => MissingFact.of(m)),
    });
  }
}

@ObjectType({ description: "One enterprise's eligibility for a program on a date (资格查询结果), criterion by criterion." })
export class EligibilityResult {
  @Field({
    description: 'The credit code asked about, trimmed and upper-cased; a malformed one is answered too, with a failed CREDIT_CODE_VALID check.',
  })
  creditCode!: string;

  @Field(() => PilotProgram, { description: 'The program checked against.' })
  program!: PilotProgram;

  @Field(() => ProgramRuleVersion, { description: 'The version of its rules in force on `asOf`, which the checks applied.' })
  rules!: ProgramRuleVersion;

  @Field(() => DateScalar, { description: 'The date the enterprise was checked as of (in Asia/Shanghai; default today).' })
  asOf!: string;

  @Field({ name: 'isEligible', description: 'Whether it is eligible: every check PASSED (an UNKNOWN never counts as met).' })
  eligible!: boolean;

  @Field(() => [CriterionResult], {
    description: 'Every criterion of the rules, in their order; or one failed check alone (AUTHORIZATION, CREDIT_CODE_VALID, or REGISTERED_IN_ZONE for an administrator) when the enterprise cannot be checked.',
  })
  checks!: CriterionResult[];

  @Field(() => AppliedBenefit, {
    nullable: true,
    description: 'When eligible, the rate the rules in force give this enterprise (e.g. the super-deduction’s share of R&D expense) and why; null when not eligible or the rules set no rate.',
  })
  benefit!: AppliedBenefit | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The receipt of this answer (`eligibilityReceipt(id:)`, or `node(id:)`): it keeps the answer and the facts it was based on, unchanged. Given to banks; null for other viewers.',
  })
  receiptId!: string | null;

  /** The enterprise checked (its uuid), when the criteria ran: `enterprise` shows it; null for every refused answer. */
  enterpriseId!: string | null;
}

@InputType({ description: 'A criterion as given: its kind and the parameters that kind takes (see CriterionKind); no others.' })
export class CriterionRuleInput extends CriterionParams {
  @Field(() => CriterionKind, { description: 'What the criterion checks; AUTHORIZATION and CREDIT_CODE_VALID are the platform’s, not a rule’s.' })
  kind!: CriterionKind;
}

@InputType('RecordProgramRuleVersionInput', { description: 'A new version of a program’s rules.' })
export class RuleVersionInput {
  @Field({ description: 'The program’s code, e.g. IP_PLEDGE_LOAN.' })
  program!: string;

  @Field(() => DateScalar, { description: 'The first day it is in force: after today and after the latest version’s date, unless `retroactiveReason` is given.' })
  effectiveFrom!: string;

  @Field({ description: 'Where the rules come from (the regulation), or why they changed.' })
  note!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Required when the version takes effect today or earlier, or on or before another version’s date (and refused otherwise): why, e.g. the rule was issued after its effective date, or corrects one recorded wrongly.',
  })
  retroactiveReason?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The number of the version this one corrects (recorded with the wrong date or criteria): that one is then in force on no date. Needs retroactiveReason.',
  })
  corrects?: number | null;

  @Field(() => [CriterionRuleInput], { description: 'The criteria, in the order answers list them; at least one, each kind once.' })
  criteria!: CriterionRuleInput[];

  @Field(() => [BenefitRate], {
    nullable: true,
    description: 'What an eligible enterprise gets, by class: the first rate whose class it belongs to applies (special rates first, the general one last). Default: none.',
  })
  benefits?: BenefitRate[] | null;
}

@InputType({ description: 'Enterprises eligible for a program on a date that do not use it yet (the outreach list; administrators only).' })
export class OutreachFilter {
  @Field({ description: 'The program’s code.' })
  program!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date eligibility is checked as of. Default: today.' })
  asOf?: string | null;
}
