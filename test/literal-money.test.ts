import { toGlobalId } from '../src/common/global-id';
import fc from 'fast-check';
import { Role } from '../src/auth/roles';
import { fixed } from '../src/common/decimal';
import { DecimalScalar, PercentScalar } from '../src/common/scalars';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Money and shares whose exact value has digits below a cent (or below the places shown), each worked out by hand:
 * a part of an amount or a percentage is cut off at the places shown, never rounded up (DOMAIN.md: money is decimal
 * yuan with two places; a bank reading 4.00% where the figures give 4.9999…% would be misled).
 */
const admin = as(Role.ZONE_ADMIN);
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const bank = as(Role.BANK_OFFICER, hankou.creditCode);

const A = testCode(3001);
const B = testCode(3002);
const C = testCode(3003);

async function ok<T>(p: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> {
  const r = await p;
  expect(r.errors).toBeUndefined();
  expect(JSON.stringify(r.data)).toMatch(/"errors":\[\]/);
  return r.data!;
}

const CREATE = `mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code message } } }`;
const FISCAL_YEAR = `mutation F($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code field message } } }`;
const PATENT = `mutation P($input: RecordPatentInput!) { recordPatent(input: $input) { errors { code field message } } }`;

describe('amounts and percentages below the places shown: cut off, never rounded', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [code, name] of [[A, '武汉集合债甲科技有限公司'], [B, '武汉集合债乙科技有限公司'], [C, '武汉集合债丙科技有限公司']] as const) {
      await ok(app.execute<any, any>(CREATE, { input: enterpriseInput(code, name) }, admin));
    }
  });
  afterAll(() => app.close());

  const BOND = `
    mutation B($input: RecordBondIssueInput!) {
      recordBondIssue(input: $input) {
        instrument { kind amount holders { share isLead amount enterprise { creditCode } } }
        errors { code field message }
      }
    }`;
  const bond = (code: string, kind: string, amount: string, issuers: [string, string][]) =>
    app.execute<any, any>(
      BOND,
      {
        input: {
          kind, amount, code, underwriter: '长江证券', couponRate: '5.8000', tenorMonths: 36, startsOn: '2025-03-01',
          issuers: issuers.map(([creditCode, share]) => ({ creditCode, share })),
        },
      },
      admin,
    );

  it('gives each issuer of a collective bond its share of the amount, cut at the cent', async () => {
    // ¥10,000,000.05 in thirds: 33.3334% is ¥3,333,340.0166667, 33.3333% is ¥3,333,330.01666665.
    expect((await bond('2580001', 'COLLECTIVE_BOND', '10000000.05', [[A, '33.3333'], [B, '33.3334'], [C, '33.3333']])).data).toEqual({
      recordBondIssue: {
        errors: [],
        instrument: {
          kind: 'COLLECTIVE_BOND',
          amount: '10000000.05',
          holders: [
            { share: '33.3333', isLead: true, amount: '3333330.01', enterprise: { creditCode: A } },
            { share: '33.3334', isLead: false, amount: '3333340.01', enterprise: { creditCode: B } },
            { share: '33.3333', isLead: false, amount: '3333330.01', enterprise: { creditCode: C } },
          ],
        },
      },
    });
    // ¥10,000,000.01 two to one: 66.6667% is ¥6,666,670.00666667, 33.3333% is ¥3,333,330.00333333.
    expect((await bond('2580002', 'SME_COLLECTIVE_NOTE', '10000000.01', [[A, '66.6667'], [B, '33.3333']])).data).toEqual({
      recordBondIssue: {
        errors: [],
        instrument: {
          kind: 'SME_COLLECTIVE_NOTE',
          amount: '10000000.01',
          holders: [
            { share: '66.6667', isLead: true, amount: '6666670.00', enterprise: { creditCode: A } },
            { share: '33.3333', isLead: false, amount: '3333330.00', enterprise: { creditCode: B } },
          ],
        },
      },
    });
  });

  it('states an IP-pledge loan’s loan-to-value cut at four places: ¥2m on ¥3m of patents is 66.6666%', async () => {
    const code = testCode(3004);
    await ok(app.execute<any, any>(CREATE, { input: enterpriseInput(code, '武汉质押率科技有限公司') }, admin));
    await ok(app.execute<any, any>(PATENT, { input: { creditCode: code, number: 'ZL202010000777.3', title: '一种光纤光栅传感器', legalStatus: 'VALID', grantedOn: '2021-04-01' } }, admin));
    await ok(
      app.execute<any, any>(
        `mutation A($input: RecordPatentAppraisalInput!) { recordPatentAppraisal(input: $input) { errors { code field message } } }`,
        { input: { patentNumber: 'ZL202010000777.3', appraiser: '湖北众联资产评估', value: '3000000.00', appraisedOn: '2025-02-01' } },
        admin,
      ),
    );
    const loan = await app.execute<any, any>(
      `mutation L($input: RecordIpPledgeLoanInput!) {
         recordIpPledgeLoan(input: $input) { instrument { amount ... on IpPledgeLoan { pledgedValue loanToValue } } errors { code field message } }
       }`,
      { input: { creditCode: code, lenderId: toGlobalId('Bank', hankou.id), contractNumber: 'HK-IP-3004', amount: '2000000.00', interestRate: '4.3500', termMonths: 24, startsOn: '2025-03-01', pledges: [{ patentNumber: 'ZL202010000777.3' }] } },
      admin,
    );
    expect(loan.data).toEqual({ recordIpPledgeLoan: { instrument: { amount: '2000000.00', pledgedValue: '3000000.00', loanToValue: '66.6666' }, errors: [] } });
  });

  it('bands a bank’s view of the figures exactly at the thresholds, a cent of revenue deciding', async () => {
    const code = testCode(3005);
    await ok(app.execute<any, any>(CREATE, { input: enterpriseInput(code, '武汉分档科技有限公司') }, admin));
    const years = [
      // [year, revenue, R&D, high-tech revenue, employees, S&T staff]
      [2022, '50000000.01', '1500000.00', '0.00', 19, 1], // over ¥50m by a cent; R&D 2.9999998%; 5.3% S&T staff
      [2023, '100000000.01', '3000000.00', '60000000.00', 300, 30], // R&D 2.99999997%, high-tech 59.9999999%; S&T exactly 10%
      [2024, '100000000.00', '4999999.99', '60000000.00', 299, 29], // R&D 4.99999999%, high-tech exactly 60%; S&T 9.7%
      [2025, '50000000.00', '2500000.00', '30000000.00', 20, 2], // exactly ¥50m, R&D exactly 5%
    ] as const;
    for (const [fiscalYear, revenue, rdExpense, highTechRevenue, employees, stStaff] of years) {
      await ok(app.execute<any, any>(FISCAL_YEAR, { input: { creditCode: code, fiscalYear, revenue, rdExpense, rdExpenseInChina: rdExpense, highTechRevenue, employees, scienceAndTechnologyStaff: stStaff } }, as(Role.ENTERPRISE_REP, code)));
    }
    await ok(
      app.execute<any, any>(
        `mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code field message } } }`,
        { input: { creditCode: code, bankCreditCode: hankou.creditCode, scopes: ['PROFILE', 'FINANCIALS'], purpose: '科技信用贷款授信审查', validFrom: '2026-01-01', validUntil: '2028-12-31', signer: '王伟（财务总监）' } },
        as(Role.ENTERPRISE_REP, code),
      ),
    );
    const read = await app.execute<any, any>(
      `query Q($c: CreditCode!) { enterprise(creditCode: $c) { financialBands { fiscalYear revenue rdIntensity employees isScienceAndTechnologyStaffShareAtLeast10Percent isHighTechRevenueShareAtLeast60Percent } } }`,
      { c: code },
      bank,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.enterprise.financialBands).toEqual([
      { fiscalYear: 2025, revenue: 'UP_TO_50_MILLION', rdIntensity: 'AT_LEAST_5_PERCENT', employees: 'FROM_20_TO_300', isScienceAndTechnologyStaffShareAtLeast10Percent: true, isHighTechRevenueShareAtLeast60Percent: true },
      { fiscalYear: 2024, revenue: 'FROM_50_TO_200_MILLION', rdIntensity: 'FROM_4_TO_5_PERCENT', employees: 'FROM_20_TO_300', isScienceAndTechnologyStaffShareAtLeast10Percent: false, isHighTechRevenueShareAtLeast60Percent: true },
      { fiscalYear: 2023, revenue: 'FROM_50_TO_200_MILLION', rdIntensity: 'BELOW_3_PERCENT', employees: 'FROM_300_TO_1000', isScienceAndTechnologyStaffShareAtLeast10Percent: true, isHighTechRevenueShareAtLeast60Percent: false },
      { fiscalYear: 2022, revenue: 'FROM_50_TO_200_MILLION', rdIntensity: 'BELOW_3_PERCENT', employees: 'UNDER_20', isScienceAndTechnologyStaffShareAtLeast10Percent: false, isHighTechRevenueShareAtLeast60Percent: false },
    ]);
  });

  it('explains eligibility with percentages cut at two places: 4.99%, 59.99% and 14.28%, not 5.00%, 60.00% and 14.29%', async () => {
    const code = testCode(3006);
    const name = '武汉百分比科技有限公司';
    await ok(app.execute<any, any>(CREATE, { input: enterpriseInput(code, name, { highTechField: 'ELECTRONIC_INFORMATION' }) }, admin));
    const years = [
      [2023, '40000000.00', '2000000.00'],
      [2024, '45000000.00', '2250000.00'],
      [2025, '49999999.99', '2499999.99'],
    ] as const;
    for (const [fiscalYear, revenue, rdExpense] of years) {
      // 2025: high-tech ¥29,999,999.99 of a total income of ¥49,999,999.99 (59.999999992%); S&T staff 1 of 7 (14.2857…%).
      const highTechRevenue = fiscalYear === 2025 ? '29999999.99' : '30000000.00';
      await ok(
        app.execute<any, any>(
          FISCAL_YEAR,
          { input: { creditCode: code, fiscalYear, revenue, rdExpense, rdExpenseInChina: rdExpense, highTechRevenue, totalIncome: revenue, employees: 7, scienceAndTechnologyStaff: 1 } },
          admin,
        ),
      );
    }
    await ok(app.execute<any, any>(PATENT, { input: { creditCode: code, number: 'ZL202110000888.9', title: '一种激光焊接装置', legalStatus: 'VALID', grantedOn: '2022-05-01' } }, admin));
    const result = await app.execute<any, any>(
      `query E($codes: [String!]!) { eligibility(program: "HIGH_TECH_SELF_CHECK", creditCodes: $codes, asOf: "2026-06-30") { creditCode rules { version } asOf isEligible checks { criterion outcome detail(language: ENGLISH) } } }`,
      { codes: [code] },
      admin,
    );
    expect(result.errors).toBeUndefined();
    // R&D over 2023–2025: ¥6,749,999.99 of ¥134,999,999.99, 4.99999999296%.
    expect(result.data.eligibility).toEqual([
      {
        creditCode: code,
        rules: { version: 5 },
        asOf: '2026-06-30',
        isEligible: false,
        checks: [
          { criterion: 'REGISTERED_IN_ZONE', outcome: 'PASSED', detail: `${name} (光电子信息产业园), founded 2012-03-01; at least 1 year(s) by 2026-06-30 required.` },
          { criterion: 'CORE_IP', outcome: 'PASSED', detail: '1 valid patent(s) granted by 2026-06-30 (ZL202110000888.9); 1 required.' },
          { criterion: 'NATIONAL_HIGH_TECH_FIELD', outcome: 'PASSED', detail: 'Core technology classified under ELECTRONIC_INFORMATION, a field the rule supports.' },
          { criterion: 'SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', outcome: 'PASSED', detail: 'S&T staff 1 of 7 employees (14.28%) in 2025; 10% required.' },
          {
            criterion: 'RD_INTENSITY',
            outcome: 'FAILED',
            detail: 'R&D 4.99% of revenue over 2023–2025 (¥6,749,999.99 of ¥134,999,999.99); 5% required for revenue up to ¥50m (2025: ¥49,999,999.99).',
          },
          { criterion: 'RD_IN_CHINA_SHARE', outcome: 'PASSED', detail: 'R&D in China 100.00% of all R&D over 2023–2025 (¥6,749,999.99 of ¥6,749,999.99); 60% required.' },
          {
            criterion: 'HIGH_TECH_REVENUE_SHARE',
            outcome: 'FAILED',
            detail: 'High-tech income 59.99% of total income in 2025 (¥29,999,999.99 of ¥49,999,999.99); 60% required.',
          },
          { criterion: 'INNOVATION_SCORE', outcome: 'UNKNOWN', detail: 'No innovation-capability score recorded for 2025.' },
          { criterion: 'NO_MAJOR_INCIDENT', outcome: 'UNKNOWN', detail: 'Whether a major incident occurred in 2025 is not reported.' },
        ],
      },
    ]);
  });
});

describe('Decimal and Percent output', () => {
  it('send a value PostgreSQL already wrote with the places shown as it is, and normalise any other exactly as before', () => {
    // The scalars skip `fixed` for text it would return unchanged; over generated text of every shape, the answer
    // is always what `fixed` gives (literals first: the cases a shortcut could get wrong).
    for (const [scalar, places] of [[DecimalScalar, 2], [PercentScalar, 4]] as const) {
      for (const text of ['0.00', '-0.00', '-0.0000', '00.50', '-0.50', '12', '12.5', '1.239', '-1.001', '123.4500', '0.0001', '99999999999999999.99']) {
        expect([text, scalar.serialize(text)]).toEqual([text, fixed(text, places)]);
      }
      fc.assert(
        fc.property(
          fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{0,6}$/))),
          ([negative, whole, fraction]) => {
            const text = `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`;
            return scalar.serialize(text) === fixed(text, places);
          },
        ),
        { seed: 20261130, numRuns: 2000 },
      );
    }
  });
});
