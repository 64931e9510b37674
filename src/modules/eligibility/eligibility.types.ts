import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { TaxCreditGradeValue } from '../credit/credit.entity';
import { EconomicSector, HighTechField, Industry, TechEnterpriseType } from '../enterprise/enums';
import { CreditRating } from '../finance/enums';
import { QualificationKind } from '../qualification/enums';
import { AppliedBenefit, BenefitRate } from './benefits';
import { type Check, CRITERIA, CriterionKind, CriterionOutcome, type CriterionRule } from './criteria';

/** A revenue band of an R&D intensity rule: one class for the rule as shown and as given. */
@ObjectType({ description: 'A revenue band of an R&D intensity rule.' })
@InputType('RdBandInput')
export class RdBand {
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest-year revenue up to this (none: no upper limit; the last band).' })
  revenueUpTo!: string | null;

  @Field(() => PercentScalar)
  minimumPercent!: string;
}

/** The parameters a criterion takes (which ones, per kind: see CRITERIA); shared by the rule as shown and as given. */
@ObjectType('CriterionParams', { description: 'Not in the schema: the fields Criterion and CriterionRuleInput share.' })
@InputType('CriterionParamsInput', { description: 'Not in the schema.' })
export abstract class CriterionParams {
  @Field(() => Int, { nullable: true })
  minYears?: number | null;

  @Field(() => [Industry], { nullable: true })
  industries?: Industry[] | null;

  @Field(() => Boolean, { nullable: true })
  stateOwned?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Fiscal years an R&D intensity is taken over.' })
  years?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'RD_INTENSITY: the share is met in each year, not over the years together.' })
  eachYear?: boolean | null;

  @Field(() => [RdBand], { nullable: true })
  rdBands?: RdBand[] | null;

  @Field(() => [HighTechField], { nullable: true })
  fields?: HighTechField[] | null;

  @Field(() => DecimalScalar, { nullable: true })
  minimum?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  maximum?: string | null;

  @Field(() => PercentScalar, { nullable: true })
  minimumPercent?: string | null;

  @Field(() => Int, { nullable: true })
  count?: number | null;

  @Field(() => Int, { nullable: true })
  months?: number | null;

  @Field(() => CreditRating, { nullable: true })
  minimumRating?: CreditRating | null;

  @Field(() => [TaxCreditGradeValue], { nullable: true })
  grades?: TaxCreditGradeValue[] | null;

  @Field(() => Int, { nullable: true })
  maxAgeDays?: number | null;

  @Field(() => [QualificationKind], { nullable: true, description: 'Qualifications any one of which meets the criterion.' })
  kinds?: QualificationKind[] | null;

  @Field(() => Int, { nullable: true })
  minimumEmployees?: number | null;

  @Field(() => Int, { nullable: true })
  maximumEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Points of 100 an evaluation must reach.' })
  minimumScore?: number | null;

  @Field(() => [EconomicSector], { nullable: true, description: 'EXCLUDED_SECTOR: the sectors a principal business may not be in.' })
  sectors?: EconomicSector[] | null;

  @Field(() => [TechEnterpriseType], { nullable: true, description: 'Kinds of tech enterprise any one of which meets the criterion.' })
  techEnterpriseTypes?: TechEnterpriseType[] | null;
}

/** One criterion of a rule version: its kind, the parameters it was given, and the rule in words. */
@ObjectType('Criterion', { description: 'One criterion of a rule version, with the parameters it takes.' })
export class CriterionView extends CriterionParams {
  @Field(() => CriterionKind)
  kind!: CriterionKind;

  @Field({ description: 'The rule in words.' })
  description!: string;

  static of(rule: CriterionRule): CriterionView {
    const view = Object.assign(new CriterionView(), rule);
    view.description = CRITERIA[rule.kind as Exclude<CriterionKind, CriterionKind.AUTHORISATION>].describe(rule);
    if (rule.rdBands) view.rdBands = rule.rdBands.map((b) => Object.assign(new RdBand(), b));
    return view;
  }
}

@ObjectType({ description: 'One criterion checked: passed, failed or unknown, with the figures used and the threshold.' })
export class CriterionResult implements Check {
  @Field(() => CriterionKind)
  criterion!: CriterionKind;

  @Field(() => CriterionOutcome)
  outcome!: CriterionOutcome;

  @Field({ description: 'The figure used and the threshold, in words a bank officer can act on.' })
  detail!: string;
}

@ObjectType({ description: "One enterprise's eligibility for a programme on a date, criterion by criterion." })
export class EligibilityResult {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field({ description: 'The programme code.' })
  programme!: string;

  @Field(() => Int, { description: 'The rule version in force on `asOf`.' })
  ruleVersion!: number;

  @Field(() => DateScalar, { description: 'From when that version is in force.' })
  rulesEffectiveFrom!: string;

  @Field(() => DateScalar)
  asOf!: string;

  @Field({ description: 'Every criterion PASSED (an UNKNOWN never counts as met).' })
  eligible!: boolean;

  @Field(() => [CriterionResult])
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
}

@InputType({ description: 'A criterion: its kind and the parameters that kind takes (see CriterionKind); no others.' })
export class CriterionRuleInput extends CriterionParams {
  @Field(() => CriterionKind)
  kind!: CriterionKind;
}

@InputType()
export class RuleVersionInput {
  @Field({ description: 'The programme code, e.g. IP_PLEDGE_LOAN.' })
  programme!: string;

  @Field(() => DateScalar, { description: 'After today and after the latest version’s date, unless `retroactiveReason` is given.' })
  effectiveFrom!: string;

  @Field({ description: 'Where the rules come from, or why they changed.' })
  note!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Required when the version takes effect today or earlier, or on or before another version’s date (and refused otherwise): why, e.g. the rule was issued after its effective date, or corrects one recorded wrongly.',
  })
  retroactiveReason?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version this one corrects (recorded with the wrong date or criteria): that one is then in force on no date. Needs retroactiveReason.',
  })
  corrects?: number | null;

  @Field(() => [CriterionRuleInput])
  criteria!: CriterionRuleInput[];

  @Field(() => [BenefitRate], {
    nullable: true,
    description: 'What an eligible enterprise gets, by class: the first rate whose class it belongs to applies (special rates first, the general one last). Default: none.',
  })
  benefits?: BenefitRate[] | null;
}

@InputType({ description: 'Enterprises eligible for a programme on a date that do not use it yet (administrators).' })
export class OutreachFilter {
  @Field({ description: 'The programme code.' })
  programme!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Default: today.' })
  asOf?: string | null;
}
