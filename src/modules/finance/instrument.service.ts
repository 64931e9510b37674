import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { compareDecimal, fromScaled, toScaled } from '../../common/decimal';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { DuplicateError, LiveNeeqListingError, type MutationError, NotFoundError, Problems, StaleVersionError, transitionNotAllowed } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { sqlArray } from '../../common/sql';
import {
  dateOrder,
  idOf,
  nonNegativeAmount,
  notInFuture,
  optionalText,
  percent,
  positiveAmount,
  requiredText,
  wholeNumber,
} from '../../common/validate';
import type { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { noteChange } from '../audit/audit.middleware';
import { Patent, PatentAppraisal, PatentLegalStatus } from '../ip/patent.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from './counterparty.entity';
import {
  BondKind,
  BSE_OPENED,
  type CreditRating,
  InstrumentKind,
  InstrumentStatus,
  NEEQ_STAGE_ORDER,
  NEEQ_TIER_ERA,
  NeeqStage,
  NeeqTier,
  type TechInsuranceKind,
} from './enums';
import {
  CollectiveBond,
  CreditLoan,
  type DebtSecurity,
  FinancingInstrument,
  FundInvestment,
  InstrumentHolder,
  IpPledge,
  IpPledgeLoan,
  LoanInstrument,
  MediumTermNote,
  NeeqListing,
  RegionalOtcListing,
  Reinsurance,
  RiskCompensationClaim,
  RiskCompensationCover,
  ShortTermBill,
  SmeCollectiveNote,
  TechInsurancePolicy,
} from './instrument.entity';
import type {
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

/*
 * Recording, changing, correcting and voiding instruments. Each kind's rules are written once, over its values as the
 * inputs name them (`lenderId`, `contractNumber` …): `record*` checks the values given, `correct*` the values recorded
 * with the corrections laid over them, so a correction can make nothing a recording could not.
 */

/** The dates and amount every instrument has, as the inputs name them. */
interface Dated {
  amount: string;
  startsOn: string;
  endsOn?: string | null;
}

/** A sensible amount, and dates in order. */
function checkDated(problems: Problems, v: Dated, allowZeroAmount = false): void {
  if (allowZeroAmount) nonNegativeAmount(problems, 'input.amount', v.amount);
  else positiveAmount(problems, 'input.amount', v.amount);
  dateOrder(problems, 'input.endsOn', v.startsOn, v.endsOn);
}

/** The checks every recording shares: a registered holder the viewer may write for, a sensible amount, dates in order. */
async function checkBase(ctx: RequestContext, problems: Problems, input: Dated & { creditCode: string }, allowZeroAmount = false) {
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  checkDated(problems, input, allowZeroAmount);
  return holder;
}

/** The fields every instrument input carries as given. */
function baseFields(input: Dated & { status: InstrumentStatus }) {
  return { status: input.status, amount: input.amount, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
}

/** Creates the instrument with its sole holder and flushes both in one transaction. */
async function persistSoleHeld<T extends FinancingInstrument>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  holder: Enterprise,
  data: Record<string, unknown>,
  duplicate?: () => DuplicateError,
): Promise<Outcome<T>> {
  const instrument = ctx.em.create(entity, data as never);
  ctx.em.create(InstrumentHolder, { instrument, enterprise: holder, share: '100', isLead: true } as never);
  return flushOutcome(ctx, instrument, duplicate ? { duplicate } : {});
}

/**
 * The counterparty a global id names (a bank, a branch, an insurer, a fund, a pool), or null with NOT_FOUND under
 * `field` when the id is not one of `type`'s or names none: a counterparty is named by id, never by name.
 */
async function counterparty<T extends object>(
  ctx: RequestContext,
  problems: Problems,
  field: string,
  globalId: string,
  entity: EntityClass<T>,
  what: string,
): Promise<T | null> {
  const parsed = fromGlobalId(globalId);
  const found = parsed && parsed.type === entity.name ? await ctx.em.findOne(entity, parsed.id as never) : null;
  if (!found) problems.add(new NotFoundError(field, `No ${what} has the id ${globalId}.`));
  return found;
}

/**
 * The instrument of one of `types` a global id names, not voided (a voided one is no instrument to refer to), or null
 * with NOT_FOUND under `field`.
 */
async function liveInstrument<T extends FinancingInstrument>(
  ctx: RequestContext,
  problems: Problems,
  field: string,
  globalId: string,
  entity: EntityClass<T>,
  types: string[],
  what: string,
): Promise<T | null> {
  const parsed = fromGlobalId(globalId);
  const found = parsed && types.includes(parsed.type) ? await ctx.em.findOne(entity, parsed.id as never) : null;
  if (!found || found.voidedAt !== null || found.typename !== parsed!.type) {
    problems.add(new NotFoundError(field, `No ${what} has the id ${globalId}.`));
    return null;
  }
  return found;
}

/** The global id of a referenced record (null for none), as an input names it. */
const gid = (type: string, ref: { id: string } | null | undefined): string | null => (ref ? toGlobalId(type, ref.id) : null);

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/**
 * NEEQ stock codes. The pilot era (the zone joined on 2012-08-03) listed under 430xxx; the nationwide NEEQ
 * (国发〔2013〕49号, listing companies from anywhere from January 2014) went on to 83xxxx, then 87xxxx and 88xxxx, while
 * 430xxx codes were still given to pilot-park companies into 2014. So a listing before 2014 has a 430xxx code, and
 * one from 2014 on any of them: the boundary is drawn only where the record is sure.
 */
const NEEQ_CODE = /^(430\d{3}|8[378]\d{4})$/;
const PILOT_CODE = /^430\d{3}$/;
const NATIONWIDE_FROM = '2014-01-01';

const LIVE_STATUSES = [InstrumentStatus.PENDING, InstrumentStatus.ACTIVE];

function neeqStatus(stage: NeeqStage): InstrumentStatus {
  if (stage === NeeqStage.LISTED) return InstrumentStatus.ACTIVE;
  if (ENDING.includes(stage)) return InstrumentStatus.TERMINATED;
  return InstrumentStatus.PENDING;
}

const LISTED_OR_AFTER = [NeeqStage.LISTED, NeeqStage.DELISTED, NeeqStage.MOVED_BOARD];
/** The stages that end a listing: after it was listed, or (WITHDRAWN) before. */
const ENDING = [NeeqStage.DELISTED, NeeqStage.MOVED_BOARD, NeeqStage.WITHDRAWN];

/** The stock code as the listing date allows (`listedOn`: null when the record does not say). */
function checkNeeqCode(problems: Problems, field: string, stage: NeeqStage, stockCode: string | null | undefined, listedOn: string | null) {
  if (stockCode && !NEEQ_CODE.test(stockCode)) {
    problems.invalid(field, `${stockCode} is not a NEEQ stock code (430xxx, 83xxxx, 87xxxx or 88xxxx).`);
  } else if (stockCode && listedOn && listedOn < NATIONWIDE_FROM && !PILOT_CODE.test(stockCode)) {
    problems.invalid(field, `${stockCode} is not a code of the pilot era: a company listed on ${listedOn}, before the nationwide NEEQ (2014), has a 430xxx code.`);
  }
  if (LISTED_OR_AFTER.includes(stage) && !stockCode) problems.invalid(field, 'A listed company has a stock code.');
}

/**
 * The tier as the dates allow: only a listed company is in one, and only while the tier existed (NEEQ_TIER_ERA):
 * none for a listing ended before tiers began, and 精选层 only for one that ended while it existed (on 2021-11-15 at
 * the latest, when its companies moved to the Beijing Stock Exchange).
 */
function checkNeeqTier(problems: Problems, field: string, tier: NeeqTier | null | undefined, stage: NeeqStage, endedOn: string | null) {
  if (!tier) return;
  if (!LISTED_OR_AFTER.includes(stage)) {
    problems.invalid(field, 'Only a listed company is in a tier.');
    return;
  }
  const era = NEEQ_TIER_ERA[tier];
  if (endedOn !== null && endedOn < era.from) {
    problems.invalid(field, `The listing ended on ${endedOn}, before NEEQ tiers began (${era.from}): it was in none.`);
  } else if (era.until !== null && endedOn === null) {
    problems.invalid(field, `The ${tier} tier (精选层) ended on ${era.until}, when its companies moved to the Beijing Stock Exchange: no live listing is in it.`);
  } else if (era.until !== null && endedOn !== null && endedOn > era.until) {
    problems.invalid(field, `The ${tier} tier (精选层) ended on ${era.until}; a listing ending on ${endedOn} was not in it then.`);
  }
}

/** The date of the LISTED stage in a history, if it is recorded. */
const listedOnOf = (history: { stage: NeeqStage; on: string }[]) => history.find((h) => h.stage === NeeqStage.LISTED)?.on ?? null;

/**
 * A move of board on or after 2021-11-15 is to the Beijing Stock Exchange (NEEQ companies move to no other exchange
 * directly since): 北京证券交易所股票上市规则（试行） 2.1.2 takes 创新层 companies listed on NEEQ at least 12 months; on
 * 2021-11-15 itself the 精选层 moved over whole.
 */
function checkBseMove(problems: Problems, field: string, tier: NeeqTier | null, listedOn: string | null, on: string) {
  if (on < BSE_OPENED) return;
  if (tier === NeeqTier.SELECT && on === BSE_OPENED) return;
  if (tier !== NeeqTier.INNOVATION) {
    problems.add(
      transitionNotAllowed(field, `A move to the Beijing Stock Exchange (from ${BSE_OPENED}) is open to 创新层 (INNOVATION) companies; this one is in ${tier ?? 'no tier'}.`),
    );
  }
  if (listedOn === null) {
    problems.invalid(field, 'A move to the Beijing Stock Exchange needs 12 months listed on NEEQ: the listing date is not recorded.');
  } else if (listedOn > addMonths(on, -12)) {
    problems.add(
      transitionNotAllowed(field, `Listed on ${listedOn}, less than 12 months before ${on}: a move to the Beijing Stock Exchange needs 12 months listed on NEEQ.`),
    );
  }
}

/** The company's live NEEQ listing (under way or listed), if any: it holds at most one. */
async function liveNeeqListing(ctx: RequestContext, holder: Enterprise, except?: string): Promise<NeeqListing | null> {
  return ctx.em.findOne(NeeqListing, {
    listedCompany: holder,
    status: { $in: LIVE_STATUSES },
    voidedAt: null,
    ...(except ? { id: { $ne: except } } : {}),
  } as never);
}

const liveListingError = (field: string, company: string, live: NeeqListing | null) =>
  new LiveNeeqListingError(
    field,
    live ? toGlobalId('NeeqListing', live.id) : null,
    live
      ? `${company} holds a live NEEQ listing already (${live.stockCode ?? 'no code yet'}, at ${live.stage}): a company holds at most one; end it first.`
      : `${company} holds a live NEEQ listing already, recorded at the same moment: a company holds at most one.`,
  );


// ── NEEQ listings ───────────────────────────────────────────────────────────────────────────────────────────────

/** The date of the stage that ended a listing (DELISTED, MOVED_BOARD, WITHDRAWN), or null for a live one. */
const endedOnOf = (stage: NeeqStage, history: { stage: NeeqStage; on: string }[]) =>
  ENDING.includes(stage) ? (history[history.length - 1]?.on ?? null) : null;

export async function recordNeeqListing(ctx: RequestContext, input: RecordNeeqListingInput): Promise<Outcome<NeeqListing>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input, true);
  const broker = requiredText(problems, 'input.sponsorBroker', input.sponsorBroker);
  const ends = ENDING.includes(input.stage);
  const listedOn = input.stage === NeeqStage.LISTED ? input.stageReachedOn : null;
  checkNeeqCode(problems, 'input.stockCode', input.stage, input.stockCode, listedOn);
  checkNeeqTier(problems, 'input.tier', input.tier, input.stage, ends ? input.stageReachedOn : null);
  if (input.stage === NeeqStage.MOVED_BOARD) checkBseMove(problems, 'input.stage', input.tier ?? null, null, input.stageReachedOn);
  dateOrder(problems, 'input.stageReachedOn', input.startsOn, input.stageReachedOn);
  notInFuture(problems, 'input.stageReachedOn', input.stageReachedOn, zoneToday());
  const status = neeqStatus(input.stage);
  if (holder && LIVE_STATUSES.includes(status)) {
    const live = await liveNeeqListing(ctx, holder);
    if (live) problems.add(liveListingError('input.creditCode', holder.name, live));
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(
    ctx,
    NeeqListing,
    holder,
    {
      kind: InstrumentKind.NEEQ_LISTING,
      status,
      amount: input.amount,
      startsOn: input.startsOn,
      endsOn: ends ? (input.endsOn ?? input.stageReachedOn) : (input.endsOn ?? null),
      stockCode: input.stockCode ?? null,
      sponsorBroker: broker,
      tier: input.tier ?? null,
      stage: input.stage,
      stageHistory: [{ stage: input.stage, on: input.stageReachedOn }],
      isFirstBatch: input.isFirstBatch,
      listedCompany: holder,
    },
    // neeq_listing_one_live: another live listing of the company committed meanwhile.
    () => liveListingError('input.creditCode', holder.name, null),
  );
}

/** Moves a NEEQ listing to its next stage (in order), ends a listed one (delisted, moved board), or withdraws one not yet listed. */
export async function advanceNeeqStage(ctx: RequestContext, input: AdvanceNeeqStageInput): Promise<Outcome<NeeqListing>> {
  const problems = new Problems();
  const { stage, reachedOn: on, stockCode, version } = input;
  const listing = await changeable(ctx, problems, input, NeeqListing, 'NEEQ listing');
  if (!listing) return refused(problems.list);
  const from = NEEQ_STAGE_ORDER.indexOf(listing.stage);
  const ends = ENDING.includes(stage);
  const listedAt = NEEQ_STAGE_ORDER.indexOf(NeeqStage.LISTED);
  const allowed =
    stage === NeeqStage.WITHDRAWN ? from >= 0 && from < listedAt
    : ends ? listing.stage === NeeqStage.LISTED
    : from >= 0 && NEEQ_STAGE_ORDER.indexOf(stage) > from;
  if (!allowed) {
    problems.add(
      transitionNotAllowed(
        'input.stage',
        `A listing at ${listing.stage} cannot move to ${stage}.`,
      ),
    );
  }
  const last = listing.stageHistory[listing.stageHistory.length - 1];
  if (last && on < last.on) problems.invalid('input.reachedOn', `${on} is before the previous stage (${last.on}).`);
  notInFuture(problems, 'input.reachedOn', on, zoneToday());
  const code = stockCode ?? listing.stockCode;
  const listedOn = stage === NeeqStage.LISTED ? on : listedOnOf(listing.stageHistory);
  checkNeeqCode(problems, 'input.stockCode', stage, code, listedOn);
  if (allowed && stage === NeeqStage.MOVED_BOARD) checkBseMove(problems, 'input.stage', listing.tier, listedOn, on);
  if (problems.any) return refused(problems.list);
  listing.stage = stage;
  listing.stockCode = code ?? null;
  listing.status = neeqStatus(stage);
  listing.stageHistory = [...listing.stageHistory, { stage, on }];
  if (ends) listing.endsOn = on;
  return flushOutcome(ctx, listing, { stale: staleAfterFlush(ctx, listing, version) });
}

/** A listing's own values, as the inputs name them. */
interface NeeqValues extends Dated {
  stockCode: string | null;
  sponsorBroker: string;
  tier: NeeqTier | null;
  isFirstBatch: boolean;
}

export async function correctNeeqListing(ctx: RequestContext, input: CorrectNeeqListingInput): Promise<Outcome<NeeqListing>> {
  return correct(ctx, input, NeeqListing, 'NEEQ listing', {
    values: (l): NeeqValues => ({ ...datedValues(l), stockCode: l.stockCode, sponsorBroker: l.sponsorBroker, tier: l.tier, isFirstBatch: l.isFirstBatch }),
    required: ['sponsorBroker', 'isFirstBatch'],
    async check(_ctx, problems, v, l) {
      checkDated(problems, v, true);
      const first = l.stageHistory[0];
      if (first) dateOrder(problems, 'input.startsOn', v.startsOn, first.on);
      const sponsorBroker = requiredText(problems, 'input.sponsorBroker', v.sponsorBroker);
      const stockCode = v.stockCode?.trim() || null;
      checkNeeqCode(problems, 'input.stockCode', l.stage, stockCode, listedOnOf(l.stageHistory));
      checkNeeqTier(problems, 'input.tier', v.tier, l.stage, endedOnOf(l.stage, l.stageHistory));
      return { stockCode, sponsorBroker, tier: v.tier, isFirstBatch: v.isFirstBatch };
    },
  });
}

// ── Regional equity market listings ─────────────────────────────────────────────────────────────────────────────

interface OtcValues extends Dated {
  center: string;
  board: string;
  custodyCode: string;
}

function checkOtc(problems: Problems, v: OtcValues) {
  checkDated(problems, v, true);
  return {
    center: requiredText(problems, 'input.center', v.center),
    board: requiredText(problems, 'input.board', v.board),
    custodyCode: requiredText(problems, 'input.custodyCode', v.custodyCode, 40),
  };
}

export async function recordRegionalOtcListing(ctx: RequestContext, input: RecordRegionalOtcListingInput): Promise<Outcome<RegionalOtcListing>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const fields = checkOtc(problems, input);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, RegionalOtcListing, holder, { kind: InstrumentKind.REGIONAL_OTC_LISTING, ...baseFields(input), ...fields });
}

