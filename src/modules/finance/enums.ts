import { registerEnumType } from 'type-graphql';

/** The financing instrument kinds of DOMAIN.md: one GraphQL type each. */
export enum InstrumentKind {
  NEEQ_LISTING = 'NEEQ_LISTING',
  REGIONAL_OTC_LISTING = 'REGIONAL_OTC_LISTING',
  CREDIT_LOAN = 'CREDIT_LOAN',
  IP_PLEDGE_LOAN = 'IP_PLEDGE_LOAN',
  TECH_INSURANCE = 'TECH_INSURANCE',
  REINSURANCE = 'REINSURANCE',
  COLLECTIVE_BOND = 'COLLECTIVE_BOND',
  SME_COLLECTIVE_NOTE = 'SME_COLLECTIVE_NOTE',
  SHORT_TERM_BILL = 'SHORT_TERM_BILL',
  MEDIUM_TERM_NOTE = 'MEDIUM_TERM_NOTE',
  FUND_INVESTMENT = 'FUND_INVESTMENT',
  RISK_COMPENSATION = 'RISK_COMPENSATION',
}
registerEnumType(InstrumentKind, {
  name: 'InstrumentKind',
  description: 'The kind of a financing instrument; each kind is its own type implementing FinancingInstrument.',
  valuesConfig: {
    NEEQ_LISTING: { description: 'A listing on the National Equities Exchange and Quotations (新三板, 代办股份转让系统): NeeqListing.' },
    REGIONAL_OTC_LISTING: { description: 'A listing on a regional equity market (区域性股权市场): RegionalOtcListing.' },
    CREDIT_LOAN: { description: 'A credit loan (信用贷款), lent without collateral: CreditLoan.' },
    IP_PLEDGE_LOAN: { description: 'An intellectual-property pledge loan (知识产权质押贷款), secured by pledged patents: IpPledgeLoan.' },
    TECH_INSURANCE: { description: 'A technology insurance policy (科技保险): TechInsurancePolicy.' },
    REINSURANCE: { description: 'Reinsurance (再保险) of a technology insurance policy: Reinsurance.' },
    COLLECTIVE_BOND: { description: 'A collective bond (集合债): several SMEs issue under one name, each liable for its own part: CollectiveBond.' },
    SME_COLLECTIVE_NOTE: { description: 'SME collective notes (中小企业集合票据): SmeCollectiveNote.' },
    SHORT_TERM_BILL: { description: 'Short-term financing bills (短期融资券), at most 12 months: ShortTermBill.' },
    MEDIUM_TERM_NOTE: { description: 'Medium-term notes (中期票据), more than a year (typically 3–5 years): MediumTermNote.' },
    FUND_INVESTMENT: { description: 'An investment by an angel, venture, private equity or guidance fund (基金投资): FundInvestment.' },
    RISK_COMPENSATION: {
      description: 'Cover of a loan by a risk compensation pool or SME loan mutual-aid fund (风险补偿资金池, 助保贷): RiskCompensationCover.',
    },
  },
});

/** The kinds `recordBondIssue` records: the bonds and notes, each a DebtSecurity. */
export enum BondKind {
  COLLECTIVE_BOND = 'COLLECTIVE_BOND',
  SME_COLLECTIVE_NOTE = 'SME_COLLECTIVE_NOTE',
  SHORT_TERM_BILL = 'SHORT_TERM_BILL',
  MEDIUM_TERM_NOTE = 'MEDIUM_TERM_NOTE',
}
registerEnumType(BondKind, {
  name: 'BondKind',
  description: 'The kind of a bond or note issue (债券, 票据): the instrument kinds recordBondIssue takes.',
  valuesConfig: {
    COLLECTIVE_BOND: { description: 'A collective bond (集合债) of at least two SMEs, each liable for its own share.' },
    SME_COLLECTIVE_NOTE: { description: 'SME collective notes (中小企业集合票据) of at least two SMEs, each liable for its own share.' },
    SHORT_TERM_BILL: { description: 'Short-term financing bills (短期融资券): a tenor of at most 12 months.' },
    MEDIUM_TERM_NOTE: { description: 'Medium-term notes (中期票据): a tenor of more than 12 months (typically 3–5 years).' },
  },
});

