import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, InterfaceType, Int, ObjectType } from 'type-graphql';
import { Node, typeNamedAfterClass } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { DateScalar, DateTimeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import { Patent, PatentAppraisal } from '../ip/patent.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from './counterparty.entity';
import {
  ClaimStatus,
  CreditRating,
  InstrumentKind,
  InstrumentStatus,
  NeeqStage,
  NeeqTier,
  TechInsuranceKind,
} from './enums';

/** What a masked field's description says: who sees it null (with a FORBIDDEN error), as policy.ts `instrument()` decides. */
export const MASKED_DETAIL = ' Masked (null with a FORBIDDEN error) to a bank officer, except on a loan its own bank granted.';
export const MASKED_TERM =
  ' Masked (null with a FORBIDDEN error) to CPPCC members and the CPPCC office, and to a bank officer except on a loan its own bank granted.';

/** The instrument row `i` is not voided (SQL): every read of instruments as facts (lists, sums, eligibility) says so. */
export const notVoidedSql = (i: string): string => `${i}.voided_at is null`;

/**
 * Every financing instrument, in one table (single-table inheritance on `kind`): the portfolio of an enterprise,
 * the zone summary and eligibility all read one table. Each kind is its own GraphQL type implementing the
 * `FinancingInstrument` interface. Holders (one, or several issuers of a collective bond) are in InstrumentHolder.
 *
 * An instrument recorded wrongly is corrected (`correct*`, audited with the values before and after) or voided
 * (`voidInstrument`): a voided one stays in the table with its reason, read by id by administrators only, and every
 * read of instruments as facts leaves it out (`notVoidedSql`).
 */
@InterfaceType({
  implements: Node,
  description:
    'A financing instrument (融资工具) of one or more zone enterprises: a listing, a loan, an insurance policy, a bond or note, a fund investment or a risk compensation cover. Each kind is its own type.',
  resolveType: typeNamedAfterClass,
})
@Entity({ tableName: 'financing_instrument', discriminatorColumn: 'kind', abstract: true })
@Index({ properties: ['kind', 'status'] })
@Index({
  name: 'neeq_listing_one_live',
  expression: `create unique index "neeq_listing_one_live" on "financing_instrument" ("listed_company_id") where "kind" = 'NEEQ_LISTING' and "status" in ('PENDING', 'ACTIVE') and "voided_at" is null`,
})
export abstract class FinancingInstrument extends VersionedEntity {
  @Field(() => InstrumentKind, { description: 'What kind of instrument it is; the same as its type.' })
  @Enum({ items: () => InstrumentKind, nativeEnumName: 'instrument_kind' })
  kind!: InstrumentKind;

  @Field(() => InstrumentStatus, { description: 'Where it stands: pending, active, completed, defaulted or terminated.' })
  @Enum({ items: () => InstrumentStatus, nativeEnumName: 'instrument_status' })
  status!: InstrumentStatus;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Principal, sum insured, issue size, investment or cover cap, in yuan. For a collective bond, the whole issue.${MASKED_DETAIL}`,
  })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: `The day it began: the loan drawn, the policy in force, the bond issued, the investment made, the listing process begun.${MASKED_DETAIL}`,
  })
  @Property({ type: 'date', fieldName: 'start_date' })
  startsOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: `Its maturity, expiry or end (the last day); null for an open-ended one.${MASKED_DETAIL}`,
  })
  @Property({ type: 'date', nullable: true, fieldName: 'end_date' })
  endsOn: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: `When it went into default (违约); kept after a later status change, null if it never defaulted.${MASKED_DETAIL}`,
  })
  @Property({ type: 'date', nullable: true })
  defaultedOn: string | null = null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When it was voided as recorded wrongly (作废); null for an instrument in force. A voided instrument is left out of every list, sum and eligibility check, and only administrators read it, by id.',
  })
  @Property({ type: 'datetime', nullable: true })
  voidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was voided, as the administrator gave it; null unless voided.' })
  @Property({ type: 'text', nullable: true })
  voidReason: string | null = null;

  /** A default is dated when it is recorded (eligibility looks back over a window of months). */
  @BeforeCreate()
  @BeforeUpdate()
  dateDefault(): void {
    if (this.status === InstrumentStatus.DEFAULTED && !this.defaultedOn) this.defaultedOn = zoneToday();
  }

  // type-graphql gives an interface no fields of an object-type parent: restate the versioned record's own.
  @Field(() => Int, {
    name: 'version',
    description: 'Bumped by every change; send it back with updateInstrumentStatus, advanceNeeqStage, a correction or voidInstrument.',
  })
  get currentVersion(): number {
    return this.version;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'When this record last changed.' })
  get lastChangedAt(): Date {
    return this.updatedAt;
  }
}

// ── Listings ────────────────────────────────────────────────────────────────────────────────────────────────────

/** One step of a NEEQ listing; kept in the listing's `stage_history` JSON as `{ stage, on }`. */
@ObjectType({ description: 'One stage a NEEQ listing (新三板挂牌) reached, and when.' })
export class NeeqStageEntry {
  @Field(() => NeeqStage, { description: 'The stage reached.' })
  stage!: NeeqStage;

  @Field(() => DateScalar, { name: 'reachedOn', description: 'The day it was reached.' })
  on!: string;
}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description:
    'A listing on the National Equities Exchange and Quotations (新三板, 代办股份转让系统), from joint-stock reform to listed and beyond; amount = capital raised. Its status follows its stage.',
})
@Entity({ discriminatorValue: InstrumentKind.NEEQ_LISTING })
export class NeeqListing extends FinancingInstrument {
  @Field(() => String, {
    nullable: true,
    description: `The stock code (证券代码): 430xxx in the pilot era (listed before 2014); later 83xxxx, 87xxxx, 88xxxx (or 430xxx into 2014). Null before listing.${MASKED_DETAIL}`,
  })
  @Property({ type: 'text', nullable: true })
  stockCode: string | null = null;

  @Field({ nullable: true, description: `The sponsor broker (主办券商).${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true })
  sponsorBroker!: string;

  @Field(() => NeeqTier, { nullable: true, description: `The tier (分层) the listed company is in, or was in last; null when in none.${MASKED_DETAIL}` })
  @Enum({ items: () => NeeqTier, nativeEnumName: 'neeq_tier', nullable: true })
  tier: NeeqTier | null = null;

  @Field(() => NeeqStage, { nullable: true, description: `The stage reached last.${MASKED_DETAIL}` })
  @Enum({ items: () => NeeqStage, nativeEnumName: 'neeq_stage', nullable: true })
  stage!: NeeqStage;

  @Field(() => [NeeqStageEntry], { nullable: true, description: `Every stage reached, oldest first.${MASKED_DETAIL}` })
  @Property({ type: 'json', nullable: true })
  stageHistory: NeeqStageEntry[] = [];

  @Field({ nullable: true, description: `Is it in the first batch (首批) of zone enterprises of the NEEQ pilot?${MASKED_DETAIL}` })
  @Property({ nullable: true, fieldName: 'first_batch' })
  isFirstBatch: boolean = false;

  /**
   * The company listed: its sole holder, kept on the row too so that PostgreSQL itself holds a company to one live
   * listing (the partial unique index neeq_listing_one_live), whatever requests interleave. Not in the schema: the
   * holder is the listing's `enterprise`.
   */
  @ManyToOne(() => Enterprise, { ref: true, nullable: true, fieldName: 'listed_company_id' })
  listedCompany: Ref<Enterprise> | null = null;
}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'A listing on a regional equity market (区域性股权市场, e.g. 武汉股权托管交易中心); amount = capital raised.',
})
@Entity({ discriminatorValue: InstrumentKind.REGIONAL_OTC_LISTING })
export class RegionalOtcListing extends FinancingInstrument {
  @Field({ nullable: true, description: `The equity exchange center (股权交易中心), e.g. 武汉股权托管交易中心.${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true, fieldName: 'centre' })
  center!: string;

  @Field({ nullable: true, description: `The board (板块) it is listed on, e.g. 科技板.${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true })
  board!: string;

  @Field({ nullable: true, description: `Its custody code (托管代码) at the center.${MASKED_TERM}` })
  @Property({ type: 'text', nullable: true })
  custodyCode!: string;
}

// ── Loans ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Fields every loan has; `lender` and `subBranch` are resolved through loaders. */
@ObjectType('LoanInstrument', { description: 'Not in the schema: the fields every loan kind has.' })
export abstract class LoanInstrument extends FinancingInstrument {
  @ManyToOne(() => Bank, { ref: true, nullable: true, index: true })
  lender!: Ref<Bank>;

