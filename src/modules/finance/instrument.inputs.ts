import { Field, ID, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { BondKind, ClaimStatus, CreditRating, InstrumentStatus, NeeqStage, NeeqTier, TechInsuranceKind } from './enums';

// ── Recording ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Fields every instrument input has. */
@InputType('InstrumentInputBase', { description: 'Not in the schema: the fields every instrument input has.' })
abstract class InstrumentInputBase {
  @Field(() => CreditCodeScalar, { description: 'The credit code of the enterprise holding it (a registered enterprise).' })
  creditCode!: string;

  @Field(() => DecimalScalar, { description: 'Principal, sum insured, capital raised, investment or cover cap, in yuan; more than 0 unless said otherwise.' })
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it began.' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Its maturity, expiry or end (the last day), not before startsOn; null or omitted: open-ended unless said otherwise.' })
  endsOn?: string | null;
}

@InputType('StatusInputBase', { description: 'Not in the schema: an instrument input with a status.' })
abstract class StatusInputBase extends InstrumentInputBase {
  @Field(() => InstrumentStatus, { defaultValue: InstrumentStatus.ACTIVE, description: 'Where it stands when recorded; default ACTIVE.' })
  status: InstrumentStatus = InstrumentStatus.ACTIVE;
}

@InputType({
  description: 'A NEEQ listing (新三板挂牌) at the stage it has reached; its status follows from the stage. amount: capital raised (0 or more).',
})
export class RecordNeeqListingInput extends InstrumentInputBase {
  @Field(() => String, {
    nullable: true,
    description: 'The stock code; required once LISTED: 430xxx for a listing before 2014; 430xxx, 83xxxx, 87xxxx or 88xxxx from 2014.',
  })
  stockCode?: string | null;

  @Field({ description: 'The sponsor broker (主办券商).' })
  sponsorBroker!: string;

  @Field(() => NeeqTier, { nullable: true, description: 'The tier, for a listed company only, and only one that existed while it was listed.' })
  tier?: NeeqTier | null;

  @Field(() => NeeqStage, { description: 'The stage reached.' })
  stage!: NeeqStage;

  @Field(() => DateScalar, { description: 'When the stage was reached: not in the future, not before startsOn.' })
  stageReachedOn!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Is it in the first batch (首批) of zone enterprises of the pilot? Default false.' })
  isFirstBatch: boolean = false;
}

@InputType({ description: 'Moves a NEEQ listing to a later stage, or ends it.' })
export class AdvanceNeeqStageInput {
  @Field(() => ID, { description: 'The NEEQ listing.' })
  id!: string;

  @Field(() => Int, { description: 'The version read; a listing changed since is refused (StaleVersionError).' })
  version!: number;

  @Field(() => NeeqStage, {
    description: 'The stage reached: a later one in order, DELISTED or MOVED_BOARD for a listed company, WITHDRAWN for one not yet listed.',
  })
  stage!: NeeqStage;

  @Field(() => DateScalar, { description: 'When it was reached: not in the future, not before the stage before.' })
  reachedOn!: string;

  @Field(() => String, { nullable: true, description: 'The stock code, given on listing (required then unless recorded already); omitted: unchanged.' })
  stockCode?: string | null;
}

@InputType({ description: 'A regional equity market listing (区域性股权市场挂牌). amount: capital raised (0 or more).' })
export class RecordRegionalOtcListingInput extends StatusInputBase {
  @Field({ description: 'The equity exchange center, e.g. 武汉股权托管交易中心.' })
  center!: string;

  @Field({ description: 'The board, e.g. 科技板.' })
  board!: string;

  @Field({ description: 'The custody code at the center (at most 40 characters).' })
  custodyCode!: string;
}

@InputType({ description: 'A credit loan (信用贷款); amount = principal. endsOn defaults to startsOn plus termMonths.' })
export class RecordCreditLoanInput extends StatusInputBase {
  @Field(() => ID, { description: 'The lending bank (a Bank id); a planned bank lends nothing yet.' })
  lenderId!: string;

  @Field(() => ID, { nullable: true, description: 'The sub-branch that lent (a BankBranch id of the lender); omitted: none recorded.' })
  branchId?: string | null;

