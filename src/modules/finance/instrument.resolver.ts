import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromScaled, toScaled } from '../../common/decimal';
import { Payload } from '../../common/payload';
import { DecimalScalar, PercentScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Patent, PatentAppraisal } from '../ip/patent.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from './counterparty.entity';
import {
  FinancingInstrument,
  FundInvestment,
  MASKED_DETAIL,
  MASKED_TERM,
  InstrumentHolder,
  IpPledge,
  IpPledgeLoan,
  LoanInstrument,
  Reinsurance,
  RiskCompensationClaim,
  RiskCompensationCover,
  TechInsurancePolicy,
  CreditLoan,
} from './instrument.entity';
import {
  AdvanceNeeqStageInput,
  RecordBondIssueInput,
  CancelPledgeInput,
  CorrectBondIssueInput,
  CorrectCreditLoanInput,
  CorrectFundInvestmentInput,
  CorrectIpPledgeLoanInput,
  CorrectNeeqListingInput,
  CorrectRegionalOtcListingInput,
  CorrectReinsuranceInput,
  CorrectRiskCompensationCoverInput,
  CorrectTechInsuranceInput,
  RecordCreditLoanInput,
  RecordFundInvestmentInput,
  RecordIpPledgeLoanInput,
  RecordNeeqListingInput,
  RecordRegionalOtcListingInput,
  RecordReinsuranceInput,
  RecordRiskCompensationClaimInput,
  RecordRiskCompensationCoverInput,
  RecordTechInsuranceInput,
  UpdateInstrumentStatusInput,
  VoidInstrumentInput,
} from './instrument.inputs';
import * as instruments from './instrument.service';
import { readAll } from '../../db/read-objects';
import { follows, many, one } from '../../db/read-plan';
import { answers, list, value } from '../../db/sql-answer';

/** What every correction says of itself. */
const CORRECTS = (what: string) =>
  `Corrects ${what} recorded wrongly: the values given replace those recorded, which must then pass the checks of recording. The audit trail keeps the reason and each changed value before and after (\`AuditEvent.change\`); a voided instrument is not corrected.`;
const CORRECTION_ERRORS = ['InvalidInputError', 'NotFoundError', 'StaleVersionError', 'TransitionNotAllowedError'];

export const InstrumentPayload = Payload('InstrumentPayload', 'instrument', FinancingInstrument, 'The instrument recorded or changed.');
export const IpPledgePayload = Payload('IpPledgePayload', 'pledge', IpPledge, 'The pledge changed.');
export const RiskCompensationClaimPayload = Payload(
  'RiskCompensationClaimPayload',
  'claim',
  RiskCompensationClaim,
  'The claim recorded.',
);


const HOLDERS = many(InstrumentHolder, 'instrument', { isLead: 'desc', share: 'desc', id: 'asc' });
const PLEDGES = many(IpPledge, 'loan');
const PLEDGED_PATENT = one(Patent, 'patent');
const PLEDGED_APPRAISAL = one(PatentAppraisal, 'appraisal');
const LOAN = { lender: one(Bank, 'lender'), subBranch: one(BankBranch, 'lenderBranch') };

