import http from 'node:http';
import net from 'node:net';
import { Query, Resolver } from 'type-graphql';
import { Role } from '../src/auth/roles';
import { TestApp } from './support/app';
import { until } from './support/turns';

/** A request's answer, or its failure as a value: a test that fails half-way leaves no rejection unhandled. */
const settled = <T>(p: Promise<T>): Promise<T | Error> => p.catch((err: Error) => err);

/** Operations inside the probe, and the gate that holds them there (reset before each test). */
const probe = { inside: 0, entered: 0, release: () => undefined as void };
let gate = Promise.resolve();
beforeEach(() => {
  probe.inside = 0;
  probe.entered = 0;
  gate = new Promise<void>((resolve) => (probe.release = resolve));
});

@Resolver()
class HeldProbeResolver {
  @Query(() => Boolean)
  async heldProbe(): Promise<boolean> {
    probe.inside++;
    probe.entered++;
    await gate;
    probe.inside--;
    return true;
  }
}

/**
 * HTTP protections (issue 12): a cap on requests accepted at once, refused at once with 503 and Retry-After; slow
 * clients cut off with 408 once their time to send a request is up.
 */
describe('HTTP limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      env: { GRAPHQL_CONCURRENCY: '2', GRAPHQL_MAX_IN_FLIGHT: '2', HTTP_REQUEST_TIMEOUT_MS: '1000' },
      extraResolvers: [HeldProbeResolver],
    });
  });
  afterAll(() => app.close());

  it('accepts two requests at once and refuses a third at once with 503', async () => {
    const held = [settled(app.http('{ heldProbe }', {})), settled(app.http('{ heldProbe }', {}))];
    await until(() => probe.inside === 2, 'two operations inside');
    const started = Date.now();
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json(), fast: Date.now() - started < 1_000 }).toEqual({
      status: 503,
      retryAfter: '1',
      body: { errors: [{ message: 'innozone is answering 2 requests already; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      fast: true,
    });
    probe.release();
    expect(await Promise.all(held)).toEqual([
      { status: 200, data: { heldProbe: true } },
      { status: 200, data: { heldProbe: true } },
    ]);
    // The count went back down: the next request is answered.
    expect(await app.http('{ viewer { role } }', {})).toEqual({ status: 200, data: { viewer: null } });
  });

  it('counts a request whose client went away as gone', async () => {
    const abandoned = http.request(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const closed = new Promise((resolve) => abandoned.on('close', resolve));
    abandoned.on('error', () => undefined);
    abandoned.end(JSON.stringify({ query: '{ heldProbe }' }));
    await until(() => probe.inside === 1, 'the abandoned operation inside');
    abandoned.destroy();
    await closed;
    // Its slot in the count is free again, though its operation still waits at the gate.
    const other = settled(app.http('{ heldProbe }', {}));
    const third = settled(app.http('{ viewer { role } }', {}));
    probe.release();
    expect(await Promise.all([other, third])).toEqual([
      { status: 200, data: { heldProbe: true } },
      { status: 200, data: { viewer: null } },
    ]);
  });

  it('answers 408 and closes the connection when a body does not arrive within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const { port } = new URL(app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    const started = Date.now();
    // Headers promise 100 bytes of body; 10 come, then nothing.
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    const at = await closed;
    expect(received.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    // Closed after the timeout (1 s), checked every second: within 3 s.
    expect(at - started).toBeGreaterThanOrEqual(1_000);
    expect(at - started).toBeLessThan(3_000);
  });
});

describe('a client gone before its turn', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { GRAPHQL_CONCURRENCY: '1' }, extraResolvers: [HeldProbeResolver] });
  });
  afterAll(() => app.close());

  it('runs nothing for a request whose client gave up while it waited its turn', async () => {
    const first = settled(app.http('{ heldProbe }', {}));
    await until(() => probe.inside === 1, 'the first operation inside');
    // A client that sends its request and then closes the connection (fetch's abort keeps undici's socket open).
    const waiting = http.request(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const closed = new Promise((resolve) => waiting.on('close', resolve));
    waiting.on('error', () => undefined);
    waiting.end(JSON.stringify({ query: '{ heldProbe }' }));
    await new Promise((r) => setTimeout(r, 100)); // parsed, validated, and waiting for the only slot
    waiting.destroy();
    await closed;
    probe.release();
    expect(await first).toEqual({ status: 200, data: { heldProbe: true } });
    // The slot passed to the next live request, not to the abandoned one.
    expect(await app.http('{ heldProbe }', {})).toEqual({ status: 200, data: { heldProbe: true } });
    expect(probe.entered).toBe(2);
  });
});

describe('rate limit per viewer', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  const viewer = async (token?: string) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
  };

  it('answers a token 3 requests a minute, then 429 with Retry-After; each token and each address counts apart', async () => {
    const office = await app.token(Role.CPPCC_OFFICE);
    const ok = { status: 200, retryAfter: null, body: { data: { viewer: { role: 'CPPCC_OFFICE' } } } };
    expect([await viewer(office), await viewer(office), await viewer(office)]).toEqual([ok, ok, ok]);
    const over = await viewer(office);
    expect(over).toEqual({
      status: 429,
      retryAfter: expect.stringMatching(/^([1-9]|[1-5][0-9]|60)$/), // seconds left of the minute
      body: { errors: [{ message: `Over 3 requests a minute; try again in ${over.retryAfter} s.`, extensions: { code: 'RATE_LIMITED' } }] },
    });
    // The same token spaced otherwise in its header is the same token.
    const respaced = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer   ${office}  ` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(respaced.status).toBe(429);
    // Another token, of the same role (another person of the office), has its own count; so has an anonymous caller.
    expect(await viewer(await app.tokens.sign({ role: Role.CPPCC_OFFICE }, '2h'))).toEqual(ok);
    expect(await viewer()).toEqual({ status: 200, retryAfter: null, body: { data: { viewer: null } } });
  });
});