  @Field({ description: 'The loan contract number, unique per lender (at most 60 characters).' })
  contractNumber!: string;

  @Field(() => PercentScalar, { description: 'The annual interest rate, in percent (above 0, at most 100).' })
  interestRate!: string;

  @Field(() => Int, { description: 'The term, in months (1 to 360).' })
  termMonths!: number;

  @Field(() => CreditRating, { nullable: true, description: 'The SME credit rating the lender relied on; omitted: none.' })
  ratingUsed?: CreditRating | null;
}

@InputType({ description: 'A patent pledged; the latest appraisal of it is used unless one is named.' })
export class PledgeInput {
  @Field({ description: 'The patent number (ZL + 12 digits + "." + check digit) of a patent in force of the borrower.' })
  patentNumber!: string;

  @Field(() => ID, { nullable: true, description: 'The appraisal the loan relies on (a PatentAppraisal id of the patent); omitted: its latest.' })
  appraisalId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the pledge was registered (质押登记). Default: the loan’s startsOn.' })
  registeredOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When its registration was cancelled (注销登记), for a loan recorded after the fact. Default: still registered.',
  })
  cancelledOn?: string | null;
}

@InputType({ description: 'The cancellation of a pledge’s registration (注销登记): the patent is free from that day.' })
export class CancelPledgeInput {
  @Field(() => ID, { description: 'The IP-pledge loan.' })
  loanId!: string;

  @Field({ description: 'The number of the pledged patent.' })
  patentNumber!: string;

  @Field(() => DateScalar, { description: 'The day the registration was cancelled: after it was made, not in the future.' })
  cancelledOn!: string;
}

@InputType({ description: 'An IP-pledge loan (知识产权质押贷款): a loan secured by pledged patents; amount = principal.' })
export class RecordIpPledgeLoanInput extends RecordCreditLoanInput {
  @Field(() => [PledgeInput], { description: 'The patents pledged: at least one, each once, none pledged under another loan at the same time.' })
  pledges!: PledgeInput[];

  @Field(() => String, { nullable: true, description: 'The pledge registration number (质押登记号, opaque); omitted: none recorded.' })
  pledgeRegistrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The guarantee company sharing the risk, by name; omitted: none.' })
  guarantor?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The share of a loss the guarantor bears, in percent (0 to 100).' })
  guaranteeShare?: string | null;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'The share of a loss the risk compensation pool bears, in percent; with guaranteeShare at most 100.',
  })
  riskCompensationShare?: string | null;
}

@InputType({ description: 'A technology insurance policy (科技保险); amount = sum insured.' })
export class RecordTechInsuranceInput extends StatusInputBase {
  @Field(() => ID, { description: 'The insurer (an Insurer id).' })
  insurerId!: string;

  @Field({ description: 'The policy number, unique per insurer (at most 60 characters).' })
  policyNumber!: string;

  @Field(() => TechInsuranceKind, { description: 'The line of insurance.' })
  insuranceKind!: TechInsuranceKind;

  @Field(() => DecimalScalar, { description: 'The premium, in yuan: more than 0, at most the sum insured.' })
  premium!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The premium subsidy claimed from the zone, in yuan: at most the premium.' })
  subsidyClaimed?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The premium subsidy approved, in yuan: at most the subsidy claimed.' })
  subsidyApproved?: string | null;
}

@InputType({ description: 'Reinsurance (再保险) of a recorded technology insurance policy; amount = sum ceded. Held by the insured enterprise.' })
export class RecordReinsuranceInput extends StatusInputBase {
  @Field(() => ID, { description: 'The reinsurer (an Insurer id of one that is a reinsurer).' })
  reinsurerId!: string;

  @Field(() => ID, { description: 'The policy reinsured (a TechInsurancePolicy id of the same enterprise).' })
  underlyingPolicyId!: string;

  @Field({ description: 'The reinsurance treaty number (at most 60 characters).' })
  treatyNumber!: string;

  @Field(() => PercentScalar, { description: 'The share of the policy ceded, in percent.' })
  cededShare!: string;
}

