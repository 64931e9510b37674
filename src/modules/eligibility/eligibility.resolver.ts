import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../common/errors';
import { LEGACY_REMOVAL } from '../../common/legacy-args';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from '../credit/credit.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import {
  CriterionResult,
  CriterionView,
  EligibilityResult,
  RuleVersionInput,
} from './eligibility.types';
import { checkEligibility, MAX_BATCH, recordRuleVersion } from './eligibility.service';
import { IN_FORCE_ORDER, PilotProgram, ProgramRuleVersion, versionInForce } from './program.entity';
import { readAll } from '../../db/read-objects';
import { JSONObjectScalar } from '../cppcc/cppcc.types';
import { EligibilityReceipt } from './receipt.entity';
import { findReceipt, isWhole, receiptChecks } from './receipts';
import { AppliedBenefit, BenefitRate } from './benefits';

export const RuleVersionPayload = Payload('RecordProgramRuleVersionPayload', 'ruleVersion', ProgramRuleVersion, 'The rule version recorded.');

/** The names an eligibility answer had before API v1, deprecated aliases until 2027-06-30 (shared/API.md). */
@Resolver(() => EligibilityResult)
export class EligibilityResultResolver {
  @FieldResolver(() => String, { description: 'Before API v1: `program.code`.', deprecationReason: `Use program { code }. Removed after ${LEGACY_REMOVAL}.` })
  programme(@Root() r: EligibilityResult): string {
    return r.program.code;
  }

  @FieldResolver(() => Int, { description: 'Before API v1: `rules.version`.', deprecationReason: `Use rules { version }. Removed after ${LEGACY_REMOVAL}.` })
  ruleVersion(@Root() r: EligibilityResult): number {
    return r.rules.version;
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise checked, so a batch answer names each one (资格查询的企业); null when the criteria were not applied: a malformed or ' +
      'unregistered code, or one the viewer may not check (the AUTHORIZATION answer), so a refused answer tells nothing more.',
  })
  enterprise(@Root() r: EligibilityResult, @Ctx() ctx: RequestContext): Promise<Enterprise | null> | null {
    // Batched over the answer: one statement for every enterprise of a 1,000-code check.
    return r.enterpriseId ? ctx.loaders.byId(Enterprise).load(r.enterpriseId) : null;
  }

  @FieldResolver(() => Boolean, { name: 'eligible', description: 'Before API v1: `isEligible`.', deprecationReason: `Use isEligible. Removed after ${LEGACY_REMOVAL}.` })
  eligibleBeforeV1(@Root() r: EligibilityResult): boolean {
    return r.eligible;
  }
}

/** Pilot programs, their rules, and eligibility checks. */
@Resolver(() => PilotProgram)
export class PilotProgramResolver {
  @Query(() => [PilotProgram], {
    description: 'The pilot programs (试点政策), by code: a handful (eight today), so a plain list. Public: answers without a token.',
  })
  programs(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, PilotProgram, { code: 'asc' });
  }

  @Query(() => [PilotProgram], { description: 'Before API v1: `programs`.', deprecationReason: `Use programs. Removed after ${LEGACY_REMOVAL}.` })
  programmes(@Ctx() ctx: RequestContext) {
    return this.programs(ctx);
  }

  @Authorized()
  @Query(() => [EligibilityResult], {
    description:
      `Each enterprise checked against the program’s rules in force on \`asOf\` (资格查询), one result per code given, in their order; at most ${MAX_BATCH} codes. ` +
      'A code that is not a valid Unified Social Credit Code (after trimming and upper-casing) gets one result with a failed CREDIT_CODE_VALID check; ' +
      'the others are answered as usual. An enterprise the viewer may not check, registered or not, gets one failed AUTHORIZATION check and nothing else.',
  })
  eligibility(
    @Ctx() ctx: RequestContext,
    @Arg('program', () => String, { nullable: true, description: 'The program’s code, e.g. IP_PLEDGE_LOAN (see `programs`). Required unless the deprecated `programme` is given.' })
    program: string | null,
    @Arg('creditCodes', () => [String], {
      description: `The credit codes (统一社会信用代码) to check, as text: each is trimmed and upper-cased; at most ${MAX_BATCH}, repeats answered each time.`,
    })
    creditCodes: string[],
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date to check as of. Default: today in Asia/Shanghai.' }) asOf: string | null,
    @Arg('programme', () => String, { nullable: true, description: 'Before API v1: `program`.', deprecationReason: `Use program. Removed after ${LEGACY_REMOVAL}.` }) programme: string | null,
  ): Promise<EligibilityResult[]> {
    if (program != null && programme != null) throw badUserInput('Give program, or the deprecated programme, not both.', 'programme');
    const code = program ?? programme;
    if (code == null) throw badUserInput('program is required.', 'program');
    return checkEligibility(ctx, code, creditCodes, asOf);
  }

  @Authorized()
  @Query(() => EligibilityReceipt, {
    nullable: true,
    description:
      'The receipt of an eligibility answer (its `receiptId`): what was answered, unchanged since. Its bank and the zone see it; for anyone else, as for an unknown id, null.',
  })
  eligibilityReceipt(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The `receiptId` the answer carried.' }) id: string,
  ): Promise<EligibilityReceipt | null> {
    return findReceipt(ctx, id);
  }

  @Authorized()
  @Mutation(() => RuleVersionPayload, {
    description:
      'Records a new version of a program’s rules, effective from a later date; or, with `retroactiveReason`, from today or an earlier date (a retroactive rule or a correction).\n' +
      'Errors: DuplicateError, InvalidInputError, NotFoundError.',
  })
  async recordProgramRuleVersion(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The version.' }) input: RuleVersionInput) {
    return RuleVersionPayload.from(await recordRuleVersion(ctx, input));
  }

  @FieldResolver(() => [ProgramRuleVersion], {
    description: 'Every version of its rules, the latest date first; on one date, the one recorded last first. A handful per program, so a plain list.',
  })
  rules(@Root() p: PilotProgram, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(ProgramRuleVersion, 'program', IN_FORCE_ORDER).load(p.id);
  }

  @FieldResolver(() => ProgramRuleVersion, { nullable: true, description: 'The version in force on `date`; null when none was in force then.' })
  async rulesOn(
    @Root() p: PilotProgram,
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The date. Default: today in Asia/Shanghai.' }) date: string | null,
  ) {
    return versionInForce(await this.rules(p, ctx), date ?? zoneToday());
  }
}

