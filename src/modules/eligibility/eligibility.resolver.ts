import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from '../credit/credit.entity';
import { recordCreditRating, recordDishonestDebtorCheck, recordTaxCreditGrade } from '../credit/credit.service';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import {
  CreditRatingInput,
  CriterionResult,
  CriterionView,
  DishonestDebtorCheckInput,
  EligibilityResult,
  RuleVersionInput,
  TaxCreditGradeInput,
} from './eligibility.types';
import { checkEligibility, recordRuleVersion } from './eligibility.service';
import { IN_FORCE_ORDER, PilotProgramme, ProgrammeRuleVersion, versionInForce } from './programme.entity';
import { readAll } from '../../db/read-objects';
import { JSONObjectScalar } from '../cppcc/cppcc.types';
import { EligibilityReceipt } from './receipt.entity';
import { findReceipt } from './receipts';
import { AppliedBenefit, BenefitRate } from './benefits';

export const RuleVersionPayload = Payload('RuleVersionPayload', 'ruleVersion', ProgrammeRuleVersion, 'The rule version recorded.');
export const CreditRatingPayload = Payload('CreditRatingPayload', 'rating', CreditRatingRecord, 'The rating recorded.');
export const TaxCreditGradePayload = Payload('TaxCreditGradePayload', 'grade', TaxCreditGrade, 'The grade recorded.');
export const DishonestDebtorCheckPayload = Payload('DishonestDebtorCheckPayload', 'check', DishonestDebtorCheck, 'The check recorded.');

/** Pilot programmes, their rules, and eligibility checks. */
@Resolver(() => PilotProgramme)
export class PilotProgrammeResolver {
  @Query(() => [PilotProgramme], { description: 'The pilot programmes, by code. Public: answers without a token.' })
  programmes(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, PilotProgramme, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [EligibilityResult], {
    description:
      'Each enterprise against the programme’s rules in force on `asOf` (default today), in the order given; at most 1000 codes.',
  })
  eligibility(
    @Ctx() ctx: RequestContext,
    @Arg('programme') programme: string,
    @Arg('creditCodes', () => [CreditCodeScalar]) creditCodes: string[],
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<EligibilityResult[]> {
    return checkEligibility(ctx, programme, creditCodes, asOf);
  }

  @Authorized()
  @Query(() => EligibilityReceipt, {
    nullable: true,
    description:
      'The receipt of an eligibility answer (its `receiptId`): what was answered, unchanged since. Its bank and the zone see it; for anyone else, as for an unknown id, null.',
  })
  eligibilityReceipt(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<EligibilityReceipt | null> {
    return findReceipt(ctx, id);
  }

  @Authorized()
  @Mutation(() => RuleVersionPayload, {
    description:
      'Records a new version of a programme’s rules, effective from a later date; or, with `retroactiveReason`, from today or an earlier date (a retroactive rule or a correction).',
  })
  async recordProgrammeRuleVersion(@Ctx() ctx: RequestContext, @Arg('input') input: RuleVersionInput) {
    return RuleVersionPayload.from(await recordRuleVersion(ctx, input));
  }

  @FieldResolver(() => [ProgrammeRuleVersion], { description: 'Every version, the latest date first; on one date, the one recorded last first.' })
  rules(@Root() p: PilotProgramme, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(ProgrammeRuleVersion, 'programme', IN_FORCE_ORDER).load(p.id);
  }

  @FieldResolver(() => ProgrammeRuleVersion, { nullable: true, description: 'The version in force on `date` (default today).' })
  async rulesOn(
    @Root() p: PilotProgramme,
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true }) date: string | null,
  ) {
    return versionInForce(await this.rules(p, ctx), date ?? zoneToday());
  }
}

@Resolver(() => ProgrammeRuleVersion)
export class ProgrammeRuleVersionResolver {
  @FieldResolver(() => [CriterionView])
  criteria(@Root() v: ProgrammeRuleVersion): CriterionView[] {
    return v.criteria.map((c) => CriterionView.of(c));
  }

