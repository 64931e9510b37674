import { Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../src/auth/roles';
import type { RequestContext } from '../src/context';
import { ViewerDocument } from './support/generated/graphql';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
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
    const expected = { viewer: { role: 'BANK_OFFICER', organisation: BANKS[0]!.creditCode } };
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
});
