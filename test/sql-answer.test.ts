import { getNamedType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, isAbstractType, isEnumType, isObjectType, isScalarType, parse } from 'graphql';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { createContext } from '../src/context';
import { answeredFields, planSqlAnswer, plainFieldsOf } from '../src/db/sql-answer';
import { BANKS } from '../seeds/reference';
import { loadDemoZone } from '../seeds/zone';
import { QUERY_A } from '../bench/side-by-side';
import { as, errorsInPathOrder, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { resetRegistry } from './support/registry';

/**
 * Answers in SQL (src/db/sql-answer.ts) must change how an answer is computed, never what it is. The oracle is a
 * second server on the same database with READ_AHEAD=false: every field through its own resolver and the policy, one
 * batch per relation and level. Each query runs on both, as the same viewer, and the whole answers are compared.
 *
 * The widest query is generated from the schema: from the page of enterprises, every field of every type reached that
 * has an SQL form (each declared field, `id`, `__typename` and every plain field), every kind of instrument. So a
 * declaration that no longer computes what its resolver computes fails here, and so does a plain field whose column
 * prints differently from its scalar.
 */
const admin = as(Role.ZONE_ADMIN);

/** Every field of `type` the planner can answer, nested to `depth`, stopping at a type already twice on the path. */
function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, path: string[]): string {
  const declared = new Set(answeredFields());
  const objects: GraphQLObjectType[] = isAbstractType(type) ? [...schema.getPossibleTypes(type)] : [type as GraphQLObjectType];
  const fieldsOf = (object: GraphQLObjectType) => {
    const parts: string[] = ['__typename'];
    for (const field of Object.values(object.getFields())) {
      const named = getNamedType(field.type);
      const isDeclared = declared.has(`${object.name}.${field.name}`) || object.getInterfaces().some((i) => declared.has(`${i.name}.${field.name}`));
      if (isScalarType(named) || isEnumType(named)) {
        if (field.args.length === 0 && (isDeclared || field.name === 'id' || PLAIN.has(`${object.name}.${field.name}`))) parts.push(field.name);
        continue;
      }
      if (!isDeclared || depth === 0) continue;
      const target = named.name.endsWith('Connection') ? getNamedType((named as GraphQLObjectType).getFields()['edges']!.type) : named;
      const node = named.name.endsWith('Connection') ? getNamedType((target as GraphQLObjectType).getFields()['node']!.type) : named;
      if (path.filter((p) => p === node.name).length >= 2) continue;
      const inner = selectionOf(schema, node, depth - 1, [...path, node.name]);
      if (named.name.endsWith('Connection')) {
        parts.push(`${field.name}(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${inner} } } nodes { ${inner} } }`);
      } else {
        parts.push(`${field.name} { ${inner} }`);
      }
    }
    return parts.join(' ');
  };
  if (!isAbstractType(type)) return fieldsOf(type as GraphQLObjectType);
  return objects.map((o) => `... on ${o.name} { ${fieldsOf(o)} }`).join(' ');
}

/** Plain fields (no resolver of their own) of the schema, filled in below. */
const PLAIN = new Set<string>();

