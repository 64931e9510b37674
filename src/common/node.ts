import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay global object identification: every record a client can refetch by id. */
@InterfaceType({
  description: 'A record with a global, opaque id; refetch it with node(id:).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  /** Every record's `nodeId` getter (BaseEntity): the opaque global id, never the raw key. */
  @Field(() => ID, { name: 'id', description: 'Opaque global id.' })
  nodeId!: string;
}
