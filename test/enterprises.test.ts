import { Role } from '../src/auth/roles';
import {
  CreateEnterpriseDocument,
  EnterpriseByCodeDocument,
  EnterpriseNamesDocument,
  EnterprisePageDocument,
  EnterpriseRecordsDocument,
  NodeDocument,
  NodesDocument,
  RecordFiscalYearDocument,
  RecordHighTechCertificateDocument,
  RecordPatentAppraisalDocument,
  RecordPatentDocument,
  UpdateEnterpriseDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { ADMIN_ACTOR } from './support/actors';
import { zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode, wrongCheckCode } from './support/registry';
import { namePinyin } from '../src/modules/enterprise/pinyin';

const admin = as(Role.ZONE_ADMIN);

/** What EnterpriseSummary answers for an enterprise registered with `enterpriseInput(code, name)`. */
const summaryOf = (id: string, creditCode: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  creditCode,
  name,
  nameEn: null,
  industry: 'OPTOELECTRONIC_INFORMATION',
  foundedOn: '2012-03-01',
  registeredCapital: '50000000.00',
  size: 'SMALL',
  isStateOwned: false,
  isHighTech: false,
  isUniversityAffiliated: false,
  version: 1,
  park: { code: 'OPTOELECTRONICS_PARK' },
  cluster: null,
  university: null,
  creditCodeOverride: null,
  ...extra,
});