export async function correctRegionalOtcListing(ctx: RequestContext, input: CorrectRegionalOtcListingInput): Promise<Outcome<RegionalOtcListing>> {
  return correct(ctx, input, RegionalOtcListing, 'regional equity market listing', {
    values: (l): OtcValues => ({ ...datedValues(l), center: l.center, board: l.board, custodyCode: l.custodyCode }),
    required: ['center', 'board', 'custodyCode'],
    check: async (_ctx, problems, v) => checkOtc(problems, v),
  });
}

// ── Loans ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** What every loan has, as the inputs name it. */
interface LoanValues extends Dated {
  lenderId: string;
  branchId?: string | null;
  contractNumber: string;
  interestRate: string;
  termMonths: number;
  ratingUsed?: CreditRating | null;
}

/**
 * Checks and resolves what every loan has: the lender (and its branch), contract, rate and term; the contract number
 * is the lender's once among the loans in force (`except`: the loan corrected).
 */
async function checkLoan(ctx: RequestContext, problems: Problems, v: LoanValues, except: string | null) {
  checkDated(problems, v);
  const lender = await counterparty(ctx, problems, 'input.lenderId', v.lenderId, Bank, 'bank');
  if (lender?.isPlanned) problems.invalid('input.lenderId', `${lender.name} is planned and not yet lending.`);
  const branch = v.branchId ? await counterparty(ctx, problems, 'input.branchId', v.branchId, BankBranch, 'bank sub-branch') : null;
  if (branch && lender && branch.bank.id !== lender.id) problems.invalid('input.branchId', `${branch.name} is not a branch of ${lender.name}.`);
  const contractNumber = requiredText(problems, 'input.contractNumber', v.contractNumber, 60);
  percent(problems, 'input.interestRate', v.interestRate);
  wholeNumber(problems, 'input.termMonths', v.termMonths, 1, 360);
  if (lender && contractNumber) {
    const same = { lender, contractNumber, voidedAt: null, ...(except ? { id: { $ne: except } } : {}) };
    if (await ctx.em.count(LoanInstrument, same as never)) {
      problems.add(new DuplicateError('input.contractNumber', `${lender.name} has a loan with contract ${contractNumber} already.`));
    }
  }
  return {
    amount: v.amount,
    startsOn: v.startsOn,
    endsOn: v.endsOn ?? null,
    lender,
    lenderBranch: branch,
    contractNumber,
    interestRate: v.interestRate,
    termMonths: v.termMonths,
    ratingUsed: v.ratingUsed ?? null,
  };
}

