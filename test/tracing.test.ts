import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/roles';
import { TokenService } from '../src/auth/tokens';
import { projectPath } from '../src/project';
import { TEST_TOKEN_SECRET } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { freePort, InnozoneProcess } from './support/process';

/** A span as OTLP/HTTP's JSON encoding sends it (the fields this test reads). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A tiny OTLP/HTTP receiver: collects the spans of every POST /v1/traces (JSON), with the service they came from. */
async function otlpReceiver(): Promise<{ url: string; spans: (OtlpSpan & { service: string })[]; close(): Promise<void> }> {
  const spans: (OtlpSpan & { service: string })[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && req.headers['content-type'] === 'application/json') {
        const payload = JSON.parse(body) as {
          resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const rs of payload.resourceSpans) {
          const service = String(rs.resource.attributes.find((a) => a.key === 'service.name')?.value['stringValue']);
          for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ ...span, service });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

/** SpanKind in OTLP: 1 internal, 2 server, 3 client. */
const KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;

describe('tracing to an OTLP endpoint', () => {
  let dataDir: string;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  afterAll(async () => {
    await InnozoneProcess.killAll();
    await receiver?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sends a GraphQL request as one trace: the server span, the operation span inside it, and its SQL inside that', async () => {
    receiver = await otlpReceiver();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-tracing-'));
    const port = await freePort();
    const app = new InnozoneProcess({
      DATABASE_URL: await workerDatabaseUrl('tracing'),
      INNOZONE_TOKEN_SECRET: TEST_TOKEN_SECRET,
      INNOZONE_DATA_DIR: dataDir,
      PORT: String(port),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'innozone-tracing-test',
    });
    await app.waitFor('innozone is ready');
    const token = await new TokenService(new TextEncoder().encode(TEST_TOKEN_SECRET), '1h').sign({ role: Role.ZONE_ADMIN, org: null });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query TracedCount { enterprises(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    await res.json();
    // A health check is not traced: balancers ask it every few seconds.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // Stopping sends what is buffered (tracing is stopped last).
    app.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });

    const server = receiver.spans.filter((s) => s.kind === KIND.SERVER);
    expect(server.map((s) => ({ name: s.name, service: s.service, route: attribute(s, 'http.route'), parent: s.parentSpanId ?? '' }))).toEqual([
      { name: 'POST /graphql', service: 'innozone-tracing-test', route: '/graphql', parent: '' },
    ]);
    const trace = receiver.spans.filter((s) => s.traceId === server[0]!.traceId);
    const operation = trace.filter((s) => s.kind === KIND.INTERNAL);
    expect(operation.map((s) => ({ name: s.name, parent: s.parentSpanId, type: attribute(s, 'graphql.operation.type'), operationName: attribute(s, 'graphql.operation.name') }))).toEqual([
      { name: 'query TracedCount', parent: server[0]!.spanId, type: 'query', operationName: 'TracedCount' },
    ]);
    const database = new URL(await workerDatabaseUrl('tracing')).pathname.slice(1);
    // An administrator's count is answered in SQL (src/db/sql-answer.ts): one prepared statement, named by its plan.
    expect(trace.filter((s) => s.kind === KIND.CLIENT).map((s) => ({ name: s.name, parent: s.parentSpanId, attributes: Object.fromEntries(s.attributes.map((a) => [a.key, attribute(s, a.key)])) }))).toEqual([
      {
        name: expect.stringMatching(new RegExp(`^pg\\.query:innozone_answer_[0-9a-f]{32} ${database}$`)),
        parent: operation[0]!.spanId,
        attributes: {
          'db.system.name': 'postgresql',
          'db.namespace': database,
          'server.address': '127.0.0.1',
          'server.port': Number(new URL(await workerDatabaseUrl('tracing')).port),
          // The statement's text, never its values (bound parameters; enhancedDatabaseReporting is off).
          'db.query.text': expect.stringMatching(/^select json_build_object\('enterprises', .* limit \$1\) select json_build_object\('totalCount', .*\)::text as data$/),
          'db.postgresql.plan': expect.stringMatching(/^innozone_answer_[0-9a-f]{32}$/),
        },
      },
    ]);
    // Nothing else was traced: no /healthz, no statement outside a request (the migrations at start-up).
    expect(receiver.spans.length).toBe(3);
  });
});

describe('tracing not configured', () => {
  /** The @opentelemetry modules a fresh node process holds after loading src/telemetry.ts (as main.ts does first). */
  const loadedWith = (env: Record<string, string>) => {
    const { OTEL_EXPORTER_OTLP_ENDPOINT: _unset, ...inherited } = process.env;
    const out = execFileSync(
      process.execPath,
      ['-e', "require('./dist/src/telemetry.js'); console.log(JSON.stringify([...new Set(Object.keys(require.cache).map((k) => /node_modules\\/@opentelemetry\\/([^/]+)/.exec(k)?.[1]).filter(Boolean))].sort()))"],
      { cwd: projectPath(), env: { ...inherited, ...env }, encoding: 'utf8' },
    );
    return JSON.parse(out) as string[];
  };

  it('loads only the API (no-op spans) when OTEL_EXPORTER_OTLP_ENDPOINT is unset, and the SDK when it is set', () => {
    expect(loadedWith({})).toEqual(['api']);
    expect(loadedWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual(
      expect.arrayContaining(['api', 'exporter-trace-otlp-http', 'instrumentation-http', 'instrumentation-pg', 'sdk-trace-node']),
    );
  });
});