@InputType({ description: 'One issuer of a bond or note issue and its share.' })
export class IssuerShareInput {
  @Field(() => CreditCodeScalar, { description: 'The credit code of the issuing enterprise.' })
  creditCode!: string;

  @Field(() => PercentScalar, { description: 'Its share of the issue, in percent; the shares add up to 100.' })
  share!: string;
}

@InputType({ description: 'A bond or note issue; amount = issue size. The first issuer leads; endsOn is startsOn plus the tenor.' })
export class RecordBondIssueInput {
  @Field(() => BondKind, { description: 'Which kind of bond or note.' })
  kind!: BondKind;

  @Field(() => [IssuerShareInput], { description: 'The issuers, the lead first: at least two for a collective issue, each once.' })
  issuers!: IssuerShareInput[];

  @Field(() => InstrumentStatus, { defaultValue: InstrumentStatus.ACTIVE, description: 'Where it stands when recorded; default ACTIVE.' })
  status: InstrumentStatus = InstrumentStatus.ACTIVE;

  @Field(() => DecimalScalar, { description: 'The issue size, in yuan (more than 0).' })
  amount!: string;

  @Field(() => DateScalar, { description: 'The issue date.' })
  startsOn!: string;

  @Field({ description: 'The bond or note code, unique in the registry (at most 40 characters).' })
  code!: string;

  @Field({ description: 'The lead underwriter.' })
  underwriter!: string;

  @Field(() => PercentScalar, { description: 'The coupon, in percent a year.' })
  couponRate!: string;

  @Field(() => Int, { description: 'The tenor in months (1 to 360): at most 12 for short-term bills, more than 12 for medium-term notes.' })
  tenorMonths!: number;

  @Field(() => CreditRating, { nullable: true, description: "The issue's credit rating; omitted: not rated." })
  rating?: CreditRating | null;

  @Field(() => String, { nullable: true, description: 'The guarantor of the issue, by name; omitted: none.' })
  guarantor?: string | null;
}

@InputType({ description: 'An investment by a fund (基金投资); amount = money invested.' })
export class RecordFundInvestmentInput extends StatusInputBase {
  @Field(() => ID, { description: 'The investing fund (a Fund id).' })
  fundId!: string;

  @Field(() => PercentScalar, { description: 'The equity stake acquired, in percent.' })
  stake!: string;
}

@InputType({
  description:
    "Cover of one of the enterprise's loans by a risk compensation pool (风险补偿); amount = the most the pool pays, at most the pool's cap and the loan. endsOn defaults to the loan's.",
})
export class RecordRiskCompensationCoverInput extends StatusInputBase {
  @Field(() => ID, { description: 'The pool (a RiskCompensationPool id).' })
  poolId!: string;

  @Field(() => ID, { description: 'The covered credit or IP-pledge loan, held by the same enterprise.' })
  coveredLoanId!: string;

  @Field(() => PercentScalar, { description: 'The share of a loss covered, in percent.' })
  coverageRatio!: string;
}

@InputType({ description: 'A claim against a risk compensation cover: with the other claims not rejected, at most the cover.' })
export class RecordRiskCompensationClaimInput {
  @Field(() => ID, { description: 'The cover claimed against (a RiskCompensationCover id).' })
  coverId!: string;

  @Field(() => DateScalar, { description: 'The day the claim was filed: not before the cover began, not in the future.' })
  claimedOn!: string;

  @Field(() => DecimalScalar, { description: 'The amount claimed, in yuan (more than 0).' })
  amount!: string;

  @Field(() => ClaimStatus, { defaultValue: ClaimStatus.FILED, description: 'Where the claim stands; default FILED.' })
  status: ClaimStatus = ClaimStatus.FILED;

  @Field(() => DecimalScalar, { nullable: true, description: 'The amount paid, in yuan: at most the amount claimed; omitted: nothing yet.' })
  paidAmount?: string | null;
}

// ── Changing ────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: 'A new status of an instrument (repaid, defaulted, cancelled …).' })
export class UpdateInstrumentStatusInput {
  @Field(() => ID, { description: 'The instrument (any kind but a NEEQ listing, which moves by advanceNeeqStage).' })
  id!: string;