/** A loan's end as recorded: given, or its start plus its term. */
const loanEnd = (v: { startsOn: string; endsOn?: string | null; termMonths: number }) =>
  v.endsOn ?? (Number.isInteger(v.termMonths) ? addMonths(v.startsOn, v.termMonths) : null);

export async function recordCreditLoan(ctx: RequestContext, input: RecordCreditLoanInput): Promise<Outcome<CreditLoan>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const fields = await checkLoan(ctx, problems, { ...input, endsOn: loanEnd(input) }, null);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, CreditLoan, holder, { kind: InstrumentKind.CREDIT_LOAN, status: input.status, ...fields });
}

/** A loan's recorded values, as the inputs name them. */
const loanValues = (l: LoanInstrument): LoanValues => ({
  ...datedValues(l),
  lenderId: gid('Bank', l.lender)!,
  branchId: gid('BankBranch', l.lenderBranch),
  contractNumber: l.contractNumber,
  interestRate: l.interestRate,
  termMonths: l.termMonths,
  ratingUsed: l.ratingUsed,
});

const LOAN_REQUIRED = ['lenderId', 'contractNumber', 'interestRate', 'termMonths'] as const;

/** A corrected start or term moves an end that was not corrected with them, as recording computes it. */
function loanEndAfter(given: CorrectCreditLoanInput, v: LoanValues): LoanValues {
  const moved = (given.startsOn != null || given.termMonths != null) && given.endsOn === undefined;
  return moved ? { ...v, endsOn: loanEnd({ ...v, endsOn: null }) } : v;
}

