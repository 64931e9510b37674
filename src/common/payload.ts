import { Field, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { MutationError } from './mutation-errors';
import type { Outcome } from './outcome';

/**
 * Makes a mutation payload type: `{ <field>: T (null when refused), errors: [MutationError!]! }` (API.md).
 * `toPayload(outcome)` fills it from a service's outcome.
 */
export function Payload<T extends object>(name: string, field: string, type: ClassType<T> | object, description: string) {
  @ObjectType(name, { description })
  class PayloadType {
    @Field(() => [MutationError], { description: 'Empty when the mutation succeeded; nothing was written otherwise.' })
    errors!: MutationError[];
  }
  Field(() => type, { nullable: true, description: `${description} Null when the mutation was refused (\`errors\` not empty).` })(PayloadType.prototype, field);
  return Object.assign(PayloadType, {
    from(outcome: Outcome<T>): PayloadType {
      return Object.assign(new PayloadType(), { [field]: outcome.value, errors: outcome.errors });
    },
  });
}
