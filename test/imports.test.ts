import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { Role } from '../src/auth/roles';
import { createAccount } from '../src/modules/account/account.service';
import { EXAMPLE_ENTERPRISES, KINDS } from '../src/modules/imports/import.kinds';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode, wrongCheckCode } from './support/registry';
import {
  CreateEnterpriseDocument,
  ImportAuditEventsDocument,
  ImportDocument,
  ImportedEnterpriseDocument,
  ImportRecordsDocument,
  ImportsDocument,
  type ImportKind,
} from './support/generated/graphql';

/**
 * Excel and CSV in (issue 15 item 3), through GraphQL (`importRecords`, `import`, `imports`) and HTTP (`POST /imports/:kind`,
 * the templates), on a real PostgreSQL. Files are built here with exceljs and csv-stringify, as a person's spreadsheet
 * would hold them: Excel dates and numbers, text in the forms a Chinese Excel writes into a CSV.
 */

type Cell = string | number | boolean | Date | null | { formula: string; result: number };
type Rows = Record<string, Cell>[];

const admin = as(Role.ZONE_ADMIN);
const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;
const CMB = BANKS.find((b) => b.key === 'CMB')!;
const today = zoneToday();
const ADMIN = { role: 'ZONE_ADMIN', name: 'Zone administration' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** An .xlsx of `rows` under `headers` (the first row's keys when not given): dates as Excel dates, numbers as numbers. */
async function xlsxOf(rows: Rows, headers: string[] = Object.keys(rows[0]!)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(headers);
  for (const row of rows) {
    const added = sheet.addRow(headers.map((h) => row[h] ?? null));
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV of `rows`, UTF-8 with a byte-order mark (as Excel's "CSV UTF-8") unless told otherwise. */
function csvOf(rows: Rows, headers: string[] = Object.keys(rows[0]!), bom = true): Buffer {
  return Buffer.from(stringify([headers, ...rows.map((r) => headers.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))))], { bom }), 'utf8');
}

describe('importing from Excel and CSV', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());
  // Each test starts from the reference data alone (imports and the audit trail are kept, and compared by difference).
  beforeEach(() => resetRegistry(app.orm));

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);

  /** Imports through GraphQL, as a machine client: the payload. */
  async function importFile(kind: ImportKind, fileName: string, content: Buffer, isDryRun: boolean, language: 'CHINESE' | 'ENGLISH' = 'CHINESE') {
    const result = await app.execute(ImportRecordsDocument, { input: { kind, fileName, content: content.toString('base64'), isDryRun }, language }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!.importRecords;
  }

  /** Posts a file to /imports/:kind, as the web console does. */
  async function post(slug: string, fileName: string, content: Buffer, options: { type?: string; dryRun?: string; token?: string | null; cookie?: string; query?: string } = {}) {
    const token = options.token === undefined ? await app.token(Role.ZONE_ADMIN) : options.token;
    const type = options.type ?? (content.subarray(0, 2).toString() === 'PK' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    const res = await fetch(`${app.url}/imports/${slug}?dryRun=${options.dryRun ?? 'false'}${options.query ?? ''}`, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-file-name': encodeURIComponent(fileName),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: content,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** An import as `import(id)` shows it, done without a problem. */
  const done = (kind: ImportKind, fileName: string, content: Buffer, rows: number, isDryRun = false) => ({
    id: expect.stringMatching(/^IMP_/),
    kind,
    fileName,
    fileSha256: sha256(content),
    fileSize: content.length,
    isDryRun,
    status: 'SUCCEEDED',
    rowCount: rows,
    processedRows: rows,
    // An instant: a Date in process (executeOperation), a string over HTTP.
    startedAt: expect.anything(),
    finishedAt: expect.anything(),
    actor: ADMIN,
    problems: [],
  });

  /** What the registry holds, table by table (a digest of every row): to show that nothing was written. */
  async function registry(): Promise<Record<string, string>> {
    const tables = ['enterprise', 'fiscal_year_financials', 'credit_rating_record', 'tax_credit_grade', 'dishonest_debtor_check', 'data_authorization'];
    const digest: Record<string, string> = {};
    for (const t of tables) {
      const [row] = await sql<{ n: string; d: string }>(`select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${t} t`);
      digest[t] = `${row!.n} ${row!.d}`;
    }
    const [rollups] = await sql<{ d: string }>(
      `select md5(coalesce((select string_agg(z::text, '|' order by z::text) from rollup.zone z), '') || coalesce((select string_agg(f::text, '|' order by f::text) from rollup.fiscal_year f), '')) as d`,
    );
    digest['rollups'] = rollups!.d;
    return digest;
  }

  /** The newest audit events of imports, newest first. */
  const importEvents = async (first = 5) => (await app.execute(ImportAuditEventsDocument, { first }, admin)).data!.auditEvents.edges.map((e) => e.node);

  it('imports each kind from an Excel file and from a CSV, read back whole through GraphQL', async () => {
    const [E1, E2, E3] = [testCode(701), testCode(702), wrongCheckCode(703)];
    const enterprisesXlsx = await xlsxOf([
      {
        统一社会信用代码: E1, 企业名称: '武汉导入光电科技有限公司', 英文名称: 'Wuhan Import Photonics Co., Ltd.', 所属产业: '光电子信息', 高新技术领域: '电子信息',
        国民经济行业门类: '制造业', 所在园区: '光电子信息产业园', 产业集群: 'LASER', 成立日期: day('2016-03-18'), '注册资本（元）': 30000000.5, 企业规模: '小型企业',
        是否国有企业: '否', 所属高校: '华中科技大学', 是否上市公司: false, 是否转制院所企业: null, 是否转制院所投资企业: '否', 是否高校院所投资企业: '是', 校验码例外理由: null,
      },
      {
        统一社会信用代码: E3.toLowerCase(), 企业名称: '武汉早期登记导入有限公司', 英文名称: null, 所属产业: 'HIGH_END_EQUIPMENT', 高新技术领域: null, 国民经济行业门类: null,
        所在园区: 'FUTURE_CITY', 产业集群: null, 成立日期: '1998-12-01', '注册资本（元）': { formula: '0.1+0.2', result: 0.1 + 0.2 }, 企业规模: '微型',
        是否国有企业: true, 所属高校: null, 是否上市公司: null, 是否转制院所企业: '是', 是否转制院所投资企业: null, 是否高校院所投资企业: null, 校验码例外理由: '营业执照原件所载代码',
      },
    ]);
    // A CSV as a Chinese Excel saves one: dates as 2018/7/1, amounts with a ¥ and thousands separators; the columns in another order, optional ones left out.
    const enterprisesCsv = csvOf([
      { 企业规模: 'MEDIUM', 企业名称: '武汉导入生物医药有限公司', 统一社会信用代码: E2, 所属产业: '生物医药', 所在园区: '光谷生物城', 成立日期: '2018/7/1', '注册资本（元）': '¥1,234,567.80', 是否国有企业: '是' },
    ]);
    expect(await importFile('ENTERPRISES', '企业名录（第一批）.xlsx', enterprisesXlsx, false)).toEqual({
      import: done('ENTERPRISES', '企业名录（第一批）.xlsx', enterprisesXlsx, 2),
      problems: [],
      errors: [],
    });
    expect(await importFile('ENTERPRISES', '企业名录（第二批）.csv', enterprisesCsv, false)).toEqual({
      import: done('ENTERPRISES', '企业名录（第二批）.csv', enterprisesCsv, 1),
      problems: [],
      errors: [],
    });

    const files: [ImportKind, string, Buffer][] = [
      [
        'FISCAL_YEAR_FIGURES',
        '年度数据.xlsx',
        await xlsxOf([
          {
            统一社会信用代码: E1, 年度: 2024, '销售收入（元）': 86000000, '研发费用（元）': 5160000, '境内研发费用（元）': 5160000, '高新技术产品（服务）收入（元）': 64500000,
            '收入总额（元）': 87200000.25, '资产总额（元）': 120000000, 职工总数: 180, 科技人员: 46, 研发人员: 38, 创新能力评分: 78, 是否发生重大事故或严重环境违法: '否',
          },
          {
            统一社会信用代码: E1, 年度: '2023', '销售收入（元）': '72000000.50', '研发费用（元）': '3960000', '境内研发费用（元）': '3800000', '高新技术产品（服务）收入（元）': '50400000',
            '收入总额（元）': null, '资产总额（元）': null, 职工总数: '150', 科技人员: '40', 研发人员: null, 创新能力评分: null, 是否发生重大事故或严重环境违法: null,
          },
        ]),
      ],
      [
        'FISCAL_YEAR_FIGURES',
        '年度数据.csv',
        csvOf([{ 统一社会信用代码: E2, 年度: '2024', '销售收入（元）': '9,000,000', '研发费用（元）': '900000.1', '境内研发费用（元）': '900000.1', '高新技术产品（服务）收入（元）': '0', 职工总数: '60', 科技人员: '12' }]),
      ],
      ['CREDIT_RATINGS', '信用评级.xlsx', await xlsxOf([{ 统一社会信用代码: E1, 信用等级: 'AA', 评级机构: '武汉东湖信用评级有限公司', 评级日期: day('2025-06-30'), 有效期至: null }])],
      ['CREDIT_RATINGS', '信用评级.csv', csvOf([{ 统一社会信用代码: E2, 信用等级: 'BBB级', 评级机构: '湖北中小企业信用评价中心', 评级日期: '2025-03-01', 有效期至: '2026-02-28' }])],
      ['TAX_CREDIT_GRADES', '纳税信用.xlsx', await xlsxOf([{ 统一社会信用代码: E1, 纳税年度: 2024, 纳税信用等级: 'A', 公布日期: day('2025-04-20') }])],
      ['TAX_CREDIT_GRADES', '纳税信用.csv', csvOf([{ 统一社会信用代码: E2, 纳税年度: '2024', 纳税信用等级: 'B级', 公布日期: '2025年4月21日' }])],
      ['DISHONEST_DEBTOR_CHECKS', '失信查询.xlsx', await xlsxOf([{ 统一社会信用代码: E1, 查询日期: day('2025-10-08'), 是否列入失信名单: false, 查询来源: '中国执行信息公开网' }])],
      ['DISHONEST_DEBTOR_CHECKS', '失信查询.csv', csvOf([{ 统一社会信用代码: E2, 查询日期: '2025-10-09', 是否列入失信名单: '是', 查询来源: '信用中国（湖北）' }])],
      [
        'PAPER_AUTHORIZATIONS',
        '纸质授权.xlsx',
        await xlsxOf([
          {
            统一社会信用代码: E1, 被授权银行: '汉口银行', 授权范围: '基本信息、财务数据', 用途: '科技信用贷款授信审查', 生效日期: day(today), 截止日期: day(addMonths(today, 12)),
            签字人: '王伟（财务总监）', 授权书编号: '授权书〔2026〕017号',
          },
        ]),
      ],
      [
        'PAPER_AUTHORIZATIONS',
        '纸质授权.csv',
        csvOf([{ 统一社会信用代码: E2, 被授权银行: CMB.creditCode, 授权范围: 'PROFILE,ELIGIBILITY', 用途: '知识产权质押贷款试点资格审核', 生效日期: today, 截止日期: addMonths(today, 6), 签字人: '李娜（总经理）', 授权书编号: 'SQ-2026-0018' }]),
      ],
    ];
    for (const [kind, fileName, content] of files) {
      const rows = kind === 'FISCAL_YEAR_FIGURES' && fileName.endsWith('.xlsx') ? 2 : 1;
      expect({ fileName, payload: await importFile(kind, fileName, content, false) }).toEqual({ fileName, payload: { import: done(kind, fileName, content, rows), problems: [], errors: [] } });
    }

    const read = async (code: string) => {
      const result = await app.execute(ImportedEnterpriseDocument, { creditCode: code }, admin);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    expect(await read(E1)).toEqual({
      enterprise: {
        creditCode: E1, name: '武汉导入光电科技有限公司', nameEn: 'Wuhan Import Photonics Co., Ltd.', industry: 'OPTOELECTRONIC_INFORMATION', highTechField: 'ELECTRONIC_INFORMATION',
        economicSector: 'MANUFACTURING', park: { code: 'OPTOELECTRONICS_PARK' }, cluster: { code: 'LASER' }, foundedOn: '2016-03-18', registeredCapital: '30000000.50',
        size: 'SMALL', isStateOwned: false, university: { name: '华中科技大学' }, isListedOnExchange: false, isConvertedInstitute: null,
        isInvestedByConvertedInstitute: false, isInvestedByAcademia: true, creditCodeOverride: null,
        financials: [
          {
            fiscalYear: 2024, revenue: '86000000.00', rdExpense: '5160000.00', rdExpenseInChina: '5160000.00', highTechRevenue: '64500000.00', totalIncome: '87200000.25',
            totalAssets: '120000000.00', employees: 180, scienceAndTechnologyStaff: 46, rdStaff: 38, innovationScore: 78, hadMajorIncident: false,
          },
          {
            fiscalYear: 2023, revenue: '72000000.50', rdExpense: '3960000.00', rdExpenseInChina: '3800000.00', highTechRevenue: '50400000.00', totalIncome: null,
            totalAssets: null, employees: 150, scienceAndTechnologyStaff: 40, rdStaff: null, innovationScore: null, hadMajorIncident: null,
          },
        ],
        // No validUntil given: a year after the rating, less a day (as recordCreditRating does).
        creditRatings: { nodes: [{ rating: 'AA', agency: '武汉东湖信用评级有限公司', ratedOn: '2025-06-30', validUntil: '2026-06-29' }] },
        taxCreditGrades: [{ year: 2024, grade: 'A', evaluatedOn: '2025-04-20' }],
        dishonestDebtorChecks: { nodes: [{ checkedOn: '2025-10-08', wasListed: false, source: '中国执行信息公开网' }] },
      },
      authorizations: {
        nodes: [
          {
            bank: { name: HANKOU.name }, scopes: ['PROFILE', 'FINANCIALS'], purpose: '科技信用贷款授信审查', validFrom: today, validUntil: addMonths(today, 12),
            signer: '王伟（财务总监）', paperReference: '授权书〔2026〕017号', grantedBy: { role: 'ZONE_ADMIN' }, isActive: true,
          },
        ],
      },
    });
    expect(await read(E2)).toEqual({
      enterprise: {
        creditCode: E2, name: '武汉导入生物医药有限公司', nameEn: null, industry: 'BIOMEDICINE', highTechField: null, economicSector: null, park: { code: 'BIOLAKE' },
        cluster: null, foundedOn: '2018-07-01', registeredCapital: '1234567.80', size: 'MEDIUM', isStateOwned: true, university: null, isListedOnExchange: null,
        isConvertedInstitute: null, isInvestedByConvertedInstitute: null, isInvestedByAcademia: null, creditCodeOverride: null,
        financials: [
          {
            fiscalYear: 2024, revenue: '9000000.00', rdExpense: '900000.10', rdExpenseInChina: '900000.10', highTechRevenue: '0.00', totalIncome: null, totalAssets: null,
            employees: 60, scienceAndTechnologyStaff: 12, rdStaff: null, innovationScore: null, hadMajorIncident: null,
          },
        ],
        creditRatings: { nodes: [{ rating: 'BBB', agency: '湖北中小企业信用评价中心', ratedOn: '2025-03-01', validUntil: '2026-02-28' }] },
        taxCreditGrades: [{ year: 2024, grade: 'B', evaluatedOn: '2025-04-21' }],
        dishonestDebtorChecks: { nodes: [{ checkedOn: '2025-10-09', wasListed: true, source: '信用中国（湖北）' }] },
      },
      authorizations: {
        nodes: [
          {
            bank: { name: CMB.name }, scopes: ['PROFILE', 'ELIGIBILITY'], purpose: '知识产权质押贷款试点资格审核', validFrom: today, validUntil: addMonths(today, 6),
            signer: '李娜（总经理）', paperReference: 'SQ-2026-0018', grantedBy: { role: 'ZONE_ADMIN' }, isActive: true,
          },
        ],
      },
    });
    // The early code with a wrong check character, accepted with its reason as an administrator's createEnterprise would;
    // an amount computed by a formula, as Excel shows it (0.30), not as a float holds it.
    expect(await read(E3)).toEqual({
      enterprise: {
        creditCode: E3, name: '武汉早期登记导入有限公司', nameEn: null, industry: 'HIGH_END_EQUIPMENT', highTechField: null, economicSector: null,
        park: { code: 'FUTURE_CITY' }, cluster: null, foundedOn: '1998-12-01', registeredCapital: '0.30', size: 'MICRO', isStateOwned: true, university: null,
        isListedOnExchange: null, isConvertedInstitute: true, isInvestedByConvertedInstitute: null, isInvestedByAcademia: null,
        creditCodeOverride: { reason: '营业执照原件所载代码' },
        financials: [], creditRatings: { nodes: [] }, taxCreditGrades: [], dishonestDebtorChecks: { nodes: [] },
      },
      authorizations: { nodes: [] },
    });
  });

  it('lists every problem of a dry run (row, column, Chinese words) and writes nothing', async () => {
    const registered = testCode(712);
    expect((await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(registered, '武汉已登记企业有限公司') }, admin)).data!.createEnterprise.errors).toEqual([]);
    const before = await registry();
    const good = (code: string, name: string): Record<string, Cell> => ({
      统一社会信用代码: code, 企业名称: name, 所属产业: '光电子信息', 所在园区: '光谷软件园', 成立日期: day('2015-05-05'), '注册资本（元）': 1000000, 企业规模: '小型',
    });
    const E = testCode(711);
    const file = await xlsxOf([
      good(E, '武汉正常企业有限公司'), // row 2: no problem
      { ...good('9142010012345', '武汉代码有误有限公司'), 成立日期: '2019-02-30' }, // row 3: two cells that cannot be read
      { ...good(testCode(713), ''), '注册资本（元）': -5, 所在园区: '不存在的园区' }, // row 4: three rules broken
      good(E, '武汉重复企业有限公司'), // row 5: the same code as row 2
      good(registered, '武汉已登记企业有限公司'), // row 6: registered already
      { ...good(testCode(714), '武汉规模有误有限公司'), 企业规模: '巨型', 所属产业: null }, // row 7
      { ...good(wrongCheckCode(715), '武汉校验码有误有限公司'), '注册资本（元）': 1234.567 }, // row 8
    ]);
    const answer = await importFile('ENTERPRISES', '有问题的企业名录.xlsx', file, true);
    const problems = [
      { row: 3, column: '统一社会信用代码', code: 'INVALID_INPUT', message: '"9142010012345" 不是统一社会信用代码：应为 18 位数字或大写字母（不含 I、O、S、V、Z），第 3–8 位为 6 位行政区划码。' },
      { row: 3, column: '成立日期', code: 'INVALID_INPUT', message: '2019-02-30 不是有效的日期：请填写 YYYY-MM-DD 格式的日期（如 2025-01-10）。' },
      { row: 4, column: '企业名称', code: 'INVALID_INPUT', message: '不能为空。' },
      { row: 4, column: '所在园区', code: 'NOT_FOUND', message: '没有代码为 不存在的园区 的园区。' },
      { row: 4, column: '注册资本（元）', code: 'INVALID_INPUT', message: '须大于 0。' },
      { row: 5, column: '统一社会信用代码', code: 'DUPLICATE', message: '与第 2 行的统一社会信用代码相同：同一企业只能登记一次。' },
      { row: 6, column: '统一社会信用代码', code: 'DUPLICATE', message: `统一社会信用代码为 ${registered} 的企业已经登记。` },
      { row: 7, column: '所属产业', code: 'INVALID_INPUT', message: '必填，不能为空。' },
      { row: 7, column: '企业规模', code: 'INVALID_INPUT', message: '“巨型”不是可填写的值，应为：大型、中型、小型、微型。' },
      { row: 8, column: '注册资本（元）', code: 'INVALID_INPUT', message: '1234.567 不是有效的金额：请填写最多两位小数的数字，如 1234.50。' },
    ];
    expect(answer).toEqual({
      import: { ...done('ENTERPRISES', '有问题的企业名录.xlsx', file, 7, true), status: 'FAILED', problems },
      problems,
      errors: [],
    });

    // Rows that name an enterprise the registry does not hold, the same year twice, figures that contradict each other;
    // in English on request.
    const figures = (code: string, year: string, rd = '100000', inChina = '100000') => ({
      统一社会信用代码: code, 年度: year, '销售收入（元）': '5000000', '研发费用（元）': rd, '境内研发费用（元）': inChina, '高新技术产品（服务）收入（元）': '1000000', 职工总数: '30', 科技人员: '5',
    });
    const csv = csvOf([figures(registered, '2024'), figures(testCode(719), '2024'), figures(registered, '2024'), figures(registered, '2099', '100', '200')]);
    const english = await importFile('FISCAL_YEAR_FIGURES', 'figures.csv', csv, true, 'ENGLISH');
    expect(english.problems).toEqual([
      { row: 3, column: '统一社会信用代码', code: 'NOT_FOUND', message: `No enterprise with credit code ${testCode(719)} is registered.` },
      { row: 4, column: '年度', code: 'DUPLICATE', message: 'The same enterprise and fiscal year as row 2: a year is recorded once.' },
      { row: 5, column: '年度', code: 'INVALID_INPUT', message: `input.fiscalYear must be a whole number from 1949 to ${today.slice(0, 4)}.` },
      { row: 5, column: '境内研发费用（元）', code: 'INVALID_INPUT', message: 'rdExpenseInChina cannot be more than rdExpense.' },
    ]);
    expect(english.import!.problems.map((p) => p.message)).toEqual([
      `没有登记统一社会信用代码为 ${testCode(719)} 的企业。`,
      '与第 2 行是同一企业的同一年度：一个年度只能录入一次。',
      `须为 1949 至 ${today.slice(0, 4)} 之间的整数。`,
      '境内研发费用不能多于研发费用。',
    ]);
    expect(await registry()).toEqual(before);
  });

  it('refuses a real run with one bad row, writing nothing, and audits the refusal', async () => {
    const code = testCode(721);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, '武汉评级导入有限公司') }, admin);
    const before = await registry();
    const file = csvOf([
      { 统一社会信用代码: code, 信用等级: 'AA', 评级机构: '武汉东湖信用评级有限公司', 评级日期: '2025-01-10' },
      { 统一社会信用代码: code, 信用等级: 'A', 评级机构: '武汉东湖信用评级有限公司', 评级日期: addMonths(today, 1) },
      { 统一社会信用代码: code, 信用等级: 'BBB', 评级机构: '湖北中小企业信用评价中心', 评级日期: '2024-01-10' },
    ]);
    const problems = [{ row: 3, column: '评级日期', code: 'INVALID_INPUT', message: `${addMonths(today, 1)} 晚于今天（${today}）。` }];
    expect(await importFile('CREDIT_RATINGS', '信用评级.csv', file, false)).toEqual({
      import: { ...done('CREDIT_RATINGS', '信用评级.csv', file, 3), status: 'FAILED', processedRows: 0, problems },
      problems,
      errors: [
        {
          __typename: 'ImportProblemsError',
          code: 'INVALID_INPUT',
          field: 'input.content',
          message: 'The file has 1 problem(s); nothing was written. They are listed in problems.',
          problemCount: 1,
        },
      ],
    });
    expect(await registry()).toEqual(before);
    expect((await importEvents(1))[0]).toEqual({
      operation: 'importRecords',
      outcome: 'REFUSED',
      actor: { role: 'ZONE_ADMIN' },
      enterprise: null,
      import: { id: expect.stringMatching(/^IMP_/), kind: 'CREDIT_RATINGS', fileName: '信用评级.csv', fileSha256: sha256(file), rowCount: 3, isDryRun: false },
    });
  });

  it('writes every row of a real run with one audit event naming the file and its row count, and keeps the rollups exact', async () => {
    const codes = Array.from({ length: 30 }, (_, i) => testCode(800 + i));
    const enterprises = await xlsxOf(
      codes.map((code, i) => ({
        统一社会信用代码: code, 企业名称: `武汉批量导入企业${i + 1}号有限公司`, 所属产业: i % 2 ? '生物医药' : '光电子信息', 所在园区: i % 3 ? '光谷生物城' : '光谷软件园',
        成立日期: day('2012-03-01'), '注册资本（元）': 1000000 + i, 企业规模: '小型', 所属高校: i % 5 ? null : '武汉大学',
      })),
    );
    const figures = csvOf(
      codes.map((code, i) => ({
        统一社会信用代码: code, 年度: '2024', '销售收入（元）': String(10000000 + i * 1000), '研发费用（元）': '600000', '境内研发费用（元）': '600000',
        '高新技术产品（服务）收入（元）': '7000000', 职工总数: '50', 科技人员: '10',
      })),
    );
    const [latest] = await importEvents(1);
    const since = async () => {
      const events = await importEvents(10);
      return events.slice(0, latest ? events.findIndex((e) => e.import?.id === latest.import?.id) : events.length);
    };
    const first = await importFile('ENTERPRISES', '批量企业.xlsx', enterprises, false);
    const second = await importFile('FISCAL_YEAR_FIGURES', '批量年度数据.csv', figures, false);
    expect([first.import!.status, first.import!.processedRows, second.import!.status, second.import!.processedRows]).toEqual(['SUCCEEDED', 30, 'SUCCEEDED', 30]);
    expect(await since()).toEqual([
      {
        operation: 'importRecords', outcome: 'DONE', actor: { role: 'ZONE_ADMIN' }, enterprise: null,
        import: { id: second.import!.id, kind: 'FISCAL_YEAR_FIGURES', fileName: '批量年度数据.csv', fileSha256: sha256(figures), rowCount: 30, isDryRun: false },
      },
      {
        operation: 'importRecords', outcome: 'DONE', actor: { role: 'ZONE_ADMIN' }, enterprise: null,
        import: { id: first.import!.id, kind: 'ENTERPRISES', fileName: '批量企业.xlsx', fileSha256: sha256(enterprises), rowCount: 30, isDryRun: false },
      },
    ]);
    // The whole-zone figures kept by triggers answer as the live aggregates do (test/rollups.test.ts's oracle).
    const summary = `query ($filter: EnterpriseFilter) { portfolioSummary(filter: $filter) {
      enterpriseCount universityAffiliatedCount registeredCapital byIndustry { industry count } byPark { park { code } count }
      byFiscalYear { fiscalYear reporting revenue rdExpense highTechRevenue employees scienceAndTechnologyStaff } } }`;
    const rolled = await app.execute(summary, { filter: null }, admin);
    expect(rolled).toEqual(await app.execute(summary, { filter: {} }, admin));
    expect(rolled.data).toEqual({
      portfolioSummary: {
        enterpriseCount: 30,
        universityAffiliatedCount: 6,
        registeredCapital: '30000435.00',
        byIndustry: [{ industry: 'OPTOELECTRONIC_INFORMATION', count: 15 }, { industry: 'BIOMEDICINE', count: 15 }],
        byPark: [{ park: { code: 'BIOLAKE' }, count: 20 }, { park: { code: 'OPTICS_VALLEY_SOFTWARE' }, count: 10 }],
        byFiscalYear: [
          { fiscalYear: 2024, reporting: 30, revenue: '300435000.00', rdExpense: '18000000.00', highTechRevenue: '210000000.00', employees: 1500, scienceAndTechnologyStaff: 300 },
        ],
      },
    });
  });

  it('writes nothing when the writing fails part way, after batches were flushed: FAILED, audited, the rollups as they were', async () => {
    // The 1,500th row fails in PostgreSQL (a trigger of this test's), after the first 1,000 were flushed.
    await sql(`create function import_test_failure() returns trigger language plpgsql as $$
      begin if new.name = '武汉写入失败企业1499号有限公司' then raise exception 'simulated failure'; end if; return new; end $$`);
    await sql('create trigger import_fails before insert on enterprise for each row execute function import_test_failure()');
    try {
      const before = await registry();
      const lines = ['统一社会信用代码,企业名称,所属产业,所在园区,成立日期,注册资本（元）,企业规模'];
      for (let i = 0; i < 1_500; i++) lines.push(`${testCode(200_000 + i)},武汉写入失败企业${i}号有限公司,新能源,光谷未来科技城,2016-06-06,800000,微型`);
      const file = Buffer.from(lines.join('\n'));
      const answer = await importFile('ENTERPRISES', '写入失败.csv', file, false);
      const problems = [{ row: null, column: null, code: null, message: '写入失败，没有写入任何数据：请稍后重新导入。' }];
      expect(answer).toEqual({ import: { ...done('ENTERPRISES', '写入失败.csv', file, 1_500), status: 'FAILED', processedRows: 0, problems }, problems, errors: [] });
      expect(await registry()).toEqual(before);
      expect((await importEvents(1))[0]).toEqual({
        operation: 'importRecords',
        outcome: 'FAILED',
        actor: { role: 'ZONE_ADMIN' },
        enterprise: null,
        import: { id: answer.import!.id, kind: 'ENTERPRISES', fileName: '写入失败.csv', fileSha256: sha256(file), rowCount: 1_500, isDryRun: false },
      });
    } finally {
      await sql('drop trigger import_fails on enterprise');
      await sql('drop function import_test_failure()');
    }
  });

  it('serves each kind’s template, public, as .xlsx with a guide sheet and as UTF-8 CSV with a BOM, each importing as it is', async () => {
    const order = ['ENTERPRISES', 'FISCAL_YEAR_FIGURES', 'CREDIT_RATINGS', 'TAX_CREDIT_GRADES', 'DISHONEST_DEBTOR_CHECKS', 'PAPER_AUTHORIZATIONS'] as const;
    for (const format of ['csv', 'xlsx'] as const) {
      await resetRegistry(app.orm);
      for (const kind of order) {
        const spec = KINDS[kind];
        const res = await fetch(`${app.url}/imports/templates/${spec.slug}.${format}`);
        const file = Buffer.from(await res.arrayBuffer());
        const name = `${spec.title}导入模板.${format}`;
        expect([res.status, res.headers.get('content-type'), res.headers.get('content-disposition')]).toEqual([
          200,
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `attachment; filename="${spec.slug}-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        ]);
        const headers = spec.columns.map((c) => c.header);
        if (format === 'csv') {
          expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
          expect(file.toString('utf8').slice(1).split('\r\n')[0]).toEqual(headers.join(','));
        } else {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(file as never);
          const [data, guide] = workbook.worksheets;
          expect([workbook.worksheets.map((w) => w.name), (data!.getRow(1).values as unknown[]).slice(1)]).toEqual([[spec.title, '填写说明'], headers]);
          // The guide: one row per column, saying whether it is required, how to write it and what it takes.
          const rows = Array.from({ length: spec.columns.length }, (_, i) => (guide!.getRow(i + 2).values as unknown[]).slice(1, 3));
          expect([(guide!.getRow(1).values as unknown[]).slice(1), rows]).toEqual([
            ['列名', '是否必填', '格式', '可填写的值', '说明'],
            spec.columns.map((c) => [c.header, c.required ? '必填' : '选填']),
          ]);
        }
        if (kind === 'ENTERPRISES' && format === 'xlsx') {
          // As the README's example: the template as it comes, checked over HTTP.
          const checked = await post(spec.slug, name, file, { dryRun: 'true' });
          expect([checked.status, checked.body.import.status, checked.body.import.rowCount, checked.body.problems, checked.body.errors]).toEqual([200, 'SUCCEEDED', 2, [], []]);
        }
        const answer = await importFile(kind, name, file, false);
        expect({ kind, format, status: answer.import!.status, rows: answer.import!.rowCount, problems: answer.problems }).toEqual({ kind, format, status: 'SUCCEEDED', rows: 2, problems: [] });
      }
      const example = (await app.execute(ImportedEnterpriseDocument, { creditCode: EXAMPLE_ENTERPRISES[0].creditCode }, admin)).data!;
      expect([example.enterprise!.name, example.enterprise!.financials!.length, example.enterprise!.creditRatings!.nodes.length, example.authorizations.nodes.length]).toEqual([
        EXAMPLE_ENTERPRISES[0].name,
        2,
        2,
        2,
      ]);
    }
    expect((await fetch(`${app.url}/imports/templates/no-such-kind.xlsx`)).status).toBe(404);
  });

  it('lets zone administrators alone import, through GraphQL and HTTP alike', async () => {
    const file = csvOf([{ 统一社会信用代码: testCode(731), 查询日期: '2025-01-02', 是否列入失信名单: '否', 查询来源: '中国执行信息公开网' }]);
    const input = { kind: 'DISHONEST_DEBTOR_CHECKS' as const, fileName: '失信查询.csv', content: file.toString('base64'), isDryRun: true };
    const viewers = [
      as(Role.ENTERPRISE_REP, testCode(731)),
      as(Role.BANK_OFFICER, HANKOU.creditCode),
      as(Role.CPPCC_OFFICE),
    ];
    for (const viewer of viewers) {
      const refused = await app.execute(ImportRecordsDocument, { input }, viewer);
      expect([viewer.role, refused.data, refused.errors?.map((e) => [e.extensions?.['code'], e.message])]).toEqual([
        viewer.role,
        null,
        [['FORBIDDEN', `A ${viewer.role} may not use importRecords.`]],
      ]);
      const listed = await app.execute(ImportsDocument, {}, viewer);
      expect([viewer.role, listed.errors?.map((e) => e.extensions?.['code'])]).toEqual([viewer.role, ['FORBIDDEN']]);
    }
    const anonymous = await app.execute(ImportRecordsDocument, { input }, null);
    expect(anonymous.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    expect(await post('dishonest-debtor-checks', '失信查询.csv', file, { token: await app.token(Role.BANK_OFFICER, HANKOU.creditCode) })).toEqual({
      status: 403,
      body: { errors: [{ message: 'A BANK_OFFICER may not import.', extensions: { code: 'FORBIDDEN' } }] },
    });
    expect(await post('dishonest-debtor-checks', '失信查询.csv', file, { token: null })).toEqual({
      status: 401,
      body: { errors: [{ message: 'Sign in, or send Authorization: Bearer <token>.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('takes a file over HTTP with its Chinese name, from a signed-in administrator’s session, answering as GraphQL does', async () => {
    await createAccount(app.orm.em.fork(), { username: 'importer', displayName: '王导入', password: 'import-Pass-2026!', role: Role.ZONE_ADMIN, organization: null }, 'test');
    const signIn = await fetch(`${app.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'importer', password: 'import-Pass-2026!' }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const code = testCode(741);
    const file = await xlsxOf([
      { 统一社会信用代码: code, 企业名称: '武汉网页导入有限公司', 所属产业: '新材料', 所在园区: '东湖综合保税区', 成立日期: day('2020-01-02'), '注册资本（元）': '2000000', 企业规模: '微型' },
    ]);
    const fileName = '2026年 东湖高新区企业名录（第3批）.xlsx';
    const answer = await post('enterprises', fileName, file, { token: null, cookie });
    const { updatedAt, ...shown } = answer.body.import;
    expect({ status: answer.status, body: { ...answer.body, import: shown } }).toEqual({
      status: 200,
      body: { import: { ...done('ENTERPRISES', fileName, file, 1), actor: { role: 'ZONE_ADMIN', name: 'Zone administration' } }, problems: [], errors: [] },
    });
    expect(updatedAt).toEqual(expect.any(String));
    // The same import, read back through GraphQL over HTTP: the same content.
    const { problems: _, ...viaGraphql } = (await app.http(ImportDocument, { id: answer.body.import.id }, { token: await app.token(Role.ZONE_ADMIN) })).data!.import!;
    const { problems: __, ...viaHttp } = shown;
    expect(viaHttp).toEqual(viaGraphql);
    // A dry run of the same file now finds the enterprise registered; problems in English on request.
    expect((await post('enterprises', fileName, file, { token: null, cookie, dryRun: 'true', query: '&language=ENGLISH' })).body.problems).toEqual([
      { row: 2, column: '统一社会信用代码', code: 'DUPLICATE', message: `An enterprise with credit code ${code} is registered already.` },
    ]);
  });

  it('refuses what is not a file of the kind clearly: one problem, never a 500', async () => {
    const fiscal = Buffer.from(await (await fetch(`${app.url}/imports/templates/fiscal-year-figures.csv`)).arrayBuffer());
    const one = async (slug: string, name: string, content: Buffer, type?: string) => {
      const answer = await post(slug, name, content, { dryRun: 'true', type });
      return [answer.status, answer.body.problems];
    };
    expect(await one('enterprises', '年度数据.csv', fiscal)).toEqual([
      200,
      [
        {
          row: 1, column: null, code: 'INVALID_INPUT',
          message: '这不是“企业名录”的导入模板：缺少必填列 “企业名称”、“所属产业”、“所在园区”、“成立日期”、“注册资本（元）”、“企业规模”。请下载该模板，按第 1 行的列名填写。',
        },
      ],
    ]);
    expect(await one('credit-ratings', '评级.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toEqual([
      200,
      [{ row: null, column: null, code: 'INVALID_INPUT', message: '这是旧版 Excel 97–2003 格式（.xls）的文件：请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入。' }],
    ]);
    // 统一社会信用代码 in GB 18030, as a Chinese Excel's plain "CSV" writes it.
    const gbk = Buffer.from('cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cd0c5d3c3b5c8bcb60d0a', 'hex');
    expect(await one('credit-ratings', '评级.csv', gbk)).toEqual([
      200,
      [{ row: null, column: null, code: 'INVALID_INPUT', message: '文件不是 UTF-8 编码的 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件。' }],
    ]);
    const huge = Buffer.from(['统一社会信用代码,查询日期,是否列入失信名单,查询来源', ...Array.from({ length: 50_001 }, () => `${testCode(751)},2025-01-02,否,中国执行信息公开网`)].join('\n'));
    expect(await one('dishonest-debtor-checks', '太多.csv', huge)).toEqual([
      200,
      [{ row: null, column: null, code: 'INVALID_INPUT', message: '文件有 50001 行数据，超过了每个文件最多 50000 行的限制：请分成几个文件导入。' }],
    ]);
    // Without a byte-order mark, a UTF-8 CSV reads the same; an unknown column is named.
    const plain = csvOf([{ 统一社会信用代码: testCode(752), 查询日期: '2025-01-02', 是否列入失信名单: '否', 查询来源: '中国执行信息公开网', 备注: '无' }], undefined, false);
    expect(await one('dishonest-debtor-checks', '查询.csv', plain)).toEqual([
      200,
      [
        { row: 1, column: null, code: 'INVALID_INPUT', message: '模板中没有这些列：“备注”。请删除这些列，或改为模板中的列名（见“填写说明”）。' },
        { row: 2, column: '统一社会信用代码', code: 'NOT_FOUND', message: `没有登记统一社会信用代码为 ${testCode(752)} 的企业。` },
      ],
    ]);
    const refusal = async (res: Promise<Response>) => {
      const r = await res;
      return [r.status, ((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code];
    };
    const token = await app.token(Role.ZONE_ADMIN);
    const send = (path: string, type: string, body: Buffer | string) =>
      fetch(`${app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-file-name': 'a.csv' }, body });
    expect(await refusal(send('/imports/enterprises?dryRun=true', 'application/x-www-form-urlencoded', 'a=b'))).toEqual([415, 'BAD_REQUEST']);
    expect(await refusal(send('/imports/enterprises', 'text/csv', fiscal))).toEqual([400, 'BAD_REQUEST']);
    expect(await refusal(send('/imports/no-such-kind?dryRun=true', 'text/csv', fiscal))).toEqual([404, 'NOT_FOUND']);
    expect(await refusal(send('/imports/enterprises?dryRun=true', 'text/csv', Buffer.alloc(21 * 1024 * 1024, 0x41)))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('writes a large file in the background, its progress readable while the transaction is open, 10,000 rows well within the time', async () => {
    const rows = 10_000;
    const lines = ['统一社会信用代码,企业名称,所属产业,所在园区,成立日期,注册资本（元）,企业规模'];
    for (let i = 0; i < rows; i++) lines.push(`${testCode(100_000 + i)},武汉后台导入企业${i}号有限公司,光电子信息,光谷软件园,2015-01-0${1 + (i % 9)},${1_000_000 + i}.50,小型`);
    const file = Buffer.from(lines.join('\r\n'));
    const started = Date.now();
    const answer = await post('enterprises', '一万家企业.csv', file);
    expect([answer.status, answer.body.import.status, answer.body.import.rowCount, answer.body.errors]).toEqual([202, 'RUNNING', rows, []]);
    const seen: number[] = [];
    let last: any;
    for (;;) {
      // Counted before the import is read: while it still runs then, none of its rows was visible (they commit together, with its status).
      const visible = (await sql<{ n: string }>('select count(*) as n from enterprise'))[0]!.n;
      last = (await app.execute(ImportDocument, { id: answer.body.import.id }, admin)).data!.import;
      if (last.status !== 'RUNNING') break;
      seen.push(last.processedRows);
      expect(visible).toBe('0');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (Date.now() - started) / 1000;
    expect({ ...last, startedAt: 'at', finishedAt: 'at' }).toEqual({ ...done('ENTERPRISES', '一万家企业.csv', file, rows), startedAt: 'at', finishedAt: 'at' });
    // Counted as it went: never backwards, and seen part way.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((n) => n > 0 && n < rows)).toBe(true);
    expect((await sql<{ n: string }>('select count(*) as n from enterprise'))[0]!.n).toBe(String(rows));
    // Issue 15 asks for under 30 s on this two-core machine (bench/imports.ts measures it); a generous bound here, so a
    // busy CI machine does not fail it, that still catches a write gone row by row.
    expect(seconds).toBeLessThan(90);
  }, 180_000);

  it('marks FAILED, at the next start, an import a stopped process left RUNNING', async () => {
    const [row] = await sql<{ id: string }>(
      `insert into data_import (id, kind, file_name, file_sha256, file_size, dry_run, status, row_count, processed_rows, problems, started_at, actor)
       values (gen_random_uuid(), 'ENTERPRISES', '中断的导入.xlsx', repeat('0', 64), 1, false, 'RUNNING', 5000, 0, '[]', now(), 'ZONE_ADMIN') returning id`,
    );
    const id = `IMP_${Buffer.from(row!.id.replace(/-/g, ''), 'hex').toString('base64url')}`;
    const restarted = await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl') });
    try {
      const read = (await restarted.execute(ImportDocument, { id }, admin)).data!.import!;
      expect({ status: read.status, processedRows: read.processedRows, finishedAt: read.finishedAt, problems: read.problems }).toEqual({
        status: 'FAILED',
        processedRows: 0,
        finishedAt: expect.any(Date),
        problems: [{ row: null, column: null, code: null, message: '服务器在写入过程中停止，没有写入任何数据：请重新导入。' }],
      });
    } finally {
      await restarted.close();
    }
  });

  it('lists imports newest first, dry runs included', async () => {
    const file = csvOf([{ 统一社会信用代码: testCode(761), 纳税年度: '2024', 纳税信用等级: 'A', 公布日期: '2025-04-20' }]);
    const a = await importFile('TAX_CREDIT_GRADES', '甲.csv', file, true);
    const b = await importFile('TAX_CREDIT_GRADES', '乙.csv', file, true);
    const listed = (await app.execute(ImportsDocument, { first: 2 }, admin)).data!.imports;
    expect(listed.edges.map((e) => e.node)).toEqual([
      { id: b.import!.id, kind: 'TAX_CREDIT_GRADES', fileName: '乙.csv', isDryRun: true, status: 'FAILED', rowCount: 1 },
      { id: a.import!.id, kind: 'TAX_CREDIT_GRADES', fileName: '甲.csv', isDryRun: true, status: 'FAILED', rowCount: 1 },
    ]);
    expect(listed.totalCount).toBeGreaterThanOrEqual(2);
  });
});
