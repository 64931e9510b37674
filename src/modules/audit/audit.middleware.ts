import type { GraphQLFieldResolver } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context';
import type { MutationError } from '../../common/mutation-errors';
import { AuditOutcome } from './audit.entity';
import { recordAudit } from './audit.service';

/** The enterprise a mutation's result concerns, when it names one directly. */
function enterpriseOf(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.constructor?.name === 'Enterprise') return v['id'] as string;
  for (const key of ['enterprise', 'owner']) {
    const ref = v[key] as { id?: unknown } | null | undefined;
    if (ref && typeof ref.id === 'string') return ref.id;
  }
  return null;
}

/**
 * Wraps a mutation's resolver: it runs in one transaction together with its audit event: done, refused (errors in
 * the payload), or failed (recorded apart, since the mutation's own transaction rolled back). Inputs are not copied
 * into the trail, since they may hold personal data; the event names the operation, the record and the error codes.
 */
export function auditedMutation(
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  return async (root, args, context, info) => {
    if (!context.viewer) return resolve(root, args, context, info);
    const viewer = context.viewer;
    const outer = context.em;
    const creditCode = (args['input'] as { creditCode?: unknown } | undefined)?.creditCode;
    const details = (extra: Record<string, unknown>) => ({ ...(typeof creditCode === 'string' ? { creditCode } : {}), ...extra });
    try {
      return await outer.transactional(async (em) => {
        context.em = em as EntityManager;
        try {
          const payload = (await resolve(root, args, context, info)) as Record<string, unknown> & { errors?: MutationError[] };
          const errors = payload?.errors ?? [];
          const target = Object.entries(payload ?? {}).find(([key, v]) => key !== 'errors' && v);
          const record = target?.[1] as { nodeId?: string } | undefined;
          await recordAudit(context.em, viewer, {
            operation: info.fieldName,
            outcome: errors.length ? AuditOutcome.REFUSED : AuditOutcome.DONE,
            enterpriseId: enterpriseOf(record),
            authorizationId: record?.constructor?.name === 'DataAuthorization' ? (record as unknown as { id: string }).id : null,
            details: details(errors.length ? { errors: errors.map((e) => e.code) } : { record: record?.nodeId ?? null }),
          });
          return payload;
        } finally {
          context.em = outer;
        }
      });
    } catch (err) {
      await recordAudit(outer.fork(), viewer, {
        operation: info.fieldName,
        outcome: AuditOutcome.FAILED,
        details: details({ error: (err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR' }),
      }).catch(() => undefined);
      throw err;
    }
  };
}
