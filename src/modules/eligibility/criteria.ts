import { registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { toScaled } from '../../common/decimal';
import { PatentType } from '../../common/patent-number';
import { TaxCreditGradeValue } from '../credit/credit.entity';
import { EconomicSector, HighTechField, Industry, TechEnterpriseType } from '../enterprise/enums';
import { CreditRating } from '../finance/enums';
import { notVoidedSql, PLEDGED_ON_SQL } from '../finance/instrument.entity';
import { QualificationKind } from '../qualification/enums';
import type { EnterpriseFacts, FactKind, FiscalYearFacts } from './facts';
import { type Figure, FigureName, type Missing, type Threshold } from './figures';

/**
 * The criteria a program's rules are made of. Which criteria a program checks, and with which thresholds, is
 * data (a rule version); what each kind of criterion means is code, here, once for the explanation a bank reads
 * (`evaluate`: the outcome, the figures observed, the thresholds and what is missing, and the same in words, in
 * Chinese and English) and once as SQL for the outreach filter (`sql`). test/eligibility.test.ts checks that the two
 * agree on a whole zone.
 *
 * A member's value is what rule versions and receipts store (JSON), its name what the API calls it: two were renamed
 * for API v1 (AUTHORISATION, ST_STAFF_SHARE) and keep the value stored before, so a receipt reads as it was written.
 */
export enum CriterionKind {
  AUTHORIZATION = 'AUTHORISATION',
  CREDIT_CODE_VALID = 'CREDIT_CODE_VALID',
  REGISTERED_IN_ZONE = 'REGISTERED_IN_ZONE',
  SUPPORTED_INDUSTRY = 'SUPPORTED_INDUSTRY',
  STATE_OWNED = 'STATE_OWNED',
  HIGH_TECH_CERTIFICATE = 'HIGH_TECH_CERTIFICATE',
  RD_INTENSITY = 'RD_INTENSITY',
  RD_EXPENSE = 'RD_EXPENSE',
  REVENUE = 'REVENUE',
  HIGH_TECH_REVENUE_SHARE = 'HIGH_TECH_REVENUE_SHARE',
  RD_IN_CHINA_SHARE = 'RD_IN_CHINA_SHARE',
  NATIONAL_HIGH_TECH_FIELD = 'NATIONAL_HIGH_TECH_FIELD',
  SCIENCE_AND_TECHNOLOGY_STAFF_SHARE = 'ST_STAFF_SHARE',
  RD_STAFF_SHARE = 'RD_STAFF_SHARE',
  INNOVATION_SCORE = 'INNOVATION_SCORE',
  NO_MAJOR_INCIDENT = 'NO_MAJOR_INCIDENT',
  CORE_IP = 'CORE_IP',
  UNPLEDGED_INVENTION_PATENT = 'UNPLEDGED_INVENTION_PATENT',
  CREDIT_RATING = 'CREDIT_RATING',
  TAX_CREDIT_GRADE = 'TAX_CREDIT_GRADE',
  NO_RECENT_DEFAULT = 'NO_RECENT_DEFAULT',
  NOT_DISHONEST_DEBTOR = 'NOT_DISHONEST_DEBTOR',
  TECH_INSURANCE_IN_FORCE = 'TECH_INSURANCE_IN_FORCE',
  QUALIFICATION = 'QUALIFICATION',
  HEADCOUNT = 'HEADCOUNT',
  TOTAL_ASSETS = 'TOTAL_ASSETS',
  TECH_SME_SCORE = 'TECH_SME_SCORE',
  EXCLUDED_SECTOR = 'EXCLUDED_SECTOR',
  UNLISTED = 'UNLISTED',
  TECH_ENTERPRISE_TYPE = 'TECH_ENTERPRISE_TYPE',
}
registerEnumType(CriterionKind, {
  name: 'CriterionKind',
  description:
    'A kind of eligibility criterion (资格条件): what it reads and how its parameters (Criterion’s fields named in backticks) bound it. ' +
    'AUTHORIZATION and CREDIT_CODE_VALID are answered by the platform, never part of a rule version.',
  valuesConfig: {
    AUTHORIZATION: {
      description:
        'Authorization (授权): the asker may check this enterprise (a bank: an active authorization with scope ELIGIBILITY; a representative: its own). Not a rule criterion: answered alone when it fails, in the same words whether the code is registered or not.',
    },
    CREDIT_CODE_VALID: {
      description:
        'Valid credit code (统一社会信用代码, GB 32100-2015): the code asked about, trimmed and upper-cased, has 18 characters of the code’s alphabet and the right check character. Not a rule criterion: answered alone when it fails. A code with a wrong check character that the registry holds (recorded with an override) is checked as any other by whoever may see it.',
    },
    REGISTERED_IN_ZONE: { description: 'Registered in the zone (在园区注册), founded at least `minimumYears` before the date.' },
    SUPPORTED_INDUSTRY: { description: 'Supported industry (支持的产业领域): its zone industry is one of `industries`.' },
    STATE_OWNED: { description: 'State ownership (国有企业): state-owned, or not, as `isStateOwned` says.' },
    HIGH_TECH_CERTIFICATE: { description: 'High-tech enterprise certificate (高新技术企业证书) valid on the date.' },
    RD_INTENSITY: {
      description:
        'R&D intensity (研发费用占销售收入比例): R&D expense over sales revenue across the last `years` fiscal years (the years since founding, for a younger enterprise), at least the share of the revenue band the latest year falls in (`rdBands`); with `isEachYearRequired`, in each of those years.',
    },
    RD_EXPENSE: { description: 'R&D expense (研发费用) of the latest fiscal year within `minimum`–`maximum`.' },
    REVENUE: { description: 'Sales revenue (销售收入) of the latest fiscal year within `minimum`–`maximum`.' },
    HIGH_TECH_REVENUE_SHARE: {
      description: 'High-tech income share (高新技术产品（服务）收入占比): income from high-tech products and services at least `minimumPercent` of total income, in the latest fiscal year.',
    },
    RD_IN_CHINA_SHARE: {
      description: 'R&D in China (境内研发费用占比): R&D expense in China at least `minimumPercent` of all R&D expense across the last `years` fiscal years (or the years since founding).',
    },
    NATIONAL_HIGH_TECH_FIELD: { description: 'National high-tech field (国家重点支持的高新技术领域): its core technology is classified under one of `fields`.' },
    SCIENCE_AND_TECHNOLOGY_STAFF_SHARE: { description: 'Science and technology staff share (科技人员占比): at least `minimumPercent` of employees, in the latest fiscal year.' },
    RD_STAFF_SHARE: { description: 'R&D staff share (研发人员占比): at least `minimumPercent` of employees, in the latest fiscal year.' },
    INNOVATION_SCORE: {
      description: 'Innovation capability (企业创新能力评价): a score of at least `minimumScore` for the latest fiscal year; UNKNOWN when none is recorded.',
    },
    NO_MAJOR_INCIDENT: {
      description: 'No major incident (无重大安全、重大质量事故或严重环境违法行为): none reported for the latest fiscal year; UNKNOWN when not reported.',
    },
    CORE_IP: { description: 'Core intellectual property (核心知识产权): at least `count` valid patents of any type.' },
    UNPLEDGED_INVENTION_PATENT: {
      description: 'Pledgeable invention patents (可质押发明专利): at least `count` valid invention patents not pledged on the date, appraised within `months`.',
    },
    CREDIT_RATING: { description: 'SME credit rating (中小企业信用评级): one in force on the date, `minimumRating` or better.' },
    TAX_CREDIT_GRADE: {
      description: 'Tax credit grade (纳税信用等级): the latest published by the date, for one of the two years before it, is one of `grades`.',
    },
    NO_RECENT_DEFAULT: { description: 'No recent default (无违约记录): no instrument defaulted in the `months` before the date.' },
    NOT_DISHONEST_DEBTOR: {
      description: 'Not a dishonest judgment debtor (非失信被执行人): checked within `maximumAgeDays` before the date and not listed.',
    },
    TECH_INSURANCE_IN_FORCE: { description: 'Tech insurance (科技保险): a tech insurance policy in force on the date.' },
    QUALIFICATION: { description: 'Qualification (资质): holds one of `kinds` valid on the date.' },
    HEADCOUNT: { description: 'Headcount (职工人数): employees of the latest fiscal year within `minimumEmployees`–`maximumEmployees`.' },
    TOTAL_ASSETS: { description: 'Total assets (资产总额) at the end of the latest fiscal year within `minimum`–`maximum`; UNKNOWN when not reported.' },
    TECH_SME_SCORE: {
      description:
        'Tech SME evaluation (科技型中小企业评价, 国科发政〔2017〕115号): on the latest fiscal year, at least `minimumScore` points of 100 ' +
        '(science and technology staff share of employees 20, R&D share of revenue 50, valid patents 30) with staff points above 0; or, ' +
        'without scoring, a high-tech certificate valid on the date. Of the two R&D options the regulation scores, the ' +
        'registry holds the share of revenue only (not of total costs and expenses).',
    },
    EXCLUDED_SECTOR: {
      description:
        'Excluded sector (负面清单行业): the GB/T 4754 sector of its principal business is none of `sectors` (a negative list, e.g. 财税〔2015〕119号 for the R&D super-deduction); UNKNOWN when not classified.',
    },
    UNLISTED: {
      description: 'Unlisted (未上市): not listed on a stock exchange (a NEEQ quotation counts as unlisted); UNKNOWN when the registry does not know.',
    },
    TECH_ENTERPRISE_TYPE: {
      description:
        'Tech enterprise type (科技型企业类型): one of `techEnterpriseTypes` (财资〔2016〕4号 art. 2, widened by 财资〔2018〕54号): PASSED when one holds, FAILED when none does, UNKNOWN when none holds and one is not known.',
    },
  },
});

export enum CriterionOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CriterionOutcome, {
  name: 'CriterionOutcome',
  description: 'What a check found (结论): met, not met, or not known from the registry’s data.',
  valuesConfig: {
    PASSED: { description: 'Met (符合), on the figures observed.' },
    FAILED: { description: 'Not met (不符合), on the figures observed.' },
    UNKNOWN: { description: 'Not known (无法判断): the registry lacks the facts named in `missing`; never counts as met.' },
  },
});

/** A revenue band of RD_INTENSITY: up to `revenueUpTo` yuan (none: no upper limit), at least `minimumPercent`. */
export interface RdBand {
  revenueUpTo: string | null;
  minimumPercent: string;
}

/** One criterion of a rule version, as stored (JSON): its kind and the parameters that kind takes. */
export interface CriterionRule {
  kind: CriterionKind;
  minimumYears?: number;
  industries?: Industry[];
  isStateOwned?: boolean;
  years?: number;
  /** RD_INTENSITY: the share is met in each year, not over the years together (财资〔2016〕4号). */
  isEachYearRequired?: boolean;
  rdBands?: RdBand[];
  fields?: HighTechField[];
  minimum?: string;
  maximum?: string;
  minimumPercent?: string;
  count?: number;
  months?: number;
  minimumRating?: CreditRating;
  grades?: TaxCreditGradeValue[];
  maximumAgeDays?: number;
  kinds?: QualificationKind[];
  minimumEmployees?: number;
  maximumEmployees?: number;
  minimumScore?: number;
  /** EXCLUDED_SECTOR: the sectors excluded. */
  sectors?: EconomicSector[];
  techEnterpriseTypes?: TechEnterpriseType[];
}