  @ManyToOne(() => BankBranch, { ref: true, nullable: true })
  lenderBranch: Ref<BankBranch> | null = null;

  @Field({ nullable: true, description: `The loan contract number (借款合同编号), unique per lender.${MASKED_TERM}` })
  @Property({ type: 'text', nullable: true, fieldName: 'contract_no' })
  contractNumber!: string;

  @Field(() => PercentScalar, { nullable: true, description: `The annual interest rate (年利率), in percent.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  interestRate!: string;

  @Field(() => Int, { nullable: true, description: `The term (期限), in months.${MASKED_DETAIL}` })
  @Property({ type: 'smallint', nullable: true })
  termMonths!: number;

  @Field(() => CreditRating, { nullable: true, description: `The SME credit rating the lender relied on; null when none was recorded.${MASKED_TERM}` })
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating', nullable: true })
  ratingUsed: CreditRating | null = null;
}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'A credit loan (信用贷款): a bank loan to an enterprise without collateral; amount = principal.',
})
@Entity({ discriminatorValue: InstrumentKind.CREDIT_LOAN })
export class CreditLoan extends LoanInstrument {}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description:
    'An intellectual-property pledge loan (知识产权质押贷款): a bank loan secured by the borrower’s pledged patents, its risk possibly shared with a guarantor and a risk compensation pool; amount = principal.',
})
@Entity({ discriminatorValue: InstrumentKind.IP_PLEDGE_LOAN })
export class IpPledgeLoan extends LoanInstrument {
  @Field(() => String, {
    nullable: true,
    description: `The pledge registration number (质押登记号) given by the China National Intellectual Property Administration (opaque); null when not recorded.${MASKED_TERM}`,
  })
  @Property({ type: 'text', nullable: true, fieldName: 'pledge_registration_no' })
  pledgeRegistrationNumber: string | null = null;

  @Field(() => String, { nullable: true, description: `The guarantee company (担保公司) sharing the risk, by name; null when none.${MASKED_TERM}` })
  @Property({ type: 'text', nullable: true })
  guarantor: string | null = null;

  @Field(() => PercentScalar, { nullable: true, description: `The share of a loss the guarantor bears, in percent; null when none.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  guaranteeShare: string | null = null;

  @Field(() => PercentScalar, {
    nullable: true,
    description: `The share of a loss the risk compensation pool (风险补偿资金池) bears, in percent; null when none.${MASKED_TERM}`,
  })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  riskCompensationShare: string | null = null;
}

/** A patent pledged for an IP-pledge loan, with the appraisal the loan relied on. */
@ObjectType({
  implements: Node,
  description: 'A patent pledged (专利质押) for an IP-pledge loan, with the appraisal the loan relied on and its registration with the patent office.',
})
@Entity()
@Unique({ properties: ['loan', 'patent'] })
// Registrations of one patent never overlap (migration 20261130200000), declared so MikroORM's schema diff knows them;
// a pledge voided with its loan never happened, and takes no room (migration 20261210100000).
@Index({
  name: 'ip_pledge_registrations_apart',
  expression:
    'alter table "ip_pledge" add constraint "ip_pledge_registrations_apart" exclude using gist ' +
    `("patent_id" with =, daterange("registered_on", "cancelled_on", '[)') with &&) where ("voided_at" is null)`,
})
@Check({ name: 'ip_pledge_cancelled_after_registered', expression: 'cancelled_on >= registered_on' })
export class IpPledge extends BaseEntity {
  @ManyToOne(() => IpPledgeLoan, { ref: true, deleteRule: 'cascade', index: true })
  loan!: Ref<IpPledgeLoan>;

  @ManyToOne(() => Patent, { ref: true, index: true })
  patent!: Ref<Patent>;

  @ManyToOne(() => PatentAppraisal, { ref: true })
  appraisal!: Ref<PatentAppraisal>;

  @Field(() => DateScalar, { description: 'When the pledge was registered (质押登记) with the patent office: pledged from this day.' })
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When its registration was cancelled (注销登记): free from this day. Null: still registered, whatever the loan’s status.',
  })
  @Property({ type: 'date', nullable: true })
  cancelledOn: string | null = null;