export async function correctCreditLoan(ctx: RequestContext, input: CorrectCreditLoanInput): Promise<Outcome<CreditLoan>> {
  return correct(ctx, input, CreditLoan, 'credit loan', {
    values: loanValues,
    required: LOAN_REQUIRED,
    derive: (v) => loanEndAfter(input, v),
    check: (ctx, problems, v, l) => checkLoan(ctx, problems, v, l.id),
  });
}

/** An IP-pledge loan's own terms beyond a loan's, as the inputs name them. */
interface IpTerms {
  pledgeRegistrationNumber?: string | null;
  guarantor?: string | null;
  guaranteeShare?: string | null;
  riskCompensationShare?: string | null;
}

function checkIpTerms(problems: Problems, v: IpTerms) {
  percent(problems, 'input.guaranteeShare', v.guaranteeShare, true);
  percent(problems, 'input.riskCompensationShare', v.riskCompensationShare, true);
  if (v.guaranteeShare && v.riskCompensationShare && compareDecimal(fromScaled(toScaled(v.guaranteeShare) + toScaled(v.riskCompensationShare)), '100') > 0) {
    problems.invalid('input.riskCompensationShare', 'The guarantee and risk compensation shares add up to more than 100%.');
  }
  return {
    guarantor: optionalText(problems, 'input.guarantor', v.guarantor),
    pledgeRegistrationNumber: optionalText(problems, 'input.pledgeRegistrationNumber', v.pledgeRegistrationNumber, 60),
    guaranteeShare: v.guaranteeShare ?? null,
    riskCompensationShare: v.riskCompensationShare ?? null,
  };
}

/** Records an IP-pledge loan: each pledged patent must be the borrower's, in force, appraised, and not pledged already. */
export async function recordIpPledgeLoan(ctx: RequestContext, input: RecordIpPledgeLoanInput): Promise<Outcome<IpPledgeLoan>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const fields = await checkLoan(ctx, problems, { ...input, endsOn: loanEnd(input) }, null);
  const terms = checkIpTerms(problems, input);
  if (input.pledges.length === 0) problems.invalid('input.pledges', 'An IP-pledge loan pledges at least one patent.');
  const numbers = input.pledges.map((p) => p.patentNumber.trim().toUpperCase());
  if (new Set(numbers).size !== numbers.length) problems.invalid('input.pledges', 'A patent is pledged twice.');
  const patents = new Map((await ctx.em.find(Patent, { number: { $in: numbers } })).map((p) => [p.number, p]));
  const appraisals = await ctx.em.find(
    PatentAppraisal,
    // A voided appraisal (recorded in error) is no appraisal: neither the latest nor one to name.
    { patent: { $in: [...patents.values()] }, voidedAt: null },
    { orderBy: { appraisedOn: 'desc', id: 'asc' } },
  );
  // A patent's pledges, to refuse one that would overlap another's registration: pledged is registered and not
  // cancelled, whatever the status of the loan (a defaulted loan's bank still holds its pledge); a pledge voided with
  // its loan never was.
  const earlier: { patent_id: string; registered_on: string; cancelled_on: string | null; contract_no: string | null }[] = patents.size
    ? await ctx.em.execute(
        `select p.patent_id, p.registered_on::text, p.cancelled_on::text, i.contract_no from ip_pledge p join financing_instrument i on i.id = p.loan_id
         where p.patent_id = any(?::uuid[]) and p.voided_at is null order by p.registered_on`,
        [sqlArray([...patents.values()].map((p) => p.id))],
      )
    : [];
  const today = zoneToday();
  const chosen: { patent: Patent; appraisal: PatentAppraisal; registeredOn: string; cancelledOn: string | null }[] = [];
  input.pledges.forEach((pledge, i) => {
    const field = `input.pledges.${i}`;
    const registeredOn = pledge.registeredOn ?? input.startsOn;
    const cancelledOn = pledge.cancelledOn ?? null;
    notInFuture(problems, `${field}.registeredOn`, registeredOn, today);
    if (cancelledOn !== null) {
      notInFuture(problems, `${field}.cancelledOn`, cancelledOn, today);
      if (cancelledOn <= registeredOn) problems.invalid(`${field}.cancelledOn`, `A registration is cancelled after the day it was made (${registeredOn}).`);
    }
    const patent = patents.get(numbers[i]!);
    if (!patent) {
      problems.add(new NotFoundError(`${field}.patentNumber`, `Patent ${numbers[i]} is not registered.`));
      return;
    }
    if (holder && patent.owner.id !== holder.id) problems.invalid(`${field}.patentNumber`, `${patent.number} belongs to another enterprise.`);
    if (patent.legalStatus !== PatentLegalStatus.VALID) {
      problems.invalid(`${field}.patentNumber`, `${patent.number} is ${patent.legalStatus}: only a patent in force can be pledged.`);
    }
    // Two registrations of one patent may not overlap: [registered, cancelled) intervals, open when not cancelled.
    const clash = earlier.find(
      (e) => e.patent_id === patent.id && (e.cancelled_on === null || e.cancelled_on > registeredOn) && (cancelledOn === null || e.registered_on < cancelledOn),
    );
    if (clash) {
      problems.invalid(
        `${field}.patentNumber`,
        `${patent.number} is pledged under loan ${clash.contract_no ?? 'another'} (registered ${clash.registered_on}${clash.cancelled_on ? `, cancelled ${clash.cancelled_on}` : ', not cancelled'}).`,
      );
    }
    const ofPatent = appraisals.filter((a) => a.patent.id === patent.id);
    const appraisalId = pledge.appraisalId ? idOf(problems, `${field}.appraisalId`, pledge.appraisalId, 'PatentAppraisal') : undefined;
    const appraisal = appraisalId ? ofPatent.find((a) => a.id === appraisalId) : ofPatent[0];
    if (!appraisal) {
      problems.invalid(`${field}.appraisalId`, `${patent.number} has ${appraisalId ? 'no such appraisal' : 'no appraisal'}: a pledge needs one.`);
      return;
    }
    chosen.push({ patent, appraisal, registeredOn, cancelledOn });
  });
  if (!holder || problems.any) return refused(problems.list);
  const loan = ctx.em.create(IpPledgeLoan, { kind: InstrumentKind.IP_PLEDGE_LOAN, status: input.status, ...fields, ...terms } as never);
  ctx.em.create(InstrumentHolder, { instrument: loan, enterprise: holder, share: '100', isLead: true } as never);
  for (const { patent, appraisal, registeredOn, cancelledOn } of chosen) ctx.em.create(IpPledge, { loan, patent, appraisal, registeredOn, cancelledOn } as never);
  // The exclusion constraint ip_pledge_registrations_apart refuses an overlap another request wrote meanwhile.
  return flushOutcome(ctx, loan, {
    duplicate: () => new DuplicateError('input.pledges', 'A patent of this loan was pledged under another loan meanwhile, or the contract number was recorded meanwhile.'),
  });
}