export type Param = Exclude<keyof CriterionRule, 'kind'>;

/** The kinds a rule version may hold: all but the two the platform answers itself. */
export type RuleKind = Exclude<CriterionKind, CriterionKind.AUTHORIZATION | CriterionKind.CREDIT_CODE_VALID>;

/** Prose in the two languages the API writes. */
export interface Prose {
  en: string;
  zh: string;
}

/** What evaluating a criterion on an enterprise finds: the outcome, why in words, and the same as typed figures. */
export interface Evaluation {
  outcome: CriterionOutcome;
  detail: Prose;
  observed: Figure[];
  required: Threshold[];
  missing: Missing[];
}

/**
 * One check as answered and as a receipt keeps it. `detail` is the English prose (the key receipts written before
 * API v1 kept it under, with no other language and no typed figures); `detailChinese` and the figures are kept with
 * every receipt written since.
 */
export interface Check {
  criterion: CriterionKind;
  outcome: CriterionOutcome;
  detail: string;
  detailChinese: string;
  observed: Figure[];
  required: Threshold[];
  missing: Missing[];
}

/** A check as an evaluation gives it. */
export const checkOf = (criterion: CriterionKind, e: Evaluation): Check => ({
  criterion,
  outcome: e.outcome,
  detail: e.detail.en,
  detailChinese: e.detail.zh,
  observed: e.observed,
  required: e.required,
  missing: e.missing,
});

/** The SQL that is true exactly when a criterion passes, over `e` (enterprise) on date `asOf`. */
export interface SqlCondition {
  sql: string;
  bindings: unknown[];
}

interface CriterionDefinition {
  /** Parameters the kind requires, and those it accepts. */
  required: Param[];
  optional: Param[];
  /** The facts `evaluate` reads besides the enterprise itself: only those a program's criteria read are loaded. */
  reads: FactKind[];
  /** The rule in words, e.g. "R&D ≥ 5% / 4% / 3% of revenue over 3 years for revenue up to ¥50m / ¥50m–200m / over ¥200m". */
  describe(rule: CriterionRule): string;
  evaluate(rule: CriterionRule, facts: EnterpriseFacts, asOf: string): Evaluation;
  sql(rule: CriterionRule, asOf: string): SqlCondition;
}

/** Prose in both languages. */
export const say = (en: string, zh: string): Prose => ({ en, zh });

/** The words of a refusal (AUTHORIZATION), by the role refused: the same whether the code is registered or not. */
export const REFUSALS: Partial<Record<Role, Prose>> = {
  [Role.BANK_OFFICER]: say(
    'No active authorization from this enterprise lets your bank check its eligibility (scope ELIGIBILITY).',
    '该企业未向贵行出具包含资格查询（ELIGIBILITY）范围的有效授权，不能查询其资格。',
  ),
  [Role.ENTERPRISE_REP]: say('A representative checks its own enterprise only.', '企业代表只能查询本企业的资格。'),
};

/** An evaluation: the outcome and its prose, with the figures (none by default). */
function answer(outcome: CriterionOutcome, detail: Prose, typed: { observed?: Figure[]; required?: Threshold[]; missing?: Missing[] } = {}): Evaluation {
  return { outcome, detail, observed: typed.observed ?? [], required: typed.required ?? [], missing: typed.missing ?? [] };
}

const passedIf = (ok: boolean) => (ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED);

// ── formatting: exact, from decimal strings ──