/** Where an instrument stands; its meaning per kind is in the value descriptions. */
export enum InstrumentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  DEFAULTED = 'DEFAULTED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(InstrumentStatus, {
  name: 'InstrumentStatus',
  description: 'Where a financing instrument stands; what each value means for a kind is in its description.',
  valuesConfig: {
    PENDING: { description: 'Applied for or in process (a NEEQ listing not yet listed, 挂牌前).' },
    ACTIVE: { description: 'In force: a loan or bond outstanding, a policy or cover in force, a company listed, an investment held.' },
    COMPLETED: { description: 'Ended as agreed: repaid (结清), redeemed (兑付), expired normally, an investment exited (退出).' },
    DEFAULTED: { description: 'In payment default (违约); the day it was recorded is kept as defaultedOn.' },
    TERMINATED: { description: 'Ended otherwise: cancelled, delisted (摘牌), moved board (转板), withdrawn, or ended early.' },
  },
});

/** SME credit ratings (AAA … C) and bond ratings share one scale. */
export enum CreditRating {
  AAA = 'AAA',
  AA = 'AA',
  A = 'A',
  BBB = 'BBB',
  BB = 'BB',
  B = 'B',
  CCC = 'CCC',
  CC = 'CC',
  C = 'C',
}
registerEnumType(CreditRating, {
  name: 'CreditRating',
  description:
    'A credit rating grade (信用等级) on the nine-grade scale Chinese rating agencies use for enterprises and bonds, AAA strongest to C weakest; BBB and above is investment grade.',
  valuesConfig: {
    AAA: { description: 'AAA: the strongest capacity to repay; hardly affected by adverse conditions.' },
    AA: { description: 'AA: a very strong capacity to repay; little affected by adverse conditions.' },
    A: { description: 'A: a strong capacity to repay; somewhat affected by adverse conditions.' },
    BBB: { description: 'BBB: an adequate capacity to repay, weakened by adverse conditions; the lowest investment grade.' },
    BB: { description: 'BB: a weak capacity to repay, much affected by adverse conditions.' },
    B: { description: 'B: a capacity to repay that depends heavily on good conditions.' },
    CCC: { description: 'CCC: a very weak capacity to repay; default is a real risk.' },
    CC: { description: 'CC: a default is likely.' },
    C: { description: 'C: unable to repay; the weakest.' },
  },
});

/** The stages of a NEEQ listing (design); their order is NEEQ_STAGE_ORDER. */
export enum NeeqStage {
  JOINT_STOCK_REFORM = 'JOINT_STOCK_REFORM',
  FILING_ACCEPTED = 'FILING_ACCEPTED',
  REVIEW_FEEDBACK = 'REVIEW_FEEDBACK',
  APPROVAL_LETTER = 'APPROVAL_LETTER',
  LISTED = 'LISTED',
  DELISTED = 'DELISTED',
  MOVED_BOARD = 'MOVED_BOARD',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NeeqStage, {
  name: 'NeeqStage',
  description:
    'A stage of a NEEQ listing (新三板挂牌). Joint-stock reform → filing accepted → review feedback → approval letter → listed, in this order; a listed company may then be delisted or move board, and one not yet listed may withdraw.',
  valuesConfig: {
    JOINT_STOCK_REFORM: { description: 'Joint-stock reform (股份制改造): the company becomes a company limited by shares.' },
    FILING_ACCEPTED: { description: 'The listing application (filing) accepted (备案申请受理).' },
    REVIEW_FEEDBACK: { description: 'Review feedback (反馈意见) received and being answered.' },
    APPROVAL_LETTER: { description: 'The approval letter (备案确认函 / 批文) issued.' },
    LISTED: { description: 'Listed (挂牌): the stock is quoted under its stock code.' },
    DELISTED: { description: 'Delisted (摘牌): the listing ended.' },
    MOVED_BOARD: { description: 'Moved board (转板) to another market; from 2021-11-15, to the Beijing Stock Exchange (北交所).' },
    WITHDRAWN: {
      description: 'Ended before listing (终止挂牌申请): the application was withdrawn or its review ended. The company may apply again.',
    },
  },
});

/** The order a listing goes through; DELISTED and MOVED_BOARD end a LISTED one, WITHDRAWN one not yet listed. */
export const NEEQ_STAGE_ORDER: NeeqStage[] = [
  NeeqStage.JOINT_STOCK_REFORM,
  NeeqStage.FILING_ACCEPTED,
  NeeqStage.REVIEW_FEEDBACK,
  NeeqStage.APPROVAL_LETTER,
  NeeqStage.LISTED,
];

/** The NEEQ tiers (分层). */
export enum NeeqTier {
  BASE = 'BASE',
  INNOVATION = 'INNOVATION',
  SELECT = 'SELECT',
}
registerEnumType(NeeqTier, {
  name: 'NeeqTier',
  description:
    'The NEEQ tier a listed company is in (the latest it was in, for one ended). Tiers began on 2016-06-27: a listing ended before has none.',
  valuesConfig: {
    BASE: { description: 'The base tier (基础层), from 2016-06-27.' },
    INNOVATION: {
      description: 'The innovation tier (创新层), from 2016-06-27; a Beijing Stock Exchange (北交所) listing is open to its companies listed at least 12 months.',
    },
    SELECT: {
      description:
        'The select tier (精选层), 2020-07-27 to 2021-11-14. On 2021-11-15 its companies became the Beijing Stock Exchange’s (北交所, a separate exchange): their listings ended, moved board, that day, and no live listing is in it.',
    },
  },
});

