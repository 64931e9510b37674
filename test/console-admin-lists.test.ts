import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { ENUM_LABELS } from '../web/src/enums';
import { FIELD_LABELS } from '../web/src/pages/admin/lists/fieldNames';
import { OPERATION_LABELS } from '../web/src/pages/admin/lists/operations';
import { as, type TestApp } from './support/app';
import { describeInBrowser, launchBrowser, signIn, tableHeaders, tableRows, watchedPage, type WatchedPage } from './support/browser';
import { addDays, zoneToday } from './support/clock';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * The administrator's lists of the web console (issue 15 item 2) in a real browser, signed in as the demo
 * administrator through the sign-in form: the outreach list of a program (filtered, paged, exported), the zone's
 * authorizations (a paper one recorded, its typed errors in Chinese, those ending within 30 days, revoking), and the
 * audit trail (filtered, paged, a correction's before and after). Every table is compared with what GraphQL answers
 * the administrator for the same filters. Screenshots go to test/artifacts/.
 */

type Labelled = keyof typeof ENUM_LABELS;
/** An enum value as the console shows it in Chinese. */
const zh = (type: Labelled, value: string): string => (ENUM_LABELS[type] as Record<string, readonly [string, string]>)[value]?.[0] ?? value;
/** A DateTime as the console writes it in Chinese (useFormat().dateTime). */
const zhDateTime = (at: string | Date) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(at));
/** An actor as the console names it: its organization's name, or the role's for those acting for none. */
const actorName = (a: { name: string; role: string; organization: unknown }) => (a.organization ? a.name : zh('Role', a.role));
/** An audited operation as the console names it (a bank's read: its queries, comma-separated). */
const operationName = (operation: string) =>
  operation
    .split(',')
    .map((o) => OPERATION_LABELS[o.trim()]?.[0] ?? o.trim())
    .join('、');

const admin = as(Role.ZONE_ADMIN);

/** The rows a table shows when GraphQL answers `expected` (an empty list shows one cell saying so). */
const shown = (expected: string[][]) => (expected.length ? expected : [['没有记录']]);

