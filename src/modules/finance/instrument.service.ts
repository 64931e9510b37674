import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { compareDecimal, fromScaled, toScaled } from '../../common/decimal';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import {
  DuplicateError,
  InvalidInputError,
  LiveNeeqListingError,
  MutationErrorCode,
  NotFoundError,
  Problems,
  StaleVersionError,
} from '../../common/mutation-errors';
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
import { Patent, PatentAppraisal, PatentLegalStatus } from '../ip/patent.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from './counterparty.entity';
import { BSE_OPENED, InstrumentKind, InstrumentStatus, NEEQ_STAGE_ORDER, NEEQ_TIER_ERA, NeeqStage, NeeqTier } from './enums';
import {
  CollectiveBond,
  CreditLoan,
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

interface BaseFields {
  creditCode: string;
  amount: string;
  startDate: string;
  endDate?: string | null;
}

/** The checks every instrument shares: a registered holder, a sensible amount, dates in order. */
async function checkBase(ctx: RequestContext, problems: Problems, input: BaseFields, allowZeroAmount = false) {
  const holder = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  if (allowZeroAmount) nonNegativeAmount(problems, 'input.amount', input.amount);
  else positiveAmount(problems, 'input.amount', input.amount);
  dateOrder(problems, 'input.endDate', input.startDate, input.endDate);
  return holder;
}

/** The fields every instrument input carries as given. */
function baseFields(input: BaseFields & { status: InstrumentStatus }) {
  return { status: input.status, amount: input.amount, startDate: input.startDate, endDate: input.endDate ?? null };
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
  ctx.em.create(InstrumentHolder, { instrument, enterprise: holder, share: '100', lead: true } as never);
  return flushOutcome(ctx, instrument, duplicate ? { duplicate } : {});
}

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
      new InvalidInputError(field, `A move to the Beijing Stock Exchange (from ${BSE_OPENED}) is open to 创新层 (INNOVATION) companies; this one is in ${tier ?? 'no tier'}.`, MutationErrorCode.TRANSITION_NOT_ALLOWED),
    );
  }
  if (listedOn === null) {
    problems.invalid(field, 'A move to the Beijing Stock Exchange needs 12 months listed on NEEQ: the listing date is not recorded.');
  } else if (listedOn > addMonths(on, -12)) {
    problems.add(
      new InvalidInputError(field, `Listed on ${listedOn}, less than 12 months before ${on}: a move to the Beijing Stock Exchange needs 12 months listed on NEEQ.`, MutationErrorCode.TRANSITION_NOT_ALLOWED),
    );
  }
}

/** The company's live NEEQ listing (under way or listed), if any: it holds at most one. */
async function liveNeeqListing(ctx: RequestContext, holder: Enterprise, except?: string): Promise<NeeqListing | null> {
  return ctx.em.findOne(NeeqListing, { listedCompany: holder, status: { $in: LIVE_STATUSES }, ...(except ? { id: { $ne: except } } : {}) } as never);
}

const liveListingError = (field: string, company: string, live: NeeqListing | null) =>
  new LiveNeeqListingError(
    field,
    live ? toGlobalId('NeeqListing', live.id) : null,
    live
      ? `${company} holds a live NEEQ listing already (${live.stockCode ?? 'no code yet'}, at ${live.stage}): a company holds at most one; end it first.`
      : `${company} holds a live NEEQ listing already, recorded at the same moment: a company holds at most one.`,
  );

export async function recordNeeqListing(ctx: RequestContext, input: NeeqListingInput): Promise<Outcome<NeeqListing>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input, true);
  const broker = requiredText(problems, 'input.sponsorBroker', input.sponsorBroker);
  const ends = ENDING.includes(input.stage);
  const listedOn = input.stage === NeeqStage.LISTED ? input.stageReachedOn : null;
  checkNeeqCode(problems, 'input.stockCode', input.stage, input.stockCode, listedOn);
  checkNeeqTier(problems, 'input.tier', input.tier, input.stage, ends ? input.stageReachedOn : null);
  if (input.stage === NeeqStage.MOVED_BOARD) checkBseMove(problems, 'input.stage', input.tier ?? null, null, input.stageReachedOn);
  dateOrder(problems, 'input.stageReachedOn', input.startDate, input.stageReachedOn);
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
      startDate: input.startDate,
      endDate: ends ? (input.endDate ?? input.stageReachedOn) : (input.endDate ?? null),
      stockCode: input.stockCode ?? null,
      sponsorBroker: broker,
      tier: input.tier ?? null,
      stage: input.stage,
      stageHistory: [{ stage: input.stage, on: input.stageReachedOn }],
      firstBatch: input.firstBatch,
      listedCompany: holder,
    },
    // neeq_listing_one_live: another live listing of the company committed meanwhile.
    () => liveListingError('input.creditCode', holder.name, null),
  );
}

