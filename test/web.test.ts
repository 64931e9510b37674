import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { readFileSync } from 'node:fs';
import { ENUM_LABELS } from '../web/src/enums';
import { projectPath } from '../src/project';
import { CONSOLE_CSP } from '../src/web';
import { TestApp } from './support/app';
import { builtConsole } from './support/web';

/** The web console as served: its page at `/` and at its own routes, its assets cached, JSON clients untouched. */
describe('the web console at /', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = builtConsole();
    app = await TestApp.start({ env: { WEB_DIR: dir } });
  }, 120_000);
  afterAll(() => app?.close());

  it('serves its page at / and at any route of its own, with a policy that allows this host alone', async () => {
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    for (const route of ['/', '/enterprises', '/enterprises/91420100MA4K2XKE4N', '/account']) {
      const res = await fetch(`${app.url}${route}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect({ route, status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), cache: res.headers.get('cache-control'), body: await res.text() }).toEqual({
        route,
        status: 200,
        type: 'text/html; charset=utf-8',
        csp: CONSOLE_CSP,
        cache: 'no-cache',
        body: index,
      });
    }
    // Its scripts and styles are this build's, named by their hash, cached for a year.
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const res = await fetch(`${app.url}${asset}`);
      expect([asset, res.status, res.headers.get('cache-control')]).toEqual([asset, 200, 'public, max-age=31536000, immutable']);
      // Compared by digest: a deep comparison of half a megabyte blocks the event loop for seconds, past the server's
      // keep-alive, and the next fetch then reuses a socket the server has closed (ECONNRESET).
      const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
      expect([asset, sha256(Buffer.from(await res.arrayBuffer()))]).toEqual([asset, sha256(readFileSync(path.join(dir, asset)))]);
    }
    const missing = await fetch(`${app.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });

  it('leaves JSON clients their 404, and GraphQL, sign-in and GraphiQL where they were', async () => {
    const res = await fetch(`${app.url}/no-such-thing`, { headers: { accept: 'application/json' } });
    expect([res.status, await res.json()]).toEqual([404, { errors: [{ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] }]);
    const graphiql = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([graphiql.status, graphiql.headers.get('location')]).toEqual([302, '/graphiql']);
    const viewer = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
    expect(await viewer.json()).toEqual({ data: { viewer: null } });
  });

  it('says the console is not built, rather than a blank page, when its folder is empty', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'innozone-noweb-'));
    await writeFile(path.join(empty, 'README'), 'no build here');
    const bare = await TestApp.start({ env: { WEB_DIR: empty } });
    try {
      const res = await fetch(`${bare.url}/`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('控制台尚未构建 · The console is not built');
    } finally {
      await bare.close();
    }
  });
});

describe('the console’s names of enum values', () => {
  const schema = buildSchema(readFileSync(projectPath('schema', 'schema.graphql'), 'utf8'));
  it.each(Object.keys(ENUM_LABELS))('names every value of %s the schema has, and none it lacks, in Chinese and English', (name) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().filter((v) => !v.deprecationReason).map((v) => v.name).sort();
    const labels = ENUM_LABELS[name as keyof typeof ENUM_LABELS] as Record<string, readonly [string, string]>;
    expect(Object.keys(labels).sort()).toEqual(values);
    for (const [zh, en] of Object.values(labels)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });
});