/** What the fields of instruments and their parts read (src/db/read-plan.ts): a page of enterprises reads it ahead. */
const INSTRUMENT = follows('FinancingInstrument', {
  holders: HOLDERS,
  enterprise: { path: [HOLDERS, one(Enterprise, 'enterprise')] },
});
follows('CreditLoan', LOAN);
follows('IpPledgeLoan', {
  ...LOAN,
  pledges: { path: [PLEDGES], also: [[PLEDGED_PATENT]] },
  // Through `pledges`, which orders them by patent number: the patents too.
  pledgedValue: { path: [PLEDGES], also: [[PLEDGED_PATENT], [PLEDGED_APPRAISAL]] },
  loanToValue: { path: [PLEDGES], also: [[PLEDGED_PATENT], [PLEDGED_APPRAISAL]] },
});
const HOLDER = follows('InstrumentHolder', { enterprise: one(Enterprise, 'enterprise') });
const PLEDGE = follows('IpPledge', { patent: PLEDGED_PATENT, appraisal: PLEDGED_APPRAISAL });
const POLICY = follows('TechInsurancePolicy', { insurer: one(Insurer, 'insurer') });
const REINSURANCE = follows('Reinsurance', { reinsurer: one(Insurer, 'reinsurer'), underlyingPolicy: one(FinancingInstrument, 'underlyingPolicy') });
const FUND = follows('FundInvestment', { fund: one(Fund, 'fund') });
const COVER = follows('RiskCompensationCover', {
  pool: one(RiskCompensationPool, 'pool'),
  coveredLoan: one(FinancingInstrument, 'coveredLoan'),
  claims: many(RiskCompensationClaim, 'cover', { claimedOn: 'asc', id: 'asc' }),
});
const BANK = follows('Bank', { subBranches: many(BankBranch, 'bank', { isTechSubBranch: 'desc', name: 'asc' }) });
const BRANCH = follows('BankBranch', { bank: one(Bank, 'bank') });

/** The same fields in SQL (src/db/sql-answer.ts), each computed as its resolver computes it. */
answers('FinancingInstrument', { holders: HOLDERS });
answers('InstrumentHolder', {
  enterprise: HOLDER.enterprise,
  // amount × share / 100, cut (not rounded) to cents, as `InstrumentHolderResolver.amount` does with scaled integers.
  amount: value((t, _q, up) => `trunc(${up('instrument', 'amount')} * ${t}.share * 0.01, 2)::text`),
});
answers('CreditLoan', LOAN);
/** The sum of the appraisals a loan's pledges rely on, over a loan row `t` (null without pledges: no rows to sum). */
const pledgedSum = (t: string) => `(select sum(a.value) from ip_pledge pl join patent_appraisal a on a.id = pl.appraisal_id where pl.loan_id = ${t}.id)`;
answers('IpPledgeLoan', {
  ...LOAN,
  // By patent number as `localeCompare` orders (ICU's root collation); a tie keeps the pledges' own order.
  pledges: list(IpPledge, (t, c) => ({
    from: `ip_pledge ${c} join patent pt on pt.id = ${c}.patent_id where ${c}.loan_id = ${t}.id`,
    order: `pt.number collate "und-x-icu", ${c}.created_at, ${c}.id`,
  })),
  pledgedValue: value((t) => `coalesce(${pledgedSum(t)}, 0.00)::text`),
  // amount / pledged value in percent, cut to four places; null when nothing of value is pledged.
  loanToValue: value((t) => `(select case when v <> 0 then (div(${t}.amount * 1000000, v) * 0.0001)::text end from coalesce(${pledgedSum(t)}, 0) v)`),
});
answers('IpPledge', { patent: PLEDGED_PATENT, appraisal: PLEDGED_APPRAISAL });
answers('TechInsurancePolicy', { insurer: POLICY.insurer });
answers('Reinsurance', { reinsurer: REINSURANCE.reinsurer, underlyingPolicy: REINSURANCE.underlyingPolicy });
answers('FundInvestment', { fund: FUND.fund });
answers('RiskCompensationCover', { pool: COVER.pool, coveredLoan: COVER.coveredLoan, claims: COVER.claims });
answers('Bank', { subBranches: BANK.subBranches });
answers('BankBranch', { bank: BRANCH.bank });

/** A mutation's description: what it does, then the one line naming the MutationError types it may return. */
const does = (what: string, ...errors: string[]) => `${what}\nErrors: ${[...errors].sort().join(', ')}.`;

/**
 * Recording instruments, one mutation per kind; changing a status or a NEEQ stage; correcting and voiding what was
 * recorded wrongly. Each answers with the instrument's payload.
 *
 * Corrections mirror the recordings (one `correct*` per `record*`, the bonds and notes sharing one as they share
 * `recordBondIssue`): each input is its recording's fields, all optional, typed for its kind, so no combination of
 * another kind's fields can be sent; a single `correctInstrument` would have had to take every kind's fields at once.
 * What identifies an instrument (holder, kind, pledges, issuers, the loan covered, the policy reinsured) is not
 * corrected: such a record is voided (`voidInstrument`, one for every kind) and recorded anew.
 */