/** Moves a NEEQ listing to its next stage (in order), ends a listed one (delisted, moved board), or withdraws one not yet listed. */
export async function advanceNeeqStage(
  ctx: RequestContext,
  globalId: string,
  version: number,
  stage: NeeqStage,
  on: string,
  stockCode: string | null | undefined,
): Promise<Outcome<NeeqListing>> {
  const problems = new Problems();
  const id = idOf(problems, 'id', globalId, 'NeeqListing');
  const listing = id ? await ctx.em.findOne(NeeqListing, id) : null;
  if (id && !listing) problems.add(new NotFoundError('id', 'No such NEEQ listing.'));
  if (!listing) return refused(problems.list);
  if (listing.version !== version) return refused([new StaleVersionError('The listing', version, listing.version)]);
  const from = NEEQ_STAGE_ORDER.indexOf(listing.stage);
  const ends = ENDING.includes(stage);
  const listedAt = NEEQ_STAGE_ORDER.indexOf(NeeqStage.LISTED);
  const allowed =
    stage === NeeqStage.WITHDRAWN ? from >= 0 && from < listedAt
    : ends ? listing.stage === NeeqStage.LISTED
    : from >= 0 && NEEQ_STAGE_ORDER.indexOf(stage) > from;
  if (!allowed) {
    problems.add(
      new InvalidInputError(
        'stage',
        `A listing at ${listing.stage} cannot move to ${stage}.`,
        MutationErrorCode.TRANSITION_NOT_ALLOWED,
      ),
    );
  }
  const last = listing.stageHistory[listing.stageHistory.length - 1];
  if (last && on < last.on) problems.invalid('on', `${on} is before the previous stage (${last.on}).`);
  notInFuture(problems, 'on', on, zoneToday());
  const code = stockCode ?? listing.stockCode;
  const listedOn = stage === NeeqStage.LISTED ? on : listedOnOf(listing.stageHistory);
  checkNeeqCode(problems, 'stockCode', stage, code, listedOn);
  if (allowed && stage === NeeqStage.MOVED_BOARD) checkBseMove(problems, 'stage', listing.tier, listedOn, on);
  if (problems.any) return refused(problems.list);
  listing.stage = stage;
  listing.stockCode = code ?? null;
  listing.status = neeqStatus(stage);
  listing.stageHistory = [...listing.stageHistory, { stage, on }];
  if (ends) listing.endDate = on;
  return flushOutcome(ctx, listing, {
    stale: async () => new StaleVersionError('The listing', version, (await ctx.em.findOneOrFail(NeeqListing, listing.id)).version),
  });
}

export async function recordRegionalOtcListing(ctx: RequestContext, input: RegionalOtcListingInput): Promise<Outcome<RegionalOtcListing>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input, true);
  const centre = requiredText(problems, 'input.centre', input.centre);
  const board = requiredText(problems, 'input.board', input.board);
  const custodyCode = requiredText(problems, 'input.custodyCode', input.custodyCode, 40);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, RegionalOtcListing, holder, {
    kind: InstrumentKind.REGIONAL_OTC_LISTING,
    ...baseFields(input),
    centre,
    board,
    custodyCode,
  });
}

