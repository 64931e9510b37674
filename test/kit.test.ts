import { Client } from 'pg';
import { Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../src/auth/roles';
import type { RequestContext } from '../src/context';
import { ViewerDocument } from './support/generated/graphql';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { createDatabaseIfMissing } from '../src/db/database';
import { sweepAbandonedDatabases, testAdminUrl, testRunPrefix } from './support/database';
import { resetRegistry } from './support/registry';

@Resolver()
class TwoStatementsResolver {
  @Query(() => Number)
  async twoStatements(@Ctx() ctx: RequestContext): Promise<number> {
    await ctx.em.execute('select 1');
    const [row] = await ctx.em.execute<{ n: number }[]>('select 2 as n');
    return row!.n;
  }
}

describe('the test kit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ extraResolvers: [TwoStatementsResolver] });
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  it('runs an operation as a viewer through executeOperation and over HTTP, with the same answer', async () => {
    const viewer = as(Role.BANK_OFFICER, BANKS[0]!.creditCode);
    const direct = await app.execute(ViewerDocument, {}, viewer);
    const overHttp = await app.http(ViewerDocument, {}, { token: await app.token(viewer.role, viewer.organisation) });
    const expected = { viewer: { role: 'BANK_OFFICER', organization: { __typename: 'Bank', creditCode: BANKS[0]!.creditCode, name: BANKS[0]!.name } } };
    expect(direct).toEqual({ status: undefined, data: expected, errors: undefined });
    expect(overHttp).toEqual({ status: 200, data: expected });
  });

  it('counts the SQL statements an operation runs', async () => {
    expect((await app.countStatements(() => app.execute(ViewerDocument, {}, null))).statements).toBe(0);
    const counted = await app.countStatements(() => app.http('{ twoStatements }', {}));
    expect(counted.result.data).toEqual({ twoStatements: 2 });
    expect(counted.statements).toBe(2);
    expect(counted.sql).toEqual(['select 1', 'select 2 as n']);
  });

  it('drops the databases of runs that died without their teardown, and no other run’s', async () => {
    const now = Date.now();
    const hour = 3_600_000;
    const gone = 99_999_999; // no such process
    const names = {
      deadAndOld: `${testRunPrefix(now - 2 * hour, gone)}_w1`,
      aliveAndOld: `${testRunPrefix(now - 2 * hour, process.pid)}_template`,
      deadButRecent: `${testRunPrefix(now - 10 * 60_000, gone)}_w2`,
      aliveButAncient: `${testRunPrefix(now - 25 * hour, process.pid)}_w1`,
    };
    for (const name of Object.values(names)) await createDatabaseIfMissing(testAdminUrl(), name);
    const dropped = await sweepAbandonedDatabases(testAdminUrl(), now);
    expect(dropped.filter((d) => Object.values(names).includes(d)).sort()).toEqual([names.deadAndOld, names.aliveButAncient].sort());
    expect(dropped.filter((d) => d.startsWith(process.env['INNOZONE_TEST_DB_PREFIX']!))).toEqual([]); // never this run's own
    const client = new Client({ connectionString: testAdminUrl() });
    await client.connect();
    try {
      const kept = await client.query<{ datname: string }>('select datname from pg_database where datname = any($1) order by datname', [Object.values(names)]);
      expect(kept.rows.map((r) => r.datname)).toEqual([names.aliveAndOld, names.deadButRecent].sort());
      for (const name of [names.aliveAndOld, names.deadButRecent]) await client.query(`drop database ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  });
});