export async function correctIpPledgeLoan(ctx: RequestContext, input: CorrectIpPledgeLoanInput): Promise<Outcome<IpPledgeLoan>> {
  return correct(ctx, input, IpPledgeLoan, 'IP-pledge loan', {
    values: (l): LoanValues & IpTerms => ({
      ...loanValues(l),
      pledgeRegistrationNumber: l.pledgeRegistrationNumber,
      guarantor: l.guarantor,
      guaranteeShare: l.guaranteeShare,
      riskCompensationShare: l.riskCompensationShare,
    }),
    required: LOAN_REQUIRED,
    derive: (v) => ({ ...v, ...loanEndAfter(input, v) }),
    check: async (ctx, problems, v, l) => ({ ...(await checkLoan(ctx, problems, v, l.id)), ...checkIpTerms(problems, v) }),
  });
}

/**
 * Records the cancellation of a pledge's registration (注销登记): the patent is free from that day. The loan's status
 * does not end a pledge; this does, once.
 */
export async function cancelPledge(ctx: RequestContext, input: CancelPledgeInput): Promise<Outcome<IpPledge>> {
  const problems = new Problems();
  const loanId = idOf(problems, 'input.loanId', input.loanId, 'IpPledgeLoan');
  const number = input.patentNumber.trim().toUpperCase();
  const pledge = loanId ? await ctx.em.findOne(IpPledge, { loan: loanId, patent: { number }, voidedAt: null }) : null;
  if (loanId && !pledge) problems.add(new NotFoundError('input.patentNumber', `Patent ${number} is not pledged under this loan.`));
  if (!pledge) return refused(problems.list);
  if (pledge.cancelledOn !== null) {
    return refused([transitionNotAllowed('input.patentNumber', `The registration of this pledge was cancelled on ${pledge.cancelledOn} already.`)]);
  }
  notInFuture(problems, 'input.cancelledOn', input.cancelledOn, zoneToday());
  if (input.cancelledOn <= pledge.registeredOn) problems.invalid('input.cancelledOn', `A registration is cancelled after the day it was made (${pledge.registeredOn}).`);
  if (problems.any) return refused(problems.list);
  pledge.cancelledOn = input.cancelledOn;
  return flushOutcome(ctx, pledge);
}

// ── Insurance ───────────────────────────────────────────────────────────────────────────────────────────────────

interface PolicyValues extends Dated {
  insurerId: string;
  policyNumber: string;
  insuranceKind: TechInsuranceKind;
  premium: string;
  subsidyClaimed?: string | null;
  subsidyApproved?: string | null;
}

/** A policy's insurer, number (the insurer's once among policies in force), premium and subsidy. */
async function checkPolicy(ctx: RequestContext, problems: Problems, v: PolicyValues, except: string | null) {
  checkDated(problems, v);
  const insurer = await counterparty(ctx, problems, 'input.insurerId', v.insurerId, Insurer, 'insurer');
  const policyNumber = requiredText(problems, 'input.policyNumber', v.policyNumber, 60);
  positiveAmount(problems, 'input.premium', v.premium);
  nonNegativeAmount(problems, 'input.subsidyClaimed', v.subsidyClaimed);
  nonNegativeAmount(problems, 'input.subsidyApproved', v.subsidyApproved);
  if (v.subsidyClaimed && compareDecimal(v.subsidyClaimed, v.premium) > 0) {
    problems.invalid('input.subsidyClaimed', 'The subsidy claimed cannot exceed the premium.');
  }
  if (v.subsidyApproved && compareDecimal(v.subsidyApproved, v.subsidyClaimed ?? '0') > 0) {
    problems.invalid('input.subsidyApproved', 'The subsidy approved cannot exceed the subsidy claimed.');
  }
  if (compareDecimal(v.premium, v.amount) > 0) problems.invalid('input.premium', 'The premium cannot exceed the sum insured.');
  if (insurer && policyNumber) {
    const same = { insurer, policyNumber, voidedAt: null, ...(except ? { id: { $ne: except } } : {}) };
    if (await ctx.em.count(TechInsurancePolicy, same as never)) {
      problems.add(new DuplicateError('input.policyNumber', `${insurer.name} has a policy ${policyNumber} already.`));
    }
  }
  return {
    amount: v.amount,
    startsOn: v.startsOn,
    endsOn: v.endsOn ?? null,
    insurer,
    policyNumber,
    insuranceKind: v.insuranceKind,
    premium: v.premium,
    subsidyClaimed: v.subsidyClaimed ?? null,
    subsidyApproved: v.subsidyApproved ?? null,
  };
}

export async function recordTechInsurance(ctx: RequestContext, input: RecordTechInsuranceInput): Promise<Outcome<TechInsurancePolicy>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const fields = await checkPolicy(ctx, problems, input, null);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, TechInsurancePolicy, holder, { kind: InstrumentKind.TECH_INSURANCE, status: input.status, ...fields });
}

export async function correctTechInsurance(ctx: RequestContext, input: CorrectTechInsuranceInput): Promise<Outcome<TechInsurancePolicy>> {
  return correct(ctx, input, TechInsurancePolicy, 'tech insurance policy', {
    values: (p): PolicyValues => ({
      ...datedValues(p),
      insurerId: gid('Insurer', p.insurer)!,
      policyNumber: p.policyNumber,
      insuranceKind: p.insuranceKind,
      premium: p.premium,
      subsidyClaimed: p.subsidyClaimed,
      subsidyApproved: p.subsidyApproved,
    }),
    required: ['insurerId', 'policyNumber', 'insuranceKind', 'premium'],
    check: (ctx, problems, v, p) => checkPolicy(ctx, problems, v, p.id),
  });
}

interface ReinsuranceValues extends Dated {
  reinsurerId: string;
  treatyNumber: string;
  cededShare: string;
}

/** A reinsurance's reinsurer, treaty and share; no more ceded than the policy insures. */
async function checkReinsurance(ctx: RequestContext, problems: Problems, v: ReinsuranceValues, policy: TechInsurancePolicy | null) {
  checkDated(problems, v);
  const reinsurer = await counterparty(ctx, problems, 'input.reinsurerId', v.reinsurerId, Insurer, 'insurer');
  if (reinsurer && !reinsurer.isReinsurer) problems.invalid('input.reinsurerId', `${reinsurer.name} is not a reinsurer.`);
  const treatyNumber = requiredText(problems, 'input.treatyNumber', v.treatyNumber, 60);
  percent(problems, 'input.cededShare', v.cededShare);
  if (policy && compareDecimal(v.amount, policy.amount) > 0) problems.invalid('input.amount', 'More is ceded than the policy insures.');
  return { amount: v.amount, startsOn: v.startsOn, endsOn: v.endsOn ?? null, reinsurer, treatyNumber, cededShare: v.cededShare };
}

export async function recordReinsurance(ctx: RequestContext, input: RecordReinsuranceInput): Promise<Outcome<Reinsurance>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const policy = await liveInstrument(ctx, problems, 'input.underlyingPolicyId', input.underlyingPolicyId, TechInsurancePolicy, ['TechInsurancePolicy'], 'tech insurance policy');
  const fields = await checkReinsurance(ctx, problems, input, policy);
  if (policy && holder) {
    const holders = await ctx.em.find(InstrumentHolder, { instrument: policy });
    if (!holders.some((h) => h.enterprise.id === holder.id)) {
      problems.invalid('input.underlyingPolicyId', `Policy ${policy.policyNumber} does not insure ${holder.name}.`);
    }
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, Reinsurance, holder, { kind: InstrumentKind.REINSURANCE, status: input.status, ...fields, underlyingPolicy: policy });
}