@Resolver(() => FinancingInstrument)
export class FinancingInstrumentResolver {
  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Records a NEEQ listing (新三板挂牌) of an enterprise at the stage it has reached; a company holds at most one live listing.',
      'InvalidInputError', 'LiveNeeqListingError', 'NotFoundError', 'TransitionNotAllowedError',
    ),
  })
  async recordNeeqListing(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The listing.' }) input: RecordNeeqListingInput) {
    return InstrumentPayload.from(await instruments.recordNeeqListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Moves a NEEQ listing to a later stage, or ends it: delisted or moved board once listed, withdrawn before.',
      'InvalidInputError', 'NotFoundError', 'StaleVersionError', 'TransitionNotAllowedError',
    ),
  })
  async advanceNeeqStage(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The listing and the stage reached.' }) input: AdvanceNeeqStageInput) {
    return InstrumentPayload.from(await instruments.advanceNeeqStage(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records a regional equity market listing (区域性股权市场挂牌) of an enterprise.', 'InvalidInputError', 'NotFoundError'),
  })
  async recordRegionalOtcListing(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The listing.' }) input: RecordRegionalOtcListingInput) {
    return InstrumentPayload.from(await instruments.recordRegionalOtcListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records a credit loan (信用贷款) to an enterprise.', 'DuplicateError', 'InvalidInputError', 'NotFoundError'),
  })
  async recordCreditLoan(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The loan.' }) input: RecordCreditLoanInput) {
    return InstrumentPayload.from(await instruments.recordCreditLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Records an IP-pledge loan (知识产权质押贷款) with the patents pledged for it.',
      'DuplicateError', 'InvalidInputError', 'NotFoundError',
    ),
  })
  async recordIpPledgeLoan(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The loan and its pledges.' }) input: RecordIpPledgeLoanInput) {
    return InstrumentPayload.from(await instruments.recordIpPledgeLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records a technology insurance policy (科技保险) of an enterprise.', 'DuplicateError', 'InvalidInputError', 'NotFoundError'),
  })
  async recordTechInsurance(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The policy.' }) input: RecordTechInsuranceInput) {
    return InstrumentPayload.from(await instruments.recordTechInsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records the reinsurance (再保险) of a technology insurance policy.', 'InvalidInputError', 'NotFoundError'),
  })
  async recordReinsurance(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The reinsurance.' }) input: RecordReinsuranceInput) {
    return InstrumentPayload.from(await instruments.recordReinsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Records a collective bond, SME collective notes, short-term bills or medium-term notes, with their issuers.',
      'DuplicateError', 'InvalidInputError', 'NotFoundError',
    ),
  })
  async recordBondIssue(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The issue and its issuers.' }) input: RecordBondIssueInput) {
    return InstrumentPayload.from(await instruments.recordBondIssue(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records an investment by a fund (基金投资) in an enterprise.', 'InvalidInputError', 'NotFoundError'),
  })
  async recordFundInvestment(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The investment.' }) input: RecordFundInvestmentInput) {
    return InstrumentPayload.from(await instruments.recordFundInvestment(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does('Records the cover of a loan by a risk compensation pool (风险补偿资金池).', 'InvalidInputError', 'NotFoundError'),
  })
  async recordRiskCompensationCover(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The cover.' }) input: RecordRiskCompensationCoverInput) {
    return InstrumentPayload.from(await instruments.recordRiskCompensationCover(ctx, input));
  }

  @Authorized()
  @Mutation(() => RiskCompensationClaimPayload, {
    description: does('Records a claim against a risk compensation cover.', 'InvalidInputError', 'NotFoundError'),
  })
  async recordRiskCompensationClaim(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The claim.' }) input: RecordRiskCompensationClaimInput) {
    return RiskCompensationClaimPayload.from(await instruments.recordRiskCompensationClaim(ctx, input));
  }

  @Authorized()
  @Mutation(() => IpPledgePayload, {
    description: does(
      'Records the cancellation of a pledge’s registration (注销登记): the patent is free from that day. Repaying the loan does not end a pledge; this does.',
      'InvalidInputError', 'NotFoundError', 'TransitionNotAllowedError',
    ),
  })
  async cancelPledge(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The pledge and the day.' }) input: CancelPledgeInput) {
    return IpPledgePayload.from(await instruments.cancelPledge(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Sets the status of an instrument (repaid, defaulted …); a NEEQ listing moves by advanceNeeqStage instead.',
      'NotFoundError', 'StaleVersionError', 'TransitionNotAllowedError',
    ),
  })
  async updateInstrumentStatus(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The instrument and its status.' }) input: UpdateInstrumentStatusInput) {
    return InstrumentPayload.from(await instruments.updateInstrumentStatus(ctx, input));
  }

  // ── corrections and voids ──

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(CORRECTS('a credit loan'), 'DuplicateError', ...CORRECTION_ERRORS),
  })
  async correctCreditLoan(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The loan, why, and the right values.' }) input: CorrectCreditLoanInput) {
    return InstrumentPayload.from(await instruments.correctCreditLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(CORRECTS('an IP-pledge loan'), 'DuplicateError', ...CORRECTION_ERRORS),
  })
  async correctIpPledgeLoan(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The loan, why, and the right values.' }) input: CorrectIpPledgeLoanInput) {
    return InstrumentPayload.from(await instruments.correctIpPledgeLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(CORRECTS('a technology insurance policy'), 'DuplicateError', ...CORRECTION_ERRORS),
  })
  async correctTechInsurance(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The policy, why, and the right values.' }) input: CorrectTechInsuranceInput) {
    return InstrumentPayload.from(await instruments.correctTechInsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: does(CORRECTS('a reinsurance'), ...CORRECTION_ERRORS) })
  async correctReinsurance(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The reinsurance, why, and the right values.' }) input: CorrectReinsuranceInput) {
    return InstrumentPayload.from(await instruments.correctReinsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(CORRECTS('a bond or note issue of any BondKind'), 'DuplicateError', ...CORRECTION_ERRORS),
  })
  async correctBondIssue(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The issue, why, and the right values.' }) input: CorrectBondIssueInput) {
    return InstrumentPayload.from(await instruments.correctBondIssue(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: does(CORRECTS('a NEEQ listing'), ...CORRECTION_ERRORS) })
  async correctNeeqListing(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The listing, why, and the right values.' }) input: CorrectNeeqListingInput) {
    return InstrumentPayload.from(await instruments.correctNeeqListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: does(CORRECTS('a regional equity market listing'), ...CORRECTION_ERRORS) })
  async correctRegionalOtcListing(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: 'The listing, why, and the right values.' }) input: CorrectRegionalOtcListingInput,
  ) {
    return InstrumentPayload.from(await instruments.correctRegionalOtcListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: does(CORRECTS('a fund investment'), ...CORRECTION_ERRORS) })
  async correctFundInvestment(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The investment, why, and the right values.' }) input: CorrectFundInvestmentInput) {
    return InstrumentPayload.from(await instruments.correctFundInvestment(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: does(CORRECTS('a risk compensation cover'), ...CORRECTION_ERRORS) })
  async correctRiskCompensationCover(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: 'The cover, why, and the right values.' }) input: CorrectRiskCompensationCoverInput,
  ) {
    return InstrumentPayload.from(await instruments.correctRiskCompensationCover(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, {
    description: does(
      'Voids an instrument of any kind recorded wrongly (作废): it stays on record with its reason, readable by id by administrators only, and leaves every list, sum and eligibility check (an IP-pledge loan’s pledges with it). A cover or reinsurance referring to it is voided first. The audit trail keeps the reason.',
      'InvalidInputError', 'NotFoundError', 'StaleVersionError', 'TransitionNotAllowedError',
    ),
  })
  async voidInstrument(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The instrument and why it is voided.' }) input: VoidInstrumentInput) {
    return InstrumentPayload.from(await instruments.voidInstrument(ctx, input));
  }

  @Authorized()
  @Query(() => [Bank], { description: 'Banks taking part in the zone financing pilots, by name: reference data of a few dozen at most, so a plain list.' })
  partnerBanks(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Bank, { name: 'asc' }, { sql: 'partner', bindings: [] });
  }

  // ── interface fields, inherited by every kind ──

  @FieldResolver(() => [InstrumentHolder], {
    nullable: true,
    description: `Who holds it: one enterprise, or each issuer of a collective issue, the lead first (at most the issuers named).${MASKED_DETAIL}`,
  })
  holders(@Root() i: FinancingInstrument, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<InstrumentHolder>(INSTRUMENT.holders, i);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: `The holder (the lead issuer of a collective issue).${MASKED_DETAIL}` })
  async enterprise(@Root() i: FinancingInstrument, @Ctx() ctx: RequestContext) {
    const [lead] = await this.holders(i, ctx);
    return ctx.loaders.follow<Enterprise>(HOLDER.enterprise, lead!);
  }
}