describe('answers in SQL', () => {
  let app: TestApp;
  let plain: TestApp;
  let widest: string;
  const hankou = BANKS.find((b) => b.key === 'HANKOU')!;

  beforeAll(async () => {
    const env = { GRAPHQL_MAX_COST: '100000000' };
    app = await TestApp.start({ env });
    plain = await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl'), env: { ...env, READ_AHEAD: 'false' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    // Plain fields: fields without a resolver of their own, as the schema was built (before the policy wraps some).
    for (const field of plainFieldsOf(app.schema)) PLAIN.add(field);
    widest = `query ($first: Int!) { enterprises(first: $first) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${selectionOf(app.schema, app.schema.getType('Enterprise')!, 3, ['Enterprise'])} } } } }`;
    // A bank authorised by some enterprises (its answers go the usual way; they must stay the same).
    const today = zoneToday();
    await app.orm.em.fork().execute(
      `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
       select gen_random_uuid(), e.id, b.id, '{PROFILE,HIGH_TECH,PATENTS,FINANCIALS,INSTRUMENTS}', '授信审查', ?, ?, '授权人', 'ZONE_ADMIN', now(), now(), 1
       from (select id from enterprise order by credit_code limit 10) e, bank b where b.credit_code = ?`,
      [today, addMonths(today, 12), hankou.creditCode],
    );
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    await app?.close();
  });

  /**
   * Both servers' answers as a client receives them (JSON): in process, graphql-scalars hands an instant over as a
   * Date, which the HTTP response writes as its ISO text, as the SQL answer gives it.
   */
  const run = async (on: TestApp, query: string, variables: Record<string, unknown>, viewer: Viewer) =>
    JSON.parse(JSON.stringify(errorsInPathOrder(await on.execute(query, variables, viewer)))) as { data?: Record<string, any>; errors?: unknown[] };

  const plan = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
    planSqlAnswer(app.schema, parse(query), undefined, variables, createContext(app.orm, viewer, pino({ level: 'silent' }), 'plan'));

  it('answers the widest page an administrator can ask, every declared field and every plain one, as the resolvers do', async () => {
    expect(await plan(widest, { first: 100 }, admin)).toHaveProperty('sql');
    const answered = await app.countStatements(() => run(app, widest, { first: 100 }, admin));
    const oracle = await run(plain, widest, { first: 100 }, admin);
    expect(oracle.errors).toBeUndefined();
    expect(answered.result).toEqual(oracle);
    expect(answered.statements).toBe(1);
    // Every declared field was asked for (a declaration the generated query cannot reach would be untested).
    for (const field of answeredFields()) {
      const [, name] = field.split('.');
      expect([field, widest.includes(name!)]).toEqual([field, true]);
    }
  });

  it('answers query A (the bench’s portfolio page) in one statement, as the resolvers do', async () => {
    for (const first of [0, 1, 50, 100]) {
      const answered = await app.countStatements(() => run(app, QUERY_A, { first }, admin));
      const oracle = await run(plain, QUERY_A, { first }, admin);
      expect(answered.result).toEqual(oracle);
      expect(answered.statements).toBe(1);
    }
  });

  it('answers `nodes` beside or instead of `edges`, at every level and after a cursor, in one statement as the resolvers do', async () => {
    const query = `query ($first: Int!, $after: String) { enterprises(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { creditCode
        patents(first: 2) { totalCount nodes { number appraisals { value } } }
        instruments(first: 2) { nodes { __typename ... on FinancingInstrument { kind amount } } edges { cursor } }
        incentivePlans { nodes { form grants(first: 1) { totalCount pageInfo { hasNextPage } nodes { granteeName } } } }
      }
      edges { cursor node { name } } } }`;
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      expect(await plan(query, { first: 7, after }, admin)).toHaveProperty('sql');
      const answered = await app.countStatements(() => run(app, query, { first: 7, after }, admin));
      const oracle = await run(plain, query, { first: 7, after }, admin);
      expect(oracle.errors).toBeUndefined();
      expect(answered.result).toEqual(oracle);
      expect(answered.statements).toBe(1);
      // The nodes are the edges' nodes, in their order.
      const page = answered.result.data!['enterprises'];
      expect(page.nodes.map((n: { creditCode: string }) => n.creditCode)).toHaveLength(page.edges.length);
      after = page.pageInfo.endCursor;
    }
  });

  it('sends the answer over HTTP as PostgreSQL wrote it, the same JSON as the resolvers’, and nothing of the stand-in', async () => {
    const token = await app.token(Role.ZONE_ADMIN);
    const post = async (on: TestApp, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${on.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), body: await res.text() };
    };
    for (const [query, variables] of [[QUERY_A, { first: 50 }], [widest, { first: 20 }], [QUERY_A, { first: 0 }]] as const) {
      const answered = await post(app, query, variables);
      const oracle = await post(plain, query, variables);
      expect([answered.status, answered.type]).toEqual([200, 'application/json; charset=utf-8']);
      expect(Number(answered.length)).toBe(Buffer.byteLength(answered.body));
      expect(JSON.parse(answered.body)).toEqual(JSON.parse(oracle.body));
      expect(answered.body).not.toContain('__innozone_sql_answer');
      expect(answered.body).toMatch(/^\{"data":\{"enterprises" ?:/);
    }
  });

  it('writes instants in UTC and dates as YYYY-MM-DD whatever the session’s time zone and date style', async () => {
    const query = `query ($first: Int!, $order: [EnterpriseOrder!]) { enterprises(first: $first, orderBy: $order) {
      edges { cursor node { creditCode foundedOn updatedAt instruments(first: 2) { edges { cursor node { ... on FinancingInstrument { startsOn } } } } } } } }`;
    const variables = { first: 5, order: [{ field: 'FOUNDED_ON', direction: 'ASC' }] };
    const planned = await plan(query, variables, admin);
    if (!('sql' in planned)) throw new Error(planned.why);
    const native = app.orm.em.getKnex().raw(planned.sql, planned.bindings as never).toSQL().toNative();
    const client = await app.sql();
    const answers: unknown[] = [];
    for (const [zone, style] of [['UTC', 'ISO, MDY'], ['Asia/Shanghai', 'SQL, DMY'], ['America/New_York', 'German']]) {
      await client.query(`set time zone '${zone}'`);
      await client.query(`set datestyle = '${style}'`);
      answers.push(JSON.parse((await client.query<{ data: string }>(native.sql, native.bindings as unknown[])).rows[0]!.data));
    }
    await client.query('reset time zone');
    await client.query('reset datestyle');
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual((await run(plain, query, variables, admin)).data);
  });

  it('keeps the plan of an operation, never its answer: a change is in the next answer', async () => {
    const query = `query ($first: Int!) { enterprises(first: $first) { edges { node { creditCode name } } } }`;
    const before = await run(app, query, { first: 1 }, admin);
    const { creditCode, name } = before.data!['enterprises'].edges[0].node as { creditCode: string; name: string };
    const client = await app.sql();
    await client.query('update enterprise set name = $1 where credit_code = $2', [`${name}（已更名）`, creditCode]);
    try {
      const after = await run(app, query, { first: 1 }, admin);
      expect(after).toEqual(await run(plain, query, { first: 1 }, admin));
      expect(after.data!['enterprises'].edges[0].node).toEqual({ creditCode, name: `${name}（已更名）` });
    } finally {
      await client.query('update enterprise set name = $1 where credit_code = $2', [name, creditCode]);
    }
  });

  const viewers: [string, Viewer][] = [
    ['a CPPCC member', as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', '00000000-0000-4000-8000-000000000001'))],
    ['the CPPCC office', as(Role.CPPCC_OFFICE)],
    ['a handling unit', as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', '00000000-0000-4000-8000-000000000001'))],
    ['a bank authorised by ten enterprises', as(Role.BANK_OFFICER, hankou.creditCode)],
    ['an enterprise representative', as(Role.ENTERPRISE_REP, '914201003000010018')],
  ];

  it.each(viewers)('answers %s as the resolvers and the policy do (in SQL only where it sees the whole selection)', async (_, viewer) => {
    for (const query of [widest, QUERY_A]) {
      const answered = await run(app, query, { first: 30 }, viewer);
      const oracle = await run(plain, query, { first: 30 }, viewer);
      expect(answered).toEqual(oracle);
    }
    // A bank sees some enterprises and some of their fields: never answered in SQL.
    if (viewer.role === Role.BANK_OFFICER) expect(await plan(QUERY_A, { first: 30 }, viewer)).toHaveProperty('why');
  });

  const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $order: [EnterpriseOrder!], $filter: EnterpriseFilter) {
    enterprises(first: $first, after: $after, last: $last, before: $before, orderBy: $order, filter: $filter) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { creditCode name nameEn foundedOn registeredCapital
        recent: instruments(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ... on FinancingInstrument { id kind startsOn } } } } } }
    }
  }`;
  type PageAnswer = { enterprises: { pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } };

  it.each([
    ['name in pinyin (the default)', null],
    ['English name, descending', [{ field: 'NAME_EN', direction: 'DESC' }]],
    ['registered capital, then founding date descending', [{ field: 'REGISTERED_CAPITAL', direction: 'ASC' }, { field: 'FOUNDED_ON', direction: 'DESC' }]],
    ['credit code', [{ field: 'CREDIT_CODE', direction: 'ASC' }]],
  ])('pages by %s forwards and backwards with the same cursors as the resolvers', async (_, order) => {
    let variables: Record<string, unknown> = { first: 7, order };
    for (let i = 0; i < 3; i++) {
      expect(await plan(PAGE, variables, admin)).toHaveProperty('sql');
      const answered = await run(app, PAGE, variables, admin);
      expect(answered).toEqual(await run(plain, PAGE, variables, admin));
      variables = { first: 7, order, after: (answered.data as PageAnswer).enterprises.pageInfo.endCursor };
    }
    for (let i = 0; i < 2; i++) {
      const answered = await run(app, PAGE, variables, admin);
      expect(answered).toEqual(await run(plain, PAGE, variables, admin));
      variables = { last: 5, order, before: (answered.data as PageAnswer).enterprises.pageInfo.startCursor };
    }
  });

  it('filters as the resolvers do: Chinese search, parks, instrument kinds, high-tech, affiliation, codes', async () => {
    const filters = [
      { search: '光谷' },
      { search: '科技' },
      { search: 'Optics' },
      { search: '9142' },
      { isHighTech: true },
      { isHighTech: false, isUniversityAffiliated: true },
      { instrumentKinds: ['IP_PLEDGE_LOAN', 'COLLECTIVE_BOND'] },
      { creditCodes: ['914201003000010018', '91420100MA4K0A1B6L'] },
      { search: '没有这样的企业' },
    ];
    for (const filter of filters) {
      const variables = { first: 20, filter };
      expect(await plan(PAGE, variables, admin)).toHaveProperty('sql');
      const answered = await run(app, PAGE, variables, admin);
      expect([filter, answered]).toEqual([filter, await run(plain, PAGE, variables, admin)]);
    }
  });

  it('leaves to the resolvers what they refuse, with the same error', async () => {
    const refused: Record<string, unknown>[] = [
      { first: 101 },
      { first: 5, last: 5 },
      { first: 5, after: 'not a cursor' },
      { first: 5, filter: { search: '光'.repeat(101) } },
      // A cursor of this list whose values PostgreSQL refuses: the usual way carries the error.
      { first: 5, after: Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url') },
    ];
    for (const variables of refused) {
      const answered = await run(app, PAGE, variables, admin);
      const oracle = await run(plain, PAGE, variables, admin);
      expect(answered.errors?.length).toBeGreaterThan(0);
      expect([variables, answered]).toEqual([variables, oracle]);
    }
    // A nested page too large is refused at that field only, as by its resolver.
    const nested = `{ enterprises(first: 2) { edges { node { creditCode instruments(first: 1000) { totalCount } } } } }`;
    expect(await run(app, nested, {}, admin)).toEqual(await run(plain, nested, {}, admin));
  });

  it('answers a query it cannot plan the usual way: mutations, other roots, fields without an SQL form, @skip by variable', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{ enterprises(first: 2) { edges { node { financialBands { fiscalYear } } } } }', {}],
      ['{ parks { code } enterprises(first: 2) { edges { node { name } } } }', {}],
      ['query ($s: Boolean!) { enterprises(first: 2) { edges { node { name creditCode @skip(if: $s) } } } }', { s: true }],
    ];
    for (const [query, variables] of cases.slice(0, 2)) {
      expect(await plan(query, variables, admin)).toHaveProperty('why');
      expect(await run(app, query, variables, admin)).toEqual(await run(plain, query, variables, admin));
    }
    // Directives are evaluated with the request's variables, as graphql-js evaluates them.
    const [query, variables] = cases[2]!;
    expect(await plan(query, variables, admin)).toHaveProperty('sql');
    expect(await run(app, query, variables, admin)).toEqual(await run(plain, query, variables, admin));
  });

  it('answers in SQL a page the viewer sees whole, and leaves one with a masked field or a restricted instrument to the resolvers, which say so', async () => {
    const member = as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', '00000000-0000-4000-8000-000000000001'));
    const page = (fields: string) => `{ enterprises(first: 3) { edges { node { creditCode ${fields} } } } }`;
    // Every field of this page is a member's to see: one statement, no error.
    const whole = page('name foundedOn instruments(first: 2) { edges { node { ... on FinancingInstrument { kind amount holders { share amount } } } } }');
    expect(await plan(whole, {}, member)).toHaveProperty('sql');
    const answered = await app.countStatements(() => run(app, whole, {}, member));
    expect([answered.statements, answered.result.errors]).toEqual([1, undefined]);
    expect(answered.result).toEqual(await run(plain, whole, {}, member));
    // A masked field (exact figures are the zone's and the enterprise's): not in SQL, which cannot say it is masked.
    const masked = page('financials { fiscalYear }');
    expect(await plan(masked, {}, member)).toEqual({ why: 'Enterprise.financials is conditional for this viewer', cacheable: true });
    const usual = await run(app, masked, {}, member);
    expect(usual).toEqual(await run(plain, masked, {}, member));
    expect(usual.errors).toHaveLength(3);
    expect((usual.errors as { path: unknown[]; extensions: unknown }[])[0]).toMatchObject({
      path: ['enterprises', 'edges', 0, 'node', 'financials'],
      extensions: { code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ZONE_ADMIN', 'ENTERPRISE_REP'] },
    });
    // A bank sees others' instruments restricted: never in SQL.
    const bank = as(Role.BANK_OFFICER, hankou.creditCode);
    const instruments = page('instruments(first: 5) { edges { node { ... on RestrictedInstrument { kind } ... on FinancingInstrument { kind } } } }');
    expect(await plan(instruments, {}, bank)).toHaveProperty('why');
    expect(await run(app, instruments, {}, bank)).toEqual(await run(plain, instruments, {}, bank));
  });
});
