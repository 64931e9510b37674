import { createHash, randomUUID } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import Redis from 'ioredis';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import { RedisSharedState } from '../src/shared-state';
import { TestApp } from './support/app';
import { redisForTests, TEST_REDIS_URL } from './support/redis';

/**
 * The persisted-query cache and the rate limits in Redis (src/shared-state.ts), and what a request gets when Redis goes
 * away under a running instance: answered all the same, the cache a miss (the client resends its query), the limits
 * counted in the process. Needs the machine's Redis (127.0.0.1:6379): skipped with the reason logged where there is
 * none, unless CI or INNOZONE_REDIS_TESTS=required is set. Two processes sharing it: test/two-processes.test.ts.
 */

const RATE = 3;

/**
 * A TCP proxy to Redis for this test's connections only: `cut` drops every connection and takes no new ones until
 * `restore` (Redis gone, then back on the same port); `stall` holds Redis's replies back until `resume` (a Redis that
 * stops answering; the replies then arrive late, in order, as from a Redis that was only slow).
 */
async function cuttableProxy(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const serve = () =>
    net.createServer((client) => {
      const upstream = net.connect({ host: hostname, port: Number(targetPort || 6379) });
      const pair = { client, upstream };
      pairs.add(pair);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => (sockets.delete(s), pairs.delete(pair)));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
  let server = serve();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: close,
    async restore() {
      server = serve();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    stall() {
      for (const { client, upstream } of pairs) {
        upstream.unpipe(client);
        upstream.pause();
      }
    },
    resume() {
      for (const { client, upstream } of pairs) upstream.pipe(client);
    },
    close,
  };
}

const rateKeyOf = (prefix: string, token: string) => `${prefix}rate:graphql:token:${createHash('sha256').update(token).digest('base64url')}`;
const persistedQuery = () => {
  const query = `query Persisted { n${randomUUID().replace(/-/g, '')}: enterprises(first: 1) { totalCount } }`;
  return { query, sha256Hash: createHash('sha256').update(query).digest('hex') };
};
const notFound = (answer: { status: number; body: any }) => ({
  status: answer.status,
  errors: answer.body.errors?.map((e: any) => ({ message: e.message, code: e.extensions.code })),
});
const NOT_FOUND = { status: 200, errors: [{ message: 'PersistedQueryNotFound', code: 'PERSISTED_QUERY_NOT_FOUND' }] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(app: TestApp, body: unknown, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('the persisted-query cache and the rate limits in Redis', () => {
  let redisUp = false;
  const prefix = `innozone-test:${randomUUID()}:`;
  const logged: { level: number; msg: string }[] = [];
  const log = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString('utf8')) as { level: number; msg: string });
        done();
      },
    }),
  );
  let shared: RedisSharedState;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;

  /** Registers a new persisted query while Redis is there (waits until Redis holds it); returns its answer. */
  async function register(token: string): Promise<{ query: string; byHash: object; answer: { status: number; body: any } }> {
    const { query, sha256Hash } = persistedQuery();
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash } } };
    const answer = await post(app, { query, ...byHash }, token);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const key = `${prefix}apq:${sha256Hash}`;
    const until = Date.now() + 5_000;
    while (!(await redis.exists(key)) && Date.now() < until) await sleep(20);
    expect(await redis.get(key)).toBe(query);
    return { query, byHash, answer };
  }
  /** Whichever test ran before, the connection is up and the log empty. */
  async function fresh(): Promise<void> {
    const until = Date.now() + 15_000;
    while (shared.client.status !== 'ready' && Date.now() < until) await sleep(20);
    expect(shared.client.status).toBe('ready');
    logged.length = 0;
  }
  let app: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    redisUp = await redisForTests('shared-state.test.ts');
    if (!redisUp) return;
    redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
    await redis.connect();
    proxy = await cuttableProxy(TEST_REDIS_URL);
    // Every fallback of the limits logged (not at most once a minute), so each test sees its own.
    shared = await RedisSharedState.connect(proxy.url, prefix, log, { fallbackLogIntervalMs: 0 });
    app = await TestApp.start({ shared, env: { RATE_LIMIT_PER_MINUTE: String(RATE) } });
  });
  afterAll(async () => {
    if (!redisUp) return;
    await app?.close();
    await shared?.close();
    await proxy?.close().catch(() => undefined);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps them in Redis while it is there, and answers every request when it goes away (a miss for the cache, a count in the process for the limits) and after it is back', async () => {
    if (!redisUp) return;
    await fresh();
    // Tokens no other request signs (their own ttl): each its own budget.
    const registering = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '37m');
    const counted = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '31m');

    // Redis there: the query is kept under the prefix, with a TTL; the requests were counted there too.
    const { query, byHash, answer: registered } = await register(registering);
    expect(await post(app, byHash, registering)).toEqual({ status: 200, body: registered.body });
    expect(await redis.get(rateKeyOf(prefix, registering))).toBe('2');

    // Redis gone: its connection dropped, and no new one taken (ioredis keeps trying in the background).
    await proxy.cut();
    const until2 = Date.now() + 5_000;
    while (shared.client.status === 'ready' && Date.now() < until2) await new Promise((r) => setTimeout(r, 10));
    expect(shared.client.status).not.toBe('ready');

    // By hash: not found (never a 500); the client then sends the whole query, which is answered.
    expect(notFound(await post(app, byHash, registering))).toEqual(NOT_FOUND);
    expect(await post(app, { query, ...byHash }, registering)).toEqual({ status: 200, body: registered.body });

    // The limit still holds, counted in this process: RATE requests answered, the next refused.
    const statuses: number[] = [];
    for (let i = 0; i < RATE + 1; i++) statuses.push((await post(app, { query }, counted)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    // Each failure said so in the log: the read that missed, the write that was not kept, the connection lost.
    // (The connection's error is reported when ioredis's next attempt to reconnect is refused, a few tens of ms on.)
    const until4 = Date.now() + 5_000;
    while (!logged.some((l) => l.msg.startsWith('Redis (persisted queries')) && Date.now() < until4) await new Promise((r) => setTimeout(r, 20));
    expect([...new Set(logged.filter((l) => l.level === 40).map((l) => l.msg))].sort()).toEqual([
      'Redis (persisted queries, rate limits) reported an error; counting in this process meanwhile',
      'persisted-query cache (Redis) unreadable: answered as not found',
      'persisted-query cache (Redis) unwritable: the query is not kept',
      'rate limit counted in this process: Redis did not answer',
    ]);

    // Redis back: the connection comes back by itself, and the query kept before is answered by hash again.
    await proxy.restore();
    const until3 = Date.now() + 15_000;
    while (shared.client.status !== 'ready' && Date.now() < until3) await new Promise((r) => setTimeout(r, 20));
    expect(shared.client.status).toBe('ready');
    expect(await post(app, byHash, registering)).toEqual({ status: 200, body: registered.body });
  }, 60_000);

  it('answers every request while Redis stops answering (each command given up after 500 ms): a miss for the cache, a count in the process for the limits', async () => {
    if (!redisUp) return;
    await fresh();
    const registering = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '29m');
    const counted = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '23m');
    const { query, byHash, answer: registered } = await register(registering);

    proxy.stall();
    try {
      expect(notFound(await post(app, byHash, registering))).toEqual(NOT_FOUND);
      const statuses: number[] = [];
      for (let i = 0; i < RATE + 1; i++) statuses.push((await post(app, { query }, counted)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(shared.client.status).toBe('ready');
    } finally {
      proxy.resume();
    }
    expect([...new Set(logged.filter((l) => l.level === 40).map((l) => l.msg))].sort()).toEqual([
      'persisted-query cache (Redis) unreadable: answered as not found',
      'rate limit counted in this process: Redis did not answer',
    ]);

    // Answering again: the late replies were taken in order, and the query kept before is answered by hash.
    const until = Date.now() + 10_000;
    let again = await post(app, byHash, registering);
    while (again.body.errors && Date.now() < until) {
      await sleep(100);
      again = await post(app, byHash, registering);
    }
    expect(again).toEqual({ status: 200, body: registered.body });
  }, 60_000);
});
