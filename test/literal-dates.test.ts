import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { addDays, addMonths, realClock, setClock, zoneDay, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * The zone's calendar in literal dates: which day it is in Wuhan (UTC+8) at a given instant, when a proposal's reply
 * falls due (3 months after assignment, 6 for a complex one, clamped to the month's end: DOMAIN.md "CPPCC
 * proposals"), when it becomes overdue, and the first and last day an authorisation lets a bank see an enterprise.
 * The server's clock is stopped at stated instants (setClock: only `Date` is replaced, timers run).
 */
const admin = as(Role.ZONE_ADMIN);
const office = as(Role.CPPCC_OFFICE);
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const bank = as(Role.BANK_OFFICER, hankou.creditCode);

/** Noon in Wuhan on a day: far from either midnight. */
const noon = (date: string) => `${date}T04:00:00Z`;

const DRAFT = `mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code message } } }`;
const SUBMIT = `mutation S($id: ID!, $version: Int!) { submitProposal(input: { proposalId: $id, version: $version }) { proposal { status } errors { code message } } }`;
const REVIEW = `mutation R($id: ID!) { reviewProposal(input: { proposalId: $id, decision: { accept: {} } }) { proposal { status } errors { code message } } }`;
const ASSIGN = `mutation A($id: ID!, $lead: ID!) { assignProposal(input: { proposalId: $id, leadUnitId: $lead }) { proposal { status round isComplex dueOn isOverdue } errors { code message } } }`;
const REPLY = `mutation Y($id: ID!) { replyToProposal(input: { proposalId: $id, category: BEING_ADDRESSED, text: "正在研究落实。", signedBy: "王建华", publication: PUBLIC }) { proposal { status answer { id } } errors { code message } } }`;
const RATE = `mutation T($replyId: ID!, $rating: Satisfaction!) { rateReply(input: { replyId: $replyId, rating: $rating }) { proposal { status round dueOn isOverdue } errors { code message } } }`;
const PROPOSAL = `query P($id: ID!) { proposal(id: $id) { status dueOn isOverdue } }`;
const OVERDUE = `query O { proposals(filter: { isOverdue: true }, first: 100) { edges { node { id } } } }`;
const SCORES = `query H($year: Int!) { handlingUnitScores(year: $year) { edges { node { unit { name } year replies rated satisfied basicallySatisfied dissatisfied satisfactionRate } } } }`;

describe('the zone’s calendar, in literal dates', () => {
  let app: TestApp;
  let drafter: Viewer;
  const units: Record<string, string> = {};
  const unit = (name: string) => as(Role.HANDLING_UNIT, units[name]!);

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    // The committee has no API of its own (it comes with the seed): one sector, one member, four city units.
    const em = app.orm.em.fork();
    await em.execute(`insert into sector (id, code, name) values ('5ec70000-0000-4000-8000-000000000001', 'SCITECH', '科学技术界')`);
    await em.execute(
      `insert into cppcc_member (id, name, sector_id, levels, term) values ('3e3be400-0000-4000-8000-000000000001', '李建国', '5ec70000-0000-4000-8000-000000000001', '{MUNICIPAL}', 15)`,
    );
    await em.execute(
      `insert into handling_unit (id, name, level, former_names) values
         ('0417a000-0000-4000-8000-000000000001', '武汉市科学技术局', 'MUNICIPAL', '{}'),
         ('0417a000-0000-4000-8000-000000000002', '武汉市财政局', 'MUNICIPAL', '{}'),
         ('0417a000-0000-4000-8000-000000000003', '武汉市地方金融管理局', 'MUNICIPAL', '{}'),
         ('0417a000-0000-4000-8000-000000000004', '武汉市经济和信息化局', 'MUNICIPAL', '{}')`,
    );
    const members = await app.execute<any, any>(`query { cppccMembers(first: 10) { edges { node { id name } } } }`, {}, office);
    drafter = as(Role.CPPCC_MEMBER, members.data.cppccMembers.edges[0].node.id);
    const handling = await app.execute<any, any>(`query { handlingUnits { edges { node { id name } } } }`, {}, office);
    for (const { node: u } of handling.data.handlingUnits.edges) units[u.name] = u.id;
  });
  afterEach(() => realClock());
  afterAll(() => app.close());

  const payload = async (document: string, variables: Record<string, unknown>, viewer: Viewer) => {
    const result = await app.execute<any, any>(document, variables, viewer);
    expect(result.errors).toBeUndefined();
    const value = Object.values(result.data)[0] as { errors: unknown[]; proposal: any };
    expect(value.errors).toEqual([]);
    return value.proposal;
  };

  /** An accepted proposal (drafted, submitted and accepted on the real day), ready to be assigned. */
  const accepted = async (subject: string, isComplex = false): Promise<string> => {
    const input = { level: 'MUNICIPAL', subject, reasons: '企业反映办理周期长。', recommendations: '简化流程。', isComplex };
    const { id, version } = await payload(DRAFT, { input }, drafter);
    await payload(SUBMIT, { id, version }, drafter);
    await payload(REVIEW, { id }, office);
    return id;
  };

  it('takes today in Wuhan (UTC+8): 16:30 UTC on 30 November is already 1 December', async () => {
    // The tests' own calendar first, so the other tests may trust it.
    expect(['2026-11-30T15:59:59Z', '2026-11-30T16:00:00Z', '2026-11-30T16:30:00Z', '2026-12-31T16:00:00Z', '2024-02-28T16:00:00Z'].map((i) => zoneDay(new Date(i)))).toEqual([
      '2026-11-30', '2026-12-01', '2026-12-01', '2027-01-01', '2024-02-29',
    ]);
    const code = testCode(2001);
    const name = '武汉时区测试科技有限公司';
    expect((await app.execute<any, any>(`mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }`, { input: enterpriseInput(code, name) }, admin)).data).toEqual({
      createEnterprise: { errors: [] },
    });
    const ELIGIBILITY = `query E($codes: [String!]!) { eligibility(program: "RD_SUPER_DEDUCTION", creditCodes: $codes) { creditCode program { code } rules { version effectiveFrom } asOf isEligible checks { criterion outcome detail(language: ENGLISH) } } }`;
    const answer = async (instant: string) => {
      setClock(instant);
      const r = await app.execute<any, any>(ELIGIBILITY, { codes: [code] }, admin);
      expect(r.errors).toBeUndefined();
      return r.data.eligibility;
    };
    const expected = (asOf: string, years: string) => [
      {
        creditCode: code,
        program: { code: 'RD_SUPER_DEDUCTION' },
        // The standing rule of 2023年第7号 (the super-deduction's rate history: test/super-deduction.test.ts).
        rules: { version: 10, effectiveFrom: '2023-01-01' },
        asOf,
        isEligible: false,
        checks: [
          { criterion: 'REGISTERED_IN_ZONE', outcome: 'PASSED', detail: `${name} (光电子信息产业园), founded 2012-03-01.` },
          { criterion: 'EXCLUDED_SECTOR', outcome: 'UNKNOWN', detail: 'Its principal business is not classified under a GB/T 4754 sector.' },
          { criterion: 'RD_EXPENSE', outcome: 'UNKNOWN', detail: `No fiscal year figures for ${years} are recorded.` },
        ],
      },
    ];
    expect(await answer('2026-11-30T15:59:59Z')).toEqual(expected('2026-11-30', '2024 or 2025'));
    expect(await answer('2026-11-30T16:30:00Z')).toEqual(expected('2026-12-01', '2024 or 2025'));
    expect(await answer('2026-12-31T15:59:59Z')).toEqual(expected('2026-12-31', '2024 or 2025'));
    expect(await answer('2026-12-31T16:00:00Z')).toEqual(expected('2027-01-01', '2025 or 2026'));
  });

  it('makes a reply due 3 months after assignment (complex or not, since issue 16), on the month’s last day when it is shorter', async () => {
    // [when the office assigns it, complex (the drafter's word, which no longer changes the due date), due]
    const cases: [string, boolean, string][] = [
      [noon('2026-05-15'), false, '2026-08-15'],
      [noon('2026-11-30'), false, '2027-02-28'],
      [noon('2026-11-30'), true, '2027-02-28'],
      [noon('2027-08-31'), false, '2027-11-30'],
      [noon('2027-08-31'), true, '2027-11-30'],
      [noon('2027-11-30'), false, '2028-02-29'],
      [noon('2026-01-31'), false, '2026-04-30'],
      [noon('2026-10-31'), false, '2027-01-31'],
      [noon('2026-10-31'), true, '2027-01-31'],
      [noon('2026-12-31'), true, '2027-03-31'],
      [noon('2028-02-29'), false, '2028-05-29'],
      // Midnight in Wuhan, not in UTC, starts the day the reply counts from.
      ['2026-11-30T15:59:59Z', false, '2027-02-28'],
      ['2026-11-30T16:30:00Z', false, '2027-03-01'],
    ];
    const ids: string[] = [];
    for (const [i, [, complex]] of cases.entries()) ids.push(await accepted(`关于到期日测试${i + 1}的提案`, complex));
    const due = [];
    for (const [i, [instant]] of cases.entries()) {
      setClock(instant);
      due.push(await payload(ASSIGN, { id: ids[i], lead: units['武汉市经济和信息化局'] }, office));
    }
    expect(due).toEqual(cases.map(([, isComplex, dueOn]) => ({ status: 'ASSIGNED', round: 1, isComplex, dueOn, isOverdue: false })));
    // The tests' own month arithmetic agrees with every pair (it computes other tests' due dates).
    expect(cases.map(([instant]) => addMonths(zoneDay(new Date(instant)), 3))).toEqual(cases.map(([, , d]) => d));
  });

  it('lists a proposal as overdue from the first moment of the day after its due date in Wuhan', async () => {
    const id = await accepted('关于逾期边界测试的提案');
    setClock(noon('2026-11-30'));
    expect(await payload(ASSIGN, { id, lead: units['武汉市经济和信息化局'] }, office)).toEqual({ status: 'ASSIGNED', round: 1, isComplex: false, dueOn: '2027-02-28', isOverdue: false });
    const at = async (instant: string) => {
      setClock(instant);
      const one = await app.execute<any, any>(PROPOSAL, { id }, office);
      const listed = await app.execute<any, any>(OVERDUE, {}, office);
      return [one.data.proposal, listed.data.proposals.edges.some((e: { node: { id: string } }) => e.node.id === id)];
    };
    expect(await at('2027-02-28T15:59:59Z')).toEqual([{ status: 'ASSIGNED', dueOn: '2027-02-28', isOverdue: false }, false]);
    expect(await at('2027-02-28T16:00:00Z')).toEqual([{ status: 'ASSIGNED', dueOn: '2027-02-28', isOverdue: true }, true]);
  });

  it('gives a proposal sent back by a dissatisfied proposer one re-handling round, due 30 days from the rating (2027-01-31 → 2027-03-02)', async () => {
    const id = await accepted('关于再次办理测试的提案');
    setClock(noon('2026-11-30'));
    await payload(ASSIGN, { id, lead: units['武汉市科学技术局'] }, office);
    setClock(noon('2026-12-15'));
    const { answer } = await payload(REPLY, { id }, unit('武汉市科学技术局'));
    setClock(noon('2027-01-31'));
    expect(await payload(RATE, { replyId: answer.id, rating: 'DISSATISFIED' }, drafter)).toEqual({ status: 'ASSIGNED', round: 2, dueOn: '2027-03-02', isOverdue: false });
  });

  it('scores a unit in the year of its replies in Wuhan, truncating the satisfaction rate (2 of 3: 66.6666%)', async () => {
    const lead = units['武汉市地方金融管理局']!;
    const ids = [];
    for (const n of [1, 2, 3, 4]) ids.push(await accepted(`关于评议测试${n}的提案`));
    setClock(noon('2027-03-01'));
    for (const id of ids) await payload(ASSIGN, { id, lead }, office);
    setClock(noon('2027-03-15'));
    const answers = [];
    for (const id of ids.slice(0, 3)) answers.push((await payload(REPLY, { id }, unit('武汉市地方金融管理局'))).answer.id);
    for (const [i, rating] of (['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const).entries()) await payload(RATE, { replyId: answers[i], rating }, drafter);
    setClock('2027-12-31T16:30:00Z'); // 00:30 on 1 January 2028 in Wuhan
    await payload(REPLY, { id: ids[3] }, unit('武汉市地方金融管理局'));
    realClock();
    const scores = async (year: number) => (await app.execute<any, any>(SCORES, { year }, office)).data.handlingUnitScores.edges.map((e: { node: unknown }) => e.node);
    expect(await scores(2027)).toEqual([
      { unit: { name: '武汉市地方金融管理局' }, year: 2027, replies: 3, rated: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: '66.6666' },
    ]);
    expect(await scores(2028)).toEqual([
      { unit: { name: '武汉市地方金融管理局' }, year: 2028, replies: 1, rated: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null },
    ]);
  });

  describe('authorisations: active from their first day to their last, in Wuhan', () => {
    const GRANT = `mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { validFrom validUntil isActive } errors { code field message } } }`;
    const grant = (creditCode: string, validFrom: string, validUntil: string) =>
      app.execute<any, any>(
        GRANT,
        { input: { creditCode, bankCreditCode: hankou.creditCode, scopes: ['PROFILE'], purpose: '科技信用贷款授信审查', validFrom, validUntil, signer: '王伟（财务总监）' } },
        as(Role.ENTERPRISE_REP, creditCode),
      );
    /** [does the bank see the enterprise, is its authorisation active] for each code. */
    const seen = async (codes: string[]) => {
      const out = [];
      for (const code of codes) {
        const read = await app.execute<any, any>(`query Q($c: CreditCode!) { enterprise(creditCode: $c) { creditCode } }`, { c: code }, bank);
        const list = await app.execute<any, any>(`query A($c: CreditCode!) { authorizations(creditCode: $c) { edges { node { isActive } } } }`, { c: code }, admin);
        out.push([read.data.enterprise?.creditCode === code, list.data.authorizations.edges.map((e: { node: { isActive: boolean } }) => e.node.isActive)]);
      }
      return out;
    };
    const register = async (codes: [string, string][]) => {
      for (const [code, name] of codes) {
        const r = await app.execute<any, any>(`mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }`, { input: enterpriseInput(code, name) }, admin);
        expect(r.data).toEqual({ createEnterprise: { errors: [] } });
      }
    };

    it('lets the bank see an enterprise on the last day (validUntil) until midnight in Wuhan, and from midnight on the first day (validFrom)', async () => {
      const ending = testCode(2101);
      const starting = testCode(2102);
      await register([[ending, '武汉授权末日科技有限公司'], [starting, '武汉授权首日科技有限公司']]);
      setClock(noon('2026-12-01'));
      expect((await grant(ending, '2026-06-01', '2026-12-01')).data).toEqual({
        grantAuthorization: { authorization: { validFrom: '2026-06-01', validUntil: '2026-12-01', isActive: true }, errors: [] },
      });
      expect((await grant(starting, '2026-12-02', '2027-06-01')).data).toEqual({
        grantAuthorization: { authorization: { validFrom: '2026-12-02', validUntil: '2027-06-01', isActive: false }, errors: [] },
      });
      expect(await seen([ending, starting])).toEqual([[true, [true]], [false, [false]]]);
      setClock('2026-12-01T15:59:59Z'); // 23:59:59 in Wuhan: still the last day of one, not yet the first of the other
      expect(await seen([ending, starting])).toEqual([[true, [true]], [false, [false]]]);
      setClock('2026-12-01T16:00:00Z'); // midnight in Wuhan: 2 December
      expect(await seen([ending, starting])).toEqual([[false, [false]], [true, [true]]]);
    });

    it('refuses an authorisation that ended yesterday, and takes one ending today, active at once', async () => {
      const code = testCode(2103);
      await register([[code, '武汉授权当日科技有限公司']]);
      setClock(noon('2026-12-01'));
      expect((await grant(code, '2026-06-01', '2026-11-30')).data).toEqual({
        grantAuthorization: { authorization: null, errors: [{ code: 'INVALID_INPUT', field: 'input.validUntil', message: 'The authorization would already have ended.' }] },
      });
      expect(await seen([code])).toEqual([[false, []]]);
      expect((await grant(code, '2026-06-01', '2026-12-01')).data.grantAuthorization.errors).toEqual([]);
      expect(await seen([code])).toEqual([[true, [true]]]);
    });

    it('on the real clock too: today in Wuhan is the last valid day, tomorrow the first', async () => {
      const last = testCode(2104);
      const first = testCode(2105);
      await register([[last, '武汉今日到期科技有限公司'], [first, '武汉明日生效科技有限公司']]);
      const today = zoneToday();
      expect((await grant(last, addMonths(today, -6), today)).data.grantAuthorization.errors).toEqual([]);
      expect((await grant(first, addDays(today, 1), addMonths(today, 6))).data.grantAuthorization.errors).toEqual([]);
      expect((await grant(first, today, addDays(today, -1))).data.grantAuthorization.errors.map((e: { field: string }) => e.field)).toEqual(['input.validUntil', 'input.validUntil']);
      expect(await seen([last, first])).toEqual([[true, [true]], [false, [false]]]);
    });
  });
});