@Resolver(() => InstrumentHolder)
export class InstrumentHolderResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise holding this part.' })
  enterprise(@Root() h: InstrumentHolder, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(HOLDER.enterprise, h);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Its part of the amount, in yuan: amount × share, cut to cents.',
  })
  async amount(@Root() h: InstrumentHolder, @Ctx() ctx: RequestContext) {
    const instrument = (await ctx.loaders.byId(FinancingInstrument).load(h.instrument.id))!;
    return fromScaled((toScaled(instrument.amount, 2) * toScaled(h.share, 4)) / 100n, 6, 2);
  }
}

/** The counterparty fields of the loan kinds. */
function loanFields(target: typeof CreditLoan | typeof IpPledgeLoan) {
  @Resolver(() => target)
  class LoanFieldsResolver {
    @FieldResolver(() => Bank, { nullable: true, description: `The lending bank.${MASKED_DETAIL}` })
    lender(@Root() l: LoanInstrument, @Ctx() ctx: RequestContext) {
      return ctx.loaders.follow(LOAN.lender, l);
    }

    @FieldResolver(() => BankBranch, { nullable: true, description: `The sub-branch that lent; null when none is recorded.${MASKED_DETAIL}` })
    subBranch(@Root() l: LoanInstrument, @Ctx() ctx: RequestContext) {
      return ctx.loaders.follow(LOAN.subBranch, l);
    }
  }
  return LoanFieldsResolver;
}
export const CreditLoanResolver = loanFields(CreditLoan);
export const IpPledgeLoanLenderResolver = loanFields(IpPledgeLoan);

