import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../context';
import type { MutationError } from './mutation-errors';
import { storedActor } from '../modules/viewer/actor';

/** What a mutation hands back: the record, or the problems that kept it from being written. */
export type Outcome<T> = { value: T; errors: [] } | { value: null; errors: MutationError[] };

export const ok = <T>(value: T): Outcome<T> => ({ value, errors: [] });
export const refused = <T>(errors: MutationError[]): Outcome<T> => ({ value: null, errors });

/** Who did it, as stored in an actor column (`ROLE` or `ROLE:organization`; read back as an `Actor`). */
export function actorOf(ctx: RequestContext): string {
  return storedActor(ctx.viewer!);
}

/**
 * Flushes the unit of work (one transaction). A unique key taken meanwhile (or an exclusion constraint), or a version
 * changed meanwhile, becomes a payload error rather than an internal one; the identity map is cleared so nothing
 * half-written lingers.
 */
export async function flushOutcome<T>(
  ctx: RequestContext,
  value: T,
  conflicts: { duplicate?: () => MutationError; stale?: () => Promise<MutationError> } = {},
): Promise<Outcome<T>> {
  // In the mutation's transaction (src/modules/audit/audit.middleware.ts) the flush runs under a savepoint: a failed
  // statement aborts only the flush, so the transaction can still record the refusal on the audit trail.
  const savepoint = ctx.em.isInTransaction();
  try {
    if (savepoint) await ctx.em.execute('savepoint flush_outcome');
    await ctx.em.flush();
    if (savepoint) await ctx.em.execute('release savepoint flush_outcome');
    return ok(value);
  } catch (err) {
    if (savepoint) await ctx.em.execute('rollback to savepoint flush_outcome');
    ctx.em.clear();
    // 23P01: an exclusion constraint (one authorisation in force per enterprise, bank and purpose), a duplicate too.
    const taken = err instanceof UniqueConstraintViolationException || (err as { code?: unknown }).code === '23P01';
    if (taken && conflicts.duplicate) return refused([conflicts.duplicate()]);
    if (err instanceof OptimisticLockError && conflicts.stale) return refused([await conflicts.stale()]);
    throw err;
  }
}
