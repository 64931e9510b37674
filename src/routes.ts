/**
 * The HTTP routes innozone tells apart in its metrics' labels and span names (src/metrics.ts, src/tracing.ts). No
 * imports: src/telemetry.ts loads it before the modules tracing patches.
 */

/** What a request's path is counted as: a few routes by name, everything else the web console serves as one. */
export function routeOf(path: string): string {
  const p = path.split('?')[0] ?? '';
  if (p === '/graphql' || p === '/metrics' || p === '/healthz' || p === '/readyz') return p;
  if (p === '/graphiql' || p.startsWith('/graphiql/')) return '/graphiql';
  if (p === '/auth' || p.startsWith('/auth/')) return '/auth';
  if (p === '/imports' || p.startsWith('/imports/')) return '/imports';
  // The console's pages and assets, and unknown paths (404): any path a client makes up lands here.
  return 'console';
}
