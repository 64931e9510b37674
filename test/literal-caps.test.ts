import { Role } from '../src/auth/roles';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * The caps of the 2016 rules for equity and dividend incentives in state-owned tech enterprises (财资〔2016〕4号,
 * DOMAIN.md "Talent and incentives"), each at its edge for every enterprise size: exactly at the cap is accepted,
 * 0.0001 (or a day, or a year) beyond it is refused as INCENTIVE_CAP_EXCEEDED naming the rule. Every number and
 * every message is written out here from the rules.
 */
const admin = as(Role.ZONE_ADMIN);
const SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;
type Size = (typeof SIZES)[number];
const NAME: Record<Size, string> = { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' };

const RECORD = `
  mutation R($input: RecordIncentivePlanInput!) {
    recordIncentivePlan(input: $input) {
      plan { form totalEquityShare profitShare grants { nodes { granteeName equityShare serviceYears } } }
      errors { __typename code field message ... on IncentiveCapExceededError { rule } }
    }
  }`;

const capError = (field: string, rule: string, message: string) => ({
  __typename: 'IncentiveCapExceededError',
  code: 'INCENTIVE_CAP_EXCEEDED',
  field,
  rule,
  message,
});

describe('the 2016 incentive caps at their edges, for every enterprise size', () => {
  let app: TestApp;
  let serial = 4000;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  /** A new state-owned enterprise of `size` (one per plan, so no plan can count against another). */
  const soe = async (size: Size): Promise<string> => {
    const code = testCode(++serial);
    const r = await app.execute<any, any>(
      `mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code message } } }`,
      { input: enterpriseInput(code, `武汉国有${NAME[size]}${serial}科技有限公司`, { size, isStateOwned: true }) },
      admin,
    );
    expect(r.data).toEqual({ createEnterprise: { errors: [] } });
    return code;
  };
  const record = async (size: Size, input: Record<string, unknown>) => {
    const creditCode = await soe(size);
    const r = await app.execute<any, any>(
      RECORD,
      { input: { creditCode, title: '2025年股权激励计划', form: 'EQUITY_SALE', approvedOn: '2025-01-15', grants: [], ...input } },
      admin,
    );
    expect(r.errors).toBeUndefined();
    return r.data.recordIncentivePlan;
  };
  const grant = (extra: Record<string, unknown> = {}) => ({ granteeName: '张伟', position: '首席科学家', equityShare: '1.0000', serviceYears: 5, grantedOn: '2025-02-01', ...extra });
  const award = (extra: Record<string, unknown> = {}) => grant({ isKeyTechnicalStaff: true, purchasedShare: '1.0000', awardValue: '1000000.00', ...extra });
  const refused = (...errors: ReturnType<typeof capError>[]) => ({ plan: null, errors });

  it('caps the equity of a plan at 5% (large), 10% (medium), 30% (small and micro)', async () => {
    const cases: [Size, string, string, ReturnType<typeof capError>][] = [
      ['LARGE', '5.0000', '5.0001', capError('input.totalEquityShare', 'TOTAL_CAP_LARGE: ≤ 5% of equity for a large enterprise, all plans together', 'The plan grants 5.0001% of equity; a large state-owned tech enterprise may grant at most 5%.')],
      ['MEDIUM', '10.0000', '10.0001', capError('input.totalEquityShare', 'TOTAL_CAP_MEDIUM: ≤ 10% of equity for a medium enterprise, all plans together', 'The plan grants 10.0001% of equity; a medium state-owned tech enterprise may grant at most 10%.')],
      ['SMALL', '30.0000', '30.0001', capError('input.totalEquityShare', 'TOTAL_CAP_SMALL: ≤ 30% of equity for a small enterprise, all plans together', 'The plan grants 30.0001% of equity; a small state-owned tech enterprise may grant at most 30%.')],
      ['MICRO', '30.0000', '30.0001', capError('input.totalEquityShare', 'TOTAL_CAP_SMALL: ≤ 30% of equity for a small or micro enterprise, all plans together', 'The plan grants 30.0001% of equity; a small or micro state-owned tech enterprise may grant at most 30%.')],
    ];
    const results = [];
    for (const [size, at, over] of cases) {
      results.push([size, await record(size, { totalEquityShare: at }), await record(size, { totalEquityShare: over })]);
    }
    expect(results).toEqual(
      cases.map(([size, at, , error]) => [size, { plan: { form: 'EQUITY_SALE', totalEquityShare: at, profitShare: null, grants: { nodes: [] } }, errors: [] }, refused(error)]),
    );
  });

  it('caps one person’s equity at 3%, whatever the size', async () => {
    const results = [];
    for (const size of SIZES) {
      results.push([
        size,
        await record(size, { totalEquityShare: '5.0000', grants: [grant({ equityShare: '3.0000' }), grant({ granteeName: '李娜', equityShare: '2.0000', grantedOn: '2025-03-01' })] }),
        await record(size, { totalEquityShare: '5.0000', grants: [grant({ equityShare: '3.0001' }), grant({ granteeName: '李娜', equityShare: '1.9999', grantedOn: '2025-03-01' })] }),
      ]);
    }
    expect(results).toEqual(
      SIZES.map((size) => [
        size,
        {
          plan: {
            form: 'EQUITY_SALE',
            totalEquityShare: '5.0000',
            profitShare: null,
            grants: { nodes: [{ granteeName: '张伟', equityShare: '3.0000', serviceYears: 5 }, { granteeName: '李娜', equityShare: '2.0000', serviceYears: 5 }] },
          },
          errors: [],
        },
        refused(capError('input.grants.0.equityShare', 'PER_PERSON_CAP: ≤ 3% of equity per person, all plans together', '张伟 would hold 3.0001% of equity from incentives; one person may get at most 3%.')),
      ]),
    );
  });

  it('caps position-based dividends at 15% of profit, whatever the size (project dividends are not capped)', async () => {
    const results = [];
    for (const size of SIZES) {
      results.push([
        size,
        // A position dividend plan runs at most three years and names the staff in post; a project dividend from
        // industrialisation runs three to five years.
        await record(size, { form: 'POSITION_DIVIDEND', profitShare: '15.0000', endsOn: '2027-12-31', staffInPost: 100 }),
        await record(size, { form: 'POSITION_DIVIDEND', profitShare: '15.0001', endsOn: '2027-12-31', staffInPost: 100 }),
        await record(size, { form: 'PROJECT_DIVIDEND', profitShare: '15.0001', projectBasis: 'INDUSTRIALIZATION', endsOn: '2028-12-31' }),
      ]);
    }
    expect(results).toEqual(
      SIZES.map((size) => [
        size,
        { plan: { form: 'POSITION_DIVIDEND', totalEquityShare: null, profitShare: '15.0000', grants: { nodes: [] } }, errors: [] },
        refused(capError('input.profitShare', 'POSITION_DIVIDEND_CAP: ≤ 15% of the year’s after-tax profit, all plans together', 'Position dividends would distribute 15.0001% of after-tax profit; at most 15% a year.')),
        { plan: { form: 'PROJECT_DIVIDEND', totalEquityShare: null, profitShare: '15.0001', grants: { nodes: [] } }, errors: [] },
      ]),
    );
  });

  it('awards equity only after 3 years of service, whatever the size', async () => {
    const results = [];
    for (const size of SIZES) {
      results.push([
        size,
        // Awarded to key technical staff, matched 1:1 by a purchase, its appraised value within 15% of the net-asset increase.
        await record(size, { form: 'EQUITY_AWARD', totalEquityShare: '5.0000', netAssetIncrease: '100000000.00', grants: [award({ serviceYears: 3 })] }),
        await record(size, { form: 'EQUITY_AWARD', totalEquityShare: '5.0000', netAssetIncrease: '100000000.00', grants: [award({ serviceYears: 2 })] }),
      ]);
    }
    expect(results).toEqual(
      SIZES.map((size) => [
        size,
        { plan: { form: 'EQUITY_AWARD', totalEquityShare: '5.0000', profitShare: null, grants: { nodes: [{ granteeName: '张伟', equityShare: '1.0000', serviceYears: 3 }] } }, errors: [] },
        refused(capError('input.grants.0.serviceYears', 'AWARD_MIN_SERVICE: equity awards need ≥ 3 years of service', '张伟 has served 2 years; an equity award needs at least 3.')),
      ]),
    );
  });

  it('lets options be exercised 1 year after the grant at the earliest, and for at most 5 years from then', async () => {
    const option = (firstExerciseOn: string, lastExerciseOn: string) => ({
      form: 'STOCK_OPTION',
      totalEquityShare: '5.0000',
      grants: [grant({ firstExerciseOn, lastExerciseOn })],
    });
    const results = [];
    for (const size of ['SMALL', 'MICRO'] as const) {
      results.push([
        size,
        await record(size, option('2026-02-01', '2031-02-01')),
        await record(size, option('2026-01-31', '2031-01-31')),
        await record(size, option('2026-02-01', '2031-02-02')),
      ]);
    }
    expect(results).toEqual(
      ['SMALL', 'MICRO'].map((size) => [
        size,
        { plan: { form: 'STOCK_OPTION', totalEquityShare: '5.0000', profitShare: null, grants: { nodes: [{ granteeName: '张伟', equityShare: '1.0000', serviceYears: 5 }] } }, errors: [] },
        refused(capError('input.grants.0.firstExerciseOn', 'OPTION_VESTING: ≥ 1 year from grant to first exercise', 'Options granted on 2025-02-01 may first be exercised on 2026-02-01, not 2026-01-31.')),
        refused(capError('input.grants.0.lastExerciseOn', 'OPTION_EXERCISE_WINDOW: exercised within 5 years', 'The exercise window from 2026-02-01 may run to 2031-02-01 at the latest.')),
      ]),
    );
  });
  it('applies each rule to its own form only, and refuses an incomplete plan as invalid input, not a crash', async () => {
    const invalid = (field: string, message: string) => ({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field, message });
    expect([
      // Service years bind equity awards only: a sale to a newcomer is a sale.
      await record('SMALL', { form: 'EQUITY_SALE', totalEquityShare: '5.0000', grants: [grant({ serviceYears: 1 })] }),
      // Exercise dates belong to options: on a sale they are refused as such, not measured as an option's.
      await record('SMALL', { form: 'EQUITY_SALE', totalEquityShare: '5.0000', grants: [grant({ firstExerciseOn: '2025-03-01', lastExerciseOn: '2031-03-01' })] }),
      // An option grant without its first exercise date.
      await record('SMALL', { form: 'STOCK_OPTION', totalEquityShare: '5.0000', grants: [grant({ lastExerciseOn: '2031-02-01' })] }),
      // An equity plan states the equity it grants.
      await record('SMALL', { form: 'EQUITY_SALE', grants: [grant()] }),
    ]).toEqual([
      { plan: { form: 'EQUITY_SALE', totalEquityShare: '5.0000', profitShare: null, grants: { nodes: [{ granteeName: '张伟', equityShare: '1.0000', serviceYears: 1 }] } }, errors: [] },
      { plan: null, errors: [invalid('input.grants.0', 'Only option grants have exercise dates.')] },
      { plan: null, errors: [invalid('input.grants.0', 'An option grant states its first and last exercise dates.')] },
      { plan: null, errors: [invalid('input.totalEquityShare', 'A EQUITY_SALE plan states the equity it grants.')] },
    ]);
  });
});
