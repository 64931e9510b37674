import { Field, ObjectType } from 'type-graphql';
import { Role } from './roles';

/** Who the bearer token says the caller is. Authentication only: what it may do is the policy's business. */
@ObjectType({ description: 'Who the bearer token says you are.' })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description:
      'What the token acts for: the credit code of a bank or an enterprise, the id of a CPPCC member or a handling unit.',
  })
  organisation!: string | null;

  constructor(role: Role, organisation: string | null) {
    this.role = role;
    this.organisation = organisation;
  }
}
