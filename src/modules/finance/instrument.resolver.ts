import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromScaled, toScaled } from '../../common/decimal';
import { Payload } from '../../common/payload';
import { DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Patent, PatentAppraisal } from '../ip/patent.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from './counterparty.entity';
import { InstrumentStatus, NeeqStage } from './enums';
import {
  FinancingInstrument,
  FundInvestment,
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
  BondIssueInput,
  CreditLoanInput,
  FundInvestmentInput,
  IpPledgeLoanInput,
  CancelPledgeInput,
  NeeqListingInput,
  RegionalOtcListingInput,
  ReinsuranceInput,
  RiskCompensationClaimInput,
  RiskCompensationCoverInput,
  TechInsuranceInput,
} from './instrument.inputs';
import * as instruments from './instrument.service';
import { readAll } from '../../db/read-objects';
import { follows, many, one } from '../../db/read-plan';
import { answers, list, value } from '../../db/sql-answer';

export const InstrumentPayload = Payload('InstrumentPayload', 'instrument', FinancingInstrument, 'The instrument recorded or changed.');
export const IpPledgePayload = Payload('IpPledgePayload', 'pledge', IpPledge, 'The pledge changed.');
export const RiskCompensationClaimPayload = Payload(
  'RiskCompensationClaimPayload',
  'claim',
  RiskCompensationClaim,
  'The claim recorded.',
);


const HOLDERS = many(InstrumentHolder, 'instrument', { lead: 'desc', share: 'desc', id: 'asc' });
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

