import { Migration } from '@mikro-orm/migrations';

export class Migration20261129065956_cppcc extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "cppcc_level" as enum ('CITY', 'PROVINCE', 'NATION');`);
    this.addSql(`create type "policy_request_status" as enum ('OPEN', 'IN_PROPOSAL', 'ANSWERED');`);
    this.addSql(`create type "proposal_status" as enum ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'CONVERTED', 'ASSIGNED', 'REPLIED', 'CLOSED');`);
    this.addSql(`create type "proposer_kind" as enum ('MEMBERS', 'SECTOR', 'PARTY', 'SPECIAL_COMMITTEE');`);
    this.addSql(`create type "rejection_ground" as enum ('STATE_SECRETS', 'PENDING_LITIGATION', 'PERSONAL_REQUEST', 'VAGUE_CONTENT', 'SEVERAL_ISSUES', 'OUTSIDE_REMIT', 'ALREADY_RESOLVED', 'ACADEMIC_DISCUSSION', 'PARTY_INTERNAL', 'OTHER_CHANNEL');`);
    this.addSql(`create type "reply_result" as enum ('A', 'B', 'C');`);
    this.addSql(`create type "satisfaction" as enum ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');`);
    this.addSql(`create type "evidence_kind" as enum ('ENTERPRISE', 'INSTRUMENT', 'PORTFOLIO');`);
    this.addSql(`create table "handling_unit" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "level" "cppcc_level" not null, constraint "handling_unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "handling_unit" add constraint "handling_unit_name_unique" unique ("name");`);

    this.addSql(`create table "party" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name" text not null, constraint "party_pkey" primary key ("id"));`);
    this.addSql(`alter table "party" add constraint "party_code_unique" unique ("code");`);

    this.addSql(`create table "policy_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "title" text not null, "need" text not null, "enterprise_ids" text[] not null, "status" "policy_request_status" not null default 'OPEN', "filed_by" text not null, constraint "policy_request_pkey" primary key ("id"));`);

    this.addSql(`create table "sector" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name" text not null, constraint "sector_pkey" primary key ("id"));`);
    this.addSql(`alter table "sector" add constraint "sector_code_unique" unique ("code");`);

    this.addSql(`create table "proposal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "level" "cppcc_level" not null, "status" "proposal_status" not null default 'DRAFT', "subject" text not null, "reasons" text not null, "recommendations" text not null, "proposer_kind" "proposer_kind" not null default 'MEMBERS', "proposer_ids" text[] not null, "cosigner_ids" text[] not null, "sector_id" uuid null, "party_id" uuid null, "committee" text null, "request_ids" text[] not null, "key" boolean not null default false, "complex" boolean not null default false, "submitted_at" timestamptz null, "rejection_ground" "rejection_ground" null, "review_note" text null, "lead_unit_id" uuid null, "co_handler_ids" text[] not null, "due_date" date null, "round" smallint not null default 1, "escalated_from_id" uuid null, "drafter_id" uuid not null, constraint "proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_status_level_index" on "proposal" ("status", "level");`);

    this.addSql(`create table "proposal_reply" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "unit_id" uuid not null, "round" smallint not null, "lead" boolean not null, "result" "reply_result" not null, "text" text not null, "replied_on" date not null, "rating" "satisfaction" null, "rated_on" date null, constraint "proposal_reply_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_reply_proposal_id_round_index" on "proposal_reply" ("proposal_id", "round");`);

    this.addSql(`create table "proposal_evidence" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "kind" "evidence_kind" not null, "title" text not null, "source" jsonb not null, "snapshot" jsonb not null, "attached_at" timestamptz not null, "attached_by" text not null, constraint "proposal_evidence_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_evidence_proposal_id_index" on "proposal_evidence" ("proposal_id");`);

    this.addSql(`create table "proposal_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "at" timestamptz not null, "action" text not null, "status" "proposal_status" not null, "actor" text not null, "note" text null, constraint "proposal_event_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_event_proposal_id_at_index" on "proposal_event" ("proposal_id", "at");`);

    this.addSql(`create table "cppcc_member" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "sector_id" uuid not null, "party_id" uuid null, "levels" "cppcc_level"[] not null, constraint "cppcc_member_pkey" primary key ("id"));`);
    this.addSql(`create index "cppcc_member_sector_id_index" on "cppcc_member" ("sector_id");`);

    this.addSql(`alter table "proposal" add constraint "proposal_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "proposal" add constraint "proposal_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "proposal" add constraint "proposal_lead_unit_id_foreign" foreign key ("lead_unit_id") references "handling_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "proposal" add constraint "proposal_escalated_from_id_foreign" foreign key ("escalated_from_id") references "proposal" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "proposal_reply" add constraint "proposal_reply_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "proposal_reply" add constraint "proposal_reply_unit_id_foreign" foreign key ("unit_id") references "handling_unit" ("id") on update cascade;`);

    this.addSql(`alter table "proposal_evidence" add constraint "proposal_evidence_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "proposal_event" add constraint "proposal_event_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cppcc_member" add constraint "cppcc_member_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade;`);
    this.addSql(`alter table "cppcc_member" add constraint "cppcc_member_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "proposal" drop constraint "proposal_lead_unit_id_foreign";`);

    this.addSql(`alter table "proposal_reply" drop constraint "proposal_reply_unit_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_party_id_foreign";`);

    this.addSql(`alter table "cppcc_member" drop constraint "cppcc_member_party_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_sector_id_foreign";`);

    this.addSql(`alter table "cppcc_member" drop constraint "cppcc_member_sector_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_escalated_from_id_foreign";`);

    this.addSql(`alter table "proposal_reply" drop constraint "proposal_reply_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_evidence" drop constraint "proposal_evidence_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_event" drop constraint "proposal_event_proposal_id_foreign";`);

    this.addSql(`drop table if exists "handling_unit" cascade;`);

    this.addSql(`drop table if exists "party" cascade;`);

    this.addSql(`drop table if exists "policy_request" cascade;`);

    this.addSql(`drop table if exists "sector" cascade;`);

    this.addSql(`drop table if exists "proposal" cascade;`);

    this.addSql(`drop table if exists "proposal_reply" cascade;`);

    this.addSql(`drop table if exists "proposal_evidence" cascade;`);

    this.addSql(`drop table if exists "proposal_event" cascade;`);

    this.addSql(`drop table if exists "cppcc_member" cascade;`);

    this.addSql(`drop type "cppcc_level";`);
    this.addSql(`drop type "policy_request_status";`);
    this.addSql(`drop type "proposal_status";`);
    this.addSql(`drop type "proposer_kind";`);
    this.addSql(`drop type "rejection_ground";`);
    this.addSql(`drop type "reply_result";`);
    this.addSql(`drop type "satisfaction";`);
    this.addSql(`drop type "evidence_kind";`);
  }

}
