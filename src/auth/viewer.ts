import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import { Role } from './roles';

/** The account a person signed in with, as its session stands for it (src/auth/sessions.ts). */
@ObjectType({ description: 'The account you signed in with (a session cookie); what a web console shows in its header.' })
export class ViewerAccount {
  /** The account's uuid: what the services compare (an account does not disable itself). Not in the schema. */
  readonly id: string;

  @Field({ description: 'Your username.' })
  username: string;

  @Field({ description: 'Your name as shown (e.g. 王伟).' })
  displayName: string;

  @Field(() => DateTimeScalar, { description: 'When this session ends at the latest, however active (12 hours after signing in); it ends sooner after 2 idle hours.' })
  sessionExpiresAt: Date;

  /** The password was set by someone else: the session may do nothing but change it. Not in the schema. */
  readonly mustChangePassword: boolean;

  constructor(account: { id: string; username: string; displayName: string; sessionExpiresAt: Date; mustChangePassword?: boolean }) {
    this.id = account.id;
    this.username = account.username;
    this.displayName = account.displayName;
    this.sessionExpiresAt = account.sessionExpiresAt;
    this.mustChangePassword = account.mustChangePassword ?? false;
  }
}

/** Who the bearer token (or session) says the caller is. Authentication only: what it may do is the policy's business. */
@ObjectType({
  description:
    'Who the bearer token (or the session of a signed-in person) says you are: your role and the organization you act for, ' +
    'that organization’s data authorizations, and the account you signed in with.',
})
export class Viewer {
  @Field(() => Role, { description: 'The role of the token.' })
  role!: Role;

  /**
   * What the token acts for, as its `org` claim names it: the credit code of a bank or an enterprise, the global id of a
   * CPPCC member or a handling unit; null for the roles that act for none. In the schema as `Viewer.organization`.
   */
  organisation!: string | null;

  /**
   * The account of a person signed in (a session); absent for a bearer token (left unset, so a token's viewer is
   * exactly its role and organization). In the schema as `Viewer.account`.
   */
  readonly account?: ViewerAccount;

  constructor(role: Role, organisation: string | null, account: ViewerAccount | null = null) {
    this.role = role;
    this.organisation = organisation;
    if (account) this.account = account;
  }
}
