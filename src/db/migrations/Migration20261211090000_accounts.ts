import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts people sign in with (issue 15): a username, an argon2id hash, a role and the organization it acts for;
 * and their sessions, kept by the SHA-256 of the id their cookie holds.
 */
export class Migration20261211090000_accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "username" text not null, "display_name" text not null, "password_hash" text not null, "role" text check ("role" in ('ZONE_ADMIN', 'CPPCC_MEMBER', 'CPPCC_OFFICE', 'HANDLING_UNIT', 'BANK_OFFICER', 'ENTERPRISE_REP')) not null, "organization" text null, "failed_attempts" smallint not null default 0, "locked_until" timestamptz null, "disabled_at" timestamptz null, "password_changed_at" timestamptz not null default now(), "created_by" text not null, constraint "account_pkey" primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_username_unique" unique ("username");`);

    this.addSql(`create table "account_session" ("id_hash" text not null, "account_id" uuid not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, constraint "account_session_pkey" primary key ("id_hash"));`);
    this.addSql(`create index "account_session_account_id_index" on "account_session" ("account_id");`);

    this.addSql(`alter table "account_session" add constraint "account_session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account_session" drop constraint "account_session_account_id_foreign";`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "account_session" cascade;`);
  }

}
