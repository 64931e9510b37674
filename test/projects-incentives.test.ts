import { Role } from '../src/auth/roles';
import {
  CreateEnterpriseDocument,
  InstitutionsDocument,
  RecordIncentivePlanDocument,
  RecordIncentivePlanInFullDocument,
  RecordPatentDocument,
  RecordResearchProjectDocument,
  RecordTalentAwardDocument,
  RecordTaxPilotUsageDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

const admin = as(Role.ZONE_ADMIN);
const SOE_LARGE = testCode(301);
const SOE_SMALL = testCode(302);
const PRIVATE = testCode(303);

describe('industry–university–research projects', () => {
  let app: TestApp;
  let hust: string;
  let wnlo: string;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_LARGE, '武汉国有大型光电有限公司', { size: 'LARGE', isStateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_SMALL, '武汉国有小型激光有限公司', { size: 'SMALL', isStateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(PRIVATE, '武汉民营软件有限公司', { size: 'LARGE', isStateOwned: false }) }, admin);
    await app.execute(RecordPatentDocument, { input: { creditCode: SOE_LARGE, number: 'ZL201410012345.9', title: '一种光模块', legalStatus: 'VALID', grantedOn: '2016-01-01' } }, admin);
    const institutions = (await app.execute(InstitutionsDocument, { first: 100 }, admin)).data!.institutions.edges.map((e) => e.node);
    hust = institutions.find((i) => i.name === '华中科技大学')!.id;
    wnlo = institutions.find((i) => i.name === '武汉光电国家研究中心')!.id;
  });
  afterAll(() => app.close());

  it('records a project with participants and roles, budget by source, outputs and the disposal-rights flag', async () => {
    const result = await app.execute(
      RecordResearchProjectDocument,
      {
        input: {
          title: '硅光芯片关键技术联合攻关',
          status: 'ACTIVE',
          startsOn: '2024-03-01',
          platform: '光电联合研发中心',
          isUnderDisposalRightsPilot: true,
          participants: [
            { creditCode: SOE_LARGE, role: 'FUNDER' },
            { institutionId: hust, role: 'LEAD_RESEARCH_INSTITUTION' },
            { institutionId: wnlo, role: 'PARTNER' },
          ],
          budget: [
            { source: 'ENTERPRISE', amount: '3000000.00' },
            { source: 'GOVERNMENT', amount: '1000000.00' },
          ],
          outputs: [{ kind: 'PATENT', title: '联合申请发明专利', patentNumber: 'ZL201410012345.9' }],
        },
      },
      admin,
    );
    expect(result.data!.recordResearchProject).toEqual({
      errors: [],
      project: {
        title: '硅光芯片关键技术联合攻关',
        status: 'ACTIVE',
        platform: '光电联合研发中心',
        isUnderDisposalRightsPilot: true,
        totalBudget: '4000000.00',
        participants: [
          { role: 'FUNDER', enterprise: { creditCode: SOE_LARGE }, institution: null },
          { role: 'LEAD_RESEARCH_INSTITUTION', enterprise: null, institution: { name: '华中科技大学' } },
          { role: 'PARTNER', enterprise: null, institution: { name: '武汉光电国家研究中心' } },
        ],
        budget: [
          { source: 'ENTERPRISE', amount: '3000000.00' },
          { source: 'GOVERNMENT', amount: '1000000.00' },
        ],
        outputs: [{ kind: 'PATENT', title: '联合申请发明专利', patent: { number: 'ZL201410012345.9' } }],
      },
    });
  });

  it('refuses a project without a university, with an enterprise leading the research, or ending before it starts', async () => {
    const result = await app.execute(
      RecordResearchProjectDocument,
      {
        input: {
          title: '无高校项目',
          status: 'PLANNED',
          startsOn: '2025-03-01',
          endsOn: '2024-03-01',
          participants: [
            { creditCode: SOE_LARGE, role: 'LEAD_RESEARCH_INSTITUTION' },
            { role: 'PARTNER' },
          ],
          budget: [{ source: 'ENTERPRISE', amount: '0.00' }],
          outputs: [{ kind: 'PATENT', title: '专利' }],
        },
      },
      admin,
    );
    expect(result.data!.recordResearchProject.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.endsOn', 'input.endsOn (2024-03-01) is before the start (2025-03-01).'],
      ['input.participants.1', 'A participant is either an enterprise (creditCode) or an institution (institutionId).'],
      ['input.participants', 'A 产学研 project needs at least one university or research institute.'],
      ['input.participants', 'The lead research institution must be a university or institute.'],
      ['input.budget.0.amount', 'input.budget.0.amount must be more than 0.'],
      ['input.outputs.0.patentNumber', 'A patent output names its patent.'],
    ]);
  });
});

