import { isObjectType } from 'graphql';
import { mayCall, ROOT } from '../src/auth/policy';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { buildInnozoneSchema } from '../src/schema';
import { CreateEnterpriseDocument } from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';
import { callWithSamples } from './support/selection';

/**
 * Every root field × every role (and no token), generated from the schema and the policy's ROOT table: a role the
 * table does not list gets FORBIDDEN and changes nothing; a listed one gets past the gate (its input, sampled
 * from the schema, may still be refused as data); without a token only public fields answer.
 */
describe('who may call each query and mutation', () => {
  let app: TestApp;
  const OWN = testCode(701);
  const viewers: (Viewer | null)[] = [
    null,
    as(Role.ZONE_ADMIN),
    as(Role.CPPCC_MEMBER, 'member-1'),
    as(Role.CPPCC_OFFICE),
    as(Role.HANDLING_UNIT, 'unit-1'),
    as(Role.BANK_OFFICER, testCode(702)),
    as(Role.ENTERPRISE_REP, OWN),
  ];

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(OWN, '武汉权限测试光电有限公司') }, as(Role.ZONE_ADMIN));
  });
  afterAll(() => app.close());

  /** Row counts of every registry table: a refused call must leave them as they were (the audit trail aside). */
  async function registryCounts(): Promise<Record<string, number>> {
    const tables: { table_name: string }[] = await app.orm.em.fork().execute(
      `select table_name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in ('audit_event', 'mikro_orm_migrations')`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [row] = await app.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${table_name}"`);
      counts[table_name] = Number(row!.n);
    }
    return counts;
  }

  it('names every root field of the schema in the policy, and nothing else', async () => {
    const schema = await buildInnozoneSchema();
    for (const parent of ['Query', 'Mutation'] as const) {
      const type = schema.getType(parent);
      if (!isObjectType(type)) throw new Error(parent);
      expect(Object.keys(ROOT[parent]).sort()).toEqual(Object.keys(type.getFields()).sort());
    }
  });

  it('refuses every caller the policy does not list, changing nothing, and lets every listed one through', async () => {
    const schema = await buildInnozoneSchema();
    const calls: { parent: 'Query' | 'Mutation'; field: string; viewer: Viewer | null; expected: string }[] = [];
    for (const parent of ['Query', 'Mutation'] as const) {
      for (const field of Object.keys(ROOT[parent])) {
        for (const viewer of viewers) {
          const expected = mayCall(parent, field, viewer?.role ?? null) ? 'passed' : viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED';
          // An administrator's (or representative's) sampled writes would land: run after the refused ones.
          calls.push({ parent, field, viewer, expected });
        }
      }
    }
    const run = async ({ parent, field, viewer, expected }: (typeof calls)[number]) => {
      // Sampled arguments: the representative's own enterprise where a credit code is asked for, so its listed
      // writes reach the service.
      const samples = {
        CreditCode: viewer?.role === Role.ENTERPRISE_REP ? OWN : testCode(799),
        ID: 'not-an-id',
        String: 'x',
        Int: 1,
        Boolean: true,
        Date: '2020-01-01',
        DateTime: '2020-01-01T00:00:00Z',
        Decimal: '1.00',
        Percent: '1.0000',
      };
      const { query, variables } = callWithSamples(schema, parent, field, samples);
      const result = await app.execute(query, variables, viewer);
      const codes = (result.errors ?? []).map((e) => e.extensions?.['code']);
      const gate = codes.find((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED') ?? 'passed';
      return `${parent}.${field} as ${viewer?.role ?? 'anonymous'}: ${gate}${gate === expected ? '' : ` (expected ${expected})`}`;
    };

    const before = await registryCounts();
    const refused = [];
    for (const call of calls.filter((c) => c.expected !== 'passed')) refused.push(await run(call));
    expect(await registryCounts()).toEqual(before);
    const passed = [];
    for (const call of calls.filter((c) => c.expected === 'passed')) passed.push(await run(call));

    expect([...refused, ...passed].filter((o) => o.includes('expected'))).toEqual([]);
    expect(refused.length).toBeGreaterThan(100);
    expect(passed.length).toBeGreaterThan(50);
  });

  it('puts every refused mutation on the audit trail as DENIED', async () => {
    const schema = await buildInnozoneSchema();
    const { query, variables } = callWithSamples(schema, 'Mutation', 'recordBank', { String: 'x', CreditCode: testCode(799), Boolean: true });
    await app.execute(query, variables, as(Role.CPPCC_MEMBER, 'member-1'));
    const [event] = await app.orm.em
      .fork()
      .execute<{ actor_role: string; actor_org: string; operation: string; outcome: string }[]>(
        `select actor_role, actor_org, operation, outcome from audit_event order by seq desc limit 1`,
      );
    expect(event).toEqual({ actor_role: 'CPPCC_MEMBER', actor_org: 'member-1', operation: 'recordBank', outcome: 'DENIED' });
  });
});
