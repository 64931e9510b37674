import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { GRAPHIQL_CSP } from '../src/graphiql';
import { GRAPHIQL_EXAMPLES } from '../src/graphiql/examples';
import { CHAIN_MEMBER } from '../seeds/cppcc';
import { BANKS } from '../seeds/reference';
import { NAMED_ENTERPRISES } from '../seeds/zone';
import { as, type TestApp } from './support/app';
import { startOnDemo } from './support/demo';

/** GraphiQL at /graphiql: served whole by innozone (nothing from another host), opening on one example per role. */
describe('GraphiQL, bundled', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startOnDemo();
  }, 120_000);
  afterAll(() => app.close());

  const get = (url: string, accept = '*/*', headers: Record<string, string> = {}) => fetch(`${app.url}${url}`, { headers: { accept, ...headers }, redirect: 'manual' });

  it('serves its page with every script and style from this server, and a policy that lets the browser load nothing else', async () => {
    const page = await get('/graphiql', 'text/html');
    const html = await page.text();
    expect([page.status, page.headers.get('content-type'), page.headers.get('content-security-policy')]).toEqual([200, 'text/html; charset=utf-8', GRAPHIQL_CSP]);
    // The policy names no host: only 'self', data: and blob:.
    expect(GRAPHIQL_CSP.match(/https?:|\*/g)).toBeNull();
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(loaded).toEqual([
      // No favicon to fetch.
      'data:,',
      '/graphiql/assets/graphiql.min.css',
      '/graphiql/assets/react.production.min.js',
      '/graphiql/assets/react-dom.production.min.js',
      '/graphiql/assets/graphiql.min.js',
      '/graphiql/assets/start.js',
    ]);
    expect(html).toContain('<div id="graphiql">');
    // Each file is the installed package's own, byte for byte, with its type.
    const packaged: Record<string, [string, string]> = {
      '/graphiql/assets/graphiql.min.css': ['graphiql/graphiql.min.css', 'text/css; charset=utf-8'],
      '/graphiql/assets/react.production.min.js': ['react/umd/react.production.min.js', 'text/javascript; charset=utf-8'],
      '/graphiql/assets/react-dom.production.min.js': ['react-dom/umd/react-dom.production.min.js', 'text/javascript; charset=utf-8'],
      '/graphiql/assets/graphiql.min.js': ['graphiql/graphiql.min.js', 'text/javascript; charset=utf-8'],
    };
    for (const [url, [file, type]] of Object.entries(packaged)) {
      const res = await get(url);
      const body = Buffer.from(await res.arrayBuffer());
      const expected = await readFile(path.join('node_modules', file));
      expect([url, res.status, res.headers.get('content-type'), body.equals(expected)]).toEqual([url, 200, type, true]);
    }
    const start = await (await get('/graphiql/assets/start.js')).text();
    expect(start).toContain("GraphiQL.createFetcher({ url: '/graphql' })");
    expect(start.match(/https?:\/\//g)).toBeNull();
    expect((await get('/graphiql/assets/other.js')).status).toBe(404);
  });

  it('sends a browser opening /graphql to GraphiQL, and answers a GraphQL GET as before', async () => {
    const browser = await get('/graphql', 'text/html,application/xhtml+xml');
    expect([browser.status, browser.headers.get('location')]).toEqual([302, '/graphiql']);
    // (Apollo's CSRF prevention wants a GET to say it is no simple request: `apollo-require-preflight`.)
    const query = await get(`/graphql?query=${encodeURIComponent('{ programs { code } }')}`, 'application/json', { 'apollo-require-preflight': 'true' });
    expect(query.status).toBe(200);
    expect(((await query.json()) as { data: { programs: unknown[] } }).data.programs).toHaveLength(8);
    // No landing page any more: a GET without a query is a GraphQL request that lacks one.
    const bare = await get('/graphql', 'application/json', { 'apollo-require-preflight': 'true' });
    expect(bare.status).toBe(400);
    expect(await bare.text()).not.toContain('<html');
  });

  it('opens on an example per role, each valid and answered for its role on the demo zone without errors', async () => {
    expect(GRAPHIQL_EXAMPLES.map((e) => e.role).sort()).toEqual(Object.values(Role).sort());
    const [member] = await app.orm.em.fork().execute<{ id: string }[]>('select id from cppcc_member where name = ? order by id limit 1', [CHAIN_MEMBER]);
    const [unit] = await app.orm.em.fork().execute<{ id: string }[]>(
      `select lead_unit_id as id from proposal where status = 'ASSIGNED' and lead_unit_id is not null order by id limit 1`,
    );
    const viewers: Record<Role, Viewer> = {
      [Role.ZONE_ADMIN]: as(Role.ZONE_ADMIN),
      [Role.BANK_OFFICER]: as(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'CMB')!.creditCode),
      [Role.CPPCC_MEMBER]: as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', member!.id)),
      [Role.CPPCC_OFFICE]: as(Role.CPPCC_OFFICE),
      [Role.HANDLING_UNIT]: as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', unit!.id)),
      [Role.ENTERPRISE_REP]: as(Role.ENTERPRISE_REP, NAMED_ENTERPRISES[0]!.creditCode),
    };
    const outcomes = [];
    for (const { role, query } of GRAPHIQL_EXAMPLES) {
      const invalid = validate(app.schema, parse(query)).map((e) => e.message);
      const result = await app.execute<Record<string, unknown>, Record<string, never>>(query, {}, viewers[role]);
      const empty = Object.entries(result.data ?? {}).filter(([, v]) => v === null || (Array.isArray(v) && v.length === 0)).map(([k]) => k);
      outcomes.push({ role, invalid, errors: (result.errors ?? []).map((e) => e.message), empty });
    }
    expect(outcomes).toEqual(GRAPHIQL_EXAMPLES.map(({ role }) => ({ role, invalid: [], errors: [], empty: [] })));
  });
});