/** Checks and resolves what every loan has: the lender (and its branch), contract, rate and term. */
async function checkLoan(ctx: RequestContext, problems: Problems, input: CreditLoanInput) {
  const holder = await checkBase(ctx, problems, input);
  const lender = await ctx.em.findOne(Bank, { creditCode: input.lenderCreditCode });
  if (!lender) problems.add(new NotFoundError('input.lenderCreditCode', `No bank with credit code ${input.lenderCreditCode}.`));
  else if (lender.isPlanned) problems.invalid('input.lenderCreditCode', `${lender.name} is planned and not yet lending.`);
  let branch: BankBranch | null = null;
  if (input.branchName) {
    branch = await ctx.em.findOne(BankBranch, { name: input.branchName.trim() });
    if (!branch) problems.add(new NotFoundError('input.branchName', `No sub-branch named ${input.branchName}.`));
    else if (lender && branch.bank.id !== lender.id) {
      problems.invalid('input.branchName', `${branch.name} is not a branch of ${lender.name}.`);
    }
  }
  const contractNo = requiredText(problems, 'input.contractNo', input.contractNo, 60);
  percent(problems, 'input.interestRate', input.interestRate);
  wholeNumber(problems, 'input.termMonths', input.termMonths, 1, 360);
  const endDate = input.endDate ?? (Number.isInteger(input.termMonths) ? addMonths(input.startDate, input.termMonths) : null);
  if (lender && contractNo && (await ctx.em.count(LoanInstrument, { lender, contractNo } as never))) {
    problems.add(new DuplicateError('input.contractNo', `${lender.name} has a loan with contract ${contractNo} already.`));
  }
  return {
    holder,
    fields: {
      status: input.status,
      amount: input.amount,
      startDate: input.startDate,
      endDate,
      lender,
      lenderBranch: branch,
      contractNo,
      interestRate: input.interestRate,
      termMonths: input.termMonths,
      ratingUsed: input.ratingUsed ?? null,
    },
  };
}

export async function recordCreditLoan(ctx: RequestContext, input: CreditLoanInput): Promise<Outcome<CreditLoan>> {
  const problems = new Problems();
  const { holder, fields } = await checkLoan(ctx, problems, input);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, CreditLoan, holder, { kind: InstrumentKind.CREDIT_LOAN, ...fields });
}