describe('enterprises: create, read, validate, update', () => {
  let app: TestApp;
  /** The enterprise the record-keeping tests write to, registered before any of them runs (each may run alone). */
  const RECORDS = testCode(1);
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    const created = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(RECORDS, '武汉光谷记录科技有限公司') }, admin);
    expect(created.data!.createEnterprise.errors).toEqual([]);
  });
  afterAll(() => app.close());

  const count = async () => Number((await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from enterprise'))[0]!.n);

  it('registers an enterprise and reads it back by credit code', async () => {
    const code = testCode(5);
    const created = await app.execute(
      CreateEnterpriseDocument,
      {
        input: enterpriseInput(code, '武汉光谷测试光电科技有限公司', {
          nameEn: 'Wuhan Guanggu Test Optoelectronics Co., Ltd.',
          clusterCode: 'OPTICAL_COMMUNICATION',
          isStateOwned: true,
          size: 'MEDIUM',
        }),
      },
      admin,
    );
    const expected = {
      id: expect.any(String),
      creditCode: code,
      name: '武汉光谷测试光电科技有限公司',
      nameEn: 'Wuhan Guanggu Test Optoelectronics Co., Ltd.',
      industry: 'OPTOELECTRONIC_INFORMATION',
      foundedOn: '2012-03-01',
      registeredCapital: '50000000.00',
      size: 'MEDIUM',
      isStateOwned: true,
      isHighTech: false,
      isUniversityAffiliated: false,
      version: 1,
      park: { code: 'OPTOELECTRONICS_PARK' },
      cluster: { code: 'OPTICAL_COMMUNICATION' },
      university: null,
      creditCodeOverride: null,
    };
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEnterprise).toEqual({ enterprise: expected, errors: [] });
    const read = await app.execute(EnterpriseByCodeDocument, { creditCode: code }, admin);
    expect(read.data).toEqual({ enterprise: { ...expected, id: created.data!.createEnterprise.enterprise!.id } });
  });

  it('refuses invalid input with every problem at once, and writes nothing', async () => {
    const before = await count();
    const result = await app.execute(
      CreateEnterpriseDocument,
      {
        input: enterpriseInput(testCode(2), '  ', {
          parkCode: 'NO_SUCH_PARK',
          foundedOn: '2099-01-01',
          registeredCapital: '-5.00',
        }),
      },
      admin,
    );
    expect(result.data!.createEnterprise).toEqual({
      enterprise: null,
      errors: [
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.name', message: 'input.name must not be empty.' },
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.registeredCapital', message: 'input.registeredCapital must be more than 0.' },
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.foundedOn', message: 'input.foundedOn (2099-01-01) is in the future.' },
        { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.parkCode', message: 'No park has the code NO_SUCH_PARK.' },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('refuses a malformed credit code as BAD_USER_INPUT, before any resolver runs', async () => {
    const result = await app.execute(EnterpriseByCodeDocument, { creditCode: '91420100MA4K0A1B6' }, admin);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('"91420100MA4K0A1B6" is not a Unified Social Credit Code');
    const letterO = await app.execute(EnterpriseByCodeDocument, { creditCode: '91420100MA4K0A1BOL' }, admin);
    expect(letterO.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a wrong check character unless overridden, and records the override', async () => {
    const code = wrongCheckCode(3);
    const refused = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, '武汉早期登记科技有限公司') }, admin);
    expect(refused.data!.createEnterprise).toEqual({
      enterprise: null,
      errors: [
        {
          __typename: 'CheckCharacterMismatchError',
          code: 'CHECK_CHARACTER_MISMATCH',
          field: 'input.creditCode',
          expected: testCode(3)[17],
          message: `The check character of ${code} should be ${testCode(3)[17]}, not ${code[17]}. Give checkCharacterOverride with a reason if this code was legally issued so.`,
        },
      ],
    });
    const accepted = await app.execute(
      CreateEnterpriseDocument,
      { input: enterpriseInput(code, '武汉早期登记科技有限公司', { checkCharacterOverride: { reason: '营业执照原件所载代码' } }) },
      admin,
    );
    expect(accepted.data!.createEnterprise.errors).toEqual([]);
    expect(accepted.data!.createEnterprise.enterprise!.creditCodeOverride).toEqual({ reason: '营业执照原件所载代码', by: ADMIN_ACTOR });
  });

  it('refuses a second enterprise with the same code', async () => {
    const result = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(RECORDS, '重复') }, admin);
    expect(result.data!.createEnterprise).toEqual({
      enterprise: null,
      errors: [
        {
          __typename: 'DuplicateError',
          code: 'DUPLICATE',
          field: 'input.creditCode',
          message: `An enterprise with credit code ${RECORDS} is registered already.`,
        },
      ],
    });
  });

  it('updates with the current version and refuses a stale one, losing nothing', async () => {
    const code = testCode(4);
    const created = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, '武汉版本科技有限公司') }, admin);
    const id = created.data!.createEnterprise.enterprise!.id;
    const first = await app.execute(UpdateEnterpriseDocument, { input: { id, version: 1, registeredCapital: '80000000.00' } }, admin);
    expect(first.data!.updateEnterprise.errors).toEqual([]);
    expect(first.data!.updateEnterprise.enterprise).toEqual(summaryOf(id, code, '武汉版本科技有限公司', { version: 2, registeredCapital: '80000000.00' }));

    const stale = await app.execute(UpdateEnterpriseDocument, { input: { id, version: 1, name: '覆盖' } }, admin);
    expect(stale.data!.updateEnterprise).toEqual({
      enterprise: null,
      errors: [
        {
          __typename: 'StaleVersionError',
          code: 'STALE_VERSION',
          field: 'input.version',
          currentVersion: 2,
          message: `Enterprise ${code} is at version 2, not 1: someone changed it since you read it.`,
        },
      ],
    });
    // The same place as a list (`path`, API v1), with no string to split.
    const byPath = await app.execute<any, any>(
      'mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { errors { __typename path } } }',
      { input: { id, version: 1, name: '覆盖' } },
      admin,
    );
    expect(byPath.data.updateEnterprise.errors).toEqual([{ __typename: 'StaleVersionError', path: ['input', 'version'] }]);

    // Two administrators save at once from version 2: one wins, the other is told, nothing is lost silently.
    const [a, b] = await Promise.all([
      app.execute(UpdateEnterpriseDocument, { input: { id, version: 2, name: '甲方名称' } }, admin),
      app.execute(UpdateEnterpriseDocument, { input: { id, version: 2, nameEn: 'B side name' } }, admin),
    ]);
    const outcomes = [a, b].map((r) => r.data!.updateEnterprise.errors.map((e) => e.code));
    expect(outcomes.sort()).toEqual([[], ['STALE_VERSION']]);
    const now = await app.execute(EnterpriseByCodeDocument, { creditCode: code }, admin);
    expect(now.data!.enterprise!.version).toBe(3);
    const winner = a.data!.updateEnterprise.errors.length === 0 ? { name: '甲方名称', nameEn: null } : { name: '武汉版本科技有限公司', nameEn: 'B side name' };
    expect(now.data!.enterprise).toEqual(summaryOf(id, code, '武汉版本科技有限公司', { version: 3, registeredCapital: '80000000.00', ...winner }));
  });

  it('answers a bank with no authorisation exactly as for an unregistered code, and no one without a token', async () => {
    const bank = as(Role.BANK_OFFICER, testCode(99));
    const existing = await app.execute(EnterpriseByCodeDocument, { creditCode: RECORDS }, bank);
    const missing = await app.execute(EnterpriseByCodeDocument, { creditCode: testCode(98) }, bank);
    expect(existing).toEqual({ data: { enterprise: null }, errors: undefined, status: undefined });
    expect(missing).toEqual(existing);
    const anonymous = await app.execute(EnterpriseByCodeDocument, { creditCode: RECORDS }, null);
    expect(anonymous.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });

  it('records fiscal years per year, corrects one with its version, and checks the figures', async () => {
    const input = {
      creditCode: RECORDS,
      fiscalYear: 2024,
      revenue: '120000000.00',
      rdExpense: '6000000.00',
      rdExpenseInChina: '5800000.00',
      highTechRevenue: '90000000.00',
      employees: 300,
      scienceAndTechnologyStaff: 90,
    };
    const recorded = await app.execute(RecordFiscalYearDocument, { input }, admin);
    expect(recorded.data!.recordFiscalYear).toEqual({
      financials: { fiscalYear: 2024, revenue: '120000000.00', rdExpense: '6000000.00', rdExpenseInChina: '5800000.00', highTechRevenue: '90000000.00', employees: 300, scienceAndTechnologyStaff: 90, version: 1 },
      errors: [],
    });
    const again = await app.execute(RecordFiscalYearDocument, { input }, admin);
    expect(again.data!.recordFiscalYear.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    const corrected = await app.execute(RecordFiscalYearDocument, { input: { ...input, revenue: '125000000.00', version: 1 } }, admin);
    expect(corrected.data!.recordFiscalYear).toEqual({
      financials: { ...recorded.data!.recordFiscalYear.financials, revenue: '125000000.00', version: 2 },
      errors: [],
    });
    const stale = await app.execute(RecordFiscalYearDocument, { input: { ...input, version: 1 } }, admin);
    expect(stale.data!.recordFiscalYear.errors.map((e) => [e.code, 'currentVersion' in e ? e.currentVersion : null])).toEqual([
      ['STALE_VERSION', 2],
    ]);
    const bad = await app.execute(
      RecordFiscalYearDocument,
      { input: { ...input, fiscalYear: 2023, rdExpenseInChina: '7000000.00', scienceAndTechnologyStaff: 400, revenue: '1.234' } },
      admin,
    );
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT'); // three decimals: refused by the Decimal scalar
    const badFigures = await app.execute(RecordFiscalYearDocument, { input: { ...input, fiscalYear: 2023, rdExpenseInChina: '7000000.00', scienceAndTechnologyStaff: 400 } }, admin);
    expect(badFigures.data!.recordFiscalYear.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.rdExpenseInChina', 'rdExpenseInChina cannot be more than rdExpense.'],
      ['input.scienceAndTechnologyStaff', 'scienceAndTechnologyStaff cannot be more than employees.'],
    ]);
    // Total income includes sales revenue; R&D staff are S&T staff.
    const badParts = await app.execute(RecordFiscalYearDocument, { input: { ...input, fiscalYear: 2023, totalIncome: '119999999.99', rdStaff: 91 } }, admin);
    expect(badParts.data!.recordFiscalYear.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.rdStaff', 'rdStaff cannot be more than scienceAndTechnologyStaff: R&D staff are science and technology staff.'],
      ['input.totalIncome', 'totalIncome cannot be less than revenue: it includes it.'],
    ]);
    const sql = await app.sql();
    const parts = async () => (await sql.query(`select total_income::text, rd_staff from fiscal_year_financials f join enterprise e on e.id = f.enterprise_id where e.credit_code = $1 and fiscal_year = 2022`, [RECORDS])).rows;
    const withParts = await app.execute(RecordFiscalYearDocument, { input: { ...input, fiscalYear: 2022, totalIncome: '126000000.00', rdStaff: 90 } }, admin);
    expect([withParts.data!.recordFiscalYear.errors, await parts()]).toEqual([[], [{ total_income: '126000000.00', rd_staff: 90 }]]);
    // A correction gives the year whole: figures left out are no longer known.
    const corrected2022 = await app.execute(RecordFiscalYearDocument, { input: { ...input, fiscalYear: 2022, version: 1 } }, admin);
    expect([corrected2022.data!.recordFiscalYear.errors, await parts()]).toEqual([[], [{ total_income: null, rd_staff: null }]]);
    await app.execute(RecordFiscalYearDocument, { input: { ...input, fiscalYear: 2023, revenue: '100000000.00' } }, admin);
    const records = await app.execute(EnterpriseRecordsDocument, { creditCode: RECORDS }, admin);
    expect(records.data!.enterprise!.financials).toEqual([
      { fiscalYear: 2024, revenue: '125000000.00', rdExpense: '6000000.00', version: 2 },
      { fiscalYear: 2023, revenue: '100000000.00', rdExpense: '6000000.00', version: 1 },
      { fiscalYear: 2022, revenue: '120000000.00', rdExpense: '6000000.00', version: 2 },
    ]);
  });

  it('records high-tech certificates: valid three years, and isHighTech follows today', async () => {
    const today = zoneToday();
    const issued = `${Number(today.slice(0, 4)) - 1}-01-10`;
    const number = `GR${issued.slice(0, 4)}42001291`;
    const ok = await app.execute(RecordHighTechCertificateDocument, { input: { creditCode: RECORDS, number, issuedOn: issued, criteriaVersion: 'RULES_2016' } }, admin);
    expect(ok.data!.recordHighTechCertificate).toEqual({
      certificate: { number, issuedOn: issued, validUntil: `${Number(issued.slice(0, 4)) + 3}-01-09`, criteriaVersion: 'RULES_2016' },
      errors: [],
    });
    const bad = await app.execute(
      RecordHighTechCertificateDocument,
      { input: { creditCode: RECORDS, number: 'GR20194200129', issuedOn: '2019-01-10', validUntil: '2023-01-10', criteriaVersion: 'RULES_2016' } },
      admin,
    );
    expect(bad.data!.recordHighTechCertificate.errors.map((e) => e.field)).toEqual(['input.number', 'input.validUntil']);
    expect((await app.execute(EnterpriseRecordsDocument, { creditCode: RECORDS }, admin)).data!.enterprise!.isHighTech).toBe(true);
    // Renewals on re-examination under the 2008 rules were numbered GF…: taken under those rules, refused under 2016's.
    const renewal = await app.execute(RecordHighTechCertificateDocument, { input: { creditCode: RECORDS, number: 'GF201342000412', issuedOn: '2013-10-08', criteriaVersion: 'RULES_2008' } }, admin);
    expect(renewal.data!.recordHighTechCertificate).toEqual({
      certificate: { number: 'GF201342000412', issuedOn: '2013-10-08', validUntil: '2016-10-07', criteriaVersion: 'RULES_2008' },
      errors: [],
    });
    const gf2016 = await app.execute(RecordHighTechCertificateDocument, { input: { creditCode: RECORDS, number: 'GF201742000413', issuedOn: '2017-10-08', criteriaVersion: 'RULES_2016' } }, admin);
    expect(gf2016.data!.recordHighTechCertificate.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.number', 'Certificate GF201742000413 is a renewal under the 2008 rules (GF…): its criteriaVersion is RULES_2008.'],
    ]);
  });

  it('registers patents with a checked number, derives their type, and records appraisals', async () => {
    const ok = await app.execute(
      RecordPatentDocument,
      { input: { creditCode: RECORDS, number: 'ZL201410012345.9', title: '一种光纤激光器', legalStatus: 'VALID', grantedOn: '2016-05-04' } },
      admin,
    );
    expect(ok.data!.recordPatent).toEqual({
      patent: { id: expect.any(String), version: 1, number: 'ZL201410012345.9', type: 'INVENTION', title: '一种光纤激光器', legalStatus: 'VALID', grantedOn: '2016-05-04' },
      errors: [],
    });
    const badCheck = await app.execute(
      RecordPatentDocument,
      { input: { creditCode: RECORDS, number: 'ZL201410012345.6', title: 'x', legalStatus: 'VALID', grantedOn: '2016-05-04' } },
      admin,
    );
    expect(badCheck.data!.recordPatent.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.number', message: 'The check digit of ZL201410012345.6 should be 9, not 6.' },
    ]);
    const appraisal = await app.execute(
      RecordPatentAppraisalDocument,
      { input: { patentNumber: 'ZL201410012345.9', appraiser: '湖北中联资产评估有限公司', value: '3200000.00', appraisedOn: '2025-03-01' } },
      admin,
    );
    expect(appraisal.data!.recordPatentAppraisal).toEqual({
      patentAppraisal: { id: expect.any(String), version: 1, appraiser: '湖北中联资产评估有限公司', value: '3200000.00', appraisedOn: '2025-03-01' },
      errors: [],
    });
    const records = await app.execute(EnterpriseRecordsDocument, { creditCode: RECORDS }, admin);
    expect(records.data!.enterprise!.patents).toEqual({
      totalCount: 1,
      nodes: [
        {
          number: 'ZL201410012345.9',
          type: 'INVENTION',
          legalStatus: 'VALID',
          isPledged: false,
          appraisals: [{ appraiser: '湖北中联资产评估有限公司', value: '3200000.00', appraisedOn: '2025-03-01' }],
        },
      ],
    });
  });

  it('fetches records by global id with node and nodes; an unknown or foreign id is null', async () => {
    const { data } = await app.execute(EnterpriseByCodeDocument, { creditCode: RECORDS }, admin);
    const id = data!.enterprise!.id;
    expect((await app.execute(NodeDocument, { id }, admin)).data).toEqual({ node: { __typename: 'Enterprise', id, creditCode: RECORDS } });
    const forged = Buffer.from('Patent:' + Buffer.from(id, 'base64url').toString().split(':')[1]).toString('base64url');
    expect((await app.execute(NodesDocument, { ids: [id, 'bm9wZQ', forged] }, admin)).data).toEqual({
      nodes: [{ __typename: 'Enterprise', id }, null, null],
    });
  });
});

