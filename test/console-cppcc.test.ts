import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { ENUM_LABELS } from '../web/src/enums';
import { CHAIN_MEMBER } from '../seeds/cppcc';
import { NAMED_ENTERPRISES } from '../seeds/zone';
import { as, type TestApp } from './support/app';
import { describeInBrowser, launchBrowser, signIn, tableHeaders, tableRows, watchedPage, type WatchedPage } from './support/browser';
import { addDays, zoneToday } from './support/clock';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * The CPPCC pages of the web console (issue 15 item 2) in a real browser, each step by its own demo account through
 * the sign-in form: a member drafts a proposal from a policy request, backs it with evidence and submits it; the office
 * accepts and assigns it; the unit replies; the member rates the reply. What each page shows is compared with what
 * GraphQL answers the same viewer. Screenshots go to test/artifacts/.
 */

type Labelled = keyof typeof ENUM_LABELS;
/** An enum value as the console shows it in Chinese. */
const zh = (type: Labelled, value: string | null | undefined): string =>
  value == null ? '' : ((ENUM_LABELS[type] as Record<string, readonly [string, string]>)[value]?.[0] ?? value);
/** A DateTime as the console writes it in Chinese (useFormat().dateTime). */
const zhDateTime = (at: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(at));

/** The rows a table shows when GraphQL answers `expected` (an empty list shows one cell saying so). */
const shown = (expected: string[][]) => (expected.length ? expected : [['没有记录']]);

/** An actor as the console names it: the organization's name, or the role's label for those acting for none. */
const actorName = (a: { name: string; role: string; organization: unknown }) => (a.organization ? a.name : zh('Role', a.role));

const PROPOSAL_ROWS = `query ($filter: ProposalFilter, $first: Int) { proposals(filter: $filter, first: $first) { totalCount nodes {
  id subject status level isKey isOverdue dueOn round submittedAt proposers { name } leadUnit { id name } coHandlers { name } } } }`;
type ProposalRow = {
  id: string;
  subject: string;
  status: string;
  level: string;
  isKey: boolean;
  isOverdue: boolean;
  dueOn: string | null;
  round: number;
  submittedAt: string | null;
  proposers: { name: string }[];
  leadUnit: { id: string; name: string } | null;
  coHandlers: { name: string }[];
};

const TIMELINE = `query ($id: ID!) { proposal(id: $id) { timeline(first: 50) { nodes { occurredAt action status note actor { name role organization { __typename } } } } } }`;
type TimelineAnswer = { proposal: { timeline: { nodes: { occurredAt: string; action: string; status: string; note: string | null; actor: { name: string; role: string; organization: unknown } }[] } } };