/** Recording instruments: one mutation per kind, each answering with the InstrumentPayload. */
@Resolver(() => FinancingInstrument)
export class FinancingInstrumentResolver {
  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordNeeqListing(@Ctx() ctx: RequestContext, @Arg('input') input: NeeqListingInput) {
    return InstrumentPayload.from(await instruments.recordNeeqListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: 'Moves a NEEQ listing to a later stage, or ends a listed one.' })
  async advanceNeeqStage(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('stage', () => NeeqStage) stage: NeeqStage,
    @Arg('on', () => DateScalar) on: string,
    @Arg('stockCode', () => String, { nullable: true }) stockCode: string | null,
  ) {
    return InstrumentPayload.from(await instruments.advanceNeeqStage(ctx, id, version, stage, on, stockCode));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordRegionalOtcListing(@Ctx() ctx: RequestContext, @Arg('input') input: RegionalOtcListingInput) {
    return InstrumentPayload.from(await instruments.recordRegionalOtcListing(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordCreditLoan(@Ctx() ctx: RequestContext, @Arg('input') input: CreditLoanInput) {
    return InstrumentPayload.from(await instruments.recordCreditLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordIpPledgeLoan(@Ctx() ctx: RequestContext, @Arg('input') input: IpPledgeLoanInput) {
    return InstrumentPayload.from(await instruments.recordIpPledgeLoan(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordTechInsurance(@Ctx() ctx: RequestContext, @Arg('input') input: TechInsuranceInput) {
    return InstrumentPayload.from(await instruments.recordTechInsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordReinsurance(@Ctx() ctx: RequestContext, @Arg('input') input: ReinsuranceInput) {
    return InstrumentPayload.from(await instruments.recordReinsurance(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: 'Records a collective bond, SME collective notes, short-term bills or medium-term notes.' })
  async recordBondIssue(@Ctx() ctx: RequestContext, @Arg('input') input: BondIssueInput) {
    return InstrumentPayload.from(await instruments.recordBondIssue(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordFundInvestment(@Ctx() ctx: RequestContext, @Arg('input') input: FundInvestmentInput) {
    return InstrumentPayload.from(await instruments.recordFundInvestment(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload)
  async recordRiskCompensationCover(@Ctx() ctx: RequestContext, @Arg('input') input: RiskCompensationCoverInput) {
    return InstrumentPayload.from(await instruments.recordRiskCompensationCover(ctx, input));
  }

  @Authorized()
  @Mutation(() => RiskCompensationClaimPayload)
  async recordRiskCompensationClaim(@Ctx() ctx: RequestContext, @Arg('input') input: RiskCompensationClaimInput) {
    return RiskCompensationClaimPayload.from(await instruments.recordRiskCompensationClaim(ctx, input));
  }

  @Authorized()
  @Mutation(() => IpPledgePayload, {
    description: 'Records the cancellation of a pledge’s registration (注销登记): the patent is free from that day. Repaying the loan does not end a pledge; this does.',
  })
  async cancelPledge(@Ctx() ctx: RequestContext, @Arg('input') input: CancelPledgeInput) {
    return IpPledgePayload.from(await instruments.cancelPledge(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstrumentPayload, { description: 'Sets the status of an instrument (repaid, defaulted …).' })
  async updateInstrumentStatus(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => InstrumentStatus) status: InstrumentStatus,
  ) {
    return InstrumentPayload.from(await instruments.updateInstrumentStatus(ctx, id, version, status));
  }

  @Authorized()
  @Query(() => [Bank], { description: 'Banks taking part in the zone financing pilots, by name.' })
  partnerBanks(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Bank, { name: 'asc' }, { sql: 'partner', bindings: [] });
  }

  // ── interface fields, inherited by every kind ──

  @FieldResolver(() => [InstrumentHolder], { nullable: true, description: 'Who holds it: one enterprise, or each issuer of a collective issue.' })
  holders(@Root() i: FinancingInstrument, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<InstrumentHolder>(INSTRUMENT.holders, i);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The holder (the lead issuer of a collective issue).' })
  async enterprise(@Root() i: FinancingInstrument, @Ctx() ctx: RequestContext) {
    const [lead] = await this.holders(i, ctx);
    return ctx.loaders.follow<Enterprise>(HOLDER.enterprise, lead!);
  }
}

@Resolver(() => InstrumentHolder)
export class InstrumentHolderResolver {
  @FieldResolver(() => Enterprise)
  enterprise(@Root() h: InstrumentHolder, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(HOLDER.enterprise, h);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Its part of the amount: amount × share (null to a bank).' })
  async amount(@Root() h: InstrumentHolder, @Ctx() ctx: RequestContext) {
    const instrument = (await ctx.loaders.byId(FinancingInstrument).load(h.instrument.id))!;
    return fromScaled((toScaled(instrument.amount, 2) * toScaled(h.share, 4)) / 100n, 6, 2);
  }
}

/** The counterparty fields of the loan kinds. */
function loanFields(target: typeof CreditLoan | typeof IpPledgeLoan) {
  @Resolver(() => target)
  class LoanFieldsResolver {
    @FieldResolver(() => Bank, { nullable: true })
    lender(@Root() l: LoanInstrument, @Ctx() ctx: RequestContext) {
      return ctx.loaders.follow(LOAN.lender, l);
    }

    @FieldResolver(() => BankBranch, { nullable: true })
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
  @FieldResolver(() => [IpPledge], { nullable: true, description: 'By patent number.' })
  async pledges(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const pledges = await ctx.loaders.follow<IpPledge>(PLEDGES, l);
    const patents = await ctx.loaders.byId(Patent).loadMany(pledges.map((p) => p.patent.id));
    const number = new Map(patents.map((p) => [(p as Patent).id, (p as Patent).number]));
    return [...pledges].sort((a, b) => number.get(a.patent.id)!.localeCompare(number.get(b.patent.id)!));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'The sum of the appraisals the pledges rely on.' })
  async pledgedValue(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const pledges = await this.pledges(l, ctx);
    const appraisals = await ctx.loaders.byId(PatentAppraisal).loadMany(pledges.map((p) => p.appraisal.id));
    return fromScaled(appraisals.reduce((s, a) => s + toScaled((a as PatentAppraisal).value, 2), 0n), 2, 2);
  }

  @FieldResolver(() => PercentScalar, { nullable: true, description: 'Principal over pledged value, in percent.' })
  async loanToValue(@Root() l: IpPledgeLoan, @Ctx() ctx: RequestContext) {
    const value = toScaled(await this.pledgedValue(l, ctx), 2);
    if (value === 0n) return null;
    return fromScaled((toScaled(l.amount, 2) * 1_000_000n) / value, 4, 4);
  }
}

@Resolver(() => IpPledge)
export class IpPledgeResolver {
  @FieldResolver(() => Patent)
  patent(@Root() p: IpPledge, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLEDGE.patent, p);
  }

  @FieldResolver(() => PatentAppraisal)
  appraisal(@Root() p: IpPledge, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PLEDGE.appraisal, p);
  }
}

@Resolver(() => TechInsurancePolicy)
export class TechInsurancePolicyResolver {
  @FieldResolver(() => Insurer, { nullable: true })
  insurer(@Root() p: TechInsurancePolicy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(POLICY.insurer, p);
  }
}

@Resolver(() => Reinsurance)
export class ReinsuranceResolver {
  @FieldResolver(() => Insurer, { nullable: true })
  reinsurer(@Root() r: Reinsurance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REINSURANCE.reinsurer, r);
  }

  @FieldResolver(() => TechInsurancePolicy, { nullable: true })
  underlyingPolicy(@Root() r: Reinsurance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REINSURANCE.underlyingPolicy, r);
  }
}

@Resolver(() => FundInvestment)
export class FundInvestmentResolver {
  @FieldResolver(() => Fund, { nullable: true })
  fund(@Root() f: FundInvestment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FUND.fund, f);
  }
}

@Resolver(() => RiskCompensationCover)
export class RiskCompensationCoverResolver {
  @FieldResolver(() => RiskCompensationPool, { nullable: true })
  pool(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(COVER.pool, c);
  }

  @FieldResolver(() => FinancingInstrument, { nullable: true, description: 'The covered credit or IP-pledge loan.' })
  coveredLoan(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(COVER.coveredLoan, c);
  }

  @FieldResolver(() => [RiskCompensationClaim], { nullable: true })
  claims(@Root() c: RiskCompensationCover, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<RiskCompensationClaim>(COVER.claims, c);
  }
}

@Resolver(() => Bank)
export class BankResolver {
  @FieldResolver(() => [BankBranch], { description: 'Its sub-branches in the zone, tech sub-branches first.' })
  subBranches(@Root() b: Bank, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<BankBranch>(BANK.subBranches, b);
  }
}

@Resolver(() => BankBranch)
export class BankBranchResolver {
  @FieldResolver(() => Bank)
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
