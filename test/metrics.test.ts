import { Role } from '../src/auth/roles';
import { TestApp } from './support/app';

/** One sample of the Prometheus text exposition format. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the exposition text (comments skipped; label values unescaped) into samples. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

const keyOf = (s: Pick<Sample, 'name' | 'labels'>) =>
  `${s.name}{${Object.entries(s.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}}`;

async function scrape(app: TestApp, headers: Record<string, string> = {}): Promise<Sample[]> {
  const res = await fetch(`${app.url}/metrics`, { headers });
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 200, type: 'text/plain; version=0.0.4; charset=utf-8' });
  return parseExposition(await res.text());
}

/** The samples of the counters named whose value grew between two scrapes, with how much, sorted by key. */
function grown(before: Sample[], after: Sample[], names: string[]): { key: string; by: number }[] {
  const was = new Map(before.map((s) => [keyOf(s), s.value]));
  return after
    .filter((s) => names.includes(s.name))
    .map((s) => ({ key: keyOf(s), by: s.value - (was.get(keyOf(s)) ?? 0) }))
    .filter((d) => d.by !== 0)
    .sort((a, b) => a.key.localeCompare(b.key));
}

const COUNTERS = ['innozone_http_requests_total', 'innozone_graphql_operations_total', 'innozone_graphql_operation_duration_seconds_count'];

const post = (app: TestApp, body: unknown, token?: string) =>
  fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } }));

describe('GET /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('counts a named query, a failed validation and a mutation, and nothing else', async () => {
    const before = await scrape(app);
    const office = await app.token(Role.CPPCC_OFFICE);
    const tag = `MT${Date.now().toString(36).slice(-6).toUpperCase()}`;
    expect(await post(app, { query: 'query MetricsViewer { viewer { role } }' }, office)).toEqual({ status: 200, body: { data: { viewer: { role: 'CPPCC_OFFICE' } } } });
    expect((await post(app, { query: 'query MetricsBroken { noSuchField }' })).status).toBe(400);
    const mutation = await post(
      app,
      { query: 'mutation MetricsSector($input: RecordSectorInput!) { recordSector(input: $input) { sector { code } errors { code } } }', variables: { input: { code: tag, name: `指标测试 ${tag}` } } },
      office,
    );
    expect(mutation).toEqual({ status: 200, body: { data: { recordSector: { sector: { code: tag }, errors: [] } } } });
    const after = await scrape(app);
    expect(grown(before, after, COUNTERS)).toEqual([
      { key: 'innozone_graphql_operation_duration_seconds_count{operation=MetricsSector,type=mutation}', by: 1 },
      { key: 'innozone_graphql_operation_duration_seconds_count{operation=MetricsViewer,type=query}', by: 1 },
      { key: 'innozone_graphql_operation_duration_seconds_count{operation=unknown,type=unknown}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=MetricsSector,outcome=success,type=mutation}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=MetricsViewer,outcome=success,type=query}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=unknown,outcome=invalid,type=unknown}', by: 1 },
      { key: 'innozone_http_requests_total{method=GET,route=/metrics,status=200}', by: 1 },
      { key: 'innozone_http_requests_total{method=POST,route=/graphql,status=200}', by: 2 },
      { key: 'innozone_http_requests_total{method=POST,route=/graphql,status=400}', by: 1 },
    ]);
  });

  it('counts an operation whose execution met an error as an error', async () => {
    const before = await scrape(app);
    const res = await post(app, { query: 'query MetricsRefused { enterprises(first: 1) { totalCount } }' });
    const after = await scrape(app);
    expect({ status: res.status, codes: res.body.errors?.map((e) => e.extensions.code) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(grown(before, after, ['innozone_graphql_operations_total'])).toEqual([
      { key: 'innozone_graphql_operations_total{operation=MetricsRefused,outcome=error,type=query}', by: 1 },
    ]);
  });

  it('labels other routes by a bounded set: console pages and unknown paths are one label', async () => {
    const before = await scrape(app);
    for (const path of ['/healthz', '/readyz', '/enterprises/91420100MA4KXYZ123', '/no/such/path', '/graphiql']) {
      await (await fetch(`${app.url}${path}`, { headers: { accept: path.startsWith('/enterprises') ? 'text/html' : 'application/json' } })).arrayBuffer();
    }
    const after = await scrape(app);
    // The statuses are left out: the console page is 503 where dist/web is not built, and /no/such/path 404.
    expect([...new Set(grown(before, after, ['innozone_http_requests_total']).map((d) => d.key.replace(/,status=\d+/, '')))]).toEqual([
      'innozone_http_requests_total{method=GET,route=/graphiql}',
      'innozone_http_requests_total{method=GET,route=/healthz}',
      'innozone_http_requests_total{method=GET,route=/metrics}',
      'innozone_http_requests_total{method=GET,route=/readyz}',
      'innozone_http_requests_total{method=GET,route=console}',
    ]);
  });

  it("shows the database pool's gauges and Node's own metrics, event-loop delay among them", async () => {
    const samples = await scrape(app);
    const pool = samples.filter((s) => s.name.startsWith('innozone_db_pool_'));
    expect(pool.map((s) => keyOf(s)).sort()).toEqual([
      'innozone_db_pool_connections_free{pool=primary}',
      'innozone_db_pool_connections_max{pool=primary}',
      'innozone_db_pool_connections_used{pool=primary}',
      'innozone_db_pool_pending_acquires{pool=primary}',
      'innozone_db_pool_pending_creates{pool=primary}',
    ]);
    expect(pool.find((s) => s.name === 'innozone_db_pool_connections_max')!.value).toBe(10);
    // Nothing runs while the scrape is answered: no connection is lent, none awaited.
    expect(pool.filter((s) => /used|pending/.test(s.name)).map((s) => s.value)).toEqual([0, 0, 0]);
    const names = new Set(samples.map((s) => s.name));
    expect(['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes'].filter((n) => !names.has(n))).toEqual([]);
  });

  it('lets other parts register a gauge read at each scrape', async () => {
    let depth = 3;
    app.server.metrics.registerGauge({
      name: 'innozone_test_queue_depth',
      help: 'A queue depth, as the job queue will report it.',
      labelNames: ['queue'],
      collect: () => [{ labels: { queue: 'relay' }, value: depth }],
    });
    expect((await scrape(app)).filter((s) => s.name === 'innozone_test_queue_depth')).toEqual([
      { name: 'innozone_test_queue_depth', labels: { queue: 'relay' }, value: 3 },
    ]);
    depth = 0;
    expect((await scrape(app)).filter((s) => s.name === 'innozone_test_queue_depth')).toEqual([
      { name: 'innozone_test_queue_depth', labels: { queue: 'relay' }, value: 0 },
    ]);
  });

  it('answers the rest when a gauge cannot be read: no samples for a labelled one, NaN for one without labels', async () => {
    const unreachable = () => Promise.reject(new Error('queue table unreachable'));
    app.server.metrics.registerGauge({ name: 'innozone_test_unreadable', help: 'A gauge whose source is out of reach.', collect: unreachable });
    app.server.metrics.registerGauge({ name: 'innozone_test_unreadable_by_queue', help: 'The same, by queue.', labelNames: ['queue'], collect: unreachable });
    const samples = await scrape(app);
    expect({
      unreadable: samples.filter((s) => s.name.startsWith('innozone_test_unreadable')),
      pool: samples.some((s) => s.name === 'innozone_db_pool_connections_max'),
    }).toEqual({
      unreadable: [{ name: 'innozone_test_unreadable', labels: {}, value: NaN }],
      pool: true,
    });
  });
});