  @Field(() => Int, { description: 'The version read; an instrument changed since is refused (StaleVersionError).' })
  version!: number;

  @Field(() => InstrumentStatus, { description: 'The new status. DEFAULTED dates the default today unless it defaulted before.' })
  status!: InstrumentStatus;
}

@InputType({ description: 'Voids an instrument recorded wrongly (作废): it stays on record with the reason, and counts nowhere any more.' })
export class VoidInstrumentInput {
  @Field(() => ID, { description: 'The instrument, of any kind.' })
  id!: string;

  @Field(() => Int, { description: 'The version read; an instrument changed since is refused (StaleVersionError).' })
  version!: number;

  @Field({ description: 'Why it is voided (at most 500 characters), kept on the instrument and on the audit trail.' })
  reason!: string;
}

// Corrections: each kind's own fields as recorded, all optional (omitted: unchanged; null: cleared, where the field may
// be absent). Who holds it, its kind, its pledges and its issuers are not corrected: void the instrument and record it anew.

@InputType('InstrumentCorrectionBase', { description: 'Not in the schema: the fields every correction has.' })
abstract class InstrumentCorrectionBase {
  @Field(() => ID, { description: 'The instrument corrected.' })
  id!: string;

  @Field(() => Int, { description: 'The version read; an instrument changed since is refused (StaleVersionError).' })
  version!: number;

  @Field({ description: 'Why the record was wrong (at most 500 characters); kept on the audit trail with the values before and after.' })
  reason!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The right amount, in yuan; omitted: unchanged.' })
  amount?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The right start day; omitted: unchanged.' })
  startsOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The right day of the default, for an instrument that defaulted: not in the future, not before startsOn; omitted: unchanged.',
  })
  defaultedOn?: string | null;
}

@InputType('EndingCorrectionBase', { description: 'Not in the schema: a correction of an instrument whose end is recorded as given.' })
abstract class EndingCorrectionBase extends InstrumentCorrectionBase {
  @Field(() => DateScalar, { nullable: true, description: 'The right end day, not before startsOn; null: open-ended; omitted: unchanged.' })
  endsOn?: string | null;
}

@InputType({ description: 'Corrects a credit loan recorded wrongly. endsOn, when omitted while startsOn or termMonths is corrected, becomes startsOn plus termMonths.' })
export class CorrectCreditLoanInput extends EndingCorrectionBase {
  @Field(() => ID, { nullable: true, description: 'The right lender (a Bank id); omitted: unchanged.' })
  lenderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The right sub-branch (a BankBranch id of the lender); null: none; omitted: unchanged.' })
  branchId?: string | null;

  @Field(() => String, { nullable: true, description: 'The right contract number, unique per lender; omitted: unchanged.' })
  contractNumber?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right annual interest rate, in percent; omitted: unchanged.' })
  interestRate?: string | null;

  @Field(() => Int, { nullable: true, description: 'The right term, in months (1 to 360); omitted: unchanged.' })
  termMonths?: number | null;

  @Field(() => CreditRating, { nullable: true, description: 'The rating the lender relied on; null: none; omitted: unchanged.' })
  ratingUsed?: CreditRating | null;
}

@InputType({
  description:
    'Corrects an IP-pledge loan recorded wrongly: the loan’s own fields (pledges are cancelled with cancelPledge, or the loan voided and recorded anew). endsOn as for a credit loan.',
})
export class CorrectIpPledgeLoanInput extends CorrectCreditLoanInput {
  @Field(() => String, { nullable: true, description: 'The right pledge registration number; null: none; omitted: unchanged.' })
  pledgeRegistrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The right guarantee company; null: none; omitted: unchanged.' })
  guarantor?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right guarantee share, in percent; null: none; omitted: unchanged.' })
  guaranteeShare?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right risk compensation share, in percent; null: none; omitted: unchanged.' })
  riskCompensationShare?: string | null;
}

@InputType({ description: 'Corrects a technology insurance policy recorded wrongly.' })
export class CorrectTechInsuranceInput extends EndingCorrectionBase {
  @Field(() => ID, { nullable: true, description: 'The right insurer (an Insurer id); omitted: unchanged.' })
  insurerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The right policy number, unique per insurer; omitted: unchanged.' })
  policyNumber?: string | null;