describeInBrowser('the CPPCC pages of the web console in a real browser', () => {
  jest.setTimeout(240_000);
  let app: TestApp;
  let browser: Browser;
  let member: Viewer;
  let unitId: string;
  const office = as(Role.CPPCC_OFFICE);
  const watched: WatchedPage[] = [];

  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
    const sql = await app.sql();
    const accounts = await sql.query<{ username: string; organization: string }>(`select username, organization from account where username in ('member', 'unit')`);
    member = as(Role.CPPCC_MEMBER, accounts.rows.find((r) => r.username === 'member')!.organization);
    unitId = accounts.rows.find((r) => r.username === 'unit')!.organization;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser window (its own cookies), signed in as a demo account; checked for foreign requests at the end. */
  async function openAs(username: string): Promise<{ w: WatchedPage; page: Page }> {
    const w = await watchedPage(browser, app);
    watched.push(w);
    const page = await signIn(w, app, username);
    return { w, page };
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<T> {
    const r = await app.execute<T, Record<string, unknown>>(query, variables, viewer);
    expect(r.errors).toBeUndefined();
    return r.data!;
  }

  const proposals = async (filter: Record<string, unknown>, viewer: Viewer) =>
    (await gql<{ proposals: { nodes: ProposalRow[] } }>(PROPOSAL_ROWS, { filter, first: 20 }, viewer)).proposals.nodes;

  /** The timeline as the page must show it: when, step, status after, by whom (the note aside: the page translates it). */
  const expectedTimeline = async (id: string, viewer: Viewer) =>
    (await gql<TimelineAnswer>(TIMELINE, { id }, viewer)).proposal.timeline.nodes.map((e) => [zhDateTime(e.occurredAt), zh('ProposalAction', e.action), zh('ProposalStatus', e.status), actorName(e.actor)]);
  const timelineOnScreen = async (page: Page) => (await tableRows(page, '办理过程')).map((cells) => cells.slice(0, 4));

  it('carries a proposal from a policy request to a rated reply, each step by its own account, every list and timeline as GraphQL has it', async () => {
    // ── The member: its proposals, then a policy request to draft from.
    const m = await openAs('member');
    expect(new URL(m.page.url()).pathname).toBe('/proposals');
    const mine = await proposals({ isMine: true }, member);
    expect(await tableHeaders(m.page, '我的提案')).toEqual(['案由', '层级', '状态', '重点提案', '提案人', '提交时间', '主办单位', '答复期限', '逾期']);
    expect(await tableRows(m.page, '我的提案')).toEqual(
      shown(
        mine.map((p) => [
          p.subject,
          zh('CppccLevel', p.level),
          zh('ProposalStatus', p.status),
          p.isKey ? '是' : '',
          p.proposers.map((x) => x.name).join('、'),
          p.submittedAt ? zhDateTime(p.submittedAt) : '',
          p.leadUnit?.name ?? '',
          p.dueOn ?? '',
          p.isOverdue ? '已逾期' : '',
        ]),
      ),
    );
    await m.w.screenshot('member-proposals');

    await m.page.getByRole('link', { name: '政策诉求', exact: true }).click();
    const requests = (
      await gql<{ policyRequests: { nodes: { id: string; title: string; status: string; proposals: { totalCount: number } }[] } }>(
        `{ policyRequests(first: 20) { nodes { id title status proposals { totalCount } } } }`,
        {},
        member,
      )
    ).policyRequests.nodes;
    const onScreen = await tableRows(m.page, '政策诉求');
    expect(onScreen.map((cells) => [cells[0], cells[4], cells[5]])).toEqual(requests.map((r) => [`${r.title} 据此起草提案`, zh('PolicyRequestStatus', r.status), String(r.proposals.totalCount)]));
    const ipRequest = requests.find((r) => r.title === '在光电子信息产业园开展知识产权质押融资')!;
    await m.page.getByRole('link', { name: `据此起草提案：${ipRequest.title}` }).click();

    // ── Drafting: a subject over 100 characters is refused beside its field, in Chinese; then saved.
    await m.page.getByRole('heading', { name: '起草提案' }).waitFor();
    await m.page.locator('.field ul li', { hasText: ipRequest.title }).waitFor();
    expect(await m.page.locator('.field ul li').allInnerTexts()).toEqual([`${ipRequest.title} 移除`]);
    await m.page.getByLabel('案由').fill('关于'.repeat(51));
    await m.page.getByLabel('理由', { exact: true }).fill('园区企业专利多、抵押物少，知识产权质押贷款规模仍小，风险补偿比例偏低。');
    await m.page.getByLabel('建议', { exact: true }).fill('一、扩大风险补偿资金池；二、提高补偿比例；三、建立专利评估机构名录。');
    await m.page.getByRole('button', { name: '保存草稿' }).click();
    const subjectField = m.page.locator('.field', { has: m.page.getByLabel('案由') });
    await subjectField.locator('.error').waitFor();
    expect(await subjectField.locator('.error').innerText()).toBe('案由必填，只写一件事，不超过100字。');
    const subject = '关于扩大光谷知识产权质押融资规模的提案';
    await m.page.getByLabel('案由').fill(subject);
    await m.page.getByRole('button', { name: '保存草稿' }).click();
    await m.page.getByRole('heading', { name: subject }).waitFor();
    const id = decodeURIComponent(new URL(m.page.url()).pathname.split('/')[2]!);
    const drafted = await gql<{ proposal: { status: string; subject: string; requests: { id: string }[] } }>(`query ($id: ID!) { proposal(id: $id) { status subject requests { id } } }`, { id }, member);
    expect(drafted.proposal).toEqual({ status: 'DRAFT', subject, requests: [{ id: ipRequest.id }] });

    // ── Evidence: an enterprise found by name (named, deliberately), one of its instruments and a portfolio filter
    // counted first (aggregated, the default).
    const huagong = NAMED_ENTERPRISES[0]!;
    const naming = m.page.getByLabel('列明企业名称和统一社会信用代码（默认只附汇总数字）');
    await m.page.getByLabel('搜索企业（名称或统一社会信用代码）').fill('华工科技');
    await m.page.getByRole('button', { name: '搜索', exact: true }).click();
    await naming.check();
    await m.page.getByRole('button', { name: `附上该企业：${huagong.name}` }).click();
    await m.page.getByText('已附上证据。').waitFor();
    await naming.uncheck();
    await m.page.getByRole('button', { name: `选择其融资记录：${huagong.name}` }).click();
    const instrumentsTitle = `${huagong.name}的融资记录`;
    await m.page.locator(`section.table-card[aria-label="${instrumentsTitle}"]`).waitFor();
    await m.page.locator(`section.table-card[aria-label="${instrumentsTitle}"] tbody button`).first().click();
    await m.page.locator('section.table-card[aria-label="证据"] tbody tr').nth(1).waitFor();
    await m.page.getByLabel('证据类型').selectOption({ label: '企业群统计（按条件筛选）' });
    await m.page.getByLabel('持有融资类型').selectOption({ label: '知识产权质押贷款' });
    const summary = (await gql<{ portfolioSummary: { enterpriseCount: number; highTechCount: number } }>(
      `{ portfolioSummary(filter: { instrumentKinds: [IP_PLEDGE_LOAN] }) { enterpriseCount highTechCount } }`,
      {},
      member,
    )).portfolioSummary;
    await m.page.getByText(`符合条件的企业：${summary.enterpriseCount}家，其中高新技术企业${summary.highTechCount}家。`).waitFor();
    await m.page.getByRole('button', { name: '附上企业群统计' }).click();
    await m.page.locator('section.table-card[aria-label="证据"] tbody tr').nth(2).waitFor();
    const evidence = (
      await gql<{ proposal: { evidence: { nodes: { kind: string; snapshot: Record<string, unknown>; attachedBy: { name: string } }[] } } }>(
        `query ($id: ID!) { proposal(id: $id) { evidence(first: 10) { nodes { kind snapshot attachedBy { name } } } } }`,
        { id },
        member,
      )
    ).proposal.evidence.nodes;
    expect(evidence.map((e) => e.kind)).toEqual(['ENTERPRISE', 'INSTRUMENT', 'PORTFOLIO']);
    const instrument = evidence[1]!.snapshot as { kind: string; holderCount: number };
    expect(JSON.stringify(evidence.slice(1))).not.toContain(huagong.name);
    expect((await tableRows(m.page, '证据')).map((cells) => [cells[0], cells[1], cells[3]])).toEqual([
      ['企业', `${huagong.name}（${huagong.creditCode}）`, CHAIN_MEMBER],
      ['融资记录', expect.stringMatching(new RegExp(`^${zh('InstrumentKind', instrument.kind)} · ${instrument.holderCount}家企业`)), CHAIN_MEMBER],
      ['企业群统计', `持有知识产权质押贷款：${summary.enterpriseCount}家企业`, CHAIN_MEMBER],
    ]);
    await m.w.screenshot('member-draft');

    await m.page.getByRole('button', { name: '提交提案' }).click();
    await m.page.getByText('提案已提交，等待审查。').waitFor();
    expect(await m.page.locator('h1 + p .badge').first().innerText()).toBe('已提交');
    expect(await timelineOnScreen(m.page)).toEqual(await expectedTimeline(id, member));

    // ── The office: its queue as GraphQL lists it; accepts the proposal as a key one and assigns it.
    const o = await openAs('office');
    expect(new URL(o.page.url()).pathname).toBe('/review');
    const queue = await proposals({ status: ['SUBMITTED'] }, office);
    expect(queue.map((p) => p.id)).toContain(id);
    expect(await tableRows(o.page, '待审查提案')).toEqual(
      shown(queue.map((p) => [p.subject, zh('CppccLevel', p.level), p.proposers.map((x) => x.name).join('、'), p.submittedAt ? zhDateTime(p.submittedAt) : ''])),
    );
    await o.w.screenshot('office-review');
    await o.page.locator('section.table-card[aria-label="待审查提案"]').getByRole('link', { name: subject }).click();
    await o.page.getByRole('heading', { name: subject }).waitFor();
    await o.page.getByLabel('审查决定').selectOption({ label: '立案' });
    await o.page.getByLabel('列为重点提案').check();
    await o.page.getByLabel('审查意见（可选）').fill('同意立案，列为重点提案。');
    await o.page.getByRole('button', { name: '提交审查决定' }).click();
    await o.page.getByText('审查决定已记录。').waitFor();
    await o.page.getByLabel('主办单位').selectOption({ label: '武汉市科学技术局' });
    await o.page.getByLabel('武汉市财政局').check();
    await o.page.getByRole('button', { name: '交办', exact: true }).click();
    await o.page.getByText('已交办。').waitFor();
    const assigned = (await gql<{ proposal: { status: string; isKey: boolean; dueOn: string; leadUnit: { name: string }; coHandlers: { name: string }[] } }>(
      `query ($id: ID!) { proposal(id: $id) { status isKey dueOn leadUnit { name } coHandlers { name } } }`,
      { id },
      office,
    )).proposal;
    expect(assigned).toEqual({ status: 'ASSIGNED', isKey: true, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), leadUnit: { name: '武汉市科学技术局' }, coHandlers: [{ name: '武汉市财政局' }] });
    expect(await o.page.locator('dl.facts').innerText()).toContain(`答复期限\n${assigned.dueOn}`);

    // ── The co-handler gives its opinion (no demo account: through GraphQL), then the lead unit replies in the browser.
    const [coHandler] = (await (await app.sql()).query<{ id: string }>(`select id from handling_unit where name = '武汉市财政局'`)).rows;
    const opinion = await app.execute(
      `mutation ($input: SubmitCoHandlerOpinionInput!) { submitCoHandlerOpinion(input: $input) { errors { code } } }`,
      { input: { proposalId: id, text: '财政局同意在年度预算中统筹安排风险补偿资金。' } },
      as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', coHandler!.id)),
    );
    expect(opinion.data).toEqual({ submitCoHandlerOpinion: { errors: [] } });
    const u = await openAs('unit');
    expect(new URL(u.page.url()).pathname).toBe('/inbox');
    const inbox = await proposals({ status: ['ASSIGNED'] }, as(Role.HANDLING_UNIT, unitId));
    expect(inbox.map((p) => p.id)).toContain(id);
    expect(await tableRows(u.page, '交办给本单位的提案')).toEqual(
      shown(
        inbox.map((p) => [
          p.subject,
          zh('CppccLevel', p.level),
          p.leadUnit?.id === unitId ? '主办' : '会办',
          p.isKey ? '是' : '',
          String(p.round),
          p.dueOn ?? '',
          p.isOverdue ? '已逾期' : '',
          zh('ProposalStatus', p.status),
        ]),
      ),
    );
    await u.w.screenshot('unit-inbox');
    await u.page.getByRole('link', { name: subject }).click();
    await u.page.getByRole('heading', { name: '答复提案' }).waitFor();
    await u.page.getByLabel('答复类别').selectOption({ label: 'A类：已解决或采纳' });
    await u.page.getByLabel('答复内容').fill('市科技局已会同金融、财政部门将风险补偿资金池扩大至5亿元，补偿比例提高至50%。');
    await u.page.getByLabel('签发人').fill('张华');
    await u.page.getByLabel('公开属性').selectOption({ label: '主动公开' });
    await u.page.getByRole('button', { name: '提交答复' }).click();
    await u.page.getByText('答复已提交。').waitFor();

    // ── The member rates the reply: satisfied closes it.
    await m.page.reload();
    await m.page.getByRole('heading', { name: '评价答复' }).waitFor();
    // By round; the co-handler's opinion (会办意见) went to the lead unit, not to the member.
    expect(await tableRows(m.page, '答复')).toEqual([
      ['1', '武汉市科学技术局', '主办单位答复', 'A类：已解决或采纳', zoneToday(), '市科技局已会同金融、财政部门将风险补偿资金池扩大至5亿元，补偿比例提高至50%。', '', ''],
    ]);
    await m.page.getByLabel('满意度').selectOption({ label: '满意' });
    await m.page.getByRole('button', { name: '提交评价' }).click();
    await m.page.getByText('评价已提交。').waitFor();
    expect(await m.page.locator('h1 + p .badge').first().innerText()).toBe('已办结');
    const timeline = await expectedTimeline(id, member);
    expect(timeline.map((e) => [e[1], e[2], e[3]])).toEqual([
      ['起草', '草稿', CHAIN_MEMBER],
      ['附上证据', '草稿', CHAIN_MEMBER],
      ['附上证据', '草稿', CHAIN_MEMBER],
      ['附上证据', '草稿', CHAIN_MEMBER],
      ['提交', '已提交', CHAIN_MEMBER],
      ['立案', '已立案', '提案委员会办公室'],
      ['交办', '已交办', '提案委员会办公室'],
      ['会办意见', '已交办', '武汉市财政局'],
      ['主办单位答复', '已答复', '武汉市科学技术局'],
      ['评价：满意', '已办结', CHAIN_MEMBER],
    ]);
    expect(await timelineOnScreen(m.page)).toEqual(timeline);
    // The notes in the reader's words: the units assigned, the categories, the evidence.
    expect((await tableRows(m.page, '办理过程')).map((cells) => cells[4])).toEqual([
      '',
      `${huagong.name}（${huagong.creditCode}）`,
      `${zh('InstrumentKind', instrument.kind)}1笔（${instrument.holderCount}家企业）`,
      `${summary.enterpriseCount}家企业的统计`,
      '',
      '同意立案，列为重点提案。',
      '武汉市科学技术局、武汉市财政局',
      '武汉市财政局', // the co-handler's opinion: its unit, not its text
      'A类：已解决或采纳',
      '',
    ]);
    await m.w.screenshot('proposal-page');

    for (const w of [m.w, o.w, u.w]) {
      expect(w.foreign()).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });

  it('lists the office’s overdue and due-soon proposals as GraphQL does, exports one, and scores the units', async () => {
    // One assigned proposal falls due within the fortnight, so neither list is empty.
    const sql = await app.sql();
    await sql.query(`update proposal set due_on = $1 where status = 'ASSIGNED' and subject = '关于扩大知识产权质押融资风险补偿资金池的提案'`, [addDays(zoneToday(), 5)]);
    const o = await openAs('office');
    await o.page.getByRole('link', { name: '逾期与临期' }).click();
    const row = (p: ProposalRow) => [p.subject, zh('CppccLevel', p.level), p.isKey ? '是' : '', p.leadUnit?.name ?? '', p.coHandlers.map((u) => u.name).join('、'), String(p.round), p.dueOn ?? ''];
    const overdue = await proposals({ isOverdue: true }, office);
    const dueSoon = await proposals({ dueWithinDays: 14 }, office);
    expect([overdue.length > 0, dueSoon.map((p) => p.subject)]).toEqual([true, expect.arrayContaining(['关于扩大知识产权质押融资风险补偿资金池的提案'])]);
    expect(await tableRows(o.page, '已逾期提案')).toEqual(shown(overdue.map(row)));
    expect(await tableRows(o.page, '14天内到期提案')).toEqual(shown(dueSoon.map(row)));

    // 导出: the overdue list as .xlsx, its header and rows as the table shows them.
    const section = o.page.locator('section.table-card[aria-label="已逾期提案"]');
    const [download] = await Promise.all([o.page.waitForEvent('download'), section.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toBe(`已逾期提案-${zoneToday()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const headers = await tableHeaders(o.page, '已逾期提案');
    const cells: string[][] = [];
    sheet.eachRow((r) => cells.push(headers.map((_, i) => String(r.getCell(i + 1).value ?? ''))));
    expect(cells).toEqual([headers, ...(await tableRows(o.page, '已逾期提案'))]);

    // The units' scores of this year, best rate first, as GraphQL ranks them.
    await o.page.getByRole('link', { name: '承办单位评议' }).click();
    const year = Number(zoneToday().slice(0, 4));
    const scores = (
      await gql<{ handlingUnitScores: { nodes: { unit: { name: string; level: string }; replies: number; rated: number; satisfied: number; basicallySatisfied: number; dissatisfied: number; satisfactionRate: string | null }[] } }>(
        `query ($year: Int!) { handlingUnitScores(year: $year, first: 20) { nodes { unit { name level } replies rated satisfied basicallySatisfied dissatisfied satisfactionRate } } }`,
        { year },
        office,
      )
    ).handlingUnitScores.nodes;
    expect(await tableRows(o.page, `${year}年承办单位满意度`)).toEqual(
      shown(
        scores.map((s) => [
          s.unit.name,
          zh('CppccLevel', s.unit.level),
          ...[s.replies, s.rated, s.satisfied, s.basicallySatisfied, s.dissatisfied].map(String),
          s.satisfactionRate == null ? '—' : Number(s.satisfactionRate).toFixed(2),
        ]),
      ),
    );
    await o.page.getByRole('img', { name: `${year}年各承办单位满意率` }).waitFor();
    // The democratic evaluation report below it: every unit that replied as a lead unit, in GraphQL's order.
    const report = (
      await gql<{ unitEvaluation: { unit: { name: string; level: string }; proposalsHandled: number; replies: number; onTime: number; categoryA: number; categoryB: number; categoryC: number; ratings: number;
        attitudeSatisfied: number; attitudeBasicallySatisfied: number; attitudeDissatisfied: number; resultSatisfied: number; resultBasicallySatisfied: number; resultDissatisfied: number; score: string | null }[] }>(
        `query ($year: Int!) { unitEvaluation(year: $year) { unit { name level } proposalsHandled replies onTime categoryA categoryB categoryC ratings
          attitudeSatisfied attitudeBasicallySatisfied attitudeDissatisfied resultSatisfied resultBasicallySatisfied resultDissatisfied score } }`,
        { year },
        office,
      )
    ).unitEvaluation;
    expect(await tableHeaders(o.page, `${year}年民主评议报告`)).toEqual(['承办单位', '层级', '承办提案', '主办答复', '按时答复', 'A类', 'B类', 'C类', '评价次数', '态度 满意/基本/不满意', '结果 满意/基本/不满意', '得分']);
    expect(await tableRows(o.page, `${year}年民主评议报告`)).toEqual(
      shown(report.map((e) => [
        e.unit.name,
        zh('CppccLevel', e.unit.level),
        ...[e.proposalsHandled, e.replies, e.onTime, e.categoryA, e.categoryB, e.categoryC, e.ratings].map(String),
        `${e.attitudeSatisfied}/${e.attitudeBasicallySatisfied}/${e.attitudeDissatisfied}`,
        `${e.resultSatisfied}/${e.resultBasicallySatisfied}/${e.resultDissatisfied}`,
        e.score == null ? '—' : Number(e.score).toFixed(2),
      ])),
    );
    await o.w.screenshot('office-scores');
    expect(o.w.foreign()).toEqual([]);
    expect(o.w.problems).toEqual([]);
  });

  it('says in Chinese why a step was refused: a proposal another office session reviewed first', async () => {
    const subject = '关于优化科技型企业研发费用加计扣除办理流程的提案';
    const [row] = (await (await app.sql()).query<{ id: string }>(`select id from proposal where subject = $1`, [subject])).rows;
    const id = toGlobalId('Proposal', row!.id);
    const o = await openAs('office');
    await o.page.goto(`${app.url}/proposals/${encodeURIComponent(id)}`);
    await o.page.getByRole('button', { name: '提交审查决定' }).waitFor();
    // Meanwhile the proposal is accepted elsewhere.
    const elsewhere = await app.execute(
      `mutation ($input: ReviewProposalInput!) { reviewProposal(input: $input) { errors { code } } }`,
      { input: { proposalId: id, decision: { accept: { isKey: false } } } },
      office,
    );
    expect(elsewhere.data).toEqual({ reviewProposal: { errors: [] } });
    await o.page.getByLabel('审查决定').selectOption({ label: '不予立案' });
    await o.page.getByLabel('不予立案理由').selectOption({ label: '没有具体建议' });
    await o.page.getByRole('button', { name: '提交审查决定' }).click();
    const alert = o.page.locator('section[aria-label="审查"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('未能完成：该提案当前的状态不允许此操作，可能已有人处理过。请刷新页面查看最新状态。');
    // Nothing changed: still accepted, as the other session left it.
    expect((await gql<{ proposal: { status: string } }>(`query ($id: ID!) { proposal(id: $id) { status } }`, { id }, office)).proposal.status).toBe('ACCEPTED');
    expect(o.w.foreign()).toEqual([]);
    expect(o.w.problems).toEqual([]);
  });

  it('lets a member co-sign a colleague’s draft from the list of colleagues’ drafts', async () => {
    const m = await openAs('member');
    await m.page.getByRole('link', { name: '联名提案', exact: true }).click();
    const drafts = await proposals({ isMine: false, status: ['DRAFT'] }, member);
    const rows = await tableRows(m.page, '同事的提案草稿');
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual(shown(drafts.map((p) => [p.subject, zh('CppccLevel', p.level), p.proposers.map((x) => x.name).join('、')])));
    const subject = '关于设立光谷科技成果转化基金的提案';
    await m.page.getByRole('link', { name: subject }).click();
    await m.page.getByRole('button', { name: '联名该提案' }).click();
    await m.page.getByText('您已联名该提案。').first().waitFor();
    expect(await m.page.locator('dl.facts').innerText()).toContain(`联名人\n${CHAIN_MEMBER}`);
    // Co-signed, it is the member's own now, and no longer among its colleagues' drafts.
    expect((await proposals({ isMine: true, status: ['DRAFT'] }, member)).map((p) => p.subject)).toContain(subject);
    await m.page.getByRole('link', { name: '联名提案', exact: true }).click();
    // The list shown first may be the one read before (TanStack Query re-reads it on the way): wait for the new one.
    await m.page.locator('section.table-card[aria-label="同事的提案草稿"]').getByRole('link', { name: subject }).waitFor({ state: 'detached' });
    expect((await tableRows(m.page, '同事的提案草稿')).map((cells) => cells.slice(0, 3))).toEqual(
      shown((await proposals({ isMine: false, status: ['DRAFT'] }, member)).map((p) => [p.subject, zh('CppccLevel', p.level), p.proposers.map((x) => x.name).join('、')])),
    );
    // In English on request: the page's words, the enum values and the empty state.
    await m.page.getByRole('button', { name: 'English' }).click();
    await m.page.getByRole('heading', { name: 'Co-sign a proposal' }).waitFor();
    expect(await tableHeaders(m.page, 'Colleagues’ drafts')).toEqual(['Subject', 'Level', 'Proposers', 'Last change']);
    expect((await tableRows(m.page, 'Colleagues’ drafts')).map((cells) => cells[1])).toEqual(
      (await proposals({ isMine: false, status: ['DRAFT'] }, member)).map((p) => (ENUM_LABELS.CppccLevel as Record<string, readonly [string, string]>)[p.level]![1]),
    );
    await m.page.getByRole('button', { name: '中文' }).click();
    await m.page.getByRole('heading', { name: '联名提案' }).waitFor();
    expect(m.w.foreign()).toEqual([]);
    expect(m.w.problems).toEqual([]);
  });
});
