import type { EntityClass } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { BaseEntity } from '../../common/base.entity';
import { fromGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { entities } from '../../db/entities';
import { FinancingInstrument } from '../finance/instrument.entity';
import { prefetch } from '../../db/read-plan';

/** Every entity that is a GraphQL Node, by its type name; instrument kinds load through their common table. */
const NODE_ENTITIES = new Map<string, EntityClass<BaseEntity>>(
  (entities as EntityClass<BaseEntity>[]).map((e) => [
    e.name,
    (e.prototype instanceof FinancingInstrument ? FinancingInstrument : e) as EntityClass<BaseEntity>,
  ]),
);

/** Loads the record behind a global id (null when the id is not ours, or names nothing). Batched per type. */
export async function loadNode(ctx: RequestContext, globalId: string): Promise<BaseEntity | null> {
  const parsed = fromGlobalId(globalId);
  const entity = parsed && NODE_ENTITIES.get(parsed.type);
  if (!parsed || !entity) return null;
  const record = await ctx.loaders.byId(entity).load(parsed.id);
  // The type in the id must be the record's own (a CreditLoan id does not fetch a bond).
  if (!record || record.typename !== parsed.type) return null;
  // A voided record (an instrument, or a pledge voided with its loan) exists only for those who read voided records.
  return (record as { voidedAt?: Date | null }).voidedAt && !ctx.access.seesVoided ? null : record;
}

/** Reads ahead what the selection follows from these records, one statement per table they come from. */
async function readAhead(ctx: RequestContext, info: GraphQLResolveInfo, records: (BaseEntity | null)[]): Promise<void> {
  const byEntity = new Map<EntityClass<BaseEntity>, BaseEntity[]>();
  for (const r of records) {
    if (!r) continue;
    const entity = NODE_ENTITIES.get(r.constructor.name)!;
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), r]);
  }
  for (const [entity, rows] of byEntity) await prefetch(ctx, info, entity, rows, { unscreened: true });
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description:
      'The record with this global id (Relay object identification); null when there is none, and when the viewer may ' +
      'not see it (the two are not told apart).',
  })
  async node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'A global id as an `id` field gave it (ids issued before API v1 are still read).' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    const record = await loadNode(ctx, id);
    await readAhead(ctx, info, [record]);
    return record;
  }

  @Authorized()
  @Query(() => [Node], {
    nullable: 'items',
    description: 'The records with these global ids (at most 1,000 per request), in the order given; null where there is none or the viewer may not see it.',
  })
  async nodes(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID], { description: 'Global ids as `id` fields gave them: at most 1,000 in one request, counted together with eligibility codes across aliases (README, "Limits on one request").' }) ids: string[],
    @Info() info: GraphQLResolveInfo,
  ) {
    const records = await Promise.all(ids.map((id) => loadNode(ctx, id)));
    await readAhead(ctx, info, records);
    return records;
  }
}