/** Waits until `read` gives `expected` (the page refetches after a filter or a write), then returns what it last read. */
async function settled<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<T> {
  const until = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

/** 导出 of a table: the workbook's rows (headers first) as text, an empty cell as the table's 「—」. */
async function exported(page: Page, title: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`section.table-card[aria-label="${title}"]`).getByRole('button', { name: '导出' }).click(),
  ]);
  expect((download as Download).suggestedFilename()).toBe(`${title.replace(/[\\/:*?"<>|]/g, '_')}-${zoneToday()}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: width }, (_, i) => (values[i] == null || values[i] === '' ? '—' : String(values[i]))));
  });
  return rows;
}

describeInBrowser('the administrator’s lists in the web console, in a real browser', () => {
  jest.setTimeout(240_000);
  let app: TestApp;
  let browser: Browser;
  const watched: WatchedPage[] = [];

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await app.execute<T, Record<string, unknown>>(query, variables, admin);
    expect(r.errors).toBeUndefined();
    return r.data!;
  }
  const sql = <T>(query: string, params: unknown[] = []) => app.orm.em.fork().execute<T[]>(query, params);

  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    for (const w of watched.splice(0)) {
      expect(w.foreign()).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });

  async function openAsAdmin(path: string): Promise<Page> {
    const w = await watchedPage(browser, app);
    watched.push(w);
    const page = await signIn(w, app, 'admin');
    await page.getByRole('link', { name: { '/outreach': '政策推介名单', '/authorizations': '数据授权', '/audit': '审计日志' }[path]! }).click();
    expect(new URL(page.url()).pathname).toBe(path);
    return page;
  }
  const screenshot = (name: string) => watched[watched.length - 1]!.screenshot(name);

  // ——— 政策推介名单 ———

  const OUTREACH = `query ($filter: EnterpriseFilter!, $first: Int, $after: String) {
    enterprises(filter: $filter, orderBy: [{ field: NAME, direction: ASC }], first: $first, after: $after) {
      totalCount pageInfo { endCursor }
      nodes { creditCode name industry size isHighTech foundedOn park { name } } } }`;
  type OutreachAnswer = {
    enterprises: {
      totalCount: number;
      pageInfo: { endCursor: string };
      nodes: { creditCode: string; name: string; industry: string; size: string; isHighTech: boolean; foundedOn: string; park: { name: string } }[];
    };
  };
  const outreachRows = (a: OutreachAnswer) =>
    a.enterprises.nodes.map((e) => [e.creditCode, e.name, zh('Industry', e.industry), e.park.name, zh('EnterpriseSize', e.size), e.isHighTech ? '是' : '否', e.foundedOn]);

  it('lists, program by program, the enterprises eligible today that do not use it yet: filtered, paged and exported as GraphQL answers', async () => {
    const page = await openAsAdmin('/outreach');
    const today = zoneToday();

    // Every program with its uptake, its rules in force and how many its list holds.
    const { programs } = await gql<{ programs: { code: string; name: string; nameEn: string; uptake: string; rulesOn: { version: number; effectiveFrom: string } | null }[] }>(
      `{ programs { code name nameEn uptake rulesOn { version effectiveFrom } } }`,
    );
    const counts: Record<string, number> = {};
    for (const p of programs) counts[p.code] = (await gql<OutreachAnswer>(OUTREACH, { filter: { outreach: { program: p.code } }, first: 0 })).enterprises.totalCount;
    const summary = programs.map((p) => [
      p.name,
      zh('ProgramUptake', p.uptake),
      p.rulesOn ? `第 ${p.rulesOn.version} 版（${p.rulesOn.effectiveFrom} 起）` : '该日无现行规则',
      String(counts[p.code]),
    ]);
    expect(await tableHeaders(page, '各试点政策的推介名单')).toEqual(['试点政策', '视为已享受政策的情形', '现行规则', '推介企业数']);
    expect(await settled(() => tableRows(page, '各试点政策的推介名单'), summary)).toEqual(summary);
    // The demo says yes to some enterprises for every program but one, and someone uses each already.
    expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(programs.length - 1);

    // The R&D super-deduction's list: more than a page of it.
    const program = programs.find((p) => p.code === 'RD_SUPER_DEDUCTION')!;
    await page.getByLabel('试点政策', { exact: true }).selectOption(program.code);
    const title = `推介名单：${program.name}`;
    const filter = { outreach: { program: program.code, asOf: today } };
    const first = await gql<OutreachAnswer>(OUTREACH, { filter, first: 20 });
    expect(first.enterprises.totalCount).toBeGreaterThan(20);
    expect(await tableHeaders(page, title)).toEqual(['统一社会信用代码', '企业名称', '行业', '园区', '规模', '高新技术企业', '成立日期']);
    expect(await settled(() => tableRows(page, title), outreachRows(first))).toEqual(outreachRows(first));
    const section = page.locator(`section.table-card[aria-label="${title}"]`);
    expect(await section.locator('.pager span').innerText()).toBe(`共 ${first.enterprises.totalCount} 条`);

    // 下一页, then back.
    const second = await gql<OutreachAnswer>(OUTREACH, { filter, first: 20, after: first.enterprises.pageInfo.endCursor });
    await section.getByRole('button', { name: '下一页' }).click();
    expect(await settled(() => tableRows(page, title), outreachRows(second))).toEqual(outreachRows(second));
    await section.getByRole('button', { name: '上一页' }).click();
    expect(await settled(() => tableRows(page, title), outreachRows(first))).toEqual(outreachRows(first));

    // One industry of one park: the filters the enterprise list has, within the outreach list.
    const { industry, park } = (await sql<{ industry: string; park: string; code: string }>(
      `select e.industry, p.code as park from enterprise e join park p on p.id = e.park_id where e.credit_code = any(?::text[])
       group by e.industry, p.code order by count(*) desc, e.industry, p.code limit 1`,
      [`{${first.enterprises.nodes.map((e) => `"${e.creditCode}"`).join(',')}}`],
    ))[0]!;
    await page.getByLabel('行业').selectOption(industry);
    await page.getByLabel('园区').selectOption(park);
    const narrowed = await gql<OutreachAnswer>(OUTREACH, { filter: { ...filter, industries: [industry], parks: [park] }, first: 20 });
    expect(narrowed.enterprises.totalCount).toBeGreaterThan(0);
    expect(await settled(() => tableRows(page, title), outreachRows(narrowed))).toEqual(outreachRows(narrowed));
    expect(await section.locator('.pager span').innerText()).toBe(`共 ${narrowed.enterprises.totalCount} 条`);

    // A name searched within it.
    const one = narrowed.enterprises.nodes[0]!;
    await page.getByLabel('名称或代码').fill(one.name);
    const searched = await gql<OutreachAnswer>(OUTREACH, { filter: { ...filter, industries: [industry], parks: [park], search: one.name }, first: 20 });
    expect(await settled(() => tableRows(page, title), outreachRows(searched))).toEqual(outreachRows(searched));
    await page.getByLabel('名称或代码').fill('');
    expect(await settled(() => tableRows(page, title), outreachRows(narrowed))).toEqual(outreachRows(narrowed));

    // 导出: the rows on screen, headers in Chinese.
    expect(await exported(page, title)).toEqual([['统一社会信用代码', '企业名称', '行业', '园区', '规模', '高新技术企业', '成立日期'], ...outreachRows(narrowed)]);
    await screenshot('admin-outreach');

    // In English on request: the same list, its headings and values in English.
    await page.getByRole('button', { name: 'English' }).click();
    const english = `Outreach: ${program.nameEn}`;
    expect(await tableHeaders(page, english)).toEqual(['Credit code', 'Enterprise', 'Industry', 'Park', 'Size', 'High-tech', 'Founded']);
    expect((await tableRows(page, english))[0]!.slice(2, 3)).toEqual([(ENUM_LABELS.Industry as Record<string, readonly [string, string]>)[industry]![1]]);
    await page.getByRole('button', { name: '中文' }).click();
    await section.waitFor();

    // The enterprise's own page is a click away.
    expect(await section.getByRole('link', { name: one.name }).getAttribute('href')).toBe(`/enterprises/${one.creditCode}`);
  });

  // ——— 数据授权 ———

  const AUTHORIZATIONS = `query ($active: Boolean, $endingBy: Date, $orderBy: DataAuthorizationOrder, $creditCode: CreditCode, $first: Int) {
    authorizations(active: $active, endingBy: $endingBy, orderBy: $orderBy, creditCode: $creditCode, first: $first) {
      totalCount
      nodes { id scopes purpose validFrom validUntil signer paperReference grantedAt revokedAt revokedBy { role }
        grantedBy { role name organization { __typename } } enterprise { creditCode name } bank { name } } } }`;
  type AuthorizationNode = {
    id: string;
    scopes: string[];
    purpose: string;
    validFrom: string;
    validUntil: string;
    signer: string;
    paperReference: string | null;
    grantedAt: string | Date;
    revokedAt: string | null;
    revokedBy: { role: string } | null;
    grantedBy: { role: string; name: string; organization: unknown };
    enterprise: { creditCode: string; name: string };
    bank: { name: string };
  };
  const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const standing = (a: AuthorizationNode, today: string) => {
    if (a.revokedAt) return '已撤销';
    if (a.validFrom > today) return '未生效';
    if (a.validUntil < today) return '已到期';
    const left = daysFrom(today, a.validUntil);
    return left === 0 ? '生效中，今日到期' : left <= 30 ? `生效中，${left} 天后到期` : '生效中';
  };
  const authorizationRows = (nodes: AuthorizationNode[], today: string) =>
    nodes.map((a) => [
      a.enterprise.name,
      a.enterprise.creditCode,
      a.bank.name,
      a.scopes.map((s) => zh('AuthorizationScope', s)).join('、'),
      a.purpose,
      a.validFrom,
      a.validUntil,
      standing(a, today),
      a.signer,
      a.paperReference ?? '线上授予',
      actorName(a.grantedBy),
      zhDateTime(a.grantedAt),
    ]);
  const HEADERS = ['企业', '统一社会信用代码', '银行', '授权范围', '用途', '生效日期', '截止日期', '状态', '签字人', '纸质授权书编号', '录入方', '录入时间'];

  it('lists the zone’s authorizations, records a paper one (its errors in Chinese beside their fields), shows those ending within 30 days and revokes one', async () => {
    const page = await openAsAdmin('/authorizations');
    const today = zoneToday();
    const list = async (variables: Record<string, unknown>) => (await gql<{ authorizations: { totalCount: number; nodes: AuthorizationNode[] } }>(AUTHORIZATIONS, { first: 20, ...variables })).authorizations;

    // Every enterprise's, newest grant first: the demo's banks hold some.
    const all = await list({});
    expect(all.totalCount).toBeGreaterThan(0);
    expect(await tableHeaders(page, '授权列表')).toEqual(HEADERS);
    expect(await settled(() => tableRows(page, '授权列表'), authorizationRows(all.nodes, today))).toEqual(authorizationRows(all.nodes, today));

    // A paper authorization of an enterprise that has given none, for 汉口银行.
    const [grantor] = await sql<{ code: string; name: string }>(
      `select credit_code as code, name from enterprise e where not exists (select 1 from data_authorization a where a.enterprise_id = e.id) order by credit_code limit 1`,
    );
    await page.getByRole('button', { name: '录入纸质授权书' }).click();
    const form = page.getByRole('form', { name: '录入纸质授权书' });
    await form.getByLabel('授权企业').fill(grantor!.code);
    expect(await form.locator('.field', { has: page.getByLabel('授权企业') }).locator('small').innerText()).toBe(grantor!.name);
    await form.getByLabel('被授权银行').selectOption({ label: '汉口银行' });
    await form.getByLabel('基本信息').check();
    await form.getByLabel('资格查询').check();
    await form.getByLabel('用途').fill('科技信用贷款资格审核');
    await form.getByLabel('生效日期').fill(today);
    // Four years, and no paper reference: refused, each error in Chinese beside its field, nothing written.
    await form.getByLabel('截止日期').fill(addDays(today, 4 * 366));
    await form.getByLabel('签字人').fill('李娜（总经理）');
    await form.getByRole('button', { name: '保存' }).click();
    const errorOf = (label: string) => form.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('small.error');
    await errorOf('截止日期').waitFor();
    expect({ until: await errorOf('截止日期').innerText(), paper: await errorOf('纸质授权书编号').innerText() }).toEqual({
      until: '授权期限最长三年。',
      paper: '请填写纸质授权书编号（不超过 100 字）。',
    });
    expect((await list({ creditCode: grantor!.code })).totalCount).toBe(0);
    await screenshot('admin-authorizations-refused');

    // Twenty days, with its reference: recorded, and in the list at once.
    await form.getByLabel('截止日期').fill(addDays(today, 20));
    await form.getByLabel('纸质授权书编号').fill('DH-AUTH-2026-0301');
    await form.getByRole('button', { name: '保存' }).click();
    expect(await form.getByRole('status').innerText()).toBe(`已录入 ${grantor!.code} 对 汉口银行 的授权。`);
    const [recorded] = (await list({ creditCode: grantor!.code })).nodes;
    expect(recorded).toEqual({
      id: expect.any(String),
      scopes: ['PROFILE', 'ELIGIBILITY'],
      purpose: '科技信用贷款资格审核',
      validFrom: today,
      validUntil: addDays(today, 20),
      signer: '李娜（总经理）',
      paperReference: 'DH-AUTH-2026-0301',
      grantedAt: expect.any(Date),
      revokedAt: null,
      revokedBy: null,
      grantedBy: { role: 'ZONE_ADMIN', name: 'Zone administration', organization: null },
      enterprise: { creditCode: grantor!.code, name: grantor!.name },
      bank: { name: '汉口银行' },
    });
    // The same paper again: a duplicate, told beside 用途.
    await form.getByLabel('用途').fill('科技信用贷款资格审核');
    await form.getByLabel('签字人').fill('李娜（总经理）');
    await form.getByLabel('纸质授权书编号').fill('DH-AUTH-2026-0301');
    await form.getByRole('button', { name: '保存' }).click();
    await errorOf('用途').waitFor();
    expect(await errorOf('用途').innerText()).toBe('该企业对这家银行同一用途的授权在这段日期内已有生效记录。');
    expect((await list({ creditCode: grantor!.code })).totalCount).toBe(1);
    await form.getByRole('button', { name: '收起' }).click();

    // Those to renew: in force and ending within 30 days, the soonest first; ours among them, marked.
    await page.getByLabel('仅看 30 天内到期').check();
    const ending = await list({ active: true, endingBy: addDays(today, 30), orderBy: 'EARLIEST_END_FIRST' });
    expect(ending.nodes.map((a) => a.id)).toContain(recorded!.id);
    expect(await settled(() => tableRows(page, '授权列表'), authorizationRows(ending.nodes, today))).toEqual(authorizationRows(ending.nodes, today));
    const ours = page.locator('section.table-card[aria-label="授权列表"] tbody tr', { hasText: 'DH-AUTH-2026-0301' });
    expect(await ours.locator('.badge').evaluate((b) => [b.className, (b as unknown as { innerText: string }).innerText])).toEqual(['badge warn', '生效中，20 天后到期']);
    expect(await exported(page, '授权列表')).toEqual([HEADERS, ...authorizationRows(ending.nodes, today)]);

    // Its details, then 撤销授权 and 确认撤销: gone from the list of those in force, revoked by the administrator.
    await ours.click();
    const details = page.getByRole('region', { name: '授权详情' });
    expect(await details.locator('.facts').innerText()).toBe(
      [
        ['企业', `${grantor!.name}（${grantor!.code}）`],
        ['银行', '汉口银行'],
        ['授权范围', '基本信息、资格查询'],
        ['用途', '科技信用贷款资格审核'],
        ['生效日期', today],
        ['截止日期', addDays(today, 20)],
        ['状态', '生效中，20 天后到期'],
        ['签字人', '李娜（总经理）'],
        ['纸质授权书编号', 'DH-AUTH-2026-0301'],
        ['录入方', '管委会管理员'],
        ['录入时间', zhDateTime(recorded!.grantedAt)],
      ]
        .map((pair) => pair.join('\n'))
        .join('\n'),
    );
    await screenshot('admin-authorizations');
    await details.getByRole('button', { name: '撤销授权' }).click();
    await details.getByRole('button', { name: '确认撤销' }).click();
    expect(await page.getByRole('status').innerText()).toBe(`已撤销 ${grantor!.name} 对 汉口银行 的授权。`);
    const after = await list({ active: true, endingBy: addDays(today, 30), orderBy: 'EARLIEST_END_FIRST' });
    expect(after.nodes.map((a) => a.id)).not.toContain(recorded!.id);
    expect(await settled(() => tableRows(page, '授权列表'), shown(authorizationRows(after.nodes, today)))).toEqual(shown(authorizationRows(after.nodes, today)));
    expect((await list({ creditCode: grantor!.code })).nodes.map((a) => [a.revokedAt !== null, a.revokedBy])).toEqual([[true, { role: 'ZONE_ADMIN' }]]);
  });

  // ——— 审计日志 ———

  const EVENTS = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { endCursor }
      nodes { id occurredAt operation outcome purpose actor { role name organization { __typename } } enterprise { name } change { reason before after } } } }`;
  type EventsAnswer = {
    auditEvents: {
      totalCount: number;
      pageInfo: { endCursor: string };
      nodes: {
        id: string;
        occurredAt: string;
        operation: string;
        outcome: string;
        purpose: string | null;
        actor: { role: string; name: string; organization: unknown };
        enterprise: { name: string } | null;
        change: { reason: string; before: Record<string, unknown>; after: Record<string, unknown> } | null;
      }[];
    };
  };
  const eventRows = (a: EventsAnswer) =>
    a.auditEvents.nodes.map((e) => [
      e.id,
      zhDateTime(e.occurredAt),
      operationName(e.operation),
      zh('Role', e.actor.role),
      actorName(e.actor),
      e.enterprise?.name ?? '—',
      zh('AuditOutcome', e.outcome),
      e.purpose ?? '—',
      e.change?.reason ?? '—',
    ]);
  const EVENT_HEADERS = ['序号', '时间', '操作', '操作者角色', '操作者', '企业', '结果', '用途', '变更原因'];

  it('pages the audit trail with its filters, exports it, and shows what a correction changed', async () => {
    // A patent's title corrected (an event with its before and after), and more refused grants than a page holds.
    const [patent] = await sql<{ id: string; version: number; title: string; owner: string }>(
      `select p.id, p.version, p.title, e.name as owner from patent p join enterprise e on e.id = p.owner_id order by p.number limit 1`,
    );
    const corrected = await gql<{ updatePatent: { errors: unknown[] } }>(
      `mutation ($input: UpdatePatentInput!) { updatePatent(input: $input) { errors { code } } }`,
      { input: { id: toGlobalId('Patent', patent!.id), version: patent!.version, reason: '专利名称以授权公告文本为准。', title: `${patent!.title}（授权公告文本）` } },
    );
    expect(corrected.updatePatent.errors).toEqual([]);
    const [someone] = await sql<{ code: string }>(`select credit_code as code from enterprise order by credit_code limit 1`);
    for (let i = 0; i < 21; i++) {
      const refused = await gql<{ grantAuthorization: { errors: { code: string }[] } }>(
        `mutation ($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code } } }`,
        { input: { creditCode: someone!.code, bankCreditCode: '9142000010000006X2', scopes: ['PROFILE'], purpose: `审计分页 ${i}`, validFrom: zoneToday(), validUntil: addDays(zoneToday(), 30), signer: '王伟' } },
      );
      expect(refused.grantAuthorization.errors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    }

    const page = await openAsAdmin('/audit');
    const newest = await gql<EventsAnswer>(EVENTS, { first: 20 });
    expect(await tableHeaders(page, '审计事件')).toEqual(EVENT_HEADERS);
    expect(await settled(() => tableRows(page, '审计事件'), eventRows(newest))).toEqual(eventRows(newest));

    // The administrator's refused grants of today: two pages, forwards and back.
    await page.getByLabel('操作', { exact: true }).selectOption('grantAuthorization');
    await page.getByLabel('操作者角色').selectOption({ label: '管委会管理员' });
    await page.getByLabel('结果').selectOption({ label: '被拒绝（输入有误）' });
    await page.getByLabel('起始日期').fill(zoneToday());
    await page.getByLabel('截止日期').fill(zoneToday());
    const filter = {
      operation: 'grantAuthorization',
      actorRole: 'ZONE_ADMIN',
      outcome: 'REFUSED',
      occurredFrom: `${zoneToday()}T00:00:00+08:00`,
      occurredBefore: `${addDays(zoneToday(), 1)}T00:00:00+08:00`,
    };
    const first = await gql<EventsAnswer>(EVENTS, { filter, first: 20 });
    expect(first.auditEvents.totalCount).toBeGreaterThanOrEqual(21);
    expect(await settled(() => tableRows(page, '审计事件'), eventRows(first))).toEqual(eventRows(first));
    const section = page.locator('section.table-card[aria-label="审计事件"]');
    expect(await section.locator('.pager span').innerText()).toBe(`共 ${first.auditEvents.totalCount} 条`);
    const second = await gql<EventsAnswer>(EVENTS, { filter, first: 20, after: first.auditEvents.pageInfo.endCursor });
    await section.getByRole('button', { name: '下一页' }).click();
    expect(await settled(() => tableRows(page, '审计事件'), eventRows(second))).toEqual(eventRows(second));
    expect(await exported(page, '审计事件')).toEqual([EVENT_HEADERS, ...eventRows(second)]);
    await section.getByRole('button', { name: '上一页' }).click();
    expect(await settled(() => tableRows(page, '审计事件'), eventRows(first))).toEqual(eventRows(first));

    // The patent's correction, by its enterprise: its reason in the list, its fields before and after in its details.
    await page.getByLabel('操作', { exact: true }).selectOption('updatePatent');
    await page.getByLabel('结果').selectOption({ label: '已执行' });
    const [owner] = await sql<{ code: string }>(`select e.credit_code as code from enterprise e join patent p on p.owner_id = e.id where p.id = ?`, [patent!.id]);
    await page.getByLabel('企业').fill(owner!.code);
    const fixes = await gql<EventsAnswer>(EVENTS, { filter: { ...filter, outcome: 'DONE', operation: 'updatePatent', creditCode: owner!.code }, first: 20 });
    expect(fixes.auditEvents.nodes.map((e) => e.change?.reason)).toEqual(['专利名称以授权公告文本为准。']);
    expect(await settled(() => tableRows(page, '审计事件'), eventRows(fixes))).toEqual(eventRows(fixes));
    await section.locator('tbody tr').first().click();
    const details = page.getByRole('region', { name: '事件详情' });
    const change = fixes.auditEvents.nodes[0]!.change!;
    const fields = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
    const text = (v: unknown) => (v == null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
    const changeRows = await details
      .locator('table.change tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.className, ...[...r.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText.trim())]));
    expect(changeRows).toEqual(
      fields.map((f) => {
        const differs = text(change.before[f]) !== text(change.after[f]);
        const name = FIELD_LABELS[f] ? `${FIELD_LABELS[f][0]} ${f}` : f;
        return [differs ? 'changed' : '', differs ? `${name} 已变更` : name, text(change.before[f]), text(change.after[f])];
      }),
    );
    expect(changeRows.filter((r) => r[0] === 'changed').map((r) => r.slice(1))).toEqual(
      expect.arrayContaining([['名称 title 已变更', patent!.title, `${patent!.title}（授权公告文本）`]]),
    );
    expect(await details.locator('.facts').first().innerText()).toContain(`操作\n修改专利 updatePatent\n操作者\n管委会管理员\n企业\n${patent!.owner}\n结果\n已执行`);
    await screenshot('admin-audit');
  });
});
