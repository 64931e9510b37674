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

/**
 * Every financing instrument, in one table (single-table inheritance on `kind`): the portfolio of an enterprise,
 * the zone summary and eligibility all read one table. Each kind is its own GraphQL type implementing the
 * `FinancingInstrument` interface. Holders (one, or several issuers of a collective bond) are in InstrumentHolder.
 */
@InterfaceType({
  implements: Node,
  description: 'A financing instrument of one or more zone enterprises.',
  resolveType: typeNamedAfterClass,
})
@Entity({ tableName: 'financing_instrument', discriminatorColumn: 'kind', abstract: true })
@Index({ properties: ['kind', 'status'] })
@Index({
  name: 'neeq_listing_one_live',
  expression: `create unique index "neeq_listing_one_live" on "financing_instrument" ("listed_company_id") where "kind" = 'NEEQ_LISTING' and "status" in ('PENDING', 'ACTIVE')`,
})
export abstract class FinancingInstrument extends VersionedEntity {
  @Field(() => InstrumentKind)
  @Enum({ items: () => InstrumentKind, nativeEnumName: 'instrument_kind' })
  kind!: InstrumentKind;

  @Field(() => InstrumentStatus)
  @Enum({ items: () => InstrumentStatus, nativeEnumName: 'instrument_status' })
  status!: InstrumentStatus;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Principal, sum insured, issue size, investment or cover cap, in yuan. For a collective bond, the whole issue.',
  })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Maturity, expiry or end; none for an open-ended one.' })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'When it went into default (kept after a later status change).' })
  @Property({ type: 'date', nullable: true })
  defaultedOn: string | null = null;

  /** A default is dated when it is recorded (eligibility looks back over a window of months). */
  @BeforeCreate()
  @BeforeUpdate()
  dateDefault(): void {
    if (this.status === InstrumentStatus.DEFAULTED && !this.defaultedOn) this.defaultedOn = zoneToday();
  }

  // type-graphql gives an interface no fields of an object-type parent: restate the versioned record's own.
  @Field(() => Int, { name: 'version', description: 'Bumped by every change; send it back with an update.' })
  get currentVersion(): number {
    return this.version;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'When this record last changed.' })
  get lastChangedAt(): Date {
    return this.updatedAt;
  }
}

// ── Listings ────────────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType({ description: 'One step of a NEEQ listing and when it was reached.' })
export class NeeqStageEntry {
  @Field(() => NeeqStage)
  stage!: NeeqStage;

  @Field(() => DateScalar)
  on!: string;
}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'A NEEQ (新三板) listing.' })
@Entity({ discriminatorValue: InstrumentKind.NEEQ_LISTING })
export class NeeqListing extends FinancingInstrument {
  @Field(() => String, { nullable: true, description: 'Pilot era (listed before 2014) 430xxx; later 83xxxx, 87xxxx, 88xxxx (or 430xxx into 2014).' })
  @Property({ type: 'text', nullable: true })
  stockCode: string | null = null;

  @Field({ nullable: true, description: 'Sponsor broker (主办券商).' })
  @Property({ type: 'text', nullable: true })
  sponsorBroker!: string;

  @Field(() => NeeqTier, { nullable: true })
  @Enum({ items: () => NeeqTier, nativeEnumName: 'neeq_tier', nullable: true })
  tier: NeeqTier | null = null;

  @Field(() => NeeqStage, { nullable: true })
  @Enum({ items: () => NeeqStage, nativeEnumName: 'neeq_stage', nullable: true })
  stage!: NeeqStage;

  @Field(() => [NeeqStageEntry], { nullable: true, description: 'Every stage reached, oldest first.' })
  @Property({ type: 'json', nullable: true })
  stageHistory: NeeqStageEntry[] = [];

  @Field({ nullable: true, description: 'In the first batch of zone enterprises of the pilot.' })
  @Property({ nullable: true })
  firstBatch: boolean = false;

  /**
   * The company listed: its sole holder, kept on the row too so that PostgreSQL itself holds a company to one live
   * listing (the partial unique index neeq_listing_one_live), whatever requests interleave. Not in the schema: the
   * holder is the listing's `enterprise`.
   */
  @ManyToOne(() => Enterprise, { ref: true, nullable: true, fieldName: 'listed_company_id' })
  listedCompany: Ref<Enterprise> | null = null;
}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'A regional equity market listing (区域性股权市场).' })
@Entity({ discriminatorValue: InstrumentKind.REGIONAL_OTC_LISTING })
export class RegionalOtcListing extends FinancingInstrument {
  @Field({ nullable: true, description: 'The equity exchange centre, e.g. 武汉股权托管交易中心.' })
  @Property({ type: 'text', nullable: true })
  centre!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  board!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  custodyCode!: string;
}

