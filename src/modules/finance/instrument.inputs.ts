import { Field, ID, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { ClaimStatus, CreditRating, InstrumentKind, InstrumentStatus, NeeqStage, NeeqTier, TechInsuranceKind } from './enums';

/** Fields every instrument input has. */
@InputType('InstrumentInputBase')
abstract class InstrumentInputBase {
  @Field(() => CreditCodeScalar, { description: 'The enterprise holding it.' })
  creditCode!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;
}

@InputType('StatusInputBase')
abstract class StatusInputBase extends InstrumentInputBase {
  @Field(() => InstrumentStatus, { defaultValue: InstrumentStatus.ACTIVE })
  status: InstrumentStatus = InstrumentStatus.ACTIVE;
}

@InputType({ description: 'A NEEQ listing; its status follows from its stage. amount: capital raised (may be 0).' })
export class NeeqListingInput extends InstrumentInputBase {
  @Field(() => String, { nullable: true, description: 'Required once LISTED: 430xxx for a listing before 2014; 430xxx, 83xxxx, 87xxxx or 88xxxx from 2014.' })
  stockCode?: string | null;

  @Field()
  sponsorBroker!: string;

  @Field(() => NeeqTier, { nullable: true })
  tier?: NeeqTier | null;

  @Field(() => NeeqStage)
  stage!: NeeqStage;

  @Field(() => DateScalar, { description: 'When the stage was reached.' })
  stageReachedOn!: string;

  @Field(() => Boolean, { defaultValue: false })
  firstBatch: boolean = false;
}

@InputType()
export class RegionalOtcListingInput extends StatusInputBase {
  @Field()
  centre!: string;

  @Field()
  board!: string;

  @Field()
  custodyCode!: string;
}

@InputType({ description: 'A credit loan; amount = principal. endDate defaults to start + term.' })
export class CreditLoanInput extends StatusInputBase {
  @Field(() => CreditCodeScalar, { description: "The lending bank's credit code." })
  lenderCreditCode!: string;

  @Field(() => String, { nullable: true, description: 'The sub-branch, by name.' })
  branchName?: string | null;

  @Field()
  contractNo!: string;

  @Field(() => PercentScalar)
  interestRate!: string;

  @Field(() => Int)
  termMonths!: number;

  @Field(() => CreditRating, { nullable: true })
  ratingUsed?: CreditRating | null;
}

@InputType({ description: 'A patent pledged; the latest appraisal of it is used unless one is named.' })
export class PledgeInput {
  @Field()
  patentNumber!: string;

  @Field(() => ID, { nullable: true })
  appraisalId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the pledge was registered (质押登记). Default: the loan’s start date.' })
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

  @Field()
  patentNumber!: string;

  @Field(() => DateScalar)
  cancelledOn!: string;
}

@InputType({ description: 'An IP-pledge loan: a credit loan secured by pledged patents.' })
export class IpPledgeLoanInput extends CreditLoanInput {
  @Field(() => [PledgeInput])
  pledges!: PledgeInput[];

  @Field(() => String, { nullable: true })
  pledgeRegistrationNo?: string | null;

  @Field(() => String, { nullable: true })
  guarantor?: string | null;

  @Field(() => PercentScalar, { nullable: true })
  guaranteeShare?: string | null;

  @Field(() => PercentScalar, { nullable: true })
  riskCompensationShare?: string | null;
}

@InputType({ description: 'A tech insurance policy; amount = sum insured.' })
export class TechInsuranceInput extends StatusInputBase {
  @Field()
  insurerName!: string;

  @Field()
  policyNo!: string;

  @Field(() => TechInsuranceKind)
  insuranceKind!: TechInsuranceKind;

  @Field(() => DecimalScalar)
  premium!: string;

  @Field(() => DecimalScalar, { nullable: true })
  subsidyClaimed?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  subsidyApproved?: string | null;
}

@InputType({ description: 'Reinsurance of a recorded tech insurance policy; amount = sum ceded. Held by the insured enterprise.' })
export class ReinsuranceInput extends StatusInputBase {
  @Field()
  reinsurerName!: string;

  @Field()
  underlyingPolicyNo!: string;

  @Field()
  treatyNo!: string;

  @Field(() => PercentScalar)
  cededShare!: string;
}

@InputType()
export class IssuerShareInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field(() => PercentScalar, { description: 'Its share of the issue, in percent; the shares add up to 100.' })
  share!: string;
}

@InputType({ description: 'A bond or note issue; amount = issue size. The first issuer leads.' })
export class BondIssueInput {
  @Field(() => InstrumentKind, { description: 'COLLECTIVE_BOND, SME_COLLECTIVE_NOTE, SHORT_TERM_BILL or MEDIUM_TERM_NOTE.' })
  kind!: InstrumentKind;

  @Field(() => [IssuerShareInput])
  issuers!: IssuerShareInput[];

  @Field(() => InstrumentStatus, { defaultValue: InstrumentStatus.ACTIVE })
  status: InstrumentStatus = InstrumentStatus.ACTIVE;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field()
  code!: string;

  @Field()
  underwriter!: string;

  @Field(() => PercentScalar)
  couponRate!: string;

  @Field(() => Int)
  tenorMonths!: number;

  @Field(() => CreditRating, { nullable: true })
  rating?: CreditRating | null;

  @Field(() => String, { nullable: true })
  guarantor?: string | null;
}

@InputType({ description: 'An investment by a fund; amount = money invested.' })
export class FundInvestmentInput extends StatusInputBase {
  @Field()
  fundName!: string;

  @Field(() => PercentScalar)
  stake!: string;
}

@InputType({ description: "Cover of one of the enterprise's loans by a risk compensation pool; amount = most the pool pays." })
export class RiskCompensationCoverInput extends StatusInputBase {
  @Field()
  poolName!: string;

  @Field(() => ID, { description: 'The covered credit or IP-pledge loan.' })
  coveredLoanId!: string;

  @Field(() => PercentScalar)
  coverageRatio!: string;
}

@InputType()
export class RiskCompensationClaimInput {
  @Field(() => ID)
  coverId!: string;

  @Field(() => DateScalar)
  claimedOn!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => ClaimStatus, { defaultValue: ClaimStatus.FILED })
  status: ClaimStatus = ClaimStatus.FILED;

  @Field(() => DecimalScalar, { nullable: true })
  paidAmount?: string | null;
}