export async function correctReinsurance(ctx: RequestContext, input: CorrectReinsuranceInput): Promise<Outcome<Reinsurance>> {
  return correct(ctx, input, Reinsurance, 'reinsurance', {
    values: (r): ReinsuranceValues => ({ ...datedValues(r), reinsurerId: gid('Insurer', r.reinsurer)!, treatyNumber: r.treatyNumber, cededShare: r.cededShare }),
    required: ['reinsurerId', 'treatyNumber', 'cededShare'],
    check: async (ctx, problems, v, r) => checkReinsurance(ctx, problems, v, await ctx.em.findOne(TechInsurancePolicy, r.underlyingPolicy.id)),
  });
}

// ── Bonds and notes ─────────────────────────────────────────────────────────────────────────────────────────────

const BOND_CLASSES: Record<BondKind, EntityClass<DebtSecurity>> = {
  [BondKind.COLLECTIVE_BOND]: CollectiveBond,
  [BondKind.SME_COLLECTIVE_NOTE]: SmeCollectiveNote,
  [BondKind.SHORT_TERM_BILL]: ShortTermBill,
  [BondKind.MEDIUM_TERM_NOTE]: MediumTermNote,
};
const BOND_TYPES = Object.values(BOND_CLASSES).map((c) => c.name);

interface BondValues {
  amount: string;
  startsOn: string;
  code: string;
  underwriter: string;
  couponRate: string;
  tenorMonths: number;
  rating?: CreditRating | null;
  guarantor?: string | null;
}

/** A bond's own terms: its code (once among issues in force), underwriter, coupon, and a tenor its kind allows. */
function checkBond(problems: Problems, kind: BondKind, v: BondValues) {
  positiveAmount(problems, 'input.amount', v.amount);
  const code = requiredText(problems, 'input.code', v.code, 40);
  const underwriter = requiredText(problems, 'input.underwriter', v.underwriter);
  percent(problems, 'input.couponRate', v.couponRate);
  wholeNumber(problems, 'input.tenorMonths', v.tenorMonths, 1, 360);
  if (kind === BondKind.SHORT_TERM_BILL && v.tenorMonths > 12) {
    problems.invalid('input.tenorMonths', 'Short-term financing bills run at most 12 months.');
  }
  if (kind === BondKind.MEDIUM_TERM_NOTE && v.tenorMonths <= 12) {
    problems.invalid('input.tenorMonths', 'Medium-term notes run more than a year (3–5 years is typical).');
  }
  return {
    amount: v.amount,
    startsOn: v.startsOn,
    endsOn: Number.isInteger(v.tenorMonths) ? addMonths(v.startsOn, v.tenorMonths) : null,
    code,
    underwriter,
    couponRate: v.couponRate,
    tenorMonths: v.tenorMonths,
    rating: v.rating ?? null,
    guarantor: v.guarantor?.trim() || null,
  };
}

/** Is a bond or note code taken by another issue in force? (Checked after the issuers, as the errors are listed.) */
async function bondCodeTaken(ctx: RequestContext, problems: Problems, code: string | undefined, except: string | null) {
  if (!code) return;
  const same = { code, voidedAt: null, ...(except ? { id: { $ne: except } } : {}) };
  if (await ctx.em.count(FinancingInstrument, same as never)) {
    problems.add(new DuplicateError('input.code', `An issue with code ${code} is recorded already.`));
  }
}

/** Records a bond or note with its issuers; collective issues have several, each liable for its own share. */
export async function recordBondIssue(ctx: RequestContext, input: RecordBondIssueInput): Promise<Outcome<DebtSecurity>> {
  const problems = new Problems();
  const fields = checkBond(problems, input.kind, input);
  const collective = input.kind === BondKind.COLLECTIVE_BOND || input.kind === BondKind.SME_COLLECTIVE_NOTE;
  if (collective && input.issuers.length < 2) problems.invalid('input.issuers', 'A collective issue has at least two issuers.');
  if (input.issuers.length === 0) problems.invalid('input.issuers', 'An issue has an issuer.');
  const codes = input.issuers.map((i) => i.creditCode);
  if (new Set(codes).size !== codes.length) problems.invalid('input.issuers', 'An issuer is named twice.');
  input.issuers.forEach((i, n) => percent(problems, `input.issuers.${n}.share`, i.share));
  const total = input.issuers.reduce((sum, i) => sum + toScaled(i.share), 0n);
  if (input.issuers.length && total !== toScaled('100')) {
    problems.invalid('input.issuers', `The issuers' shares add up to ${fromScaled(total, 4, 4)}%, not 100%.`);
  }
  const issuers: Enterprise[] = [];
  for (const [n, i] of input.issuers.entries()) {
    const e = await enterpriseByCode(ctx, problems, `input.issuers.${n}.creditCode`, i.creditCode);
    if (e) issuers.push(e);
  }
  await bondCodeTaken(ctx, problems, fields.code, null);
  if (problems.any) return refused(problems.list);
  const bond = ctx.em.create(BOND_CLASSES[input.kind], { kind: input.kind as string as InstrumentKind, status: input.status, ...fields } as never);
  issuers.forEach((enterprise, n) =>
    ctx.em.create(InstrumentHolder, { instrument: bond, enterprise, share: input.issuers[n]!.share, isLead: n === 0 } as never),
  );
  return flushOutcome(ctx, bond);
}

export async function correctBondIssue(ctx: RequestContext, input: CorrectBondIssueInput): Promise<Outcome<DebtSecurity>> {
  return correct(ctx, input, FinancingInstrument as unknown as EntityClass<DebtSecurity>, 'bond or note issue', {
    types: BOND_TYPES,
    values: (b) => ({
      amount: b.amount,
      startsOn: b.startsOn,
      // The end follows the start and the tenor; listed so a change of either shows it moving.
      endsOn: b.endsOn,
      defaultedOn: b.defaultedOn,
      code: b.code,
      underwriter: b.underwriter,
      couponRate: b.couponRate,
      tenorMonths: b.tenorMonths,
      rating: b.rating,
      guarantor: b.guarantor,
    }),
    required: ['code', 'underwriter', 'couponRate', 'tenorMonths'],
    derive: (v) => ({ ...v, endsOn: Number.isInteger(v.tenorMonths) ? addMonths(v.startsOn, v.tenorMonths) : v.endsOn }),
    async check(ctx, problems, v, b) {
      const fields = checkBond(problems, b.kind as string as BondKind, v);
      await bondCodeTaken(ctx, problems, fields.code, b.id);
      return fields;
    },
  });
}

// ── Funds and risk compensation ─────────────────────────────────────────────────────────────────────────────────

interface FundValues extends Dated {
  fundId: string;
  stake: string;
}