// ── Loans ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Fields every loan has; `lender` and `subBranch` are resolved through loaders. */
@ObjectType('LoanInstrument')
export abstract class LoanInstrument extends FinancingInstrument {
  @ManyToOne(() => Bank, { ref: true, nullable: true, index: true })
  lender!: Ref<Bank>;

  @ManyToOne(() => BankBranch, { ref: true, nullable: true })
  lenderBranch: Ref<BankBranch> | null = null;

  @Field({ nullable: true, description: 'Loan contract number.' })
  @Property({ type: 'text', nullable: true })
  contractNo!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Annual interest rate in percent.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  interestRate!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  termMonths!: number;

  @Field(() => CreditRating, { nullable: true, description: 'The SME credit rating the lender used.' })
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating', nullable: true })
  ratingUsed: CreditRating | null = null;
}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'A credit loan (信用贷款).' })
@Entity({ discriminatorValue: InstrumentKind.CREDIT_LOAN })
export class CreditLoan extends LoanInstrument {}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'An IP-pledge loan (知识产权质押贷款).' })
@Entity({ discriminatorValue: InstrumentKind.IP_PLEDGE_LOAN })
export class IpPledgeLoan extends LoanInstrument {
  @Field(() => String, { nullable: true, description: 'CNIPA pledge registration number (opaque).' })
  @Property({ type: 'text', nullable: true })
  pledgeRegistrationNo: string | null = null;

  @Field(() => String, { nullable: true, description: 'The guarantee company sharing the risk, if any.' })
  @Property({ type: 'text', nullable: true })
  guarantor: string | null = null;

  @Field(() => PercentScalar, { nullable: true, description: 'Share of a loss the guarantor bears.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  guaranteeShare: string | null = null;

  @Field(() => PercentScalar, { nullable: true, description: 'Share of a loss the risk compensation pool bears.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  riskCompensationShare: string | null = null;
}

/** A patent pledged for an IP-pledge loan, with the appraisal the loan relied on. */
@ObjectType({ implements: Node, description: 'A patent pledged for an IP-pledge loan.' })
@Entity()
@Unique({ properties: ['loan', 'patent'] })
// Registrations of one patent never overlap (migration 20261130200000), declared so MikroORM's schema diff knows them.
@Index({
  name: 'ip_pledge_registrations_apart',
  expression:
    'alter table "ip_pledge" add constraint "ip_pledge_registrations_apart" exclude using gist ' +
    `("patent_id" with =, daterange("registered_on", "cancelled_on", '[)') with &&)`,
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
}

/**
 * A pledge (row `pledge` of ip_pledge) in force on `date` (SQL): registered by the date and its registration not
 * cancelled by then. A pledge ends when its registration is cancelled (注销登记), not when the loan is repaid or
 * defaults (a defaulted loan's bank holds the pledge; a repaid one's is cancelled on request).
 */
export const pledgeInForceSql = (pledge: string, date: string): string =>
  `${pledge}.registered_on <= ${date} and (${pledge}.cancelled_on is null or ${pledge}.cancelled_on > ${date})`;

/** Patent `patent` pledged on `date` (SQL): a pledge of it in force then. */
export const pledgedOnSql = (patent: string, date: string): string =>
  `exists (select 1 from ip_pledge pl where pl.patent_id = ${patent}.id and ${pledgeInForceSql('pl', date)})`;

/** Pledged on the date bound (twice) by the caller, over `p` (a patent). */
export const PLEDGED_ON_SQL = pledgedOnSql('p', '?');

// ── Insurance ───────────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType({ implements: [FinancingInstrument, Node], description: 'A tech insurance policy (科技保险); amount = sum insured.' })
@Entity({ discriminatorValue: InstrumentKind.TECH_INSURANCE })
export class TechInsurancePolicy extends FinancingInstrument {
  @ManyToOne(() => Insurer, { ref: true, nullable: true, index: true })
  insurer!: Ref<Insurer>;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  policyNo!: string;

  @Field(() => TechInsuranceKind, { nullable: true })
  @Enum({ items: () => TechInsuranceKind, nativeEnumName: 'tech_insurance_kind', nullable: true })
  insuranceKind!: TechInsuranceKind;

  @Field(() => DecimalScalar, { nullable: true })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  premium!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Premium subsidy claimed from the zone.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  subsidyClaimed: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Premium subsidy approved.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  subsidyApproved: string | null = null;
}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'Reinsurance of a tech insurance policy; amount = ceded sum.' })
@Entity({ discriminatorValue: InstrumentKind.REINSURANCE })
export class Reinsurance extends FinancingInstrument {
  @ManyToOne(() => Insurer, { ref: true, nullable: true })
  reinsurer!: Ref<Insurer>;

  @ManyToOne(() => TechInsurancePolicy, { ref: true, nullable: true })
  underlyingPolicy!: Ref<TechInsurancePolicy>;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  treatyNo!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Share of the policy ceded.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  cededShare!: string;
}

// ── Bonds and notes ─────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType('DebtSecurity')
export abstract class DebtSecurity extends FinancingInstrument {
  @Field({ nullable: true, description: 'Bond or note code.' })
  @Property({ type: 'text', nullable: true })
  code!: string;

  @Field({ nullable: true, description: 'Lead underwriter.' })
  @Property({ type: 'text', nullable: true })
  underwriter!: string;

  @Field(() => PercentScalar, { nullable: true, description: 'Coupon in percent a year.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  couponRate!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  tenorMonths!: number;

  @Field(() => CreditRating, { nullable: true })
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating', nullable: true })
  rating: CreditRating | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  guarantor: string | null = null;
}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'A collective bond (集合债) of several SMEs.' })
@Entity({ discriminatorValue: InstrumentKind.COLLECTIVE_BOND })
export class CollectiveBond extends DebtSecurity {}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'SME collective notes (中小企业集合票据).' })
@Entity({ discriminatorValue: InstrumentKind.SME_COLLECTIVE_NOTE })
export class SmeCollectiveNote extends DebtSecurity {}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'Short-term financing bills (短期融资券), ≤ 12 months.' })
@Entity({ discriminatorValue: InstrumentKind.SHORT_TERM_BILL })
export class ShortTermBill extends DebtSecurity {}

