import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { Role } from '../src/auth/roles';
import { sqlArray } from '../src/common/sql';
import { createAccount } from '../src/modules/account/account.service';
import { BANKS } from '../seeds/reference';
import { NAMED_ENTERPRISES } from '../seeds/zone';
import { ENUM_LABELS } from '../web/src/enums';
import { codesFromFile, codesFromText } from '../web/src/pages/bank/codes';
import { as, type TestApp } from './support/app';
import { DEMO_PASSWORD, describeInBrowser, launchBrowser, signIn, watchedPage, type WatchedPage } from './support/browser';
import { addDays, zoneToday } from './support/clock';
import { startOnDemo } from './support/demo';
import { testCode, wrongCheckCode } from './support/registry';
import { builtConsole } from './support/web';

/**
 * The bank officer's pages (its clients, the batch eligibility check, authorizations about to end) and the enterprise
 * representative's (its own record, its authorizations) in a real browser, each page's table compared with what
 * GraphQL answers the same viewer. Screenshots go to test/artifacts/.
 */

const cmb = BANKS.find((b) => b.key === 'CMB')!;
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const bankViewer = as(Role.BANK_OFFICER, cmb.creditCode);
const rep = NAMED_ENTERPRISES[0]!;
const repViewer = as(Role.ENTERPRISE_REP, rep.creditCode);

type Json = Record<string, any>;
const zh = <T extends keyof typeof ENUM_LABELS>(type: T, value: string | null | undefined): string =>
  value == null ? '—' : ((ENUM_LABELS[type] as Record<string, readonly [string, string]>)[value]?.[0] ?? value);
const money = (amount: string | null) => (amount == null ? '—' : new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount)));

/** The cells of a table (a DataTable: a region named by its title), row by row, as the reader sees them. */
async function tableRows(region: Locator): Promise<string[][]> {
  await region.waitFor();
  // Run in the page: its elements are typed there, not in this (DOM-less) project.
  return region
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText.trim())));
}

async function tableHeaders(region: Locator): Promise<string[]> {
  await region.waitFor();
  return region.locator('thead th').allInnerTexts();
}

/** A downloaded .xlsx read back: the header row, then every row, cells as exceljs reads them (numbers stay numbers). */
async function workbookRows(download: Download): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: width }, (_, i) => (values[i] == null ? null : (values[i] as string | number))));
  });
  return rows;
}

/** Clicks 导出 in a table and reads the file it downloads. */
async function exported(page: Page, region: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: '导出', exact: true }).click()]);
  return { name: download.suggestedFilename(), rows: await workbookRows(download) };
}

/** A table's cells as exported: '—' (nothing) as an empty cell. */
const asExported = (rows: string[][]) => rows.map((r) => r.map((c) => (c === '—' ? null : c)));

describe('the codes of a batch check, as a bank officer brings them (web/src/pages/bank/codes.ts)', () => {
  const [a, b, c] = [testCode(9801), testCode(9802), testCode(9803)];

  it('splits pasted text on lines, commas (either width), spaces, semicolons and 、, keeping order, repeats and malformed codes', () => {
    expect(codesFromText(`${a}\n${b}，${c}; ${a.toLowerCase()}\t"abc"、\r\n\n ${b}  `)).toEqual([a, b, c, a.toLowerCase(), 'abc', b]);
  });

  it('reads a file of codes: plain text, a CSV by its code column (quoted, with a BOM), an .xlsx sheet without a header', async () => {
    const text = new File([`${a}\n${b} ${c}\n`], 'codes.txt', { type: 'text/plain' });
    expect(await codesFromFile(text)).toEqual([a, b, c]);
    const csv = new File([`\uFEFF"企业名称","统一社会信用代码"\r\n"甲公司，武汉",${a}\r\n乙公司,"${b}"\r\n,\r\n丙公司,abc\r\n`], 'codes.csv', { type: 'text/csv' });
    expect(await codesFromFile(csv)).toEqual([a, b, 'abc']);
    // No header: the column with the codes is the one most of whose cells look like codes.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    for (const [name, code] of [['甲', a], ['乙', 'xyz'], ['丙', c]]) sheet.addRow([name, code]);
    const xlsx = new File([Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)], 'codes.xlsx');
    expect(await codesFromFile(xlsx)).toEqual([a, 'xyz', c]);
  });
});

