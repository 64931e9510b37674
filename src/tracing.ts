import type { ApolloServerPlugin } from '@apollo/server';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type express from 'express';
import type { Config } from './config';
import { routeOf } from './routes';

/**
 * OpenTelemetry tracing (README "Operations"), on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Then each HTTP request
 * is a server span (@opentelemetry/instrumentation-http), each GraphQL request an operation span inside it (below), and
 * each PostgreSQL statement a client span inside that (@opentelemetry/instrumentation-pg, under knex and MikroORM).
 *
 * The SDK, the exporter and the instrumentations are required only when tracing is on: unset, start-up loads none of
 * them and @opentelemetry/api (a few kB, always loaded) hands out no-op spans.
 */

export interface Tracing {
  /** Sends the spans still buffered and stops tracing (main.ts stops it last, so shutdown's own spans go too). */
  shutdown(): Promise<void>;
}

/** Routes nobody wants a trace of: balancers and Prometheus ask them every few seconds. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Starts tracing to `settings.endpoint` (OTLP over HTTP, JSON). Must run before `pg` and `http` are first required
 * (instrumentations patch modules as they load): main.ts imports src/telemetry.ts before anything else.
 */
export function startTracing(settings: NonNullable<Config['tracing']>): Tracing {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces` }))],
  });
  // Registers the provider and the AsyncLocalStorage context manager: a span started in a request is the parent of
  // whatever that request awaits.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED.has(routeOf(req.url ?? '')),
        // The server span is named by route (bounded, as the metrics' label): "POST /graphql", not every console path.
        requestHook: (span, req) => {
          // Incoming requests only (an IncomingMessage has a url; a ClientRequest, traced as it is, has none).
          if (typeof (req as { url?: unknown }).url !== 'string') return;
          const route = routeOf((req as { url: string }).url);
          span.setAttribute('http.route', route);
          span.updateName(`${req.method} ${route}`);
        },
      }),
      // Statement text only (its values are bound parameters, never recorded); statements outside any request (the
      // migrations at start-up) make no traces of their own.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}

const tracer = () => trace.getTracer('innozone');

/** The operation spans this process started, so that the plugin never renames a span of another's. */
const operationSpans = new WeakSet<Span>();

/**
 * Opens the GraphQL operation span around the rest of a /graphql request, as the active span: every statement the
 * operation sends is its child. Placed after the body parser: a stream's callbacks run in the context the request
 * arrived in, so a span made active before the body was read would be lost by the time it is.
 *
 * The span is made here rather than by @opentelemetry/instrumentation-graphql because operations mostly run compiled
 * by graphql-jit or as one SQL answer (src/executor.ts), which never call graphql-js's `execute` that it patches.
 */
export function operationSpan(): express.RequestHandler {
  return (_req, res, next) => {
    if (!trace.getActiveSpan()) return next(); // tracing off (no SDK, or this request untraced): nothing to open
    const span = tracer().startSpan('GraphQL Operation', { kind: SpanKind.INTERNAL });
    operationSpans.add(span);
    res.once('close', () => span.end());
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** Names the operation span once Apollo has resolved the operation, and marks it failed when the answer has errors. */
export const operationSpanNaming: ApolloServerPlugin = {
  async requestDidStart() {
    const span = trace.getActiveSpan();
    if (!span || !operationSpans.has(span)) return;
    return {
      async didResolveOperation({ operation, operationName }) {
        if (!operation) return;
        // OpenTelemetry's GraphQL conventions: "{type} {name}", or the type alone for an unnamed operation.
        span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
        span.setAttribute('graphql.operation.type', operation.operation);
        if (operationName) span.setAttribute('graphql.operation.name', operationName);
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.length) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(errors[0]?.extensions?.['code'] ?? 'error') });
        }
      },
    };
  },
};
