import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043822_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "fund_type" as enum ('ANGEL', 'VENTURE', 'PRIVATE_EQUITY', 'GUIDANCE', 'ZONE_INNOVATION_FUND');`);
    this.addSql(`create type "institution_kind" as enum ('UNIVERSITY', 'RESEARCH_INSTITUTE');`);
    this.addSql(`create type "industry" as enum ('OPTOELECTRONIC_INFORMATION', 'BIOMEDICINE', 'ENERGY_SAVING_ENVIRONMENTAL', 'HIGH_END_EQUIPMENT', 'HIGH_TECH_SERVICES', 'INTEGRATED_CIRCUITS', 'NEW_DISPLAYS', 'NEW_MATERIALS', 'NEW_ENERGY');`);
    this.addSql(`create type "enterprise_size" as enum ('LARGE', 'MEDIUM', 'SMALL', 'MICRO');`);
    this.addSql(`create type "high_tech_criteria_version" as enum ('RULES_2008', 'RULES_2016');`);
    this.addSql(`create type "incentive_form" as enum ('EQUITY_SALE', 'EQUITY_AWARD', 'STOCK_OPTION', 'RESTRICTED_STOCK', 'TECHNOLOGY_AS_CAPITAL', 'PROJECT_DIVIDEND', 'POSITION_DIVIDEND');`);
    this.addSql(`create type "plan_status" as enum ('DRAFT', 'APPROVED', 'IN_EFFECT', 'ENDED');`);
    this.addSql(`create type "patent_type" as enum ('INVENTION', 'UTILITY_MODEL', 'DESIGN');`);
    this.addSql(`create type "patent_legal_status" as enum ('PENDING', 'VALID', 'LAPSED', 'INVALIDATED', 'EXPIRED');`);
    this.addSql(`create type "project_status" as enum ('PLANNED', 'ACTIVE', 'COMPLETED', 'TERMINATED');`);
    this.addSql(`create type "participant_role" as enum ('FUNDER', 'LEAD_RESEARCH_INSTITUTION', 'PARTNER');`);
    this.addSql(`create type "project_output_kind" as enum ('PATENT', 'TRANSFERRED_ACHIEVEMENT', 'PAPER', 'STANDARD', 'PRODUCT');`);
    this.addSql(`create type "funding_source" as enum ('ENTERPRISE', 'GOVERNMENT', 'UNIVERSITY', 'TECH_TRANSFER_FUND', 'OTHER');`);
    this.addSql(`create type "instrument_kind" as enum ('NEEQ_LISTING', 'REGIONAL_OTC_LISTING', 'CREDIT_LOAN', 'IP_PLEDGE_LOAN', 'TECH_INSURANCE', 'REINSURANCE', 'COLLECTIVE_BOND', 'SME_COLLECTIVE_NOTE', 'SHORT_TERM_BILL', 'MEDIUM_TERM_NOTE', 'FUND_INVESTMENT', 'RISK_COMPENSATION');`);
    this.addSql(`create type "instrument_status" as enum ('PENDING', 'ACTIVE', 'COMPLETED', 'DEFAULTED', 'TERMINATED');`);
    this.addSql(`create type "credit_rating" as enum ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C');`);
    this.addSql(`create type "neeq_tier" as enum ('BASE', 'INNOVATION', 'SELECT');`);
    this.addSql(`create type "neeq_stage" as enum ('JOINT_STOCK_REFORM', 'FILING_ACCEPTED', 'REVIEW_FEEDBACK', 'APPROVAL_LETTER', 'LISTED', 'DELISTED', 'MOVED_BOARD');`);
    this.addSql(`create type "tech_insurance_kind" as enum ('RD_LIABILITY', 'KEY_RD_EQUIPMENT', 'BUSINESS_INTERRUPTION', 'PRODUCT_QUALITY', 'SMALL_LOAN_GUARANTEE', 'KEY_STAFF_HEALTH_ACCIDENT', 'DIRECTORS_OFFICERS', 'PATENT_ENFORCEMENT');`);
    this.addSql(`create type "claim_status" as enum ('FILED', 'PAID', 'REJECTED');`);
    this.addSql(`create type "talent_scheme" as enum ('HIGH_LEVEL_TALENT_REWARD', 'ENTREPRENEUR_TRAINING', 'RESEARCHER_PART_TIME', 'INTERNSHIP_BASE', 'PHD_RECRUITMENT');`);
    this.addSql(`create type "tax_pilot" as enum ('RD_SUPER_DEDUCTION', 'EMPLOYEE_EDUCATION_DEDUCTION', 'EQUITY_AWARD_INSTALMENTS', 'PARTNERSHIP_VC_DEDUCTION', 'TECH_TRANSFER_INCOME_RELIEF', 'CAPITALISED_RESERVE_INSTALMENTS');`);
    this.addSql(`create table "bank" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "credit_code" varchar(18) not null, "name" text not null, "name_en" text null, "partner" boolean not null default false, "planned" boolean not null default false, constraint "bank_pkey" primary key ("id"));`);
    this.addSql(`alter table "bank" add constraint "bank_credit_code_unique" unique ("credit_code");`);

    this.addSql(`create table "bank_branch" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bank_id" uuid not null, "name" text not null, "tech_sub_branch" boolean not null default false, constraint "bank_branch_pkey" primary key ("id"));`);
    this.addSql(`create index "bank_branch_bank_id_index" on "bank_branch" ("bank_id");`);
    this.addSql(`alter table "bank_branch" add constraint "bank_branch_name_unique" unique ("name");`);

    this.addSql(`create table "fund" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "manager" text not null, "type" "fund_type" not null, constraint "fund_pkey" primary key ("id"));`);
    this.addSql(`alter table "fund" add constraint "fund_name_unique" unique ("name");`);

    this.addSql(`create table "industry_cluster" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name" text not null, "name_en" text null, constraint "industry_cluster_pkey" primary key ("id"));`);
    this.addSql(`alter table "industry_cluster" add constraint "industry_cluster_code_unique" unique ("code");`);

    this.addSql(`create table "institution" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "name_en" text null, "kind" "institution_kind" not null, constraint "institution_pkey" primary key ("id"));`);
    this.addSql(`alter table "institution" add constraint "institution_name_unique" unique ("name");`);

    this.addSql(`create table "insurer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "name_en" text null, "reinsurer" boolean not null default false, constraint "insurer_pkey" primary key ("id"));`);
    this.addSql(`alter table "insurer" add constraint "insurer_name_unique" unique ("name");`);

    this.addSql(`create table "park" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name" text not null, "name_en" text null, constraint "park_pkey" primary key ("id"));`);
    this.addSql(`alter table "park" add constraint "park_code_unique" unique ("code");`);

    this.addSql(`create table "enterprise" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "credit_code" varchar(18) not null, "name" text not null, "name_en" text null, "industry" "industry" not null, "park_id" uuid not null, "cluster_id" uuid null, "founded_on" date not null, "registered_capital" numeric(18,2) not null, "size" "enterprise_size" not null, "state_owned" boolean not null default false, "university_id" uuid null, "credit_code_override_reason" text null, "credit_code_overridden_by" text null, "credit_code_overridden_at" timestamptz null, constraint "enterprise_pkey" primary key ("id"));`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "enterprise_industry_index" on "enterprise" ("industry");`);
    this.addSql(`create index "enterprise_park_id_index" on "enterprise" ("park_id");`);
    this.addSql(`create index "enterprise_cluster_id_index" on "enterprise" ("cluster_id");`);
    this.addSql(`create index "enterprise_university_id_index" on "enterprise" ("university_id");`);
    this.addSql(`create index "enterprise_registered_capital_id_index" on "enterprise" ("registered_capital", "id");`);
    this.addSql(`create index "enterprise_founded_on_id_index" on "enterprise" ("founded_on", "id");`);
    this.addSql(`create index "enterprise_search_idx" on "enterprise" using gin (innozone_ngrams("name" || ' ' || coalesce("name_en", '')));`);
    this.addSql(`create index "enterprise_credit_code_prefix_idx" on "enterprise" ("credit_code" text_pattern_ops);`);
    this.addSql(`create index "enterprise_name_zh_idx" on "enterprise" ("name" collate "zh-x-icu", "id");`);

    this.addSql(`create table "high_tech_certificate" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "number" text not null, "issued_on" date not null, "expires_on" date not null, "criteria_version" "high_tech_criteria_version" not null, constraint "high_tech_certificate_pkey" primary key ("id"));`);
    this.addSql(`create index "high_tech_certificate_enterprise_id_index" on "high_tech_certificate" ("enterprise_id");`);
    this.addSql(`alter table "high_tech_certificate" add constraint "high_tech_certificate_number_unique" unique ("number");`);

    this.addSql(`create table "fiscal_year_financials" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "enterprise_id" uuid not null, "fiscal_year" smallint not null, "revenue" numeric(18,2) not null, "rd_expense" numeric(18,2) not null, "rd_expense_in_china" numeric(18,2) not null, "high_tech_revenue" numeric(18,2) not null, "employees" int not null, "st_staff" int not null, constraint "fiscal_year_financials_pkey" primary key ("id"));`);
    this.addSql(`alter table "fiscal_year_financials" add constraint "fiscal_year_financials_enterprise_id_fiscal_year_unique" unique ("enterprise_id", "fiscal_year");`);

    this.addSql(`create table "equity_incentive_plan" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "enterprise_id" uuid not null, "title" text not null, "form" "incentive_form" not null, "status" "plan_status" not null, "approved_on" date not null, "total_equity_share" numeric(7,4) null, "profit_share" numeric(7,4) null, "pilot_key_unit" boolean not null default false, constraint "equity_incentive_plan_pkey" primary key ("id"));`);
    this.addSql(`create index "equity_incentive_plan_enterprise_id_index" on "equity_incentive_plan" ("enterprise_id");`);

    this.addSql(`create table "equity_grant" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "plan_id" uuid not null, "grantee_name" text not null, "position" text not null, "equity_share" numeric(7,4) not null, "service_years" smallint not null, "granted_on" date not null, "first_exercise_on" date null, "exercise_deadline" date null, constraint "equity_grant_pkey" primary key ("id"));`);
    this.addSql(`create index "equity_grant_plan_id_index" on "equity_grant" ("plan_id");`);

    this.addSql(`create table "patent" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "owner_id" uuid not null, "number" text not null, "type" "patent_type" not null, "title" text not null, "legal_status" "patent_legal_status" not null, "granted_on" date null, constraint "patent_pkey" primary key ("id"));`);
    this.addSql(`create index "patent_owner_id_index" on "patent" ("owner_id");`);
    this.addSql(`alter table "patent" add constraint "patent_number_unique" unique ("number");`);

    this.addSql(`create table "patent_appraisal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "patent_id" uuid not null, "appraiser" text not null, "value" numeric(18,2) not null, "appraised_on" date not null, constraint "patent_appraisal_pkey" primary key ("id"));`);
    this.addSql(`create index "patent_appraisal_patent_id_index" on "patent_appraisal" ("patent_id");`);

    this.addSql(`create table "research_project" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "title" text not null, "status" "project_status" not null, "start_date" date not null, "end_date" date null, "platform" text null, "disposal_rights_pilot" boolean not null default false, constraint "research_project_pkey" primary key ("id"));`);

    this.addSql(`create table "project_participant" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" uuid not null, "enterprise_id" uuid null, "institution_id" uuid null, "role" "participant_role" not null, constraint "project_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "project_participant_project_id_index" on "project_participant" ("project_id");`);
    this.addSql(`create index "project_participant_enterprise_id_index" on "project_participant" ("enterprise_id");`);
    this.addSql(`create index "project_participant_institution_id_index" on "project_participant" ("institution_id");`);

    this.addSql(`create table "project_output" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" uuid not null, "kind" "project_output_kind" not null, "title" text not null, "patent_id" uuid null, constraint "project_output_pkey" primary key ("id"));`);
    this.addSql(`create index "project_output_project_id_index" on "project_output" ("project_id");`);

    this.addSql(`create table "project_budget_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" uuid not null, "source" "funding_source" not null, "amount" numeric(18,2) not null, constraint "project_budget_line_pkey" primary key ("id"));`);
    this.addSql(`create index "project_budget_line_project_id_index" on "project_budget_line" ("project_id");`);

    this.addSql(`create table "risk_compensation_pool" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "manager" text not null, "contributors" text[] not null, "coverage_ratio" numeric(7,4) not null, "cap_per_loan" numeric(18,2) not null, constraint "risk_compensation_pool_pkey" primary key ("id"));`);
    this.addSql(`alter table "risk_compensation_pool" add constraint "risk_compensation_pool_name_unique" unique ("name");`);

    this.addSql(`create table "financing_instrument" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" "instrument_kind" not null, "status" "instrument_status" not null, "amount" numeric(18,2) not null, "start_date" date not null, "end_date" date null, "code" text null, "underwriter" text null, "coupon_rate" numeric(7,4) null, "tenor_months" smallint null, "rating" "credit_rating" null, "lender_id" uuid null, "lender_branch_id" uuid null, "contract_no" text null, "interest_rate" numeric(7,4) null, "term_months" smallint null, "rating_used" "credit_rating" null, "stock_code" text null, "sponsor_broker" text null, "tier" "neeq_tier" null, "stage" "neeq_stage" null, "stage_history" jsonb null, "first_batch" boolean null default false, "centre" text null, "board" text null, "custody_code" text null, "pledge_registration_no" text null, "guarantor" text null, "guarantee_share" numeric(7,4) null, "risk_compensation_share" numeric(7,4) null, "insurer_id" uuid null, "policy_no" text null, "insurance_kind" "tech_insurance_kind" null, "premium" numeric(18,2) null, "subsidy_claimed" numeric(18,2) null, "subsidy_approved" numeric(18,2) null, "reinsurer_id" uuid null, "underlying_policy_id" uuid null, "treaty_no" text null, "ceded_share" numeric(7,4) null, "fund_id" uuid null, "stake" numeric(7,4) null, "pool_id" uuid null, "covered_loan_id" uuid null, "coverage_ratio" numeric(7,4) null, constraint "financing_instrument_pkey" primary key ("id"));`);
    this.addSql(`create index "financing_instrument_kind_index" on "financing_instrument" ("kind");`);
    this.addSql(`create index "financing_instrument_lender_id_index" on "financing_instrument" ("lender_id");`);
    this.addSql(`create index "financing_instrument_insurer_id_index" on "financing_instrument" ("insurer_id");`);
    this.addSql(`create index "financing_instrument_fund_id_index" on "financing_instrument" ("fund_id");`);
    this.addSql(`create index "financing_instrument_pool_id_index" on "financing_instrument" ("pool_id");`);
    this.addSql(`create index "financing_instrument_kind_status_index" on "financing_instrument" ("kind", "status");`);

    this.addSql(`create table "risk_compensation_claim" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cover_id" uuid not null, "claimed_on" date not null, "amount" numeric(18,2) not null, "status" "claim_status" not null, "paid_amount" numeric(18,2) null, constraint "risk_compensation_claim_pkey" primary key ("id"));`);
    this.addSql(`create index "risk_compensation_claim_cover_id_index" on "risk_compensation_claim" ("cover_id");`);

    this.addSql(`create table "ip_pledge" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "loan_id" uuid not null, "patent_id" uuid not null, "appraisal_id" uuid not null, constraint "ip_pledge_pkey" primary key ("id"));`);
    this.addSql(`create index "ip_pledge_loan_id_index" on "ip_pledge" ("loan_id");`);
    this.addSql(`create index "ip_pledge_patent_id_index" on "ip_pledge" ("patent_id");`);
    this.addSql(`alter table "ip_pledge" add constraint "ip_pledge_loan_id_patent_id_unique" unique ("loan_id", "patent_id");`);

    this.addSql(`create table "instrument_holder" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "instrument_id" uuid not null, "enterprise_id" uuid not null, "share" numeric(7,4) not null, "lead" boolean not null default false, constraint "instrument_holder_pkey" primary key ("id"));`);
    this.addSql(`create index "instrument_holder_enterprise_id_instrument_id_index" on "instrument_holder" ("enterprise_id", "instrument_id");`);
    this.addSql(`alter table "instrument_holder" add constraint "instrument_holder_instrument_id_enterprise_id_unique" unique ("instrument_id", "enterprise_id");`);

    this.addSql(`create table "talent_award" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "scheme" "talent_scheme" not null, "recipient_name" text null, "amount" numeric(18,2) not null, "awarded_on" date not null, constraint "talent_award_pkey" primary key ("id"));`);
    this.addSql(`create index "talent_award_enterprise_id_index" on "talent_award" ("enterprise_id");`);

    this.addSql(`create table "tax_pilot_usage" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "pilot" "tax_pilot" not null, "fiscal_year" smallint not null, "relief_amount" numeric(18,2) not null, constraint "tax_pilot_usage_pkey" primary key ("id"));`);
    this.addSql(`alter table "tax_pilot_usage" add constraint "tax_pilot_usage_enterprise_id_pilot_fiscal_year_unique" unique ("enterprise_id", "pilot", "fiscal_year");`);

    this.addSql(`alter table "bank_branch" add constraint "bank_branch_bank_id_foreign" foreign key ("bank_id") references "bank" ("id") on update cascade;`);

    this.addSql(`alter table "enterprise" add constraint "enterprise_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_cluster_id_foreign" foreign key ("cluster_id") references "industry_cluster" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_university_id_foreign" foreign key ("university_id") references "institution" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "high_tech_certificate" add constraint "high_tech_certificate_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "fiscal_year_financials" add constraint "fiscal_year_financials_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "equity_incentive_plan" add constraint "equity_incentive_plan_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "equity_grant" add constraint "equity_grant_plan_id_foreign" foreign key ("plan_id") references "equity_incentive_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "patent" add constraint "patent_owner_id_foreign" foreign key ("owner_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "patent_appraisal" add constraint "patent_appraisal_patent_id_foreign" foreign key ("patent_id") references "patent" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_participant" add constraint "project_participant_project_id_foreign" foreign key ("project_id") references "research_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_output" add constraint "project_output_project_id_foreign" foreign key ("project_id") references "research_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_output" add constraint "project_output_patent_id_foreign" foreign key ("patent_id") references "patent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_budget_line" add constraint "project_budget_line_project_id_foreign" foreign key ("project_id") references "research_project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_lender_id_foreign" foreign key ("lender_id") references "bank" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_lender_branch_id_foreign" foreign key ("lender_branch_id") references "bank_branch" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_insurer_id_foreign" foreign key ("insurer_id") references "insurer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_reinsurer_id_foreign" foreign key ("reinsurer_id") references "insurer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_underlying_policy_id_foreign" foreign key ("underlying_policy_id") references "financing_instrument" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_pool_id_foreign" foreign key ("pool_id") references "risk_compensation_pool" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_instrument" add constraint "financing_instrument_covered_loan_id_foreign" foreign key ("covered_loan_id") references "financing_instrument" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "risk_compensation_claim" add constraint "risk_compensation_claim_cover_id_foreign" foreign key ("cover_id") references "financing_instrument" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ip_pledge" add constraint "ip_pledge_loan_id_foreign" foreign key ("loan_id") references "financing_instrument" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ip_pledge" add constraint "ip_pledge_patent_id_foreign" foreign key ("patent_id") references "patent" ("id") on update cascade;`);
    this.addSql(`alter table "ip_pledge" add constraint "ip_pledge_appraisal_id_foreign" foreign key ("appraisal_id") references "patent_appraisal" ("id") on update cascade;`);

    this.addSql(`alter table "instrument_holder" add constraint "instrument_holder_instrument_id_foreign" foreign key ("instrument_id") references "financing_instrument" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "instrument_holder" add constraint "instrument_holder_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "talent_award" add constraint "talent_award_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tax_pilot_usage" add constraint "tax_pilot_usage_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bank_branch" drop constraint "bank_branch_bank_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_lender_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_lender_branch_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_fund_id_foreign";`);

    this.addSql(`alter table "enterprise" drop constraint "enterprise_cluster_id_foreign";`);

    this.addSql(`alter table "enterprise" drop constraint "enterprise_university_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_institution_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_insurer_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_reinsurer_id_foreign";`);

    this.addSql(`alter table "enterprise" drop constraint "enterprise_park_id_foreign";`);

    this.addSql(`alter table "high_tech_certificate" drop constraint "high_tech_certificate_enterprise_id_foreign";`);

    this.addSql(`alter table "fiscal_year_financials" drop constraint "fiscal_year_financials_enterprise_id_foreign";`);

    this.addSql(`alter table "equity_incentive_plan" drop constraint "equity_incentive_plan_enterprise_id_foreign";`);

    this.addSql(`alter table "patent" drop constraint "patent_owner_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_enterprise_id_foreign";`);

    this.addSql(`alter table "instrument_holder" drop constraint "instrument_holder_enterprise_id_foreign";`);

    this.addSql(`alter table "talent_award" drop constraint "talent_award_enterprise_id_foreign";`);

    this.addSql(`alter table "tax_pilot_usage" drop constraint "tax_pilot_usage_enterprise_id_foreign";`);

    this.addSql(`alter table "equity_grant" drop constraint "equity_grant_plan_id_foreign";`);

    this.addSql(`alter table "patent_appraisal" drop constraint "patent_appraisal_patent_id_foreign";`);

    this.addSql(`alter table "project_output" drop constraint "project_output_patent_id_foreign";`);

    this.addSql(`alter table "ip_pledge" drop constraint "ip_pledge_patent_id_foreign";`);

    this.addSql(`alter table "ip_pledge" drop constraint "ip_pledge_appraisal_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_project_id_foreign";`);

    this.addSql(`alter table "project_output" drop constraint "project_output_project_id_foreign";`);

    this.addSql(`alter table "project_budget_line" drop constraint "project_budget_line_project_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_pool_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_underlying_policy_id_foreign";`);

    this.addSql(`alter table "financing_instrument" drop constraint "financing_instrument_covered_loan_id_foreign";`);

    this.addSql(`alter table "risk_compensation_claim" drop constraint "risk_compensation_claim_cover_id_foreign";`);

    this.addSql(`alter table "ip_pledge" drop constraint "ip_pledge_loan_id_foreign";`);

    this.addSql(`alter table "instrument_holder" drop constraint "instrument_holder_instrument_id_foreign";`);

    this.addSql(`drop table if exists "bank" cascade;`);

    this.addSql(`drop table if exists "bank_branch" cascade;`);

    this.addSql(`drop table if exists "fund" cascade;`);

    this.addSql(`drop table if exists "industry_cluster" cascade;`);

    this.addSql(`drop table if exists "institution" cascade;`);

    this.addSql(`drop table if exists "insurer" cascade;`);

    this.addSql(`drop table if exists "park" cascade;`);

    this.addSql(`drop table if exists "enterprise" cascade;`);

    this.addSql(`drop table if exists "high_tech_certificate" cascade;`);

    this.addSql(`drop table if exists "fiscal_year_financials" cascade;`);

    this.addSql(`drop table if exists "equity_incentive_plan" cascade;`);

    this.addSql(`drop table if exists "equity_grant" cascade;`);

    this.addSql(`drop table if exists "patent" cascade;`);

    this.addSql(`drop table if exists "patent_appraisal" cascade;`);

    this.addSql(`drop table if exists "research_project" cascade;`);

    this.addSql(`drop table if exists "project_participant" cascade;`);

    this.addSql(`drop table if exists "project_output" cascade;`);

    this.addSql(`drop table if exists "project_budget_line" cascade;`);

    this.addSql(`drop table if exists "risk_compensation_pool" cascade;`);

    this.addSql(`drop table if exists "financing_instrument" cascade;`);

    this.addSql(`drop table if exists "risk_compensation_claim" cascade;`);

    this.addSql(`drop table if exists "ip_pledge" cascade;`);

    this.addSql(`drop table if exists "instrument_holder" cascade;`);

    this.addSql(`drop table if exists "talent_award" cascade;`);

    this.addSql(`drop table if exists "tax_pilot_usage" cascade;`);

    this.addSql(`drop type "fund_type";`);
    this.addSql(`drop type "institution_kind";`);
    this.addSql(`drop type "industry";`);
    this.addSql(`drop type "enterprise_size";`);
    this.addSql(`drop type "high_tech_criteria_version";`);
    this.addSql(`drop type "incentive_form";`);
    this.addSql(`drop type "plan_status";`);
    this.addSql(`drop type "patent_type";`);
    this.addSql(`drop type "patent_legal_status";`);
    this.addSql(`drop type "project_status";`);
    this.addSql(`drop type "participant_role";`);
    this.addSql(`drop type "project_output_kind";`);
    this.addSql(`drop type "funding_source";`);
    this.addSql(`drop type "instrument_kind";`);
    this.addSql(`drop type "instrument_status";`);
    this.addSql(`drop type "credit_rating";`);
    this.addSql(`drop type "neeq_tier";`);
    this.addSql(`drop type "neeq_stage";`);
    this.addSql(`drop type "tech_insurance_kind";`);
    this.addSql(`drop type "claim_status";`);
    this.addSql(`drop type "talent_scheme";`);
    this.addSql(`drop type "tax_pilot";`);
  }

}