@Resolver(() => IpPledgeLoan)
export class IpPledgeLoanResolver {
  @FieldResolver(() => [IpPledge], { nullable: true, description: `The patents pledged for it (at most those recorded with the loan), by patent number.${MASKED_DETAIL}` })
  async pledges(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const pledges = await ctx.loaders.follow<IpPledge>(PLEDGES, l);
    const patents = await ctx.loaders.byId(Patent).loadMany(pledges.map((p) => p.patent.id));
    const number = new Map(patents.map((p) => [(p as Patent).id, (p as Patent).number]));
    return [...pledges].sort((a, b) => number.get(a.patent.id)!.localeCompare(number.get(b.patent.id)!));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: `The sum of the appraisals the pledges rely on, in yuan.${MASKED_DETAIL}` })
  async pledgedValue(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const pledges = await this.pledges(l, ctx);
    const appraisals = await ctx.loaders.byId(PatentAppraisal).loadMany(pledges.map((p) => p.appraisal.id));
    return fromScaled(appraisals.reduce((s, a) => s + toScaled((a as PatentAppraisal).value, 2), 0n), 2, 2);
  }

  @FieldResolver(() => PercentScalar, {
    nullable: true,
    description: `The loan-to-value ratio (质押率): principal over pledged value, in percent; null when nothing of value is pledged.${MASKED_TERM}`,
  })
  async loanToValue(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const value = toScaled(await this.pledgedValue(l, ctx), 2);
    if (value === 0n) return null;
    return fromScaled((toScaled(l.amount, 2) * 1_000_000n) / value, 4, 4);
  }
}

