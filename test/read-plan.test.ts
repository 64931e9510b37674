import { isInterfaceType, isObjectType } from 'graphql';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { declaredFields } from '../src/db/read-plan';
import { BANKS } from '../seeds/reference';
import { loadDemoCppcc } from '../seeds/cppcc';
import { loadDemoZone } from '../seeds/zone';
import { as, errorsInPathOrder, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { coveringEnterprises } from './support/demo';
import { resetRegistry } from './support/registry';

/**
 * Reading ahead (src/db/read-plan.ts) must change how many statements a page costs, never what it answers. The oracle
 * is a second server on the same database with READ_AHEAD=false: every field loads through its own resolver, one
 * batch per relation and level, as before read-ahead existed. Each query runs on both, as the same viewer.
 */
const PARTS = `
fragment Parts on FinancingInstrument {
  __typename kind status amount
  holders { share amount enterprise { creditCode name } }
  enterprise { creditCode }
  ... on CreditLoan { contractNumber lender { name subBranches { name } } subBranch { name bank { name } } }
  ... on IpPledgeLoan { lender { name } loanToValue pledgedValue pledges { patent { number isPledged } appraisal { value } } }
  ... on TechInsurancePolicy { insurer { name } }
  ... on Reinsurance { reinsurer { name } underlyingPolicy { amount insurer { name } } }
  ... on FundInvestment { fund { name } }
  ... on RiskCompensationCover { pool { name } coveredLoan { amount } claims { amount paidAmount } }
}`;
/** The page's selection, the same in both queries (written out: a fragment would count as a level of depth). */
const PAGE_FIELDS = `
  creditCode name
  park { code } cluster { code } university { name }
  isHighTech highTechCertificates { number validUntil }
  financials { fiscalYear revenue rdExpense } financialBands { fiscalYear }
  patents(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { number isPledged appraisals { value appraisedOn } } }
  recent: instruments(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Parts } } }
  loans: instruments(first: 5, kinds: [CREDIT_LOAN, IP_PLEDGE_LOAN]) @include(if: $deep) { edges { node { ...Parts } } }
  skipped: instruments(first: 3) @skip(if: $deep) { edges { node { ... on FinancingInstrument { kind } } } }
  projects(first: 5) {
    totalCount
    edges { cursor node {
      title totalBudget budget { amount source } outputs { kind patent { number } }
      participants { role enterprise { name instruments(first: 1) { edges { node { ... on FinancingInstrument { kind } } } } } institution { name } }
    } }
  }
  incentivePlans { nodes { form grants(first: 2) { totalCount nodes { granteeName equityShare } } enterprise { name } } }
  talentAwards(first: 1) { totalCount pageInfo { hasNextPage } nodes { scheme recipientName } }
  taxPilotUsage { fiscalYear pilot }
  creditRatings { totalCount nodes { rating ratedOn } }
  dishonestDebtorChecks(first: 1) { totalCount edges { cursor node { checkedOn } } }`;
const PAGE = `query ($codes: [CreditCode!]!, $deep: Boolean!) {
  enterprises(first: 50, filter: { creditCodes: $codes }) { edges { node { id ${PAGE_FIELDS} } } }
} ${PARTS}`;
const NODES = `query ($ids: [ID!]!, $deep: Boolean!) { nodes(ids: $ids) { id ... on Enterprise { ${PAGE_FIELDS} } } } ${PARTS}`;

describe('reading a page ahead', () => {
  let app: TestApp;
  /** The oracle: the same code and database, reading field by field. */
  let plain: TestApp;
  let codes: string[];
  const hankou = BANKS.find((b) => b.key === 'HANKOU')!;

  beforeAll(async () => {
    app = await TestApp.start();
    plain = await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl'), env: { READ_AHEAD: 'false' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    const five = await coveringEnterprises(app.orm);
    const rows = await app.orm.em.fork().execute<{ code: string }[]>('select credit_code as code from enterprise order by credit_code limit 40');
    codes = [...five, ...rows.map((r) => r.code).filter((c) => !five.includes(c))].slice(0, 30);
    // The bank: every scope from some enterprises, the profile only from others, nothing from the rest.
    const today = zoneToday();
    for (const [scopes, slice] of [['{PROFILE,HIGH_TECH,PATENTS,FINANCIALS,INSTRUMENTS}', codes.slice(0, 12)], ['{PROFILE}', codes.slice(12, 20)]] as const) {
      await app.orm.em.fork().execute(
        `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
         select gen_random_uuid(), e.id, b.id, ?, '授信审查', ?, ?, '授权人', 'ZONE_ADMIN', now(), now(), 1
         from enterprise e, bank b where e.credit_code = any(?::text[]) and b.credit_code = ?`,
        [scopes, today, addMonths(today, 12), `{${slice.join(',')}}`, hankou.creditCode],
      );
    }
  }, 60_000);
  afterAll(async () => {
    await plain.close();
    await app.close();
  });

  /** The page read ahead and read field by field; the same enterprises through `nodes`, both ways. */
  async function bothWays(viewer: Viewer, deep: boolean) {
    const page = await app.countStatements(() => app.execute(PAGE, { codes, deep }, viewer));
    const oracle = await plain.countStatements(() => plain.execute(PAGE, { codes, deep }, viewer));
    const nodes = ((page.result.data as Record<string, unknown> | undefined)?.['enterprises'] as { edges: { node: { id: string } }[] } | undefined)?.edges.map((e) => e.node) ?? [];
    const byId = await app.countStatements(() => app.execute(NODES, { ids: nodes.map((n) => n.id), deep }, viewer));
    const byIdOracle = await plain.countStatements(() => plain.execute(NODES, { ids: nodes.map((n) => n.id), deep }, viewer));
    return { page, oracle, nodes, byId, byIdOracle };
  }

  const viewers: [string, Viewer][] = [
    ['a zone administrator', as(Role.ZONE_ADMIN)],
    ['a bank under scopes that differ by enterprise', as(Role.BANK_OFFICER, hankou.creditCode)],
    ['a CPPCC member', as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', '00000000-0000-4000-8000-000000000001'))],
    ['the CPPCC office', as(Role.CPPCC_OFFICE)],
  ];

  it.each(viewers)('answers %s exactly as field-by-field loading does, with fragments, aliases and directives', async (_, viewer) => {
    for (const deep of [true, false]) {
      const { page, oracle, nodes, byId, byIdOracle } = await bothWays(viewer, deep);
      // What the viewer may not see is masked (an administrator: nothing), the same way in both.
      expect((page.result.errors ?? []).filter((e) => e.extensions?.['code'] !== 'FORBIDDEN')).toEqual([]);
      expect([viewer.role, page.result.errors === undefined]).toEqual([viewer.role, viewer.role === Role.ZONE_ADMIN]);
      expect(errorsInPathOrder(page.result).errors).toEqual(errorsInPathOrder(oracle.result).errors);
      expect(nodes.length).toBeGreaterThan(0);
      expect(page.result.data).toEqual(oracle.result.data);
      expect(errorsInPathOrder(byId.result)).toEqual(errorsInPathOrder(byIdOracle.result));
      expect((byId.result.data as { nodes: unknown[] }).nodes).toEqual(nodes);
      // And it costs fewer statements.
      expect(page.statements).toBeLessThan(oracle.statements);
    }
  });

  it('reads ahead for a record fetched by id only for a viewer who sees every record of its type', async () => {
    const one = `query ($code: CreditCode!, $deep: Boolean!) { enterprise(creditCode: $code) { id ${PAGE_FIELDS} } } ${PARTS}`;
    for (const [, viewer] of viewers) {
      const read = await app.countStatements(() => app.execute(one, { code: codes[0], deep: true }, viewer));
      const oracle = await plain.execute(one, { code: codes[0], deep: true }, viewer);
      expect(errorsInPathOrder(read.result)).toEqual(errorsInPathOrder(oracle));
      // An administrator's and the CPPCC roles': one statement reads ahead; a bank's (it sees authorising enterprises
      // only): none, field by field.
      const ahead = read.sql.filter((q) => q.startsWith('with r0 as')).length;
      expect([viewer.role, ahead]).toEqual([viewer.role, viewer.role === Role.BANK_OFFICER ? 0 : 1]);
    }
  });

  it('reads what an administrator’s page follows in one statement, whatever the page holds', async () => {
    const admin = as(Role.ZONE_ADMIN);
    const { page } = await bothWays(admin, true);
    // The page, and the read-ahead (the totalCount of `recent` comes with its first page).
    expect(page.sql.map((s) => s.slice(0, 20))).toEqual(['select "e".* from "e', 'with r0 as (select *']);
    const small = await app.countStatements(() => app.execute(PAGE, { codes: codes.slice(0, 1), deep: true }, admin));
    expect(small.statements).toBe(2);
  });

  it('reads a page asked for as `nodes` ahead just as one asked for as `edges`', async () => {
    const admin = as(Role.ZONE_ADMIN);
    const asNodes = `query ($codes: [CreditCode!]!, $deep: Boolean!) {
      enterprises(first: 50, filter: { creditCodes: $codes }) { nodes { id ${PAGE_FIELDS} } }
    } ${PARTS}`;
    const nodes = await app.countStatements(() => app.execute(asNodes, { codes, deep: true }, admin));
    const edges = await app.execute(PAGE, { codes, deep: true }, admin);
    expect(nodes.result.errors).toBeUndefined();
    expect((nodes.result.data as { enterprises: { nodes: unknown[] } }).enterprises.nodes).toEqual(
      (edges.data as { enterprises: { edges: { node: unknown }[] } }).enterprises.edges.map((e) => e.node),
    );
    expect(nodes.sql.map((s) => s.slice(0, 20))).toEqual(['select "e".* from "e', 'with r0 as (select *']);
  });

  it('leaves a refusal of a nested field’s arguments to its resolver: the page answers, the field carries the error', async () => {
    const query = `query ($codes: [CreditCode!]!) { enterprises(first: 3, filter: { creditCodes: $codes }) {
      edges { node { creditCode instruments(first: 1000) { edges { node { ... on FinancingInstrument { kind } } } } financials { fiscalYear } } } } }`;
    const result = await app.execute(query, { codes: codes.slice(0, 3) }, as(Role.ZONE_ADMIN));
    const edges = (result.data as { enterprises: { edges: { node: { creditCode: string; instruments: unknown; financials: unknown[] } }[] } }).enterprises.edges;
    expect(edges.map((e) => [e.node.instruments, Array.isArray(e.node.financials)])).toEqual(edges.map(() => [null, true]));
    expect(result.errors!.map((e) => [e.message, e.path])).toEqual(
      edges.map((_, i) => ['first must be at most 100; asked for 1000.', ['enterprises', 'edges', i, 'node', 'instruments']]),
    );
  });

  it('leaves a nested field whose query PostgreSQL refuses to its resolver: the page answers as without read-ahead', async () => {
    // A cursor of the right shape whose values are no date and no uuid: the statement reading ahead fails as a
    // whole; the page still answers, and each `instruments` carries its own error, exactly as field by field.
    const cursor = Buffer.from(JSON.stringify(['x', 'y']), 'utf8').toString('base64url');
    const query = `query ($codes: [CreditCode!]!) { enterprises(first: 3, filter: { creditCodes: $codes }) {
      edges { node { creditCode financials { fiscalYear } instruments(after: "${cursor}") { totalCount } } } } }`;
    const ahead = await app.execute(query, { codes: codes.slice(0, 3) }, as(Role.ZONE_ADMIN));
    const plainAnswer = await plain.execute(query, { codes: codes.slice(0, 3) }, as(Role.ZONE_ADMIN));
    expect(ahead).toEqual(plainAnswer);
    const edges = (ahead.data as { enterprises: { edges: { node: { instruments: unknown } }[] } }).enterprises.edges;
    expect([edges.length, edges.every((e) => e.node.instruments === null), ahead.errors!.length]).toEqual([3, true, 3]);
  });

  it('reads nothing ahead when the page follows nothing', async () => {
    const counted = await app.countStatements(() =>
      app.execute(`query ($codes: [CreditCode!]!) { enterprises(first: 50, filter: { creditCodes: $codes }) { edges { node { name } } } }`, { codes }, as(Role.ZONE_ADMIN)),
    );
    expect(counted.statements).toBe(1);
  });

  it('declares only fields the schema has, on types whose fields resolve from its rows', () => {
    const schema = app.schema;
    const missing = declaredFields().filter((name) => {
      const [type, field] = name.split('.') as [string, string];
      const t = schema.getType(type);
      return !t || !(isObjectType(t) || isInterfaceType(t)) || !t.getFields()[field];
    });
    expect(missing).toEqual([]);
  });
});

/** The proposals list reads ahead too: the same oracle, as each CPPCC role and a handling unit see it. */
const PROPOSAL_FIELDS = `
  status level subject isKey round dueOn isOverdue
  proposers { name sector { name } party { name } } cosigners { totalCount pageInfo { endCursor } edges { cursor node { name } } }
  sector { name } party { name } leadUnit { name } coHandlers { name }
  requests { title status enterprises { totalCount edges { cursor node { name creditCode } } } proposals { totalCount edges { node { level } } } }
  escalatedFrom { level status answer { category } } escalations { totalCount edges { node { level status } } }
  evidence(first: 5) { totalCount pageInfo { hasNextPage } edges { node { kind title } } } timeline { totalCount edges { node { action status actor { role } } } }
  replies { totalCount edges { cursor node { round isLead category rating unit { name } } } } answer { category unit { name } }`;

describe('reading a page of proposals ahead', () => {
  let app: TestApp;
  let plain: TestApp;
  let unitId: string;
  let memberId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    plain = await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl'), env: { READ_AHEAD: 'false' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
    const sql = <T>(q: string) => app.orm.em.fork().execute<T[]>(q);
    // A unit with proposals assigned to it, and a member who proposed some.
    const [unit] = await sql<{ id: string }>(`select lead_unit_id as id from proposal where lead_unit_id is not null group by 1 order by count(*) desc limit 1`);
    const [member] = await sql<{ id: string }>(`select unnest(proposer_ids) as id from proposal group by 1 order by count(*) desc, 1 limit 1`);
    unitId = toGlobalId('HandlingUnit', unit!.id);
    memberId = toGlobalId('CppccMember', member!.id);
  }, 60_000);
  afterAll(async () => {
    await plain.close();
    await app.close();
  });

  it.each([
    ['the CPPCC office', () => as(Role.CPPCC_OFFICE)],
    ['a member', () => as(Role.CPPCC_MEMBER, memberId)],
    ['a handling unit', () => as(Role.HANDLING_UNIT, unitId)],
    ['a zone administrator', () => as(Role.ZONE_ADMIN)],
  ])('answers %s exactly as field-by-field loading does, reading ahead in one statement', async (_, viewer) => {
    const page = await app.countStatements(() =>
      app.execute(`query { proposals(first: 100) { edges { node { id ${PROPOSAL_FIELDS} } } } }`, {}, viewer()),
    );
    expect(page.result.errors).toBeUndefined();
    const nodes = (page.result.data as { proposals: { edges: { node: { id: string } }[] } }).proposals.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    const oracle = await plain.execute(`query { proposals(first: 100) { edges { node { id ${PROPOSAL_FIELDS} } } } }`, {}, viewer());
    expect(page.result.data).toEqual(oracle.data);
    // The page, the read-ahead, and records reached by reference of a type the viewer does not see whole (a draft is
    // its proposers'; a unit sees the requests of its proposals only): read by id by the field's resolver, screened.
    expect(page.sql.slice(0, 2).map((q) => q.slice(0, 20))).toEqual(['select "p".*, to_cha', 'with r0 as (select *']);
    const byId = /^select \* from "(proposal|policy_request)" where "id" = any\(/;
    expect(page.sql.slice(2).filter((q) => !byId.test(q))).toEqual([]);
    // One proposal by id: the same both ways too.
    const single = `query ($id: ID!) { proposal(id: $id) { id ${PROPOSAL_FIELDS} } }`;
    expect((await app.execute(single, { id: nodes[0]!.id }, viewer())).data).toEqual((await plain.execute(single, { id: nodes[0]!.id }, viewer())).data);
  });
});