describe('GET /metrics with a token and a cap of two operation names', () => {
  const TOKEN = 'metrics-scrape-token-0123456789';
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { METRICS_TOKEN: TOKEN, METRICS_MAX_OPERATION_NAMES: '2' } });
  });
  afterAll(() => app.close());

  it('answers 401 without the bearer token, or with another', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`]) {
      const res = await fetch(`${app.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect({ status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.json() }).toEqual({
        status: 401,
        challenge: 'Bearer',
        body: { errors: [{ message: 'GET /metrics needs the bearer token METRICS_TOKEN.', extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
  });

  it('counts the first two distinct names by name and every later one as "other"', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const before = await scrape(app, auth);
    for (const name of ['First', 'Second', 'Third', 'First', 'Fourth']) {
      expect((await post(app, { query: `query ${name} { viewer { role } }` })).status).toBe(200);
    }
    expect((await post(app, { query: '{ viewer { role } }' })).status).toBe(200);
    const after = await scrape(app, auth);
    expect(grown(before, after, ['innozone_graphql_operations_total'])).toEqual([
      { key: 'innozone_graphql_operations_total{operation=anonymous,outcome=success,type=query}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=First,outcome=success,type=query}', by: 2 },
      { key: 'innozone_graphql_operations_total{operation=other,outcome=success,type=query}', by: 2 },
      { key: 'innozone_graphql_operations_total{operation=Second,outcome=success,type=query}', by: 1 },
    ]);
  });
});

describe('operation outcomes refused before Apollo reads the request', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
  });
  afterAll(() => app.close());

  it('counts a rate-limited request and a bad token by their outcome', async () => {
    const before = await scrape(app);
    expect((await post(app, { query: 'query Allowed { viewer { role } }' })).status).toBe(200);
    expect((await post(app, { query: 'query Allowed { viewer { role } }' })).status).toBe(429);
    expect((await post(app, { query: 'query Allowed { viewer { role } }' }, 'not-a-token')).status).toBe(401);
    const after = await scrape(app);
    expect(grown(before, after, ['innozone_graphql_operations_total'])).toEqual([
      { key: 'innozone_graphql_operations_total{operation=Allowed,outcome=success,type=query}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=unknown,outcome=rate_limited,type=unknown}', by: 1 },
      { key: 'innozone_graphql_operations_total{operation=unknown,outcome=unauthenticated,type=unknown}', by: 1 },
    ]);
  });
});