  /** Set with its loan's `voidedAt` when the loan is voided: the pledge never held, and pledges no patent. Not in the schema. */
  @Property({ type: 'datetime', nullable: true })
  voidedAt: Date | null = null;
}

/**
 * A pledge (row `pledge` of ip_pledge) in force on `date` (SQL): registered by the date, its registration not
 * cancelled by then, and its loan not voided. A pledge ends when its registration is cancelled (注销登记), not when
 * the loan is repaid or defaults (a defaulted loan's bank holds the pledge; a repaid one's is cancelled on request).
 */
export const pledgeInForceSql = (pledge: string, date: string): string =>
  `${pledge}.registered_on <= ${date} and (${pledge}.cancelled_on is null or ${pledge}.cancelled_on > ${date}) and ${notVoidedSql(pledge)}`;

/** Patent `patent` pledged on `date` (SQL): a pledge of it in force then. */
export const pledgedOnSql = (patent: string, date: string): string =>
  `exists (select 1 from ip_pledge pl where pl.patent_id = ${patent}.id and ${pledgeInForceSql('pl', date)})`;

/** Pledged on the date bound (twice) by the caller, over `p` (a patent). */
export const PLEDGED_ON_SQL = pledgedOnSql('p', '?');

// ── Insurance ───────────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'A technology insurance policy (科技保险) of an enterprise, with the premium subsidy (保费补贴) claimed from the zone; amount = sum insured.',
})
@Entity({ discriminatorValue: InstrumentKind.TECH_INSURANCE })
export class TechInsurancePolicy extends FinancingInstrument {
  @ManyToOne(() => Insurer, { ref: true, nullable: true, index: true })
  insurer!: Ref<Insurer>;