@Resolver(() => IpPledge)
export class IpPledgeResolver {
  @FieldResolver(() => Patent, { description: 'The patent pledged.' })
  patent(@Root() p: IpPledge, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLEDGE.patent, p);
  }

  @FieldResolver(() => PatentAppraisal, { description: 'The appraisal (评估) of the patent the loan relied on.' })
  appraisal(@Root() p: IpPledge, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLEDGE.appraisal, p);
  }
}

@Resolver(() => TechInsurancePolicy)
export class TechInsurancePolicyResolver {
  @FieldResolver(() => Insurer, { nullable: true, description: `The insurer.${MASKED_DETAIL}` })
  insurer(@Root() p: TechInsurancePolicy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(POLICY.insurer, p);
  }
}

@Resolver(() => Reinsurance)
export class ReinsuranceResolver {
  @FieldResolver(() => Insurer, { nullable: true, description: `The reinsurer.${MASKED_DETAIL}` })
  reinsurer(@Root() r: Reinsurance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REINSURANCE.reinsurer, r);
  }

  @FieldResolver(() => TechInsurancePolicy, { nullable: true, description: `The technology insurance policy reinsured.${MASKED_DETAIL}` })
  underlyingPolicy(@Root() r: Reinsurance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REINSURANCE.underlyingPolicy, r);
  }
}

@Resolver(() => FundInvestment)
export class FundInvestmentResolver {
  @FieldResolver(() => Fund, { nullable: true, description: `The investing fund.${MASKED_DETAIL}` })
  fund(@Root() f: FundInvestment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FUND.fund, f);
  }
}

@Resolver(() => RiskCompensationCover)
export class RiskCompensationCoverResolver {
  @FieldResolver(() => RiskCompensationPool, { nullable: true, description: `The pool covering the loan.${MASKED_DETAIL}` })
  pool(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(COVER.pool, c);
  }

  @FieldResolver(() => FinancingInstrument, { nullable: true, description: `The covered credit or IP-pledge loan.${MASKED_DETAIL}` })
  coveredLoan(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(COVER.coveredLoan, c);
  }

  @FieldResolver(() => [RiskCompensationClaim], {
    nullable: true,
    description: `The claims against the cover, oldest first (bounded: together at most the cover's amount).${MASKED_DETAIL}`,
  })
  claims(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<RiskCompensationClaim>(COVER.claims, c);
  }
}

@Resolver(() => Bank)
export class BankResolver {
  @FieldResolver(() => [BankBranch], { description: 'Its sub-branches in the zone (a few per bank: reference data, so a plain list), tech sub-branches first.' })
  subBranches(@Root() b: Bank, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<BankBranch>(BANK.subBranches, b);
  }
}

@Resolver(() => BankBranch)
export class BankBranchResolver {
  @FieldResolver(() => Bank, { description: 'The bank it is a sub-branch of.' })
  bank(@Root() b: BankBranch, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(BRANCH.bank, b);
  }
}

export const financeResolvers = [
  FinancingInstrumentResolver,
  InstrumentHolderResolver,
  CreditLoanResolver,
  IpPledgeLoanLenderResolver,
  IpPledgeLoanResolver,
  IpPledgeResolver,
  TechInsurancePolicyResolver,
  ReinsuranceResolver,
  FundInvestmentResolver,
  RiskCompensationCoverResolver,
  BankResolver,
  BankBranchResolver,
] as const;
