import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/auth/roles';
import type { TestApp } from './support/app';
import { as } from './support/app';
import { ARTIFACTS, describeInBrowser, launchBrowser, signIn, watchedPage } from './support/browser';
import { zoneToday } from './support/clock';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * The zone administrator's pages of the web console in Chromium (issue 15): the dashboard as of a quarter, the
 * enterprise list (search by name, pinyin and code, filters, paging both ways, 导出) and an enterprise's page. What each
 * page shows is compared, as whole rows of text, with what GraphQL answers the same administrator.
 */

const admin = as(Role.ZONE_ADMIN);
const HUAGONG = '914201003000010018';
const number = new Intl.NumberFormat('zh-CN');
const money = (amount: string | null) => (amount == null ? '—' : new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount)));

/** The last day of each quarter before the one `day` is in, newest first (the test's own calendar, not the console's). */
function quarterEnds(day: string, count: number): { asOf: string; name: string }[] {
  let year = Number(day.slice(0, 4));
  let q = Math.floor((Number(day.slice(5, 7)) - 1) / 3); // quarters of this year already over
  const ends: { asOf: string; name: string }[] = [];
  while (ends.length < count) {
    if (q === 0) {
      year -= 1;
      q = 4;
    }
    ends.push({ asOf: `${year}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`, name: `${year}年第${'一二三四'[q - 1]}季度` });
    q -= 1;
  }
  return ends;
}

/** The rows of the table titled `title`, each its cells' text joined by tabs (as innerText gives a row). */
async function rowsOf(page: Page, title: string): Promise<string[]> {
  const rows = page.locator(`section.table-card[aria-label="${title}"] tbody tr`);
  return (await rows.allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()).join('\t'));
}