@Resolver(() => ProgramRuleVersion)
export class ProgramRuleVersionResolver {
  @FieldResolver(() => [CriterionView], { description: 'The criteria (a program has a few, so a plain list), in the order answers list them.' })
  criteria(@Root() v: ProgramRuleVersion): CriterionView[] {
    return v.criteria.map((c) => CriterionView.of(c));
  }

  @FieldResolver(() => [BenefitRate], { description: 'What an eligible enterprise gets, by class: the first rate whose class it belongs to applies.' })
  benefits(@Root() v: ProgramRuleVersion): BenefitRate[] {
    return (v.benefits ?? []).map((b) => BenefitRate.of(b));
  }
}

/** A receipt's answer as it was served, and what it rested on. */
@Resolver(() => EligibilityReceipt)
export class EligibilityReceiptResolver {
  @FieldResolver(() => PilotProgram, { description: 'The program asked about.' })
  async program(@Root() r: EligibilityReceipt, @Ctx() ctx: RequestContext): Promise<PilotProgram> {
    const rules = await this.rules(r, ctx);
    return (await ctx.loaders.byId(PilotProgram).load(rules.program.id))!;
  }

  @FieldResolver(() => ProgramRuleVersion, { description: 'The version of the rules applied (versions are never edited: these are the criteria the answer applied).' })
  async rules(@Root() r: EligibilityReceipt, @Ctx() ctx: RequestContext): Promise<ProgramRuleVersion> {
    return (await ctx.loaders.byId(ProgramRuleVersion).load(r.ruleVersionId))!;
  }

  @FieldResolver(() => Boolean, { name: 'isEligible', description: 'Whether the enterprise was answered eligible.' })
  isEligible(@Root() r: EligibilityReceipt): boolean {
    return r.answer.eligible;
  }

  @FieldResolver(() => AppliedBenefit, { nullable: true, description: 'The rate as answered (null: the answer named none).' })
  benefit(@Root() r: EligibilityReceipt): AppliedBenefit | null {
    return r.answer.benefit ? Object.assign(new AppliedBenefit(), r.answer.benefit) : null;
  }

  @FieldResolver(() => [CriterionResult], {
    description:
      'Every check as answered, in its order, with its words and figures. A receipt recorded before API v1 kept the words in English only: its figures and Chinese words are derived from the facts and rules it kept, and given only where they reproduce the words answered exactly (otherwise no figures, and the English words).',
  })
  async checks(@Root() r: EligibilityReceipt, @Ctx() ctx: RequestContext): Promise<CriterionResult[]> {
    // Only a receipt from before API v1 needs its rules read again (one batched statement for a list of them).
    const criteria = isWhole(r.answer) ? null : ((await ctx.loaders.byId(ProgramRuleVersion).load(r.ruleVersionId))?.criteria ?? null);
    return receiptChecks(r, criteria).map((c) => CriterionResult.of(c));
  }

  @FieldResolver(() => JSONObjectScalar, {
    nullable: true,
    description:
      'The facts the criteria read, as they were recorded then: the enterprise, the kinds of fact the rules read (fiscal years, certificates, patents, ratings …) and the authorization checked; for a refusal, only that no authorization was in force. The zone’s, who settles a dispute: masked (null) for the bank.',
  })
  facts(@Root() r: EligibilityReceipt): Record<string, unknown> {
    return r.facts;
  }

  @FieldResolver(() => CreditCodeScalar, { description: 'The bank the answer was given to.' })
  bankCreditCode(@Root() r: EligibilityReceipt): string {
    return r.viewerOrg!;
  }
}

/**
 * The credit standing facts eligibility reads, as an enterprise lists them: ratings, tax credit grades, dishonest
 * debtor checks (recorded, corrected and voided in src/modules/credit). A voided record is listed no more.
 */
@Resolver(() => Enterprise)
export class CreditStandingResolver {
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
