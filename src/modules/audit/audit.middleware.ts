import { setTimeout as sleep } from 'node:timers/promises';
import { DeadlockException } from '@mikro-orm/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context';
import type { MutationError } from '../../common/mutation-errors';
import { AuditOutcome } from './audit.entity';
import { recordAudit } from './audit.service';

/** What a correction or void changed (src/modules/audit/correction.ts): kept with its audit event. */
export interface RecordChange {
  /** The record's global id. */
  record: string;
  reason: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The change the running mutation of each request made, noted by its service after the flush. */
const changes = new WeakMap<RequestContext, RecordChange>();

/**
 * Notes what a correction or void changed, for its audit event: the reason and the record before and after. These
 * records hold the registry's facts about enterprises (ratings, checks, patents, appraisals), no personal data.
 */
export function noteChange(ctx: RequestContext, change: RecordChange): void {
  changes.set(ctx, change);
}

const idOf = (ref: unknown): string | null => {
  const id = (ref as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * The enterprise a mutation's result concerns: the record itself, the one it names, or the one it belongs to through
 * another record (DOMAIN.md: an event names its enterprise, so the enterprise's own trail shows it): an instrument's
 * lead holder (its `enterprise`), the lead holder of the cover a claim is made on, the owner of an appraised or pledged patent.
 */
async function enterpriseOf(em: EntityManager, value: unknown): Promise<string | null> {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const type = v.constructor?.name;
  if (type === 'Enterprise') return v['id'] as string;
  for (const key of ['enterprise', 'owner']) {
    const ref = idOf(v[key]);
    if (ref) return ref;
  }
  const first = async (sql: string, id: string | null) =>
    id ? ((await em.execute<{ e: string }[]>(sql, [id]))[0]?.e ?? null) : null;
  const lead = 'select enterprise_id as e from instrument_holder where instrument_id = ? and lead';
  if (type && em.getMetadata().find(type)?.tableName === 'financing_instrument') return first(lead, idOf(v));
  if (type === 'RiskCompensationClaim') return first(lead, idOf(v['cover']));
  if (type === 'PatentAppraisal' || type === 'IpPledge') return first('select owner_id as e from patent where id = ?', idOf(v['patent']));
  return null;
}

/**
 * How many times a mutation is tried when PostgreSQL ends its transaction as a deadlock's victim or a serialisation
 * failure (40P01, 40001). Such an end says nothing about the request: it met another at the wrong moment. Concurrent
 * inserts under an exclusion constraint deadlock as a matter of course (each waits for the other's tuple; 20 identical
 * grants at once met it 1–3 times in 20 on a 2-core machine), and the retry, seeing the winner committed, answers as
 * any later request would (DUPLICATE).
 */
export const MUTATION_ATTEMPTS = 4;

/**
 * Mutations whose service records their one audit event itself, in the transaction that does the work: an import
 * writes its rows in a transaction of its own (in the background, for a large file), and its event commits with them
 * (src/modules/imports/import.service.ts). Only a failure before it could record anything is recorded here.
 */
export const AUDITED_BY_THEIR_SERVICE: ReadonlySet<string> = new Set(['importRecords']);

/**
 * Wraps a mutation's resolver: it runs in one transaction together with its audit event: done, refused (errors in
 * the payload), or failed (recorded apart, since the mutation's own transaction rolled back). Inputs are not copied
 * into the trail, since they may hold personal data; the event names the operation, the record and the error codes,
 * and for a correction or void (`noteChange`) the reason given and the record before and after.
 * A transaction that lost a deadlock is run again from the start (MUTATION_ATTEMPTS): nothing of it was written.
 */
export function auditedMutation(
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  return async (root, args, context, info) => {
    if (!context.viewer) return resolve(root, args, context, info);
    const viewer = context.viewer;
    if (AUDITED_BY_THEIR_SERVICE.has(info.fieldName)) {
      try {
        return await resolve(root, args, context, info);
      } catch (err) {
        await recordAudit(context.em.fork(), viewer, {
          operation: info.fieldName,
          outcome: AuditOutcome.FAILED,
          details: { error: (err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
        }).catch(() => undefined);
        throw err;
      }
    }
    const outer = context.em;
    const creditCode = (args['input'] as { creditCode?: unknown } | undefined)?.creditCode;
    const details = (extra: Record<string, unknown>) => ({ ...(typeof creditCode === 'string' ? { creditCode } : {}), ...extra });
    const once = () =>
      outer.transactional(async (em) => {
        context.em = em as EntityManager;
        changes.delete(context);
        try {
          const payload = (await resolve(root, args, context, info)) as Record<string, unknown> & { errors?: MutationError[] };
          const errors = payload?.errors ?? [];
          const target = Object.entries(payload ?? {}).find(([key, v]) => key !== 'errors' && v);
          const record = target?.[1] as { nodeId?: string } | undefined;
          const change = errors.length ? undefined : changes.get(context);
          await recordAudit(context.em, viewer, {
            operation: info.fieldName,
            outcome: errors.length ? AuditOutcome.REFUSED : AuditOutcome.DONE,
            enterpriseId: await enterpriseOf(context.em, record),
            authorizationId: record?.constructor?.name === 'DataAuthorization' ? (record as unknown as { id: string }).id : null,
            details: details(
              errors.length
                ? { errors: errors.map((e) => e.code) }
                : { record: record?.nodeId ?? null, ...(change ? { reason: change.reason, before: change.before, after: change.after } : {}) },
            ),
          });
          return payload;
        } finally {
          context.em = outer;
          changes.delete(context);
        }
      });
    for (let attempt = 1; ; attempt++) {
      try {
        return await once();
      } catch (err) {
        if (err instanceof DeadlockException && attempt < MUTATION_ATTEMPTS) {
          // A little apart, so the same two do not meet again at once.
          await sleep(5 * attempt + Math.random() * 20 * attempt);
          continue;
        }
        await recordAudit(outer.fork(), viewer, {
          operation: info.fieldName,
          outcome: AuditOutcome.FAILED,
          details: details({ error: (err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR' }),
        }).catch(() => undefined);
        throw err;
      }
    }
  };
}
