import type { EntityClass } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { BaseEntity } from '../../common/base.entity';
import { fromGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { entities } from '../../db/entities';
import { FinancingInstrument } from '../finance/instrument.entity';

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
  return record && record.typename === parsed.type ? record : null;
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'The record with this global id; null when there is none.' })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return loadNode(ctx, id);
  }

  @Authorized()
  @Query(() => [Node], { nullable: 'items', description: 'The records with these ids, in order; null where there is none.' })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