describeInBrowser('the bank officer’s and the enterprise representative’s pages in a real browser', () => {
  jest.setTimeout(240_000);
  let app: TestApp;
  let browser: Browser;
  const today = zoneToday();
  /** The clients added for the tests (besides the demo's three), some ending within 30 days. */
  let added: string[] = [];
  /** A registered enterprise that never authorized 招商银行. */
  let stranger: string;

  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    const em = app.orm.em.fork();
    // Enough clients for two pages (the demo gives 招商银行 three): every scope, ending over the coming months.
    const free = await em.execute<{ code: string }[]>(
      `select credit_code as code from enterprise e
       where not exists (select 1 from data_authorization a join bank b on b.id = a.bank_id where a.enterprise_id = e.id and b.credit_code = ?)
       order by credit_code limit 31`,
      [cmb.creditCode],
    );
    added = free.slice(0, 30).map((r) => r.code);
    stranger = free[30]!.code;
    await em.execute(
      `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
       select gen_random_uuid(), e.id, b.id, '{PROFILE,HIGH_TECH,PATENTS,FINANCIALS,INSTRUMENTS,ELIGIBILITY}', '流动资金贷款授信审查', ?::date,
              ?::date + (row_number() over (order by e.credit_code))::int * 6, '法定代表人', 'ZONE_ADMIN', now(), now(), 1
       from enterprise e, bank b where b.credit_code = ? and e.credit_code = any(?::text[])`,
      [addDays(today, -30), today, cmb.creditCode, sqlArray(added)],
    );
    // An officer of a bank no enterprise of the demo authorized: the representative's grant is its first client.
    await createAccount(em, { username: 'hankou', displayName: '汉口银行客户经理', role: Role.BANK_OFFICER, organization: hankou.creditCode, password: DEMO_PASSWORD }, 'test');
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const graphql = async (query: string, variables: Json, viewer = bankViewer): Promise<Json> => {
    const r = await app.execute<Json, Json>(query, variables, viewer);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  const CLIENTS = `query C($first: Int, $after: String, $filter: EnterpriseFilter) {
    enterprises(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { endCursor }
      nodes { creditCode name industry isHighTech park { name } viewerAuthorization { scopes purpose validFrom validUntil } }
    } }`;
  /** A client as its row reads. */
  const clientRow = (e: Json) => [
    e.name,
    e.creditCode,
    zh('Industry', e.industry),
    e.park.name,
    e.isHighTech ? '是' : '否',
    e.viewerAuthorization.purpose,
    e.viewerAuthorization.validFrom,
    e.viewerAuthorization.validUntil,
    e.viewerAuthorization.scopes.map((s: string) => zh('AuthorizationScope', s)).join('、'),
  ];

  it('shows a bank officer its clients as GraphQL answers them: searched, paged both ways, exported', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'bank');
    // Its home is 我的客户.
    await page.getByRole('heading', { name: '我的客户' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/clients');
    const clients = page.getByRole('region', { name: '授权客户' });
    const first = (await graphql(CLIENTS, { first: 20 })).enterprises;
    const second = (await graphql(CLIENTS, { first: 20, after: first.pageInfo.endCursor })).enterprises;
    expect(first.totalCount).toBe(33);
    await clients.getByRole('cell', { name: first.nodes[0].name, exact: true }).waitFor();
    expect(await tableHeaders(clients)).toEqual(['企业名称', '统一社会信用代码', '产业领域', '所在园区', '高新技术企业', '授权用途', '生效日', '到期日', '授权范围']);
    expect(await tableRows(clients)).toEqual(first.nodes.map(clientRow));
    expect(await clients.locator('.pager').innerText()).toContain('共 33 条');
    await watched.screenshot('bank-clients');

    // 导出 downloads the rows shown, headers in Chinese.
    const file = await exported(page, clients);
    expect(file.name).toBe(`授权客户-${today}.xlsx`);
    expect(file.rows).toEqual([await tableHeaders(clients), ...asExported(first.nodes.map(clientRow))]);

    // The next page and back.
    await clients.getByRole('button', { name: '下一页' }).click();
    await clients.getByRole('cell', { name: second.nodes[0].name, exact: true }).waitFor();
    expect(await tableRows(clients)).toEqual(second.nodes.map(clientRow));
    await clients.getByRole('button', { name: '上一页' }).click();
    await clients.getByRole('cell', { name: first.nodes[0].name, exact: true }).waitFor();
    expect(await tableRows(clients)).toEqual(first.nodes.map(clientRow));

    // Searching by name: 武大有机硅, the demo's IP-pledge pre-check.
    const silicone = NAMED_ENTERPRISES.find((e) => e.key === 'whu-silicone')!;
    await page.getByLabel('搜索').fill('武大有机硅');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const found = (await graphql(CLIENTS, { first: 20, filter: { search: '武大有机硅' } })).enterprises;
    await clients.locator('.pager').getByText(`共 ${found.totalCount} 条`).waitFor();
    expect(await tableRows(clients)).toEqual(found.nodes.map(clientRow));
    expect(found.nodes.map((n: Json) => n.creditCode)).toEqual([silicone.creditCode]);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  const CHECK = `query E($program: String!, $codes: [String!]!, $asOf: Date) {
    eligibility(program: $program, creditCodes: $codes, asOf: $asOf) {
      creditCode isEligible receiptId enterprise { name } rules { criteria { kind } }
      checks { criterion outcome zh: detail(language: CHINESE) en: detail(language: ENGLISH) observed { name } required { name } missing { name } }
    } }`;
  /** The criteria columns as the page lays them out: the platform's checks met, then the rules' order. */
  const criteriaOf = (results: Json[]): string[] => {
    const seen = new Set(results.flatMap((r) => r.checks.map((c: Json) => c.criterion)));
    const ruled: string[] = results[0]!.rules.criteria.map((c: Json) => c.kind);
    const ordered = [...['CREDIT_CODE_VALID', 'AUTHORIZATION'].filter((k) => seen.has(k) && !ruled.includes(k)), ...ruled];
    return [...ordered, ...[...seen].filter((k) => !ordered.includes(k))];
  };
  /** A result as its row reads, without the receipt (each check has its own). */
  const resultRow = (criteria: string[]) => (r: Json, i: number) => [
    String(i + 1),
    r.creditCode,
    r.enterprise?.name ?? '—',
    r.isEligible ? '符合条件' : '不符合条件',
    ...criteria.map((k) => zh('CriterionOutcome', r.checks.find((c: Json) => c.criterion === k)?.outcome)),
  ];

  /** A program under which the bank's clients come out both eligible and not, with the codes of each. */
  async function mixedProgram(): Promise<{ program: string; eligible: string[]; ineligible: string[] }> {
    const clients = [...NAMED_ENTERPRISES.filter((e) => ['huagong', 'wri', 'whu-silicone'].includes(e.key)).map((e) => e.creditCode), ...added];
    const programs: string[] = (await graphql('{ programs { code } }', {})).programs.map((p: Json) => p.code);
    for (const program of programs) {
      const answers: Json[] = (await graphql(CHECK, { program, codes: clients, asOf: today })).eligibility;
      const eligible = answers.filter((a) => a.isEligible).map((a) => a.creditCode);
      const ineligible = answers.filter((a) => !a.isEligible).map((a) => a.creditCode);
      if (eligible.length >= 2 && ineligible.length >= 2) return { program, eligible, ineligible };
    }
    throw new Error('no program of the demo finds its clients both eligible and not');
  }

  it('checks a pasted batch: eligible, not eligible, unauthorized, unknown and malformed codes, as GraphQL answers them, exported', async () => {
    const { program, eligible, ineligible } = await mixedProgram();
    const pasted = [eligible[0]!, ineligible[0]!, stranger, testCode(9901), 'abc', wrongCheckCode(9902), eligible[1]!, ineligible[1]!];
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'bank');
    await page.getByRole('link', { name: '批量资格查询' }).click();
    await page.getByLabel('试点政策').selectOption(program);
    expect(await page.getByLabel('查询日期').inputValue()).toBe(today);
    // Pasted as people paste: lines, commas and spaces mixed.
    await page.getByLabel('统一社会信用代码').fill(`${pasted.slice(0, 3).join('\n')}\n${pasted.slice(3, 6).join(', ')}  ${pasted.slice(6).join(' ')}\n`);
    expect(await page.getByText('已输入 8 个代码').count()).toBe(1);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const results = page.getByRole('region', { name: '资格查询结果' });
    await results.locator('tbody tr').nth(pasted.length - 1).waitFor();

    const answer: Json[] = (await graphql(CHECK, { program, codes: pasted, asOf: today })).eligibility;
    const criteria = criteriaOf(answer);
    expect(criteria.slice(0, 2)).toEqual(['CREDIT_CODE_VALID', 'AUTHORIZATION']);
    expect(await tableHeaders(results)).toEqual(['序号', '统一社会信用代码', '企业名称', '结论', ...criteria.map((k) => zh('CriterionKind', k)), '回执编号']);
    const shown = await tableRows(results);
    expect(shown.map((r) => r.slice(0, -1))).toEqual(answer.map(resultRow(criteria)));
    // The four kinds of refusal, each as the API words it.
    expect(shown.slice(2, 6).map((r) => r.slice(1, 4))).toEqual([
      [stranger, '—', '不符合条件'],
      [testCode(9901), '—', '不符合条件'],
      ['ABC', '—', '不符合条件'],
      [wrongCheckCode(9902), '—', '不符合条件'],
    ]);
    // Every row's receipt is the receipt of that answer, kept for the bank.
    for (const [i, row] of shown.entries()) {
      const receipt = (await graphql('query R($id: ID!) { eligibilityReceipt(id: $id) { creditCode isEligible } }', { id: row[row.length - 1] })).eligibilityReceipt;
      expect(receipt).toEqual({ creditCode: answer[i]!.creditCode, isEligible: answer[i]!.isEligible });
    }
    expect(await page.getByRole('status').filter({ hasText: '共 8 个代码' }).innerText()).toContain(
      `共 8 个代码：符合条件 ${answer.filter((a) => a.isEligible).length} 个，不符合条件 ${answer.filter((a) => !a.isEligible).length} 个。`,
    );

    // One row opened: its criteria, each with the API's words.
    await results.getByRole('cell', { name: eligible[0]!, exact: true }).click();
    const first = answer[0]!;
    const details = page.getByRole('region', { name: `逐项审查：${first.creditCode} ${first.enterprise.name}` });
    await details.waitFor();
    const detailRows = await tableRows(details);
    expect(detailRows.map((r) => [r[0], r[1], r[5]])).toEqual(first.checks.map((c: Json) => [zh('CriterionKind', c.criterion), zh('CriterionOutcome', c.outcome), c.zh]));
    // Figures where the check has figures, and none where it has none.
    expect(detailRows.map((r) => [r[2] !== '—', r[3] !== '—'])).toEqual(first.checks.map((c: Json) => [c.observed.length > 0, c.required.length > 0]));
    await watched.screenshot('bank-eligibility');

    // In English, the same answer's English words (no second check).
    await page.getByRole('button', { name: 'English' }).click();
    const englishDetails = page.getByRole('region', { name: `Criteria: ${first.creditCode} ${first.enterprise.name}` });
    await englishDetails.waitFor();
    expect((await tableRows(englishDetails)).map((r) => r[5])).toEqual(first.checks.map((c: Json) => c.en));
    await page.getByRole('button', { name: '中文' }).click();
    await details.waitFor();

    // 导出: the whole result, one row per code, a column per criterion.
    const file = await exported(page, results);
    expect(file.rows).toEqual([await tableHeaders(results), ...asExported(shown).map((r) => [Number(r[0]), ...r.slice(1)])]);
    // And the long form: one row per code and criterion.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出逐项明细（全部代码）' }).click()]);
    const long = await workbookRows(download);
    expect(long[0]).toEqual(['序号', '统一社会信用代码', '企业名称', '结论', '审查项', '审查结论', '认定依据', '认定标准', '缺失数据', '说明', '回执编号']);
    expect(long.slice(1).map((r) => [r[0], r[1], r[4], r[5], r[9]])).toEqual(
      answer.flatMap((a, i) => a.checks.map((c: Json) => [i + 1, a.creditCode, zh('CriterionKind', c.criterion), zh('CriterionOutcome', c.outcome), c.zh])),
    );
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('reads the codes of an uploaded .xlsx (by its 代码 column), checks them, checks 1,000 at once, and refuses more in Chinese', async () => {
    const codes = [...added.slice(0, 5), stranger.toLowerCase(), testCode(9903)];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innozone-codes-'));
    const file = path.join(dir, '待查企业.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['企业名称', '统一社会信用代码']);
    for (const [i, code] of codes.entries()) sheet.addRow([`客户${i + 1}`, code]);
    await workbook.xlsx.writeFile(file);

    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'bank');
    await page.getByRole('link', { name: '批量资格查询' }).click();
    await page.getByLabel('上传代码文件').setInputFiles(file);
    await page.getByText('已从“待查企业.xlsx”读入 7 个代码。').waitFor();
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(codes.join('\n'));
    const program = await page.getByLabel('试点政策').inputValue();
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const results = page.getByRole('region', { name: '资格查询结果' });
    await results.locator('tbody tr').nth(codes.length - 1).waitFor();
    const answer: Json[] = (await graphql(CHECK, { program, codes, asOf: today })).eligibility;
    expect((await tableRows(results)).map((r) => r.slice(0, -1))).toEqual(answer.map(resultRow(criteriaOf(answer))));
    expect(answer.map((a) => a.creditCode)).toEqual(codes.map((c) => c.toUpperCase()));

    // 1,000 codes, the most one check takes: answered whole (within the request's cost and size limits).
    const thousand = [...added, ...Array.from({ length: 970 }, (_, i) => testCode(20000 + i))];
    await page.getByLabel('统一社会信用代码').fill(thousand.join('\n'));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '共 1,000 个代码：' }).waitFor({ timeout: 60_000 });
    expect(await results.locator('tbody tr').count()).toBe(1000);
    expect((await tableRows(results)).filter((r) => r[3] === '符合条件').length).toBe(
      (await graphql(CHECK, { program, codes: added, asOf: today })).eligibility.filter((a: Json) => a.isEligible).length,
    );

    // 1,001 codes: said in Chinese before anything is sent.
    await page.getByLabel('统一社会信用代码').fill(Array.from({ length: 1001 }, (_, i) => testCode(20000 + i)).join('\n'));
    await page.getByText('一次最多查询 1,000 个代码，当前为 1,001 个，请分批查询。').waitFor();
    expect(await page.getByRole('button', { name: '查询', exact: true }).isDisabled()).toBe(true);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('lists the authorizations ending within 30 days, or a chosen horizon, as GraphQL answers them', async () => {
    const ENDING = `query A($by: Date) { viewer { authorizations(active: true, endingBy: $by, first: 20) {
      totalCount nodes { purpose scopes validFrom validUntil enterprise { creditCode name } } } } }`;
    const row = (a: Json) => [
      a.enterprise.name,
      a.enterprise.creditCode,
      a.purpose,
      a.validFrom,
      a.validUntil,
      String(Math.round((Date.parse(a.validUntil) - Date.parse(today)) / 86_400_000)),
      a.scopes.map((s: string) => zh('AuthorizationScope', s)).join('、'),
    ];
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'bank');
    await page.getByRole('link', { name: '即将到期的授权' }).click();
    const within30 = (await graphql(ENDING, { by: addDays(today, 30) })).viewer.authorizations;
    // The added clients end every six days from today: five of them within 30 days.
    expect(within30.totalCount).toBe(5);
    const list30 = page.getByRole('region', { name: `30 天内到期（${addDays(today, 30)} 前）` });
    await list30.locator('tbody tr').nth(4).waitFor();
    expect(await tableRows(list30)).toEqual(within30.nodes.map(row));
    await page.getByLabel('到期范围').selectOption('60');
    const within60 = (await graphql(ENDING, { by: addDays(today, 60) })).viewer.authorizations;
    const list60 = page.getByRole('region', { name: `60 天内到期（${addDays(today, 60)} 前）` });
    await list60.locator('tbody tr').nth(within60.totalCount - 1).waitFor();
    expect(await tableRows(list60)).toEqual(within60.nodes.map(row));
    expect(within60.totalCount).toBe(10);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('shows a representative its own record as GraphQL answers it', async () => {
    const RECORD = `query R($code: CreditCode!) { enterprise(creditCode: $code) {
      name creditCode nameEn industry park { name } cluster { name } size foundedOn registeredCapital isHighTech highTechField economicSector isStateOwned isUniversityAffiliated university { name }
      financials { fiscalYear revenue rdExpense rdExpenseInChina highTechRevenue totalIncome totalAssets employees scienceAndTechnologyStaff rdStaff innovationScore }
      instruments(first: 10) { totalCount } projects(first: 10) { totalCount }
      highTechCertificates { number issuedOn validUntil criteriaVersion } qualifications { kind number issuer validFrom validUntil } } }`;
    const e = (await graphql(RECORD, { code: rep.creditCode }, repViewer)).enterprise;
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'rep');
    await page.getByRole('heading', { name: e.name, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/my-enterprise');
    const yesNo = (b: boolean) => (b ? '是' : '否');
    expect(await page.locator('.facts').innerText()).toBe(
      [
        ['统一社会信用代码', e.creditCode],
        ['英文名称', e.nameEn ?? '—'],
        ['产业领域', zh('Industry', e.industry)],
        ['所在园区', e.park.name],
        ['产业集群', e.cluster?.name ?? '—'],
        ['企业规模', zh('EnterpriseSize', e.size)],
        ['成立日期', e.foundedOn],
        ['注册资本（元）', money(e.registeredCapital)],
        ['高新技术企业', yesNo(e.isHighTech)],
        ['高新技术领域', zh('HighTechField', e.highTechField)],
        ['国民经济行业', zh('EconomicSector', e.economicSector)],
        ['国有企业', yesNo(e.isStateOwned)],
        ['高校（院所）背景', e.university?.name ?? yesNo(e.isUniversityAffiliated)],
      ]
        .flat()
        .join('\n'),
    );
    const financials = page.getByRole('region', { name: '年度财务数据' });
    expect(await tableRows(financials)).toEqual(
      e.financials.map((y: Json) => [
        String(y.fiscalYear),
        ...[y.revenue, y.rdExpense, y.rdExpenseInChina, y.highTechRevenue, y.totalIncome, y.totalAssets].map(money),
        ...[y.employees, y.scienceAndTechnologyStaff, y.rdStaff, y.innovationScore].map((n) => (n == null ? '—' : String(n))),
      ]),
    );
    expect(await tableRows(page.getByRole('region', { name: '高新技术企业证书' }))).toEqual(
      e.highTechCertificates.map((c: Json) => [c.number, c.issuedOn, c.validUntil, zh('HighTechCriteriaVersion', c.criteriaVersion)]),
    );
    expect(await tableRows(page.getByRole('region', { name: '资质' }))).toEqual(
      e.qualifications.map((q: Json) => [zh('QualificationKind', q.kind), q.number, q.issuer, q.validFrom, q.validUntil]),
    );
    for (const [title, total] of [['融资记录', e.instruments.totalCount], ['产学研项目', e.projects.totalCount]] as const) {
      const region = page.getByRole('region', { name: title });
      await region.locator('.pager').getByText(`共 ${total} 条`).waitFor();
      expect({ title, rows: (await tableRows(region)).length }).toEqual({ title, rows: Math.max(1, Math.min(10, total)) });
    }
    await watched.screenshot('rep-enterprise');
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('lets a representative grant a bank an authorization through the form (errors beside their fields, in Chinese), the bank then sees it as a client, until it is revoked', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'rep');
    await page.getByRole('link', { name: '数据授权' }).click();
    const mine = page.getByRole('region', { name: '本企业的授权' });
    const before = (await graphql('{ viewer { authorizations(first: 100) { totalCount } } }', {}, repViewer)).viewer.authorizations.totalCount;
    await mine.locator('.pager').getByText(`共 ${before} 条`).waitFor();

    // Refused: no scope, no purpose or signer, a last day before the first. Each said beside its field; nothing written.
    const form = page.getByRole('form', { name: '新增授权' });
    await form.getByLabel('授权银行').selectOption({ label: '汉口银行' });
    await form.getByLabel('生效日').fill(addDays(today, 10));
    await form.getByLabel('截止日').fill(addDays(today, 5));
    await form.getByRole('button', { name: '提交授权' }).click();
    await form.getByText('授权未成功，请按提示修改后重新提交。').waitFor();
    expect(await form.locator('small.error').allInnerTexts()).toEqual([
      '请至少选择一项授权范围。',
      '请填写授权用途，不超过500字。',
      '请填写签字人姓名及职务，不超过100字。',
      '截止日不得早于生效日。',
    ]);
    expect((await graphql('{ viewer { authorizations(first: 100) { totalCount } } }', {}, repViewer)).viewer.authorizations.totalCount).toBe(before);

    // Granted.
    await form.getByLabel('基本信息').check();
    await form.getByLabel('资格查询').check();
    await form.getByLabel('授权用途').fill('科技信用贷款授信审查');
    await form.getByLabel('签字人').fill('张敏（财务总监）');
    await form.getByLabel('生效日').fill(today);
    await form.getByLabel('截止日').fill(addDays(today, 364));
    await form.getByRole('button', { name: '提交授权' }).click();
    await page.getByText('已向汉口银行授权（科技信用贷款授信审查）。').waitFor();
    expect(await form.locator('small.error').count()).toBe(0);
    await mine.locator('.pager').getByText(`共 ${before + 1} 条`).waitFor();
    const [newest] = await tableRows(mine);
    const granted = (await graphql('{ viewer { authorizations(first: 1) { nodes { grantedAt } } } }', {}, repViewer)).viewer.authorizations.nodes[0];
    const grantedAt = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(granted.grantedAt));
    expect(newest).toEqual(['汉口银行', '科技信用贷款授信审查', '生效中\n撤销', today, addDays(today, 364), '基本信息、资格查询', '张敏（财务总监）', grantedAt, '—']);
    await watched.screenshot('rep-authorizations');

    // 汉口银行 now has this one client.
    const bank = await watchedPage(browser, app);
    const bankPage = await signIn(bank, app, 'hankou');
    const clients = bankPage.getByRole('region', { name: '授权客户' });
    await clients.getByRole('cell', { name: rep.name, exact: true }).waitFor();
    expect((await tableRows(clients)).map((r) => [r[0], r[1], r[5], r[8]])).toEqual([[rep.name, rep.creditCode, '科技信用贷款授信审查', '基本信息、资格查询']]);

    // Revoked (after a confirmation): at once, the bank sees it no more.
    await mine.getByRole('button', { name: '撤销', exact: true }).first().click();
    await mine.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText('已撤销对汉口银行的授权（科技信用贷款授信审查）。').waitFor();
    await mine.getByText('已撤销', { exact: true }).first().waitFor();
    const [revoked] = await tableRows(mine);
    expect([revoked![0], revoked![2], revoked![8] === '—']).toEqual(['汉口银行', '已撤销', false]);
    await bankPage.reload();
    await clients.getByText('没有记录').waitFor();
    expect(await tableRows(clients)).toEqual([['没有记录']]);
    for (const w of [watched, bank]) {
      expect(w.foreign()).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });
});
