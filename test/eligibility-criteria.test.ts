import fc from 'fast-check';
import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { criterionResult, figure, missingFact, threshold } from './support/figures';
import { EligibilityFiguresDocument } from './support/generated/graphql';
import { counterpartyId, enterpriseInput, patentNumber as numberWithCheckDigit, resetRegistry, testCode } from './support/registry';
import { toGlobalId } from '../src/common/global-id';

/**
 * Each criterion kind answers twice: `evaluate` (the explanation a bank reads, through `eligibility`) and `sql` (the
 * outreach list, through `enterprises(filter: { outreach })`). Here every kind is checked ALONE, on enterprises
 * crafted at, just above and just below each of its thresholds and date edges, against an outcome written by hand:
 * the two cannot agree on a wrong answer, and neither can drift from the other unnoticed.
 *
 * One criterion at a time: each test-only program below has one rule version holding one criterion. The version
 * is recorded with `recordProgramRuleVersion` (so the API validates and stores the criterion), then moved back to
 * take effect in 2000: the API lets a version take effect only after today, and no fact can be recorded with a
 * future date, so without the move every edge would have to be dated relative to the day the test runs.
 *
 * UNKNOWN and FAILED: the SQL says only whether the criterion passes, so an enterprise is on the outreach list
 * exactly when `evaluate` says PASSED; UNKNOWN (missing data) and FAILED both keep it off.
 */

const admin = as(Role.ZONE_ADMIN);
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const AS_OF = '2026-06-30';

type Outcome = 'PASSED' | 'FAILED' | 'UNKNOWN';
type Criterion = { kind: string } & Record<string, unknown>;

