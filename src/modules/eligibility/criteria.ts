import { registerEnumType } from 'type-graphql';
import { toScaled } from '../../common/decimal';
import { PatentType } from '../../common/patent-number';
import { TaxCreditGradeValue } from '../credit/credit.entity';
import { EconomicSector, HighTechField, Industry, TechEnterpriseType } from '../enterprise/enums';
import { CreditRating } from '../finance/enums';
import { notVoidedSql, PLEDGED_ON_SQL } from '../finance/instrument.entity';
import { QualificationKind } from '../qualification/enums';
import type { EnterpriseFacts, FactKind, FiscalYearFacts } from './facts';

/**
 * The criteria a programme's rules are made of. Which criteria a programme checks, and with which thresholds, is
 * data (a rule version); what each kind of criterion means is code, here, once for the explanation a bank reads
 * (`evaluate`) and once as SQL for the outreach filter (`sql`). test/eligibility.test.ts checks that the two agree
 * on a whole zone.
 */
export enum CriterionKind {
  AUTHORISATION = 'AUTHORISATION',
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
  ST_STAFF_SHARE = 'ST_STAFF_SHARE',
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
  valuesConfig: {
    AUTHORISATION: { description: 'The asker may see this enterprise (not a rule criterion: answered alone when it fails).' },
    REGISTERED_IN_ZONE: { description: 'Registered in the zone, founded at least `minYears` before the date.' },
    SUPPORTED_INDUSTRY: { description: 'Its industry is one of `industries`.' },
    STATE_OWNED: { description: 'State-owned (or not), as `stateOwned` says.' },
    HIGH_TECH_CERTIFICATE: { description: 'A high-tech enterprise certificate valid on the date.' },
    RD_INTENSITY: {
      description:
        'R&D expense over sales revenue across the last `years` fiscal years (the years since founding, for a younger enterprise), at least the band’s share; with `eachYear`, in each of those years.',
    },
    RD_EXPENSE: { description: 'R&D expense of the latest fiscal year within `minimum`–`maximum`.' },
    REVENUE: { description: 'Revenue of the latest fiscal year within `minimum`–`maximum`.' },
    HIGH_TECH_REVENUE_SHARE: { description: 'High-tech products and services income at least `minimumPercent` of total income (latest year).' },
    RD_IN_CHINA_SHARE: { description: 'R&D expense in China at least `minimumPercent` of all R&D expense across the last `years` fiscal years (or the years since founding).' },
    NATIONAL_HIGH_TECH_FIELD: { description: 'Its core technology is classified under one of the national high-tech `fields`.' },
    ST_STAFF_SHARE: { description: 'S&T staff at least `minimumPercent` of employees (latest year).' },
    RD_STAFF_SHARE: { description: 'R&D staff at least `minimumPercent` of employees (latest year).' },
    INNOVATION_SCORE: { description: 'An innovation-capability score (企业创新能力评价) of at least `minimumScore` on the latest fiscal year; UNKNOWN when none is recorded.' },
    NO_MAJOR_INCIDENT: { description: 'No major safety or quality accident or serious environmental violation reported for the latest fiscal year; UNKNOWN when not reported.' },
    CORE_IP: { description: 'At least `count` valid patents of any type.' },
    UNPLEDGED_INVENTION_PATENT: {
      description: 'At least `count` valid invention patents not pledged on the date, appraised within `months`.',
    },
    CREDIT_RATING: { description: 'An SME credit rating in force on the date, `minimumRating` or better.' },
    TAX_CREDIT_GRADE: { description: 'The latest tax credit grade is one of `grades`.' },
    NO_RECENT_DEFAULT: { description: 'No instrument defaulted in the `months` before the date.' },
    NOT_DISHONEST_DEBTOR: { description: 'Checked within `maxAgeDays` and not on the dishonest debtor list.' },
    TECH_INSURANCE_IN_FORCE: { description: 'Holds a tech insurance policy in force on the date.' },
    QUALIFICATION: { description: 'Holds a qualification of one of `kinds` valid on the date.' },
    HEADCOUNT: { description: 'Employees of the latest fiscal year within `minimumEmployees`–`maximumEmployees`.' },
    TOTAL_ASSETS: { description: 'Total assets of the latest fiscal year within `minimum`–`maximum` (UNKNOWN when not reported).' },
    TECH_SME_SCORE: {
      description:
        '科技型中小企业 evaluation (国科发政〔2017〕115号): on the latest fiscal year, at least `minimumScore` points of 100 ' +
        '(S&T staff share of employees 20, R&D share of revenue 50, valid patents 30) with S&T staff points above 0; or, ' +
        'without scoring, a high-tech certificate valid on the date. Of the two R&D options the regulation scores, the ' +
        'registry holds the share of revenue only (not of total costs and expenses).',
    },
    EXCLUDED_SECTOR: {
      description:
        'The GB/T 4754 sector of its principal business is none of `sectors` (a negative list, e.g. 财税〔2015〕119号 for the R&D super-deduction); UNKNOWN when not classified.',
    },
    UNLISTED: { description: 'Not listed on a stock exchange (a NEEQ quotation counts as unlisted); UNKNOWN when the registry does not know.' },
    TECH_ENTERPRISE_TYPE: {
      description:
        'A tech enterprise of one of `techEnterpriseTypes` (财资〔2016〕4号 art. 2, widened by 财资〔2018〕54号): PASSED when one holds, FAILED when none does, UNKNOWN when none holds and one is not known.',
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
  valuesConfig: {
    PASSED: { description: 'Met, on the figures named.' },
    FAILED: { description: 'Not met, on the figures named.' },
    UNKNOWN: { description: 'The registry lacks the data to tell; never counts as met.' },
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
  minYears?: number;
  industries?: Industry[];
  stateOwned?: boolean;
  years?: number;
  /** RD_INTENSITY: the share is met in each year, not over the years together (财资〔2016〕4号). */
  eachYear?: boolean;
  rdBands?: RdBand[];
  fields?: HighTechField[];
  minimum?: string;
  maximum?: string;
  minimumPercent?: string;
  count?: number;
  months?: number;
  minimumRating?: CreditRating;
  grades?: TaxCreditGradeValue[];
  maxAgeDays?: number;
  kinds?: QualificationKind[];
  minimumEmployees?: number;
  maximumEmployees?: number;
  minimumScore?: number;
  /** EXCLUDED_SECTOR: the sectors excluded. */
  sectors?: EconomicSector[];
  techEnterpriseTypes?: TechEnterpriseType[];
}

export type Param = Exclude<keyof CriterionRule, 'kind'>;

export interface Check {
  criterion: CriterionKind;
  outcome: CriterionOutcome;
  detail: string;
}

/** The SQL that is true exactly when a criterion passes, over `e` (enterprise) on date `asOf`. */
export interface SqlCondition {
  sql: string;
  bindings: unknown[];
}

interface CriterionDefinition {
  /** Parameters the kind requires, and those it accepts. */
  required: Param[];
  optional: Param[];
  /** The facts `evaluate` reads besides the enterprise itself: only those a programme's criteria read are loaded. */
  reads: FactKind[];
  /** The rule in words, e.g. "R&D ≥ 5% / 4% / 3% of revenue over 3 years for revenue up to ¥50m / ¥50m–200m / over ¥200m". */
  describe(rule: CriterionRule): string;
  evaluate(rule: CriterionRule, facts: EnterpriseFacts, asOf: string): Omit<Check, 'criterion'>;
  sql(rule: CriterionRule, asOf: string): SqlCondition;
}

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

/** num/den as a percentage with two places, truncated (so 3.999% shows 3.99%, never a rounded-up 4.00%). */
export function percent(num: bigint, den: bigint): string {
  const hundredths = (num * 10_000n) / den;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
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

const noFigures = (asOf: string) => ({
  outcome: CriterionOutcome.UNKNOWN,
  detail: `No fiscal year figures for ${yearOf(asOf) - 2} or ${yearOf(asOf) - 1} are recorded.`,
});

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

/**
 * The fiscal years a multi-year criterion reads: the `years` up to the latest readable one, or, for an enterprise
 * founded within them, the years since its founding (实际经营期不满三年的按实际经营时间计算: 国科发火〔2016〕32号 and
 * 〔2008〕172号, 财资〔2016〕4号). Missing years among them leave the answer UNKNOWN.
 */
function spanOf(f: EnterpriseFacts, asOf: string, years: number): { span: number[]; period: string; young: boolean } | { unknown: Omit<Check, 'criterion'> } {
  const latest = latestYear(f, asOf);
  if (!latest) return { unknown: noFigures(asOf) };
  const founded = yearOf(f.enterprise.foundedOn);
  const first = Math.min(latest.fiscalYear, Math.max(latest.fiscalYear - years + 1, founded));
  const span = Array.from({ length: latest.fiscalYear - first + 1 }, (_, i) => first + i);
  const missing = span.filter((y) => !f.years.has(y));
  if (missing.length) {
    return { unknown: { outcome: CriterionOutcome.UNKNOWN, detail: `Figures for ${missing.join(', ')} are not recorded (${span[0]}–${latest.fiscalYear} needed).` } };
  }
  const young = first > latest.fiscalYear - years + 1;
  const period = (span.length > 1 ? `${span[0]}–${latest.fiscalYear}` : `${latest.fiscalYear}`) + (young ? ` (the years since it was founded in ${founded})` : '');
  return { span, period, young };
}

/** SQL twin of spanOf: its first year, over `l` (the latest readable year) and `e`; binds `years`. */
const SPAN_START_SQL = `least(l.fiscal_year, greatest(l.fiscal_year - ? + 1, extract(year from e.founded_on)::int))`;

function bandLabel(bands: RdBand[], i: number): string {
  const upper = bands[i]!.revenueUpTo;
  const lower = i > 0 ? bands[i - 1]!.revenueUpTo : null;
  if (bands.length === 1) return 'any revenue';
  if (lower === null) return `revenue up to ${millions(upper!)}`;
  if (upper === null) return `revenue over ${millions(lower)}`;
  return `revenue ${millions(lower)}–${millions(upper).slice(1)}`;
}

function bandFor(bands: RdBand[], revenue: string): number {
  const r = toScaled(revenue, 2);
  const i = bands.findIndex((b) => b.revenueUpTo === null || r <= toScaled(b.revenueUpTo, 2));
  return i < 0 ? bands.length - 1 : i;
}

function rangeText(rule: CriterionRule): string {
  if (rule.minimum && rule.maximum) return `${millions(rule.minimum)}–${millions(rule.maximum)}`;
  if (rule.minimum) return `at least ${millions(rule.minimum)}`;
  return `at most ${millions(rule.maximum!)}`;
}

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

function headcountText(rule: CriterionRule): string {
  const { minimumEmployees: min, maximumEmployees: max } = rule;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** A valid certificate on `asOf`, if any (HIGH_TECH_CERTIFICATE, and the direct route of TECH_SME_SCORE). */
const certificateOn = (f: EnterpriseFacts, asOf: string) => f.certificates.find((c) => c.issuedOn <= asOf && c.expiresOn >= asOf);

const CERTIFICATE_ON_SQL = 'exists (select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= ? and c.expires_on >= ?)';

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

/** Whether the enterprise is of tech enterprise type `t` on `asOf` (null: not known), and on what evidence. */
function techEnterpriseType(t: TechEnterpriseType, f: EnterpriseFacts, asOf: string): { holds: boolean | null; why: string } {
  const e = f.enterprise;
  const flag = (v: boolean | null, yes: string, no: string) => ({ holds: v, why: v === null ? 'not recorded' : v ? yes : no });
  switch (t) {
    case TechEnterpriseType.HIGH_TECH: {
      const c = certificateOn(f, asOf);
      return c ? { holds: true, why: `certificate ${c.number} valid to ${c.expiresOn}` } : { holds: false, why: `no high-tech certificate valid on ${asOf}` };
    }
    case TechEnterpriseType.TECH_SME: {
      const q = f.qualifications.find((x) => x.kind === QualificationKind.TECH_SME && x.validFrom <= asOf && x.validTo >= asOf);
      return q ? { holds: true, why: `科技型中小企业 registration ${q.number} valid to ${q.validTo}` } : { holds: false, why: `no 科技型中小企业 registration valid on ${asOf}` };
    }
    case TechEnterpriseType.CONVERTED_INSTITUTE:
      return flag(e.convertedInstitute, 'a converted research institute', 'not a converted research institute');
    case TechEnterpriseType.INVESTED_BY_CONVERTED_INSTITUTE:
      return flag(e.investedByConvertedInstitute, 'invested in by a converted research institute', 'not invested in by a converted research institute');
    case TechEnterpriseType.INVESTED_BY_ACADEMIA:
      if (e.university) return { holds: true, why: `owned by ${e.university}` };
      return flag(e.investedByAcademia, 'invested in by a university or research institute', 'not invested in by a university or research institute');
  }
}

export const CRITERIA: Record<Exclude<CriterionKind, CriterionKind.AUTHORISATION>, CriterionDefinition> = {
  [CriterionKind.REGISTERED_IN_ZONE]: {
    required: [],
    optional: ['minYears'],
    reads: [],
    describe: (r) => (r.minYears ? `Registered in the zone, founded at least ${r.minYears} year(s) before` : 'Registered in the zone'),
    evaluate(r, f, asOf) {
      const e = f.enterprise;
      const since = `${e.name} (${e.parkName}), founded ${e.foundedOn}`;
      if (e.foundedOn > asOf) return { outcome: CriterionOutcome.FAILED, detail: `${since}: not yet founded on ${asOf}.` };
      const min = r.minYears ?? 0;
      const cutoff = monthsBefore(asOf, 12 * min);
      return e.foundedOn <= cutoff
        ? { outcome: CriterionOutcome.PASSED, detail: `${since}${min ? `; at least ${min} year(s) by ${asOf} required` : ''}.` }
        : { outcome: CriterionOutcome.FAILED, detail: `${since}: less than ${min} year(s) by ${asOf}.` };
    },
    sql: (r, asOf) => ({ sql: 'e.founded_on <= ?::date', bindings: [monthsBefore(asOf, 12 * (r.minYears ?? 0))] }),
  },

  [CriterionKind.SUPPORTED_INDUSTRY]: {
    required: ['industries'],
    optional: [],
    reads: [],
    describe: (r) => `In a supported field: ${r.industries!.join(', ')}`,
    evaluate(r, f) {
      const ok = r.industries!.includes(f.enterprise.industry);
      return { outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED, detail: `Industry ${f.enterprise.industry}${ok ? ' is' : ' is not'} a supported field.` };
    },
    sql: (r) => ({ sql: 'e.industry = any(?::industry[])', bindings: [`{${r.industries!.join(',')}}`] }),
  },

  [CriterionKind.STATE_OWNED]: {
    required: ['stateOwned'],
    optional: [],
    reads: [],
    describe: (r) => (r.stateOwned ? 'State-owned' : 'Not state-owned'),
    evaluate(r, f) {
      const ok = f.enterprise.stateOwned === r.stateOwned;
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `${f.enterprise.stateOwned ? 'State-owned' : 'Not state-owned'}; ${r.stateOwned ? 'state-owned' : 'not state-owned'} required.`,
      };
    },
    sql: (r) => ({ sql: 'e.state_owned = ?', bindings: [r.stateOwned] }),
  },

  [CriterionKind.HIGH_TECH_CERTIFICATE]: {
    required: [],
    optional: [],
    reads: ['certificates'],
    describe: () => 'A high-tech enterprise certificate valid on the date',
    evaluate(_r, f, asOf) {
      const valid = f.certificates.find((c) => c.issuedOn <= asOf && c.expiresOn >= asOf);
      if (valid) return { outcome: CriterionOutcome.PASSED, detail: `Certificate ${valid.number} valid ${valid.issuedOn} to ${valid.expiresOn}.` };
      const last = f.certificates.filter((c) => c.issuedOn <= asOf).sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1))[0];
      return {
        outcome: CriterionOutcome.FAILED,
        detail: last ? `Certificate ${last.number} expired on ${last.expiresOn}; none valid on ${asOf}.` : `No high-tech certificate issued by ${asOf}.`,
      };
    },
    sql: (_r, asOf) => ({
      sql: 'exists (select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= ? and c.expires_on >= ?)',
      bindings: [asOf, asOf],
    }),
  },

  [CriterionKind.RD_INTENSITY]: {
    required: ['years', 'rdBands'],
    optional: ['eachYear'],
    reads: ['years'],
    describe: (r) =>
      `R&D ≥ ${r.rdBands!.map((b) => pct(b.minimumPercent)).join(' / ')} of revenue ${r.eachYear ? 'in each of' : 'over'} ${r.years} year(s)` +
      (r.rdBands!.length > 1 ? ` for ${r.rdBands!.map((_, i) => bandLabel(r.rdBands!, i)).join(' / ')}` : ''),
    evaluate(r, f, asOf) {
      const s = spanOf(f, asOf, r.years!);
      if ('unknown' in s) return s.unknown;
      const latest = f.years.get(s.span[s.span.length - 1]!)!;
      const band = bandFor(r.rdBands!, latest.revenue);
      const required = r.rdBands![band]!.minimumPercent;
      const bandText = r.rdBands!.length > 1 ? ` for ${bandLabel(r.rdBands!, band)} (${latest.fiscalYear}: ${money(latest.revenue)})` : '';
      if (r.eachYear) {
        const each = s.span.map((y) => ({ y, rd: toScaled(f.years.get(y)!.rdExpense, 2), revenue: toScaled(f.years.get(y)!.revenue, 2) }));
        const none = each.find((x) => x.revenue === 0n);
        if (none) return { outcome: CriterionOutcome.UNKNOWN, detail: `No revenue recorded for ${none.y}.` };
        const ok = each.every((x) => atLeast(x.rd, x.revenue, required));
        return {
          outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
          detail: `R&D of revenue ${each.map((x) => `${x.y} ${percent(x.rd, x.revenue)}`).join(', ')}${s.young ? ` (the years since it was founded in ${yearOf(f.enterprise.foundedOn)})` : ''}; ${pct(required)} required in each year${bandText}.`,
        };
      }
      const rd = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpense, 2), 0n);
      const revenue = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.revenue, 2), 0n);
      if (revenue === 0n) return { outcome: CriterionOutcome.UNKNOWN, detail: `No revenue recorded over ${s.period}.` };
      const ok = atLeast(rd, revenue, required);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `R&D ${percent(rd, revenue)} of revenue over ${s.period} (${money(fromCents(rd))} of ${money(fromCents(revenue))}); ${pct(required)} required${bandText}.`,
      };
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
      const met = r.eachYear
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
      const s = spanOf(f, asOf, r.years!);
      if ('unknown' in s) return s.unknown;
      const all = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpense, 2), 0n);
      const inChina = s.span.reduce((sum, y) => sum + toScaled(f.years.get(y)!.rdExpenseInChina, 2), 0n);
      if (all === 0n) return { outcome: CriterionOutcome.UNKNOWN, detail: `No R&D expense recorded over ${s.period}.` };
      const ok = atLeast(inChina, all, r.minimumPercent!);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `R&D in China ${percent(inChina, all)} of all R&D over ${s.period} (${money(fromCents(inChina))} of ${money(fromCents(all))}); ${pct(r.minimumPercent!)} required.`,
      };
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
      if (!field) return { outcome: CriterionOutcome.UNKNOWN, detail: 'Its core technology is not classified under a national high-tech field.' };
      const ok = r.fields!.includes(field);
      return { outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED, detail: `Core technology classified under ${field}${ok ? ', a field' : ', not a field'} the rule supports.` };
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
      if (!sector) return { outcome: CriterionOutcome.UNKNOWN, detail: 'Its principal business is not classified under a GB/T 4754 sector.' };
      const excluded = r.sectors!.includes(sector);
      return {
        outcome: excluded ? CriterionOutcome.FAILED : CriterionOutcome.PASSED,
        detail: `Principal business classified under ${sector}${excluded ? ', an excluded sector' : ', not an excluded sector'}.`,
      };
    },
    // Null (not classified) is UNKNOWN, never a pass: `not (null = any(…))` is null, so the null is tested first.
    sql: (r) => ({ sql: 'e.economic_sector is not null and not (e.economic_sector = any(?::economic_sector[]))', bindings: [`{${r.sectors!.join(',')}}`] }),
  },

  [CriterionKind.RD_EXPENSE]: {
    required: [],
    optional: ['minimum', 'maximum'],
    reads: ['years'],
    describe: (r) => `R&D expense of the latest fiscal year ${rangeText(r)}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      const ok = inRange(latest.rdExpense, r);
      return { outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED, detail: `R&D expense ${money(latest.rdExpense)} in ${latest.fiscalYear}; ${rangeText(r)} required.` };
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
    describe: (r) => `Revenue of the latest fiscal year ${rangeText(r)}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      const ok = inRange(latest.revenue, r);
      return { outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED, detail: `Revenue ${money(latest.revenue)} in ${latest.fiscalYear}; ${rangeText(r)} required.` };
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
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      if (latest.totalIncome === null) return { outcome: CriterionOutcome.UNKNOWN, detail: `No total income recorded for ${latest.fiscalYear}.` };
      const total = toScaled(latest.totalIncome, 2);
      const ht = toScaled(latest.highTechRevenue, 2);
      const ok = atLeast(ht, total, r.minimumPercent!);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `High-tech income ${percent(ht, total)} of total income in ${latest.fiscalYear} (${money(latest.highTechRevenue)} of ${money(latest.totalIncome)}); ${pct(r.minimumPercent!)} required.`,
      };
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.total_income > 0 and l.high_tech_revenue * 100 >= l.total_income * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.ST_STAFF_SHARE]: {
    required: ['minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `S&T staff ≥ ${pct(r.minimumPercent!)} of employees in the latest fiscal year`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      if (latest.employees === 0) return { outcome: CriterionOutcome.UNKNOWN, detail: `No employees recorded for ${latest.fiscalYear}.` };
      const ok = atLeast(BigInt(latest.stStaff), BigInt(latest.employees), r.minimumPercent!);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `S&T staff ${latest.stStaff} of ${latest.employees} employees (${percent(BigInt(latest.stStaff), BigInt(latest.employees))}) in ${latest.fiscalYear}; ${pct(r.minimumPercent!)} required.`,
      };
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.employees > 0 and l.st_staff * 100 >= l.employees * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.RD_STAFF_SHARE]: {
    required: ['minimumPercent'],
    optional: [],
    reads: ['years'],
    describe: (r) => `R&D staff ≥ ${pct(r.minimumPercent!)} of employees in the latest fiscal year`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      if (latest.rdStaff === null) return { outcome: CriterionOutcome.UNKNOWN, detail: `No R&D staff figure recorded for ${latest.fiscalYear}.` };
      const ok = atLeast(BigInt(latest.rdStaff), BigInt(latest.employees), r.minimumPercent!);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `R&D staff ${latest.rdStaff} of ${latest.employees} employees (${percent(BigInt(latest.rdStaff), BigInt(latest.employees))}) in ${latest.fiscalYear}; ${pct(r.minimumPercent!)} required.`,
      };
    },
    sql: (r, asOf) => latestYearCondition(asOf, 'l.rd_staff is not null and l.rd_staff * 100 >= l.employees * ?::numeric', [r.minimumPercent]),
  },

  [CriterionKind.INNOVATION_SCORE]: {
    required: ['minimumScore'],
    optional: [],
    reads: ['years'],
    describe: (r) => `An innovation-capability score of at least ${r.minimumScore} on the latest fiscal year`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      if (latest.innovationScore === null) return { outcome: CriterionOutcome.UNKNOWN, detail: `No innovation-capability score recorded for ${latest.fiscalYear}.` };
      const ok = latest.innovationScore >= r.minimumScore!;
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `Innovation-capability score ${latest.innovationScore} on ${latest.fiscalYear}; at least ${r.minimumScore} required.`,
      };
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
      if (!latest) return noFigures(asOf);
      if (latest.majorIncident === null) return { outcome: CriterionOutcome.UNKNOWN, detail: `Whether a major incident occurred in ${latest.fiscalYear} is not reported.` };
      return latest.majorIncident
        ? { outcome: CriterionOutcome.FAILED, detail: `A major safety, quality or environmental incident was reported for ${latest.fiscalYear}.` }
        : { outcome: CriterionOutcome.PASSED, detail: `No major safety, quality or environmental incident reported for ${latest.fiscalYear}.` };
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
      const ok = valid.length >= r.count!;
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `${valid.length} valid patent(s) granted by ${asOf}${valid.length ? ` (${valid.slice(0, 3).map((p) => p.number).join(', ')}${valid.length > 3 ? ' …' : ''})` : ''}; ${r.count} required.`,
      };
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
      const inventions = f.patents.filter(
        (p) => p.type === PatentType.INVENTION && p.legalStatus === 'VALID' && p.grantedOn !== null && p.grantedOn <= asOf,
      );
      if (inventions.length === 0) return { outcome: CriterionOutcome.FAILED, detail: `No valid invention patent granted by ${asOf}.` };
      const why = (p: (typeof inventions)[number]) =>
        p.pledged ? `${p.number} pledged` : !p.appraisal ? `${p.number} not appraised` : p.appraisal.appraisedOn < since ? `${p.number} appraised ${p.appraisal.appraisedOn}, over ${r.months} months before` : null;
      const usable = inventions.filter((p) => why(p) === null);
      if (usable.length >= r.count!) {
        return {
          outcome: CriterionOutcome.PASSED,
          detail: `${usable.slice(0, 3).map((p) => `${p.number} unpledged, appraised ${money(p.appraisal!.value)} on ${p.appraisal!.appraisedOn}`).join('; ')}${usable.length > 3 ? ' …' : ''}.`,
        };
      }
      return {
        outcome: CriterionOutcome.FAILED,
        detail: `${usable.length} of ${inventions.length} valid invention patent(s) usable, ${r.count} required: ${inventions.map(why).filter(Boolean).slice(0, 3).join('; ')}.`,
      };
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
      // Newest first; on the same day, the facts' order: the record made last first, as the SQL twin breaks ties.
      const newest = (a: { ratedOn: string }, b: { ratedOn: string }) => (a.ratedOn === b.ratedOn ? 0 : a.ratedOn < b.ratedOn ? 1 : -1);
      const inForce = f.ratings.filter((x) => x.ratedOn <= asOf && x.validUntil >= asOf).sort(newest)[0];
      if (!inForce) {
        const last = f.ratings.filter((x) => x.ratedOn <= asOf).sort(newest)[0];
        return {
          outcome: CriterionOutcome.UNKNOWN,
          detail: last ? `The last rating (${last.rating}, ${last.ratedOn}) lapsed on ${last.validUntil}; none in force on ${asOf}.` : `No SME credit rating on record by ${asOf}.`,
        };
      }
      const ok = ratingAtLeast(inForce.rating, r.minimumRating!);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `Rated ${inForce.rating} by ${inForce.agency} on ${inForce.ratedOn}; ${r.minimumRating} or better required.`,
      };
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
      const latest = f.taxGrades.filter((g) => g.evaluatedOn <= asOf).sort((a, b) => b.year - a.year)[0];
      if (!latest) return { outcome: CriterionOutcome.UNKNOWN, detail: `No tax credit grade published by ${asOf}.` };
      if (latest.year < yearOf(asOf) - 2) {
        return { outcome: CriterionOutcome.UNKNOWN, detail: `The latest tax credit grade is for ${latest.year}; one for ${yearOf(asOf) - 2} or later is needed.` };
      }
      const ok = r.grades!.includes(latest.grade);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `Tax credit grade ${latest.grade} for ${latest.year} (published ${latest.evaluatedOn}); ${r.grades!.join(' or ')} required.`,
      };
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
      const recent = f.defaults.filter((d) => d.defaultedOn > since && d.defaultedOn <= asOf).sort((a, b) => (a.defaultedOn < b.defaultedOn ? 1 : -1));
      return recent.length
        ? { outcome: CriterionOutcome.FAILED, detail: `${recent[0]!.kind} defaulted on ${recent[0]!.defaultedOn}${recent.length > 1 ? ` (and ${recent.length - 1} more)` : ''}; none allowed in the ${r.months} months to ${asOf}.` }
        : { outcome: CriterionOutcome.PASSED, detail: `No default recorded in the ${r.months} months to ${asOf}.` };
    },
    sql: (r, asOf) => ({
      sql: `not exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
              where h.enterprise_id = e.id and i.defaulted_on > ? and i.defaulted_on <= ? and ${notVoidedSql('i')})`,
      bindings: [monthsBefore(asOf, r.months!), asOf],
    }),
  },

  [CriterionKind.NOT_DISHONEST_DEBTOR]: {
    required: ['maxAgeDays'],
    optional: [],
    reads: ['dishonestChecks'],
    describe: (r) => `Not on the dishonest debtor list, checked within ${r.maxAgeDays} days`,
    evaluate(r, f, asOf) {
      const last = f.dishonestChecks.filter((c) => c.checkedOn <= asOf).sort((a, b) => (a.checkedOn === b.checkedOn ? 0 : a.checkedOn < b.checkedOn ? 1 : -1))[0];
      if (!last) return { outcome: CriterionOutcome.UNKNOWN, detail: `Never checked against the dishonest debtor list by ${asOf}.` };
      if (last.checkedOn < daysBefore(asOf, r.maxAgeDays!)) {
        return { outcome: CriterionOutcome.UNKNOWN, detail: `Last checked on ${last.checkedOn}, over ${r.maxAgeDays} days before ${asOf}.` };
      }
      return last.listed
        ? { outcome: CriterionOutcome.FAILED, detail: `Listed as a dishonest judgment debtor when checked on ${last.checkedOn} (${last.source}).` }
        : { outcome: CriterionOutcome.PASSED, detail: `Not listed when checked on ${last.checkedOn} (${last.source}).` };
    },
    sql: (r, asOf) => ({
      sql: `exists (select 1 from (select c.checked_on, c.listed from dishonest_debtor_check c where c.enterprise_id = e.id and c.checked_on <= ? and c.voided_at is null
              order by c.checked_on desc, c.created_at desc, c.id desc limit 1) c where c.checked_on >= ? and not c.listed)`,
      bindings: [asOf, daysBefore(asOf, r.maxAgeDays!)],
    }),
  },

  [CriterionKind.TECH_INSURANCE_IN_FORCE]: {
    required: [],
    optional: [],
    reads: ['insurance'],
    describe: () => 'A tech insurance policy in force',
    evaluate(_r, f, asOf) {
      const policy = f.insurance.find((p) => p.startDate <= asOf && (p.endDate === null || p.endDate >= asOf));
      return policy
        ? { outcome: CriterionOutcome.PASSED, detail: `${policy.insuranceKind} policy in force ${policy.startDate} to ${policy.endDate ?? 'open'}.` }
        : { outcome: CriterionOutcome.FAILED, detail: `No tech insurance policy in force on ${asOf}.` };
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
      // The one valid longest first; then by number, so the explanation names the same one every time.
      const latestEnd = (a: { validTo: string; number: string }, b: { validTo: string; number: string }) =>
        a.validTo !== b.validTo ? (a.validTo < b.validTo ? 1 : -1) : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
      const held = f.qualifications.filter((q) => r.kinds!.includes(q.kind) && q.validFrom <= asOf).sort(latestEnd);
      const valid = held.find((q) => q.validTo >= asOf);
      if (valid) {
        return { outcome: CriterionOutcome.PASSED, detail: `${valid.kind} ${valid.number} (${valid.issuer}) valid ${valid.validFrom} to ${valid.validTo}.` };
      }
      const last = held[0];
      return {
        outcome: CriterionOutcome.FAILED,
        detail: last
          ? `${last.kind} ${last.number} lapsed on ${last.validTo}; none of ${r.kinds!.join(', ')} valid on ${asOf}.`
          : `No qualification of kind ${r.kinds!.join(' or ')} valid on ${asOf}.`,
      };
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
    describe: (r) => `Employees in the latest fiscal year ${headcountText(r)}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      const n = latest.employees;
      const ok = (r.minimumEmployees === undefined || n >= r.minimumEmployees) && (r.maximumEmployees === undefined || n <= r.maximumEmployees);
      return { outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED, detail: `${n} employees in ${latest.fiscalYear}; ${headcountText(r)} required.` };
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
    describe: (r) => `Total assets at the end of the latest fiscal year ${rangeText(r)}`,
    evaluate(r, f, asOf) {
      const latest = latestYear(f, asOf);
      if (!latest) return noFigures(asOf);
      if (latest.totalAssets === null) return { outcome: CriterionOutcome.UNKNOWN, detail: `Total assets for ${latest.fiscalYear} are not recorded.` };
      const ok = inRange(latest.totalAssets, r);
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail: `Total assets ${money(latest.totalAssets)} at the end of ${latest.fiscalYear}; ${rangeText(r)} required.`,
      };
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
      const certificate = certificateOn(f, asOf);
      if (certificate) {
        return {
          outcome: CriterionOutcome.PASSED,
          detail: `Confirmed without scoring: high-tech certificate ${certificate.number} valid ${certificate.issuedOn} to ${certificate.expiresOn}.`,
        };
      }
      const latest = latestYear(f, asOf);
      if (!latest) return { outcome: CriterionOutcome.UNKNOWN, detail: `${noFigures(asOf).detail.slice(0, -1)}, and no high-tech certificate is valid on ${asOf}.` };
      const staff = bandPoints(BigInt(latest.stStaff), BigInt(latest.employees), TECH_SME_STAFF_BANDS);
      const revenue = toScaled(latest.revenue, 2);
      const rdExpense = toScaled(latest.rdExpense, 2);
      const rd = bandPoints(rdExpense, revenue, TECH_SME_RD_BANDS);
      const valid = f.patents.filter((p) => p.legalStatus === 'VALID' && p.grantedOn !== null && p.grantedOn <= asOf);
      const inventions = valid.filter((p) => p.type === PatentType.INVENTION).length;
      const ip = techSmeIpPoints(inventions, valid.length - inventions);
      const score = staff + rd + ip;
      const ok = score >= r.minimumScore! && staff > 0;
      const rdShare = revenue > 0n ? percent(rdExpense, revenue) : 'no revenue';
      return {
        outcome: ok ? CriterionOutcome.PASSED : CriterionOutcome.FAILED,
        detail:
          `Score ${score} for ${latest.fiscalYear}: S&T staff ${percent(BigInt(latest.stStaff), BigInt(latest.employees))} of employees ${staff}/20, ` +
          `R&D ${rdShare} of revenue ${rd}/50, ${inventions} invention and ${valid.length - inventions} other valid patent(s) ${ip}/30; ` +
          `at least ${r.minimumScore} with S&T staff points above 0 required, and no high-tech certificate is valid on ${asOf}.`,
      };
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
      if (listed === null) return { outcome: CriterionOutcome.UNKNOWN, detail: 'Whether its shares are listed on a stock exchange is not recorded.' };
      return listed
        ? { outcome: CriterionOutcome.FAILED, detail: 'Its shares are listed on a stock exchange; unlisted required.' }
        : { outcome: CriterionOutcome.PASSED, detail: 'Not listed on a stock exchange.' };
    },
    sql: () => ({ sql: 'e.listed_on_exchange is false', bindings: [] }),
  },

  [CriterionKind.TECH_ENTERPRISE_TYPE]: {
    required: ['techEnterpriseTypes'],
    optional: [],
    reads: ['certificates', 'qualifications'],
    describe: (r) => `A tech enterprise of a kind the rules cover: ${r.techEnterpriseTypes!.join(', ')}`,
    evaluate(r, f, asOf) {
      const answers = r.techEnterpriseTypes!.map((t) => ({ type: t, ...techEnterpriseType(t, f, asOf) }));
      const held = answers.filter((a) => a.holds === true);
      if (held.length) return { outcome: CriterionOutcome.PASSED, detail: `${held.map((a) => `${a.type} (${a.why})`).join('; ')}.` };
      const unknown = answers.filter((a) => a.holds === null);
      const none = answers.filter((a) => a.holds === false).map((a) => `not ${a.type} (${a.why})`);
      if (unknown.length) {
        return {
          outcome: CriterionOutcome.UNKNOWN,
          detail: `${none.length ? `${none.join('; ')}; ` : ''}not recorded whether ${unknown.map((a) => a.type).join(' or ')}.`,
        };
      }
      return { outcome: CriterionOutcome.FAILED, detail: `${none.join('; ')}; one of ${r.techEnterpriseTypes!.join(', ')} required.` };
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

/** Cents (scale 2) back to a decimal string. */
function fromCents(cents: bigint): string {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
