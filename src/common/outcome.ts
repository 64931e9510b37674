import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../context';
import type { MutationError } from './mutation-errors';

/** What a mutation hands back: the record, or the problems that kept it from being written. */
export type Outcome<T> = { value: T; errors: [] } | { value: null; errors: MutationError[] };

export const ok = <T>(value: T): Outcome<T> => ({ value, errors: [] });
export const refused = <T>(errors: MutationError[]): Outcome<T> => ({ value: null, errors });

/** Who did it, as recorded with overrides: the token's role and organisation. */
export function actorOf(ctx: RequestContext): string {
  const v = ctx.viewer!;
  return v.organisation ? `${v.role}:${v.organisation}` : v.role;
}

/**
 * Flushes the unit of work (one transaction). A unique key taken meanwhile, or a version changed meanwhile,
 * becomes a payload error rather than an internal one; the identity map is cleared so nothing half-written lingers.
 */
export async function flushOutcome<T>(
  ctx: RequestContext,
  value: T,
  conflicts: { duplicate?: () => MutationError; stale?: () => Promise<MutationError> } = {},
): Promise<Outcome<T>> {
  try {
    await ctx.em.flush();
    return ok(value);
  } catch (err) {
    ctx.em.clear();
    if (err instanceof UniqueConstraintViolationException && conflicts.duplicate) return refused([conflicts.duplicate()]);
    if (err instanceof OptimisticLockError && conflicts.stale) return refused([await conflicts.stale()]);
    throw err;
  }
}
