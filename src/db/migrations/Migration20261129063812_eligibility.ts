import { Migration } from '@mikro-orm/migrations';

export class Migration20261129063812_eligibility extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "programme_uptake" as enum ('IP_PLEDGE_LOAN', 'CREDIT_LOAN', 'NEEQ_LISTING', 'TECH_INSURANCE_SUBSIDY', 'EQUITY_INCENTIVE_PLAN', 'HIGH_TECH_CERTIFICATE', 'RD_SUPER_DEDUCTION');`);
    this.addSql(`create type "tax_credit_grade_value" as enum ('A', 'B', 'M', 'C', 'D');`);
    this.addSql(`create table "dishonest_debtor_check" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "checked_on" date not null, "listed" boolean not null, "source" text not null, constraint "dishonest_debtor_check_pkey" primary key ("id"));`);
    this.addSql(`create index "dishonest_debtor_check_enterprise_id_checked_on_index" on "dishonest_debtor_check" ("enterprise_id", "checked_on");`);

    this.addSql(`create table "credit_rating_record" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "rating" "credit_rating" not null, "agency" text not null, "rated_on" date not null, "valid_until" date not null, constraint "credit_rating_record_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_rating_record_enterprise_id_rated_on_index" on "credit_rating_record" ("enterprise_id", "rated_on");`);

    this.addSql(`create table "pilot_programme" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name" text not null, "name_en" text not null, "description" text not null, "uptake" "programme_uptake" not null, constraint "pilot_programme_pkey" primary key ("id"));`);
    this.addSql(`alter table "pilot_programme" add constraint "pilot_programme_code_unique" unique ("code");`);

    this.addSql(`create table "programme_rule_version" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "version" smallint not null, "effective_from" date not null, "criteria" jsonb not null, "note" text not null, "recorded_by" text not null, constraint "programme_rule_version_pkey" primary key ("id"));`);
    this.addSql(`create index "programme_rule_version_programme_id_effective_from_index" on "programme_rule_version" ("programme_id", "effective_from");`);
    this.addSql(`alter table "programme_rule_version" add constraint "programme_rule_version_programme_id_effective_from_unique" unique ("programme_id", "effective_from");`);
    this.addSql(`alter table "programme_rule_version" add constraint "programme_rule_version_programme_id_version_unique" unique ("programme_id", "version");`);

    this.addSql(`create table "tax_credit_grade" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "year" smallint not null, "grade" "tax_credit_grade_value" not null, "evaluated_on" date not null, constraint "tax_credit_grade_pkey" primary key ("id"));`);
    this.addSql(`alter table "tax_credit_grade" add constraint "tax_credit_grade_enterprise_id_year_unique" unique ("enterprise_id", "year");`);

    this.addSql(`alter table "dishonest_debtor_check" add constraint "dishonest_debtor_check_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "credit_rating_record" add constraint "credit_rating_record_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "programme_rule_version" add constraint "programme_rule_version_programme_id_foreign" foreign key ("programme_id") references "pilot_programme" ("id") on update cascade;`);

    this.addSql(`alter table "tax_credit_grade" add constraint "tax_credit_grade_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "financing_instrument" add column "defaulted_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programme_rule_version" drop constraint "programme_rule_version_programme_id_foreign";`);

    this.addSql(`drop table if exists "dishonest_debtor_check" cascade;`);

    this.addSql(`drop table if exists "credit_rating_record" cascade;`);

    this.addSql(`drop table if exists "pilot_programme" cascade;`);

    this.addSql(`drop table if exists "programme_rule_version" cascade;`);

    this.addSql(`drop table if exists "tax_credit_grade" cascade;`);

    this.addSql(`alter table "financing_instrument" drop column "defaulted_on";`);

    this.addSql(`drop type "programme_uptake";`);
    this.addSql(`drop type "tax_credit_grade_value";`);
  }

}
