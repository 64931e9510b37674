import { Role } from '../src/auth/roles';
import { zoneToday } from '../src/clock';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { figure, threshold } from './support/figures';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * The R&D super-deduction (研发费用加计扣除) as the regulations wrote it, through GraphQL: the rate history as rule
 * versions with their rates by class, the negative list of 财税〔2015〕119号 from 2016, and each eligibility answer
 * naming the rate that applies to the enterprise and why, on each side of every date the rate changed.
 */

const admin = as(Role.ZONE_ADMIN);

const MFG = testCode(14_100); // manufacturing: 100% from 2021
const SOFT = testCode(14_101); // software, a registered 科技型中小企业 in 2016–2017 and 2021–2022
const TRADE = testCode(14_102); // wholesale and retail: on the negative list from 2016
const UNCLASSIFIED = testCode(14_103);
const CODES = [MFG, SOFT, TRADE, UNCLASSIFIED];

const NEGATIVE_LIST = ['TOBACCO_MANUFACTURING', 'ACCOMMODATION_AND_CATERING', 'WHOLESALE_AND_RETAIL', 'REAL_ESTATE', 'LEASING_AND_BUSINESS_SERVICES', 'ENTERTAINMENT'];

describe('the R&D super-deduction, rate by rate', () => {
  let app: TestApp;

  /** Runs a mutation taking `input` and fails loudly if it is refused. */
  async function mutate(field: string, inputType: string, input: Record<string, unknown>): Promise<void> {
    const r = await app.execute<any, any>(`mutation ($input: ${inputType}!) { ${field}(input: $input) { errors { field message } } }`, { input }, admin);
    if (r.errors || r.data[field].errors.length) throw new Error(`${field} ${JSON.stringify(input)}: ${JSON.stringify(r.errors ?? r.data[field].errors)}`);
  }

  beforeAll(async () => {
    // A database of this file's own: a version recorded here reaches no other file's program.
    app = await TestApp.start({ databaseUrl: await workerDatabaseUrl('deduction') });
    await resetRegistry(app.orm);
    const firms: [string, string, Record<string, unknown>][] = [
      [MFG, '武汉激光装备制造有限公司', { industry: 'HIGH_END_EQUIPMENT', economicSector: 'MANUFACTURING' }],
      [SOFT, '武汉光谷软件科技有限公司', { industry: 'HIGH_TECH_SERVICES', economicSector: 'INFORMATION_AND_SOFTWARE' }],
      [TRADE, '武汉光电器件贸易有限公司', { economicSector: 'WHOLESALE_AND_RETAIL' }],
      [UNCLASSIFIED, '武汉未分类科技有限公司', {}],
    ];
    for (const [code, name, extra] of firms) {
      await mutate('createEnterprise', 'CreateEnterpriseInput', enterpriseInput(code, name, { foundedOn: '2005-03-01', ...extra }));
      // Every other year: the rules read the latest year up to two years back.
      for (let year = 2007; year <= 2025; year += 2) {
        await mutate('recordFiscalYear', 'RecordFiscalYearInput', {
          creditCode: code,
          fiscalYear: year,
          revenue: '30000000.00',
          rdExpense: '1500000.00',
          rdExpenseInChina: '1500000.00',
          highTechRevenue: '0.00',
          totalIncome: '30000000.00',
          employees: 120,
          scienceAndTechnologyStaff: 30,
        });
      }
    }
    for (const [validFrom, validUntil] of [['2016-06-01', '2017-12-31'], ['2021-06-01', '2022-12-31']] as const) {
      await mutate('recordQualification', 'RecordQualificationInput', {
        creditCode: SOFT,
        kind: 'TECH_SME',
        number: `${validFrom.slice(0, 4)}420111A0001`,
        issuer: '湖北省科学技术厅',
        validFrom,
        validUntil,
      });
    }
  });
  afterAll(() => app.close());

  const ask = (asOf: string, creditCodes = CODES) =>
    app.execute<any, any>(
      `query ($asOf: Date, $creditCodes: [String!]!) {
         eligibility(program: "RD_SUPER_DEDUCTION", creditCodes: $creditCodes, asOf: $asOf) {
           creditCode rules { version effectiveFrom } isEligible benefit { percent basis detail }
           checks {
             criterion outcome detail(language: ENGLISH)
             observed { name fiscalYear firstFiscalYear subject amount percent count date text isTrue }
             required { name alternative fiscalYear firstFiscalYear minimumAmount maximumAmount minimumPercent minimumCount maximumCount minimumDate maximumDate anyOf noneOf isTrue }
             missing { name fiscalYear isLaterYearAccepted minimumDate }
           }
         }
       }`,
      { asOf, creditCodes },
      admin,
    );

  /** Per enterprise: the version answering, eligible, and the rate with its basis (or null). */
  async function rates(asOf: string) {
    const r = await ask(asOf);
    expect(r.errors).toBeUndefined();
    return r.data.eligibility.map((e: any) => [e.rules.version, e.isEligible, e.benefit && `${e.benefit.percent} ${e.benefit.basis}`]);
  }

  it('keeps the rate history as versions, each with its rates by class, the negative list from 2016', async () => {
    const r = await app.execute<any, any>(
      `{ programs { code rules { version effectiveFrom corrects criteria { kind sectors } benefits { percent sectors qualifications basis } } } }`,
      {},
      null,
    );
    const program = r.data.programs.find((p: any) => p.code === 'RD_SUPER_DEDUCTION');
    const zone = { kind: 'REGISTERED_IN_ZONE', sectors: null };
    const rd = { kind: 'RD_EXPENSE', sectors: null };
    const negative = [zone, { kind: 'EXCLUDED_SECTOR', sectors: NEGATIVE_LIST }, rd];
    const all = (percent: string, basis: string) => ({ percent, sectors: null, qualifications: null, basis });
    const mfg = (percent: string, basis: string) => ({ percent, sectors: ['MANUFACTURING'], qualifications: null, basis });
    const sme = (percent: string, basis: string) => ({ percent, sectors: null, qualifications: ['TECH_SME'], basis });
    expect(program.rules).toEqual([
      { version: 10, effectiveFrom: '2023-01-01', corrects: null, criteria: negative, benefits: [all('100.0000', '2023年第7号: every enterprise')] },
      { version: 9, effectiveFrom: '2022-10-01', corrects: null, criteria: negative, benefits: [all('100.0000', '2022年第28号 (fourth quarter of 2022): every enterprise')] },
      {
        version: 8,
        effectiveFrom: '2022-01-01',
        corrects: null,
        criteria: negative,
        benefits: [mfg('100.0000', '财税〔2021〕13号: manufacturing'), sme('100.0000', '2022年第16号: 科技型中小企业'), all('75.0000', '财税〔2018〕99号, 2021年第6号: other enterprises')],
      },
      {
        version: 7,
        effectiveFrom: '2021-01-01',
        corrects: null,
        criteria: negative,
        benefits: [mfg('100.0000', '财税〔2021〕13号: manufacturing'), all('75.0000', '财税〔2018〕99号, 2021年第6号: other enterprises')],
      },
      { version: 6, effectiveFrom: '2018-01-01', corrects: null, criteria: negative, benefits: [all('75.0000', '财税〔2018〕99号: every enterprise')] },
      {
        version: 5,
        effectiveFrom: '2017-01-01',
        corrects: null,
        criteria: negative,
        benefits: [sme('75.0000', '财税〔2017〕34号: 科技型中小企业'), all('50.0000', '企业所得税法 art. 30: other enterprises')],
      },
      { version: 4, effectiveFrom: '2016-01-01', corrects: null, criteria: negative, benefits: [all('50.0000', '财税〔2015〕119号: every enterprise not on the negative list')] },
      { version: 3, effectiveFrom: '2010-01-01', corrects: 1, criteria: [zone, rd], benefits: [all('50.0000', '企业所得税法 art. 30; 财税〔2010〕81号: every enterprise')] },
      { version: 1, effectiveFrom: '2010-01-01', corrects: null, criteria: [zone, rd], benefits: [] },
      { version: 2, effectiveFrom: '2008-01-01', corrects: null, criteria: [zone, rd], benefits: [all('50.0000', '企业所得税法 art. 30: every enterprise')] },
    ]);
  });

  it('answers with the rate that applies and why, in full', async () => {
    const r = await ask('2022-06-30', [SOFT, TRADE]);
    // The checks' figures: founded by the date, the sector against the negative list, the latest year's R&D expense.
    const checks = (name: string, sector: string, excluded: boolean) => [
      {
        criterion: 'REGISTERED_IN_ZONE',
        outcome: 'PASSED',
        detail: `${name} (光电子信息产业园), founded 2005-03-01.`,
        observed: [figure('FOUNDED_ON', { date: '2005-03-01' })],
        required: [threshold('FOUNDED_ON', { maximumDate: '2022-06-30' })],
        missing: [],
      },
      {
        criterion: 'EXCLUDED_SECTOR',
        outcome: excluded ? 'FAILED' : 'PASSED',
        detail: `Principal business classified under ${sector}, ${excluded ? 'an excluded sector' : 'not an excluded sector'}.`,
        observed: [figure('ECONOMIC_SECTOR', { text: sector })],
        required: [threshold('ECONOMIC_SECTOR', { noneOf: NEGATIVE_LIST })],
        missing: [],
      },
      {
        criterion: 'RD_EXPENSE',
        outcome: 'PASSED',
        detail: 'R&D expense ¥1,500,000.00 in 2021; at least ¥0.01 required.',
        observed: [figure('RD_EXPENSE', { fiscalYear: 2021, amount: '1500000.00' })],
        required: [threshold('RD_EXPENSE', { fiscalYear: 2021, minimumAmount: '0.01' })],
        missing: [],
      },
    ];
    expect(r).toEqual({
      data: {
        eligibility: [
          {
            creditCode: SOFT,
            rules: { version: 8, effectiveFrom: '2022-01-01' },
            isEligible: true,
            checks: checks('武汉光谷软件科技有限公司', 'INFORMATION_AND_SOFTWARE', false),
            benefit: {
              percent: '100.0000',
              basis: '2022年第16号: 科技型中小企业',
              detail: '100%: TECH_SME 2021420111A0001 valid 2021-06-01 to 2022-12-31.',
            },
          },
          {
            creditCode: TRADE,
            rules: { version: 8, effectiveFrom: '2022-01-01' },
            isEligible: false,
            checks: checks('武汉光电器件贸易有限公司', 'WHOLESALE_AND_RETAIL', true),
            benefit: null,
          },
        ],
      },
    });
  });

  it('moves the rate on each date the regulations set, for each class', async () => {
    const law = '50.0000 企业所得税法 art. 30: every enterprise';
    const widened = '50.0000 企业所得税法 art. 30; 财税〔2010〕81号: every enterprise';
    const list2016 = '50.0000 财税〔2015〕119号: every enterprise not on the negative list';
    const other2017 = '50.0000 企业所得税法 art. 30: other enterprises';
    const sme2017 = '75.0000 财税〔2017〕34号: 科技型中小企业';
    const all2018 = '75.0000 财税〔2018〕99号: every enterprise';
    const mfg2021 = '100.0000 财税〔2021〕13号: manufacturing';
    const other2021 = '75.0000 财税〔2018〕99号, 2021年第6号: other enterprises';
    const sme2022 = '100.0000 2022年第16号: 科技型中小企业';
    const q4 = '100.0000 2022年第28号 (fourth quarter of 2022): every enterprise';
    const standing = '100.0000 2023年第7号: every enterprise';
    // Rows: MFG, SOFT, TRADE, UNCLASSIFIED.
    const table: [string, unknown[][]][] = [
      ['2008-01-01', [[2, true, law], [2, true, law], [2, true, law], [2, true, law]]],
      ['2009-12-31', [[2, true, law], [2, true, law], [2, true, law], [2, true, law]]],
      ['2010-01-01', [[3, true, widened], [3, true, widened], [3, true, widened], [3, true, widened]]],
      // The negative list: a trader and an unclassified business are out from 2016.
      ['2015-12-31', [[3, true, widened], [3, true, widened], [3, true, widened], [3, true, widened]]],
      ['2016-01-01', [[4, true, list2016], [4, true, list2016], [4, false, null], [4, false, null]]],
      // A registered tech SME on 2016-12-31 still gets 50%; 75% from 2017.
      ['2016-12-31', [[4, true, list2016], [4, true, list2016], [4, false, null], [4, false, null]]],
      ['2017-01-01', [[5, true, other2017], [5, true, sme2017], [5, false, null], [5, false, null]]],
      ['2017-12-31', [[5, true, other2017], [5, true, sme2017], [5, false, null], [5, false, null]]],
      ['2018-01-01', [[6, true, all2018], [6, true, all2018], [6, false, null], [6, false, null]]],
      ['2020-12-31', [[6, true, all2018], [6, true, all2018], [6, false, null], [6, false, null]]],
      ['2021-01-01', [[7, true, mfg2021], [7, true, other2021], [7, false, null], [7, false, null]]],
      ['2021-12-31', [[7, true, mfg2021], [7, true, other2021], [7, false, null], [7, false, null]]],
      ['2022-01-01', [[8, true, mfg2021], [8, true, sme2022], [8, false, null], [8, false, null]]],
      ['2022-09-30', [[8, true, mfg2021], [8, true, sme2022], [8, false, null], [8, false, null]]],
      ['2022-10-01', [[9, true, q4], [9, true, q4], [9, false, null], [9, false, null]]],
      ['2022-12-31', [[9, true, q4], [9, true, q4], [9, false, null], [9, false, null]]],
      ['2023-01-01', [[10, true, standing], [10, true, standing], [10, false, null], [10, false, null]]],
      ['2026-06-30', [[10, true, standing], [10, true, standing], [10, false, null], [10, false, null]]],
    ];
    const answered: [string, unknown[][]][] = [];
    for (const [asOf] of table) answered.push([asOf, await rates(asOf)]);
    expect(answered).toEqual(table);
  });

  it('keeps the rate a bank was answered in the answer’s receipt', async () => {
    const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
    const today = zoneToday();
    const granted = await app.execute<any, any>(
      'mutation ($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { message } } }',
      {
        input: {
          creditCode: MFG,
          bankCreditCode: hankou.creditCode,
          scopes: ['PROFILE', 'ELIGIBILITY'],
          purpose: '研发费用加计扣除贷款审查',
          validFrom: today,
          validUntil: `${Number(today.slice(0, 4)) + 1}-06-30`,
          signer: '王芳（财务总监）',
        },
      },
      as(Role.ENTERPRISE_REP, MFG),
    );
    expect(granted.data.grantAuthorization.errors).toEqual([]);
    const bank = as(Role.BANK_OFFICER, hankou.creditCode);
    const answer = await app.execute<any, any>(
      '{ eligibility(program: "RD_SUPER_DEDUCTION", creditCodes: ["' + MFG + '"], asOf: "2021-06-30") { isEligible benefit { percent basis detail } receiptId } }',
      {},
      bank,
    );
    const benefit = { percent: '100.0000', basis: '财税〔2021〕13号: manufacturing', detail: '100%: principal business classified under MANUFACTURING.' };
    expect(answer.data.eligibility).toEqual([{ isEligible: true, benefit, receiptId: expect.any(String) }]);
    const receipt = await app.execute<any, any>(
      'query ($id: ID!) { eligibilityReceipt(id: $id) { rules { version } isEligible benefit { percent basis detail } } }',
      { id: answer.data.eligibility[0].receiptId },
      bank,
    );
    expect(receipt.data.eligibilityReceipt).toEqual({ rules: { version: 7 }, isEligible: true, benefit });
  });

  it('says no rules were in force before the Enterprise Income Tax Law', async () => {
    const r = await ask('2007-12-31', [MFG]);
    expect([r.data, r.errors?.map((e) => [e.extensions?.code, e.message])]).toEqual([
      null,
      [['BAD_USER_INPUT', 'No rules of RD_SUPER_DEDUCTION were in force on 2007-12-31.']],
    ]);
  });

  it('records a version with rates by class, and refuses rates without a sensible percent or class', async () => {
    const record = (benefits: Record<string, unknown>[]) =>
      app.execute<any, any>(
        `mutation ($input: RecordProgramRuleVersionInput!) {
           recordProgramRuleVersion(input: $input) { ruleVersion { version effectiveFrom benefits { percent sectors qualifications basis } } errors { field message } }
         }`,
        {
          input: {
            program: 'RD_SUPER_DEDUCTION',
            effectiveFrom: '2999-01-01',
            note: '测试：未来的加计扣除比例',
            criteria: [{ kind: 'REGISTERED_IN_ZONE' }, { kind: 'EXCLUDED_SECTOR', sectors: NEGATIVE_LIST }, { kind: 'RD_EXPENSE', minimum: '0.01' }],
            benefits,
          },
        },
        admin,
      );
    try {
      const refused = await record([
        { percent: '0.0000', basis: '零' },
        { percent: '120.0000', sectors: [], basis: '集成电路' },
        { percent: '100.0000', qualifications: [], basis: ' ' },
      ]);
      expect(refused.data.recordProgramRuleVersion).toEqual({
        ruleVersion: null,
        errors: [
          { field: 'input.benefits.0.percent', message: 'A rate is over 0% and at most 1000%.' },
          { field: 'input.benefits.1.sectors', message: 'Name at least one sector, or none for any.' },
          { field: 'input.benefits.2.qualifications', message: 'Name at least one qualification, or none for any.' },
          { field: 'input.benefits.2.basis', message: 'Say which regulation and class the rate is for.' },
        ],
      });
      const taken = await record([
        { percent: '120.0000', sectors: ['MANUFACTURING'], basis: '测试：制造业' },
        { percent: '100.0000', basis: '测试：其他企业' },
      ]);
      expect(taken.data.recordProgramRuleVersion).toEqual({
        ruleVersion: {
          version: 11,
          effectiveFrom: '2999-01-01',
          benefits: [
            { percent: '120.0000', sectors: ['MANUFACTURING'], qualifications: null, basis: '测试：制造业' },
            { percent: '100.0000', sectors: null, qualifications: null, basis: '测试：其他企业' },
          ],
        },
        errors: [],
      });
    } finally {
      // The file's other tests read the history as the regulations wrote it, in whatever order they run (--randomize).
      await app.orm.em.fork().execute(
        `delete from programme_rule_version where effective_from = '2999-01-01' and programme_id = (select id from pilot_programme where code = 'RD_SUPER_DEDUCTION')`,
      );
    }
  });
});