/** Records an IP-pledge loan: each pledged patent must be the borrower's, in force, appraised, and not pledged already. */
export async function recordIpPledgeLoan(ctx: RequestContext, input: IpPledgeLoanInput): Promise<Outcome<IpPledgeLoan>> {
  const problems = new Problems();
  const { holder, fields } = await checkLoan(ctx, problems, input);
  percent(problems, 'input.guaranteeShare', input.guaranteeShare, true);
  percent(problems, 'input.riskCompensationShare', input.riskCompensationShare, true);
  if (input.guaranteeShare && input.riskCompensationShare && compareDecimal(
    fromScaled(toScaled(input.guaranteeShare) + toScaled(input.riskCompensationShare)), '100') > 0) {
    problems.invalid('input.riskCompensationShare', 'The guarantee and risk compensation shares add up to more than 100%.');
  }
  const guarantor = optionalText(problems, 'input.guarantor', input.guarantor);
  const pledgeRegistrationNo = optionalText(problems, 'input.pledgeRegistrationNo', input.pledgeRegistrationNo, 60);
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
  // cancelled, whatever the status of the loan (a defaulted loan's bank still holds its pledge).
  const earlier: { patent_id: string; registered_on: string; cancelled_on: string | null; contract_no: string | null }[] = patents.size
    ? await ctx.em.execute(
        `select p.patent_id, p.registered_on::text, p.cancelled_on::text, i.contract_no from ip_pledge p join financing_instrument i on i.id = p.loan_id
         where p.patent_id = any(?::uuid[]) order by p.registered_on`,
        [sqlArray([...patents.values()].map((p) => p.id))],
      )
    : [];
  const today = zoneToday();
  const chosen: { patent: Patent; appraisal: PatentAppraisal; registeredOn: string; cancelledOn: string | null }[] = [];
  input.pledges.forEach((pledge, i) => {
    const field = `input.pledges.${i}`;
    const registeredOn = pledge.registeredOn ?? input.startDate;
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
  const loan = ctx.em.create(IpPledgeLoan, {
    kind: InstrumentKind.IP_PLEDGE_LOAN,
    ...fields,
    pledgeRegistrationNo,
    guarantor,
    guaranteeShare: input.guaranteeShare ?? null,
    riskCompensationShare: input.riskCompensationShare ?? null,
  } as never);
  ctx.em.create(InstrumentHolder, { instrument: loan, enterprise: holder, share: '100', lead: true } as never);
  for (const { patent, appraisal, registeredOn, cancelledOn } of chosen) ctx.em.create(IpPledge, { loan, patent, appraisal, registeredOn, cancelledOn } as never);
  // The exclusion constraint ip_pledge_registrations_apart refuses an overlap another request wrote meanwhile.
  return flushOutcome(ctx, loan, {
    duplicate: () => new DuplicateError('input.pledges', 'A patent of this loan was pledged under another loan meanwhile, or the contract number was recorded meanwhile.'),
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
  const pledge = loanId ? await ctx.em.findOne(IpPledge, { loan: loanId, patent: { number } }) : null;
  if (loanId && !pledge) problems.add(new NotFoundError('input.patentNumber', `Patent ${number} is not pledged under this loan.`));
  if (!pledge) return refused(problems.list);
  if (pledge.cancelledOn !== null) {
    return refused([new InvalidInputError('input.patentNumber', `The registration of this pledge was cancelled on ${pledge.cancelledOn} already.`, MutationErrorCode.TRANSITION_NOT_ALLOWED)]);
  }
  notInFuture(problems, 'input.cancelledOn', input.cancelledOn, zoneToday());
  if (input.cancelledOn <= pledge.registeredOn) problems.invalid('input.cancelledOn', `A registration is cancelled after the day it was made (${pledge.registeredOn}).`);
  if (problems.any) return refused(problems.list);
  pledge.cancelledOn = input.cancelledOn;
  return flushOutcome(ctx, pledge);
}

export async function recordTechInsurance(ctx: RequestContext, input: TechInsuranceInput): Promise<Outcome<TechInsurancePolicy>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input);
  const insurer = await ctx.em.findOne(Insurer, { name: input.insurerName.trim() });
  if (!insurer) problems.add(new NotFoundError('input.insurerName', `No insurer named ${input.insurerName}.`));
  const policyNo = requiredText(problems, 'input.policyNo', input.policyNo, 60);
  positiveAmount(problems, 'input.premium', input.premium);
  nonNegativeAmount(problems, 'input.subsidyClaimed', input.subsidyClaimed);
  nonNegativeAmount(problems, 'input.subsidyApproved', input.subsidyApproved);
  if (input.subsidyClaimed && compareDecimal(input.subsidyClaimed, input.premium) > 0) {
    problems.invalid('input.subsidyClaimed', 'The subsidy claimed cannot exceed the premium.');
  }
  if (input.subsidyApproved && compareDecimal(input.subsidyApproved, input.subsidyClaimed ?? '0') > 0) {
    problems.invalid('input.subsidyApproved', 'The subsidy approved cannot exceed the subsidy claimed.');
  }
  if (compareDecimal(input.premium, input.amount) > 0) problems.invalid('input.premium', 'The premium cannot exceed the sum insured.');
  if (insurer && policyNo && (await ctx.em.count(TechInsurancePolicy, { insurer, policyNo } as never))) {
    problems.add(new DuplicateError('input.policyNo', `${insurer.name} has a policy ${policyNo} already.`));
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, TechInsurancePolicy, holder, {
    kind: InstrumentKind.TECH_INSURANCE,
    ...baseFields(input),
    insurer,
    policyNo,
    insuranceKind: input.insuranceKind,
    premium: input.premium,
    subsidyClaimed: input.subsidyClaimed ?? null,
    subsidyApproved: input.subsidyApproved ?? null,
  });
}

export async function recordReinsurance(ctx: RequestContext, input: ReinsuranceInput): Promise<Outcome<Reinsurance>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input);
  const reinsurer = await ctx.em.findOne(Insurer, { name: input.reinsurerName.trim() });
  if (!reinsurer) problems.add(new NotFoundError('input.reinsurerName', `No insurer named ${input.reinsurerName}.`));
  else if (!reinsurer.isReinsurer) problems.invalid('input.reinsurerName', `${reinsurer.name} is not a reinsurer.`);
  const policy = await ctx.em.findOne(TechInsurancePolicy, { policyNo: input.underlyingPolicyNo.trim() } as never);
  if (!policy) problems.add(new NotFoundError('input.underlyingPolicyNo', `No tech insurance policy ${input.underlyingPolicyNo}.`));
  const treatyNo = requiredText(problems, 'input.treatyNo', input.treatyNo, 60);
  percent(problems, 'input.cededShare', input.cededShare);
  if (policy && holder) {
    const holders = await ctx.em.find(InstrumentHolder, { instrument: policy });
    if (!holders.some((h) => h.enterprise.id === holder.id)) {
      problems.invalid('input.underlyingPolicyNo', `Policy ${policy.policyNo} does not insure ${holder.name}.`);
    }
    if (compareDecimal(input.amount, policy.amount) > 0) problems.invalid('input.amount', 'More is ceded than the policy insures.');
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, Reinsurance, holder, {
    kind: InstrumentKind.REINSURANCE,
    ...baseFields(input),
    reinsurer,
    underlyingPolicy: policy,
    treatyNo,
    cededShare: input.cededShare,
  });
}

