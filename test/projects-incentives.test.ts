import { Role } from '../src/auth/roles';
import {
  CreateEnterpriseDocument,
  InstitutionsDocument,
  RecordIncentivePlanDocument,
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
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_LARGE, '武汉国有大型光电有限公司', { size: 'LARGE', stateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_SMALL, '武汉国有小型激光有限公司', { size: 'SMALL', stateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(PRIVATE, '武汉民营软件有限公司', { size: 'LARGE', stateOwned: false }) }, admin);
    await app.execute(RecordPatentDocument, { input: { creditCode: SOE_LARGE, number: 'ZL201410012345.9', title: '一种光模块', legalStatus: 'VALID', grantedOn: '2016-01-01' } }, admin);
    const institutions = (await app.execute(InstitutionsDocument, {}, admin)).data!.institutions;
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
          startDate: '2024-03-01',
          platform: '光电联合研发中心',
          disposalRightsPilot: true,
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
        disposalRightsPilot: true,
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
          startDate: '2025-03-01',
          endDate: '2024-03-01',
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
      ['input.endDate', 'input.endDate (2024-03-01) is before the start (2025-03-01).'],
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
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_LARGE, '武汉国有大型光电有限公司', { size: 'LARGE', stateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(SOE_SMALL, '武汉国有小型激光有限公司', { size: 'SMALL', stateOwned: true }) }, admin);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(PRIVATE, '武汉民营软件有限公司', { size: 'LARGE', stateOwned: false }) }, admin);
  });
  afterAll(() => app.close());

  const grant = (extra: Record<string, unknown> = {}) => ({
    granteeName: '张伟',
    position: '首席科学家',
    equityShare: '2.0000',
    serviceYears: 5,
    grantedOn: '2024-06-01',
    ...extra,
  });
  const plan = (creditCode: string, extra: Record<string, unknown>) =>
    app.execute(
      RecordIncentivePlanDocument,
      { input: { creditCode, title: '2024年股权激励计划', form: 'EQUITY_AWARD', approvedOn: '2024-05-01', totalEquityShare: '4.0000', grants: [grant()], ...extra } },
      admin,
    );
  const rules = async (creditCode: string, extra: Record<string, unknown>) =>
    (await plan(creditCode, extra)).data!.recordIncentivePlan.errors.map((e) => [e.code, 'rule' in e ? e.rule : null, e.field]);

  it('records a plan within the caps, with its grants', async () => {
    const result = await plan(SOE_LARGE, {});
    expect(result.data!.recordIncentivePlan).toEqual({
      errors: [],
      plan: { title: '2024年股权激励计划', form: 'EQUITY_AWARD', totalEquityShare: '4.0000', profitShare: null, grants: [{ granteeName: '张伟', equityShare: '2.0000' }] },
    });
  });

  it('refuses each broken cap, naming its rule, for a state-owned enterprise', async () => {
    expect(await rules(SOE_LARGE, { totalEquityShare: '5.5000' })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_LARGE: ≤ 5% of equity for a large enterprise', 'input.totalEquityShare'],
    ]);
    expect(await rules(SOE_SMALL, { totalEquityShare: '30.0000' })).toEqual([]);
    expect(await rules(SOE_SMALL, { totalEquityShare: '30.0100' })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'TOTAL_CAP_SMALL: ≤ 30% of equity for a small enterprise', 'input.totalEquityShare'],
    ]);
    expect(await rules(SOE_SMALL, { totalEquityShare: '10.0000', grants: [grant({ equityShare: '3.5000' })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'PER_PERSON_CAP: ≤ 3% of equity per person', 'input.grants.0.equityShare'],
    ]);
    expect(await rules(SOE_SMALL, { grants: [grant({ serviceYears: 2 })] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'AWARD_MIN_SERVICE: equity awards need ≥ 3 years of service', 'input.grants.0.serviceYears'],
    ]);
    expect(
      await rules(SOE_SMALL, { form: 'STOCK_OPTION', grants: [grant({ firstExerciseOn: '2025-05-31', exerciseDeadline: '2030-06-01' })] }),
    ).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'OPTION_VESTING: ≥ 1 year from grant to first exercise', 'input.grants.0.firstExerciseOn'],
      ['INCENTIVE_CAP_EXCEEDED', 'OPTION_EXERCISE_WINDOW: exercised within 5 years', 'input.grants.0.exerciseDeadline'],
    ]);
    expect(await rules(SOE_SMALL, { form: 'POSITION_DIVIDEND', totalEquityShare: null, profitShare: '16.0000', grants: [] })).toEqual([
      ['INCENTIVE_CAP_EXCEEDED', 'POSITION_DIVIDEND_CAP: ≤ 15% of profit', 'input.profitShare'],
    ]);
  });

  it('applies the state-owned caps only to state-owned enterprises, and still checks the plan itself', async () => {
    const plans = async () => Number((await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from equity_incentive_plan'))[0]!.n);
    const before = await plans();
    expect(await rules(PRIVATE, { totalEquityShare: '20.0000', grants: [grant({ equityShare: '6.0000', serviceYears: 1 })] })).toEqual([]);
    expect(await rules(PRIVATE, { totalEquityShare: '5.0000', grants: [grant({ equityShare: '6.0000' })] })).toEqual([
      ['INVALID_INPUT', null, 'input.grants'],
    ]);
    expect(await plans()).toBe(before + 1); // the accepted plan; the refused one left nothing
  });

  it('refuses a malformed plan whole, naming each field and why, and writes nothing', async () => {
    const plans = async () => Number((await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from equity_incentive_plan'))[0]!.n);
    const before = await plans();
    const refusal = async (extra: Record<string, unknown>) =>
      (await plan(PRIVATE, extra)).data!.recordIncentivePlan.errors.map((e) => [e.code, e.field, e.message]);
    // A dividend plan states its share of profit and grants no equity; an equity plan states its equity.
    expect(await refusal({ form: 'PROJECT_DIVIDEND', totalEquityShare: '4.0000', grants: [] })).toEqual([
      ['INVALID_INPUT', 'input.profitShare', 'A PROJECT_DIVIDEND plan states the share of profit it distributes.'],
      ['INVALID_INPUT', 'input.totalEquityShare', 'A dividend plan grants no equity.'],
    ]);
    expect(await refusal({ form: 'POSITION_DIVIDEND', totalEquityShare: null, profitShare: null, grants: [] })).toEqual([
      ['INVALID_INPUT', 'input.profitShare', 'A POSITION_DIVIDEND plan states the share of profit it distributes.'],
    ]);
    expect(await refusal({ form: 'EQUITY_AWARD', totalEquityShare: null })).toEqual([
      ['INVALID_INPUT', 'input.totalEquityShare', 'A EQUITY_AWARD plan states the equity it grants.'],
    ]);
    // Each grant's own fields, by index; an option needs both exercise dates, any other form neither.
    expect(
      await refusal({
        form: 'STOCK_OPTION',
        grants: [grant({ granteeName: ' ', grantedOn: '2024-04-30', firstExerciseOn: '2025-06-01' }), grant({ exerciseDeadline: '2030-06-01' })],
      }),
    ).toEqual([
      ['INVALID_INPUT', 'input.grants.0.granteeName', 'input.grants.0.granteeName must not be empty.'],
      ['INVALID_INPUT', 'input.grants.0.grantedOn', 'input.grants.0.grantedOn (2024-04-30) is before the start (2024-05-01).'],
      ['INVALID_INPUT', 'input.grants.0', 'An option grant states its first exercise date and its deadline.'],
      ['INVALID_INPUT', 'input.grants.1', 'An option grant states its first exercise date and its deadline.'],
    ]);
    expect(await refusal({ grants: [grant({ firstExerciseOn: '2025-06-01' })] })).toEqual([
      ['INVALID_INPUT', 'input.grants.0', 'Only option grants have exercise dates.'],
    ]);
    expect(await refusal({ totalEquityShare: '3.0000', grants: [grant(), grant({ granteeName: '李娜' })] })).toEqual([
      ['INVALID_INPUT', 'input.grants', "The grants add up to 4.0000%, more than the plan's 3.0000%."],
    ]);
    expect(await plans()).toBe(before);
  });

  it('lists a plan’s grants in the order they were granted', async () => {
    const result = await plan(PRIVATE, {
      grants: [grant({ granteeName: '后授', grantedOn: '2024-09-01' }), grant({ granteeName: '先授', grantedOn: '2024-06-01' })],
    });
    expect(result.data!.recordIncentivePlan.plan!.grants).toEqual([
      { granteeName: '先授', equityShare: '2.0000' },
      { granteeName: '后授', equityShare: '2.0000' },
    ]);
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
