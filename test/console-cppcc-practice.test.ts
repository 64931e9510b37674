import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { ENUM_LABELS } from '../web/src/enums';
import { as, type TestApp } from './support/app';
import { describeInBrowser, launchBrowser, signIn, tableRows, watchedPage, type WatchedPage } from './support/browser';
import { addMonths, zoneToday } from './support/clock';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * Issue 16's steps in the console, each by its own demo account in a real browser: the office merges one proposal into
 * another (并案) and supervises it (督办), the lead unit asks for more time (延期) and the office approves it, the unit
 * returns it (退办), and a member withdraws a proposal of its own (撤案). What each step leaves is read back through
 * GraphQL as the same viewer; the timeline on screen is GraphQL's.
 */

type Labelled = keyof typeof ENUM_LABELS;
const zh = (type: Labelled, value: string): string => (ENUM_LABELS[type] as Record<string, readonly [string, string]>)[value]?.[0] ?? value;
const zhDateTime = (at: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(at));

const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { status isKey dueOn leadUnit { name } mergedInto { subject } merged { subject }
  supervision { leaders note } extension { requestedUntil reason decision note }
  timeline(first: 50) { nodes { occurredAt action status actor { name role organization { __typename } } } } } }`;
type ProposalAnswer = {
  proposal: {
    status: string;
    isKey: boolean;
    dueOn: string | null;
    leadUnit: { name: string } | null;
    mergedInto: { subject: string } | null;
    merged: { subject: string }[];
    supervision: { leaders: string[]; note: string | null } | null;
    extension: { requestedUntil: string; reason: string; decision: string; note: string | null } | null;
    timeline: { nodes: { occurredAt: string; action: string; status: string; actor: { name: string; role: string; organization: unknown } }[] };
  } | null;
};

describeInBrowser('issue 16’s CPPCC steps in the web console', () => {
  jest.setTimeout(240_000);
  let app: TestApp;
  let browser: Browser;
  let member: Viewer;
  let unit: Viewer;
  let unitName: string;
  const office = as(Role.CPPCC_OFFICE);
  const watched: WatchedPage[] = [];
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
    const sql = await app.sql();
    const accounts = await sql.query<{ username: string; organization: string; display_name: string }>(
      `select username, organization, display_name from account where username in ('member', 'unit')`,
    );
    member = as(Role.CPPCC_MEMBER, accounts.rows.find((r) => r.username === 'member')!.organization);
    const u = accounts.rows.find((r) => r.username === 'unit')!;
    unit = as(Role.HANDLING_UNIT, u.organization);
    unitName = u.display_name;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openAs(username: string): Promise<Page> {
    const w = await watchedPage(browser, app);
    watched.push(w);
    return signIn(w, app, username);
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<T> {
    const r = await app.execute<T, Record<string, unknown>>(query, variables, viewer);
    expect(r.errors).toBeUndefined();
    return r.data!;
  }

  /** Runs a mutation whose payload has `errors`, expecting none; its proposal's id. */
  async function step(mutation: string, input: Record<string, unknown>, viewer: Viewer): Promise<{ id: string; version: number }> {
    const data = await gql<Record<string, { proposal: { id: string; version: number } | null; errors: unknown[] }>>(
      `mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { proposal { id version } errors { code message } } }`,
      { input },
      viewer,
    );
    expect(data[mutation]!.errors).toEqual([]);
    return data[mutation]!.proposal!;
  }

  /** A municipal proposal of the demo member, submitted, and accepted by the office when `accept`. */
  async function proposal(subject: string, accept: boolean): Promise<string> {
    const drafted = await step('draftProposal', { level: 'MUNICIPAL', subject, reasons: '企业反映融资难、融资贵。', recommendations: '建议扩大风险补偿资金池。' }, member);
    const submitted = await step('submitProposal', { proposalId: drafted.id, version: drafted.version }, member);
    if (accept) await step('reviewProposal', { proposalId: drafted.id, version: submitted.version, decision: { accept: {} } }, office);
    return drafted.id;
  }

  const read = async (id: string, viewer: Viewer) => (await gql<ProposalAnswer>(PROPOSAL, { id }, viewer)).proposal;
  const page = (p: Page, id: string) => p.goto(`${app.url}/proposals/${encodeURIComponent(id)}`);
  const fact = (p: Page, term: string) => p.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText();
  const actorName = (a: { name: string; role: string; organization: unknown }) => (a.organization ? a.name : zh('Role', a.role));

  it('merges, supervises, extends and returns a proposal and withdraws another, each from its own account', async () => {
    const into = await proposal(`关于完善科技型中小企业信贷风险补偿的提案（${tag}）`, true);
    const joined = await proposal(`关于扩大科技企业贷款风险补偿资金池的提案（${tag}）`, true);
    const withdrawn = await proposal(`关于调整园区停车收费的提案（${tag}）`, false);

    // ── The office merges the second into the first, then supervises the first.
    const o = await openAs('office');
    await page(o, joined);
    await o.getByRole('heading', { name: '并案' }).waitFor();
    // Offered by its number (提案号, given at acceptance) and subject.
    const { number } = (await gql<{ proposal: { number: number } }>(`query ($id: ID!) { proposal(id: $id) { number } }`, { id: into }, office)).proposal;
    await o.getByLabel('并入').selectOption({ label: `${String(number).padStart(4, '0')} 关于完善科技型中小企业信贷风险补偿的提案（${tag}）` });
    await o.getByRole('button', { name: '并案', exact: true }).click();
    await o.getByText('已并案。').waitFor();
    expect(await fact(o, '已并入')).toBe(`关于完善科技型中小企业信贷风险补偿的提案（${tag}）`);
    expect(await o.locator('h1 + p .badge').first().innerText()).toBe(zh('ProposalStatus', 'MERGED'));
    const merged = (await read(joined, office))!;
    expect([merged.status, merged.mergedInto, merged.timeline.nodes.map((e) => e.action)]).toEqual([
      'MERGED',
      { subject: `关于完善科技型中小企业信贷风险补偿的提案（${tag}）` },
      ['DRAFTED', 'SUBMITTED', 'ACCEPTED', 'MERGED'],
    ]);

    await page(o, into);
    await o.getByRole('heading', { name: '重点督办' }).waitFor();
    expect(await fact(o, '并入本案的提案')).toBe(`关于扩大科技企业贷款风险补偿资金池的提案（${tag}）`);
    await o.getByLabel('督办领导（每行一位）').fill('市政协副主席 王建国\n\n 副市长 李明 ');
    await o.getByLabel('说明（可选）').fill('列入年度重点督办。');
    await o.getByRole('button', { name: '列为重点督办' }).click();
    await o.getByText('已列为重点督办提案。').waitFor();
    expect(await fact(o, '督办领导')).toBe('市政协副主席 王建国、副市长 李明；列入年度重点督办。');
    expect(await o.getByRole('heading', { name: '重点督办' }).count()).toBe(0);
    expect((await read(into, office))!.supervision).toEqual({ leaders: ['市政协副主席 王建国', '副市长 李明'], note: '列入年度重点督办。' });

    // Assigned to the demo unit (the assignment form has its own browser test).
    const assigned = await gql<{ assignProposal: { errors: unknown[] } }>(
      `mutation ($input: AssignProposalInput!) { assignProposal(input: $input) { errors { code } } }`,
      { input: { proposalId: into, leadUnitId: unit.organisation } },
      office,
    );
    expect(assigned.assignProposal.errors).toEqual([]);

    // ── The unit asks for more time: a day beyond six months is refused beside its field, then four months asked.
    const un = await openAs('unit');
    await page(un, into);
    await un.getByRole('heading', { name: '申请延期' }).waitFor();
    await un.getByLabel('延至').fill(addMonths(zoneToday(), 7));
    await un.getByLabel('延期理由').fill('需会同金融机构调研测算补偿比例。');
    await un.getByRole('button', { name: '提交延期申请' }).click();
    const untilField = un.locator('.field', { has: un.getByLabel('延至') });
    await untilField.locator('.error').waitFor();
    expect((await read(into, office))!.extension).toBeNull();
    const until = addMonths(zoneToday(), 4);
    await un.getByLabel('延至').fill(until);
    await un.getByRole('button', { name: '提交延期申请' }).click();
    await un.getByText('延期申请已提交，等待提案委员会办公室审核。').waitFor();
    await un.getByText('延期申请待提案委员会办公室审核。').waitFor();

    // ── The office approves it: the proposal falls due on the day asked.
    await page(o, into);
    await o.getByRole('heading', { name: '审核延期申请' }).waitFor();
    expect(await o.getByText(`承办单位申请延至${until}：需会同金融机构调研测算补偿比例。`).count()).toBe(1);
    await o.getByLabel('审核决定').selectOption({ label: zh('ExtensionDecision', 'APPROVED') });
    await o.getByLabel('说明（可选）').first().fill('同意延期。');
    await o.getByRole('button', { name: '提交审核决定' }).click();
    await o.getByText('延期审核决定已记录。').waitFor();
    expect(await fact(o, '延期申请')).toBe(`申请延至${until}（${zh('ExtensionDecision', 'APPROVED')}）：需会同金融机构调研测算补偿比例。`);
    const extended = (await read(into, office))!;
    expect([extended.dueOn, extended.extension]).toEqual([until, { requestedUntil: until, reason: '需会同金融机构调研测算补偿比例。', decision: 'APPROVED', note: '同意延期。' }]);

    // ── The unit returns it as outside its remit: it leaves the unit's sight, back with the office to reassign.
    await page(un, into);
    await un.getByRole('heading', { name: '退回提案' }).waitFor();
    await un.getByLabel('退回理由').fill('风险补偿资金池由市地方金融管理局牵头管理，不属本单位职责。');
    await un.getByRole('button', { name: '退回提案' }).click();
    await un.getByText('提案已退回提案委员会办公室。').waitFor();
    expect(await read(into, unit)).toBeNull();
    const back = (await read(into, office))!;
    expect([back.status, back.leadUnit]).toEqual(['ACCEPTED', null]);
    // The office's page shows the whole course as GraphQL has it, the unit named.
    await page(o, into);
    await o.getByRole('heading', { name: '交办' }).waitFor();
    const timeline = back.timeline.nodes.map((e) => [zhDateTime(e.occurredAt), zh('ProposalAction', e.action), zh('ProposalStatus', e.status), actorName(e.actor)]);
    expect(back.timeline.nodes.map((e) => e.action)).toEqual(['DRAFTED', 'SUBMITTED', 'ACCEPTED', 'MERGED_IN', 'SUPERVISED', 'ASSIGNED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'RETURNED']);
    expect(timeline.find((row) => row[1] === zh('ProposalAction', 'RETURNED'))![3]).toBe(unitName);
    expect((await tableRows(o, '办理过程')).map((cells) => cells.slice(0, 4))).toEqual(timeline);

    // ── The member withdraws its submitted proposal, with a reason.
    const m = await openAs('member');
    await page(m, withdrawn);
    await m.getByRole('heading', { name: '撤回提案' }).waitFor();
    await m.getByLabel('撤回原因').fill('相关收费标准已调整，问题已解决。');
    await m.getByRole('button', { name: '撤回提案' }).click();
    await m.getByText('提案已撤回。').waitFor();
    expect(await m.locator('h1 + p .badge').first().innerText()).toBe(zh('ProposalStatus', 'WITHDRAWN'));
    expect(await m.getByRole('heading', { name: '撤回提案' }).count()).toBe(0);
    expect((await read(withdrawn, member))!.status).toBe('WITHDRAWN');

    for (const w of watched) expect(w.foreign()).toEqual([]);
  });
});
