import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';

/**
 * A person's account (issue 15): a username and an argon2id hash of the password, bound to a role and, where the
 * role has one, the organization it acts for (named as a token's `org` is: a credit code, or a member's or unit's
 * global id), checked on every request as tokens are. Disabled, never deleted: the audit trail names its actor.
 */
@Entity({ tableName: 'account' })
export class Account extends BaseEntity {
  /** Trimmed, NFKC-normalized and lower-cased, so `Admin` and `admin` are one account. */
  @Property({ type: 'text' })
  @Unique()
  username!: string;

  /** The person's name as shown (e.g. 王伟). */
  @Property({ type: 'text' })
  displayName!: string;

  /** argon2id, in its PHC string form ($argon2id$v=19$m=…,t=…,p=…$salt$hash). Never served: no GraphQL type has it. */
  @Property({ type: 'text' })
  passwordHash!: string;

  @Enum({ items: () => Role })
  role!: Role;

  @Property({ type: 'text', nullable: true })
  organization: string | null = null;

  /** Failed sign-ins since the last success or lockout. */
  @Property({ type: 'smallint', default: 0 })
  failedAttempts: number = 0;

  /** Sign-in refused until then, after too many failures in a row. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  passwordChangedAt: Date = new Date();

  /** Who created it, as an actor is stored (`ROLE` or `ROLE:organization`; `shell` for `npm run user`). */
  @Property({ type: 'text' })
  createdBy!: string;
}

/**
 * A signed-in session: its cookie holds a random id, the table only its SHA-256, so a read of the table signs no one
 * in. Ends when signed out, idle past its idle limit, past its absolute limit, or when the account is disabled or its
 * password changed (its rows are deleted then).
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
}
