import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { Client } from 'pg';
import { QUERY_A } from '../bench/side-by-side';
import { costEstimator } from '../src/limits';
import { Role } from '../src/auth/roles';
import { TestApp } from './support/app';
import { enterpriseInput, testCode } from './support/registry';

/**
 * What one request may ask, refused before anything runs: each refusal a 400 with a JSON body, the exact code and a
 * message naming the limit (issue 12). In production mode, as clients see it.
 */
/** Instruments in a list are a union (in full, or restricted): their fields are selected in a fragment. */
const FI = '... on FinancingInstrument';

describe('limits on a request', () => {
  let app: TestApp;
  let admin: string;
  let sql: Client;
  beforeAll(async () => {
    app = await TestApp.start({ env: { NODE_ENV: 'production' } });
    admin = await app.token(Role.ZONE_ADMIN);
    sql = await app.sql();
  });
  afterAll(() => app.close());

  /** POSTs a raw body to /graphql as the administrator: status, content type and parsed body. */
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
      body,
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
  };
  const query = (text: string, variables: Record<string, unknown> = {}) => post(JSON.stringify({ query: text, variables }));
  const refused = (code: string, message: string) => ({
    status: 400,
    type: 'application/json; charset=utf-8',
    body: { errors: [{ message, extensions: { code } }] },
  });

  describe('depth, aliases and size', () => {
    // enterprises(1) edges(2) node(3) instruments(4) edges(5) node(6) … on FinancingInstrument(7) holders(8)
    // enterprise(9) instruments(10) edges(11) node(12) … on FinancingInstrument(13) holders(14) enterprise(15)
    // university(16) name(17): graphql-armor counts a fragment as a level.
    const deep = `{ enterprises(first: 1) { edges { node { instruments(first: 1) { edges { node { ${FI} { holders { enterprise {
      instruments(first: 1) { edges { node { ${FI} { holders { enterprise { university { name } } } } } } } } } } } } } } } } }`;

    it('refuses a selection deeper than 16 levels, and takes 16', async () => {
      expect(await query(deep)).toEqual(refused('GRAPHQL_VALIDATION_FAILED', 'Query depth limit of 16 exceeded, found 17.'));
      const sixteen = deep.replace('university { name }', 'name');
      const taken = await query(sixteen);
      expect([taken.status, (taken.body as { errors?: unknown }).errors]).toEqual([200, undefined]);
    });

    it('refuses more than 30 aliases, and takes 30', async () => {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;
      expect(await query(aliases(31))).toEqual(refused('GRAPHQL_VALIDATION_FAILED', 'Aliases limit of 30 exceeded, found 31.'));
      const ok = await query(aliases(30));
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ data: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`v${i}`, { role: 'ZONE_ADMIN' }])) });
    });

    /** `{ viewer { ...F0 } }` and F0 … F(n-1), each spreading the next. */
    const chain = (n: number) =>
      'query { viewer { ...F0 } } ' +
      Array.from({ length: n }, (_, i) => `fragment F${i} on Viewer { role ${i < n - 1 ? `...F${i + 1}` : ''} }`).join(' ');

    it('refuses a chain of 2,000 fragments while parsing (over 10,000 tokens), and one of 1,000 for its depth', async () => {
      const long = await query(chain(2_000));
      expect(long).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        body: {
          errors: [
            {
              message: 'Syntax Error: Document contains more that 10000 tokens. Parsing aborted.',
              locations: [{ line: 1, column: 45_556 }],
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            },
          ],
        },
      });
      const deepChain = await query(chain(1_000));
      expect(deepChain.status).toBe(400);
      expect((deepChain.body as { errors: { message: string }[] }).errors[0]).toEqual({
        // graphql-armor counts a spread as a level too: 1,000 spreads and 1,000 `role`s under `viewer`.
        message: 'Query depth limit of 16 exceeded, found 2002.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  });

  describe('cost', () => {
    // Each object counts 1, times how many can come: `first` for a connection, 5 for a list without paging.
    // instrument node = 1 + holders (1 + 5 × (1 + enterprise 1)) = 12; instruments = 1 + first × 12;
    // enterprise node = 1 + instruments; enterprises = 1 + first × enterprise node.
    const page = `query($outer: Int!, $inner: Int!) { enterprises(first: $outer) { edges { node { name
      instruments(first: $inner) { edges { node { ${FI} { kind holders { enterprise { name } } } } } } } } } }`;

    it('refuses an operation that could return more objects than the limit, naming its cost', async () => {
      // 1 + 100 × (1 + (1 + 100 × 12)) = 120,201.
      expect(await query(page, { outer: 100, inner: 100 })).toEqual(
        refused(
          'GRAPHQL_VALIDATION_FAILED',
          'The operation costs 120201, over the limit of 50000. Ask for smaller pages (first/last) or fewer nested lists, ' +
            'or split it into several requests.',
        ),
      );
    });

    it('takes the same operation with pages that keep it under the limit', async () => {
      // 1 + 10 × (1 + (1 + 10 × 12)) = 1,221.
      const ok = await query(page, { outer: 10, inner: 10 });
      expect(ok.status).toBe(200);
      expect((ok.body as { errors?: unknown }).errors).toBeUndefined();
    });

    it("puts the README's portfolio page (query A) well under the limit, at the cost the README gives", () => {
      const cost = (first: number) =>
        getComplexity({ schema: app.schema, query: parse(QUERY_A), variables: { first }, estimators: [costEstimator({ items: 0 })] });
      expect([cost(50), cost(100)]).toEqual([15_301, 30_601]);
    });

    it('counts every alias: 30 portfolio pages at once are refused', async () => {
      const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: enterprises(first: 100) { edges { node { instruments(first: 20) {
        edges { node { ${FI} { kind } } } } } } }`).join(' ')} }`;
      // Each: 1 + 100 × (1 + (1 + 20 × 1)) = 2,201; thirty: 66,030.
      expect(await query(aliased)).toEqual(
        refused(
          'GRAPHQL_VALIDATION_FAILED',
          'The operation costs 66030, over the limit of 50000. Ask for smaller pages (first/last) or fewer nested lists, ' +
            'or split it into several requests.',
        ),
      );
    });

    it('counts the codes of every batch field across aliases: two checks of 600 codes are refused', async () => {
      const codes = Array.from({ length: 600 }, (_, i) => testCode(9_000 + i));
      const twice = `query($c: [String!]!) {
        a: eligibility(program: "IP_PLEDGE_LOAN", creditCodes: $c) { creditCode }
        b: eligibility(program: "IP_PLEDGE_LOAN", creditCodes: $c) { creditCode } }`;
      expect(await query(twice, { c: codes })).toEqual(
        refused(
          'GRAPHQL_VALIDATION_FAILED',
          'The operation names 1200 credit codes or ids in all; at most 1000 may be named in one request, counting every alias.',
        ),
      );
      const ids = Array.from({ length: 501 }, (_, i) => `id-${i}`);
      expect(await query('query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } }', { ids })).toEqual(
        refused(
          'GRAPHQL_VALIDATION_FAILED',
          'The operation names 1002 credit codes or ids in all; at most 1000 may be named in one request, counting every alias.',
        ),
      );
    });
  });

  describe('text and dates that cannot be stored', () => {
    const create = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }`;
    const counts = async () => {
      const { rows } = await sql.query<{ enterprises: string; events: string }>(
        'select (select count(*) from enterprise) as enterprises, (select count(*) from audit_event) as events',
      );
      return rows[0];
    };

    it('refuses a NUL character in a variable, naming where, and writes nothing', async () => {
      const before = await counts();
      expect(await query(create, { input: enterpriseInput(testCode(9_701), '武汉\u0000光谷有限公司') })).toEqual(
        refused('BAD_USER_INPUT', 'Text must not contain NUL characters or unpaired surrogates (in variables.input.name).'),
      );
      expect(await counts()).toEqual(before);
    });

    it('refuses a NUL written in the operation', async () => {
      expect(await query('{ enterprises(first: 1, filter: { search: "光\\u0000谷" }) { totalCount } }')).toEqual(
        refused('BAD_USER_INPUT', 'Text must not contain NUL characters or unpaired surrogates (in the operation, line 1).'),
      );
    });

    it('refuses an unpaired surrogate in a variable (JSON allows one; no encoding can carry it)', async () => {
      const body = `{"query":"query($s: String) { enterprises(first: 1, filter: { search: $s }) { totalCount } }","variables":{"s":"光\\ud800谷"}}`;
      expect(await post(body)).toEqual(
        refused('BAD_USER_INPUT', 'Text must not contain NUL characters or unpaired surrogates (in variables.s).'),
      );
      // A pair is a character like any other (U+1F600).
      const paired = await post(body.replace('\\ud800', '\\ud83d\\ude00'));
      expect(paired).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: { data: { enterprises: { totalCount: 0 } } } });
    });

    it('refuses dates outside the years 1900 to 9999, as a variable or written in the operation', async () => {
      const asOf = 'query($d: Date) { eligibility(program: "IP_PLEDGE_LOAN", creditCodes: [], asOf: $d) { creditCode } }';
      expect(await query(asOf, { d: '0000-01-01' })).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        body: {
          errors: [
            {
              message: 'Variable "$d" got invalid value "0000-01-01"; Date must lie in the years 1900 to 9999; got "0000-01-01"',
              locations: [{ line: 1, column: 7 }],
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        },
      });
      expect(await query('{ eligibility(program: "IP_PLEDGE_LOAN", creditCodes: [], asOf: "1899-12-31") { creditCode } }')).toEqual(
        refused('GRAPHQL_VALIDATION_FAILED', 'Date must lie in the years 1900 to 9999; got "1899-12-31"'),
      );
      expect(await query(asOf, { d: '9999-12-31' })).toEqual({
        status: 200,
        type: 'application/json; charset=utf-8',
        body: { data: { eligibility: [] } },
      });
      // 1900 passes the scalar and reaches the program's rules, which began long after.
      expect(await query(asOf, { d: '1900-01-01' })).toEqual({
        status: 200,
        type: 'application/json; charset=utf-8',
        body: {
          data: null,
          errors: [
            {
              message: 'No rules of IP_PLEDGE_LOAN were in force on 1900-01-01.',
              locations: [{ line: 1, column: 19 }],
              path: ['eligibility'],
              extensions: { code: 'BAD_USER_INPUT', field: 'asOf' },
            },
          ],
        },
      });
    });
  });

  describe('HTTP bodies', () => {
    it('answers malformed JSON, an oversized body and an unknown path with JSON, not HTML', async () => {
      expect(await post('{"query": ')).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        body: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] },
      });
      expect(await post(JSON.stringify({ query: '{ viewer { role } }', padding: 'x'.repeat(1_100_000) }))).toEqual({
        status: 413,
        type: 'application/json; charset=utf-8',
        body: { errors: [{ message: 'The request body is over the limit of 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      });
      const res = await fetch(`${app.url}/nothing-here`);
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 404,
        body: { errors: [{ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] },
      });
    });
  });
});
