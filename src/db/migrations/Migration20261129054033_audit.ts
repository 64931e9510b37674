import { Migration } from '@mikro-orm/migrations';

export class Migration20261129054033_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("seq" bigserial primary key, "at" timestamptz not null default now(), "actor_role" text not null, "actor_org" text null, "operation" text not null, "enterprise_id" uuid null, "purpose" text null, "authorization_id" uuid null, "outcome" text not null, "details" jsonb null, "prev_hash" text not null, "hash" text not null);`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_enterprise_id_seq_index" on "audit_event" ("enterprise_id", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