describe('equity incentive plans and the 2016 caps', () => {
  let app: TestApp;
  /** Each cap is tried on enterprises of its own: the caps add up over an enterprise's plans. */
  let next = 320;
  const soe = async (size: 'LARGE' | 'MEDIUM' | 'SMALL' | 'MICRO', stateOwned = true) => {
    const code = testCode(next++);
    const made = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, `武汉国有${next}号光电有限公司`, { size, isStateOwned: stateOwned }) }, admin);
    expect(made.data!.createEnterprise.errors).toEqual([]);
    return code;
  };
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_LARGE, '武汉国有大型光电有限公司', { size: 'LARGE', isStateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_SMALL, '武汉国有小型激光有限公司', { size: 'SMALL', isStateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(PRIVATE, '武汉民营软件有限公司', { size: 'LARGE', isStateOwned: false }) }, admin);
  });
  afterAll(() => app.close());

  /** An award grant as 4号 wants it: key technical staff, 5 years' service, matched 1:1 (3% in all), ¥1m at appraised value. */
  const grant = (extra: Record<string, unknown> = {}) => ({
    granteeName: '张伟',
    position: '首席科学家',
    equityShare: '1.5000',
    purchasedShare: '1.5000',
    awardValue: '1000000.00',
    isKeyTechnicalStaff: true,
    serviceYears: 5,
    grantedOn: '2024-06-01',
    ...extra,
  });
  /** The same person's grant under a sale or option plan: equity only. */
  const equityGrant = (extra: Record<string, unknown> = {}) => grant({ purchasedShare: null, awardValue: null, ...extra });
  const dividendGrant = (extra: Record<string, unknown> = {}) => ({
    granteeName: '王芳',
    position: '光模块产品线经理',
    serviceYears: 6,
    yearsInPost: 2,
    dividendAmount: '200000.00',
    annualPay: '300000.00',
    grantedOn: '2024-06-01',
    ...extra,
  });
  const plan = (creditCode: string, extra: Record<string, unknown>) =>
    app.execute(
      RecordIncentivePlanDocument,
      {
        input: {
          creditCode,
          title: '2024年股权激励计划',
          form: 'EQUITY_AWARD',
          approvedOn: '2024-05-01',
          totalEquityShare: '4.0000',
          netAssetIncrease: '20000000.00',
          grants: [grant()],
          ...extra,
        },
      },
      admin,
    );
  const rules = async (creditCode: string, extra: Record<string, unknown>) =>
    (await plan(creditCode, extra)).data!.recordIncentivePlan.errors.map((e) => [e.code, 'rule' in e ? e.rule : null, e.field]);
  const positionDividend = (extra: Record<string, unknown> = {}) => ({
    title: '2024—2026年岗位分红方案',
    form: 'POSITION_DIVIDEND',
    totalEquityShare: null,
    netAssetIncrease: null,
    profitShare: '15.0000',
    endsOn: '2027-04-30',
    staffInPost: 10,
    grants: [dividendGrant(), dividendGrant({ granteeName: '刘洋' }), dividendGrant({ granteeName: '陈静' })],
    ...extra,
  });
  const plans = async () => Number((await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from equity_incentive_plan'))[0]!.n);

  it('records a plan within the caps, with its grants', async () => {
    const result = await plan(SOE_LARGE, {});
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordIncentivePlan).toEqual({
      errors: [],
      plan: { title: '2024年股权激励计划', form: 'EQUITY_AWARD', totalEquityShare: '4.0000', profitShare: null, grants: { nodes: [{ granteeName: '张伟', equityShare: '1.5000' }] } },
    });
  });

  it('records every figure the rules read, as given', async () => {
    const code = await soe('SMALL');
    const award = await app.execute(RecordIncentivePlanInFullDocument, { input: { creditCode: code, title: '2024年股权奖励方案', form: 'EQUITY_AWARD', approvedOn: '2024-05-01', totalEquityShare: '4.0000', netAssetIncrease: '20000000.00', grants: [grant()] } }, admin);
    expect(award.data!.recordIncentivePlan).toEqual({
      errors: [],
      plan: {
        title: '2024年股权奖励方案',
        form: 'EQUITY_AWARD',
        approvedOn: '2024-05-01',
        endsOn: null,
        totalEquityShare: '4.0000',
        profitShare: null,
        projectBasis: null,
        netAssetIncrease: '20000000.00',
        staffInPost: null,
        grants: {
          nodes: [
            { granteeName: '张伟', position: '首席科学家', isKeyTechnicalStaff: true, serviceYears: 5, yearsInPost: null, equityShare: '1.5000', purchasedShare: '1.5000', awardValue: '1000000.00', dividendAmount: null, annualPay: null },
          ],
        },
      },
    });
    const dividend = await app.execute(
      RecordIncentivePlanInFullDocument,
      {
        input: {
          creditCode: code,
          title: '光模块成果转化项目收益分红',
          form: 'PROJECT_DIVIDEND',
          approvedOn: '2024-05-01',
          endsOn: '2028-04-30',
          profitShare: '5.0000',
          projectBasis: 'INDUSTRIALIZATION',
          grants: [{ granteeName: '李强', position: '项目负责人', serviceYears: 8, dividendAmount: '150000.00', grantedOn: '2024-06-01' }],
        },
      },
      admin,
    );
    expect(dividend.data!.recordIncentivePlan).toEqual({
      errors: [],
      plan: {
        title: '光模块成果转化项目收益分红',
        form: 'PROJECT_DIVIDEND',
        approvedOn: '2024-05-01',
        endsOn: '2028-04-30',
        totalEquityShare: null,
        profitShare: '5.0000',
        projectBasis: 'INDUSTRIALIZATION',
        netAssetIncrease: null,
        staffInPost: null,
        grants: {
          nodes: [
            { granteeName: '李强', position: '项目负责人', isKeyTechnicalStaff: false, serviceYears: 8, yearsInPost: null, equityShare: null, purchasedShare: null, awardValue: null, dividendAmount: '150000.00', annualPay: null },
          ],
        },
      },
    });
  });

  it('refuses each broken cap, naming its rule, for a state-owned enterprise', async () => {
    expect(await rules(await soe('LARGE'), { totalEquityShare: '5.0000', grants: [grant({ equityShare: '1.5000', purchasedShare: '1.5000' })] })).toEqual([]);
    expect(await rules(await soe('LARGE'), { totalEquityShare: '5.0001' })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_LARGE: ≤ 5% of equity for a large enterprise, all plans together', 'input.totalEquityShare'],
    ]);
    expect(await rules(await soe('MEDIUM'), { totalEquityShare: '10.0000' })).toEqual([]);
    expect(await rules(await soe('MEDIUM'), { totalEquityShare: '10.0001' })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_MEDIUM: ≤ 10% of equity for a medium enterprise, all plans together', 'input.totalEquityShare'],
    ]);
    expect(await rules(await soe('SMALL'), { totalEquityShare: '30.0000' })).toEqual([]);
    expect(await rules(await soe('MICRO'), { totalEquityShare: '30.0100' })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_SMALL: ≤ 30% of equity for a small or micro enterprise, all plans together', 'input.totalEquityShare'],
    ]);
    // 3% per person counts what the person buys alongside an award: 1.5% awarded and 1.5% bought is 3%.
    expect(await rules(await soe('SMALL'), { totalEquityShare: '10.0000', grants: [grant({ equityShare: '1.5000', purchasedShare: '1.5000' })] })).toEqual([]);
    expect(await rules(await soe('SMALL'), { totalEquityShare: '10.0000', grants: [grant({ equityShare: '1.5000', purchasedShare: '1.5001' })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'PER_PERSON_CAP: ≤ 3% of equity per person, all plans together', 'input.grants.0.equityShare'],
    ]);
    expect(await rules(await soe('SMALL'), { grants: [grant({ serviceYears: 3 })] })).toEqual([]);
    expect(await rules(await soe('SMALL'), { grants: [grant({ serviceYears: 2 })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_MIN_SERVICE: equity awards need ≥ 3 years of service', 'input.grants.0.serviceYears'],
    ]);
    expect(
      await rules(await soe('SMALL'), { form: 'STOCK_OPTION', netAssetIncrease: null, grants: [equityGrant({ firstExerciseOn: '2025-05-31', lastExerciseOn: '2030-06-01' })] }),
    ).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'OPTION_VESTING: ≥ 1 year from grant to first exercise', 'input.grants.0.firstExerciseOn'],
      ['INCENTIVE_CAP_EXCEEDED', 'OPTION_EXERCISE_WINDOW: exercised within 5 years', 'input.grants.0.lastExerciseOn'],
    ]);
    expect(
      await rules(await soe('MICRO'), { form: 'STOCK_OPTION', netAssetIncrease: null, grants: [equityGrant({ firstExerciseOn: '2025-06-01', lastExerciseOn: '2030-06-01' })] }),
    ).toEqual([]);
  });

  it('refuses stock options to large and medium enterprises, and forms 4号 does not provide for, with a typed error', async () => {
    const option = { form: 'STOCK_OPTION', netAssetIncrease: null, grants: [equityGrant({ firstExerciseOn: '2025-06-01', lastExerciseOn: '2030-06-01' })] };
    expect(await rules(await soe('LARGE'), option)).toEqual([
      ['INCENTIVE_FORM_NOT_ALLOWED', 'OPTIONS_SMALL_MICRO_ONLY: stock options for small and micro enterprises only', 'input.form'],
    ]);
    expect(await rules(await soe('MEDIUM'), option)).toEqual([
      ['INCENTIVE_FORM_NOT_ALLOWED', 'OPTIONS_SMALL_MICRO_ONLY: stock options for small and micro enterprises only', 'input.form'],
    ]);
    expect(await rules(await soe('SMALL'), option)).toEqual([]);
    const before = await plans();
    for (const form of ['RESTRICTED_STOCK', 'TECHNOLOGY_AS_CAPITAL']) {
      expect(await rules(await soe('SMALL'), { form, netAssetIncrease: null, grants: [equityGrant()] })).toEqual([
        ['INCENTIVE_FORM_NOT_ALLOWED', 'FORM_NOT_IN_SCHEME: 财资〔2016〕4号 provides for equity sale, award and options, and project and position dividends', 'input.form'],
      ]);
    }
    expect(await plans()).toBe(before);
    // Not a state-owned plan: 4号 does not govern it, restricted stock is the enterprise's choice.
    expect(await rules(PRIVATE, { form: 'RESTRICTED_STOCK', netAssetIncrease: null, grants: [equityGrant()] })).toEqual([]);
  });

  it('adds up every plan of the enterprise and every grant to a person, to the cap and not a ten-thousandth over', async () => {
    const code = await soe('LARGE');
    expect(await rules(code, { form: 'EQUITY_SALE', netAssetIncrease: null, totalEquityShare: '3.0000', grants: [equityGrant({ equityShare: '1.0000' })] })).toEqual([]);
    // A draft grants nothing yet: it is checked, but not counted against later plans.
    expect(await rules(code, { status: 'DRAFT', form: 'EQUITY_SALE', netAssetIncrease: null, totalEquityShare: '2.0000', grants: [] })).toEqual([]);
    // 3% + 2.0001% is over 5%; 3% + 2% is just met. 张伟 holds 1% + 2% = 3% exactly.
    expect(await rules(code, { totalEquityShare: '2.0001', grants: [grant({ equityShare: '1.0000', purchasedShare: '1.0000' })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_LARGE: ≤ 5% of equity for a large enterprise, all plans together', 'input.totalEquityShare'],
    ]);
    const at = await plan(code, { totalEquityShare: '2.0000', grants: [grant({ equityShare: '1.0000', purchasedShare: '1.0000' })] });
    expect(at.data!.recordIncentivePlan.errors).toEqual([]);
    // Another plan of the same large enterprise: over the total, and over 3% for 张伟, each message saying what was held.
    expect((await plan(code, { totalEquityShare: '0.0002', grants: [grant({ equityShare: '0.0001', purchasedShare: '0.0001' })] })).data!.recordIncentivePlan.errors).toEqual([
      {
        __typename: 'IncentiveCapExceededError',
        code: 'INCENTIVE_CAP_EXCEEDED',
        field: 'input.totalEquityShare',
        rule: 'TOTAL_CAP_LARGE: ≤ 5% of equity for a large enterprise, all plans together',
        message: 'The plan grants 0.0002% of equity on top of 5.0000% granted by earlier plans (5.0002% in all); a large state-owned tech enterprise may grant at most 5%.',
      },
      {
        __typename: 'IncentiveCapExceededError',
        code: 'INCENTIVE_CAP_EXCEEDED',
        field: 'input.grants.0.equityShare',
        rule: 'PER_PERSON_CAP: ≤ 3% of equity per person, all plans together',
        message: '张伟 would hold 3.0002% of equity from incentives (3.0000% before this grant); one person may get at most 3%.',
      },
    ]);
  });

  it('gives equity awards only to key technical staff, matched 1:1, ≤ ¥3m a person over all plans and ≤ 15% of the net-asset increase', async () => {
    const code = await soe('SMALL');
    expect(await rules(code, { grants: [grant({ isKeyTechnicalStaff: false, equityShare: '1.0000', purchasedShare: '0.9999' })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_KEY_TECHNICAL_STAFF: equity awards go to key technical staff only', 'input.grants.0.isKeyTechnicalStaff'],
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_MATCHED_PURCHASE: each award matched by a purchase of at least as much equity (≥ 1:1)', 'input.grants.0.purchasedShare'],
    ]);
    // ¥2m then ¥1m is ¥3m exactly; a cent more is over, counted across plans.
    expect(await rules(code, { grants: [grant({ equityShare: '1.0000', purchasedShare: '1.0000', awardValue: '2000000.00' })] })).toEqual([]);
    expect(await rules(code, { grants: [grant({ equityShare: '0.5000', purchasedShare: '0.5000', awardValue: '1000000.01' })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_VALUE_PER_PERSON: ≤ ¥3,000,000 of awards per person at appraised value, all plans together', 'input.grants.0.awardValue'],
    ]);
    expect(await rules(code, { grants: [grant({ equityShare: '0.5000', purchasedShare: '0.5000', awardValue: '1000000.00' })] })).toEqual([]);
    // Net-asset increase ¥20m: awards up to ¥3m in one plan.
    const other = await soe('SMALL');
    const two = (second: string) => [grant({ equityShare: '1.0000', purchasedShare: '1.0000', awardValue: '2000000.00' }), grant({ granteeName: '李娜', equityShare: '1.0000', purchasedShare: '1.0000', awardValue: second })];
    expect(await rules(other, { grants: two('1000000.01') })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_NET_ASSET_CAP: awards ≤ 15% of the three-year net-asset increase', 'input.grants'],
    ]);
    expect(await rules(other, { grants: two('1000000.00') })).toEqual([]);
  });

  it('holds position dividends to 15% of the year’s profit over overlapping plans, 30% of staff, a year in post, 2/3 of pay, 3 years', async () => {
    const code = await soe('MEDIUM');
    // 3 of 10 staff, 2/3 of pay exactly, to the last day of the third year.
    expect(await rules(code, positionDividend({ profitShare: '10.0000' }))).toEqual([]);
    const later = [dividendGrant({ grantedOn: '2025-06-01' })];
    expect(await rules(code, positionDividend({ profitShare: '5.0001', approvedOn: '2025-05-01', endsOn: '2026-04-30', grants: later }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_CAP: ≤ 15% of the year’s after-tax profit, all plans together', 'input.profitShare'],
    ]);
    expect(await rules(code, positionDividend({ profitShare: '5.0000', approvedOn: '2025-05-01', endsOn: '2026-04-30', grants: later }))).toEqual([]);
    // A plan ending the day before the first one starts shares no year with it; one ending on that day does.
    const earlier = [dividendGrant({ grantedOn: '2021-06-01' }), dividendGrant({ granteeName: '刘洋', grantedOn: '2021-06-01' })];
    expect(await rules(code, positionDividend({ profitShare: '15.0000', approvedOn: '2021-05-01', endsOn: '2024-04-30', grants: earlier }))).toEqual([]);
    expect(await rules(code, positionDividend({ profitShare: '0.0001', approvedOn: '2021-05-02', endsOn: '2024-05-01', grants: earlier }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_CAP: ≤ 15% of the year’s after-tax profit, all plans together', 'input.profitShare'],
    ]);
    const fresh = await soe('MEDIUM');
    expect(
      await rules(
        fresh,
        positionDividend({
          endsOn: '2027-05-01',
          staffInPost: 9,
          grants: [dividendGrant({ yearsInPost: 0 }), dividendGrant({ granteeName: '刘洋', dividendAmount: '200000.01' }), dividendGrant({ granteeName: '陈静' })],
        }),
      ),
    ).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_TERM: a plan runs ≤ 3 years', 'input.endsOn'],
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_STAFF_SHARE: ≤ 30% of staff in post per round', 'input.grants'],
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_YEAR_IN_POST: ≥ 1 year in the post', 'input.grants.0.yearsInPost'],
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_PAY_SHARE: a person’s position dividend ≤ 2/3 of their pay', 'input.grants.1.dividendAmount'],
    ]);
    expect(await rules(fresh, positionDividend({ profitShare: '15.0001' }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_CAP: ≤ 15% of the year’s after-tax profit, all plans together', 'input.profitShare'],
    ]);
  });

  it('draws project dividends from a result: ≥ 50% of transfer or licence income, or ≥ 5% of operating profit for 3–5 years', async () => {
    const code = await soe('LARGE');
    const project = (extra: Record<string, unknown>) => ({
      title: '硅光芯片成果转化项目收益分红',
      form: 'PROJECT_DIVIDEND',
      totalEquityShare: null,
      netAssetIncrease: null,
      endsOn: '2027-04-30',
      grants: [dividendGrant({ yearsInPost: null, annualPay: null })],
      ...extra,
    });
    expect(await rules(code, project({ projectBasis: 'TRANSFER_OR_LICENSE', profitShare: '50.0000' }))).toEqual([]);
    expect(await rules(code, project({ projectBasis: 'TRANSFER_OR_LICENSE', profitShare: '49.9999' }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'PROJECT_DIVIDEND_FLOOR: ≥ 50% for TRANSFER_OR_LICENSE', 'input.profitShare'],
    ]);
    expect(await rules(code, project({ projectBasis: 'INDUSTRIALIZATION', profitShare: '5.0000', endsOn: '2027-04-30' }))).toEqual([]);
    expect(await rules(code, project({ projectBasis: 'INDUSTRIALIZATION', profitShare: '5.0000', endsOn: '2029-04-30' }))).toEqual([]);
    expect(await rules(code, project({ projectBasis: 'INDUSTRIALIZATION', profitShare: '4.9999', endsOn: '2027-04-29' }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'PROJECT_DIVIDEND_FLOOR: ≥ 5% for INDUSTRIALIZATION', 'input.profitShare'],
      ['INCENTIVE_CAP_EXCEEDED', 'PROJECT_DIVIDEND_TERM: from industrialization, each year for 3 to 5 years', 'input.endsOn'],
    ]);
    expect(await rules(code, project({ projectBasis: 'INDUSTRIALIZATION', profitShare: '5.0000', endsOn: '2029-05-01' }))).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'PROJECT_DIVIDEND_TERM: from industrialization, each year for 3 to 5 years', 'input.endsOn'],
    ]);
    expect(await rules(code, project({ profitShare: '50.0000' }))).toEqual([['INVALID_INPUT', null, 'input.projectBasis']]);
  });

  it('applies the state-owned caps only to state-owned enterprises, and still checks the plan itself', async () => {
    const before = await plans();
    expect(await rules(PRIVATE, { totalEquityShare: '20.0000', netAssetIncrease: null, grants: [grant({ equityShare: '6.0000', purchasedShare: null, awardValue: null, isKeyTechnicalStaff: false, serviceYears: 1 })] })).toEqual([]);
    expect(await rules(PRIVATE, { totalEquityShare: '5.0000', grants: [grant({ equityShare: '6.0000', purchasedShare: null, awardValue: null })] })).toEqual([
      ['INVALID_INPUT', null, 'input.grants'],
    ]);
    expect(await plans()).toBe(before + 1); // the accepted plan; the refused one left nothing
  });

  it('refuses a state-owned plan without the figures its caps read', async () => {
    const code = await soe('SMALL');
    expect(await rules(code, { netAssetIncrease: null, grants: [grant({ awardValue: null })] })).toEqual([
      ['INVALID_INPUT', null, 'input.netAssetIncrease'],
      ['INVALID_INPUT', null, 'input.grants.0.awardValue'],
    ]);
    expect(await rules(code, positionDividend({ staffInPost: null, grants: [dividendGrant({ annualPay: null })] }))).toEqual([
      ['INVALID_INPUT', null, 'input.staffInPost'],
      ['INVALID_INPUT', null, 'input.grants.0'],
    ]);
  });

  it('refuses a malformed plan whole, naming each field and why, and writes nothing', async () => {
    const before = await plans();
    const refusal = async (extra: Record<string, unknown>) =>
      (await plan(PRIVATE, extra)).data!.recordIncentivePlan.errors.map((e) => [e.code, e.field, e.message]);
    // A dividend plan states its share of profit and its last day and grants no equity; an equity plan states its equity.
    expect(await refusal({ form: 'PROJECT_DIVIDEND', netAssetIncrease: null, projectBasis: 'INVESTMENT', totalEquityShare: '4.0000', grants: [] })).toEqual([
      ['INVALID_INPUT', 'input.profitShare', 'A PROJECT_DIVIDEND plan states the share of profit it distributes.'],
      ['INVALID_INPUT', 'input.totalEquityShare', 'A dividend plan grants no equity.'],
      ['INVALID_INPUT', 'input.endsOn', 'A PROJECT_DIVIDEND plan states its last day.'],
    ]);
    expect(await refusal({ form: 'POSITION_DIVIDEND', netAssetIncrease: null, totalEquityShare: null, profitShare: null, endsOn: '2024-04-30', grants: [dividendGrant({ equityShare: '1.0000' })] })).toEqual([
      ['INVALID_INPUT', 'input.profitShare', 'A POSITION_DIVIDEND plan states the share of profit it distributes.'],
      ['INVALID_INPUT', 'input.endsOn', 'input.endsOn (2024-04-30) is before the start (2024-05-01).'],
      ['INVALID_INPUT', 'input.grants.0', 'A dividend grants no equity.'],
    ]);
    expect(await refusal({ form: 'EQUITY_AWARD', totalEquityShare: null })).toEqual([
      ['INVALID_INPUT', 'input.totalEquityShare', 'A EQUITY_AWARD plan states the equity it grants.'],
    ]);
    expect(await refusal({ form: 'EQUITY_SALE', netAssetIncrease: null, grants: [grant({ equityShare: null, dividendAmount: '1.00' })] })).toEqual([
      ['INVALID_INPUT', 'input.grants.0.equityShare', 'A EQUITY_SALE grant states the equity it grants.'],
      ['INVALID_INPUT', 'input.grants.0', 'Only dividend grants have a dividend, pay or years in post.'],
      ['INVALID_INPUT', 'input.grants.0', 'Only award grants have a matched purchase or an award value.'],
    ]);
    // Each grant's own fields, by index; an option needs both exercise dates, any other form neither.
    expect(
      await refusal({
        form: 'STOCK_OPTION',
        netAssetIncrease: null,
        grants: [equityGrant({ granteeName: ' ', grantedOn: '2024-04-30', firstExerciseOn: '2025-06-01' }), equityGrant({ lastExerciseOn: '2030-06-01' })],
      }),
    ).toEqual([
      ['INVALID_INPUT', 'input.grants.0.granteeName', 'input.grants.0.granteeName must not be empty.'],
      ['INVALID_INPUT', 'input.grants.0.grantedOn', 'input.grants.0.grantedOn (2024-04-30) is before the start (2024-05-01).'],
      ['INVALID_INPUT', 'input.grants.0', 'An option grant states its first and last exercise dates.'],
      ['INVALID_INPUT', 'input.grants.1', 'An option grant states its first and last exercise dates.'],
    ]);
    expect(await refusal({ grants: [grant({ firstExerciseOn: '2025-06-01' })] })).toEqual([
      ['INVALID_INPUT', 'input.grants.0', 'Only option grants have exercise dates.'],
    ]);
    expect(await refusal({ totalEquityShare: '2.9999', grants: [grant({ purchasedShare: null }), grant({ granteeName: '李娜', purchasedShare: null })] })).toEqual([
      ['INVALID_INPUT', 'input.grants', "The grants add up to 3.0000%, more than the plan's 2.9999%."],
    ]);
    expect(await plans()).toBe(before);
  });

  it('lists a plan’s grants in the order they were granted', async () => {
    const result = await plan(PRIVATE, {
      grants: [grant({ granteeName: '后授', grantedOn: '2024-09-01', purchasedShare: null }), grant({ granteeName: '先授', grantedOn: '2024-06-01', purchasedShare: null })],
    });
    expect(result.data!.recordIncentivePlan.plan!.grants).toEqual({
      nodes: [
        { granteeName: '先授', equityShare: '1.5000' },
        { granteeName: '后授', equityShare: '1.5000' },
      ],
    });
  });

  it('refuses a talent award for an unregistered enterprise, or with a bad name or amount, writing nothing', async () => {
    const awards = async () => Number((await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from talent_award'))[0]!.n);
    const before = await awards();
    const refusal = async (input: Record<string, unknown>) =>
      (
        await app.execute(
          RecordTalentAwardDocument,
          { input: { creditCode: PRIVATE, scheme: 'HIGH_LEVEL_TALENT_REWARD', recipientName: '李娜', amount: '1000000.00', awardedOn: '2025-04-01', ...input } },
          admin,
        )
      ).data!.recordTalentAward.errors.map((e) => [e.code, e.field, e.message]);
    expect(await refusal({ creditCode: testCode(399) })).toEqual([
      ['NOT_FOUND', 'input.creditCode', `No enterprise with credit code ${testCode(399)} is registered.`],
    ]);
    expect(await refusal({ recipientName: '李'.repeat(101), amount: '0.00' })).toEqual([
      ['INVALID_INPUT', 'input.recipientName', 'input.recipientName must be at most 100 characters.'],
      ['INVALID_INPUT', 'input.amount', 'input.amount must be more than 0.'],
    ]);
    expect(await awards()).toBe(before);
  });

  it('records talent awards and tax pilot usage, once per pilot and year', async () => {
    const award = await app.execute(
      RecordTalentAwardDocument,
      { input: { creditCode: PRIVATE, scheme: 'HIGH_LEVEL_TALENT_REWARD', recipientName: '李娜', amount: '1000000.00', awardedOn: '2025-04-01' } },
      admin,
    );
    expect(award.data!.recordTalentAward).toEqual({
      award: { scheme: 'HIGH_LEVEL_TALENT_REWARD', recipientName: '李娜', amount: '1000000.00', awardedOn: '2025-04-01' },
      errors: [],
    });
    const usage = { creditCode: PRIVATE, pilot: 'RD_SUPER_DEDUCTION' as const, fiscalYear: 2024, reliefAmount: '350000.00' };
    expect((await app.execute(RecordTaxPilotUsageDocument, { input: usage }, admin)).data!.recordTaxPilotUsage).toEqual({
      usage: { pilot: 'RD_SUPER_DEDUCTION', fiscalYear: 2024, reliefAmount: '350000.00' },
      errors: [],
    });
    expect((await app.execute(RecordTaxPilotUsageDocument, { input: usage }, admin)).data!.recordTaxPilotUsage.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    const early = await app.execute(RecordTaxPilotUsageDocument, { input: { ...usage, pilot: 'TECH_TRANSFER_INCOME_RELIEF', fiscalYear: 2012 } }, admin);
    expect(early.data!.recordTaxPilotUsage.errors.map((e) => e.field)).toEqual(['input.fiscalYear']);
  });
});