  @Field({ nullable: true, description: `The policy number (保单号), unique per insurer.${MASKED_TERM}` })
  @Property({ type: 'text', nullable: true, fieldName: 'policy_no' })
  policyNumber!: string;

  @Field(() => TechInsuranceKind, { nullable: true, description: `The line of insurance (险种).${MASKED_DETAIL}` })
  @Enum({ items: () => TechInsuranceKind, nativeEnumName: 'tech_insurance_kind', nullable: true })
  insuranceKind!: TechInsuranceKind;

  @Field(() => DecimalScalar, { nullable: true, description: `The premium (保费), in yuan.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  premium!: string;

  @Field(() => DecimalScalar, { nullable: true, description: `The premium subsidy claimed from the zone, in yuan; null when none.${MASKED_DETAIL}` })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  subsidyClaimed: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: `The premium subsidy approved, in yuan; null while none is.${MASKED_DETAIL}` })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  subsidyApproved: string | null = null;
}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'Reinsurance (再保险) of a technology insurance policy, held by the insured enterprise; amount = the sum ceded.',
})
@Entity({ discriminatorValue: InstrumentKind.REINSURANCE })
export class Reinsurance extends FinancingInstrument {
  @ManyToOne(() => Insurer, { ref: true, nullable: true })
  reinsurer!: Ref<Insurer>;

  @ManyToOne(() => TechInsurancePolicy, { ref: true, nullable: true })
  underlyingPolicy!: Ref<TechInsurancePolicy>;

  @Field({ nullable: true, description: `The reinsurance treaty number (再保险合同编号).${MASKED_TERM}` })
  @Property({ type: 'text', nullable: true, fieldName: 'treaty_no' })
  treatyNumber!: string;

  @Field(() => PercentScalar, { nullable: true, description: `The share of the policy ceded (分出比例), in percent.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  cededShare!: string;
}

// ── Bonds and notes ─────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType('DebtSecurity', { description: 'Not in the schema: the fields every bond and note kind has.' })
export abstract class DebtSecurity extends FinancingInstrument {
  @Field({ nullable: true, description: `The bond or note code (债券代码), unique in the registry.${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true })
  code!: string;

  @Field({ nullable: true, description: `The lead underwriter (主承销商).${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true })
  underwriter!: string;

  @Field(() => PercentScalar, { nullable: true, description: `The coupon (票面利率), in percent a year.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  couponRate!: string;

  @Field(() => Int, { nullable: true, description: `The tenor (期限), in months; endsOn is startsOn plus the tenor.${MASKED_DETAIL}` })
  @Property({ type: 'smallint', nullable: true })
  tenorMonths!: number;

  @Field(() => CreditRating, { nullable: true, description: `The issue's credit rating (债项评级); null when not rated.${MASKED_DETAIL}` })
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating', nullable: true })
  rating: CreditRating | null = null;

  @Field(() => String, { nullable: true, description: `The guarantor (担保人) of the issue, by name; null when none.${MASKED_DETAIL}` })
  @Property({ type: 'text', nullable: true })
  guarantor: string | null = null;
}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'A collective bond (集合债): several SMEs issue under one name, each liable for its own share; amount = the whole issue.',
})
@Entity({ discriminatorValue: InstrumentKind.COLLECTIVE_BOND })
export class CollectiveBond extends DebtSecurity {}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'SME collective notes (中小企业集合票据): several SMEs issue together, each liable for its own share; amount = the whole issue.',
})
@Entity({ discriminatorValue: InstrumentKind.SME_COLLECTIVE_NOTE })
export class SmeCollectiveNote extends DebtSecurity {}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'Short-term financing bills (短期融资券): a tenor of at most 12 months; amount = issue size.',
})
@Entity({ discriminatorValue: InstrumentKind.SHORT_TERM_BILL })
export class ShortTermBill extends DebtSecurity {}

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'Medium-term notes (中期票据): a tenor of more than 12 months, typically 3–5 years; amount = issue size.',
})
@Entity({ discriminatorValue: InstrumentKind.MEDIUM_TERM_NOTE })
export class MediumTermNote extends DebtSecurity {}

