import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { VoidableEntity, VersionedEntity } from '../../common/base.entity';
import { NotFoundError, notPermitted, Problems, StaleVersionError, transitionNotAllowed } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { idOf, requiredText } from '../../common/validate';
import type { RequestContext } from '../../context';
import { noteChange } from './audit.middleware';

/**
 * Corrections, voids and updates of recorded facts (issue 14, item 8). A recorded fact people get wrong (a credit
 * rating, a dishonest-debtor check, a patent appraisal) is corrected in place or voided, never deleted and never
 * overwritten silently: the mutation names the version it read (a record changed since is refused) and why, and its
 * audit event keeps the reason with the record before and after (`noteChange`).
 */

/** What every correction, void and update names: the record, the version read, and why. */
@InputType('ChangeRecordInput', { description: 'Not in the schema: the fields every correction, void and update input has.' })
export abstract class ChangeRecordInput {
  @Field(() => ID, { description: 'The global id of the record.' })
  id!: string;

  @Field(() => Int, { description: 'The version last read: a record changed since is refused (StaleVersionError, with its current version).' })
  version!: number;

  @Field({ description: 'Why, in a sentence (at most 500 characters): kept on the audit trail with the record before and after.' })
  reason!: string;
}

/** How to find and show one kind of record. */
export interface Changeable<T extends VersionedEntity> {
  entity: EntityClass<T>;
  /** Its GraphQL type: what its global ids name. */
  type: string;
  /** How messages name it, e.g. "The credit rating". */
  label: string;
  /** Relations loaded with it, for `mayChange`. */
  populate?: readonly string[];
  /** May the viewer change it (a representative: records of its own enterprise only)? Default: yes. */
  mayChange?: (ctx: RequestContext, record: T) => boolean;
  /** Its facts as the audit trail keeps them, before and after. */
  snapshot: (record: T) => Record<string, unknown>;
}

/** `voidedAt` as the trail keeps it. */
export const instant = (at: Date | null): string | null => (at ? at.toISOString() : null);

/**
 * The record an input names, when it may be changed: refused with the one error that says why not (no such record,
 * not the viewer's, voided already, a stale version), else the record and the validated reason.
 */
async function recordToChange<T extends VersionedEntity>(
  ctx: RequestContext,
  kind: Changeable<T>,
  input: ChangeRecordInput,
  problems: Problems,
): Promise<{ record: T; reason: string } | { refused: Outcome<T> }> {
  const id = idOf(problems, 'input.id', input.id, kind.type);
  const reason = requiredText(problems, 'input.reason', input.reason, 500);
  const record = id ? await ctx.em.findOne(kind.entity, { id } as FilterQuery<T>, { populate: (kind.populate ?? []) as never }) : null;
  if (id && !record) problems.add(new NotFoundError('input.id', `No such ${kind.type}.`));
  if (!record) return { refused: refused(problems.list) };
  if (kind.mayChange && !kind.mayChange(ctx, record)) {
    return { refused: refused([notPermitted('input.id', 'A representative changes its own enterprise’s records only.')]) };
  }
  const voided = (record as unknown as Partial<VoidableEntity>).voidedAt;
  if (voided) {
    return {
      refused: refused([
        transitionNotAllowed('input.id', `${kind.label} was voided on ${voided.toISOString()}: it can be neither corrected nor voided again; record a new one.`),
      ]),
    };
  }
  if (record.version !== input.version) return { refused: refused([new StaleVersionError(kind.label, input.version, record.version)]) };
  if (problems.any) return { refused: refused(problems.list) };
  return { record, reason: reason! };
}

/** Writes the change and notes it for the audit trail (or refuses a version changed meanwhile). */
async function writeChange<T extends VersionedEntity>(
  ctx: RequestContext,
  kind: Changeable<T>,
  record: T,
  input: ChangeRecordInput,
  reason: string,
  changes: Partial<T>,
): Promise<Outcome<T>> {
  const before = kind.snapshot(record);
  ctx.em.assign(record, changes as never);
  const outcome = await flushOutcome(ctx, record, {
    stale: async () => new StaleVersionError(kind.label, input.version, (await ctx.em.findOneOrFail(kind.entity, { id: record.id } as FilterQuery<T>)).version),
  });
  if (outcome.value) noteChange(ctx, { record: record.nodeId, reason, before, after: kind.snapshot(record) });
  return outcome;
}

/**
 * Corrects a record: `validate` checks the corrected values against the record (problems under their input fields)
 * and returns those that differ from it; at least one must.
 */
export async function correctRecord<T extends VersionedEntity>(
  ctx: RequestContext,
  kind: Changeable<T>,
  input: ChangeRecordInput,
  validate: (record: T, problems: Problems) => Partial<T> | Promise<Partial<T>>,
): Promise<Outcome<T>> {
  const problems = new Problems();
  const found = await recordToChange(ctx, kind, input, problems);
  if ('refused' in found) return found.refused;
  const changes = await validate(found.record, problems);
  const differs = Object.entries(changes).filter(([key, value]) => (found.record as Record<string, unknown>)[key] !== value);
  if (!problems.any && differs.length === 0) problems.invalid('input', 'The input changes nothing: give the values that differ from those recorded.');
  if (problems.any) return refused(problems.list);
  return writeChange(ctx, kind, found.record, input, found.reason, Object.fromEntries(differs) as Partial<T>);
}

/**
 * Voids a record recorded in error: it is kept, with when and why, and counts nowhere after. `check` may refuse it
 * (a record something else relies on).
 */
export async function voidRecord<T extends VoidableEntity>(
  ctx: RequestContext,
  kind: Changeable<T>,
  input: ChangeRecordInput,
  check?: (record: T, problems: Problems) => Promise<void>,
): Promise<Outcome<T>> {
  const problems = new Problems();
  const found = await recordToChange(ctx, kind, input, problems);
  if ('refused' in found) return found.refused;
  await check?.(found.record, problems);
  if (problems.any) return refused(problems.list);
  return writeChange(ctx, kind, found.record, input, found.reason, { voidedAt: new Date(), voidReason: found.reason } as Partial<T>);
}
