import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';

/**
 * A person's account (issue 15): a username and an argon2id hash of the password, bound to a role and, where the
 * role has one, the organization it acts for (named as a token's `org` is: a credit code, or a member's or unit's
 * global id), checked on every request as tokens are. Disabled, never deleted: the audit trail names its actor.
 * Failed sign-ins are counted per username in `sign_in_failure`, for names no account has as for those one has.
 */
@ObjectType({
  implements: Node,
  description:
    'An account a person signs in with (username and password, POST /auth/sign-in): bound to a role and, for the roles that ' +
    'act for one, an organization. Administrators see every account and manage those of bank officers, enterprise ' +
    'representatives, handling units and the CPPCC proposals office; the office sees and manages those of CPPCC members. ' +
    'Never the password or its hash.',
})
@Entity({ tableName: 'account' })
export class Account extends BaseEntity {
  /**
   * Optimistic lock of the writes made through the unit of work (creating, disabling, enabling, resetting: two at once,
   * the second is told the first won). Sign-ins write with single statements and leave it alone. Not in the schema.
   */
  @Property({ version: true })
  version!: number;

  /** Trimmed, NFKC-normalized and lower-cased, so `Admin` and `admin` are one account. */
  @Field({ description: 'What the person signs in with: 2 to 32 letters, digits, ".", "_" or "-", lower case (Admin and admin are one account).' })
  @Property({ type: 'text' })
  @Unique()
  username!: string;

  @Field({ description: 'The person’s name as shown (e.g. 王伟).' })
  @Property({ type: 'text' })
  displayName!: string;

  /** argon2id, in its PHC string form ($argon2id$v=19$m=…,t=…,p=…$salt$hash). Never served: no GraphQL field has it. */
  @Property({ type: 'text' })
  passwordHash!: string;

  @Field(() => Role, { description: 'The role the account signs in as.' })
  @Enum({ items: () => Role })
  role!: Role;

  /** What it acts for, as a token's `org` names it (see `Account.organization` in the schema). */
  @Property({ type: 'text', nullable: true })
  organization: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was disabled; null while it may sign in.' })
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled, as given to disableAccount; null while enabled, and for one disabled from the shell.' })
  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  @Field(() => DateTimeScalar, { description: 'When its password was last set: by its holder, or by whoever created the account or reset its password.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  passwordChangedAt: Date = new Date();

  /**
   * The password was chosen by someone else (an administrator or the office creating the account or resetting its
   * password): until its holder changes it, a session of the account answers nothing but the change (POST /auth/password).
   */
  @Field(() => Boolean, {
    name: 'isPasswordChangeRequired',
    description:
      'The password was set by whoever created the account or reset it: until its holder changes it (POST /auth/password), ' +
      'a session of the account may do nothing else.',
  })
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  /**
   * Bumped whenever every session must end (a password changed or reset, the account disabled or enabled). A session
   * keeps the value its sign-in read before checking the password and counts only while the two agree, so a sign-in
   * racing with such a change cannot outlive it.
   */
  @Property({ type: 'integer', default: 0 })
  authEpoch: number = 0;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it last signed in; null if it never has.' })
  @Property({ type: 'datetime', nullable: true })
  lastSignedInAt: Date | null = null;

  /** Who created it, as an actor is stored (`ROLE` or `ROLE:organization`; `shell` for `npm run user`, `seed` for the demo). */
  @Property({ type: 'text' })
  createdBy!: string;

  @Field(() => Boolean, { description: 'Disabled: it cannot sign in, and its sessions have ended.' })
  get isDisabled(): boolean {
    return this.disabledAt !== null;
  }
}

/**
 * A signed-in session: its cookie holds a random id, the table only its SHA-256, so a read of the table signs no one
 * in. Ends when signed out, idle past its idle limit, past its absolute limit, when the account is disabled or its
 * password changed (its rows are deleted then, and its `authEpoch` no longer matches the account's), or when the
 * account signs in an eleventh time (the oldest goes).
 */
@Entity({ tableName: 'account_session' })
export class AccountSession {
  @PrimaryKey({ type: 'text' })
  idHash!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  @Index()
  account!: Account;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  /** The absolute end, however active the session. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** The account's `authEpoch` as its sign-in read it: the session counts only while the account's is the same. */
  @Property({ type: 'integer' })
  authEpoch!: number;
}

/**
 * Failed sign-ins under one username, whether or not an account has it: counted and locked alike, so how sign-in
 * answers (401, or 429 once locked) tells nothing about which usernames exist. Five failures within fifteen minutes of
 * the first lock the username for fifteen minutes; a success clears the row; rows past both their window and their
 * lock are purged.
 */
@Entity({ tableName: 'sign_in_failure' })
export class SignInFailure {
  /** Normalized as Account.username is. */
  @PrimaryKey({ type: 'text' })
  username!: string;

  /** Failures since `windowStartedAt` (0 right after a lock). */
  @Property({ type: 'smallint', default: 0 })
  failedAttempts: number = 0;

  /** The first failure of the current window. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Index()
  windowStartedAt: Date = new Date();

  /** Sign-in refused until then. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;
}