describe('Chinese names: search and order', () => {
  let app: TestApp;
  const names = ['中冶测试工程技术有限公司', '武汉光谷测试科技有限公司', '华工测试激光有限公司', '阿里测试光电有限公司', '光谷测试生物有限公司'];
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [i, name] of names.entries()) {
      const r = await app.execute(
        CreateEnterpriseDocument,
        { input: enterpriseInput(testCode(100 + i), name, { nameEn: `Test Company ${['Zhongye', 'Wuhan Guanggu', 'Huagong', 'Ali', 'Guanggu Bio'][i]}` }) },
        admin,
      );
      expect(r.data!.createEnterprise.errors).toEqual([]);
    }
  });
  afterAll(() => app.close());

  const search = async (text: string) =>
    (await app.execute(EnterpriseNamesDocument, { filter: { search: text } }, admin)).data!.enterprises.edges.map((e) => e.node.name);

  it('orders by the Chinese name in pinyin order', async () => {
    expect(await search('测试')).toEqual(['阿里测试光电有限公司', '光谷测试生物有限公司', '华工测试激光有限公司', '武汉光谷测试科技有限公司', '中冶测试工程技术有限公司']);
    const desc = await app.execute(EnterpriseNamesDocument, { orderBy: [{ field: 'NAME', direction: 'DESC' }] }, admin);
    expect(desc.data!.enterprises.edges.map((e) => e.node.name)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')).reverse());
  });

  it('finds one- and two-character Chinese substrings, English substrings in any case, and code prefixes', async () => {
    expect(await search('华工')).toEqual(['华工测试激光有限公司']);
    expect(await search('光谷')).toEqual(['光谷测试生物有限公司', '武汉光谷测试科技有限公司']);
    expect(await search('冶')).toEqual(['中冶测试工程技术有限公司']);
    expect(await search('激光有限')).toEqual(['华工测试激光有限公司']);
    expect(await search('huagong')).toEqual(['华工测试激光有限公司']);
    expect(await search('GUANGGU BIO')).toEqual(['光谷测试生物有限公司']);
    expect(await search(testCode(102).slice(0, 17))).toEqual(['华工测试激光有限公司']);
    expect(await search('50%')).toEqual([]);
    expect(await search('不存在的名字')).toEqual([]);
  });

  it('finds a name by its pinyin, full or initials, in any case and spacing, and follows a rename', async () => {
    // The Chinese names' pinyin, not their English names: 中冶测试工程技术 is "Zhongye" in English too, 测试 is in none.
    expect(await search('ceshi')).toEqual(['阿里测试光电有限公司', '光谷测试生物有限公司', '华工测试激光有限公司', '武汉光谷测试科技有限公司', '中冶测试工程技术有限公司']);
    expect(await search('jiguang')).toEqual(['华工测试激光有限公司']);
    expect(await search('Gong Cheng Ji Shu')).toEqual(['中冶测试工程技术有限公司']);
    expect(await search('ggcs')).toEqual(['光谷测试生物有限公司', '武汉光谷测试科技有限公司']);
    expect(await search('WHGG')).toEqual(['武汉光谷测试科技有限公司']);
    expect(await search('hgcsjgyxgs')).toEqual(['华工测试激光有限公司']);
    // A Latin text that is no name's pinyin finds nothing; a code prefix is still a code.
    expect(await search('xyzzy')).toEqual([]);
    // Renamed through the API, it is found by its new name's pinyin and no longer by its old one's.
    const byCode = await app.execute(EnterpriseByCodeDocument, { creditCode: testCode(103) }, admin);
    const { id, version } = byCode.data!.enterprise!;
    const renamed = await app.execute(UpdateEnterpriseDocument, { input: { id, version, name: '阿里巴巴测试光电有限公司' } }, admin);
    expect(renamed.data!.updateEnterprise.errors).toEqual([]);
    expect(await search('alibaba')).toEqual(['阿里巴巴测试光电有限公司']);
    expect(await search('albbcs')).toEqual(['阿里巴巴测试光电有限公司']);
    expect(await search('alcs')).toEqual([]);
    // Its name back, for the other tests of this block (they run in any order).
    const back = await app.execute(UpdateEnterpriseDocument, { input: { id, version: version + 1, name: '阿里测试光电有限公司' } }, admin);
    expect(back.data!.updateEnterprise.errors).toEqual([]);
    // Each enterprise's spelling is what the spelling function makes of its name, for those created by the API too.
    const rows = await app.orm.em.fork().execute<{ name: string; name_pinyin: string }[]>(`select name, name_pinyin from enterprise order by credit_code`);
    expect(rows.map((r) => r.name_pinyin)).toEqual(rows.map((r) => namePinyin(r.name)));
  });

  it('filters by size class', async () => {
    const r = await app.execute(EnterpriseNamesDocument, { filter: { sizes: ['SMALL'], search: '测试' } }, admin);
    expect(r.data!.enterprises.edges.map((e) => e.node.name)).toHaveLength(5);
    const none = await app.execute(EnterpriseNamesDocument, { filter: { sizes: ['LARGE', 'MICRO'], search: '测试' } }, admin);
    expect(none.data!.enterprises.edges).toEqual([]);
  });
});

