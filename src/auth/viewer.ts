import { Field, ObjectType } from 'type-graphql';
import { Role } from './roles';

/** Who the bearer token says the caller is. Authentication only: what it may do is the policy's business. */
@ObjectType({
  description:
    'Who the bearer token says you are: your role and the organization you act for, and that organization’s data authorizations.',
})
export class Viewer {
  @Field(() => Role, { description: 'The role of the token.' })
  role!: Role;

  /**
   * What the token acts for, as its `org` claim names it: the credit code of a bank or an enterprise, the global id of a
   * CPPCC member or a handling unit; null for the roles that act for none. In the schema as `Viewer.organization`.
   */
  organisation!: string | null;

  constructor(role: Role, organisation: string | null) {
    this.role = role;
    this.organisation = organisation;
  }
}
