import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar, PercentScalar } from '../../common/scalars';

/**
 * The figures a criterion reads, by name: what a check observed, what its threshold bounds, and what is missing when
 * it cannot tell. Each name says which field of a figure carries its value (`amount`, `percent`, `count`, `date`,
 * `text` or `isTrue`), so a bank's program reads a check without parsing its prose. Fiscal-year figures carry their
 * `fiscalYear`; figures of one record among several (a certificate, a patent, a rating) name it in `subject`.
 */
export enum FigureName {
  // ── the enterprise ──
  CREDIT_CODE = 'CREDIT_CODE',
  CREDIT_CODE_CHECK_CHARACTER = 'CREDIT_CODE_CHECK_CHARACTER',
  FOUNDED_ON = 'FOUNDED_ON',
  INDUSTRY = 'INDUSTRY',
  IS_STATE_OWNED = 'IS_STATE_OWNED',
  HIGH_TECH_FIELD = 'HIGH_TECH_FIELD',
  ECONOMIC_SECTOR = 'ECONOMIC_SECTOR',
  IS_LISTED_ON_EXCHANGE = 'IS_LISTED_ON_EXCHANGE',
  TECH_ENTERPRISE_TYPE = 'TECH_ENTERPRISE_TYPE',
  IS_CONVERTED_INSTITUTE = 'IS_CONVERTED_INSTITUTE',
  IS_INVESTED_BY_CONVERTED_INSTITUTE = 'IS_INVESTED_BY_CONVERTED_INSTITUTE',
  IS_INVESTED_BY_ACADEMIA = 'IS_INVESTED_BY_ACADEMIA',
  // ── fiscal years ──
  FISCAL_YEAR_FINANCIALS = 'FISCAL_YEAR_FINANCIALS',
  REVENUE = 'REVENUE',
  RD_EXPENSE = 'RD_EXPENSE',
  RD_EXPENSE_IN_CHINA = 'RD_EXPENSE_IN_CHINA',
  HIGH_TECH_REVENUE = 'HIGH_TECH_REVENUE',
  TOTAL_INCOME = 'TOTAL_INCOME',
  TOTAL_ASSETS = 'TOTAL_ASSETS',
  EMPLOYEES = 'EMPLOYEES',
  SCIENCE_AND_TECHNOLOGY_STAFF = 'SCIENCE_AND_TECHNOLOGY_STAFF',
  RD_STAFF = 'RD_STAFF',
  RD_SHARE_OF_REVENUE = 'RD_SHARE_OF_REVENUE',
  RD_EXPENSE_IN_CHINA_SHARE = 'RD_EXPENSE_IN_CHINA_SHARE',
  HIGH_TECH_REVENUE_SHARE = 'HIGH_TECH_REVENUE_SHARE',
  SCIENCE_AND_TECHNOLOGY_STAFF_SHARE = 'SCIENCE_AND_TECHNOLOGY_STAFF_SHARE',
  RD_STAFF_SHARE = 'RD_STAFF_SHARE',
  INNOVATION_SCORE = 'INNOVATION_SCORE',
  HAS_MAJOR_INCIDENT = 'HAS_MAJOR_INCIDENT',
  TECH_SME_SCORE = 'TECH_SME_SCORE',
  TECH_SME_STAFF_POINTS = 'TECH_SME_STAFF_POINTS',
  TECH_SME_RD_POINTS = 'TECH_SME_RD_POINTS',
  TECH_SME_IP_POINTS = 'TECH_SME_IP_POINTS',
  // ── certificates, patents, qualifications ──
  HIGH_TECH_CERTIFICATE_ISSUED_ON = 'HIGH_TECH_CERTIFICATE_ISSUED_ON',
  HIGH_TECH_CERTIFICATE_EXPIRES_ON = 'HIGH_TECH_CERTIFICATE_EXPIRES_ON',
  VALID_PATENTS = 'VALID_PATENTS',
  VALID_INVENTION_PATENTS = 'VALID_INVENTION_PATENTS',
  OTHER_VALID_PATENTS = 'OTHER_VALID_PATENTS',
  USABLE_INVENTION_PATENTS = 'USABLE_INVENTION_PATENTS',
  IS_PATENT_PLEDGED = 'IS_PATENT_PLEDGED',
  PATENT_APPRAISED_ON = 'PATENT_APPRAISED_ON',
  PATENT_APPRAISED_VALUE = 'PATENT_APPRAISED_VALUE',
  QUALIFICATION_KIND = 'QUALIFICATION_KIND',
  QUALIFICATION_VALID_FROM = 'QUALIFICATION_VALID_FROM',
  QUALIFICATION_VALID_UNTIL = 'QUALIFICATION_VALID_UNTIL',
  // ── credit standing ──
  CREDIT_RATING = 'CREDIT_RATING',
  CREDIT_RATED_ON = 'CREDIT_RATED_ON',
  CREDIT_RATING_VALID_UNTIL = 'CREDIT_RATING_VALID_UNTIL',
  TAX_CREDIT_GRADE = 'TAX_CREDIT_GRADE',
  TAX_CREDIT_GRADE_PUBLISHED_ON = 'TAX_CREDIT_GRADE_PUBLISHED_ON',
  DEFAULTED_ON = 'DEFAULTED_ON',
  DISHONEST_DEBTOR_CHECKED_ON = 'DISHONEST_DEBTOR_CHECKED_ON',
  IS_DISHONEST_DEBTOR = 'IS_DISHONEST_DEBTOR',
  TECH_INSURANCE_STARTS_ON = 'TECH_INSURANCE_STARTS_ON',
  TECH_INSURANCE_ENDS_ON = 'TECH_INSURANCE_ENDS_ON',
}
registerEnumType(FigureName, {
  name: 'FigureName',
  description:
    'What a figure of an eligibility check is: its name says which field of CriterionFigure carries the value (and which bound of ' +
    'CriterionThreshold applies to it). A fiscal-year figure has `fiscalYear`; one of several records has `subject`.',
  valuesConfig: {
    CREDIT_CODE: { description: 'The credit code asked about (统一社会信用代码), trimmed and upper-cased, in `text`.' },
    CREDIT_CODE_CHECK_CHARACTER: { description: 'The check character (校验码) the first 17 characters of the code call for, in `text`.' },
    FOUNDED_ON: { description: 'The day the enterprise was founded (成立日期), in `date`.' },
    INDUSTRY: { description: 'The zone industry (产业领域) it is registered under, an Industry value, in `text`.' },
    IS_STATE_OWNED: { description: 'Whether it is state-owned (国有企业), in `isTrue`.' },
    HIGH_TECH_FIELD: { description: 'The national high-tech field (国家重点支持的高新技术领域) of its core technology, a HighTechField value, in `text`.' },
    ECONOMIC_SECTOR: { description: 'The GB/T 4754 sector (国民经济行业分类) of its principal business, an EconomicSector value, in `text`.' },
    IS_LISTED_ON_EXCHANGE: { description: 'Whether its shares are listed on a stock exchange (上市); a NEEQ quotation is not a listing; in `isTrue`.' },
    TECH_ENTERPRISE_TYPE: {
      description: 'A kind of tech enterprise (科技型企业类型) it is, a TechEnterpriseType value, in `text`; `subject` names the evidence (a certificate or registration number, the owning university) where there is one.',
    },
    IS_CONVERTED_INSTITUTE: { description: 'Whether it is a research institute converted into an enterprise (转制院所), in `isTrue`.' },
    IS_INVESTED_BY_CONVERTED_INSTITUTE: { description: 'Whether a converted research institute invested in it (转制院所投资), in `isTrue`.' },
    IS_INVESTED_BY_ACADEMIA: { description: 'Whether a university or research institute invested in it (高校、科研院所投资), in `isTrue`.' },
    FISCAL_YEAR_FINANCIALS: { description: 'The financial figures of a fiscal year as a whole (年度财务数据): only ever missing, for `fiscalYear`.' },
    REVENUE: { description: 'Sales revenue (销售收入) of `fiscalYear`, in yuan, in `amount`.' },
    RD_EXPENSE: { description: 'R&D expense (研发费用) of `fiscalYear`, in yuan, in `amount`.' },
    RD_EXPENSE_IN_CHINA: { description: 'R&D expense incurred in China (境内研发费用) in `fiscalYear`, in yuan, in `amount`.' },
    HIGH_TECH_REVENUE: { description: 'Income from high-tech products and services (高新技术产品（服务）收入) of `fiscalYear`, in yuan, in `amount`.' },
    TOTAL_INCOME: { description: 'Total income (总收入) of `fiscalYear`, in yuan, in `amount`.' },
    TOTAL_ASSETS: { description: 'Total assets (资产总额) at the end of `fiscalYear`, in yuan, in `amount`.' },
    EMPLOYEES: { description: 'Employees (职工总数) in `fiscalYear`, in `count`.' },
    SCIENCE_AND_TECHNOLOGY_STAFF: { description: 'Science and technology staff (科技人员) in `fiscalYear`, in `count`.' },
    RD_STAFF: { description: 'R&D staff (研发人员) in `fiscalYear`, in `count`.' },
    RD_SHARE_OF_REVENUE: {
      description: 'R&D expense as a share of sales revenue (研发费用占销售收入比例), in `percent`: of `fiscalYear`, or over `firstFiscalYear` to `fiscalYear` together.',
    },
    RD_EXPENSE_IN_CHINA_SHARE: { description: 'R&D expense in China as a share of all R&D expense (境内研发费用占比), over `firstFiscalYear` to `fiscalYear`, in `percent`.' },
    HIGH_TECH_REVENUE_SHARE: { description: 'High-tech income as a share of total income (高新技术产品（服务）收入占比) in `fiscalYear`, in `percent`.' },
    SCIENCE_AND_TECHNOLOGY_STAFF_SHARE: { description: 'Science and technology staff as a share of employees (科技人员占比) in `fiscalYear`, in `percent`.' },
    RD_STAFF_SHARE: { description: 'R&D staff as a share of employees (研发人员占比) in `fiscalYear`, in `percent`.' },
    INNOVATION_SCORE: { description: 'The innovation-capability score (企业创新能力评价得分, points of 100) for `fiscalYear`, in `count`.' },
    HAS_MAJOR_INCIDENT: {
      description: 'Whether a major safety or quality accident or serious environmental violation (重大安全、重大质量事故或严重环境违法行为) was reported for `fiscalYear`, in `isTrue`.',
    },
    TECH_SME_SCORE: { description: 'The tech SME evaluation score (科技型中小企业评价得分, points of 100) for `fiscalYear`, in `count`.' },
    TECH_SME_STAFF_POINTS: { description: 'Of the tech SME score, the points for science and technology staff (科技人员指标, of 20), in `count`.' },
    TECH_SME_RD_POINTS: { description: 'Of the tech SME score, the points for R&D expense over revenue (研发投入指标, of 50), in `count`.' },
    TECH_SME_IP_POINTS: { description: 'Of the tech SME score, the points for intellectual property (科技成果指标, of 30), in `count`.' },
    HIGH_TECH_CERTIFICATE_ISSUED_ON: { description: 'The day a high-tech enterprise certificate (高新技术企业证书) named in `subject` was issued, in `date`.' },
    HIGH_TECH_CERTIFICATE_EXPIRES_ON: { description: 'The last day a high-tech enterprise certificate named in `subject` is valid, in `date`.' },
    VALID_PATENTS: { description: 'Valid patents of any type (有效专利) granted by the date asked about, in `count`.' },
    VALID_INVENTION_PATENTS: { description: 'Valid invention patents (有效发明专利) granted by the date asked about, in `count`.' },
    OTHER_VALID_PATENTS: { description: 'Valid utility-model and design patents (实用新型、外观设计专利) granted by the date asked about, in `count`.' },
    USABLE_INVENTION_PATENTS: {
      description: 'Valid invention patents unpledged on the date and appraised recently enough (可质押发明专利), in `count`.',
    },
    IS_PATENT_PLEDGED: { description: 'Whether the patent numbered in `subject` is pledged (已质押) on the date asked about, in `isTrue`.' },
    PATENT_APPRAISED_ON: { description: 'The day the patent numbered in `subject` was last appraised (评估日期) by the date asked about, in `date`.' },
    PATENT_APPRAISED_VALUE: { description: 'The value of that appraisal (评估价值) of the patent numbered in `subject`, in yuan, in `amount`.' },
    QUALIFICATION_KIND: { description: 'A qualification (资质) the enterprise holds, a QualificationKind value, in `text`; `subject` is its number.' },
    QUALIFICATION_VALID_FROM: { description: 'The first day the qualification numbered in `subject` is valid, in `date`.' },
    QUALIFICATION_VALID_UNTIL: { description: 'The last day the qualification numbered in `subject` is valid, in `date`.' },
    CREDIT_RATING: { description: 'An SME credit rating (中小企业信用评级), a CreditRating value, in `text`; `subject` is the agency.' },
    CREDIT_RATED_ON: { description: 'The day the rating by the agency in `subject` was given (评级日期), in `date`.' },
    CREDIT_RATING_VALID_UNTIL: { description: 'The last day the rating by the agency in `subject` may be relied on, in `date`.' },
    TAX_CREDIT_GRADE: { description: 'The tax credit grade (纳税信用等级) for the tax year `fiscalYear`, a TaxCreditGradeValue, in `text`.' },
    TAX_CREDIT_GRADE_PUBLISHED_ON: { description: 'The day the tax credit grade for `fiscalYear` was published (评定日期), in `date`.' },
    DEFAULTED_ON: { description: 'The day an instrument of the enterprise went into default (违约日期), in `date`; `subject` is the instrument’s kind.' },
    DISHONEST_DEBTOR_CHECKED_ON: {
      description: 'The day the dishonest judgment debtor list (失信被执行人名单) was last checked, in `date`; `subject` is where it was looked up.',
    },
    IS_DISHONEST_DEBTOR: { description: 'Whether that check found the enterprise listed as a dishonest judgment debtor, in `isTrue`; `subject` is where it was looked up.' },
    TECH_INSURANCE_STARTS_ON: { description: 'The first day of a tech insurance policy (科技保险) in force, in `date`; `subject` is its kind.' },
    TECH_INSURANCE_ENDS_ON: { description: 'The last day of that tech insurance policy, in `date` (none for an open-ended policy); `subject` is its kind.' },
  },
});