describe('paging', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    const { loadTestZone } = await import('./support/registry');
    await loadTestZone(app.orm, 230);
  });
  afterAll(() => app.close());

  type Page = { codes: string[]; info: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
  const page = async (vars: Record<string, unknown>): Promise<Page> => {
    const r = await app.execute(EnterprisePageDocument, vars, admin);
    expect(r.errors).toBeUndefined();
    return { codes: r.data!.enterprises.edges.map((e) => e.node.creditCode), info: r.data!.enterprises.pageInfo };
  };

  async function expectEachExactlyOnce(orderBy: unknown, expectedOrder: string[]) {
    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page({ orderBy, first: 37, after });
      forward.push(...p.codes);
      after = p.info.hasNextPage ? p.info.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(230 / 37));
    expect(forward).toEqual(expectedOrder);

    const backward: string[] = [];
    let before: string | null = null;
    do {
      const p: Page = await page({ orderBy, last: 41, before });
      backward.unshift(...p.codes);
      before = p.info.hasPreviousPage ? p.info.startCursor : null;
    } while (before);
    expect(backward).toEqual(expectedOrder);
  }

  it('pages forward and back through every enterprise exactly once, by name', async () => {
    const rows = await app.orm.em.fork().execute<{ credit_code: string }[]>(
      'select credit_code from enterprise order by name collate "zh-x-icu", id',
    );
    expect(rows).toHaveLength(230);
    await expectEachExactlyOnce(null, rows.map((r) => r.credit_code));
  });

  it('pages exactly once with a mixed-direction order (capital desc, name asc)', async () => {
    const rows = await app.orm.em.fork().execute<{ credit_code: string }[]>(
      'select credit_code from enterprise order by registered_capital desc, name collate "zh-x-icu" asc, id desc',
    );
    await expectEachExactlyOnce([{ field: 'REGISTERED_CAPITAL', direction: 'DESC' }, { field: 'NAME', direction: 'ASC' }], rows.map((r) => r.credit_code));
  });

  it('counts the whole filtered list and reports page boundaries', async () => {
    const first = await app.execute(EnterprisePageDocument, { first: 5, filter: { industries: ['BIOMEDICINE'] } }, admin);
    const [row] = await app.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from enterprise where industry = 'BIOMEDICINE'`);
    expect(first.data!.enterprises.totalCount).toBe(Number(row!.n));
    const edges = first.data!.enterprises.edges;
    expect(edges).toHaveLength(5);
    expect(first.data!.enterprises.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges[4]!.cursor,
    });
  });

  it('refuses first over 100, a negative size, first with last, and a foreign cursor with BAD_USER_INPUT', async () => {
    const codeOf = async (vars: Record<string, unknown>) => {
      const r = await app.execute(EnterprisePageDocument, vars, admin);
      return r.errors?.map((e) => [e.extensions?.['code'], e.message]);
    };
    expect(await codeOf({ first: 101 })).toEqual([['BAD_USER_INPUT', 'first must be at most 100; asked for 101.']]);
    expect(await codeOf({ last: -1 })).toEqual([['BAD_USER_INPUT', 'last must be a whole number of 0 or more.']]);
    expect(await codeOf({ first: 5, last: 5 })).toEqual([['BAD_USER_INPUT', 'Give either first or last, not both.']]);
    expect(await codeOf({ first: 5, after: 'bm90LWEtY3Vyc29y' })).toEqual([['BAD_USER_INPUT', 'after is not a cursor from this list.']]);
  });
});

/**
 * The lists of an enterprise that grow (patents, projects, incentive plans and their grants, talent awards, credit
 * ratings, dishonest debtor checks) are connections, each read for a whole page of enterprises at once: in the SQL
 * answer, in the page's read-ahead, and by the resolvers' loaders (READ_AHEAD=false). The oracle for the values is
 * PostgreSQL read directly; for the three ways, each other.
 */
describe('the lists of a page of enterprises, as connections', () => {
  let app: TestApp;
  /** The same code and database, reading field by field. */
  let plain: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    plain = await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl'), env: { READ_AHEAD: 'false' } });
    const { loadTestZone } = await import('./support/registry');
    await loadTestZone(app.orm, 60);
  }, 60_000);
  afterAll(async () => {
    await plain.close();
    await app.close();
  });

  const LISTS = `
    patents(first: 10) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { number appraisals { value } } }
    projects(first: 10) { totalCount nodes { title startsOn participants { role institution { name } } } }
    incentivePlans(first: 10) { totalCount nodes { form grants(first: 10) { totalCount nodes { granteeName grantedOn } } } }
    talentAwards(first: 10) { totalCount nodes { scheme awardedOn } }
    creditRatings(first: 10) { totalCount nodes { rating ratedOn } }
    dishonestDebtorChecks(first: 10) { totalCount edges { cursor node { checkedOn } } }`;
  /** A page of enterprises with every list; `extra` a field without an SQL form, so the page is read ahead instead. */
  const pageOf = (extra = '') => `query ($first: Int!) { enterprises(first: $first) { edges { node { creditCode ${LISTS} ${extra} } } } }`;

  it('reads a page of 5 or 50 enterprises, each with the first 10 of every list, in as many statements', async () => {
    const counts: Record<string, number[]> = { inSql: [], readAhead: [], fieldByField: [] };
    for (const first of [5, 50]) {
      const inSql = await app.countStatements(() => app.execute(pageOf(), { first }, admin));
      const readAhead = await app.countStatements(() => app.execute(pageOf('financialBands { fiscalYear }'), { first }, admin));
      const fieldByField = await plain.countStatements(() => plain.execute(pageOf(), { first }, admin));
      expect(inSql.result.errors).toBeUndefined();
      expect(readAhead.result.errors).toBeUndefined();
      // The three ways answer alike (the read-ahead page has its banded figures besides).
      expect(inSql.result).toEqual(fieldByField.result);
      const withoutBands = (readAhead.result.data as { enterprises: { edges: { node: Record<string, unknown> }[] } }).enterprises.edges.map(({ node }) => {
        const { financialBands: _, ...rest } = node;
        return { node: rest };
      });
      expect({ enterprises: { edges: withoutBands } }).toEqual(inSql.result.data);
      counts['inSql']!.push(inSql.statements);
      counts['readAhead']!.push(readAhead.statements);
      counts['fieldByField']!.push(fieldByField.statements);
    }
    // One statement; the page and one read-ahead; the page and one per list and level (patents, their appraisals,
    // projects, their participants and the institutions, read whole, plans, their grants, awards, ratings, checks),
    // whatever the page's size.
    expect(counts).toEqual({ inSql: [1, 1], readAhead: [2, 2], fieldByField: [11, 11] });
  });

  it('answers each list as PostgreSQL holds it: its order, its length, and pages that neither repeat nor skip', async () => {
    const sql = await app.sql();
    const [busiest] = (
      await sql.query<{ credit_code: string; id: string }>(
        `select e.credit_code, e.id from enterprise e join patent p on p.owner_id = e.id group by e.id order by count(*) desc, e.credit_code limit 1`,
      )
    ).rows;
    const numbers = (await sql.query<{ number: string }>('select number from patent where owner_id = $1 order by number, id', [busiest!.id])).rows.map((r) => r.number);
    expect(numbers.length).toBeGreaterThan(2);
    const walk = (extra: string) => `query ($codes: [CreditCode!]!, $after: String) { enterprises(first: 1, filter: { creditCodes: $codes }) { edges { node {
      patents(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { number } } nodes { number } } ${extra} } } } }`;
    // In SQL; read ahead (banded figures have no SQL form); field by field.
    for (const [on, extra] of [[app, ''], [app, 'financialBands { fiscalYear }'], [plain, '']] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r: { errors?: unknown; data?: any } = await on.execute<any, any>(walk(extra), { codes: [busiest!.credit_code], after }, admin);
        expect(r.errors).toBeUndefined();
        const { patents }: { patents: any } = r.data.enterprises.edges[0].node;
        const page = numbers.slice(seen.length, seen.length + 2);
        expect(patents).toEqual({
          totalCount: numbers.length,
          pageInfo: {
            hasNextPage: seen.length + page.length < numbers.length,
            hasPreviousPage: after !== null,
            startCursor: patents.edges[0].cursor,
            endCursor: patents.edges.at(-1).cursor,
          },
          edges: page.map((number) => ({ cursor: expect.any(String), node: { number } })),
          nodes: page.map((number) => ({ number })),
        });
        seen.push(...page);
        if (!patents.pageInfo.hasNextPage) break;
        after = patents.pageInfo.endCursor;
      }
      expect(seen).toEqual(numbers);
    }
  });

  it('lists a project once for an enterprise in it in two roles, and counts it once', async () => {
    const sql = await app.sql();
    // An enterprise of the zone also a partner of a project it funds.
    const [row] = (
      await sql.query<{ credit_code: string; project_id: string; enterprise_id: string }>(
        `select e.credit_code, pp.project_id, pp.enterprise_id from project_participant pp join enterprise e on e.id = pp.enterprise_id order by e.credit_code limit 1`,
      )
    ).rows;
    await sql.query(
      `insert into project_participant (id, project_id, enterprise_id, role, created_at, updated_at) values (gen_random_uuid(), $1, $2, 'PARTNER', now(), now())`,
      [row!.project_id, row!.enterprise_id],
    );
    const expected = (
      await sql.query<{ title: string }>(
        `select p.title from research_project p where p.id in (select project_id from project_participant where enterprise_id = $1) order by p.start_date desc, p.id`,
        [row!.enterprise_id],
      )
    ).rows;
    const query = `query ($codes: [CreditCode!]!) { enterprises(first: 1, filter: { creditCodes: $codes }) { edges { node { projects { totalCount nodes { title } } } } } }`;
    for (const on of [app, plain]) {
      const r = await on.execute<any, any>(query, { codes: [row!.credit_code] }, admin);
      expect(r.data.enterprises.edges[0].node.projects).toEqual({ totalCount: expected.length, nodes: expected });
    }
  });
});