@ObjectType({ implements: [FinancingInstrument, Node], description: 'Medium-term notes (中期票据), typically 3–5 years.' })
@Entity({ discriminatorValue: InstrumentKind.MEDIUM_TERM_NOTE })
export class MediumTermNote extends DebtSecurity {}

// ── Funds and risk compensation ─────────────────────────────────────────────────────────────────────────────────

@ObjectType({ implements: [FinancingInstrument, Node], description: 'An investment by a fund; amount = money invested.' })
@Entity({ discriminatorValue: InstrumentKind.FUND_INVESTMENT })
export class FundInvestment extends FinancingInstrument {
  @ManyToOne(() => Fund, { ref: true, nullable: true, index: true })
  fund!: Ref<Fund>;

  @Field(() => PercentScalar, { nullable: true, description: 'Equity stake acquired, in percent.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  stake!: string;
}

@ObjectType({
  implements: FinancingInstrument,
  description: 'Cover of a loan by a risk compensation pool; amount = the most the pool pays.',
})
@Entity({ discriminatorValue: InstrumentKind.RISK_COMPENSATION })
export class RiskCompensationCover extends FinancingInstrument {
  @ManyToOne(() => RiskCompensationPool, { ref: true, nullable: true, index: true })
  pool!: Ref<RiskCompensationPool>;

  @ManyToOne(() => FinancingInstrument, { ref: true, nullable: true })
  coveredLoan!: Ref<LoanInstrument>;

  @Field(() => PercentScalar, { nullable: true, description: 'Share of a loss covered.' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  coverageRatio!: string;
}

@ObjectType({ implements: Node, description: 'A claim against a risk compensation cover.' })
@Entity()
export class RiskCompensationClaim extends BaseEntity {
  @ManyToOne(() => RiskCompensationCover, { ref: true, deleteRule: 'cascade', index: true })
  cover!: Ref<RiskCompensationCover>;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  claimedOn!: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Field(() => ClaimStatus)
  @Enum({ items: () => ClaimStatus, nativeEnumName: 'claim_status' })
  status!: ClaimStatus;

  @Field(() => DecimalScalar, { nullable: true })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  paidAmount: string | null = null;
}

// ── Who holds what ──────────────────────────────────────────────────────────────────────────────────────────────

/** An enterprise's part in an instrument: the only holder, or one issuer of a collective bond with its share. */
@ObjectType({ implements: Node, description: "An enterprise's part in an instrument." })
@Entity()
@Unique({ properties: ['instrument', 'enterprise'] })
@Index({ properties: ['enterprise', 'instrument'] })
export class InstrumentHolder extends BaseEntity {
  @ManyToOne(() => FinancingInstrument, { ref: true, deleteRule: 'cascade' })
  instrument!: Ref<FinancingInstrument>;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => PercentScalar, { description: 'Share of the instrument, in percent (100 for a sole holder).' })
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  share!: string;

  @Field({ description: 'The lead (first-named) holder; the instrument’s `enterprise`.' })
  @Property({ default: false })
  lead: boolean = false;
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