// ── Funds and risk compensation ─────────────────────────────────────────────────────────────────────────────────

@ObjectType({
  implements: [FinancingInstrument, Node],
  description: 'An investment in the enterprise by a fund (基金投资): angel, venture, private equity, guidance or the zone’s own; amount = money invested.',
})
@Entity({ discriminatorValue: InstrumentKind.FUND_INVESTMENT })
export class FundInvestment extends FinancingInstrument {
  @ManyToOne(() => Fund, { ref: true, nullable: true, index: true })
  fund!: Ref<Fund>;

  @Field(() => PercentScalar, { nullable: true, description: `The equity stake acquired (持股比例), in percent.${MASKED_DETAIL}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  stake!: string;
}

@ObjectType({
  implements: FinancingInstrument,
  description:
    'Cover of a loan by a risk compensation pool or SME loan mutual-aid fund (风险补偿, 助保贷): the pool bears a share of the loss; amount = the most the pool pays.',
})
@Entity({ discriminatorValue: InstrumentKind.RISK_COMPENSATION })
export class RiskCompensationCover extends FinancingInstrument {
  @ManyToOne(() => RiskCompensationPool, { ref: true, nullable: true, index: true })
  pool!: Ref<RiskCompensationPool>;

  @ManyToOne(() => FinancingInstrument, { ref: true, nullable: true })
  coveredLoan!: Ref<LoanInstrument>;

  @Field(() => PercentScalar, { nullable: true, description: `The share of a loss covered (补偿比例), in percent.${MASKED_TERM}` })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  coverageRatio!: string;
}

@ObjectType({ implements: Node, description: 'A claim (风险补偿申请) against a risk compensation cover, for a loss on the covered loan.' })
@Entity()
export class RiskCompensationClaim extends BaseEntity {
  @ManyToOne(() => RiskCompensationCover, { ref: true, deleteRule: 'cascade', index: true })
  cover!: Ref<RiskCompensationCover>;

  @Field(() => DateScalar, { description: 'The day the claim was filed.' })
  @Property({ type: 'date' })
  claimedOn!: string;

  @Field(() => DecimalScalar, { description: 'The amount claimed, in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => ClaimStatus, { description: 'Where the claim stands.' })
  @Enum({ items: () => ClaimStatus, nativeEnumName: 'claim_status' })
  status!: ClaimStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'The amount the pool paid, in yuan; null while nothing is paid.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  paidAmount: string | null = null;
}

// ── Who holds what ──────────────────────────────────────────────────────────────────────────────────────────────

/** An enterprise's part in an instrument: the only holder, or one issuer of a collective bond with its share. */
@ObjectType({
  implements: Node,
  description: "An enterprise's part in an instrument: its only holder, or one issuer of a collective issue with its share.",
})
@Entity()
@Unique({ properties: ['instrument', 'enterprise'] })
@Index({ properties: ['enterprise', 'instrument'] })
export class InstrumentHolder extends BaseEntity {
  @ManyToOne(() => FinancingInstrument, { ref: true, deleteRule: 'cascade' })
  instrument!: Ref<FinancingInstrument>;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => PercentScalar, { description: 'Its share of the instrument, in percent (100 for a sole holder).' })
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  share!: string;

  @Field({ description: 'Is it the lead (first-named) holder, the instrument’s `enterprise`?' })
  @Property({ default: false, fieldName: 'lead' })
  isLead: boolean = false;
}

/** Every concrete instrument class, by kind. */
export const INSTRUMENT_CLASSES = {
  [InstrumentKind.NEEQ_LISTING]: NeeqListing,
  [InstrumentKind.REGIONAL_OTC_LISTING]: RegionalOtcListing,
  [InstrumentKind.CREDIT_LOAN]: CreditLoan,
  [InstrumentKind.IP_PLEDGE_LOAN]: IpPledgeLoan,
  [InstrumentKind.TECH_INSURANCE]: TechInsurancePolicy,
  [InstrumentKind.REINSURANCE]: Reinsurance,
  [InstrumentKind.COLLECTIVE_BOND]: CollectiveBond,
  [InstrumentKind.SME_COLLECTIVE_NOTE]: SmeCollectiveNote,
  [InstrumentKind.SHORT_TERM_BILL]: ShortTermBill,
  [InstrumentKind.MEDIUM_TERM_NOTE]: MediumTermNote,
  [InstrumentKind.FUND_INVESTMENT]: FundInvestment,
  [InstrumentKind.RISK_COMPENSATION]: RiskCompensationCover,
} as const;