const BOND_CLASSES = {
  [InstrumentKind.COLLECTIVE_BOND]: CollectiveBond,
  [InstrumentKind.SME_COLLECTIVE_NOTE]: SmeCollectiveNote,
  [InstrumentKind.SHORT_TERM_BILL]: ShortTermBill,
  [InstrumentKind.MEDIUM_TERM_NOTE]: MediumTermNote,
} as Partial<Record<InstrumentKind, EntityClass<FinancingInstrument>>>;

/** Records a bond or note with its issuers; collective issues have several, each liable for its own share. */
export async function recordBondIssue(ctx: RequestContext, input: BondIssueInput): Promise<Outcome<FinancingInstrument>> {
  const problems = new Problems();
  const entity = BOND_CLASSES[input.kind];
  if (!entity) problems.invalid('input.kind', `${input.kind} is not a bond or note kind.`);
  positiveAmount(problems, 'input.amount', input.amount);
  const code = requiredText(problems, 'input.code', input.code, 40);
  const underwriter = requiredText(problems, 'input.underwriter', input.underwriter);
  percent(problems, 'input.couponRate', input.couponRate);
  wholeNumber(problems, 'input.tenorMonths', input.tenorMonths, 1, 360);
  if (input.kind === InstrumentKind.SHORT_TERM_BILL && input.tenorMonths > 12) {
    problems.invalid('input.tenorMonths', 'Short-term financing bills run at most 12 months.');
  }
  if (input.kind === InstrumentKind.MEDIUM_TERM_NOTE && input.tenorMonths <= 12) {
    problems.invalid('input.tenorMonths', 'Medium-term notes run more than a year (3–5 years is typical).');
  }
  const collective = input.kind === InstrumentKind.COLLECTIVE_BOND || input.kind === InstrumentKind.SME_COLLECTIVE_NOTE;
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
  if (code && (await ctx.em.count(FinancingInstrument, { code } as never))) {
    problems.add(new DuplicateError('input.code', `An issue with code ${code} is recorded already.`));
  }
  if (!entity || problems.any) return refused(problems.list);
  const bond = ctx.em.create(entity, {
    kind: input.kind,
    status: input.status,
    amount: input.amount,
    startDate: input.startDate,
    endDate: addMonths(input.startDate, input.tenorMonths),
    code,
    underwriter,
    couponRate: input.couponRate,
    tenorMonths: input.tenorMonths,
    rating: input.rating ?? null,
    guarantor: input.guarantor?.trim() || null,
  } as never);
  issuers.forEach((enterprise, n) =>
    ctx.em.create(InstrumentHolder, { instrument: bond, enterprise, share: input.issuers[n]!.share, lead: n === 0 } as never),
  );
  return flushOutcome(ctx, bond);
}

export async function recordFundInvestment(ctx: RequestContext, input: FundInvestmentInput): Promise<Outcome<FundInvestment>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input);
  const fund = await ctx.em.findOne(Fund, { name: input.fundName.trim() });
  if (!fund) problems.add(new NotFoundError('input.fundName', `No fund named ${input.fundName}.`));
  percent(problems, 'input.stake', input.stake);
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, FundInvestment, holder, {
    kind: InstrumentKind.FUND_INVESTMENT,
    ...baseFields(input),
    fund,
    stake: input.stake,
  });
}