  @Field(() => TechInsuranceKind, { nullable: true, description: 'The right line of insurance; omitted: unchanged.' })
  insuranceKind?: TechInsuranceKind | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The right premium, in yuan; omitted: unchanged.' })
  premium?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The right subsidy claimed, in yuan; null: none; omitted: unchanged.' })
  subsidyClaimed?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The right subsidy approved, in yuan; null: none; omitted: unchanged.' })
  subsidyApproved?: string | null;
}

@InputType({ description: 'Corrects a reinsurance recorded wrongly (the policy reinsured is not corrected: void and record anew).' })
export class CorrectReinsuranceInput extends EndingCorrectionBase {
  @Field(() => ID, { nullable: true, description: 'The right reinsurer (an Insurer id of a reinsurer); omitted: unchanged.' })
  reinsurerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The right treaty number; omitted: unchanged.' })
  treatyNumber?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right share ceded, in percent; omitted: unchanged.' })
  cededShare?: string | null;
}

@InputType({
  description: 'Corrects a bond or note issue recorded wrongly (its issuers and kind are not corrected: void and record anew). endsOn follows startsOn and tenorMonths.',
})
export class CorrectBondIssueInput extends InstrumentCorrectionBase {
  @Field(() => String, { nullable: true, description: 'The right code, unique in the registry; omitted: unchanged.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'The right lead underwriter; omitted: unchanged.' })
  underwriter?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right coupon, in percent a year; omitted: unchanged.' })
  couponRate?: string | null;

  @Field(() => Int, { nullable: true, description: 'The right tenor, in months; omitted: unchanged.' })
  tenorMonths?: number | null;

  @Field(() => CreditRating, { nullable: true, description: 'The right rating; null: not rated; omitted: unchanged.' })
  rating?: CreditRating | null;

  @Field(() => String, { nullable: true, description: 'The right guarantor; null: none; omitted: unchanged.' })
  guarantor?: string | null;
}

@InputType({ description: 'Corrects a NEEQ listing recorded wrongly (its stages move by advanceNeeqStage; a wrong stage history: void and record anew).' })
export class CorrectNeeqListingInput extends EndingCorrectionBase {
  @Field(() => String, { nullable: true, description: 'The right stock code; null: none (only before listing); omitted: unchanged.' })
  stockCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The right sponsor broker; omitted: unchanged.' })
  sponsorBroker?: string | null;

  @Field(() => NeeqTier, { nullable: true, description: 'The right tier; null: none; omitted: unchanged.' })
  tier?: NeeqTier | null;

  @Field(() => Boolean, { nullable: true, description: 'Is it in the first batch of the pilot? Omitted: unchanged.' })
  isFirstBatch?: boolean | null;
}

@InputType({ description: 'Corrects a regional equity market listing recorded wrongly.' })
export class CorrectRegionalOtcListingInput extends EndingCorrectionBase {
  @Field(() => String, { nullable: true, description: 'The right equity exchange center; omitted: unchanged.' })
  center?: string | null;

  @Field(() => String, { nullable: true, description: 'The right board; omitted: unchanged.' })
  board?: string | null;

  @Field(() => String, { nullable: true, description: 'The right custody code; omitted: unchanged.' })
  custodyCode?: string | null;
}

@InputType({ description: 'Corrects a fund investment recorded wrongly.' })
export class CorrectFundInvestmentInput extends EndingCorrectionBase {
  @Field(() => ID, { nullable: true, description: 'The right fund (a Fund id); omitted: unchanged.' })
  fundId?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right stake, in percent; omitted: unchanged.' })
  stake?: string | null;
}

@InputType({ description: 'Corrects a risk compensation cover recorded wrongly (the covered loan is not corrected: void and record anew).' })
export class CorrectRiskCompensationCoverInput extends EndingCorrectionBase {
  @Field(() => ID, { nullable: true, description: 'The right pool (a RiskCompensationPool id); omitted: unchanged.' })
  poolId?: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The right share of a loss covered, in percent; omitted: unchanged.' })
  coverageRatio?: string | null;
}
