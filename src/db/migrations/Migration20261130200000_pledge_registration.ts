import { Migration } from '@mikro-orm/migrations';

/**
 * A pledge ends when its registration is cancelled (注销登记), not by the status of its loan (issue 13): recording
 * counted only pending and outstanding loans as holding a pledge, eligibility also defaulted ones, and both let a
 * pledge end with the loan's end date. Pledges get the day they were registered and the day their registration was
 * cancelled, and both places read those.
 *
 * Existing pledges: registered on their loan's start date; cancelled on its end date when the loan was repaid or
 * terminated (the bank cancels the registration then), still registered otherwise (a defaulted loan's bank holds the
 * pledge). Where two registrations of one patent would then overlap, the earlier is taken as cancelled the day the
 * later was registered (the patent office would not have registered the second otherwise). Then PostgreSQL keeps
 * registrations of one patent apart.
 */
export class Migration20261130200000_pledge_registration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "ip_pledge" add column "registered_on" date null, add column "cancelled_on" date null;');
    this.addSql(
      `update "ip_pledge" p set "registered_on" = i."start_date",
              "cancelled_on" = case when i."status" in ('COMPLETED', 'TERMINATED') then greatest(coalesce(i."end_date", i."updated_at"::date), i."start_date" + 1) end
       from "financing_instrument" i where i."id" = p."loan_id";`,
    );
    this.addSql(
      `update "ip_pledge" p set "cancelled_on" = n."next_registered"
       from (select "id", lead("registered_on") over (partition by "patent_id" order by "registered_on", "id") as "next_registered" from "ip_pledge") n
       where n."id" = p."id" and n."next_registered" is not null and (p."cancelled_on" is null or p."cancelled_on" > n."next_registered");`,
    );
    this.addSql('alter table "ip_pledge" alter column "registered_on" set not null;');
    this.addSql('alter table "ip_pledge" add constraint "ip_pledge_cancelled_after_registered" check ("cancelled_on" >= "registered_on");');
    this.addSql(
      `alter table "ip_pledge" add constraint "ip_pledge_registrations_apart" exclude using gist ("patent_id" with =, daterange("registered_on", "cancelled_on", '[)') with &&);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table "ip_pledge" drop constraint "ip_pledge_registrations_apart";');
    this.addSql('alter table "ip_pledge" drop constraint "ip_pledge_cancelled_after_registered";');
    this.addSql('alter table "ip_pledge" drop column "registered_on", drop column "cancelled_on";');
  }
}
