import { Migration } from '@mikro-orm/migrations';

/**
 * Account management through GraphQL and the sign-in hardening of issue 15: failed sign-ins counted per username in
 * their own table (for usernames no account has as for the others, so a lockout reveals nothing), an `auth_epoch` that
 * a session must match (a sign-in racing with a password change cannot outlive it), the reason an account was
 * disabled, the last sign-in, whether the password must be changed, and an optimistic lock for management writes.
 * A lockout under way when this runs is lifted; sessions already open stay open (epoch 0, the accounts' own).
 */
export class Migration20261212090000_account_management extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_failure" ("username" text not null, "failed_attempts" smallint not null default 0, "window_started_at" timestamptz not null default now(), "locked_until" timestamptz null, constraint "sign_in_failure_pkey" primary key ("username"));`);
    this.addSql(`create index "sign_in_failure_window_started_at_index" on "sign_in_failure" ("window_started_at");`);

    this.addSql(`alter table "account" drop column "failed_attempts", drop column "locked_until";`);
    this.addSql(`alter table "account" add column "version" int not null default 1, add column "disabled_reason" text null, add column "must_change_password" boolean not null default false, add column "auth_epoch" int not null default 0, add column "last_signed_in_at" timestamptz null;`);

    this.addSql(`alter table "account_session" add column "auth_epoch" int not null default 0;`);
    this.addSql(`alter table "account_session" alter column "auth_epoch" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_failure" cascade;`);

    this.addSql(`alter table "account" drop column "version", drop column "disabled_reason", drop column "must_change_password", drop column "auth_epoch", drop column "last_signed_in_at";`);
    this.addSql(`alter table "account" add column "failed_attempts" smallint not null default 0, add column "locked_until" timestamptz null;`);

    this.addSql(`alter table "account_session" drop column "auth_epoch";`);
  }

}
