import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The GraphQL type a value is served as: every class of a GraphQL object type is named after it. Each interface
 * resolves with this, and buildInnozoneSchema installs it unwrapped (type-graphql wraps it in an async function,
 * which graphql-jit does not await).
 */
export const typeNamedAfterClass = (value: object): string => value.constructor.name;

/** Relay global object identification: every record a client can refetch by id. */
@InterfaceType({
  description: 'A record with a global, opaque id; refetch it with node(id:).',
  resolveType: typeNamedAfterClass,
})
export abstract class Node {
  /** Every record's `nodeId` getter (BaseEntity): the opaque global id, never the raw key. */
  @Field(() => ID, { name: 'id', description: 'Opaque global id.' })
  nodeId!: string;
}
