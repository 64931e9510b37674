import { Migration } from '@mikro-orm/migrations';

/**
 * Equity incentive plans as 财资〔2016〕4号 writes them (issue 13): what its caps read and were not recorded. A plan
 * gains its last day, a project dividend's basis, an award plan's three-year net-asset increase and a position
 * dividend's staff in post; a grant its matched purchase, award value, whether the person is key technical staff,
 * years in post, dividend and pay. A dividend grant grants no equity, so `equity_share` becomes nullable. Rows recorded
 * before keep null (or false) in the new columns: nothing is guessed for them, and restricted stock and technology as
 * capital, which 4号 does not provide for, stay readable in the enum while new state-owned plans are refused them.
 */
export class Migration20261202090000_incentive_plans_as_written extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "project_dividend_basis" as enum ('TRANSFER_OR_LICENCE', 'INVESTMENT', 'INDUSTRIALISATION');`);
    this.addSql(`alter table "equity_incentive_plan" add column "ends_on" date null, add column "project_basis" "project_dividend_basis" null,
      add column "net_asset_increase" numeric(18,2) null, add column "staff_in_post" int null;`);
    this.addSql(`alter table "equity_grant" alter column "equity_share" drop not null, add column "purchased_share" numeric(7,4) null,
      add column "award_value" numeric(18,2) null, add column "key_technical" boolean not null default false,
      add column "years_in_post" smallint null, add column "dividend_amount" numeric(18,2) null, add column "annual_pay" numeric(18,2) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "equity_grant" drop column "purchased_share", drop column "award_value", drop column "key_technical",
      drop column "years_in_post", drop column "dividend_amount", drop column "annual_pay";`);
    this.addSql(`update "equity_grant" set "equity_share" = 0 where "equity_share" is null;`);
    this.addSql(`alter table "equity_grant" alter column "equity_share" set not null;`);
    this.addSql(`alter table "equity_incentive_plan" drop column "ends_on", drop column "project_basis", drop column "net_asset_increase", drop column "staff_in_post";`);
    this.addSql(`drop type "project_dividend_basis";`);
  }
}