async function checkFundInvestment(ctx: RequestContext, problems: Problems, v: FundValues) {
  checkDated(problems, v);
  const fund = await counterparty(ctx, problems, 'input.fundId', v.fundId, Fund, 'fund');
  percent(problems, 'input.stake', v.stake);
  return { amount: v.amount, startsOn: v.startsOn, endsOn: v.endsOn ?? null, fund, stake: v.stake };
}

export async function recordFundInvestment(ctx: RequestContext, input: RecordFundInvestmentInput): Promise<Outcome<FundInvestment>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const fields = await checkFundInvestment(ctx, problems, input);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, FundInvestment, holder, { kind: InstrumentKind.FUND_INVESTMENT, status: input.status, ...fields });
}

export async function correctFundInvestment(ctx: RequestContext, input: CorrectFundInvestmentInput): Promise<Outcome<FundInvestment>> {
  return correct(ctx, input, FundInvestment, 'fund investment', {
    values: (f): FundValues => ({ ...datedValues(f), fundId: gid('Fund', f.fund)!, stake: f.stake }),
    required: ['fundId', 'stake'],
    check: (ctx, problems, v) => checkFundInvestment(ctx, problems, v),
  });
}

interface CoverValues extends Dated {
  poolId: string;
  coverageRatio: string;
}

/** A cover's pool and ratio; no more than the pool pays for one loan, nor than the loan. */
async function checkCover(ctx: RequestContext, problems: Problems, v: CoverValues, loan: LoanInstrument | null) {
  checkDated(problems, v);
  const pool = await counterparty(ctx, problems, 'input.poolId', v.poolId, RiskCompensationPool, 'risk compensation pool');
  percent(problems, 'input.coverageRatio', v.coverageRatio);
  if (pool && compareDecimal(v.amount, pool.capPerLoan) > 0) {
    problems.invalid('input.amount', `${pool.name} pays at most ${pool.capPerLoan} per loan.`);
  }
  if (loan && compareDecimal(v.amount, loan.amount) > 0) problems.invalid('input.amount', 'The cover exceeds the loan.');
  return { amount: v.amount, startsOn: v.startsOn, pool, coverageRatio: v.coverageRatio };
}

export async function recordRiskCompensationCover(
  ctx: RequestContext,
  input: RecordRiskCompensationCoverInput,
): Promise<Outcome<RiskCompensationCover>> {
  const problems = new Problems();
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const loan = await liveInstrument(ctx, problems, 'input.coveredLoanId', input.coveredLoanId, LoanInstrument, ['CreditLoan', 'IpPledgeLoan'], 'loan');
  const fields = await checkCover(ctx, problems, input, loan);
  if (loan && holder) {
    const held = await ctx.em.count(InstrumentHolder, { instrument: loan, enterprise: holder });
    if (!held) problems.invalid('input.coveredLoanId', `The loan is not ${holder.name}'s.`);
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, RiskCompensationCover, holder, {
    kind: InstrumentKind.RISK_COMPENSATION,
    status: input.status,
    ...fields,
    endsOn: input.endsOn ?? loan!.endsOn,
    coveredLoan: loan,
  });
}

/** The claims on a cover that count against it (all but the rejected ones), summed. */
async function claimedOn(ctx: RequestContext, cover: RiskCompensationCover): Promise<bigint> {
  const claims = await ctx.em.find(RiskCompensationClaim, { cover, status: { $ne: 'REJECTED' } as never });
  return claims.reduce((s, c) => s + toScaled(c.amount), 0n);
}

export async function correctRiskCompensationCover(
  ctx: RequestContext,
  input: CorrectRiskCompensationCoverInput,
): Promise<Outcome<RiskCompensationCover>> {
  return correct(ctx, input, RiskCompensationCover, 'risk compensation cover', {
    values: (c): CoverValues => ({ ...datedValues(c), poolId: gid('RiskCompensationPool', c.pool)!, coverageRatio: c.coverageRatio }),
    required: ['poolId', 'coverageRatio'],
    async check(ctx, problems, v, c) {
      const fields = await checkCover(ctx, problems, v, await ctx.em.findOne(LoanInstrument, c.coveredLoan.id));
      const claimed = await claimedOn(ctx, c);
      if (claimed > toScaled(v.amount)) problems.invalid('input.amount', `Claims on the cover reach ${fromScaled(claimed)}, above ${v.amount}.`);
      return { ...fields, endsOn: v.endsOn ?? null };
    },
  });
}

export async function recordRiskCompensationClaim(
  ctx: RequestContext,
  input: RecordRiskCompensationClaimInput,
): Promise<Outcome<RiskCompensationClaim>> {
  const problems = new Problems();
  const cover = await liveInstrument(ctx, problems, 'input.coverId', input.coverId, RiskCompensationCover, ['RiskCompensationCover'], 'risk compensation cover');
  positiveAmount(problems, 'input.amount', input.amount);
  nonNegativeAmount(problems, 'input.paidAmount', input.paidAmount);
  notInFuture(problems, 'input.claimedOn', input.claimedOn, zoneToday());
  if (input.paidAmount && compareDecimal(input.paidAmount, input.amount) > 0) {
    problems.invalid('input.paidAmount', 'More paid than claimed.');
  }
  if (cover) {
    const claimed = (await claimedOn(ctx, cover)) + toScaled(input.amount);
    if (claimed > toScaled(cover.amount)) {
      problems.invalid('input.amount', `Claims would reach ${fromScaled(claimed)}, above the cover of ${cover.amount}.`);
    }
    dateOrder(problems, 'input.claimedOn', cover.startsOn, input.claimedOn);
  }
  if (!cover || problems.any) return refused(problems.list);
  const claim = ctx.em.create(RiskCompensationClaim, {
    cover,
    claimedOn: input.claimedOn,
    amount: input.amount,
    status: input.status,
    paidAmount: input.paidAmount ?? null,
  } as never);
  return flushOutcome(ctx, claim);
}

// ── Changing, correcting, voiding ───────────────────────────────────────────────────────────────────────────────

/** An OptimisticLockError at flush: the instrument changed between reading and writing it. */
const staleAfterFlush = (ctx: RequestContext, instrument: FinancingInstrument, version: number) => async () =>
  new StaleVersionError('The instrument', version, (await ctx.em.findOneOrFail(FinancingInstrument, instrument.id)).version);

/**
 * The instrument a change names (`input.id`, of one of `types`), at the version given and not voided; null with the
 * reason in `problems` otherwise: NOT_FOUND, STALE_VERSION, or TRANSITION_NOT_ALLOWED for a voided one.
 */
async function changeable<T extends FinancingInstrument>(
  ctx: RequestContext,
  problems: Problems,
  input: { id: string; version: number },
  entity: EntityClass<T>,
  what: string,
  types: string[] = [entity.name],
): Promise<T | null> {
  const parsed = fromGlobalId(input.id);
  const found = parsed && types.includes(parsed.type) ? await ctx.em.findOne(entity, parsed.id as never) : null;
  if (!found || found.typename !== parsed!.type) {
    problems.add(new NotFoundError('input.id', `No ${what} has the id ${input.id}.`));
    return null;
  }
  if (found.voidedAt !== null) {
    problems.add(
      transitionNotAllowed('input.id', `This ${what} was voided (${found.voidReason}); a voided record does not change.`),
    );
    return null;
  }
  if (found.version !== input.version) {
    problems.add(new StaleVersionError(`The ${what}`, input.version, found.version));
    return null;
  }
  return found;
}

