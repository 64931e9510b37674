import { Migration } from '@mikro-orm/migrations';

/**
 * Receipts of eligibility answers to banks (issue 13, item 4): each answer as it was served, with the facts the
 * criteria read, so a disputed decision is settled by what the bank saw. Immutable in PostgreSQL itself, like the
 * audit trail: a trigger refuses UPDATE, DELETE and TRUNCATE to anyone (the runtime role has neither UPDATE nor
 * DELETE either: src/db/runtime-role.ts). No foreign keys: a receipt outlives what it was about, and nothing done to
 * the registry (a truncate cascading from an enterprise, a rule version removed) may reach it.
 */
export class Migration20261201090000_eligibility_receipts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "eligibility_receipt" ("id" uuid not null, "created_at" timestamptz not null default now(), "viewer_role" text not null, "viewer_org" text null, "programme" text not null, "rule_version_id" uuid not null, "rule_version" smallint not null, "rules_effective_from" date not null, "as_of" date not null, "credit_code" text not null, "enterprise_id" uuid null, "authorization_id" uuid null, "answer" jsonb not null, "facts" jsonb not null, constraint "eligibility_receipt_pkey" primary key ("id"));`);
    this.addSql(`create index "eligibility_receipt_viewer_org_created_at_index" on "eligibility_receipt" ("viewer_org", "created_at");`);
    this.addSql(`
      create function innozone_receipt_refuse() returns trigger language plpgsql as \$\$
      begin
        raise exception 'eligibility_receipt is immutable: % is refused', tg_op using errcode = 'insufficient_privilege';
      end
      \$\$;`);
    this.addSql(`create trigger eligibility_receipt_immutable before update or delete on eligibility_receipt
      for each row execute function innozone_receipt_refuse();`);
    this.addSql(`create trigger eligibility_receipt_no_truncate before truncate on eligibility_receipt
      for each statement execute function innozone_receipt_refuse();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "eligibility_receipt" cascade;');
    this.addSql('drop function if exists innozone_receipt_refuse();');
  }
}