/** A figure a check read, as stored in a receipt (absent keys: not applicable). */
export interface Figure {
  name: FigureName;
  fiscalYear?: number;
  firstFiscalYear?: number;
  subject?: string;
  amount?: string;
  percent?: string;
  count?: number;
  date?: string;
  text?: string;
  isTrue?: boolean;
}

/** A bound a check holds a figure to, as stored in a receipt. */
export interface Threshold {
  name: FigureName;
  /** Which set of bounds it belongs to, when a criterion is met by either of two (TECH_SME_SCORE); absent: 1. */
  alternative?: number;
  fiscalYear?: number;
  firstFiscalYear?: number;
  minimumAmount?: string;
  maximumAmount?: string;
  minimumPercent?: string;
  minimumCount?: number;
  maximumCount?: number;
  minimumDate?: string;
  maximumDate?: string;
  anyOf?: string[];
  noneOf?: string[];
  isTrue?: boolean;
}

/** A fact whose absence left a check UNKNOWN, as stored in a receipt. */
export interface Missing {
  name: FigureName;
  fiscalYear?: number;
  isLaterYearAccepted?: boolean;
  minimumDate?: string;
}

@ObjectType({
  description:
    'A figure an eligibility check observed (认定依据的数据): its name, the fiscal year or record it is of, and its value in the one field ' +
    'its name says (the others null). Money is in yuan (Decimal), shares in percent (Percent, truncated to four places, so it compares ' +
    'with a threshold exactly as the check did), counts and points as Int, days as Date, codes and names as text.',
})
export class CriterionFigure {
  @Field(() => FigureName, { description: 'What the figure is, and which field carries it.' })
  name!: FigureName;