/** ¥ with thousands separators and two places, e.g. ¥120,000,000.00. */
export function money(value: string): string {
  const [whole, fraction = '00'] = value.replace('-', '').split('.');
  return `${value.startsWith('-') ? '-' : ''}¥${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** ¥50m style for thresholds. */
function millions(value: string): string {
  const scaled = toScaled(value, 2);
  const m = scaled / 100_000_000n;
  const rest = scaled % 100_000_000n;
  return rest === 0n ? `¥${m}m` : money(value);
}

/** The Chinese way of a threshold: 5000万元, 2亿元, or the exact amount. */
function wan(value: string): string {
  const cents = toScaled(value, 2);
  if (cents !== 0n && cents % 10_000_000_000n === 0n) return `${cents / 10_000_000_000n}亿元`;
  if (cents !== 0n && cents % 1_000_000n === 0n) return `${cents / 1_000_000n}万元`;
  return money(value);
}

/** num/den as a percentage with two places, truncated (so 3.999% shows 3.99%, never a rounded-up 4.00%). */
export function percent(num: bigint, den: bigint): string {
  const hundredths = (num * 10_000n) / den;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
}

/**
 * num/den in percent as a Percent (four places), truncated: compared with a threshold of four places it gives the
 * answer the exact share gives (a truncated share is at least p exactly when the share is).
 */
export function percentFigure(num: bigint, den: bigint): string {
  const units = (num * 1_000_000n) / den;
  return `${units / 10_000n}.${String(units % 10_000n).padStart(4, '0')}`;
}

/** "4" or "4.5" from a Percent string "4.0000". */
const pct = (p: string) => `${p.replace(/\.?0+$/, '')}%`;

/** Is num/den ≥ p% (p a Percent string)? Integer arithmetic. */
const atLeast = (num: bigint, den: bigint, p: string) => num * 1_000_000n >= den * toScaled(p, 4);

const RATING_ORDER = Object.values(CreditRating);
const ratingAtLeast = (r: CreditRating, min: CreditRating) => RATING_ORDER.indexOf(r) <= RATING_ORDER.indexOf(min);

/** The date `months` before `date`: the same day of the month, or the month's last day (29 Feb → 28 Feb). */
export function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The latest complete fiscal year the rules may read on `asOf`: the most recent one recorded before the date's
 * year, and no older than two years before it (older figures say nothing about the enterprise today).
 */
function latestYear(facts: EnterpriseFacts, asOf: string): FiscalYearFacts | null {
  const limit = yearOf(asOf) - 1;
  const years = [...facts.years.keys()].filter((y) => y <= limit).sort((a, b) => b - a);
  const latest = years[0];
  return latest !== undefined && latest >= limit - 1 ? facts.years.get(latest)! : null;
}

/** No readable fiscal year: what is said, and what is missing (the year before last, or the last). */
function noFigures(asOf: string, required: Threshold[] = []): Evaluation {
  const y = yearOf(asOf);
  return answer(
    CriterionOutcome.UNKNOWN,
    say(`No fiscal year figures for ${y - 2} or ${y - 1} are recorded.`, `未登记${y - 2}或${y - 1}年度的财务数据。`),
    { required, missing: [{ name: FigureName.FISCAL_YEAR_FINANCIALS, fiscalYear: y - 2, isLaterYearAccepted: true }] },
  );
}

/** SQL: the latest readable fiscal year of `e` (see latestYear), as a lateral-free scalar subquery over `y`. */
const LATEST_YEAR_SQL = `(select y.fiscal_year from fiscal_year_financials y
  where y.enterprise_id = e.id and y.fiscal_year <= ? order by y.fiscal_year desc limit 1)`;

function latestYearCondition(asOf: string, condition: string, conditionBindings: unknown[]): SqlCondition {
  const limit = yearOf(asOf) - 1;
  return {
    sql: `exists (select 1 from fiscal_year_financials l where l.enterprise_id = e.id
            and l.fiscal_year = ${LATEST_YEAR_SQL} and l.fiscal_year >= ? and (${condition}))`,
    bindings: [limit, limit - 1, ...conditionBindings],
  };
}

/** The fiscal years a multi-year criterion reads, how they are named, and those not recorded. */
interface Span {
  span: number[];
  first: number;
  last: number;
  period: Prose;
  young: boolean;
  missing: number[];
}

/**
 * The fiscal years a multi-year criterion reads: the `years` up to the latest readable one, or, for an enterprise
 * founded within them, the years since its founding (实际经营期不满三年的按实际经营时间计算: 国科发火〔2016〕32号 and
 * 〔2008〕172号, 财资〔2016〕4号). Missing years among them leave the answer UNKNOWN; null when no year is readable.
 */
function spanOf(f: EnterpriseFacts, asOf: string, years: number): Span | null {
  const latest = latestYear(f, asOf);
  if (!latest) return null;
  const founded = yearOf(f.enterprise.foundedOn);
  const last = latest.fiscalYear;
  const first = Math.min(last, Math.max(last - years + 1, founded));
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const young = first > last - years + 1;
  const period = say(
    (span.length > 1 ? `${first}–${last}` : `${last}`) + (young ? ` (the years since it was founded in ${founded})` : ''),
    (span.length > 1 ? `${first}–${last}年度` : `${last}年度`) + (young ? `（成立于${founded}年，按实际经营年度计）` : ''),
  );
  return { span, first, last, period, young, missing: span.filter((y) => !f.years.has(y)) };
}

/** A span with years not recorded: UNKNOWN, naming them. */
function spanUnknown(s: Span, typed: { observed: Figure[]; required: Threshold[] }): Evaluation {
  return answer(
    CriterionOutcome.UNKNOWN,
    say(
      `Figures for ${s.missing.join(', ')} are not recorded (${s.first}–${s.last} needed).`,
      `未登记${s.missing.join('、')}年度的财务数据（需要${s.first}–${s.last}年度）。`,
    ),
    { ...typed, missing: s.missing.map((y) => ({ name: FigureName.FISCAL_YEAR_FINANCIALS, fiscalYear: y })) },
  );
}

/** The years of a span over which a figure is taken: one year, or several together. */
const yearsOf = (s: Span) => (s.first === s.last ? { fiscalYear: s.last } : { firstFiscalYear: s.first, fiscalYear: s.last });

/** SQL twin of spanOf: its first year, over `l` (the latest readable year) and `e`; binds `years`. */
const SPAN_START_SQL = `least(l.fiscal_year, greatest(l.fiscal_year - ? + 1, extract(year from e.founded_on)::int))`;

function bandLabel(bands: RdBand[], i: number): Prose {
  const upper = bands[i]!.revenueUpTo;
  const lower = i > 0 ? bands[i - 1]!.revenueUpTo : null;
  if (bands.length === 1) return say('any revenue', '任何收入');
  if (lower === null) return say(`revenue up to ${millions(upper!)}`, `收入${wan(upper!)}以下`);
  if (upper === null) return say(`revenue over ${millions(lower)}`, `收入${wan(lower)}以上`);
  return say(`revenue ${millions(lower)}–${millions(upper).slice(1)}`, `收入${wan(lower)}至${wan(upper)}`);
}

function bandFor(bands: RdBand[], revenue: string): number {
  const r = toScaled(revenue, 2);
  const i = bands.findIndex((b) => b.revenueUpTo === null || r <= toScaled(b.revenueUpTo, 2));
  return i < 0 ? bands.length - 1 : i;
}

function rangeText(rule: CriterionRule): Prose {
  if (rule.minimum && rule.maximum) return say(`${millions(rule.minimum)}–${millions(rule.maximum)}`, `${wan(rule.minimum)}至${wan(rule.maximum)}`);
  if (rule.minimum) return say(`at least ${millions(rule.minimum)}`, `不低于${wan(rule.minimum)}`);
  return say(`at most ${millions(rule.maximum!)}`, `不超过${wan(rule.maximum!)}`);
}

/** A range rule's bounds on an amount figure. */
const amountRange = (rule: CriterionRule) => ({
  ...(rule.minimum ? { minimumAmount: rule.minimum } : {}),
  ...(rule.maximum ? { maximumAmount: rule.maximum } : {}),
});

function inRange(value: string, rule: CriterionRule): boolean {
  const v = toScaled(value, 2);
  return (!rule.minimum || v >= toScaled(rule.minimum, 2)) && (!rule.maximum || v <= toScaled(rule.maximum, 2));
}

function rangeSql(column: string, rule: CriterionRule): { sql: string; bindings: unknown[] } {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (rule.minimum) (parts.push(`${column} >= ?::numeric`), bindings.push(rule.minimum));
  if (rule.maximum) (parts.push(`${column} <= ?::numeric`), bindings.push(rule.maximum));
  return { sql: parts.join(' and ') || 'true', bindings };
}

function headcountText(rule: CriterionRule): Prose {
  const { minimumEmployees: min, maximumEmployees: max } = rule;
  if (min !== undefined && max !== undefined) return say(`${min}–${max}`, `${min}至${max}人`);
  return min !== undefined ? say(`at least ${min}`, `不少于${min}人`) : say(`at most ${max}`, `不超过${max}人`);
}

/** A valid certificate on `asOf`, if any (HIGH_TECH_CERTIFICATE, and the direct route of TECH_SME_SCORE). */
const certificateOn = (f: EnterpriseFacts, asOf: string) => f.certificates.find((c) => c.issuedOn <= asOf && c.expiresOn >= asOf);

const CERTIFICATE_ON_SQL = 'exists (select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= ? and c.expires_on >= ?)';

/** A certificate's figures: its issue and expiry days, named by its number. */
const certificateFigures = (c: { number: string; issuedOn: string; expiresOn: string }): Figure[] => [
  { name: FigureName.HIGH_TECH_CERTIFICATE_ISSUED_ON, subject: c.number, date: c.issuedOn },
  { name: FigureName.HIGH_TECH_CERTIFICATE_EXPIRES_ON, subject: c.number, date: c.expiresOn },
];

/** A certificate valid on `asOf`, as thresholds. */
const certificateThresholds = (asOf: string, alternative?: number): Threshold[] => [
  { name: FigureName.HIGH_TECH_CERTIFICATE_ISSUED_ON, ...(alternative ? { alternative } : {}), maximumDate: asOf },
  { name: FigureName.HIGH_TECH_CERTIFICATE_EXPIRES_ON, ...(alternative ? { alternative } : {}), minimumDate: asOf },
];

/**
 * The points of the 科技型中小企业 evaluation (国科发政〔2017〕115号, annex), as [at least this percent, points], best
 * band first. S&T staff over employees (20): ≥ 30% 20, 25–30% 16, 20–25% 12, 15–20% 8, 10–15% 4, below 0. R&D over
 * sales revenue (50): ≥ 6% 50, 5–6% 40, 4–5% 30, 3–4% 20, 2–3% 10, below 0. (The regulation lets an enterprise be
 * scored on R&D over total costs and expenses instead; the registry does not hold those.)
 */
const TECH_SME_STAFF_BANDS: readonly [number, number][] = [[30, 20], [25, 16], [20, 12], [15, 8], [10, 4]];
const TECH_SME_RD_BANDS: readonly [number, number][] = [[6, 50], [5, 40], [4, 30], [3, 20], [2, 10]];

/** The points of num/den in `bands`; 0 below the lowest band (and when den is 0). */
function bandPoints(num: bigint, den: bigint, bands: readonly [number, number][]): number {
  if (den <= 0n) return 0;
  return bands.find(([p]) => num * 100n >= den * BigInt(p))?.[1] ?? 0;
}

/** S&T achievements (30): one class-I IP (an invention patent) 30; else 6 per class-II IP (utility model, design), at most 24. */
const techSmeIpPoints = (inventions: number, others: number) => (inventions > 0 ? 30 : Math.min(others, 4) * 6);

/** The same bands in SQL: `case when num * 100 >= den * p then points … else 0 end`. */
function bandPointsSql(num: string, den: string, bands: readonly [number, number][]): string {
  return `case when ${den} <= 0 then 0 ${bands.map(([p, points]) => `when ${num} * 100 >= ${den} * ${p} then ${points}`).join(' ')} else 0 end`;
}

/** The yes-or-no fact of the enterprise a tech enterprise type reads (the types read from a record have none). */
const TYPE_FLAGS: Partial<Record<TechEnterpriseType, FigureName>> = {
  [TechEnterpriseType.CONVERTED_INSTITUTE]: FigureName.IS_CONVERTED_INSTITUTE,
  [TechEnterpriseType.INVESTED_BY_CONVERTED_INSTITUTE]: FigureName.IS_INVESTED_BY_CONVERTED_INSTITUTE,
  [TechEnterpriseType.INVESTED_BY_ACADEMIA]: FigureName.IS_INVESTED_BY_ACADEMIA,
};

/** Whether the enterprise is of tech enterprise type `t` on `asOf` (null: not known), on what evidence, in words. */
function techEnterpriseType(t: TechEnterpriseType, f: EnterpriseFacts, asOf: string): { holds: boolean | null; why: Prose; evidence?: string } {
  const e = f.enterprise;
  const flag = (v: boolean | null, yes: Prose, no: Prose) => ({ holds: v, why: v === null ? say('not recorded', '未登记') : v ? yes : no });
  switch (t) {
    case TechEnterpriseType.HIGH_TECH: {
      const c = certificateOn(f, asOf);
      return c
        ? { holds: true, why: say(`certificate ${c.number} valid to ${c.expiresOn}`, `证书${c.number}有效期至${c.expiresOn}`), evidence: c.number }
        : { holds: false, why: say(`no high-tech certificate valid on ${asOf}`, `${asOf}无有效的高新技术企业证书`) };
    }
    case TechEnterpriseType.TECH_SME: {
      const q = f.qualifications.find((x) => x.kind === QualificationKind.TECH_SME && x.validFrom <= asOf && x.validTo >= asOf);
      return q
        ? { holds: true, why: say(`科技型中小企业 registration ${q.number} valid to ${q.validTo}`, `科技型中小企业入库登记编号${q.number}有效期至${q.validTo}`), evidence: q.number }
        : { holds: false, why: say(`no 科技型中小企业 registration valid on ${asOf}`, `${asOf}无有效的科技型中小企业入库登记`) };
    }
    case TechEnterpriseType.CONVERTED_INSTITUTE:
      return flag(e.convertedInstitute, say('a converted research institute', '转制院所'), say('not a converted research institute', '非转制院所'));
    case TechEnterpriseType.INVESTED_BY_CONVERTED_INSTITUTE:
      return flag(
        e.investedByConvertedInstitute,
        say('invested in by a converted research institute', '转制院所投资'),
        say('not invested in by a converted research institute', '非转制院所投资'),
      );
    case TechEnterpriseType.INVESTED_BY_ACADEMIA:
      if (e.university) return { holds: true, why: say(`owned by ${e.university}`, `由${e.university}出资`), evidence: e.university };
      return flag(
        e.investedByAcademia,
        say('invested in by a university or research institute', '高校、科研院所投资'),
        say('not invested in by a university or research institute', '非高校、科研院所投资'),
      );
  }
}

/** Cents (scale 2) back to a decimal string. */
function fromCents(cents: bigint): string {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** The amount figures of every recorded year of a span, oldest first. */
function yearFigures(f: EnterpriseFacts, s: Span, names: [FigureName, keyof FiscalYearFacts][]): Figure[] {
  return s.span.flatMap((y) => {
    const year = f.years.get(y);
    return year ? names.map(([name, key]) => ({ name, fiscalYear: y, amount: year[key] as string })) : [];
  });
}

export const CRITERIA: Record<RuleKind, CriterionDefinition> = {
  [CriterionKind.REGISTERED_IN_ZONE]: {
    required: [],
    optional: ['minimumYears'],
    reads: [],
    describe: (r) => (r.minimumYears ? `Registered in the zone, founded at least ${r.minimumYears} year(s) before` : 'Registered in the zone'),
    evaluate(r, f, asOf) {
      const e = f.enterprise;
      const since = say(`${e.name} (${e.parkName}), founded ${e.foundedOn}`, `${e.name}（${e.parkName}），成立于${e.foundedOn}`);
      const min = r.minimumYears ?? 0;
      const cutoff = monthsBefore(asOf, 12 * min);
      const typed = { observed: [{ name: FigureName.FOUNDED_ON, date: e.foundedOn }], required: [{ name: FigureName.FOUNDED_ON, maximumDate: cutoff }] };
      if (e.foundedOn > asOf) {
        return answer(CriterionOutcome.FAILED, say(`${since.en}: not yet founded on ${asOf}.`, `${since.zh}：${asOf}尚未成立。`), typed);
      }
      return e.foundedOn <= cutoff
        ? answer(
            CriterionOutcome.PASSED,
            say(`${since.en}${min ? `; at least ${min} year(s) by ${asOf} required` : ''}.`, `${since.zh}${min ? `；要求截至${asOf}成立满${min}年` : ''}。`),
            typed,
          )
        : answer(CriterionOutcome.FAILED, say(`${since.en}: less than ${min} year(s) by ${asOf}.`, `${since.zh}：截至${asOf}成立不满${min}年。`), typed);
    },
    sql: (r, asOf) => ({ sql: 'e.founded_on <= ?::date', bindings: [monthsBefore(asOf, 12 * (r.minimumYears ?? 0))] }),
  },

  [CriterionKind.SUPPORTED_INDUSTRY]: {
    required: ['industries'],
    optional: [],
    reads: [],
    describe: (r) => `In a supported field: ${r.industries!.join(', ')}`,
    evaluate(r, f) {
      const industry = f.enterprise.industry;
      const ok = r.industries!.includes(industry);
      return answer(
        passedIf(ok),
        say(`Industry ${industry}${ok ? ' is' : ' is not'} a supported field.`, `产业领域${industry}${ok ? '属于' : '不属于'}支持的领域。`),
        { observed: [{ name: FigureName.INDUSTRY, text: industry }], required: [{ name: FigureName.INDUSTRY, anyOf: r.industries! }] },
      );
    },
    sql: (r) => ({ sql: 'e.industry = any(?::industry[])', bindings: [`{${r.industries!.join(',')}}`] }),
  },

  [CriterionKind.STATE_OWNED]: {
    required: ['isStateOwned'],
    optional: [],
    reads: [],
    describe: (r) => (r.isStateOwned ? 'State-owned' : 'Not state-owned'),
    evaluate(r, f) {
      const stateOwned = f.enterprise.stateOwned;
      const words = (v: boolean | undefined) => say(v ? 'State-owned' : 'Not state-owned', v ? '国有企业' : '非国有企业');
      return answer(
        passedIf(stateOwned === r.isStateOwned),
        say(`${words(stateOwned).en}; ${words(r.isStateOwned).en.toLowerCase()} required.`, `${words(stateOwned).zh}；要求${words(r.isStateOwned).zh}。`),
        { observed: [{ name: FigureName.IS_STATE_OWNED, isTrue: stateOwned }], required: [{ name: FigureName.IS_STATE_OWNED, isTrue: r.isStateOwned! }] },
      );
    },
    sql: (r) => ({ sql: 'e.state_owned = ?', bindings: [r.isStateOwned] }),
  },

  [CriterionKind.HIGH_TECH_CERTIFICATE]: {
    required: [],
    optional: [],
    reads: ['certificates'],
    describe: () => 'A high-tech enterprise certificate valid on the date',
    evaluate(_r, f, asOf) {
      const required = certificateThresholds(asOf);
      const valid = certificateOn(f, asOf);
      if (valid) {
        return answer(
          CriterionOutcome.PASSED,
          say(`Certificate ${valid.number} valid ${valid.issuedOn} to ${valid.expiresOn}.`, `高新技术企业证书${valid.number}有效期为${valid.issuedOn}至${valid.expiresOn}。`),
          { observed: certificateFigures(valid), required },
        );
      }
      const last = f.certificates.filter((c) => c.issuedOn <= asOf).sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1))[0];
      return last
        ? answer(
            CriterionOutcome.FAILED,
            say(`Certificate ${last.number} expired on ${last.expiresOn}; none valid on ${asOf}.`, `高新技术企业证书${last.number}已于${last.expiresOn}到期；${asOf}无有效证书。`),
            { observed: certificateFigures(last), required },
          )
        : answer(CriterionOutcome.FAILED, say(`No high-tech certificate issued by ${asOf}.`, `截至${asOf}未取得高新技术企业证书。`), { required });
    },
    sql: (_r, asOf) => ({ sql: CERTIFICATE_ON_SQL, bindings: [asOf, asOf] }),
  },

  [CriterionKind.RD_INTENSITY]: {
    required: ['years', 'rdBands'],
    optional: ['isEachYearRequired'],
    reads: ['years'],
    describe: (r) =>
      `R&D ≥ ${r.rdBands!.map((b) => pct(b.minimumPercent)).join(' / ')} of revenue ${r.isEachYearRequired ? 'in each of' : 'over'} ${r.years} year(s)` +
      (r.rdBands!.length > 1 ? ` for ${r.rdBands!.map((_, i) => bandLabel(r.rdBands!, i).en).join(' / ')}` : ''),
    evaluate(r, f, asOf) {
      const bands = r.rdBands!;
      const s = spanOf(f, asOf, r.years!);
      // The share required is the band's of the latest year's revenue: known without it only when there is one band.
      if (!s) return noFigures(asOf, bands.length === 1 ? [{ name: FigureName.RD_SHARE_OF_REVENUE, minimumPercent: bands[0]!.minimumPercent }] : []);
      const latest = f.years.get(s.last)!;
      const band = bandFor(bands, latest.revenue);
      const share = bands[band]!.minimumPercent;
      const required: Threshold[] = r.isEachYearRequired
        ? s.span.map((y) => ({ name: FigureName.RD_SHARE_OF_REVENUE, fiscalYear: y, minimumPercent: share }))
        : [{ name: FigureName.RD_SHARE_OF_REVENUE, ...yearsOf(s), minimumPercent: share }];
      const amounts = yearFigures(f, s, [[FigureName.REVENUE, 'revenue'], [FigureName.RD_EXPENSE, 'rdExpense']]);
      if (s.missing.length) return spanUnknown(s, { observed: amounts, required });
      const label = bandLabel(bands, band);
      const bandText =
        bands.length > 1
          ? say(` for ${label.en} (${latest.fiscalYear}: ${money(latest.revenue)})`, `（适用${label.zh}一档，${latest.fiscalYear}年度销售收入${money(latest.revenue)}）`)
          : say('', '');
      if (r.isEachYearRequired) {
        const each = s.span.map((y) => ({ y, rd: toScaled(f.years.get(y)!.rdExpense, 2), revenue: toScaled(f.years.get(y)!.revenue, 2) }));
        const shares = each.filter((x) => x.revenue > 0n).map((x): Figure => ({ name: FigureName.RD_SHARE_OF_REVENUE, fiscalYear: x.y, percent: percentFigure(x.rd, x.revenue) }));
        const none = each.find((x) => x.revenue === 0n);
        if (none) {
          return answer(CriterionOutcome.UNKNOWN, say(`No revenue recorded for ${none.y}.`, `${none.y}年度未登记销售收入。`), {
            observed: [...amounts, ...shares],
            required,
            missing: each.filter((x) => x.revenue === 0n).map((x) => ({ name: FigureName.REVENUE, fiscalYear: x.y })),
          });
        }
        const founded = yearOf(f.enterprise.foundedOn);
        return answer(
          passedIf(each.every((x) => atLeast(x.rd, x.revenue, share))),
          say(
            `R&D of revenue ${each.map((x) => `${x.y} ${percent(x.rd, x.revenue)}`).join(', ')}${s.young ? ` (the years since it was founded in ${founded})` : ''}; ${pct(share)} required in each year${bandText.en}.`,
            `研发费用占销售收入比例：${each.map((x) => `${x.y}年度${percent(x.rd, x.revenue)}`).join('，')}${s.young ? `（成立于${founded}年，按实际经营年度计）` : ''}；要求每年不低于${pct(share)}${bandText.zh}。`,
          ),
          { observed: [...amounts, ...shares], required },
        );
      }
      const rd = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpense, 2), 0n);
      const revenue = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.revenue, 2), 0n);
      if (revenue === 0n) {
        return answer(CriterionOutcome.UNKNOWN, say(`No revenue recorded over ${s.period.en}.`, `${s.period.zh}未登记销售收入。`), {
          observed: amounts,
          required,
          missing: s.span.map((y) => ({ name: FigureName.REVENUE, fiscalYear: y })),
        });
      }
      return answer(
        passedIf(atLeast(rd, revenue, share)),
        say(
          `R&D ${percent(rd, revenue)} of revenue over ${s.period.en} (${money(fromCents(rd))} of ${money(fromCents(revenue))}); ${pct(share)} required${bandText.en}.`,
          `${s.period.zh}研发费用占销售收入${percent(rd, revenue)}（${money(fromCents(rd))}/${money(fromCents(revenue))}）；要求不低于${pct(share)}${bandText.zh}。`,
        ),
        { observed: [...amounts, { name: FigureName.RD_SHARE_OF_REVENUE, ...yearsOf(s), percent: percentFigure(rd, revenue) }], required },
      );
    },
    sql(r, asOf) {
      const bands = r.rdBands!;
      // case when revenue ≤ upTo₁ then p₁ when … else p_open end (just p when there is one band)
      const bounded = bands.filter((b) => b.revenueUpTo !== null);
      const otherwise = (bands.find((b) => b.revenueUpTo === null) ?? bands[bands.length - 1]!).minimumPercent;
      const threshold = bounded.length
        ? `case ${bounded.map(() => 'when l.revenue <= ?::numeric then ?::numeric').join(' ')} else ?::numeric end`
        : '?::numeric';
      const thresholdBindings = [...bounded.flatMap((b) => [b.revenueUpTo, b.minimumPercent]), otherwise];
      const met = r.isEachYearRequired
        ? `bool_and(w.revenue > 0 and w.rd_expense * 100 >= w.revenue * ${threshold})`
        : `sum(w.revenue) > 0 and sum(w.rd_expense) * 100 >= sum(w.revenue) * ${threshold}`;
      return latestYearCondition(
        asOf,
        `(select count(*) = l.fiscal_year - ${SPAN_START_SQL} + 1 and ${met}
          from fiscal_year_financials w where w.enterprise_id = e.id and w.fiscal_year between ${SPAN_START_SQL} and l.fiscal_year)`,
        [r.years, ...thresholdBindings, r.years],
      );
    },
  },

  [CriterionKind.RD_IN_CHINA_SHARE]: {
    required: ['years', 'minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `R&D expense in China ≥ ${pct(r.minimumPercent!)} of all R&D expense over ${r.years} year(s)`,
    evaluate(r, f, asOf) {
      const share = r.minimumPercent!;
      const s = spanOf(f, asOf, r.years!);
      if (!s) return noFigures(asOf, [{ name: FigureName.RD_EXPENSE_IN_CHINA_SHARE, minimumPercent: share }]);
      const required: Threshold[] = [{ name: FigureName.RD_EXPENSE_IN_CHINA_SHARE, ...yearsOf(s), minimumPercent: share }];
      const amounts = yearFigures(f, s, [[FigureName.RD_EXPENSE, 'rdExpense'], [FigureName.RD_EXPENSE_IN_CHINA, 'rdExpenseInChina']]);
      if (s.missing.length) return spanUnknown(s, { observed: amounts, required });
      const all = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpense, 2), 0n);
      const inChina = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpenseInChina, 2), 0n);
      if (all === 0n) {
        return answer(CriterionOutcome.UNKNOWN, say(`No R&D expense recorded over ${s.period.en}.`, `${s.period.zh}未登记研发费用。`), {
          observed: amounts,
          required,
          missing: s.span.map((y) => ({ name: FigureName.RD_EXPENSE, fiscalYear: y })),
        });
      }
      return answer(
        passedIf(atLeast(inChina, all, share)),
        say(
          `R&D in China ${percent(inChina, all)} of all R&D over ${s.period.en} (${money(fromCents(inChina))} of ${money(fromCents(all))}); ${pct(share)} required.`,
          `${s.period.zh}境内研发费用占全部研发费用${percent(inChina, all)}（${money(fromCents(inChina))}/${money(fromCents(all))}）；要求不低于${pct(share)}。`,
        ),
        { observed: [...amounts, { name: FigureName.RD_EXPENSE_IN_CHINA_SHARE, ...yearsOf(s), percent: percentFigure(inChina, all) }], required },
      );
    },
    sql: (r, asOf) =>
      latestYearCondition(
        asOf,
        `(select count(*) = l.fiscal_year - ${SPAN_START_SQL} + 1 and sum(w.rd_expense) > 0 and sum(w.rd_expense_in_china) * 100 >= sum(w.rd_expense) * ?::numeric
          from fiscal_year_financials w where w.enterprise_id = e.id and w.fiscal_year between ${SPAN_START_SQL} and l.fiscal_year)`,
        [r.years, r.minimumPercent, r.years],
      ),
  },

  [CriterionKind.NATIONAL_HIGH_TECH_FIELD]: {
    required: ['fields'],
    optional: [],
    reads: [],
    describe: (r) => (r.fields!.length === Object.keys(HighTechField).length ? 'Core technology in a national high-tech field' : `Core technology in a national high-tech field: ${r.fields!.join(', ')}`),
    evaluate(r, f) {
      const field = f.enterprise.highTechField;
      const required = [{ name: FigureName.HIGH_TECH_FIELD, anyOf: r.fields! }];
      if (!field) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say('Its core technology is not classified under a national high-tech field.', '未登记其核心技术所属的国家重点支持的高新技术领域。'),
          { required, missing: [{ name: FigureName.HIGH_TECH_FIELD }] },
        );
      }
      const ok = r.fields!.includes(field);
      return answer(
        passedIf(ok),
        say(`Core technology classified under ${field}${ok ? ', a field' : ', not a field'} the rule supports.`, `核心技术属于${field}，${ok ? '是' : '不是'}规则支持的领域。`),
        { observed: [{ name: FigureName.HIGH_TECH_FIELD, text: field }], required },
      );
    },
    sql: (r) => ({ sql: 'e.high_tech_field = any(?::high_tech_field[])', bindings: [`{${r.fields!.join(',')}}`] }),
  },

  [CriterionKind.EXCLUDED_SECTOR]: {
    required: ['sectors'],
    optional: [],
    reads: [],
    describe: (r) => `Principal business in none of the excluded sectors: ${r.sectors!.join(', ')}`,
    evaluate(r, f) {
      const sector = f.enterprise.economicSector;
      const required = [{ name: FigureName.ECONOMIC_SECTOR, noneOf: r.sectors! }];
      if (!sector) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say('Its principal business is not classified under a GB/T 4754 sector.', '未登记其主营业务所属的国民经济行业（GB/T 4754）。'),
          { required, missing: [{ name: FigureName.ECONOMIC_SECTOR }] },
        );
      }
      const excluded = r.sectors!.includes(sector);
      return answer(
        passedIf(!excluded),
        say(
          `Principal business classified under ${sector}${excluded ? ', an excluded sector' : ', not an excluded sector'}.`,
          `主营业务属于${sector}，${excluded ? '在' : '不在'}排除行业之列。`,
        ),
        { observed: [{ name: FigureName.ECONOMIC_SECTOR, text: sector }], required },
      );
    },
    // Null (not classified) is UNKNOWN, never a pass: `not (null = any(…))` is null, so the null is tested first.
    sql: (r) => ({ sql: 'e.economic_sector is not null and not (e.economic_sector = any(?::economic_sector[]))', bindings: [`{${r.sectors!.join(',')}}`] }),
  },

  [CriterionKind.RD_EXPENSE]: {
    required: [],
    optional: ['minimum', 'maximum'],
    reads: ['years'],
    describe: (r) => `R&D expense of the latest fiscal year ${rangeText(r).en}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.RD_EXPENSE, ...amountRange(r) }]);
      const fiscalYear = latest.fiscalYear;
      return answer(
        passedIf(inRange(latest.rdExpense, r)),
        say(`R&D expense ${money(latest.rdExpense)} in ${fiscalYear}; ${rangeText(r).en} required.`, `${fiscalYear}年度研发费用${money(latest.rdExpense)}；要求${rangeText(r).zh}。`),
        {
          observed: [{ name: FigureName.RD_EXPENSE, fiscalYear, amount: latest.rdExpense }],
          required: [{ name: FigureName.RD_EXPENSE, fiscalYear, ...amountRange(r) }],
        },
      );
    },
    sql: (r, asOf) => {
      const range = rangeSql('l.rd_expense', r);
      return latestYearCondition(asOf, range.sql, range.bindings);
    },
  },

  [CriterionKind.REVENUE]: {
    required: [],
    optional: ['minimum', 'maximum'],
    reads: ['years'],
    describe: (r) => `Revenue of the latest fiscal year ${rangeText(r).en}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.REVENUE, ...amountRange(r) }]);
      const fiscalYear = latest.fiscalYear;
      return answer(
        passedIf(inRange(latest.revenue, r)),
        say(`Revenue ${money(latest.revenue)} in ${fiscalYear}; ${rangeText(r).en} required.`, `${fiscalYear}年度销售收入${money(latest.revenue)}；要求${rangeText(r).zh}。`),
        {
          observed: [{ name: FigureName.REVENUE, fiscalYear, amount: latest.revenue }],
          required: [{ name: FigureName.REVENUE, fiscalYear, ...amountRange(r) }],
        },
      );
    },
    sql: (r, asOf) => {
      const range = rangeSql('l.revenue', r);
      return latestYearCondition(asOf, range.sql, range.bindings);
    },
  },

  [CriterionKind.HIGH_TECH_REVENUE_SHARE]: {
    required: ['minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `High-tech products and services income ≥ ${pct(r.minimumPercent!)} of total income in the latest fiscal year`,
    evaluate(r, f, asOf) {
      // 国科发火〔2016〕32号 (and 〔2008〕172号): 高新技术产品（服务）收入占企业同期总收入的比例不低于60%: total income,
      // not the sales revenue the R&D ratio divides by.
      const share = r.minimumPercent!;
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.HIGH_TECH_REVENUE_SHARE, minimumPercent: share }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.HIGH_TECH_REVENUE_SHARE, fiscalYear, minimumPercent: share }];
      const income: Figure = { name: FigureName.HIGH_TECH_REVENUE, fiscalYear, amount: latest.highTechRevenue };
      if (latest.totalIncome === null) {
        return answer(CriterionOutcome.UNKNOWN, say(`No total income recorded for ${fiscalYear}.`, `${fiscalYear}年度未登记总收入。`), {
          observed: [income],
          required,
          missing: [{ name: FigureName.TOTAL_INCOME, fiscalYear }],
        });
      }
      const total = toScaled(latest.totalIncome, 2);
      const ht = toScaled(latest.highTechRevenue, 2);
      return answer(
        passedIf(atLeast(ht, total, share)),
        say(
          `High-tech income ${percent(ht, total)} of total income in ${fiscalYear} (${money(latest.highTechRevenue)} of ${money(latest.totalIncome)}); ${pct(share)} required.`,
          `${fiscalYear}年度高新技术产品（服务）收入占总收入${percent(ht, total)}（${money(latest.highTechRevenue)}/${money(latest.totalIncome)}）；要求不低于${pct(share)}。`,
        ),
        {
          observed: [
            income,
            { name: FigureName.TOTAL_INCOME, fiscalYear, amount: latest.totalIncome },
            { name: FigureName.HIGH_TECH_REVENUE_SHARE, fiscalYear, percent: percentFigure(ht, total) },
          ],
          required,
        },
      );
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.total_income > 0 and l.high_tech_revenue * 100 >= l.total_income * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.SCIENCE_AND_TECHNOLOGY_STAFF_SHARE]: {
    required: ['minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `S&T staff ≥ ${pct(r.minimumPercent!)} of employees in the latest fiscal year`,
    evaluate(r, f, asOf) {
      const share = r.minimumPercent!;
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.SCIENCE_AND_TECHNOLOGY_STAFF_SHARE, minimumPercent: share }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.SCIENCE_AND_TECHNOLOGY_STAFF_SHARE, fiscalYear, minimumPercent: share }];
      const counts: Figure[] = [
        { name: FigureName.SCIENCE_AND_TECHNOLOGY_STAFF, fiscalYear, count: latest.stStaff },
        { name: FigureName.EMPLOYEES, fiscalYear, count: latest.employees },
      ];
      if (latest.employees === 0) {
        return answer(CriterionOutcome.UNKNOWN, say(`No employees recorded for ${fiscalYear}.`, `${fiscalYear}年度未登记职工人数。`), {
          observed: counts,
          required,
          missing: [{ name: FigureName.EMPLOYEES, fiscalYear }],
        });
      }
      const staff = BigInt(latest.stStaff);
      const employees = BigInt(latest.employees);
      return answer(
        passedIf(atLeast(staff, employees, share)),
        say(
          `S&T staff ${latest.stStaff} of ${latest.employees} employees (${percent(staff, employees)}) in ${fiscalYear}; ${pct(share)} required.`,
          `${fiscalYear}年度科技人员${latest.stStaff}人，占职工总数${latest.employees}人的${percent(staff, employees)}；要求不低于${pct(share)}。`,
        ),
        { observed: [...counts, { name: FigureName.SCIENCE_AND_TECHNOLOGY_STAFF_SHARE, fiscalYear, percent: percentFigure(staff, employees) }], required },
      );
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.employees > 0 and l.st_staff * 100 >= l.employees * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.RD_STAFF_SHARE]: {
    required: ['minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `R&D staff ≥ ${pct(r.minimumPercent!)} of employees in the latest fiscal year`,
    evaluate(r, f, asOf) {
      const share = r.minimumPercent!;
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.RD_STAFF_SHARE, minimumPercent: share }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.RD_STAFF_SHARE, fiscalYear, minimumPercent: share }];
      const employees: Figure = { name: FigureName.EMPLOYEES, fiscalYear, count: latest.employees };
      if (latest.rdStaff === null) {
        return answer(CriterionOutcome.UNKNOWN, say(`No R&D staff figure recorded for ${fiscalYear}.`, `${fiscalYear}年度未登记研发人员数。`), {
          observed: [employees],
          required,
          missing: [{ name: FigureName.RD_STAFF, fiscalYear }],
        });
      }
      const staff = BigInt(latest.rdStaff);
      const all = BigInt(latest.employees);
      return answer(
        passedIf(atLeast(staff, all, share)),
        say(
          `R&D staff ${latest.rdStaff} of ${latest.employees} employees (${percent(staff, all)}) in ${fiscalYear}; ${pct(share)} required.`,
          `${fiscalYear}年度研发人员${latest.rdStaff}人，占职工总数${latest.employees}人的${percent(staff, all)}；要求不低于${pct(share)}。`,
        ),
        {
          observed: [{ name: FigureName.RD_STAFF, fiscalYear, count: latest.rdStaff }, employees, { name: FigureName.RD_STAFF_SHARE, fiscalYear, percent: percentFigure(staff, all) }],
          required,
        },
      );
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.rd_staff is not null and l.rd_staff * 100 >= l.employees * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.INNOVATION_SCORE]: {
    required: ['minimumScore'],
    optional: [],
    reads: ['years'],
    describe: (r) => `An innovation-capability score of at least ${r.minimumScore} on the latest fiscal year`,
    evaluate(r, f, asOf) {
      const minimum = r.minimumScore!;
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.INNOVATION_SCORE, minimumCount: minimum }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.INNOVATION_SCORE, fiscalYear, minimumCount: minimum }];
      if (latest.innovationScore === null) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say(`No innovation-capability score recorded for ${fiscalYear}.`, `${fiscalYear}年度未登记企业创新能力评价得分。`),
          { required, missing: [{ name: FigureName.INNOVATION_SCORE, fiscalYear }] },
        );
      }
      return answer(
        passedIf(latest.innovationScore >= minimum),
        say(
          `Innovation-capability score ${latest.innovationScore} on ${fiscalYear}; at least ${minimum} required.`,
          `${fiscalYear}年度企业创新能力评价得分${latest.innovationScore}分；要求不低于${minimum}分。`,
        ),
        { observed: [{ name: FigureName.INNOVATION_SCORE, fiscalYear, count: latest.innovationScore }], required },
      );
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.innovation_score >= ?', [r.minimumScore]),
  },

  [CriterionKind.NO_MAJOR_INCIDENT]: {
    required: [],
    optional: [],
    reads: ['years'],
    describe: () => 'No major safety, quality or environmental incident in the latest fiscal year',
    evaluate(_r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.HAS_MAJOR_INCIDENT, isTrue: false }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.HAS_MAJOR_INCIDENT, fiscalYear, isTrue: false }];
      if (latest.majorIncident === null) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say(`Whether a major incident occurred in ${fiscalYear} is not reported.`, `未报告${fiscalYear}年度是否发生重大安全、重大质量事故或严重环境违法行为。`),
          { required, missing: [{ name: FigureName.HAS_MAJOR_INCIDENT, fiscalYear }] },
        );
      }
      const observed = [{ name: FigureName.HAS_MAJOR_INCIDENT, fiscalYear, isTrue: latest.majorIncident }];
      return latest.majorIncident
        ? answer(
            CriterionOutcome.FAILED,
            say(`A major safety, quality or environmental incident was reported for ${fiscalYear}.`, `${fiscalYear}年度报告发生重大安全、重大质量事故或严重环境违法行为。`),
            { observed, required },
          )
        : answer(
            CriterionOutcome.PASSED,
            say(`No major safety, quality or environmental incident reported for ${fiscalYear}.`, `${fiscalYear}年度未报告重大安全、重大质量事故或严重环境违法行为。`),
            { observed, required },
          );
    },
    sql: (_r, asOf) => latestYearCondition(asOf, 'l.major_incident = false', []),
  },

  [CriterionKind.CORE_IP]: {
    required: ['count'],
    optional: [],
    reads: ['patents'],
    describe: (r) => `At least ${r.count} valid patent(s) of any type`,
    evaluate(r, f, asOf) {
      const valid = f.patents.filter((p) => p.legalStatus === 'VALID' && p.grantedOn !== null && p.grantedOn <= asOf);
      const named = valid.slice(0, 3).map((p) => p.number);
      const more = valid.length > 3;
      return answer(
        passedIf(valid.length >= r.count!),
        say(
          `${valid.length} valid patent(s) granted by ${asOf}${valid.length ? ` (${named.join(', ')}${more ? ' …' : ''})` : ''}; ${r.count} required.`,
          `截至${asOf}拥有有效专利${valid.length}件${valid.length ? `（${named.join('、')}${more ? '等' : ''}）` : ''}；要求至少${r.count}件。`,
        ),
        { observed: [{ name: FigureName.VALID_PATENTS, count: valid.length }], required: [{ name: FigureName.VALID_PATENTS, minimumCount: r.count! }] },
      );
    },
    sql: (r, asOf) => ({
      sql: `(select count(*) from patent p where p.owner_id = e.id and p.legal_status = 'VALID' and p.granted_on <= ?) >= ?`,
      bindings: [asOf, r.count],
    }),
  },

  [CriterionKind.UNPLEDGED_INVENTION_PATENT]: {
    required: ['count', 'months'],
    optional: [],
    reads: ['patents'],
    describe: (r) => `At least ${r.count} valid invention patent(s), unpledged, appraised within ${r.months} months`,
    evaluate(r, f, asOf) {
      const since = monthsBefore(asOf, r.months!);
      const required: Threshold[] = [
        { name: FigureName.USABLE_INVENTION_PATENTS, minimumCount: r.count! },
        { name: FigureName.IS_PATENT_PLEDGED, isTrue: false },
        { name: FigureName.PATENT_APPRAISED_ON, minimumDate: since },
      ];
      const inventions = f.patents.filter(
        (p) => p.type === PatentType.INVENTION && p.legalStatus === 'VALID' && p.grantedOn !== null && p.grantedOn <= asOf,
      );
      type Invention = (typeof inventions)[number];
      const why = (p: Invention): Prose | null =>
        p.pledged
          ? say(`${p.number} pledged`, `${p.number}已质押`)
          : !p.appraisal
            ? say(`${p.number} not appraised`, `${p.number}未评估`)
            : p.appraisal.appraisedOn < since
              ? say(`${p.number} appraised ${p.appraisal.appraisedOn}, over ${r.months} months before`, `${p.number}于${p.appraisal.appraisedOn}评估，已超过${r.months}个月`)
              : null;
      const usable = inventions.filter((p) => why(p) === null);
      const counts: Figure[] = [
        { name: FigureName.VALID_INVENTION_PATENTS, count: inventions.length },
        { name: FigureName.USABLE_INVENTION_PATENTS, count: usable.length },
      ];
      /** The figures of the patents the words name: pledged or not, and the latest appraisal. */
      const patentFigures = (named: Invention[]): Figure[] =>
        named.flatMap((p) => [
          { name: FigureName.IS_PATENT_PLEDGED, subject: p.number, isTrue: p.pledged },
          ...(p.appraisal
            ? [
                { name: FigureName.PATENT_APPRAISED_ON, subject: p.number, date: p.appraisal.appraisedOn },
                { name: FigureName.PATENT_APPRAISED_VALUE, subject: p.number, amount: p.appraisal.value },
              ]
            : []),
        ]);
      if (inventions.length === 0) {
        return answer(CriterionOutcome.FAILED, say(`No valid invention patent granted by ${asOf}.`, `截至${asOf}无有效发明专利。`), { observed: counts, required });
      }
      if (usable.length >= r.count!) {
        const named = usable.slice(0, 3);
        const more = usable.length > 3;
        return answer(
          CriterionOutcome.PASSED,
          say(
            `${named.map((p) => `${p.number} unpledged, appraised ${money(p.appraisal!.value)} on ${p.appraisal!.appraisedOn}`).join('; ')}${more ? ' …' : ''}.`,
            `${named.map((p) => `${p.number}未质押，${p.appraisal!.appraisedOn}评估价值${money(p.appraisal!.value)}`).join('；')}${more ? '等' : ''}。`,
          ),
          { observed: [...counts, ...patentFigures(named)], required },
        );
      }
      const unusable = inventions.filter((p) => why(p) !== null).slice(0, 3);
      return answer(
        CriterionOutcome.FAILED,
        say(
          `${usable.length} of ${inventions.length} valid invention patent(s) usable, ${r.count} required: ${unusable.map((p) => why(p)!.en).join('; ')}.`,
          `${inventions.length}件有效发明专利中${usable.length}件可用，要求至少${r.count}件：${unusable.map((p) => why(p)!.zh).join('；')}。`,
        ),
        { observed: [...counts, ...patentFigures(unusable)], required },
      );
    },
    sql: (r, asOf) => ({
      sql: `(select count(*) from patent p where p.owner_id = e.id and p.type = 'INVENTION' and p.legal_status = 'VALID'
               and p.granted_on <= ? and not ${PLEDGED_ON_SQL}
               and (select max(a.appraised_on) from patent_appraisal a where a.patent_id = p.id and a.appraised_on <= ? and a.voided_at is null) >= ?) >= ?`,
      bindings: [asOf, asOf, asOf, asOf, monthsBefore(asOf, r.months!), r.count],
    }),
  },

  [CriterionKind.CREDIT_RATING]: {
    required: ['minimumRating'],
    optional: [],
    reads: ['ratings'],
    describe: (r) => `An SME credit rating of ${r.minimumRating} or better in force`,
    evaluate(r, f, asOf) {
      const required: Threshold[] = [
        { name: FigureName.CREDIT_RATING, anyOf: RATING_ORDER.slice(0, RATING_ORDER.indexOf(r.minimumRating!) + 1) },
        { name: FigureName.CREDIT_RATED_ON, maximumDate: asOf },
        { name: FigureName.CREDIT_RATING_VALID_UNTIL, minimumDate: asOf },
      ];
      const figures = (x: { rating: CreditRating; agency: string; ratedOn: string; validUntil: string }): Figure[] => [
        { name: FigureName.CREDIT_RATING, subject: x.agency, text: x.rating },
        { name: FigureName.CREDIT_RATED_ON, subject: x.agency, date: x.ratedOn },
        { name: FigureName.CREDIT_RATING_VALID_UNTIL, subject: x.agency, date: x.validUntil },
      ];
      // Newest first; on the same day, the facts' order: the record made last first, as the SQL twin breaks ties.
      const newest = (a: { ratedOn: string }, b: { ratedOn: string }) => (a.ratedOn === b.ratedOn ? 0 : a.ratedOn < b.ratedOn ? 1 : -1);
      const inForce = f.ratings.filter((x) => x.ratedOn <= asOf && x.validUntil >= asOf).sort(newest)[0];
      if (!inForce) {
        const last = f.ratings.filter((x) => x.ratedOn <= asOf).sort(newest)[0];
        const missing = [{ name: FigureName.CREDIT_RATING }];
        return last
          ? answer(
              CriterionOutcome.UNKNOWN,
              say(
                `The last rating (${last.rating}, ${last.ratedOn}) lapsed on ${last.validUntil}; none in force on ${asOf}.`,
                `最近一次评级（${last.rating}，${last.ratedOn}）已于${last.validUntil}失效；${asOf}无有效评级。`,
              ),
              { observed: figures(last), required, missing },
            )
          : answer(CriterionOutcome.UNKNOWN, say(`No SME credit rating on record by ${asOf}.`, `截至${asOf}无中小企业信用评级记录。`), { required, missing });
      }
      return answer(
        passedIf(ratingAtLeast(inForce.rating, r.minimumRating!)),
        say(
          `Rated ${inForce.rating} by ${inForce.agency} on ${inForce.ratedOn}; ${r.minimumRating} or better required.`,
          `${inForce.ratedOn}由${inForce.agency}评为${inForce.rating}级；要求${r.minimumRating}级或以上。`,
        ),
        { observed: figures(inForce), required },
      );
    },
    sql: (r, asOf) => ({
      sql: `(select x.rating from credit_rating_record x where x.enterprise_id = e.id and x.rated_on <= ? and x.valid_until >= ? and x.voided_at is null
              order by x.rated_on desc, x.created_at desc, x.id desc limit 1) = any(?::credit_rating[])`,
      bindings: [asOf, asOf, `{${RATING_ORDER.slice(0, RATING_ORDER.indexOf(r.minimumRating!) + 1).join(',')}}`],
    }),
  },

  [CriterionKind.TAX_CREDIT_GRADE]: {
    required: ['grades'],
    optional: [],
    reads: ['taxGrades'],
    describe: (r) => `Tax credit grade ${r.grades!.join(' or ')}`,
    evaluate(r, f, asOf) {
      const required = [{ name: FigureName.TAX_CREDIT_GRADE, anyOf: r.grades! }];
      const oldest = yearOf(asOf) - 2;
      const missing = [{ name: FigureName.TAX_CREDIT_GRADE, fiscalYear: oldest, isLaterYearAccepted: true }];
      const latest = f.taxGrades.filter((g) => g.evaluatedOn <= asOf).sort((a, b) => b.year - a.year)[0];
      if (!latest) return answer(CriterionOutcome.UNKNOWN, say(`No tax credit grade published by ${asOf}.`, `截至${asOf}未公布纳税信用等级。`), { required, missing });
      const observed: Figure[] = [
        { name: FigureName.TAX_CREDIT_GRADE, fiscalYear: latest.year, text: latest.grade },
        { name: FigureName.TAX_CREDIT_GRADE_PUBLISHED_ON, fiscalYear: latest.year, date: latest.evaluatedOn },
      ];
      if (latest.year < oldest) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say(
            `The latest tax credit grade is for ${latest.year}; one for ${oldest} or later is needed.`,
            `最近的纳税信用等级为${latest.year}年度；需要${oldest}年度或之后的等级。`,
          ),
          { observed, required, missing },
        );
      }
      return answer(
        passedIf(r.grades!.includes(latest.grade)),
        say(
          `Tax credit grade ${latest.grade} for ${latest.year} (published ${latest.evaluatedOn}); ${r.grades!.join(' or ')} required.`,
          `${latest.year}年度纳税信用等级${latest.grade}级（${latest.evaluatedOn}评定）；要求${r.grades!.join('或')}级。`,
        ),
        { observed, required },
      );
    },
    sql: (r, asOf) => ({
      sql: `exists (select 1 from (select g.year, g.grade from tax_credit_grade g where g.enterprise_id = e.id and g.evaluated_on <= ?
              order by g.year desc limit 1) g where g.year >= ? and g.grade = any(?::tax_credit_grade_value[]))`,
      bindings: [asOf, yearOf(asOf) - 2, `{${r.grades!.join(',')}}`],
    }),
  },

  [CriterionKind.NO_RECENT_DEFAULT]: {
    required: ['months'],
    optional: [],
    reads: ['defaults'],
    describe: (r) => `No default in the ${r.months} months before`,
    evaluate(r, f, asOf) {
      const since = monthsBefore(asOf, r.months!);
      const byDate = f.defaults.filter((d) => d.defaultedOn <= asOf).sort((a, b) => (a.defaultedOn < b.defaultedOn ? 1 : a.defaultedOn > b.defaultedOn ? -1 : 0));
      const recent = byDate.filter((d) => d.defaultedOn > since);
      const typed = {
        observed: byDate.map((d): Figure => ({ name: FigureName.DEFAULTED_ON, subject: d.kind, date: d.defaultedOn })),
        required: [{ name: FigureName.DEFAULTED_ON, maximumDate: since }],
      };
      return recent.length
        ? answer(
            CriterionOutcome.FAILED,
            say(
              `${recent[0]!.kind} defaulted on ${recent[0]!.defaultedOn}${recent.length > 1 ? ` (and ${recent.length - 1} more)` : ''}; none allowed in the ${r.months} months to ${asOf}.`,
              `${recent[0]!.kind}于${recent[0]!.defaultedOn}违约${recent.length > 1 ? `（另有${recent.length - 1}笔）` : ''}；截至${asOf}的${r.months}个月内不得有违约。`,
            ),
            typed,
          )
        : answer(CriterionOutcome.PASSED, say(`No default recorded in the ${r.months} months to ${asOf}.`, `截至${asOf}的${r.months}个月内无违约记录。`), typed);
    },
    sql: (r, asOf) => ({
      sql: `not exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
              where h.enterprise_id = e.id and i.defaulted_on > ? and i.defaulted_on <= ? and ${notVoidedSql('i')})`,
      bindings: [monthsBefore(asOf, r.months!), asOf],
    }),
  },

  [CriterionKind.NOT_DISHONEST_DEBTOR]: {
    required: ['maximumAgeDays'],
    optional: [],
    reads: ['dishonestChecks'],
    describe: (r) => `Not on the dishonest debtor list, checked within ${r.maximumAgeDays} days`,
    evaluate(r, f, asOf) {
      const since = daysBefore(asOf, r.maximumAgeDays!);
      const required: Threshold[] = [
        { name: FigureName.DISHONEST_DEBTOR_CHECKED_ON, minimumDate: since },
        { name: FigureName.IS_DISHONEST_DEBTOR, isTrue: false },
      ];
      const missing = [{ name: FigureName.DISHONEST_DEBTOR_CHECKED_ON, minimumDate: since }];
      const last = f.dishonestChecks.filter((c) => c.checkedOn <= asOf).sort((a, b) => (a.checkedOn === b.checkedOn ? 0 : a.checkedOn < b.checkedOn ? 1 : -1))[0];
      if (!last) {
        return answer(CriterionOutcome.UNKNOWN, say(`Never checked against the dishonest debtor list by ${asOf}.`, `截至${asOf}从未查询失信被执行人名单。`), {
          required,
          missing,
        });
      }
      const observed: Figure[] = [
        { name: FigureName.DISHONEST_DEBTOR_CHECKED_ON, subject: last.source, date: last.checkedOn },
        { name: FigureName.IS_DISHONEST_DEBTOR, subject: last.source, isTrue: last.listed },
      ];
      if (last.checkedOn < since) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say(`Last checked on ${last.checkedOn}, over ${r.maximumAgeDays} days before ${asOf}.`, `最近一次查询为${last.checkedOn}，距${asOf}已超过${r.maximumAgeDays}天。`),
          { observed, required, missing },
        );
      }
      return last.listed
        ? answer(
            CriterionOutcome.FAILED,
            say(`Listed as a dishonest judgment debtor when checked on ${last.checkedOn} (${last.source}).`, `${last.checkedOn}查询（${last.source}）时被列为失信被执行人。`),
            { observed, required },
          )
        : answer(
            CriterionOutcome.PASSED,
            say(`Not listed when checked on ${last.checkedOn} (${last.source}).`, `${last.checkedOn}查询（${last.source}）时未被列为失信被执行人。`),
            { observed, required },
          );
    },
    sql: (r, asOf) => ({
      sql: `exists (select 1 from (select c.checked_on, c.listed from dishonest_debtor_check c where c.enterprise_id = e.id and c.checked_on <= ? and c.voided_at is null
              order by c.checked_on desc, c.created_at desc, c.id desc limit 1) c where c.checked_on >= ? and not c.listed)`,
      bindings: [asOf, daysBefore(asOf, r.maximumAgeDays!)],
    }),
  },

  [CriterionKind.TECH_INSURANCE_IN_FORCE]: {
    required: [],
    optional: [],
    reads: ['insurance'],
    describe: () => 'A tech insurance policy in force',
    evaluate(_r, f, asOf) {
      const required: Threshold[] = [
        { name: FigureName.TECH_INSURANCE_STARTS_ON, maximumDate: asOf },
        { name: FigureName.TECH_INSURANCE_ENDS_ON, minimumDate: asOf },
      ];
      const policy = f.insurance.find((p) => p.startDate <= asOf && (p.endDate === null || p.endDate >= asOf));
      if (!policy) return answer(CriterionOutcome.FAILED, say(`No tech insurance policy in force on ${asOf}.`, `${asOf}无有效的科技保险保单。`), { required });
      const kind = policy.insuranceKind;
      return answer(
        CriterionOutcome.PASSED,
        say(
          `${kind} policy in force ${policy.startDate} to ${policy.endDate ?? 'open'}.`,
          `${kind}保单自${policy.startDate}起有效${policy.endDate ? `，至${policy.endDate}止` : '，未定终止日期'}。`,
        ),
        {
          observed: [
            { name: FigureName.TECH_INSURANCE_STARTS_ON, subject: kind, date: policy.startDate },
            ...(policy.endDate ? [{ name: FigureName.TECH_INSURANCE_ENDS_ON, subject: kind, date: policy.endDate }] : []),
          ],
          required,
        },
      );
    },
    sql: (_r, asOf) => ({
      sql: `exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
              where h.enterprise_id = e.id and i.kind = 'TECH_INSURANCE' and i.status in ('ACTIVE', 'COMPLETED', 'DEFAULTED')
                and ${notVoidedSql('i')} and i.start_date <= ? and (i.end_date is null or i.end_date >= ?))`,
      bindings: [asOf, asOf],
    }),
  },

  [CriterionKind.QUALIFICATION]: {
    required: ['kinds'],
    optional: [],
    reads: ['qualifications'],
    describe: (r) => `A qualification of kind ${r.kinds!.join(' or ')} valid on the date`,
    evaluate(r, f, asOf) {
      const required: Threshold[] = [
        { name: FigureName.QUALIFICATION_KIND, anyOf: r.kinds! },
        { name: FigureName.QUALIFICATION_VALID_FROM, maximumDate: asOf },
        { name: FigureName.QUALIFICATION_VALID_UNTIL, minimumDate: asOf },
      ];
      const figures = (q: { kind: QualificationKind; number: string; validFrom: string; validTo: string }): Figure[] => [
        { name: FigureName.QUALIFICATION_KIND, subject: q.number, text: q.kind },
        { name: FigureName.QUALIFICATION_VALID_FROM, subject: q.number, date: q.validFrom },
        { name: FigureName.QUALIFICATION_VALID_UNTIL, subject: q.number, date: q.validTo },
      ];
      // The one valid longest first; then by number, so the explanation names the same one every time.
      const latestEnd = (a: { validTo: string; number: string }, b: { validTo: string; number: string }) =>
        a.validTo !== b.validTo ? (a.validTo < b.validTo ? 1 : -1) : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
      const held = f.qualifications.filter((q) => r.kinds!.includes(q.kind) && q.validFrom <= asOf).sort(latestEnd);
      const valid = held.find((q) => q.validTo >= asOf);
      if (valid) {
        return answer(
          CriterionOutcome.PASSED,
          say(
            `${valid.kind} ${valid.number} (${valid.issuer}) valid ${valid.validFrom} to ${valid.validTo}.`,
            `${valid.kind}资质${valid.number}（${valid.issuer}）有效期为${valid.validFrom}至${valid.validTo}。`,
          ),
          { observed: figures(valid), required },
        );
      }
      const last = held[0];
      return last
        ? answer(
            CriterionOutcome.FAILED,
            say(
              `${last.kind} ${last.number} lapsed on ${last.validTo}; none of ${r.kinds!.join(', ')} valid on ${asOf}.`,
              `${last.kind}资质${last.number}已于${last.validTo}失效；${asOf}无有效的${r.kinds!.join('、')}资质。`,
            ),
            { observed: figures(last), required },
          )
        : answer(
            CriterionOutcome.FAILED,
            say(`No qualification of kind ${r.kinds!.join(' or ')} valid on ${asOf}.`, `${asOf}无有效的${r.kinds!.join('或')}资质。`),
            { required },
          );
    },
    sql: (r, asOf) => ({
      sql: `exists (select 1 from qualification q where q.enterprise_id = e.id and q.kind = any(?::qualification_kind[])
              and q.valid_from <= ? and q.valid_to >= ?)`,
      bindings: [`{${r.kinds!.join(',')}}`, asOf, asOf],
    }),
  },

  [CriterionKind.HEADCOUNT]: {
    required: [],
    optional: ['minimumEmployees', 'maximumEmployees'],
    reads: ['years'],
    describe: (r) => `Employees in the latest fiscal year ${headcountText(r).en}`,
    evaluate(r, f, asOf) {
      const bounds = {
        ...(r.minimumEmployees !== undefined ? { minimumCount: r.minimumEmployees } : {}),
        ...(r.maximumEmployees !== undefined ? { maximumCount: r.maximumEmployees } : {}),
      };
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.EMPLOYEES, ...bounds }]);
      const n = latest.employees;
      const fiscalYear = latest.fiscalYear;
      const ok = (r.minimumEmployees === undefined || n >= r.minimumEmployees) && (r.maximumEmployees === undefined || n <= r.maximumEmployees);
      return answer(
        passedIf(ok),
        say(`${n} employees in ${fiscalYear}; ${headcountText(r).en} required.`, `${fiscalYear}年度职工${n}人；要求${headcountText(r).zh}。`),
        { observed: [{ name: FigureName.EMPLOYEES, fiscalYear, count: n }], required: [{ name: FigureName.EMPLOYEES, fiscalYear, ...bounds }] },
      );
    },
    sql: (r, asOf) => {
      const parts: string[] = [];
      const bindings: unknown[] = [];
      if (r.minimumEmployees !== undefined) (parts.push('l.employees >= ?'), bindings.push(r.minimumEmployees));
      if (r.maximumEmployees !== undefined) (parts.push('l.employees <= ?'), bindings.push(r.maximumEmployees));
      return latestYearCondition(asOf, parts.join(' and ') || 'true', bindings);
    },
  },

  [CriterionKind.TOTAL_ASSETS]: {
    required: [],
    optional: ['minimum', 'maximum'],
    reads: ['years'],
    describe: (r) => `Total assets at the end of the latest fiscal year ${rangeText(r).en}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf, [{ name: FigureName.TOTAL_ASSETS, ...amountRange(r) }]);
      const fiscalYear = latest.fiscalYear;
      const required = [{ name: FigureName.TOTAL_ASSETS, fiscalYear, ...amountRange(r) }];
      if (latest.totalAssets === null) {
        return answer(CriterionOutcome.UNKNOWN, say(`Total assets for ${fiscalYear} are not recorded.`, `未登记${fiscalYear}年末资产总额。`), {
          required,
          missing: [{ name: FigureName.TOTAL_ASSETS, fiscalYear }],
        });
      }
      return answer(
        passedIf(inRange(latest.totalAssets, r)),
        say(
          `Total assets ${money(latest.totalAssets)} at the end of ${fiscalYear}; ${rangeText(r).en} required.`,
          `${fiscalYear}年末资产总额${money(latest.totalAssets)}；要求${rangeText(r).zh}。`,
        ),
        { observed: [{ name: FigureName.TOTAL_ASSETS, fiscalYear, amount: latest.totalAssets }], required },
      );
    },
    sql: (r, asOf) => {
      const range = rangeSql('l.total_assets', r);
      return latestYearCondition(asOf, `l.total_assets is not null and ${range.sql}`, range.bindings);
    },
  },

  [CriterionKind.TECH_SME_SCORE]: {
    required: ['minimumScore'],
    optional: [],
    reads: ['certificates', 'years', 'patents'],
    describe: (r) =>
      `科技型中小企业 score of at least ${r.minimumScore} (S&T staff 20, R&D share of revenue 50, patents 30) with S&T staff points above 0, ` +
      'or a high-tech certificate valid on the date',
    evaluate(r, f, asOf) {
      const scored = (fiscalYear?: number): Threshold[] => [
        { name: FigureName.TECH_SME_SCORE, ...(fiscalYear ? { fiscalYear } : {}), minimumCount: r.minimumScore! },
        { name: FigureName.TECH_SME_STAFF_POINTS, ...(fiscalYear ? { fiscalYear } : {}), minimumCount: 1 },
      ];
      const certificate = certificateOn(f, asOf);
      if (certificate) {
        return answer(
          CriterionOutcome.PASSED,
          say(
            `Confirmed without scoring: high-tech certificate ${certificate.number} valid ${certificate.issuedOn} to ${certificate.expiresOn}.`,
            `持有有效的高新技术企业证书${certificate.number}（${certificate.issuedOn}至${certificate.expiresOn}），无需评分即予确认。`,
          ),
          { observed: certificateFigures(certificate), required: [...scored(), ...certificateThresholds(asOf, 2)] },
        );
      }
      const latest = latestYear(f, asOf);
      if (!latest) {
        const none = noFigures(asOf, [...scored(), ...certificateThresholds(asOf, 2)]);
        return {
          ...none,
          detail: say(
            `${none.detail.en.slice(0, -1)}, and no high-tech certificate is valid on ${asOf}.`,
            `${none.detail.zh.slice(0, -1)}，且${asOf}无有效的高新技术企业证书。`,
          ),
        };
      }
      const fiscalYear = latest.fiscalYear;
      const staffCount = BigInt(latest.stStaff);
      const employees = BigInt(latest.employees);
      const staff = bandPoints(staffCount, employees, TECH_SME_STAFF_BANDS);
      const revenue = toScaled(latest.revenue, 2);
      const rdExpense = toScaled(latest.rdExpense, 2);
      const rd = bandPoints(rdExpense, revenue, TECH_SME_RD_BANDS);
      const valid = f.patents.filter((p) => p.legalStatus === 'VALID' && p.grantedOn !== null && p.grantedOn <= asOf);
      const inventions = valid.filter((p) => p.type === PatentType.INVENTION).length;
      const others = valid.length - inventions;
      const ip = techSmeIpPoints(inventions, others);
      const score = staff + rd + ip;
      const rdShare = revenue > 0n ? say(percent(rdExpense, revenue), percent(rdExpense, revenue)) : say('no revenue', '无销售收入');
      return answer(
        passedIf(score >= r.minimumScore! && staff > 0),
        say(
          `Score ${score} for ${fiscalYear}: S&T staff ${percent(staffCount, employees)} of employees ${staff}/20, ` +
            `R&D ${rdShare.en} of revenue ${rd}/50, ${inventions} invention and ${others} other valid patent(s) ${ip}/30; ` +
            `at least ${r.minimumScore} with S&T staff points above 0 required, and no high-tech certificate is valid on ${asOf}.`,
          `${fiscalYear}年度评分${score}分：科技人员占职工总数${percent(staffCount, employees)}，得${staff}/20分；` +
            `研发费用占销售收入${rdShare.zh}，得${rd}/50分；有效发明专利${inventions}件、其他有效专利${others}件，得${ip}/30分；` +
            `要求不低于${r.minimumScore}分且科技人员指标得分大于0，且${asOf}无有效的高新技术企业证书。`,
        ),
        {
          observed: [
            { name: FigureName.SCIENCE_AND_TECHNOLOGY_STAFF_SHARE, fiscalYear, percent: percentFigure(staffCount, employees) },
            { name: FigureName.TECH_SME_STAFF_POINTS, fiscalYear, count: staff },
            ...(revenue > 0n ? [{ name: FigureName.RD_SHARE_OF_REVENUE, fiscalYear, percent: percentFigure(rdExpense, revenue) }] : []),
            { name: FigureName.TECH_SME_RD_POINTS, fiscalYear, count: rd },
            { name: FigureName.VALID_INVENTION_PATENTS, count: inventions },
            { name: FigureName.OTHER_VALID_PATENTS, count: others },
            { name: FigureName.TECH_SME_IP_POINTS, fiscalYear, count: ip },
            { name: FigureName.TECH_SME_SCORE, fiscalYear, count: score },
          ],
          required: [...scored(fiscalYear), ...certificateThresholds(asOf, 2)],
        },
      );
    },
    sql: (r, asOf) => {
      const staff = bandPointsSql('l.st_staff', 'l.employees', TECH_SME_STAFF_BANDS);
      const rd = bandPointsSql('l.rd_expense', 'l.revenue', TECH_SME_RD_BANDS);
      const ip = `(select case when count(*) filter (where p.type = 'INVENTION') > 0 then 30 else least(count(*), 4) * 6 end
                   from patent p where p.owner_id = e.id and p.legal_status = 'VALID' and p.granted_on <= ?)`;
      const scored = latestYearCondition(asOf, `(${staff}) > 0 and (${staff}) + (${rd}) + ${ip} >= ?`, [asOf, r.minimumScore]);
      return { sql: `${CERTIFICATE_ON_SQL} or ${scored.sql}`, bindings: [asOf, asOf, ...scored.bindings] };
    },
  },

  [CriterionKind.UNLISTED]: {
    required: [],
    optional: [],
    reads: [],
    describe: () => 'Not listed on a stock exchange (a NEEQ quotation is not a listing)',
    evaluate(_r, f) {
      const listed = f.enterprise.listedOnExchange;
      const required = [{ name: FigureName.IS_LISTED_ON_EXCHANGE, isTrue: false }];
      if (listed === null) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say('Whether its shares are listed on a stock exchange is not recorded.', '未登记其股票是否在证券交易所上市。'),
          { required, missing: [{ name: FigureName.IS_LISTED_ON_EXCHANGE }] },
        );
      }
      const observed = [{ name: FigureName.IS_LISTED_ON_EXCHANGE, isTrue: listed }];
      return listed
        ? answer(CriterionOutcome.FAILED, say('Its shares are listed on a stock exchange; unlisted required.', '其股票已在证券交易所上市；要求未上市。'), { observed, required })
        : answer(CriterionOutcome.PASSED, say('Not listed on a stock exchange.', '未在证券交易所上市。'), { observed, required });
    },
    sql: () => ({ sql: 'e.listed_on_exchange is false', bindings: [] }),
  },

  [CriterionKind.TECH_ENTERPRISE_TYPE]: {
    required: ['techEnterpriseTypes'],
    optional: [],
    reads: ['certificates', 'qualifications'],
    describe: (r) => `A tech enterprise of a kind the rules cover: ${r.techEnterpriseTypes!.join(', ')}`,
    evaluate(r, f, asOf) {
      const types = r.techEnterpriseTypes!;
      const required = [{ name: FigureName.TECH_ENTERPRISE_TYPE, anyOf: types }];
      const answers = types.map((t) => ({ type: t, ...techEnterpriseType(t, f, asOf) }));
      const held = answers.filter((a) => a.holds === true);
      // What is known: the types held (with their evidence), and the recorded facts that rule a type out.
      const observed: Figure[] = [
        ...held.map((a): Figure => ({ name: FigureName.TECH_ENTERPRISE_TYPE, ...(a.evidence ? { subject: a.evidence } : {}), text: a.type })),
        ...answers.filter((a) => a.holds === false && TYPE_FLAGS[a.type]).map((a): Figure => ({ name: TYPE_FLAGS[a.type]!, isTrue: false })),
      ];
      if (held.length) {
        return answer(
          CriterionOutcome.PASSED,
          say(`${held.map((a) => `${a.type} (${a.why.en})`).join('; ')}.`, `${held.map((a) => `${a.type}（${a.why.zh}）`).join('；')}。`),
          { observed, required },
        );
      }
      const unknown = answers.filter((a) => a.holds === null);
      const none = answers.filter((a) => a.holds === false).map((a) => say(`not ${a.type} (${a.why.en})`, `非${a.type}（${a.why.zh}）`));
      if (unknown.length) {
        return answer(
          CriterionOutcome.UNKNOWN,
          say(
            `${none.length ? `${none.map((n) => n.en).join('; ')}; ` : ''}not recorded whether ${unknown.map((a) => a.type).join(' or ')}.`,
            `${none.length ? `${none.map((n) => n.zh).join('；')}；` : ''}未登记是否为${unknown.map((a) => a.type).join('或')}。`,
          ),
          { observed, required, missing: unknown.map((a) => ({ name: TYPE_FLAGS[a.type]! })) },
        );
      }
      return answer(
        CriterionOutcome.FAILED,
        say(
          `${none.map((n) => n.en).join('; ')}; one of ${types.join(', ')} required.`,
          `${none.map((n) => n.zh).join('；')}；要求为${types.join('、')}之一。`,
        ),
        { observed, required },
      );
    },
    sql(r, asOf) {
      const parts: string[] = [];
      const bindings: unknown[] = [];
      for (const t of r.techEnterpriseTypes!) {
        if (t === TechEnterpriseType.HIGH_TECH) (parts.push(CERTIFICATE_ON_SQL), bindings.push(asOf, asOf));
        if (t === TechEnterpriseType.TECH_SME) {
          parts.push(`exists (select 1 from qualification q where q.enterprise_id = e.id and q.kind = 'TECH_SME' and q.valid_from <= ? and q.valid_to >= ?)`);
          bindings.push(asOf, asOf);
        }
        if (t === TechEnterpriseType.CONVERTED_INSTITUTE) parts.push('e.converted_institute is true');
        if (t === TechEnterpriseType.INVESTED_BY_CONVERTED_INSTITUTE) parts.push('e.invested_by_converted_institute is true');
        if (t === TechEnterpriseType.INVESTED_BY_ACADEMIA) parts.push('(e.university_id is not null or e.invested_by_academia is true)');
      }
      return { sql: parts.map((p) => `(${p})`).join(' or ') || 'false', bindings };
    },
  },
};