/** Changes an instrument's status (repaid, defaulted, cancelled …); a NEEQ listing moves by stage instead. */
export async function updateInstrumentStatus(ctx: RequestContext, input: UpdateInstrumentStatusInput): Promise<Outcome<FinancingInstrument>> {
  const problems = new Problems();
  const parsed = fromGlobalId(input.id);
  const instrument = await changeable(ctx, problems, input, FinancingInstrument, 'instrument', parsed ? [parsed.type] : []);
  if (!instrument) return refused(problems.list);
  if (instrument instanceof NeeqListing) {
    return refused([transitionNotAllowed('input.status', 'A NEEQ listing changes status through advanceNeeqStage.')]);
  }
  instrument.status = input.status;
  return flushOutcome(ctx, instrument, { stale: staleAfterFlush(ctx, instrument, input.version) });
}

/** The dates and amount of an instrument as recorded, as the inputs name them. */
const datedValues = (i: FinancingInstrument) => ({ amount: i.amount, startsOn: i.startsOn, endsOn: i.endsOn, defaultedOn: i.defaultedOn });

/** The serialised form of a value on the audit trail: text, as GraphQL sends it (null stays null). */
const auditValue = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** How one kind is corrected: its values as the inputs name them, which may not be cleared, and the checks of recording. */
interface Correction<T extends FinancingInstrument, V extends Dated> {
  /** Other GraphQL types the id may name (the bonds and notes share one correction). */
  types?: string[];
  values: (instrument: T) => V;
  /** Fields every record of the kind has: null is refused. */
  required: readonly string[];
  /** Values that follow from others (an end from a start and a term). */
  derive?: (values: V) => V;
  /** The checks of recording over the corrected values; the entity's fields to set. */
  check: (ctx: RequestContext, problems: Problems, values: V, instrument: T) => Promise<Record<string, unknown>>;
}

/** The fields of a correction input that are not values: what it names and why. */
const NOT_VALUES = new Set(['id', 'version', 'reason']);

/**
 * Corrects an instrument recorded wrongly: the values given replace those recorded (omitted: kept; null: cleared, where
 * the field may be absent), the corrected record must pass the checks of recording, and at least one value must
 * change. The audit event of the mutation keeps the reason and the values before and after (AuditEvent.change):
 * a correction is never a silent overwrite.
 */
async function correct<T extends FinancingInstrument, V extends Dated & { defaultedOn?: string | null }>(
  ctx: RequestContext,
  input: { id: string; version: number; reason: string },
  entity: EntityClass<T>,
  what: string,
  kind: Correction<T, V>,
): Promise<Outcome<T>> {
  const corrections = input as unknown as Record<string, unknown>;
  const problems = new Problems();
  const instrument = await changeable(ctx, problems, input, entity, what, kind.types);
  if (!instrument) return refused(problems.list);
  const reason = requiredText(problems, 'input.reason', input.reason, 500);
  const before = kind.values(instrument) as V & Record<string, unknown>;
  const given = Object.entries(corrections).filter(([k, v]) => !NOT_VALUES.has(k) && v !== undefined);
  for (const [k, v] of given) {
    if (v === null && (kind.required.includes(k) || k === 'amount' || k === 'startsOn' || k === 'defaultedOn')) {
      problems.invalid(`input.${k}`, `Every ${what} has a ${k}: it can be corrected, not cleared.`);
    }
  }
  const merged = { ...before, ...Object.fromEntries(given) } as V & Record<string, unknown>;
  const after = (kind.derive ? kind.derive(merged) : merged) as V & Record<string, unknown>;
  if (corrections['defaultedOn'] != null) {
    if (instrument.defaultedOn === null) problems.invalid('input.defaultedOn', `This ${what} never defaulted: there is no default to date.`);
    notInFuture(problems, 'input.defaultedOn', after.defaultedOn, zoneToday());
    dateOrder(problems, 'input.defaultedOn', after.startsOn, after.defaultedOn);
  }
  if (problems.any) return refused(problems.list);
  const fields = await kind.check(ctx, problems, after, instrument);
  const changed = Object.keys(before).filter((k) => auditValue(before[k]) !== auditValue(after[k]));
  if (!changed.length && !problems.any) problems.invalid('input', `Nothing to correct: every value given is the one recorded.`);
  if (problems.any) return refused(problems.list);
  ctx.em.assign(instrument, { ...fields, defaultedOn: after.defaultedOn ?? instrument.defaultedOn } as never);
  // The values the correction changed, as the input names them (ids global), and the version.
  const facts = (values: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, auditValue(values[k])]));
  noteChange(ctx, { record: instrument.nodeId, reason: reason!, before: { ...facts(before), version: instrument.version }, after: { ...facts(after), version: instrument.version + 1 } });
  return flushOutcome(ctx, instrument, { stale: staleAfterFlush(ctx, instrument, input.version) });
}

/** What refers to an instrument and keeps it from being voided: a cover of a loan, a reinsurance of a policy. */
async function dependents(ctx: RequestContext, instrument: FinancingInstrument): Promise<MutationError[]> {
  const [covers, reinsurances] = await Promise.all([
    ctx.em.find(RiskCompensationCover, { coveredLoan: instrument.id, voidedAt: null } as never),
    ctx.em.find(Reinsurance, { underlyingPolicy: instrument.id, voidedAt: null } as never),
  ]);
  return [...covers, ...reinsurances].map(
    (d) =>
      transitionNotAllowed(
        'input.id',
        `${d instanceof Reinsurance ? 'A reinsurance' : 'A risk compensation cover'} (${d.nodeId}) refers to it: void that first.`,
      ),
  );
}

/**
 * Voids an instrument recorded wrongly (作废): it stays in the registry with the reason, readable by id by
 * administrators, and is left out of every list, sum and eligibility check from now on (a voided IP-pledge loan's
 * pledges with it). Nothing refers to a voided instrument: covers and reinsurances of it are voided first.
 */
export async function voidInstrument(ctx: RequestContext, input: VoidInstrumentInput): Promise<Outcome<FinancingInstrument>> {
  const problems = new Problems();
  const parsed = fromGlobalId(input.id);
  const instrument = await changeable(ctx, problems, input, FinancingInstrument, 'instrument', parsed ? [parsed.type] : []);
  if (!instrument) return refused(problems.list);
  const reason = requiredText(problems, 'input.reason', input.reason, 500);
  for (const e of await dependents(ctx, instrument)) problems.add(e);
  if (problems.any) return refused(problems.list);
  const at = new Date();
  instrument.voidedAt = at;
  instrument.voidReason = reason!;
  if (instrument instanceof IpPledgeLoan) {
    for (const pledge of await ctx.em.find(IpPledge, { loan: instrument })) pledge.voidedAt = at;
  }
  noteChange(ctx, {
    record: instrument.nodeId,
    reason: reason!,
    before: { voidedAt: null, version: instrument.version },
    after: { voidedAt: at.toISOString(), version: instrument.version + 1 },
  });
  return flushOutcome(ctx, instrument, { stale: staleAfterFlush(ctx, instrument, input.version) });
}