  @Field(() => Int, { nullable: true, description: 'The fiscal year (会计年度) it is of; for a figure over several years, the last of them. Null for a figure not of a fiscal year.' })
  fiscalYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'For a figure over several fiscal years (a share of sums): the first of them. Null otherwise.' })
  firstFiscalYear!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The record it is of, where the enterprise has several: a certificate, patent or qualification number, a rating agency, a check’s source, an instrument’s kind. Null otherwise.',
  })
  subject!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'A sum of money, in yuan (元).' })
  amount!: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'A share, in percent.' })
  percent!: string | null;

  @Field(() => Int, { nullable: true, description: 'A count (people, patents) or points of a score.' })
  count!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'A day.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'A code or name: an enum value (the type its name says) or a number.' })
  text!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A yes-or-no fact: whether what the name asks holds.' })
  isTrue!: boolean | null;

  static of(f: Figure): CriterionFigure {
    return Object.assign(new CriterionFigure(), {
      name: f.name,
      fiscalYear: f.fiscalYear ?? null,
      firstFiscalYear: f.firstFiscalYear ?? null,
      subject: f.subject ?? null,
      amount: f.amount ?? null,
      percent: f.percent ?? null,
      count: f.count ?? null,
      date: f.date ?? null,
      text: f.text ?? null,
      isTrue: f.isTrue ?? null,
    });
  }
}

