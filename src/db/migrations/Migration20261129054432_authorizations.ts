import { Migration } from '@mikro-orm/migrations';

export class Migration20261129054432_authorizations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "authorization_scope" as enum ('PROFILE', 'HIGH_TECH', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS', 'ELIGIBILITY');`);
    this.addSql(`create table "data_authorization" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "enterprise_id" uuid not null, "bank_id" uuid not null, "scopes" "authorization_scope"[] not null, "purpose" text not null, "valid_from" date not null, "valid_to" date not null, "signer" text not null, "paper_reference" text null, "granted_by" text not null, "revoked_at" timestamptz null, "revoked_by" text null, constraint "data_authorization_pkey" primary key ("id"));`);
    this.addSql(`create index "data_authorization_enterprise_id_index" on "data_authorization" ("enterprise_id");`);
    this.addSql(`create index "data_authorization_bank_id_enterprise_id_index" on "data_authorization" ("bank_id", "enterprise_id");`);

    this.addSql(`alter table "data_authorization" add constraint "data_authorization_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade;`);
    this.addSql(`alter table "data_authorization" add constraint "data_authorization_bank_id_foreign" foreign key ("bank_id") references "bank" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_authorization" cascade;`);

    this.addSql(`drop type "authorization_scope";`);
  }

}