  @FieldResolver(() => [BenefitRate], { description: 'What an eligible enterprise gets, by class: the first rate whose class it belongs to applies.' })
  benefits(@Root() v: ProgrammeRuleVersion): BenefitRate[] {
    return (v.benefits ?? []).map((b) => BenefitRate.of(b));
  }
}

/** A receipt's answer as it was served, and what it rested on. */
@Resolver(() => EligibilityReceipt)
export class EligibilityReceiptResolver {
  @FieldResolver(() => Boolean, { description: 'As answered.' })
  eligible(@Root() r: EligibilityReceipt): boolean {
    return r.answer.eligible;
  }

  @FieldResolver(() => AppliedBenefit, { nullable: true, description: 'The rate as answered (null: the answer named none).' })
  benefit(@Root() r: EligibilityReceipt): AppliedBenefit | null {
    return r.answer.benefit ? Object.assign(new AppliedBenefit(), r.answer.benefit) : null;
  }

  @FieldResolver(() => [CriterionResult], { description: 'Every check as answered, in its order, with its detail.' })
  checks(@Root() r: EligibilityReceipt): CriterionResult[] {
    return r.answer.checks.map((c) => Object.assign(new CriterionResult(), c));
  }

  @FieldResolver(() => JSONObjectScalar, {
    nullable: true,
    description:
      'The facts the criteria read, as they were recorded then: the enterprise, the kinds of fact the rules read (fiscal years, certificates, patents, ratings …) and the authorisation checked; for a refusal, only that no authorisation was in force. The zone’s, who settles a dispute: null for the bank.',
  })
  facts(@Root() r: EligibilityReceipt): Record<string, unknown> {
    return r.facts;
  }

  @FieldResolver(() => CreditCodeScalar, { description: 'The bank the answer was given to.' })
  bankCreditCode(@Root() r: EligibilityReceipt): string {
    return r.viewerOrg!;
  }
}

/** The credit standing facts eligibility reads: ratings, tax credit grades, dishonest debtor checks. */
@Resolver(() => Enterprise)
export class CreditStandingResolver {
  @Authorized()
  @Mutation(() => CreditRatingPayload, { description: 'Records an SME credit rating.' })
  async recordCreditRating(@Ctx() ctx: RequestContext, @Arg('input') input: CreditRatingInput) {
    return CreditRatingPayload.from(await recordCreditRating(ctx, input));
  }

  @Authorized()
  @Mutation(() => TaxCreditGradePayload, { description: 'Records a published tax credit grade.' })
  async recordTaxCreditGrade(@Ctx() ctx: RequestContext, @Arg('input') input: TaxCreditGradeInput) {
    return TaxCreditGradePayload.from(await recordTaxCreditGrade(ctx, input));
  }

  @Authorized()
  @Mutation(() => DishonestDebtorCheckPayload, { description: 'Records a check of the dishonest judgment debtor list.' })
  async recordDishonestDebtorCheck(@Ctx() ctx: RequestContext, @Arg('input') input: DishonestDebtorCheckInput) {
    return DishonestDebtorCheckPayload.from(await recordDishonestDebtorCheck(ctx, input));
  }

  // Enterprise.creditRatings and Enterprise.dishonestDebtorChecks grow without bound: connections, with the enterprise's
  // other connections (src/modules/enterprise/enterprise.pages.ts).

  @FieldResolver(() => [TaxCreditGrade], {
    nullable: true,
    description:
      'Tax credit grades (纳税信用等级), the latest year first. Bounded: one per tax year. Masked (null with a FORBIDDEN error) for anyone but zone administrators and its own representative.',
  })
  taxCreditGrades(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(TaxCreditGrade, 'enterprise', { year: 'desc' }).load(e.id);
  }
}