/** Waits until `read` answers what is expected (the page fetches after a click), then asserts it: a wrong answer fails with both. */
async function until<T>(read: () => Promise<T>, expected: T, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

/** Clicks 导出 in the table titled `title` and reads back the workbook's rows, header first. */
async function exported(page: Page, title: string): Promise<unknown[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`section.table-card[aria-label="${title}"]`).getByRole('button', { name: '导出' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describeInBrowser('the administrator’s console', () => {
  jest.setTimeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const r = await app.execute(query, variables, admin);
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };

  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on the dashboard as of the last quarter, answers another quarter as GraphQL does, and exports a table', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'admin');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const [last, before] = quarterEnds(zoneToday(), 2);
    const quarter = page.getByLabel('统计季度');
    expect(await quarter.locator('option:checked').innerText()).toBe(last!.name);

    type Summary = {
      asOf: string; enterpriseCount: number; highTechCount: number; universityAffiliatedCount: number; registeredCapital: string;
      byPark: { park: { name: string }; count: number }[]; byCluster: { cluster: { name: string }; count: number }[];
      byIndustry: { industry: string; count: number }[];
      byInstrumentKind: { kind: string; count: number; totalAmount: string; activeCount: number; activeAmount: string }[];
      byFiscalYear: { fiscalYear: number; reporting: number; revenue: string; rdExpense: string; highTechRevenue: string; employees: number; scienceAndTechnologyStaff: number }[];
    };
    const summaryOf = async (asOf: string) =>
      (await graphql<{ portfolioSummary: Summary }>(
        `query ($asOf: Date) { portfolioSummary(asOf: $asOf) { asOf enterpriseCount highTechCount universityAffiliatedCount registeredCapital
          byPark { park { name } count } byCluster { cluster { name } count } byIndustry { industry count }
          byInstrumentKind { kind count totalAmount activeCount activeAmount }
          byFiscalYear { fiscalYear reporting revenue rdExpense highTechRevenue employees scienceAndTechnologyStaff } } }`,
        { asOf },
      )).portfolioSummary;
    const percent = (s: Summary, n: number) => `${((100 * n) / s.enterpriseCount).toFixed(1)}%`;
    const stats = (s: Summary) =>
      [
        `入区企业\n${number.format(s.enterpriseCount)}`,
        `高新技术企业\n${number.format(s.highTechCount)}\n占 ${percent(s, s.highTechCount)}`,
        `校办企业\n${number.format(s.universityAffiliatedCount)}\n占 ${percent(s, s.universityAffiliatedCount)}`,
        `注册资本合计\n${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(s.registeredCapital) / 1e8)} 亿元`,
      ].join('\n');

    // The last quarter, as first shown.
    const lastSummary = await summaryOf(last!.asOf);
    await until(async () => page.locator('.stats').innerText(), stats(lastSummary));
    expect(await page.locator('.as-of').innerText()).toBe(`数据截至 ${last!.asOf}`);
    // Four charts drawn by ECharts (loaded with the first chart, so drawn a moment after the figures).
    const drawn = () => page.locator('.chart-grid section').evaluateAll((cards) => cards.map((c) => [c.getAttribute('aria-label'), c.querySelectorAll('canvas').length > 0]));
    await until(drawn, [
      ['按园区', true],
      ['按产业集群', true],
      ['按融资工具类型', true],
      ['按财年', true],
    ]);
    // The first screen, as the README shows it (1440×900), and the whole page.
    await page.screenshot({ path: `${ARTIFACTS}/admin-dashboard.png` });
    await watched.screenshot('admin-dashboard-full');

    // In English on request: the quarter, the figures' names, the charts' titles.
    await page.getByRole('button', { name: 'English' }).click();
    const [lastYear, lastQuarter] = [last!.asOf.slice(0, 4), Number(last!.asOf.slice(5, 7)) / 3];
    expect(await page.getByLabel('Quarter').locator('option:checked').innerText()).toBe(`Q${lastQuarter} ${lastYear}`);
    expect(await page.locator('.stats .name').allInnerTexts()).toEqual(['Enterprises', 'High-tech enterprises', 'University enterprises', 'Registered capital']);
    expect(await page.locator('.chart-grid h2').allInnerTexts()).toEqual(['By park', 'By industry cluster', 'By financing instrument', 'By fiscal year']);
    await page.getByRole('button', { name: '中文' }).click();

    // The quarter before: every figure and table row as GraphQL says for that day.
    await quarter.selectOption({ label: before!.name });
    const s = await summaryOf(before!.asOf);
    await until(async () => page.locator('.as-of').innerText(), `数据截至 ${before!.asOf}`);
    expect(await page.locator('.stats').innerText()).toBe(stats(s));
    expect(await rowsOf(page, '按园区')).toEqual(s.byPark.map((p) => `${p.park.name}\t${number.format(p.count)}\t${percent(s, p.count)}`));
    const inClusters = s.byCluster.reduce((n, c) => n + c.count, 0);
    expect(await rowsOf(page, '按产业集群')).toEqual([
      ...s.byCluster.map((c) => `${c.cluster.name}\t${number.format(c.count)}\t${percent(s, c.count)}`),
      `未归入集群\t${number.format(s.enterpriseCount - inClusters)}\t${percent(s, s.enterpriseCount - inClusters)}`,
    ]);
    const industryNames: Record<string, string> = {
      OPTOELECTRONIC_INFORMATION: '光电子信息', INTEGRATED_CIRCUITS: '集成电路', NEW_DISPLAYS: '新型显示', BIOMEDICINE: '生物医药', HIGH_END_EQUIPMENT: '高端装备',
      NEW_ENERGY: '新能源', NEW_MATERIALS: '新材料', ENERGY_SAVING_ENVIRONMENTAL: '节能环保', HIGH_TECH_SERVICES: '高技术服务',
    };
    expect(await rowsOf(page, '按产业')).toEqual(s.byIndustry.map((i) => `${industryNames[i.industry]}\t${number.format(i.count)}\t${percent(s, i.count)}`));
    const kindNames: Record<string, string> = {
      NEEQ_LISTING: '新三板挂牌', REGIONAL_OTC_LISTING: '区域股权市场挂牌', CREDIT_LOAN: '信用贷款', IP_PLEDGE_LOAN: '知识产权质押贷款', TECH_INSURANCE: '科技保险',
      REINSURANCE: '再保险', RISK_COMPENSATION: '风险补偿', COLLECTIVE_BOND: '集合债券', SME_COLLECTIVE_NOTE: '中小企业集合票据', SHORT_TERM_BILL: '短期融资券',
      MEDIUM_TERM_NOTE: '中期票据', FUND_INVESTMENT: '基金投资',
    };
    expect(await rowsOf(page, '按融资工具类型')).toEqual(
      s.byInstrumentKind.map((k) => [kindNames[k.kind], number.format(k.count), money(k.totalAmount), number.format(k.activeCount), money(k.activeAmount)].join('\t')),
    );
    expect(await rowsOf(page, '按财年')).toEqual(
      s.byFiscalYear.map((y) =>
        [y.fiscalYear, number.format(y.reporting), money(y.revenue), money(y.rdExpense), money(y.highTechRevenue), number.format(y.employees), number.format(y.scienceAndTechnologyStaff)].join('\t'),
      ),
    );

    // 导出: the instrument kinds of that quarter, headers in Chinese, amounts as numbers Excel can sum.
    expect(await exported(page, '按融资工具类型')).toEqual([
      ['融资工具类型', '笔数', '金额（元）', '存续笔数', '存续金额（元）'],
      ...s.byInstrumentKind.map((k) => [kindNames[k.kind], k.count, Number(k.totalAmount), k.activeCount, Number(k.activeAmount)]),
    ]);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('searches enterprises by Chinese name, pinyin and code, filters, pages forward and back, exports, and opens one', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'admin');
    await page.getByRole('link', { name: '企业名录' }).click();

    type Row = { name: string; creditCode: string; park: { name: string }; industry: string; cluster: { name: string } | null; size: string; isHighTech: boolean; foundedOn: string; registeredCapital: string };
    type Answer = { enterprises: { totalCount: number; pageInfo: { endCursor: string; startCursor: string }; nodes: Row[] } };
    const list = (variables: Record<string, unknown>) =>
      graphql<Answer>(
        `query ($filter: EnterpriseFilter, $first: Int, $after: String) { enterprises(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { endCursor startCursor }
          nodes { name creditCode park { name } industry cluster { name } size isHighTech foundedOn registeredCapital } } }`,
        { first: 20, ...variables },
      );
    const sizes: Record<string, string> = { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' };
    const industries: Record<string, string> = {
      OPTOELECTRONIC_INFORMATION: '光电子信息', INTEGRATED_CIRCUITS: '集成电路', NEW_DISPLAYS: '新型显示', BIOMEDICINE: '生物医药', HIGH_END_EQUIPMENT: '高端装备',
      NEW_ENERGY: '新能源', NEW_MATERIALS: '新材料', ENERGY_SAVING_ENVIRONMENTAL: '节能环保', HIGH_TECH_SERVICES: '高技术服务',
    };
    const shown = (a: Answer) =>
      a.enterprises.nodes.map((e) =>
        [e.name, e.creditCode, e.park.name, industries[e.industry], e.cluster?.name ?? '—', sizes[e.size], e.isHighTech ? '是' : '否', e.foundedOn, money(e.registeredCapital)].join('\t'),
      );
    const table = () => rowsOf(page, '企业名录');
    const total = () => page.locator('.pager span').innerText();

    const first = await list({});
    await until(table, shown(first));
    expect(await total()).toBe(`共 ${number.format(first.enterprises.totalCount)} 条`);

    // By Chinese name, by pinyin initials, by full pinyin, by a prefix of the credit code.
    for (const text of ['华工', 'hgkj', 'wuhan youdian', HUAGONG.slice(0, 14)]) {
      await page.getByLabel('搜索').fill(text);
      await page.getByRole('button', { name: '查询' }).click();
      const answer = await list({ filter: { search: text } });
      expect(answer.enterprises.nodes.length).toBeGreaterThan(0);
      await until(table, shown(answer));
    }
    expect(await table()).toContainEqual(expect.stringMatching(/^华工科技产业股份有限公司\t914201003000010018\t/));

    // Filters: a park, then only high-tech enterprises in it.
    await page.getByRole('button', { name: '清空条件' }).click();
    const [park] = await app.orm.em.fork().execute<{ code: string; name: string }[]>(
      `select p.code, p.name from park p join enterprise e on e.park_id = p.id group by p.code, p.name order by count(*) desc, p.code limit 1`,
    );
    await page.getByLabel('园区').selectOption({ label: park!.name });
    const inPark = await list({ filter: { parks: [park!.code] } });
    expect(inPark.enterprises.totalCount).toBeGreaterThan(40);
    await until(table, shown(inPark));
    await page.getByLabel('高新技术企业').selectOption({ label: '是' });
    const highTech = await list({ filter: { parks: [park!.code], isHighTech: true } });
    await until(table, shown(highTech));
    expect(await total()).toBe(`共 ${number.format(highTech.enterprises.totalCount)} 条`);
    await page.getByLabel('高新技术企业').selectOption({ label: '全部' });
    await until(table, shown(inPark));

    // Forward two pages, back one.
    const second = await list({ filter: { parks: [park!.code] }, after: inPark.enterprises.pageInfo.endCursor });
    const third = await list({ filter: { parks: [park!.code] }, after: second.enterprises.pageInfo.endCursor });
    await page.getByRole('button', { name: '下一页' }).click();
    await until(table, shown(second));
    await page.getByRole('button', { name: '下一页' }).click();
    await until(table, shown(third));
    await page.getByRole('button', { name: '上一页' }).click();
    await until(table, shown(second));
    await page.getByRole('button', { name: '上一页' }).click();
    await until(table, shown(inPark));
    expect(await page.getByRole('button', { name: '上一页' }).isDisabled()).toBe(true);

    // 导出 the page shown: its rows as the table has them, capital a number.
    expect(await exported(page, '企业名录')).toEqual([
      ['企业名称', '统一社会信用代码', '园区', '产业', '产业集群', '企业规模', '高新技术企业', '成立日期', '注册资本（元）'],
      ...inPark.enterprises.nodes.map((e) => [e.name, e.creditCode, e.park.name, industries[e.industry], e.cluster?.name ?? null, sizes[e.size], e.isHighTech ? '是' : '否', e.foundedOn, Number(e.registeredCapital)]),
    ].map((row) => row.map((cell) => cell ?? undefined)));
    await watched.screenshot('admin-enterprises');

    // A row opens the enterprise's page; 返回 finds the list as it was.
    const firstRow = inPark.enterprises.nodes[0]!;
    await page.locator('section.table-card[aria-label="企业名录"] tbody tr').first().locator('td').nth(1).click();
    await page.waitForURL(`**/enterprises/${firstRow.creditCode}`);
    await page.locator('.profile h1', { hasText: firstRow.name }).waitFor();
    await page.getByRole('link', { name: '← 返回企业名录' }).click();
    await until(table, shown(inPark));
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('shows an enterprise’s profile, financials, instruments, projects, plans, qualifications and audit trail', async () => {
    // A bank reads 华工科技 under its authorization: an event of its audit trail.
    const [bank] = await app.orm.em.fork().execute<{ credit_code: string }[]>(`select credit_code from bank where name = '招商银行'`);
    const read = await app.execute(`query ($code: CreditCode!) { enterprise(creditCode: $code) { name } }`, { code: HUAGONG }, as(Role.BANK_OFFICER, bank!.credit_code));
    expect(read.data).toEqual({ enterprise: { name: '华工科技产业股份有限公司' } });

    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'admin');
    await page.goto(`${app.url}/enterprises/${HUAGONG}`);
    type Enterprise = {
      name: string; park: { name: string }; financials: { fiscalYear: number; revenue: string; rdExpense: string; rdExpenseInChina: string; highTechRevenue: string; totalIncome: string | null; totalAssets: string | null; employees: number; scienceAndTechnologyStaff: number; rdStaff: number | null }[];
      highTechCertificates: { number: string; issuedOn: string; validUntil: string }[];
      qualifications: { kind: string; number: string; issuer: string; validFrom: string; validUntil: string }[];
      instruments: { totalCount: number; nodes: { kind: string; status: string; amount: string; startsOn: string; endsOn: string | null }[] };
      projects: { totalCount: number; nodes: { title: string; status: string; startsOn: string; endsOn: string | null; totalBudget: string; participants: { role: string; enterprise: { name: string } | null; institution: { name: string } | null }[] }[] };
      incentivePlans: { totalCount: number; nodes: { title: string; form: string; status: string; approvedOn: string; endsOn: string | null; totalEquityShare: string | null }[] };
    };
    const { enterprise: e } = await graphql<{ enterprise: Enterprise }>(
      `query ($code: CreditCode!) { enterprise(creditCode: $code) {
        name park { name }
        financials { fiscalYear revenue rdExpense rdExpenseInChina highTechRevenue totalIncome totalAssets employees scienceAndTechnologyStaff rdStaff }
        highTechCertificates { number issuedOn validUntil } qualifications { kind number issuer validFrom validUntil }
        instruments(first: 10) { totalCount nodes { ... on FinancingInstrument { kind status amount startsOn endsOn } } }
        projects(first: 10) { totalCount nodes { title status startsOn endsOn totalBudget participants { role enterprise { name } institution { name } } } }
        incentivePlans(first: 10) { totalCount nodes { title form status approvedOn endsOn totalEquityShare } } } }`,
      { code: HUAGONG },
    );
    await until(async () => page.locator('.profile h1').innerText(), '华工科技产业股份有限公司\n高新技术企业');
    expect(await page.locator('.profile .facts').innerText()).toContain(`统一社会信用代码\n${HUAGONG}\n园区\n${e.park.name}`);

    const count = (n: number | null) => (n == null ? '—' : number.format(n));
    expect(await rowsOf(page, '财务数据（按财年）')).toEqual(
      e.financials.map((y) =>
        [y.fiscalYear, money(y.revenue), money(y.rdExpense), money(y.rdExpenseInChina), money(y.highTechRevenue), money(y.totalIncome), money(y.totalAssets), count(y.employees), count(y.scienceAndTechnologyStaff), count(y.rdStaff)].join('\t'),
      ),
    );
    const kinds: Record<string, string> = { CREDIT_LOAN: '信用贷款', IP_PLEDGE_LOAN: '知识产权质押贷款', TECH_INSURANCE: '科技保险', FUND_INVESTMENT: '基金投资', NEEQ_LISTING: '新三板挂牌', REGIONAL_OTC_LISTING: '区域股权市场挂牌', COLLECTIVE_BOND: '集合债券', SME_COLLECTIVE_NOTE: '中小企业集合票据', SHORT_TERM_BILL: '短期融资券', MEDIUM_TERM_NOTE: '中期票据', REINSURANCE: '再保险', RISK_COMPENSATION: '风险补偿' };
    const statuses: Record<string, string> = { PENDING: '待生效', ACTIVE: '存续', COMPLETED: '结清', DEFAULTED: '违约', TERMINATED: '终止' };
    const instruments = await rowsOf(page, '融资工具');
    expect(instruments.map((r) => r.split('\t').filter((_, i) => i !== 1).join('\t'))).toEqual(
      e.instruments.nodes.map((i) => [kinds[i.kind], money(i.amount), statuses[i.status], i.startsOn, i.endsOn ?? '—'].join('\t')),
    );
    expect(instruments.every((r) => r.split('\t')[1] !== '—')).toBe(true); // every one names its counterparty
    const roles: Record<string, string> = { LEAD_RESEARCH_INSTITUTION: '牵头研究单位', PARTNER: '合作单位', FUNDER: '出资单位' };
    const projectStatuses: Record<string, string> = { PLANNED: '计划中', ACTIVE: '进行中', COMPLETED: '已完成', TERMINATED: '终止' };
    expect(await rowsOf(page, '产学研项目')).toEqual(
      e.projects.nodes.map((p) =>
        [p.title, p.participants.map((x) => `${x.enterprise?.name ?? x.institution?.name}（${roles[x.role]}）`).join('、'), projectStatuses[p.status], p.startsOn, p.endsOn ?? '—', money(p.totalBudget)].join('\t'),
      ),
    );
    const forms: Record<string, string> = { EQUITY_SALE: '股权出售', EQUITY_AWARD: '股权奖励', STOCK_OPTION: '股权期权', RESTRICTED_STOCK: '限制性股票', TECHNOLOGY_AS_CAPITAL: '技术入股', PROJECT_DIVIDEND: '项目收益分红', POSITION_DIVIDEND: '岗位分红' };
    const planStatuses: Record<string, string> = { DRAFT: '草案', APPROVED: '已批准', IN_EFFECT: '实施中', ENDED: '已结束' };
    expect(await rowsOf(page, '股权激励计划')).toEqual(
      e.incentivePlans.nodes.length === 0
        ? ['没有记录']
        : e.incentivePlans.nodes.map((p) => [p.title, forms[p.form], planStatuses[p.status], p.approvedOn, p.endsOn ?? '—', p.totalEquityShare == null ? '—' : `${Number(p.totalEquityShare).toFixed(2)}%`].join('\t')),
    );
    const qualificationNames: Record<string, string> = { TECH_SME: '科技型中小企业', INNOVATIVE_SME: '创新型中小企业', PROVINCIAL_SPECIALIZED_SME: '省级专精特新中小企业', LITTLE_GIANT: '专精特新“小巨人”', SINGLE_ITEM_CHAMPION: '制造业单项冠军', GAZELLE: '瞪羚企业', POTENTIAL_UNICORN: '潜在独角兽企业', UNICORN: '独角兽企业' };
    expect(await rowsOf(page, '资质与证书')).toEqual([
      ...[...e.highTechCertificates].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn)).map((c) => ['高新技术企业证书', c.number, '高新技术企业认定管理机构', c.issuedOn, c.validUntil].join('\t')),
      ...[...e.qualifications].sort((a, b) => b.validFrom.localeCompare(a.validFrom)).map((q) => [qualificationNames[q.kind], q.number, q.issuer, q.validFrom, q.validUntil].join('\t')),
    ]);

    // The audit trail concerning it, the bank's read first (newest first).
    const { auditEvents } = await graphql<{ auditEvents: { nodes: { occurredAt: string; operation: string; outcome: string; purpose: string | null; actor: { name: string; role: string } }[] } }>(
      `query ($code: CreditCode!) { auditEvents(filter: { creditCode: $code }, first: 10) { nodes { occurredAt operation outcome purpose actor { name role } } } }`,
      { code: HUAGONG },
    );
    expect(auditEvents.nodes[0]).toEqual(expect.objectContaining({ operation: 'enterprise', actor: expect.objectContaining({ role: 'BANK_OFFICER' }) }));
    const when = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const roleNames: Record<string, string> = { ZONE_ADMIN: '管委会管理员', CPPCC_MEMBER: '政协委员', CPPCC_OFFICE: '提案委员会办公室', HANDLING_UNIT: '承办单位', BANK_OFFICER: '银行客户经理', ENTERPRISE_REP: '企业代表' };
    const outcomes: Record<string, string> = { DONE: '已执行', REFUSED: '被拒绝（输入有误）', DENIED: '无权限', FAILED: '失败' };
    await page.reload(); // the trail as it is now, the administrator's own reads included
    await until(
      () => rowsOf(page, '审计记录'),
      auditEvents.nodes.map((a) => [when.format(new Date(a.occurredAt)), `${a.actor.name}（${roleNames[a.actor.role]}）`, a.operation, a.purpose ?? '—', outcomes[a.outcome]].join('\t')),
    );
    await watched.screenshot('admin-enterprise');
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