/** The test-only programs: one criterion each (code → criterion). */
const PROGRAMS: Record<string, Criterion> = {
  T_REGISTERED: { kind: 'REGISTERED_IN_ZONE' },
  T_REGISTERED_1Y: { kind: 'REGISTERED_IN_ZONE', minimumYears: 1 },
  T_REGISTERED_4Y: { kind: 'REGISTERED_IN_ZONE', minimumYears: 4 },
  T_INDUSTRY: { kind: 'SUPPORTED_INDUSTRY', industries: ['OPTOELECTRONIC_INFORMATION', 'BIOMEDICINE'] },
  T_STATE_OWNED: { kind: 'STATE_OWNED', isStateOwned: true },
  T_NOT_STATE_OWNED: { kind: 'STATE_OWNED', isStateOwned: false },
  T_CERTIFICATE: { kind: 'HIGH_TECH_CERTIFICATE' },
  // The 2016 high-tech rules: 5% / 4% / 3% over three years for latest revenue up to ¥50m / ¥50m–200m / over ¥200m.
  T_RD_2016: {
    kind: 'RD_INTENSITY',
    years: 3,
    rdBands: [
      { revenueUpTo: '50000000.00', minimumPercent: '5.0000' },
      { revenueUpTo: '200000000.00', minimumPercent: '4.0000' },
      { revenueUpTo: null, minimumPercent: '3.0000' },
    ],
  },
  // No open-ended band: above ¥200m the last band's 4% applies.
  T_RD_BOUNDED: {
    kind: 'RD_INTENSITY',
    years: 1,
    rdBands: [
      { revenueUpTo: '50000000.00', minimumPercent: '5.0000' },
      { revenueUpTo: '200000000.00', minimumPercent: '4.0000' },
    ],
  },
  T_RD_FLAT: { kind: 'RD_INTENSITY', years: 2, rdBands: [{ revenueUpTo: null, minimumPercent: '3.0000' }] },
  T_RD_EXPENSE: { kind: 'RD_EXPENSE', minimum: '1000000.00', maximum: '5000000.00' },
  T_RD_EXPENSE_ANY: { kind: 'RD_EXPENSE', minimum: '0.01' },
  T_REVENUE: { kind: 'REVENUE', minimum: '50000000.00', maximum: '200000000.00' },
  T_REVENUE_UP_TO: { kind: 'REVENUE', maximum: '200000000.00' },
  T_HIGH_TECH_SHARE: { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
  // 财资〔2016〕4号: 3% in each of three years, not on average.
  T_RD_EACH_YEAR: { kind: 'RD_INTENSITY', years: 3, isEachYearRequired: true, rdBands: [{ revenueUpTo: null, minimumPercent: '3.0000' }] },
  T_RD_IN_CHINA: { kind: 'RD_IN_CHINA_SHARE', years: 3, minimumPercent: '60.0000' },
  T_RD_STAFF: { kind: 'RD_STAFF_SHARE', minimumPercent: '10.0000' },
  // 工作指引 (国科发火〔2016〕195号): more than 70 points, in whole points.
  T_INNOVATION: { kind: 'INNOVATION_SCORE', minimumScore: 71 },
  T_INCIDENT: { kind: 'NO_MAJOR_INCIDENT' },
  T_FIELD: { kind: 'NATIONAL_HIGH_TECH_FIELD', fields: ['ELECTRONIC_INFORMATION', 'NEW_MATERIALS'] },
  T_STAFF_10: { kind: 'SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', minimumPercent: '10.0000' },
  T_STAFF_12_5: { kind: 'SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', minimumPercent: '12.5000' },
  T_CORE_IP: { kind: 'CORE_IP', count: 2 },
  T_UNPLEDGED: { kind: 'UNPLEDGED_INVENTION_PATENT', count: 1, months: 12 },
  T_UNPLEDGED_2: { kind: 'UNPLEDGED_INVENTION_PATENT', count: 2, months: 12 },
  T_RATING: { kind: 'CREDIT_RATING', minimumRating: 'BBB' },
  T_TAX_GRADE: { kind: 'TAX_CREDIT_GRADE', grades: ['A', 'B'] },
  // 48 months: a default is dated the day it is recorded, and four years on that day exists whatever it is (29 Feb too).
  T_NO_DEFAULT: { kind: 'NO_RECENT_DEFAULT', months: 48 },
  T_DISHONEST: { kind: 'NOT_DISHONEST_DEBTOR', maximumAgeDays: 365 },
  T_INSURANCE: { kind: 'TECH_INSURANCE_IN_FORCE' },
  T_QUALIFICATION: { kind: 'QUALIFICATION', kinds: ['TECH_SME', 'LITTLE_GIANT'] },
  T_HEADCOUNT: { kind: 'HEADCOUNT', maximumEmployees: 500 },
  T_HEADCOUNT_RANGE: { kind: 'HEADCOUNT', minimumEmployees: 10, maximumEmployees: 500 },
  T_TOTAL_ASSETS: { kind: 'TOTAL_ASSETS', maximum: '200000000.00' },
  // 科技型中小企业 (国科发政〔2017〕115号): 60 points of 100 with S&T staff points above 0, or a valid certificate.
  T_TECH_SME: { kind: 'TECH_SME_SCORE', minimumScore: 60 },
  // 财税〔2015〕119号: the super-deduction's negative list, by the GB/T 4754 sector of the principal business.
  T_SECTOR: {
    kind: 'EXCLUDED_SECTOR',
    sectors: ['TOBACCO_MANUFACTURING', 'ACCOMMODATION_AND_CATERING', 'WHOLESALE_AND_RETAIL', 'REAL_ESTATE', 'LEASING_AND_BUSINESS_SERVICES', 'ENTERTAINMENT'],
  },
  // 财资〔2016〕4号 art. 2 scope.
  T_UNLISTED: { kind: 'UNLISTED' },
  T_TECH_TYPE: { kind: 'TECH_ENTERPRISE_TYPE', techEnterpriseTypes: ['HIGH_TECH', 'CONVERTED_INSTITUTE', 'INVESTED_BY_ACADEMIA', 'TECH_SME'] },
  T_TECH_TYPE_54: { kind: 'TECH_ENTERPRISE_TYPE', techEnterpriseTypes: ['INVESTED_BY_CONVERTED_INSTITUTE'] },
};

// ── the facts of a crafted enterprise ──

interface Figures {
  revenue?: string;
  rd?: string;
  /** R&D spent in China: default all of it. */
  inChina?: string;
  highTech?: string;
  /** Default: the revenue; null: not reported. */
  totalIncome?: string | null;
  employees?: number;
  stStaff?: number;
  /** Default: not reported. */
  rdStaff?: number;
  /** Default: none recorded. */
  innovationScore?: number;
  /** Default: not reported. */
  majorIncident?: boolean;
  totalAssets?: string | null;
}

interface Facts {
  foundedOn?: string;
  industry?: string;
  stateOwned?: boolean;
  highTechField?: string;
  economicSector?: string;
  years?: Record<number, Figures>;
  certificates?: { issuedOn: string; validUntil?: string }[];
  patents?: {
    /** The type digit of the number: 1 invention, 2 utility model, 3 design, 8 PCT invention. */
    type?: 1 | 2 | 3 | 8;
    legalStatus?: 'VALID' | 'PENDING' | 'LAPSED' | 'INVALIDATED' | 'EXPIRED';
    grantedOn?: string;
    appraisedOn?: string[];
    /** An IP-pledge loan pledging it: registered on `registeredOn` (default the loan's start), cancelled on `cancelledOn`. */
    pledge?: { startDate: string; endDate?: string; status?: string; registeredOn?: string; cancelledOn?: string };
  }[];
  ratings?: { rating: string; ratedOn: string; validUntil?: string }[];
  taxGrades?: { year: number; grade: string; evaluatedOn: string }[];
  checks?: { checkedOn: string; listed: boolean }[];
  /** Credit loans; a DEFAULTED one is dated the day it is recorded; `settled`: then marked COMPLETED. */
  loans?: { status: 'ACTIVE' | 'DEFAULTED'; settled?: boolean }[];
  insurance?: { startDate: string; endDate?: string; status?: string }[];
  qualifications?: { kind: string; validFrom: string; validUntil: string }[];
  /** The scope facts of the equity incentive rules: default not recorded (null). */
  listedOnExchange?: boolean | null;
  convertedInstitute?: boolean | null;
  investedByConvertedInstitute?: boolean | null;
  investedByAcademia?: boolean | null;
  /** Owned by a university (华中科技大学). */
  university?: boolean;
}

interface Crafted {
  code: string;
  /** When its (first) defaulted loan went into default, as the API dated it. */
  defaultedOn: string | null;
}

interface Case {
  name: string;
  facts: Facts;
  /** Default AS_OF. */
  asOf?: string | ((e: Crafted) => string);
  expected: Outcome;
}

/** The same figures for each of `years`. */
const everyYear = (years: number[], figures: Figures): Record<number, Figures> => Object.fromEntries(years.map((y) => [y, figures]));
const Y2023_2025 = [2023, 2024, 2025];

/** Dates a number of days or whole years from `date` (test arithmetic, independent of the code under test). */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const plusYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** A valid patent number of 2019 with a type digit and a serial. */
function patentNumber(type: number, serial: number): string {
  return numberWithCheckDigit(`2019${type}${String(serial).padStart(7, '0')}`);
}

describe('each eligibility criterion alone: evaluate and SQL agree with the rule at its edges', () => {
  let app: TestApp;
  let hust: string;

  beforeAll(async () => {
    // A database of this file's own: the test-only programs never reach another file's program list.
    app = await TestApp.start({ databaseUrl: await workerDatabaseUrl('criteria') });
    await resetRegistry(app.orm);
    const em = app.orm.em.fork();
    hust = (await app.execute<any, any>('{ institutions(first: 100) { edges { node { id name } } } }', {}, admin)).data.institutions.edges.find((e: { node: { name: string } }) => e.node.name === '华中科技大学').node.id;
    await em.execute(`delete from pilot_programme where code like 'T\\_%'`);
    for (const [code, criterion] of Object.entries(PROGRAMS)) {
      await em.execute(
        `insert into pilot_programme (id, code, name, name_en, description, uptake)
         values (gen_random_uuid(), ?, ?, ?, '单项标准的边界测试', 'EQUITY_INCENTIVE_PLAN')`,
        [code, `单项标准测试（${criterion.kind}）`, `Single-criterion test (${criterion.kind})`],
      );
      await mutate('recordProgramRuleVersion', 'RecordProgramRuleVersionInput', { program: code, effectiveFrom: '2999-01-01', note: '单项标准测试', criteria: [criterion] });
      await em.execute(`update programme_rule_version set effective_from = '2000-01-01' where programme_id = (select id from pilot_programme where code = ?)`, [code]);
    }
  });
  afterAll(() => app.close());

  /** Runs a mutation taking `input` and fails loudly if it is refused; `select` picks more of its payload. */
  async function mutate(field: string, inputType: string, input: Record<string, unknown>, select = ''): Promise<any> {
    const r = await app.execute<any, any>(`mutation ($input: ${inputType}!) { ${field}(input: $input) { ${select} errors { field message } } }`, { input }, admin);
    if (r.errors || r.data[field].errors.length) throw new Error(`${field} ${JSON.stringify(input)}: ${JSON.stringify(r.errors ?? r.data[field].errors)}`);
    return r.data[field];
  }

  /** Registers enterprise `n` with exactly the facts given, through the API. */
  async function craft(n: number, f: Facts): Promise<Crafted> {
    const code = testCode(n);
    await mutate(
      'createEnterprise',
      'CreateEnterpriseInput',
      enterpriseInput(code, `武汉边界${n}科技有限公司`, {
        foundedOn: f.foundedOn ?? '2012-03-01',
        industry: f.industry ?? 'OPTOELECTRONIC_INFORMATION',
        isStateOwned: f.stateOwned ?? false,
        highTechField: f.highTechField ?? null,
        economicSector: f.economicSector ?? null,
        isListedOnExchange: f.listedOnExchange ?? null,
        isConvertedInstitute: f.convertedInstitute ?? null,
        isInvestedByConvertedInstitute: f.investedByConvertedInstitute ?? null,
        isInvestedByAcademia: f.investedByAcademia ?? null,
        universityId: f.university ? hust : null,
      }),
    );
    for (const [year, y] of Object.entries(f.years ?? {})) {
      const rd = y.rd ?? '2000000.00';
      await mutate('recordFiscalYear', 'RecordFiscalYearInput', {
        creditCode: code,
        fiscalYear: Number(year),
        revenue: y.revenue ?? '40000000.00',
        rdExpense: rd,
        rdExpenseInChina: y.inChina ?? rd,
        highTechRevenue: y.highTech ?? '0.00',
        totalIncome: y.totalIncome === undefined ? (y.revenue ?? '40000000.00') : y.totalIncome,
        employees: y.employees ?? 100,
        scienceAndTechnologyStaff: y.stStaff ?? 20,
        rdStaff: y.rdStaff ?? null,
        innovationScore: y.innovationScore ?? null,
        hadMajorIncident: y.majorIncident ?? null,
        totalAssets: y.totalAssets ?? null,
      });
    }
    for (const [j, q] of (f.qualifications ?? []).entries()) {
      await mutate('recordQualification', 'RecordQualificationInput', { creditCode: code, number: `${q.validFrom.slice(0, 4)}4201${n}${j}`, issuer: '湖北省科学技术厅', ...q });
    }
    for (const [j, c] of (f.certificates ?? []).entries()) {
      const number = `GR${c.issuedOn.slice(0, 4)}42${String(n * 10 + j).padStart(6, '0')}`;
      await mutate('recordHighTechCertificate', 'RecordHighTechCertificateInput', { creditCode: code, number, criteriaVersion: 'RULES_2016', ...c });
    }
    for (const [j, p] of (f.patents ?? []).entries()) {
      const number = patentNumber(p.type ?? 1, n * 10 + j);
      const legalStatus = p.legalStatus ?? 'VALID';
      await mutate('recordPatent', 'RecordPatentInput', {
        creditCode: code,
        number,
        title: '一种可调谐激光器',
        legalStatus,
        grantedOn: legalStatus === 'PENDING' ? null : (p.grantedOn ?? '2020-05-01'),
      });
      for (const appraisedOn of p.appraisedOn ?? []) {
        await mutate('recordPatentAppraisal', 'RecordPatentAppraisalInput', { patentNumber: number, appraiser: '湖北众联资产评估有限公司', value: '2000000.00', appraisedOn });
      }
      if (p.pledge) {
        await mutate('recordIpPledgeLoan', 'RecordIpPledgeLoanInput', {
          creditCode: code,
          lenderId: toGlobalId('Bank', hankou.id),
          contractNumber: `HK-IP-${n}-${j}`,
          amount: '800000.00',
          interestRate: '4.3500',
          termMonths: 24,
          startsOn: p.pledge.startDate,
          endsOn: p.pledge.endDate ?? null,
          status: p.pledge.status ?? 'ACTIVE',
          pledges: [{ patentNumber: number, registeredOn: p.pledge.registeredOn ?? null, cancelledOn: p.pledge.cancelledOn ?? null }],
        });
      }
    }
    for (const r of f.ratings ?? []) {
      await mutate('recordCreditRating', 'RecordCreditRatingInput', { creditCode: code, agency: '东湖征信评级有限公司', ...r });
    }
    for (const g of f.taxGrades ?? []) await mutate('recordTaxCreditGrade', 'RecordTaxCreditGradeInput', { creditCode: code, ...g });
    for (const c of f.checks ?? []) {
      await mutate('recordDishonestDebtorCheck', 'RecordDishonestDebtorCheckInput', { creditCode: code, source: '中国执行信息公开网', checkedOn: c.checkedOn, wasListed: c.listed });
    }
    let defaultedOn: string | null = null;
    for (const [j, l] of (f.loans ?? []).entries()) {
      const { instrument } = await mutate(
        'recordCreditLoan',
        'RecordCreditLoanInput',
        { creditCode: code, lenderId: toGlobalId('Bank', hankou.id), contractNumber: `HK-CL-${n}-${j}`, amount: '500000.00', interestRate: '4.3500', termMonths: 12, startsOn: '2025-06-01', status: l.status },
        'instrument { id version defaultedOn }',
      );
      defaultedOn ??= instrument.defaultedOn;
      if (l.settled) {
        const r = await app.execute<any, any>(
          'mutation ($id: ID!, $version: Int!) { updateInstrumentStatus(input: { id: $id, version: $version, status: COMPLETED }) { errors { field message } } }',
          { id: instrument.id, version: instrument.version },
          admin,
        );
        expect([r.errors, r.data.updateInstrumentStatus.errors]).toEqual([undefined, []]);
      }
    }
    for (const [j, p] of (f.insurance ?? []).entries()) {
      await mutate('recordTechInsurance', 'RecordTechInsuranceInput', {
        creditCode: code,
        insurerId: counterpartyId.insurer('中国人民财产保险股份有限公司湖北省分公司'),
        policyNumber: `PICC-T-${n}-${j}`,
        insuranceKind: 'RD_LIABILITY',
        amount: '5000000.00',
        premium: '25000.00',
        startsOn: p.startDate,
        endsOn: p.endDate ?? null,
        status: p.status ?? 'ACTIVE',
      });
    }
    return { code, defaultedOn };
  }

  /**
   * Crafts the cases (enterprises `first`, `first + 1` …) and answers each on its date twice: the criterion's outcome
   * from `eligibility`, and whether the outreach list (the criterion's SQL) names it. One row per case.
   */
  async function answers(program: string, first: number, cases: Omit<Case, 'expected'>[]) {
    const crafted = await Promise.all(cases.map((c, i) => craft(first + i, c.facts)));
    const dates = cases.map((c, i) => (typeof c.asOf === 'function' ? c.asOf(crafted[i]!) : (c.asOf ?? AS_OF)));
    const checks = new Map<string, { criterion: string; outcome: string }[]>();
    const listed = new Set<string>();
    for (const asOf of new Set(dates)) {
      const creditCodes = crafted.filter((_, i) => dates[i] === asOf).map((e) => e.code);
      const explained = await app.execute<any, any>(
        `query ($program: String!, $creditCodes: [String!]!, $asOf: Date) {
           eligibility(program: $program, creditCodes: $creditCodes, asOf: $asOf) { creditCode isEligible checks { criterion outcome } }
         }`,
        { program, creditCodes, asOf },
        admin,
      );
      expect(explained.errors).toBeUndefined();
      for (const r of explained.data.eligibility) {
        checks.set(`${r.creditCode} ${asOf}`, r.checks);
        // `eligible` is every check passed: with one criterion, the criterion's own verdict.
        expect([r.creditCode, r.isEligible]).toEqual([r.creditCode, r.checks.length === 1 && r.checks[0].outcome === 'PASSED']);
      }
      const outreach = await app.execute<any, any>(
        `query ($program: String!, $asOf: Date, $creditCodes: [CreditCode!]) {
           enterprises(first: 100, filter: { creditCodes: $creditCodes, outreach: { program: $program, asOf: $asOf } }) {
             totalCount edges { node { creditCode } }
           }
         }`,
        { program, creditCodes, asOf },
        admin,
      );
      expect(outreach.errors).toBeUndefined();
      expect(outreach.data.enterprises.edges).toHaveLength(outreach.data.enterprises.totalCount);
      for (const e of outreach.data.enterprises.edges) listed.add(`${e.node.creditCode} ${asOf}`);
    }
    return cases.map((c, i) => {
      const key = `${crafted[i]!.code} ${dates[i]}`;
      return { case: c.name, evaluate: checks.get(key), sql: listed.has(key) };
    });
  }

  /** What `answers` must give: the hand-written outcome, and a place on the outreach list exactly when PASSED. */
  const expected = (kind: string, cases: Case[]) =>
    cases.map((c) => ({ case: c.name, evaluate: [{ criterion: kind, outcome: c.expected }], sql: c.expected === 'PASSED' }));

  const agree = async (program: string, first: number, cases: Case[]) =>
    expect(await answers(program, first, cases)).toEqual(expected(PROGRAMS[program]!.kind, cases));

  it('REGISTERED_IN_ZONE: founded minimumYears before the date to the day, leap days included', async () => {
    await agree('T_REGISTERED_1Y', 10_000, [
      { name: 'founded exactly a year before', facts: { foundedOn: '2025-06-30' }, expected: 'PASSED' },
      { name: 'founded a year and a day before', facts: { foundedOn: '2025-06-29' }, expected: 'PASSED' },
      { name: 'founded a day short of a year', facts: { foundedOn: '2025-07-01' }, expected: 'FAILED' },
      { name: 'on 29 Feb 2024, founded 28 Feb 2023 (a year before)', facts: { foundedOn: '2023-02-28' }, asOf: '2024-02-29', expected: 'PASSED' },
      { name: 'on 29 Feb 2024, founded 1 Mar 2023 (a day short)', facts: { foundedOn: '2023-03-01' }, asOf: '2024-02-29', expected: 'FAILED' },
      // The rule counts back from the date: a year before 28 Feb 2025 is 28 Feb 2024, and 29 Feb 2024 is a day later.
      // (Counted forward from 29 Feb 2024, a year would end on 28 Feb 2025: the two readings differ on this day only.)
      { name: 'on 28 Feb 2025, founded 29 Feb 2024', facts: { foundedOn: '2024-02-29' }, asOf: '2025-02-28', expected: 'FAILED' },
      { name: 'on 1 Mar 2025, founded 29 Feb 2024', facts: { foundedOn: '2024-02-29' }, asOf: '2025-03-01', expected: 'PASSED' },
    ]);
    await agree('T_REGISTERED_4Y', 10_020, [
      { name: 'on 29 Feb 2028, founded 29 Feb 2024 (four years to the day)', facts: { foundedOn: '2024-02-29' }, asOf: '2028-02-29', expected: 'PASSED' },
      { name: 'on 28 Feb 2028, founded 29 Feb 2024 (a day short)', facts: { foundedOn: '2024-02-29' }, asOf: '2028-02-28', expected: 'FAILED' },
    ]);
    await agree('T_REGISTERED', 10_040, [
      { name: 'no minimum: founded on the date', facts: { foundedOn: AS_OF }, expected: 'PASSED' },
      { name: 'no minimum: founded the day after the date', facts: { foundedOn: '2026-07-01' }, expected: 'FAILED' },
    ]);
  });

  it('SUPPORTED_INDUSTRY: any of the industries named, no other', async () => {
    await agree('T_INDUSTRY', 10_100, [
      { name: 'the first industry named', facts: { industry: 'OPTOELECTRONIC_INFORMATION' }, expected: 'PASSED' },
      { name: 'the second industry named', facts: { industry: 'BIOMEDICINE' }, expected: 'PASSED' },
      { name: 'an industry not named', facts: { industry: 'NEW_ENERGY' }, expected: 'FAILED' },
      { name: 'another industry not named', facts: { industry: 'INTEGRATED_CIRCUITS' }, expected: 'FAILED' },
    ]);
  });

  it('STATE_OWNED: state-owned or not, as the rule says', async () => {
    await agree('T_STATE_OWNED', 10_200, [
      { name: 'state-owned, state-owned required', facts: { stateOwned: true }, expected: 'PASSED' },
      { name: 'private, state-owned required', facts: { stateOwned: false }, expected: 'FAILED' },
    ]);
    await agree('T_NOT_STATE_OWNED', 10_210, [
      { name: 'state-owned, not state-owned required', facts: { stateOwned: true }, expected: 'FAILED' },
      { name: 'private, not state-owned required', facts: { stateOwned: false }, expected: 'PASSED' },
    ]);
  });

  it('HIGH_TECH_CERTIFICATE: valid from its issue day through its expiry day', async () => {
    await agree('T_CERTIFICATE', 10_300, [
      { name: 'expiring on the date', facts: { certificates: [{ issuedOn: '2023-07-01', validUntil: AS_OF }] }, expected: 'PASSED' },
      { name: 'expired the day before', facts: { certificates: [{ issuedOn: '2023-06-30', validUntil: '2026-06-29' }] }, expected: 'FAILED' },
      { name: 'issued on the date', facts: { certificates: [{ issuedOn: AS_OF }] }, expected: 'PASSED' },
      { name: 'issued the day after', facts: { certificates: [{ issuedOn: '2026-07-01' }] }, expected: 'FAILED' },
      { name: 'no certificate', facts: {}, expected: 'FAILED' },
      {
        name: 'renewed: the old one expired, the new one issued on the date',
        facts: { certificates: [{ issuedOn: '2023-06-01', validUntil: '2026-05-31' }, { issuedOn: AS_OF }] },
        expected: 'PASSED',
      },
      {
        name: 'a gap: expired the day before, renewed the day after',
        facts: { certificates: [{ issuedOn: '2023-06-30', validUntil: '2026-06-29' }, { issuedOn: '2026-07-01' }] },
        expected: 'FAILED',
      },
    ]);
  });

  it('RD_INTENSITY: R&D over revenue across the years, at least the band of the latest revenue, to the cent', async () => {
    await agree('T_RD_2016', 10_400, [
      { name: '¥50m exactly, 5% exactly', facts: { years: everyYear(Y2023_2025, { revenue: '50000000.00', rd: '2500000.00' }) }, expected: 'PASSED' },
      {
        name: '¥50m exactly, 5% less a cent',
        facts: { years: { ...everyYear([2023, 2024], { revenue: '50000000.00', rd: '2500000.00' }), 2025: { revenue: '50000000.00', rd: '2499999.99' } } },
        expected: 'FAILED',
      },
      { name: '¥50m exactly is the first band: 4.5% is short of 5%', facts: { years: everyYear(Y2023_2025, { revenue: '50000000.00', rd: '2250000.00' }) }, expected: 'FAILED' },
      { name: '¥50,000,000.01 is the second band: 4.5% passes 4%', facts: { years: everyYear(Y2023_2025, { revenue: '50000000.01', rd: '2250000.00' }) }, expected: 'PASSED' },
      { name: '¥200m exactly, 4% exactly', facts: { years: everyYear(Y2023_2025, { revenue: '200000000.00', rd: '8000000.00' }) }, expected: 'PASSED' },
      {
        name: '¥200m exactly, 4% less a cent',
        facts: { years: { ...everyYear([2023, 2024], { revenue: '200000000.00', rd: '8000000.00' }), 2025: { revenue: '200000000.00', rd: '7999999.99' } } },
        expected: 'FAILED',
      },
      { name: '¥200m exactly is the second band: 3.5% is short of 4%', facts: { years: everyYear(Y2023_2025, { revenue: '200000000.00', rd: '7000000.00' }) }, expected: 'FAILED' },
      { name: '¥200,000,000.01 is the open band: 3.5% passes 3%', facts: { years: everyYear(Y2023_2025, { revenue: '200000000.01', rd: '7000000.00' }) }, expected: 'PASSED' },
      { name: '¥300m, 3% exactly', facts: { years: everyYear(Y2023_2025, { revenue: '300000000.00', rd: '9000000.00' }) }, expected: 'PASSED' },
      {
        name: '¥300m, 3% less a cent',
        facts: { years: { ...everyYear([2023, 2024], { revenue: '300000000.00', rd: '9000000.00' }), 2025: { revenue: '300000000.00', rd: '8999999.99' } } },
        expected: 'FAILED',
      },
      {
        // ¥28.8m of ¥640m is 4.5%; the latest revenue (¥40m) puts it in the 5% band, the earlier ¥300m years do not count.
        name: 'the band is the latest year’s revenue: ¥300m, ¥300m then ¥40m at 4.5%',
        facts: { years: { ...everyYear([2023, 2024], { revenue: '300000000.00', rd: '9600000.00' }), 2025: { revenue: '40000000.00', rd: '9600000.00' } } },
        expected: 'FAILED',
      },
      {
        // ¥9.4m of ¥220,000,000.01 is 4.27%: the latest ¥200,000,000.01 puts it in the 3% band, the small years do not count.
        name: 'the band is the latest year’s revenue: ¥10m, ¥10m then ¥200,000,000.01 at 4.27%',
        facts: { years: { ...everyYear([2023, 2024], { revenue: '10000000.00', rd: '200000.00' }), 2025: { revenue: '200000000.01', rd: '9000000.00' } } },
        expected: 'PASSED',
      },
      { name: 'a year of the three missing', facts: { years: everyYear([2023, 2025], { revenue: '40000000.00', rd: '4000000.00' }) }, expected: 'UNKNOWN' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
      { name: '2025 not yet filed: 2022–2024 are read', facts: { years: everyYear([2022, 2023, 2024], { revenue: '40000000.00', rd: '2000000.00' }) }, expected: 'PASSED' },
      { name: 'latest figures 2023: too old on 2026-06-30', facts: { years: everyYear([2021, 2022, 2023], { revenue: '40000000.00', rd: '4000000.00' }) }, expected: 'UNKNOWN' },
      {
        name: 'the current year’s figures are not read',
        facts: { years: { ...everyYear(Y2023_2025, { revenue: '40000000.00', rd: '2000000.00' }), 2026: { revenue: '40000000.00', rd: '0.00' } } },
        expected: 'PASSED',
      },
    ]);
    await agree('T_RD_BOUNDED', 10_440, [
      { name: 'one year, ¥50m, 5% exactly', facts: { years: { 2025: { revenue: '50000000.00', rd: '2500000.00' } } }, expected: 'PASSED' },
      { name: 'one year, ¥50m, 5% less a cent', facts: { years: { 2025: { revenue: '50000000.00', rd: '2499999.99' } } }, expected: 'FAILED' },
      { name: 'above the last band’s ¥200m: its 4% exactly', facts: { years: { 2025: { revenue: '300000000.00', rd: '12000000.00' } } }, expected: 'PASSED' },
      { name: 'above the last band’s ¥200m: 4% less a cent', facts: { years: { 2025: { revenue: '300000000.00', rd: '11999999.99' } } }, expected: 'FAILED' },
      { name: 'one year: an older year short of it is not read', facts: { years: { 2024: { revenue: '100000000.00', rd: '0.00' }, 2025: { revenue: '100000000.00', rd: '4000000.00' } } }, expected: 'PASSED' },
    ]);
    await agree('T_RD_FLAT', 10_460, [
      { name: 'one band, two years, 3% exactly', facts: { years: everyYear([2024, 2025], { revenue: '100000000.00', rd: '3000000.00' }) }, expected: 'PASSED' },
      {
        name: 'one band, two years, 3% less a cent',
        facts: { years: { 2024: { revenue: '100000000.00', rd: '3000000.00' }, 2025: { revenue: '100000000.00', rd: '2999999.99' } } },
        expected: 'FAILED',
      },
      { name: 'one band, one of two years recorded', facts: { years: { 2025: { revenue: '100000000.00', rd: '9000000.00' } } }, expected: 'UNKNOWN' },
    ]);
    // 实际经营期不满三年的按实际经营时间计算: a firm founded within the three years is judged on the years it has.
    await agree('T_RD_2016', 10_470, [
      { name: 'founded 2024: 2024–2025 at 5% exactly', facts: { foundedOn: '2024-03-01', years: everyYear([2024, 2025], { revenue: '40000000.00', rd: '2000000.00' }) }, expected: 'PASSED' },
      {
        name: 'founded 2024: 2024–2025, 5% less a cent',
        facts: { foundedOn: '2024-03-01', years: { 2024: { revenue: '40000000.00', rd: '2000000.00' }, 2025: { revenue: '40000000.00', rd: '1999999.99' } } },
        expected: 'FAILED',
      },
      { name: 'founded 2024: its 2024 missing', facts: { foundedOn: '2024-03-01', years: { 2025: { revenue: '40000000.00', rd: '4000000.00' } } }, expected: 'UNKNOWN' },
      { name: 'founded 2025: its one year', facts: { foundedOn: '2025-01-15', years: { 2025: { revenue: '40000000.00', rd: '2000000.00' } } }, expected: 'PASSED' },
      { name: 'founded 2023: the full three years', facts: { foundedOn: '2023-12-31', years: everyYear([2024, 2025], { revenue: '40000000.00', rd: '4000000.00' }) }, expected: 'UNKNOWN' },
    ]);
    await agree('T_RD_EACH_YEAR', 11_700, [
      { name: '3% exactly each year', facts: { years: everyYear(Y2023_2025, { revenue: '100000000.00', rd: '3000000.00' }) }, expected: 'PASSED' },
      {
        name: 'one year 3% less a cent, the others 10% (on average well over)',
        facts: { years: { 2023: { revenue: '100000000.00', rd: '2999999.99' }, ...everyYear([2024, 2025], { revenue: '100000000.00', rd: '10000000.00' }) } },
        expected: 'FAILED',
      },
      { name: 'founded 2024: 3% in each of its two years', facts: { foundedOn: '2024-05-01', years: everyYear([2024, 2025], { revenue: '100000000.00', rd: '3000000.00' }) }, expected: 'PASSED' },
      { name: 'founded 2024: its 2024 missing', facts: { foundedOn: '2024-05-01', years: { 2025: { revenue: '100000000.00', rd: '3000000.00' } } }, expected: 'UNKNOWN' },
      { name: 'a year of the three missing', facts: { years: everyYear([2023, 2025], { revenue: '100000000.00', rd: '9000000.00' }) }, expected: 'UNKNOWN' },
    ]);
  });

  it('RD_EXPENSE: the latest year’s R&D within minimum and maximum, both included', async () => {
    await agree('T_RD_EXPENSE', 10_500, [
      { name: 'the minimum exactly', facts: { years: { 2025: { rd: '1000000.00' } } }, expected: 'PASSED' },
      { name: 'a cent under the minimum', facts: { years: { 2025: { rd: '999999.99' } } }, expected: 'FAILED' },
      { name: 'the maximum exactly', facts: { years: { 2025: { rd: '5000000.00' } } }, expected: 'PASSED' },
      { name: 'a cent over the maximum', facts: { years: { 2025: { rd: '5000000.01' } } }, expected: 'FAILED' },
      { name: 'R&D in range, revenue not: R&D is read', facts: { years: { 2025: { revenue: '40000000.00', rd: '2000000.00' } } }, expected: 'PASSED' },
      { name: 'revenue in range, R&D not: R&D is read', facts: { years: { 2025: { revenue: '3000000.00', rd: '500000.00' } } }, expected: 'FAILED' },
      { name: '2025 not yet filed: 2024 is read', facts: { years: { 2024: { rd: '2000000.00' } } }, expected: 'PASSED' },
      { name: 'the latest year decides: 2025 over, 2024 in range', facts: { years: { 2024: { rd: '2000000.00' }, 2025: { rd: '6000000.00' } } }, expected: 'FAILED' },
      { name: 'the current year is not read', facts: { years: { 2025: { rd: '2000000.00' }, 2026: { rd: '6000000.00' } } }, expected: 'PASSED' },
      { name: 'latest figures 2023: too old', facts: { years: { 2023: { rd: '2000000.00' } } }, expected: 'UNKNOWN' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
    await agree('T_RD_EXPENSE_ANY', 10_520, [
      { name: 'a cent of R&D', facts: { years: { 2025: { rd: '0.01' } } }, expected: 'PASSED' },
      { name: 'no R&D', facts: { years: { 2025: { rd: '0.00' } } }, expected: 'FAILED' },
    ]);
  });

  it('REVENUE: the latest year’s revenue within ¥50m–¥200m, both edges included', async () => {
    await agree('T_REVENUE', 10_600, [
      { name: '¥50m exactly', facts: { years: { 2025: { revenue: '50000000.00' } } }, expected: 'PASSED' },
      { name: 'a cent under ¥50m', facts: { years: { 2025: { revenue: '49999999.99' } } }, expected: 'FAILED' },
      { name: '¥200m exactly', facts: { years: { 2025: { revenue: '200000000.00' } } }, expected: 'PASSED' },
      { name: 'a cent over ¥200m', facts: { years: { 2025: { revenue: '200000000.01' } } }, expected: 'FAILED' },
      { name: 'the latest year decides: 2025 under, 2024 in range', facts: { years: { 2024: { revenue: '100000000.00' }, 2025: { revenue: '40000000.00' } } }, expected: 'FAILED' },
      { name: '2025 not yet filed: 2024 is read', facts: { years: { 2024: { revenue: '100000000.00' } } }, expected: 'PASSED' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
    await agree('T_REVENUE_UP_TO', 10_620, [
      { name: 'up to ¥200m: exactly', facts: { years: { 2025: { revenue: '200000000.00' } } }, expected: 'PASSED' },
      { name: 'up to ¥200m: a cent over', facts: { years: { 2025: { revenue: '200000000.01' } } }, expected: 'FAILED' },
      { name: 'up to ¥200m: a cent of revenue', facts: { years: { 2025: { revenue: '0.01', rd: '0.00' } } }, expected: 'PASSED' },
    ]);
  });

  it('HIGH_TECH_REVENUE_SHARE: at least 60% of the latest year’s revenue, to the cent', async () => {
    await agree('T_HIGH_TECH_SHARE', 10_700, [
      { name: '60% exactly', facts: { years: { 2025: { revenue: '10000000.00', highTech: '6000000.00' } } }, expected: 'PASSED' },
      { name: '60% less a cent', facts: { years: { 2025: { revenue: '10000000.00', highTech: '5999999.99' } } }, expected: 'FAILED' },
      // ¥20m of ¥33,333,333.33 is 60.000000006%; a cent less is 59.99999997%.
      { name: 'an odd revenue, just over 60%', facts: { years: { 2025: { revenue: '33333333.33', highTech: '20000000.00' } } }, expected: 'PASSED' },
      { name: 'an odd revenue, just under 60%', facts: { years: { 2025: { revenue: '33333333.33', highTech: '19999999.99' } } }, expected: 'FAILED' },
      { name: 'all of it', facts: { years: { 2025: { revenue: '10000000.00', highTech: '10000000.00' } } }, expected: 'PASSED' },
      { name: 'none of it', facts: { years: { 2025: { revenue: '10000000.00', highTech: '0.00' } } }, expected: 'FAILED' },
      { name: 'the latest year decides', facts: { years: { 2024: { revenue: '10000000.00', highTech: '9000000.00' }, 2025: { revenue: '10000000.00', highTech: '1000000.00' } } }, expected: 'FAILED' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
      // Of total income (国科发火〔2016〕32号: 占企业同期总收入), not of sales revenue.
      { name: '60% of total income exactly (72% of sales)', facts: { years: { 2025: { revenue: '10000000.00', totalIncome: '12000000.00', highTech: '7200000.00' } } }, expected: 'PASSED' },
      { name: '60% of total income less a cent (72% of sales)', facts: { years: { 2025: { revenue: '10000000.00', totalIncome: '12000000.00', highTech: '7199999.99' } } }, expected: 'FAILED' },
      { name: 'total income not reported', facts: { years: { 2025: { revenue: '10000000.00', totalIncome: null, highTech: '9000000.00' } } }, expected: 'UNKNOWN' },
    ]);
  });

  it('RD_IN_CHINA_SHARE: R&D in China at least 60% of all R&D across the years, to the cent', async () => {
    await agree('T_RD_IN_CHINA', 11_720, [
      { name: '60% exactly', facts: { years: everyYear(Y2023_2025, { rd: '1000000.00', inChina: '600000.00' }) }, expected: 'PASSED' },
      {
        name: '60% less a cent',
        facts: { years: { ...everyYear([2023, 2024], { rd: '1000000.00', inChina: '600000.00' }), 2025: { rd: '1000000.00', inChina: '599999.99' } } },
        expected: 'FAILED',
      },
      {
        name: 'over the years together: all, all, then none is 66.67%',
        facts: { years: { ...everyYear([2023, 2024], { rd: '1000000.00' }), 2025: { rd: '1000000.00', inChina: '0.00' } } },
        expected: 'PASSED',
      },
      { name: 'no R&D at all', facts: { years: everyYear(Y2023_2025, { rd: '0.00' }) }, expected: 'UNKNOWN' },
      { name: 'a year of the three missing', facts: { years: everyYear([2023, 2025], { rd: '1000000.00' }) }, expected: 'UNKNOWN' },
      { name: 'founded in 2024: its two years', facts: { foundedOn: '2024-04-01', years: everyYear([2024, 2025], { rd: '1000000.00', inChina: '600000.00' }) }, expected: 'PASSED' },
    ]);
  });

  it('RD_STAFF_SHARE: R&D staff at least 10% of the latest year’s employees', async () => {
    await agree('T_RD_STAFF', 11_740, [
      { name: '10 of 100', facts: { years: { 2025: { employees: 100, rdStaff: 10 } } }, expected: 'PASSED' },
      { name: '9 of 100', facts: { years: { 2025: { employees: 100, rdStaff: 9 } } }, expected: 'FAILED' },
      { name: '4 of 33 (12.1%)', facts: { years: { 2025: { employees: 33, stStaff: 10, rdStaff: 4 } } }, expected: 'PASSED' },
      { name: '3 of 31 (9.7%)', facts: { years: { 2025: { employees: 31, stStaff: 10, rdStaff: 3 } } }, expected: 'FAILED' },
      { name: 'not reported', facts: { years: { 2025: { employees: 100 } } }, expected: 'UNKNOWN' },
      { name: 'the latest year decides', facts: { years: { 2024: { employees: 100, rdStaff: 20 }, 2025: { employees: 100, rdStaff: 5 } } }, expected: 'FAILED' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('INNOVATION_SCORE and NO_MAJOR_INCIDENT: the latest year’s assessment and report', async () => {
    await agree('T_INNOVATION', 11_780, [
      { name: '71 points', facts: { years: { 2025: { innovationScore: 71 } } }, expected: 'PASSED' },
      { name: '70 points (not more than 70)', facts: { years: { 2025: { innovationScore: 70 } } }, expected: 'FAILED' },
      { name: 'no score recorded', facts: { years: { 2025: {} } }, expected: 'UNKNOWN' },
      { name: 'the latest year decides', facts: { years: { 2024: { innovationScore: 90 }, 2025: { innovationScore: 60 } } }, expected: 'FAILED' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
    await agree('T_INCIDENT', 11_790, [
      { name: 'none reported', facts: { years: { 2025: { majorIncident: false } } }, expected: 'PASSED' },
      { name: 'one reported', facts: { years: { 2025: { majorIncident: true } } }, expected: 'FAILED' },
      { name: 'not reported', facts: { years: { 2025: {} } }, expected: 'UNKNOWN' },
      { name: 'an incident two years back does not count', facts: { years: { 2024: { majorIncident: true }, 2025: { majorIncident: false } } }, expected: 'PASSED' },
    ]);
  });

  it('NATIONAL_HIGH_TECH_FIELD: a national high-tech field named, not the zone industry', async () => {
    await agree('T_FIELD', 11_760, [
      { name: 'the first field named', facts: { highTechField: 'ELECTRONIC_INFORMATION' }, expected: 'PASSED' },
      { name: 'the second field named, whatever the industry', facts: { industry: 'BIOMEDICINE', highTechField: 'NEW_MATERIALS' }, expected: 'PASSED' },
      { name: 'a field not named', facts: { highTechField: 'AEROSPACE' }, expected: 'FAILED' },
      { name: 'not classified', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('EXCLUDED_SECTOR: the negative list cuts inside two GB/T 4754 doors, and an unclassified business is UNKNOWN', async () => {
    await agree('T_SECTOR', 14_000, [
      { name: 'manufacturing (C, not tobacco)', facts: { economicSector: 'MANUFACTURING' }, expected: 'PASSED' },
      { name: 'tobacco (C 16): the same door, excluded', facts: { economicSector: 'TOBACCO_MANUFACTURING' }, expected: 'FAILED' },
      { name: 'culture and sports (R, not 90)', facts: { economicSector: 'CULTURE_AND_SPORTS' }, expected: 'PASSED' },
      { name: 'entertainment (R 90): the same door, excluded', facts: { economicSector: 'ENTERTAINMENT' }, expected: 'FAILED' },
      { name: 'wholesale and retail (F)', facts: { economicSector: 'WHOLESALE_AND_RETAIL' }, expected: 'FAILED' },
      { name: 'leasing and business services (L)', facts: { economicSector: 'LEASING_AND_BUSINESS_SERVICES' }, expected: 'FAILED' },
      { name: 'research and technical services (M), whatever the zone industry', facts: { industry: 'HIGH_TECH_SERVICES', economicSector: 'RESEARCH_AND_TECHNICAL_SERVICES' }, expected: 'PASSED' },
      { name: 'not classified', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('SCIENCE_AND_TECHNOLOGY_STAFF_SHARE: S&T staff at least the share of employees, fractional shares included', async () => {
    await agree('T_STAFF_10', 10_800, [
      { name: '10 of 100', facts: { years: { 2025: { employees: 100, stStaff: 10 } } }, expected: 'PASSED' },
      { name: '9 of 100', facts: { years: { 2025: { employees: 100, stStaff: 9 } } }, expected: 'FAILED' },
      { name: '1 of 10', facts: { years: { 2025: { employees: 10, stStaff: 1 } } }, expected: 'PASSED' },
      { name: '33 of 331 (9.97%)', facts: { years: { 2025: { employees: 331, stStaff: 33 } } }, expected: 'FAILED' },
      { name: '34 of 331 (10.27%)', facts: { years: { 2025: { employees: 331, stStaff: 34 } } }, expected: 'PASSED' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
    await agree('T_STAFF_12_5', 10_820, [
      { name: '12.5%: 1 of 8', facts: { years: { 2025: { employees: 8, stStaff: 1 } } }, expected: 'PASSED' },
      { name: '12.5%: 25 of 200', facts: { years: { 2025: { employees: 200, stStaff: 25 } } }, expected: 'PASSED' },
      { name: '12.5%: 24 of 193 (12.44%)', facts: { years: { 2025: { employees: 193, stStaff: 24 } } }, expected: 'FAILED' },
      { name: '12.5%: 12 of 97 (12.37%)', facts: { years: { 2025: { employees: 97, stStaff: 12 } } }, expected: 'FAILED' },
    ]);
  });

  it('CORE_IP: at least the count of patents in force, granted by the date, of any type', async () => {
    await agree('T_CORE_IP', 10_900, [
      { name: 'two valid inventions', facts: { patents: [{}, {}] }, expected: 'PASSED' },
      { name: 'an invention and a utility model', facts: { patents: [{ type: 1 }, { type: 2 }] }, expected: 'PASSED' },
      { name: 'a utility model and a design', facts: { patents: [{ type: 2 }, { type: 3 }] }, expected: 'PASSED' },
      { name: 'one valid', facts: { patents: [{}] }, expected: 'FAILED' },
      { name: 'none', facts: {}, expected: 'FAILED' },
      { name: 'one valid, one lapsed', facts: { patents: [{}, { legalStatus: 'LAPSED' }] }, expected: 'FAILED' },
      { name: 'one valid, one invalidated', facts: { patents: [{}, { legalStatus: 'INVALIDATED' }] }, expected: 'FAILED' },
      { name: 'one valid, one expired', facts: { patents: [{}, { legalStatus: 'EXPIRED' }] }, expected: 'FAILED' },
      { name: 'one valid, one pending', facts: { patents: [{}, { legalStatus: 'PENDING' }] }, expected: 'FAILED' },
      { name: 'one valid, one granted on the date', facts: { patents: [{}, { grantedOn: AS_OF }] }, expected: 'PASSED' },
      { name: 'one valid, one granted the day after', facts: { patents: [{}, { grantedOn: '2026-07-01' }] }, expected: 'FAILED' },
    ]);
  });

  it('UNPLEDGED_INVENTION_PATENT: invention patents in force, unpledged on the date, appraised within 12 months', async () => {
    const fresh = ['2026-01-15'];
    await agree('T_UNPLEDGED', 11_000, [
      { name: 'appraised exactly 12 months before', facts: { patents: [{ appraisedOn: ['2025-06-30'] }] }, expected: 'PASSED' },
      { name: 'appraised 12 months and a day before', facts: { patents: [{ appraisedOn: ['2025-06-29'] }] }, expected: 'FAILED' },
      { name: 'appraised on the date', facts: { patents: [{ appraisedOn: [AS_OF] }] }, expected: 'PASSED' },
      { name: 'appraised only the day after', facts: { patents: [{ appraisedOn: ['2026-07-01'] }] }, expected: 'FAILED' },
      { name: 'the latest appraisal by the date is stale, a fresh one comes after', facts: { patents: [{ appraisedOn: ['2025-06-29', '2026-07-01'] }] }, expected: 'FAILED' },
      { name: 'a stale appraisal and a fresh one', facts: { patents: [{ appraisedOn: ['2024-01-01', '2026-01-01'] }] }, expected: 'PASSED' },
      { name: 'never appraised', facts: { patents: [{}] }, expected: 'FAILED' },
      { name: 'a utility model, appraised', facts: { patents: [{ type: 2, appraisedOn: fresh }] }, expected: 'FAILED' },
      { name: 'a PCT invention, appraised', facts: { patents: [{ type: 8, appraisedOn: fresh }] }, expected: 'PASSED' },
      { name: 'a lapsed invention, appraised', facts: { patents: [{ legalStatus: 'LAPSED', appraisedOn: fresh }] }, expected: 'FAILED' },
      { name: 'granted on the date', facts: { patents: [{ grantedOn: AS_OF, appraisedOn: fresh }] }, expected: 'PASSED' },
      { name: 'granted the day after', facts: { patents: [{ grantedOn: '2026-07-01', appraisedOn: fresh }] }, expected: 'FAILED' },
      // Pledged from the day the pledge is registered to the day its registration is cancelled (注销登记), whatever the
      // loan's status or end date.
      { name: 'pledged under an outstanding loan', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01' } }] }, expected: 'FAILED' },
      { name: 'a pledge registered on the date', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', registeredOn: AS_OF } }] }, expected: 'FAILED' },
      { name: 'a pledge registered the day after', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', registeredOn: '2026-07-01' } }] }, expected: 'PASSED' },
      { name: 'a registration cancelled on the date', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', cancelledOn: AS_OF } }] }, expected: 'PASSED' },
      { name: 'a registration cancelled the day after', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', cancelledOn: '2026-07-01' } }] }, expected: 'FAILED' },
      { name: 'a loan that ended the day before, its registration not cancelled', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', endDate: '2026-06-29' } }] }, expected: 'FAILED' },
      { name: 'pledged under a pending loan', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', status: 'PENDING' } }] }, expected: 'FAILED' },
      { name: 'pledged under a defaulted loan', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', status: 'DEFAULTED' } }] }, expected: 'FAILED' },
      { name: 'a repaid loan, its registration not cancelled', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', status: 'COMPLETED' } }] }, expected: 'FAILED' },
      { name: 'a repaid loan, its registration cancelled', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', status: 'COMPLETED', cancelledOn: '2026-05-10' } }] }, expected: 'PASSED' },
      { name: 'a terminated loan, its registration cancelled', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01', status: 'TERMINATED', cancelledOn: '2026-03-01' } }] }, expected: 'PASSED' },
      { name: 'one pledged, one free', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01' } }, { appraisedOn: fresh }] }, expected: 'PASSED' },
    ]);
    await agree('T_UNPLEDGED_2', 11_040, [
      { name: 'two needed: one pledged, one free', facts: { patents: [{ appraisedOn: fresh, pledge: { startDate: '2026-02-01' } }, { appraisedOn: fresh }] }, expected: 'FAILED' },
      { name: 'two needed: one stale, one fresh', facts: { patents: [{ appraisedOn: ['2025-06-29'] }, { appraisedOn: fresh }] }, expected: 'FAILED' },
      { name: 'two needed: two free and fresh', facts: { patents: [{ appraisedOn: fresh }, { appraisedOn: ['2025-06-30'] }] }, expected: 'PASSED' },
    ]);
  });

  it('CREDIT_RATING: the newest rating in force on the date (its last day included), BBB or better; none in force is UNKNOWN', async () => {
    await agree('T_RATING', 11_100, [
      { name: 'BBB valid until the date', facts: { ratings: [{ rating: 'BBB', ratedOn: '2025-07-01', validUntil: AS_OF }] }, expected: 'PASSED' },
      { name: 'BBB lapsed the day before', facts: { ratings: [{ rating: 'BBB', ratedOn: '2025-06-30', validUntil: '2026-06-29' }] }, expected: 'UNKNOWN' },
      { name: 'BBB rated on the date', facts: { ratings: [{ rating: 'BBB', ratedOn: AS_OF }] }, expected: 'PASSED' },
      { name: 'BBB rated only the day after', facts: { ratings: [{ rating: 'BBB', ratedOn: '2026-07-01' }] }, expected: 'UNKNOWN' },
      { name: 'BB', facts: { ratings: [{ rating: 'BB', ratedOn: '2026-01-10' }] }, expected: 'FAILED' },
      { name: 'A', facts: { ratings: [{ rating: 'A', ratedOn: '2026-01-10' }] }, expected: 'PASSED' },
      { name: 'AAA', facts: { ratings: [{ rating: 'AAA', ratedOn: '2026-01-10' }] }, expected: 'PASSED' },
      { name: 'CCC', facts: { ratings: [{ rating: 'CCC', ratedOn: '2026-01-10' }] }, expected: 'FAILED' },
      { name: 'C', facts: { ratings: [{ rating: 'C', ratedOn: '2026-01-10' }] }, expected: 'FAILED' },
      { name: 'no rating', facts: {}, expected: 'UNKNOWN' },
      {
        name: 'the newest in force decides: AA, then BB',
        facts: { ratings: [{ rating: 'AA', ratedOn: '2025-09-01' }, { rating: 'BB', ratedOn: '2026-03-01' }] },
        expected: 'FAILED',
      },
      {
        name: 'the newest in force decides: BB, then A',
        facts: { ratings: [{ rating: 'BB', ratedOn: '2025-09-01' }, { rating: 'A', ratedOn: '2026-03-01' }] },
        expected: 'PASSED',
      },
      {
        name: 'the newest lapsed the day before: the older A still in force decides',
        facts: { ratings: [{ rating: 'A', ratedOn: '2025-08-01', validUntil: '2026-07-31' }, { rating: 'BB', ratedOn: '2026-01-01', validUntil: '2026-06-29' }] },
        expected: 'PASSED',
      },
      {
        name: 'a rating after the date does not count',
        facts: { ratings: [{ rating: 'A', ratedOn: '2026-01-01' }, { rating: 'CCC', ratedOn: '2026-07-01' }] },
        expected: 'PASSED',
      },
    ]);
  });

  it('TAX_CREDIT_GRADE: the latest year’s grade published by the date, for two years before it or later', async () => {
    await agree('T_TAX_GRADE', 11_200, [
      { name: 'A for 2025', facts: { taxGrades: [{ year: 2025, grade: 'A', evaluatedOn: '2026-04-15' }] }, expected: 'PASSED' },
      { name: 'B for 2025', facts: { taxGrades: [{ year: 2025, grade: 'B', evaluatedOn: '2026-04-15' }] }, expected: 'PASSED' },
      { name: 'M for 2025', facts: { taxGrades: [{ year: 2025, grade: 'M', evaluatedOn: '2026-04-15' }] }, expected: 'FAILED' },
      { name: 'C for 2025', facts: { taxGrades: [{ year: 2025, grade: 'C', evaluatedOn: '2026-04-15' }] }, expected: 'FAILED' },
      { name: 'D for 2025', facts: { taxGrades: [{ year: 2025, grade: 'D', evaluatedOn: '2026-04-15' }] }, expected: 'FAILED' },
      { name: 'A for 2025 published on the date', facts: { taxGrades: [{ year: 2025, grade: 'A', evaluatedOn: AS_OF }] }, expected: 'PASSED' },
      {
        name: 'the 2025 D published the day after: the 2024 A is read',
        facts: { taxGrades: [{ year: 2024, grade: 'A', evaluatedOn: '2025-04-15' }, { year: 2025, grade: 'D', evaluatedOn: '2026-07-01' }] },
        expected: 'PASSED',
      },
      { name: 'only 2024 (two years before 2026)', facts: { taxGrades: [{ year: 2024, grade: 'A', evaluatedOn: '2025-04-15' }] }, expected: 'PASSED' },
      { name: 'only 2023: too old', facts: { taxGrades: [{ year: 2023, grade: 'A', evaluatedOn: '2024-04-15' }] }, expected: 'UNKNOWN' },
      {
        name: 'the latest year decides, not the latest published',
        facts: { taxGrades: [{ year: 2025, grade: 'D', evaluatedOn: '2026-04-01' }, { year: 2024, grade: 'A', evaluatedOn: '2026-05-01' }] },
        expected: 'FAILED',
      },
      { name: 'no grade', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('NO_RECENT_DEFAULT: no default from the day after 48 months before the date through the date', async () => {
    // A default is dated the day it is recorded: the dates here count from that day, D.
    const defaulted: Facts = { loans: [{ status: 'DEFAULTED' }] };
    const d = (e: Crafted) => e.defaultedOn!;
    await agree('T_NO_DEFAULT', 11_300, [
      { name: 'a default dated on the date', facts: defaulted, asOf: d, expected: 'FAILED' },
      { name: 'a default dated the day after the date', facts: defaulted, asOf: (e) => plusDays(d(e), -1), expected: 'PASSED' },
      { name: 'a default 48 months before, to the day', facts: defaulted, asOf: (e) => plusYears(d(e), 4), expected: 'PASSED' },
      { name: 'a default 48 months less a day before', facts: defaulted, asOf: (e) => plusDays(plusYears(d(e), 4), -1), expected: 'FAILED' },
      { name: 'a default since settled still counts', facts: { loans: [{ status: 'DEFAULTED', settled: true }] }, asOf: d, expected: 'FAILED' },
      { name: 'an outstanding loan, no default', facts: { loans: [{ status: 'ACTIVE' }] }, expected: 'PASSED' },
      { name: 'no loan', facts: {}, expected: 'PASSED' },
    ]);
  });

  it('NOT_DISHONEST_DEBTOR: the latest check by the date, at most 365 days old, not listed; no such check is UNKNOWN', async () => {
    await agree('T_DISHONEST', 11_400, [
      { name: 'not listed, checked 365 days before', facts: { checks: [{ checkedOn: '2025-06-30', listed: false }] }, expected: 'PASSED' },
      { name: 'not listed, checked 366 days before', facts: { checks: [{ checkedOn: '2025-06-29', listed: false }] }, expected: 'UNKNOWN' },
      { name: 'not listed, checked on the date', facts: { checks: [{ checkedOn: AS_OF, listed: false }] }, expected: 'PASSED' },
      { name: 'listed, checked on the date', facts: { checks: [{ checkedOn: AS_OF, listed: true }] }, expected: 'FAILED' },
      { name: 'listed, checked 365 days before', facts: { checks: [{ checkedOn: '2025-06-30', listed: true }] }, expected: 'FAILED' },
      { name: 'listed, checked 366 days before', facts: { checks: [{ checkedOn: '2025-06-29', listed: true }] }, expected: 'UNKNOWN' },
      { name: 'checked only the day after', facts: { checks: [{ checkedOn: '2026-07-01', listed: false }] }, expected: 'UNKNOWN' },
      { name: 'never checked', facts: {}, expected: 'UNKNOWN' },
      { name: 'listed, then cleared', facts: { checks: [{ checkedOn: '2026-01-01', listed: true }, { checkedOn: '2026-03-01', listed: false }] }, expected: 'PASSED' },
      { name: 'cleared, then listed', facts: { checks: [{ checkedOn: '2026-01-01', listed: false }, { checkedOn: '2026-03-01', listed: true }] }, expected: 'FAILED' },
      { name: 'clear by the date, listed the day after', facts: { checks: [{ checkedOn: '2026-03-01', listed: false }, { checkedOn: '2026-07-01', listed: true }] }, expected: 'PASSED' },
      // 365 days, not a year: in leap 2024, 365 days before 31 Dec is 1 Jan.
      { name: 'on 31 Dec 2024, checked 1 Jan 2024 (365 days)', facts: { checks: [{ checkedOn: '2024-01-01', listed: false }] }, asOf: '2024-12-31', expected: 'PASSED' },
      { name: 'on 31 Dec 2024, checked 31 Dec 2023 (a year, 366 days)', facts: { checks: [{ checkedOn: '2023-12-31', listed: false }] }, asOf: '2024-12-31', expected: 'UNKNOWN' },
    ]);
  });

  it('TECH_INSURANCE_IN_FORCE: a policy in force, ongoing or run its course, from its start through its end day', async () => {
    await agree('T_INSURANCE', 11_500, [
      { name: 'ending on the date', facts: { insurance: [{ startDate: '2025-07-01', endDate: AS_OF }] }, expected: 'PASSED' },
      { name: 'ended the day before', facts: { insurance: [{ startDate: '2025-06-30', endDate: '2026-06-29' }] }, expected: 'FAILED' },
      { name: 'starting on the date', facts: { insurance: [{ startDate: AS_OF, endDate: '2027-06-29' }] }, expected: 'PASSED' },
      { name: 'starting the day after', facts: { insurance: [{ startDate: '2026-07-01', endDate: '2027-06-30' }] }, expected: 'FAILED' },
      { name: 'open-ended', facts: { insurance: [{ startDate: '2025-01-01' }] }, expected: 'PASSED' },
      { name: 'run its course (COMPLETED) over the date', facts: { insurance: [{ startDate: '2026-01-01', endDate: '2026-12-31', status: 'COMPLETED' }] }, expected: 'PASSED' },
      { name: 'DEFAULTED over the date', facts: { insurance: [{ startDate: '2026-01-01', endDate: '2026-12-31', status: 'DEFAULTED' }] }, expected: 'PASSED' },
      { name: 'PENDING over the date', facts: { insurance: [{ startDate: '2026-01-01', endDate: '2026-12-31', status: 'PENDING' }] }, expected: 'FAILED' },
      { name: 'TERMINATED over the date', facts: { insurance: [{ startDate: '2026-01-01', endDate: '2026-12-31', status: 'TERMINATED' }] }, expected: 'FAILED' },
      { name: 'no policy', facts: {}, expected: 'FAILED' },
    ]);
  });

  it('QUALIFICATION: one of the kinds named, valid from its first through its last day', async () => {
    const q = (kind: string, validFrom: string, validUntil: string) => ({ qualifications: [{ kind, validFrom, validUntil }] });
    await agree('T_QUALIFICATION', 13_000, [
      { name: 'TECH_SME valid through the date', facts: q('TECH_SME', '2025-07-01', AS_OF), expected: 'PASSED' },
      { name: 'TECH_SME lapsed the day before', facts: q('TECH_SME', '2025-06-30', '2026-06-29'), expected: 'FAILED' },
      { name: 'LITTLE_GIANT valid from the date', facts: q('LITTLE_GIANT', AS_OF, '2029-06-29'), expected: 'PASSED' },
      { name: 'TECH_SME valid only from the day after', facts: q('TECH_SME', '2026-07-01', '2027-06-30'), expected: 'FAILED' },
      { name: 'a kind not named (GAZELLE)', facts: q('GAZELLE', '2026-01-01', '2026-12-31'), expected: 'FAILED' },
      {
        name: 'renewed: the old one lapsed, the new one valid',
        facts: { qualifications: [{ kind: 'TECH_SME', validFrom: '2025-05-01', validUntil: '2026-04-30' }, { kind: 'TECH_SME', validFrom: '2026-05-01', validUntil: '2027-04-30' }] },
        expected: 'PASSED',
      },
      { name: 'none', facts: {}, expected: 'FAILED' },
    ]);
  });

  it('HEADCOUNT: employees of the latest fiscal year within the bounds, both included', async () => {
    await agree('T_HEADCOUNT', 13_100, [
      { name: '500 employees', facts: { years: { 2025: { employees: 500, stStaff: 50 } } }, expected: 'PASSED' },
      { name: '501 employees', facts: { years: { 2025: { employees: 501, stStaff: 50 } } }, expected: 'FAILED' },
      { name: 'the latest year decides: 600, then 400', facts: { years: { 2024: { employees: 600, stStaff: 50 }, 2025: { employees: 400, stStaff: 50 } } }, expected: 'PASSED' },
      { name: 'figures only for 2023: too old', facts: { years: { 2023: { employees: 100 } } }, expected: 'UNKNOWN' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
    await agree('T_HEADCOUNT_RANGE', 13_120, [
      { name: '10 employees', facts: { years: { 2025: { employees: 10, stStaff: 2 } } }, expected: 'PASSED' },
      { name: '9 employees', facts: { years: { 2025: { employees: 9, stStaff: 2 } } }, expected: 'FAILED' },
    ]);
  });

  it('TOTAL_ASSETS: total assets of the latest fiscal year up to ¥200m, to the cent; not reported is UNKNOWN', async () => {
    await agree('T_TOTAL_ASSETS', 13_200, [
      { name: '¥200m exactly', facts: { years: { 2025: { totalAssets: '200000000.00' } } }, expected: 'PASSED' },
      { name: '¥200m and a cent', facts: { years: { 2025: { totalAssets: '200000000.01' } } }, expected: 'FAILED' },
      { name: 'not reported for the latest year', facts: { years: { 2024: { totalAssets: '1000000.00' }, 2025: { totalAssets: null } } }, expected: 'UNKNOWN' },
      { name: 'no figures', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('TECH_SME_SCORE: 60 points with S&T staff points above 0, at every band edge; or a certificate valid on the date', async () => {
    // Revenue ¥10m, 100 employees: R&D ¥600,000 is 6%; S&T staff are a percentage of employees.
    const year = (stStaff: number, rd: string) => ({ years: { 2025: { revenue: '10000000.00', rd, employees: 100, stStaff } } });
    const patents = (...types: (1 | 2 | 3)[]) => types.map((type) => ({ type }));
    await agree('T_TECH_SME', 13_300, [
      { name: '8 + 50 + 0 = 58', facts: year(15, '600000.00'), expected: 'FAILED' },
      { name: '8 + 40 + 12 = 60 (5% exactly, two utility models)', facts: { ...year(15, '500000.00'), patents: patents(2, 2) }, expected: 'PASSED' },
      { name: '8 + 30 + 12 = 50 (5% less a cent)', facts: { ...year(15, '499999.99'), patents: patents(2, 2) }, expected: 'FAILED' },
      { name: '4 + 40 + 12 = 56 (14% S&T staff)', facts: { ...year(14, '500000.00'), patents: patents(2, 3) }, expected: 'FAILED' },
      { name: '4 + 50 + 6 = 60 (10% S&T staff exactly)', facts: { ...year(10, '600000.00'), patents: patents(3) }, expected: 'PASSED' },
      { name: '0 + 50 + 30 = 80, but no S&T staff points (9%)', facts: { ...year(9, '600000.00'), patents: patents(1) }, expected: 'FAILED' },
      { name: '20 + 10 + 30 = 60 (2% exactly, an invention)', facts: { ...year(30, '200000.00'), patents: patents(1) }, expected: 'PASSED' },
      { name: '20 + 0 + 30 = 50 (2% less a cent)', facts: { ...year(30, '199999.99'), patents: patents(1) }, expected: 'FAILED' },
      { name: '12 + 20 + 24 = 56 (five utility models count as four)', facts: { ...year(20, '300000.00'), patents: patents(2, 2, 2, 2, 2) }, expected: 'FAILED' },
      { name: '16 + 20 + 24 = 60 (25% S&T staff)', facts: { ...year(25, '300000.00'), patents: patents(2, 2, 2, 3) }, expected: 'PASSED' },
      {
        name: '16 + 30 + 12 = 58: a lapsed invention does not count',
        facts: { ...year(25, '400000.00'), patents: [{ type: 1, legalStatus: 'LAPSED' }, { type: 3 }, { type: 3 }] },
        expected: 'FAILED',
      },
      { name: '16 + 30 + 30 = 76: an invention granted on the date', facts: { ...year(25, '400000.00'), patents: [{ type: 1, grantedOn: AS_OF }] }, expected: 'PASSED' },
      { name: '16 + 30 + 0 = 46: an invention granted the day after', facts: { ...year(25, '400000.00'), patents: [{ type: 1, grantedOn: '2026-07-01' }] }, expected: 'FAILED' },
      { name: 'no S&T staff points, but a certificate expiring on the date', facts: { ...year(9, '0.00'), certificates: [{ issuedOn: '2023-07-01', validUntil: AS_OF }] }, expected: 'PASSED' },
      { name: 'no S&T staff points, the certificate expired the day before', facts: { ...year(9, '0.00'), certificates: [{ issuedOn: '2023-06-30', validUntil: '2026-06-29' }] }, expected: 'FAILED' },
      { name: 'no figures, a valid certificate', facts: { certificates: [{ issuedOn: '2025-01-01' }] }, expected: 'PASSED' },
      { name: 'no figures, no certificate', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('UNLISTED: not listed on a stock exchange; not recorded is UNKNOWN', async () => {
    await agree('T_UNLISTED', 13_400, [
      { name: 'unlisted (NEEQ-quoted or not quoted at all)', facts: { listedOnExchange: false }, expected: 'PASSED' },
      { name: 'listed on a stock exchange', facts: { listedOnExchange: true }, expected: 'FAILED' },
      { name: 'not recorded', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('TECH_ENTERPRISE_TYPE: one type holding is enough; none holding is FAILED only when every type is known', async () => {
    const known = { convertedInstitute: false, investedByAcademia: false };
    await agree('T_TECH_TYPE', 13_500, [
      { name: 'a high-tech certificate expiring on the date', facts: { ...known, certificates: [{ issuedOn: '2023-07-01', validUntil: AS_OF }] }, expected: 'PASSED' },
      { name: 'the certificate expired the day before', facts: { ...known, certificates: [{ issuedOn: '2023-06-30', validUntil: '2026-06-29' }] }, expected: 'FAILED' },
      { name: 'a tech-SME registration valid from the date', facts: { ...known, qualifications: [{ kind: 'TECH_SME', validFrom: AS_OF, validUntil: '2026-12-31' }] }, expected: 'PASSED' },
      { name: 'a tech-SME registration valid from the day after', facts: { ...known, qualifications: [{ kind: 'TECH_SME', validFrom: '2026-07-01', validUntil: '2026-12-31' }] }, expected: 'FAILED' },
      { name: 'another qualification (LITTLE_GIANT) is not a type', facts: { ...known, qualifications: [{ kind: 'LITTLE_GIANT', validFrom: '2026-01-01', validUntil: '2028-12-31' }] }, expected: 'FAILED' },
      { name: 'a converted institute, nothing else known', facts: { convertedInstitute: true }, expected: 'PASSED' },
      { name: 'owned by a university, nothing else known', facts: { university: true }, expected: 'PASSED' },
      { name: 'invested in by a research institute', facts: { convertedInstitute: false, investedByAcademia: true }, expected: 'PASSED' },
      { name: 'not a converted institute, academic investment not recorded', facts: { convertedInstitute: false }, expected: 'UNKNOWN' },
      { name: 'nothing recorded', facts: {}, expected: 'UNKNOWN' },
      { name: 'invested in by a converted institute: not a type before 54号', facts: { ...known, investedByConvertedInstitute: true }, expected: 'FAILED' },
    ]);
    await agree('T_TECH_TYPE_54', 13_520, [
      { name: 'invested in by a converted institute', facts: { investedByConvertedInstitute: true }, expected: 'PASSED' },
      { name: 'not invested in by one', facts: { investedByConvertedInstitute: false, convertedInstitute: true }, expected: 'FAILED' },
      { name: 'not recorded', facts: {}, expected: 'UNKNOWN' },
    ]);
  });

  it('breaks a same-day tie of ratings, or of dishonest debtor checks, by the record made last, in evaluate and SQL alike', async () => {
    // No date tells two records of one day apart: the one recorded last is the registry's latest word.
    const ratings = await answers('T_RATING', 11_600, [
      { name: 'BB and A rated the same day', facts: { ratings: [{ rating: 'BB', ratedOn: '2026-03-01' }, { rating: 'A', ratedOn: '2026-03-01' }] } },
      { name: 'A and BB rated the same day', facts: { ratings: [{ rating: 'A', ratedOn: '2026-03-01' }, { rating: 'BB', ratedOn: '2026-03-01' }] } },
    ]);
    const checks = await answers('T_DISHONEST', 11_610, [
      { name: 'listed and cleared the same day', facts: { checks: [{ checkedOn: '2026-03-01', listed: true }, { checkedOn: '2026-03-01', listed: false }] } },
      { name: 'cleared and listed the same day', facts: { checks: [{ checkedOn: '2026-03-01', listed: false }, { checkedOn: '2026-03-01', listed: true }] } },
    ]);
    const verdicts = [...ratings, ...checks].map((a) => ({ case: a.case, evaluate: a.evaluate![0]!.outcome, sql: a.sql }));
    expect(verdicts).toEqual([
      { case: 'BB and A rated the same day', evaluate: 'PASSED', sql: true },
      { case: 'A and BB rated the same day', evaluate: 'FAILED', sql: false },
      { case: 'listed and cleared the same day', evaluate: 'PASSED', sql: true },
      { case: 'cleared and listed the same day', evaluate: 'FAILED', sql: false },
    ]);
  });
  it('agrees on generated figures around every threshold of the figure criteria (fast-check, seed pinned)', async () => {
    // Money in fen (BigInt, as the API keeps it exact): revenues at and around ¥50m and ¥200m, R&D expense within a
    // few fen of 0 / 3 / 4 / 5 % of revenue, high-tech revenue around 60 %, S&T staff around 10 % and 12.5 %; now and
    // then a year missing. Each generated enterprise is checked against every figure criterion at once.
    const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    const around = (edge: bigint, spread: bigint) => fc.bigInt({ min: edge - spread, max: edge + spread });
    const revenue = fc.oneof(around(5_000_000_000n, 3n), around(20_000_000_000n, 3n), fc.bigInt({ min: 100_000_000n, max: 50_000_000_000n }));
    const share = (fen: bigint, percent: bigint, delta: bigint) => {
      const v = (fen * percent) / 10_000n + delta; // percent in hundredths
      return v < 0n ? 0n : v > fen ? fen : v;
    };
    const year = fc
      .record({
        revenue,
        rdPercent: fc.constantFrom(0n, 300n, 400n, 500n, 250n, 600n),
        rdDelta: fc.bigInt({ min: -2n, max: 2n }),
        highTechDelta: fc.bigInt({ min: -2n, max: 2n }),
        employees: fc.integer({ min: 1, max: 400 }),
        staffPercent: fc.constantFrom(1000, 1250),
        staffDelta: fc.integer({ min: -1, max: 1 }),
      })
      .map((y): Figures => {
        const staff = Math.min(y.employees, Math.max(0, Math.floor((y.employees * y.staffPercent) / 10_000) + y.staffDelta));
        return {
          revenue: yuan(y.revenue),
          rd: yuan(share(y.revenue, y.rdPercent, y.rdDelta)),
          highTech: yuan(share(y.revenue, 6000n, y.highTechDelta)),
          employees: y.employees,
          stStaff: staff,
        };
      });
    const enterprise = fc.record({
      y2023: fc.option(year, { freq: 8, nil: undefined }),
      y2024: fc.option(year, { freq: 8, nil: undefined }),
      y2025: year,
    });
    const generated = fc.sample(enterprise, { seed: 20261130, numRuns: 30 });
    const crafted = await Promise.all(
      generated.map((g, i) => {
        const years: Record<number, Figures> = { 2025: g.y2025 };
        if (g.y2024) years[2024] = g.y2024;
        if (g.y2023) years[2023] = g.y2023;
        return craft(12_000 + i, { years });
      }),
    );
    const codes = crafted.map((c) => c.code);
    const programs = ['T_RD_2016', 'T_RD_BOUNDED', 'T_RD_FLAT', 'T_RD_EXPENSE', 'T_RD_EXPENSE_ANY', 'T_REVENUE', 'T_REVENUE_UP_TO', 'T_HIGH_TECH_SHARE', 'T_STAFF_10', 'T_STAFF_12_5'];
    const disagreements: string[] = [];
    const seen = new Set<string>();
    for (const program of programs) {
      const explained = await app.execute<any, any>(
        `query ($program: String!, $codes: [String!]!) { eligibility(program: $program, creditCodes: $codes, asOf: "${AS_OF}") { creditCode checks { outcome } } }`,
        { program, codes },
        admin,
      );
      const listed = await app.execute<any, any>(
        `query ($program: String!, $codes: [CreditCode!]) {
           enterprises(first: 100, filter: { creditCodes: $codes, outreach: { program: $program, asOf: "${AS_OF}" } }) { edges { node { creditCode } } } }`,
        { program, codes },
        admin,
      );
      expect([explained.errors, listed.errors]).toEqual([undefined, undefined]);
      const bySql = new Set(listed.data.enterprises.edges.map((e: { node: { creditCode: string } }) => e.node.creditCode));
      for (const r of explained.data.eligibility) {
        const outcome: string = r.checks[0].outcome;
        seen.add(`${program} ${outcome}`);
        if ((outcome === 'PASSED') !== bySql.has(r.creditCode)) {
          disagreements.push(`${program} ${r.creditCode}: evaluate ${outcome}, SQL ${bySql.has(r.creditCode) ? 'lists it' : 'does not'}; ${JSON.stringify(generated[codes.indexOf(r.creditCode)])}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The sample reaches both sides of every criterion (and UNKNOWN where a year may be missing), or it proves little.
    const unreached = programs.flatMap((p) => ['PASSED', 'FAILED'].map((o) => `${p} ${o}`)).filter((k) => !seen.has(k));
    expect(unreached).toEqual([]);
  });

  it('says what each check observed, the thresholds it held the figures to and what is missing, as typed values', async () => {
    const n = 15_000;
    const name = (i: number) => `武汉边界${n + i}科技有限公司`;
    const SOURCE = '中国执行信息公开网';
    const year2025 = (figures: Figures) => ({ years: { 2025: figures } });
    const cases: [string, string, Facts][] = [
      ['age: founded a day short of a year', 'T_REGISTERED_1Y', { foundedOn: '2025-07-01' }],
      ['amount: revenue a cent over the range', 'T_REVENUE', year2025({ revenue: '200000000.01' })],
      ['share: high-tech income a cent short of 60%', 'T_HIGH_TECH_SHARE', year2025({ highTech: '23999999.99' })],
      ['share and counts: 1 of 8 staff is 12.5%', 'T_STAFF_12_5', year2025({ employees: 8, stStaff: 1 })],
      ['count: one patent of two', 'T_CORE_IP', { patents: [{}] }],
      ['count: one employee over the range', 'T_HEADCOUNT_RANGE', year2025({ employees: 501 })],
      ['enum: an excluded sector', 'T_SECTOR', { economicSector: 'REAL_ESTATE' }],
      ['enum: no sector recorded', 'T_SECTOR', {}],
      ['yes or no: a major incident reported', 'T_INCIDENT', year2025({ majorIncident: true })],
      ['multi-year: 5% over three years', 'T_RD_2016', { years: everyYear(Y2023_2025, {}) }],
      ['multi-year: 3% in each year, a cent short in one', 'T_RD_EACH_YEAR', { years: { 2023: { rd: '1200000.00' }, 2024: { rd: '1199999.99' }, 2025: {} } }],
      ['unknown: a year of three missing', 'T_RD_2016', { years: everyYear([2023, 2025], {}) }],
      ['unknown: no fiscal year at all', 'T_INNOVATION', {}],
      ['unknown: a check of the list too old', 'T_DISHONEST', { checks: [{ checkedOn: '2025-06-29', listed: false }] }],
      ['unknown: a tax credit grade too old', 'T_TAX_GRADE', { taxGrades: [{ year: 2023, grade: 'A', evaluatedOn: '2024-04-15' }] }],
      ['unknown: a tech enterprise type not recorded', 'T_TECH_TYPE', { convertedInstitute: false }],
      ['two alternatives: a score short of 60, no certificate', 'T_TECH_SME', year2025({})],
      ['patents: one of two appraised too long ago', 'T_UNPLEDGED_2', { patents: [{ appraisedOn: ['2025-06-29'] }, { appraisedOn: ['2026-01-15'] }] }],
      ['dates: a qualification lapsed', 'T_QUALIFICATION', { qualifications: [{ kind: 'TECH_SME', validFrom: '2025-05-01', validUntil: '2026-04-30' }] }],
    ];
    const codes = await Promise.all(cases.map(([, , facts], i) => craft(n + i, facts).then((c) => c.code)));
    const answered: Record<string, unknown> = {};
    for (const [i, [label, program]] of cases.entries()) {
      const r = await app.execute(EligibilityFiguresDocument, { program, creditCodes: [codes[i]!], asOf: AS_OF }, admin);
      expect(r.errors).toBeUndefined();
      answered[label] = r.data!.eligibility[0]!.checks[0];
    }
    const amounts = (years: number[], rd: Record<number, string> = {}) =>
      years.flatMap((y) => [figure('REVENUE', { fiscalYear: y, amount: '40000000.00' }), figure('RD_EXPENSE', { fiscalYear: y, amount: rd[y] ?? '2000000.00' })]);
    const invention = (i: number, j: number) => patentNumber(1, (n + i) * 10 + j);
    const qualification = `20254201${n + 18}0`;
    const sectors = ['TOBACCO_MANUFACTURING', 'ACCOMMODATION_AND_CATERING', 'WHOLESALE_AND_RETAIL', 'REAL_ESTATE', 'LEASING_AND_BUSINESS_SERVICES', 'ENTERTAINMENT'];
    expect(answered).toEqual({
      'age: founded a day short of a year': criterionResult(
        'REGISTERED_IN_ZONE',
        'FAILED',
        [`${name(0)}（光电子信息产业园），成立于2025-07-01：截至${AS_OF}成立不满1年。`, `${name(0)} (光电子信息产业园), founded 2025-07-01: less than 1 year(s) by ${AS_OF}.`],
        { observed: [figure('FOUNDED_ON', { date: '2025-07-01' })], required: [threshold('FOUNDED_ON', { maximumDate: '2025-06-30' })] },
      ),
      'amount: revenue a cent over the range': criterionResult(
        'REVENUE',
        'FAILED',
        ['2025年度销售收入¥200,000,000.01；要求5000万元至2亿元。', 'Revenue ¥200,000,000.01 in 2025; ¥50m–¥200m required.'],
        {
          observed: [figure('REVENUE', { fiscalYear: 2025, amount: '200000000.01' })],
          required: [threshold('REVENUE', { fiscalYear: 2025, minimumAmount: '50000000.00', maximumAmount: '200000000.00' })],
        },
      ),
      // The share observed is truncated to four places, so it compares with the threshold as the check did: 59.9999 < 60.
      'share: high-tech income a cent short of 60%': criterionResult(
        'HIGH_TECH_REVENUE_SHARE',
        'FAILED',
        [
          '2025年度高新技术产品（服务）收入占总收入59.99%（¥23,999,999.99/¥40,000,000.00）；要求不低于60%。',
          'High-tech income 59.99% of total income in 2025 (¥23,999,999.99 of ¥40,000,000.00); 60% required.',
        ],
        {
          observed: [
            figure('HIGH_TECH_REVENUE', { fiscalYear: 2025, amount: '23999999.99' }),
            figure('TOTAL_INCOME', { fiscalYear: 2025, amount: '40000000.00' }),
            figure('HIGH_TECH_REVENUE_SHARE', { fiscalYear: 2025, percent: '59.9999' }),
          ],
          required: [threshold('HIGH_TECH_REVENUE_SHARE', { fiscalYear: 2025, minimumPercent: '60.0000' })],
        },
      ),
      'share and counts: 1 of 8 staff is 12.5%': criterionResult(
        'SCIENCE_AND_TECHNOLOGY_STAFF_SHARE',
        'PASSED',
        ['2025年度科技人员1人，占职工总数8人的12.50%；要求不低于12.5%。', 'S&T staff 1 of 8 employees (12.50%) in 2025; 12.5% required.'],
        {
          observed: [
            figure('SCIENCE_AND_TECHNOLOGY_STAFF', { fiscalYear: 2025, count: 1 }),
            figure('EMPLOYEES', { fiscalYear: 2025, count: 8 }),
            figure('SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', { fiscalYear: 2025, percent: '12.5000' }),
          ],
          required: [threshold('SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', { fiscalYear: 2025, minimumPercent: '12.5000' })],
        },
      ),
      'count: one patent of two': criterionResult(
        'CORE_IP',
        'FAILED',
        [`截至${AS_OF}拥有有效专利1件（${invention(4, 0)}）；要求至少2件。`, `1 valid patent(s) granted by ${AS_OF} (${invention(4, 0)}); 2 required.`],
        { observed: [figure('VALID_PATENTS', { count: 1 })], required: [threshold('VALID_PATENTS', { minimumCount: 2 })] },
      ),
      'count: one employee over the range': criterionResult('HEADCOUNT', 'FAILED', ['2025年度职工501人；要求10至500人。', '501 employees in 2025; 10–500 required.'], {
        observed: [figure('EMPLOYEES', { fiscalYear: 2025, count: 501 })],
        required: [threshold('EMPLOYEES', { fiscalYear: 2025, minimumCount: 10, maximumCount: 500 })],
      }),
      'enum: an excluded sector': criterionResult(
        'EXCLUDED_SECTOR',
        'FAILED',
        ['主营业务属于REAL_ESTATE，在排除行业之列。', 'Principal business classified under REAL_ESTATE, an excluded sector.'],
        { observed: [figure('ECONOMIC_SECTOR', { text: 'REAL_ESTATE' })], required: [threshold('ECONOMIC_SECTOR', { noneOf: sectors })] },
      ),
      'enum: no sector recorded': criterionResult(
        'EXCLUDED_SECTOR',
        'UNKNOWN',
        ['未登记其主营业务所属的国民经济行业（GB/T 4754）。', 'Its principal business is not classified under a GB/T 4754 sector.'],
        { required: [threshold('ECONOMIC_SECTOR', { noneOf: sectors })], missing: [missingFact('ECONOMIC_SECTOR')] },
      ),
      'yes or no: a major incident reported': criterionResult(
        'NO_MAJOR_INCIDENT',
        'FAILED',
        ['2025年度报告发生重大安全、重大质量事故或严重环境违法行为。', 'A major safety, quality or environmental incident was reported for 2025.'],
        { observed: [figure('HAS_MAJOR_INCIDENT', { fiscalYear: 2025, isTrue: true })], required: [threshold('HAS_MAJOR_INCIDENT', { fiscalYear: 2025, isTrue: false })] },
      ),
      'multi-year: 5% over three years': criterionResult(
        'RD_INTENSITY',
        'PASSED',
        [
          '2023–2025年度研发费用占销售收入5.00%（¥6,000,000.00/¥120,000,000.00）；要求不低于5%（适用收入5000万元以下一档，2025年度销售收入¥40,000,000.00）。',
          'R&D 5.00% of revenue over 2023–2025 (¥6,000,000.00 of ¥120,000,000.00); 5% required for revenue up to ¥50m (2025: ¥40,000,000.00).',
        ],
        {
          observed: [...amounts(Y2023_2025), figure('RD_SHARE_OF_REVENUE', { firstFiscalYear: 2023, fiscalYear: 2025, percent: '5.0000' })],
          required: [threshold('RD_SHARE_OF_REVENUE', { firstFiscalYear: 2023, fiscalYear: 2025, minimumPercent: '5.0000' })],
        },
      ),
      'multi-year: 3% in each year, a cent short in one': criterionResult(
        'RD_INTENSITY',
        'FAILED',
        ['研发费用占销售收入比例：2023年度3.00%，2024年度2.99%，2025年度5.00%；要求每年不低于3%。', 'R&D of revenue 2023 3.00%, 2024 2.99%, 2025 5.00%; 3% required in each year.'],
        {
          observed: [
            ...amounts(Y2023_2025, { 2023: '1200000.00', 2024: '1199999.99' }),
            figure('RD_SHARE_OF_REVENUE', { fiscalYear: 2023, percent: '3.0000' }),
            figure('RD_SHARE_OF_REVENUE', { fiscalYear: 2024, percent: '2.9999' }),
            figure('RD_SHARE_OF_REVENUE', { fiscalYear: 2025, percent: '5.0000' }),
          ],
          required: Y2023_2025.map((y) => threshold('RD_SHARE_OF_REVENUE', { fiscalYear: y, minimumPercent: '3.0000' })),
        },
      ),
      'unknown: a year of three missing': criterionResult('RD_INTENSITY', 'UNKNOWN', ['未登记2024年度的财务数据（需要2023–2025年度）。', 'Figures for 2024 are not recorded (2023–2025 needed).'], {
        observed: amounts([2023, 2025]),
        required: [threshold('RD_SHARE_OF_REVENUE', { firstFiscalYear: 2023, fiscalYear: 2025, minimumPercent: '5.0000' })],
        missing: [missingFact('FISCAL_YEAR_FINANCIALS', { fiscalYear: 2024 })],
      }),
      'unknown: no fiscal year at all': criterionResult('INNOVATION_SCORE', 'UNKNOWN', ['未登记2024或2025年度的财务数据。', 'No fiscal year figures for 2024 or 2025 are recorded.'], {
        required: [threshold('INNOVATION_SCORE', { minimumCount: 71 })],
        missing: [missingFact('FISCAL_YEAR_FINANCIALS', { fiscalYear: 2024, isLaterYearAccepted: true })],
      }),
      'unknown: a check of the list too old': criterionResult(
        'NOT_DISHONEST_DEBTOR',
        'UNKNOWN',
        [`最近一次查询为2025-06-29，距${AS_OF}已超过365天。`, `Last checked on 2025-06-29, over 365 days before ${AS_OF}.`],
        {
          observed: [figure('DISHONEST_DEBTOR_CHECKED_ON', { subject: SOURCE, date: '2025-06-29' }), figure('IS_DISHONEST_DEBTOR', { subject: SOURCE, isTrue: false })],
          required: [threshold('DISHONEST_DEBTOR_CHECKED_ON', { minimumDate: '2025-06-30' }), threshold('IS_DISHONEST_DEBTOR', { isTrue: false })],
          missing: [missingFact('DISHONEST_DEBTOR_CHECKED_ON', { minimumDate: '2025-06-30' })],
        },
      ),
      'unknown: a tax credit grade too old': criterionResult(
        'TAX_CREDIT_GRADE',
        'UNKNOWN',
        ['最近的纳税信用等级为2023年度；需要2024年度或之后的等级。', 'The latest tax credit grade is for 2023; one for 2024 or later is needed.'],
        {
          observed: [figure('TAX_CREDIT_GRADE', { fiscalYear: 2023, text: 'A' }), figure('TAX_CREDIT_GRADE_PUBLISHED_ON', { fiscalYear: 2023, date: '2024-04-15' })],
          required: [threshold('TAX_CREDIT_GRADE', { anyOf: ['A', 'B'] })],
          missing: [missingFact('TAX_CREDIT_GRADE', { fiscalYear: 2024, isLaterYearAccepted: true })],
        },
      ),
      'unknown: a tech enterprise type not recorded': criterionResult(
        'TECH_ENTERPRISE_TYPE',
        'UNKNOWN',
        [
          `非HIGH_TECH（${AS_OF}无有效的高新技术企业证书）；非CONVERTED_INSTITUTE（非转制院所）；非TECH_SME（${AS_OF}无有效的科技型中小企业入库登记）；未登记是否为INVESTED_BY_ACADEMIA。`,
          `not HIGH_TECH (no high-tech certificate valid on ${AS_OF}); not CONVERTED_INSTITUTE (not a converted research institute); not TECH_SME (no 科技型中小企业 registration valid on ${AS_OF}); not recorded whether INVESTED_BY_ACADEMIA.`,
        ],
        {
          observed: [figure('IS_CONVERTED_INSTITUTE', { isTrue: false })],
          required: [threshold('TECH_ENTERPRISE_TYPE', { anyOf: ['HIGH_TECH', 'CONVERTED_INSTITUTE', 'INVESTED_BY_ACADEMIA', 'TECH_SME'] })],
          missing: [missingFact('IS_INVESTED_BY_ACADEMIA')],
        },
      ),
      'two alternatives: a score short of 60, no certificate': criterionResult(
        'TECH_SME_SCORE',
        'FAILED',
        [
          `2025年度评分52分：科技人员占职工总数20.00%，得12/20分；研发费用占销售收入5.00%，得40/50分；有效发明专利0件、其他有效专利0件，得0/30分；要求不低于60分且科技人员指标得分大于0，且${AS_OF}无有效的高新技术企业证书。`,
          `Score 52 for 2025: S&T staff 20.00% of employees 12/20, R&D 5.00% of revenue 40/50, 0 invention and 0 other valid patent(s) 0/30; at least 60 with S&T staff points above 0 required, and no high-tech certificate is valid on ${AS_OF}.`,
        ],
        {
          observed: [
            figure('SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', { fiscalYear: 2025, percent: '20.0000' }),
            figure('TECH_SME_STAFF_POINTS', { fiscalYear: 2025, count: 12 }),
            figure('RD_SHARE_OF_REVENUE', { fiscalYear: 2025, percent: '5.0000' }),
            figure('TECH_SME_RD_POINTS', { fiscalYear: 2025, count: 40 }),
            figure('VALID_INVENTION_PATENTS', { count: 0 }),
            figure('OTHER_VALID_PATENTS', { count: 0 }),
            figure('TECH_SME_IP_POINTS', { fiscalYear: 2025, count: 0 }),
            figure('TECH_SME_SCORE', { fiscalYear: 2025, count: 52 }),
          ],
          // Either a score (alternative 1) or a certificate valid on the date (alternative 2).
          required: [
            threshold('TECH_SME_SCORE', { fiscalYear: 2025, minimumCount: 60 }),
            threshold('TECH_SME_STAFF_POINTS', { fiscalYear: 2025, minimumCount: 1 }),
            threshold('HIGH_TECH_CERTIFICATE_ISSUED_ON', { alternative: 2, maximumDate: AS_OF }),
            threshold('HIGH_TECH_CERTIFICATE_EXPIRES_ON', { alternative: 2, minimumDate: AS_OF }),
          ],
        },
      ),
      'patents: one of two appraised too long ago': criterionResult(
        'UNPLEDGED_INVENTION_PATENT',
        'FAILED',
        [
          `2件有效发明专利中1件可用，要求至少2件：${invention(17, 0)}于2025-06-29评估，已超过12个月。`,
          `1 of 2 valid invention patent(s) usable, 2 required: ${invention(17, 0)} appraised 2025-06-29, over 12 months before.`,
        ],
        {
          observed: [
            figure('VALID_INVENTION_PATENTS', { count: 2 }),
            figure('USABLE_INVENTION_PATENTS', { count: 1 }),
            figure('IS_PATENT_PLEDGED', { subject: invention(17, 0), isTrue: false }),
            figure('PATENT_APPRAISED_ON', { subject: invention(17, 0), date: '2025-06-29' }),
            figure('PATENT_APPRAISED_VALUE', { subject: invention(17, 0), amount: '2000000.00' }),
          ],
          required: [
            threshold('USABLE_INVENTION_PATENTS', { minimumCount: 2 }),
            threshold('IS_PATENT_PLEDGED', { isTrue: false }),
            threshold('PATENT_APPRAISED_ON', { minimumDate: '2025-06-30' }),
          ],
        },
      ),
      'dates: a qualification lapsed': criterionResult(
        'QUALIFICATION',
        'FAILED',
        [
          `TECH_SME资质${qualification}已于2026-04-30失效；${AS_OF}无有效的TECH_SME、LITTLE_GIANT资质。`,
          `TECH_SME ${qualification} lapsed on 2026-04-30; none of TECH_SME, LITTLE_GIANT valid on ${AS_OF}.`,
        ],
        {
          observed: [
            figure('QUALIFICATION_KIND', { subject: qualification, text: 'TECH_SME' }),
            figure('QUALIFICATION_VALID_FROM', { subject: qualification, date: '2025-05-01' }),
            figure('QUALIFICATION_VALID_UNTIL', { subject: qualification, date: '2026-04-30' }),
          ],
          required: [
            threshold('QUALIFICATION_KIND', { anyOf: ['TECH_SME', 'LITTLE_GIANT'] }),
            threshold('QUALIFICATION_VALID_FROM', { maximumDate: AS_OF }),
            threshold('QUALIFICATION_VALID_UNTIL', { minimumDate: AS_OF }),
          ],
        },
      ),
    });
  });
});