/** The dates the tiers existed between (the last day in force; null: still). */
export const NEEQ_TIER_ERA: Record<NeeqTier, { from: string; until: string | null }> = {
  [NeeqTier.BASE]: { from: '2016-06-27', until: null },
  [NeeqTier.INNOVATION]: { from: '2016-06-27', until: null },
  [NeeqTier.SELECT]: { from: '2020-07-27', until: '2021-11-15' },
};

/** The Beijing Stock Exchange opened, taking over the 精选层; a move of board from then on is to it. */
export const BSE_OPENED = '2021-11-15';

/** The lines of technology insurance (科技保险险种) the zone's subsidy covers. */
export enum TechInsuranceKind {
  RD_LIABILITY = 'RD_LIABILITY',
  KEY_RD_EQUIPMENT = 'KEY_RD_EQUIPMENT',
  BUSINESS_INTERRUPTION = 'BUSINESS_INTERRUPTION',
  PRODUCT_QUALITY = 'PRODUCT_QUALITY',
  SMALL_LOAN_GUARANTEE = 'SMALL_LOAN_GUARANTEE',
  KEY_STAFF_HEALTH_ACCIDENT = 'KEY_STAFF_HEALTH_ACCIDENT',
  DIRECTORS_OFFICERS = 'DIRECTORS_OFFICERS',
  PATENT_ENFORCEMENT = 'PATENT_ENFORCEMENT',
}
registerEnumType(TechInsuranceKind, {
  name: 'TechInsuranceKind',
  description: 'The line of a technology insurance policy (科技保险险种).',
  valuesConfig: {
    RD_LIABILITY: { description: 'R&D liability insurance (研发责任保险).' },
    KEY_RD_EQUIPMENT: { description: 'Insurance of key R&D equipment (关键研发设备保险).' },
    BUSINESS_INTERRUPTION: { description: 'Business or R&D interruption insurance (营业中断保险).' },
    PRODUCT_QUALITY: { description: 'Product quality guarantee insurance (产品质量保证保险).' },
    SMALL_LOAN_GUARANTEE: { description: 'Small-loan guarantee insurance (小额贷款保证保险): insures the repayment of a loan.' },
    KEY_STAFF_HEALTH_ACCIDENT: { description: 'Health and accident insurance of key R&D staff (高管人员和关键研发人员健康保险和意外保险).' },
    DIRECTORS_OFFICERS: { description: "Directors' and officers' liability insurance (董事会监事会高级管理人员职业责任保险)." },
    PATENT_ENFORCEMENT: { description: 'Patent enforcement (infringement litigation) insurance (专利保险).' },
  },
});

/** The kinds of investment fund (投资基金). */
export enum FundType {
  ANGEL = 'ANGEL',
  VENTURE = 'VENTURE',
  PRIVATE_EQUITY = 'PRIVATE_EQUITY',
  GUIDANCE = 'GUIDANCE',
  ZONE_INNOVATION_FUND = 'ZONE_INNOVATION_FUND',
}
registerEnumType(FundType, {
  name: 'FundType',
  description: 'What kind of investment fund (投资基金) it is.',
  valuesConfig: {
    ANGEL: { description: 'Angel fund (天使投资基金): the earliest rounds of young tech companies.' },
    VENTURE: { description: 'Venture capital fund (创业投资基金): start-ups and growing tech companies.' },
    PRIVATE_EQUITY: { description: 'Private equity fund (私募股权投资基金): companies past their early stages.' },
    GUIDANCE: { description: 'Government guidance fund (政府引导基金): public money that draws private funds into chosen industries.' },
    ZONE_INNOVATION_FUND: { description: 'The zone’s independent innovation industry development fund (自主创新产业发展基金).' },
  },
});

/** Where a claim on a risk compensation cover stands. */
export enum ClaimStatus {
  FILED = 'FILED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a claim on a risk compensation cover (风险补偿申请) stands.',
  valuesConfig: {
    FILED: { description: 'Filed and not yet decided (已申请).' },
    PAID: { description: 'Paid by the pool, in whole or in part (已补偿): see paidAmount.' },
    REJECTED: { description: 'Rejected (不予补偿); it does not count against the cover.' },
  },
});
