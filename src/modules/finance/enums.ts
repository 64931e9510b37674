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
  valuesConfig: {
    NEEQ_LISTING: { description: '新三板 listing (代办股份转让系统).' },
    REGIONAL_OTC_LISTING: { description: 'Regional equity market listing (区域性股权市场).' },
    CREDIT_LOAN: { description: '信用贷款.' },
    IP_PLEDGE_LOAN: { description: '知识产权质押贷款.' },
    TECH_INSURANCE: { description: '科技保险.' },
    REINSURANCE: { description: 'Reinsurance of a tech insurance policy.' },
    COLLECTIVE_BOND: { description: '集合债: several SMEs under one name, each liable for its own part.' },
    SME_COLLECTIVE_NOTE: { description: '中小企业集合票据.' },
    SHORT_TERM_BILL: { description: '短期融资券 (≤ 1 year).' },
    MEDIUM_TERM_NOTE: { description: '中期票据.' },
    FUND_INVESTMENT: { description: 'Angel, venture, equity or guidance fund investment.' },
    RISK_COMPENSATION: { description: 'Risk compensation / SME loan mutual-aid cover of a loan.' },
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
  valuesConfig: {
    PENDING: { description: 'Applied for or in process (a listing not yet listed).' },
    ACTIVE: { description: 'Outstanding loan or bond, policy in force, listed, investment held, cover in force.' },
    COMPLETED: { description: 'Repaid, redeemed, expired normally, investment exited.' },
    DEFAULTED: { description: 'Payment default.' },
    TERMINATED: { description: 'Cancelled, delisted, or ended early.' },
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
  valuesConfig: {
    JOINT_STOCK_REFORM: { description: '股份制改造.' },
    FILING_ACCEPTED: { description: '备案申请受理.' },
    REVIEW_FEEDBACK: { description: '反馈意见.' },
    APPROVAL_LETTER: { description: '备案确认函 / 批文.' },
    LISTED: { description: '挂牌.' },
    DELISTED: { description: '摘牌.' },
    MOVED_BOARD: { description: '转板 (moved to another board; from 2021-11-15, to the Beijing Stock Exchange).' },
    WITHDRAWN: { description: '终止挂牌 before listing: the application withdrawn or its review ended. The company may apply again.' },
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
    BASE: { description: '基础层 (from 2016-06-27).' },
    INNOVATION: { description: '创新层 (from 2016-06-27); a 北交所 listing is open to its companies listed at least 12 months.' },
    SELECT: {
      description:
        '精选层 (2020-07-27 to 2021-11-14). On 2021-11-15 its companies became the Beijing Stock Exchange’s (北交所, a separate exchange): their listings ended, moved board, that day, and no live listing is in it.',
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
registerEnumType(TechInsuranceKind, { name: 'TechInsuranceKind' });

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

export enum ClaimStatus {
  FILED = 'FILED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}
registerEnumType(ClaimStatus, { name: 'ClaimStatus' });
