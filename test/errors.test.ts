import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../src/context';
import { TestApp } from './support/app';

/** A test-only resolver whose query fails inside PostgreSQL, as a bug would. */
@Resolver()
class BrokenResolver {
  @Query(() => String)
  async broken(@Ctx() ctx: RequestContext): Promise<string> {
    await ctx.em.execute('select secret_column from no_such_table');
    return 'unreachable';
  }
}

const introspection = '{ __schema { queryType { name } } }';

// Both executors: graphql-jit's errors are rebuilt as graphql-js's (src/executor.ts), and must read the same.
describe.each([
  ['graphql-js', 'no'],
  ['graphql-jit', 'yes'],
])('errors in production mode (%s)', (_executor, jit) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { NODE_ENV: 'production', GRAPHQL_JIT: jit }, extraResolvers: [BrokenResolver] });
  });
  afterAll(() => app.close());

  it('masks an internal error: no message detail, stack or SQL reaches the client', async () => {
    const result = await app.http('{ broken }', {});
    expect(result).toEqual({
      status: 200,
      data: null,
      errors: [
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['broken'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  });

  it('refuses a variable that does not coerce as BAD_USER_INPUT, worded by graphql-js, running nothing', async () => {
    const result = await app.http('query Q($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: 'not a code' });
    expect([result.status, result.data, result.errors?.map((e) => [e.extensions?.['code'], e.message])]).toEqual([
      400,
      undefined,
      [
        [
          'BAD_USER_INPUT',
          'Variable "$c" got invalid value "not a code"; "not a code" is not a Unified Social Credit Code: 18 characters, digits and capital letters except I, O, S, V, Z, with a 6-digit division code in positions 3–8.',
        ],
      ],
    ]);
  });

  it('gives no "Did you mean" field suggestion', async () => {
    const result = await app.http('{ viewr { role } }', {});
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message: 'Cannot query field "viewr" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('refuses introspection', async () => {
    const result = await app.http(introspection, {});
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });
});

describe('errors in development mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { NODE_ENV: 'development' }, extraResolvers: [BrokenResolver] });
  });
  afterAll(() => app.close());

  it('shows the developer the cause, still coded INTERNAL_SERVER_ERROR', async () => {
    const result = await app.http('{ broken }', {});
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.message).toMatch(/relation "no_such_table" does not exist/);
    expect(error!.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(error!.extensions?.['stacktrace']).toEqual(expect.arrayContaining([expect.stringMatching(/no_such_table/)]));
  });

  it('allows introspection and suggests fields', async () => {
    expect(await app.http(introspection, {})).toEqual({
      status: 200,
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect((await app.http('{ viewr { role } }', {})).errors?.[0]?.message).toBe(
      'Cannot query field "viewr" on type "Query". Did you mean "viewer"?',
    );
  });
});