export async function recordRiskCompensationCover(
  ctx: RequestContext,
  input: RiskCompensationCoverInput,
): Promise<Outcome<RiskCompensationCover>> {
  const problems = new Problems();
  const holder = await checkBase(ctx, problems, input);
  const pool = await ctx.em.findOne(RiskCompensationPool, { name: input.poolName.trim() });
  if (!pool) problems.add(new NotFoundError('input.poolName', `No risk compensation pool named ${input.poolName}.`));
  percent(problems, 'input.coverageRatio', input.coverageRatio);
  if (pool && compareDecimal(input.amount, pool.capPerLoan) > 0) {
    problems.invalid('input.amount', `${pool.name} pays at most ${pool.capPerLoan} per loan.`);
  }
  const loanId = idOf(problems, 'input.coveredLoanId', input.coveredLoanId, ['CreditLoan', 'IpPledgeLoan']);
  const loan = loanId ? await ctx.em.findOne(LoanInstrument, loanId) : null;
  if (loanId && !loan) problems.add(new NotFoundError('input.coveredLoanId', 'No such loan.'));
  if (loan && holder) {
    const held = await ctx.em.count(InstrumentHolder, { instrument: loan, enterprise: holder });
    if (!held) problems.invalid('input.coveredLoanId', `The loan is not ${holder.name}'s.`);
    if (compareDecimal(input.amount, loan.amount) > 0) problems.invalid('input.amount', 'The cover exceeds the loan.');
  }
  if (!holder || problems.any) return refused(problems.list);
  return persistSoleHeld(ctx, RiskCompensationCover, holder, {
    kind: InstrumentKind.RISK_COMPENSATION,
    status: input.status,
    amount: input.amount,
    startDate: input.startDate,
    endDate: input.endDate ?? loan!.endDate,
    pool,
    coveredLoan: loan,
    coverageRatio: input.coverageRatio,
  });
}

export async function recordRiskCompensationClaim(
  ctx: RequestContext,
  input: RiskCompensationClaimInput,
): Promise<Outcome<RiskCompensationClaim>> {
  const problems = new Problems();
  const id = idOf(problems, 'input.coverId', input.coverId, 'RiskCompensationCover');
  const cover = id ? await ctx.em.findOne(RiskCompensationCover, id) : null;
  if (id && !cover) problems.add(new NotFoundError('input.coverId', 'No such risk compensation cover.'));
  positiveAmount(problems, 'input.amount', input.amount);
  nonNegativeAmount(problems, 'input.paidAmount', input.paidAmount);
  notInFuture(problems, 'input.claimedOn', input.claimedOn, zoneToday());
  if (input.paidAmount && compareDecimal(input.paidAmount, input.amount) > 0) {
    problems.invalid('input.paidAmount', 'More paid than claimed.');
  }
  if (cover) {
    const earlier = await ctx.em.find(RiskCompensationClaim, { cover, status: { $ne: 'REJECTED' } as never });
    const claimed = earlier.reduce((s, c) => s + toScaled(c.amount), toScaled(input.amount));
    if (claimed > toScaled(cover.amount)) {
      problems.invalid('input.amount', `Claims would reach ${fromScaled(claimed)}, above the cover of ${cover.amount}.`);
    }
    dateOrder(problems, 'input.claimedOn', cover.startDate, input.claimedOn);
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

/** Changes an instrument's status (repaid, defaulted, cancelled …); a NEEQ listing moves by stage instead. */
export async function updateInstrumentStatus(
  ctx: RequestContext,
  globalId: string,
  version: number,
  status: InstrumentStatus,
): Promise<Outcome<FinancingInstrument>> {
  const problems = new Problems();
  const parsed = fromGlobalId(globalId);
  const instrument = parsed ? await ctx.em.findOne(FinancingInstrument, parsed.id) : null;
  if (!instrument || instrument.typename !== parsed!.type) return refused([new NotFoundError('id', 'No such instrument.')]);
  if (instrument.version !== version) return refused([new StaleVersionError('The instrument', version, instrument.version)]);
  if (instrument instanceof NeeqListing) {
    problems.add(new InvalidInputError('status', 'A NEEQ listing changes status through advanceNeeqStage.', MutationErrorCode.TRANSITION_NOT_ALLOWED));
  }
  if (problems.any) return refused(problems.list);
  instrument.status = status;
  return flushOutcome(ctx, instrument, {
    stale: async () => new StaleVersionError('The instrument', version, (await ctx.em.findOneOrFail(FinancingInstrument, instrument.id)).version),
  });
}