@ObjectType({
  description:
    'A bound an eligibility check holds the figures of one name to (认定标准): every observed figure of that name (and fiscal years, ' +
    'where given) must meet every bound set here (the others null). A criterion passes when every threshold of one `alternative` is met.',
})
export class CriterionThreshold {
  @Field(() => FigureName, { description: 'The figures it bounds.' })
  name!: FigureName;

  @Field(() => Int, {
    description: 'Which set of thresholds it belongs to: all of one set must be met. Most criteria have one (1); TECH_SME_SCORE is met by a score (1) or by a valid high-tech certificate (2).',
  })
  alternative!: number;

  @Field(() => Int, { nullable: true, description: 'The fiscal year it applies to (for several years together, the last); null when not of one.' })
  fiscalYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'For a threshold over several fiscal years together: the first of them.' })
  firstFiscalYear!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The least amount that meets it, in yuan (inclusive).' })
  minimumAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The greatest amount that meets it, in yuan (inclusive).' })
  maximumAmount!: string | null;

  @Field(() => PercentScalar, { nullable: true, description: 'The least share that meets it, in percent (inclusive).' })
  minimumPercent!: string | null;

  @Field(() => Int, { nullable: true, description: 'The least count or score that meets it (inclusive).' })
  minimumCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'The greatest count that meets it (inclusive).' })
  maximumCount!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'The earliest day that meets it (inclusive).' })
  minimumDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The latest day that meets it (inclusive).' })
  maximumDate!: string | null;

  @Field(() => [String], { nullable: true, description: 'The values (of the enum the name says) any one of which meets it.' })
  anyOf!: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The values (of the enum the name says) none of which may be observed.' })
  noneOf!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'The yes-or-no answer required.' })
  isTrue!: boolean | null;

  static of(t: Threshold): CriterionThreshold {
    return Object.assign(new CriterionThreshold(), {
      name: t.name,
      alternative: t.alternative ?? 1,
      fiscalYear: t.fiscalYear ?? null,
      firstFiscalYear: t.firstFiscalYear ?? null,
      minimumAmount: t.minimumAmount ?? null,
      maximumAmount: t.maximumAmount ?? null,
      minimumPercent: t.minimumPercent ?? null,
      minimumCount: t.minimumCount ?? null,
      maximumCount: t.maximumCount ?? null,
      minimumDate: t.minimumDate ?? null,
      maximumDate: t.maximumDate ?? null,
      anyOf: t.anyOf ?? null,
      noneOf: t.noneOf ?? null,
      isTrue: t.isTrue ?? null,
    });
  }
}

@ObjectType({
  description:
    'A fact the registry lacks (缺失数据), which left a check UNKNOWN: recording it lets the check answer. Several missing facts may ' +
    'each be needed.',
})
export class MissingFact {
  @Field(() => FigureName, { description: 'What is missing.' })
  name!: FigureName;

  @Field(() => Int, { nullable: true, description: 'The fiscal year it is missing for; null for a fact not of a fiscal year.' })
  fiscalYear!: number | null;

  @Field({
    description: 'Whether the same fact for a later fiscal year (up to the year before the date asked about) would do as well: the check reads the latest year recorded from `fiscalYear` on.',
  })
  isLaterYearAccepted!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'For a dated record (a check of a list): the earliest day it may be dated to count, up to the date asked about. Null otherwise.',
  })
  minimumDate!: string | null;

  static of(m: Missing): MissingFact {
    return Object.assign(new MissingFact(), {
      name: m.name,
      fiscalYear: m.fiscalYear ?? null,
      isLaterYearAccepted: m.isLaterYearAccepted ?? false,
      minimumDate: m.minimumDate ?? null,
    });
  }
}
