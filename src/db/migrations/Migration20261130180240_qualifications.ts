import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, item 2: the qualifications an enterprise holds (科技型中小企业, 专精特新 …), total assets in a fiscal year
 * (the 科技型中小企业 evaluation caps them), the named talent programmes with batch and year, and the uptake of the
 * 科技型中小企业 evaluation (a TECH_SME qualification). Generated, then one change by hand: programme_uptake is rebuilt
 * rather than given a value with `alter type … add value`, because migrations run in one transaction and the next one
 * inserts the programme using the new value, which PostgreSQL refuses for a value added in the same transaction.
 * talent_scheme's new values are used by no migration, so they are simply added.
 */
export class Migration20261130180240_qualifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "qualification_kind" as enum ('TECH_SME', 'INNOVATIVE_SME', 'PROVINCIAL_SPECIALISED_SME', 'LITTLE_GIANT', 'SINGLE_ITEM_CHAMPION', 'GAZELLE', 'UNICORN', 'POTENTIAL_UNICORN');`);
    this.addSql(`create table "qualification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "kind" "qualification_kind" not null, "number" text not null, "valid_from" date not null, "valid_to" date not null, "issuer" text not null, constraint "qualification_pkey" primary key ("id"));`);
    this.addSql(`create index "qualification_enterprise_id_index" on "qualification" ("enterprise_id");`);
    this.addSql(`create index "qualification_kind_valid_index" on "qualification" ("kind", "valid_to", "valid_from");`);
    this.addSql(`alter table "qualification" add constraint "qualification_kind_number_unique" unique ("kind", "number");`);

    this.addSql(`alter table "qualification" add constraint "qualification_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "fiscal_year_financials" add column "total_assets" numeric(18,2) null;`);

    this.addSql(`alter type "programme_uptake" rename to "programme_uptake_before_tech_sme";`);
    this.addSql(
      `create type "programme_uptake" as enum ('IP_PLEDGE_LOAN', 'CREDIT_LOAN', 'NEEQ_LISTING', 'TECH_INSURANCE_SUBSIDY', 'EQUITY_INCENTIVE_PLAN', 'HIGH_TECH_CERTIFICATE', 'RD_SUPER_DEDUCTION', 'TECH_SME_QUALIFICATION');`,
    );
    this.addSql(`alter table "pilot_programme" alter column "uptake" type "programme_uptake" using "uptake"::text::"programme_uptake";`);
    this.addSql(`drop type "programme_uptake_before_tech_sme";`);

    this.addSql(`alter type "talent_scheme" add value if not exists 'OPTICS_VALLEY_3551' after 'PHD_RECRUITMENT';`);

    this.addSql(`alter type "talent_scheme" add value if not exists 'WUHAN_YINGCAI' after 'OPTICS_VALLEY_3551';`);

    this.addSql(`alter type "talent_scheme" add value if not exists 'HUANGHE_YINGCAI' after 'WUHAN_YINGCAI';`);

    this.addSql(`alter type "talent_scheme" add value if not exists 'HUBEI_HUNDRED_TALENTS' after 'HUANGHE_YINGCAI';`);

    this.addSql(`alter table "talent_award" add column "batch" smallint null, add column "year" smallint null;`);
  }

  override async down(): Promise<void> {
    // The enum values added stay (PostgreSQL cannot drop a value); nothing uses them once the rows are gone.
    this.addSql(`drop table if exists "qualification" cascade;`);

    this.addSql(`alter table "fiscal_year_financials" drop column "total_assets";`);

    this.addSql(`alter table "talent_award" drop column "batch", drop column "year";`);

    this.addSql(`drop type "qualification_kind";`);
  }

}
