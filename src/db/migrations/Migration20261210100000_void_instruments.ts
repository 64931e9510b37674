import { Migration } from '@mikro-orm/migrations';

/**
 * Instruments recorded wrongly are voided, not deleted (issue 14, item 8): an instrument keeps when it was voided and
 * why, and its pledges (an IP-pledge loan's) when they were voided with it. A voided instrument is no instrument any
 * more: it does not hold a company's one live NEEQ listing, and a voided pledge does not keep its patent from being
 * pledged under the loan recorded in its place, so both constraints leave voided rows out.
 */
export class Migration20261210100000_void_instruments extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "financing_instrument" add column "voided_at" timestamptz null, add column "void_reason" text null;');
    this.addSql('alter table "ip_pledge" add column "voided_at" timestamptz null;');
    this.addSql('drop index "neeq_listing_one_live";');
    this.addSql(
      `create unique index "neeq_listing_one_live" on "financing_instrument" ("listed_company_id") where "kind" = 'NEEQ_LISTING' and "status" in ('PENDING', 'ACTIVE') and "voided_at" is null;`,
    );
    this.addSql('alter table "ip_pledge" drop constraint "ip_pledge_registrations_apart";');
    this.addSql(
      `alter table "ip_pledge" add constraint "ip_pledge_registrations_apart" exclude using gist ("patent_id" with =, daterange("registered_on", "cancelled_on", '[)') with &&) where ("voided_at" is null);`,
    );
  }

  override async down(): Promise<void> {
    // Voided rows would break the constraints they were left out of: they go first.
    this.addSql('delete from "financing_instrument" where "voided_at" is not null;');
    this.addSql('alter table "ip_pledge" drop constraint "ip_pledge_registrations_apart";');
    this.addSql(
      `alter table "ip_pledge" add constraint "ip_pledge_registrations_apart" exclude using gist ("patent_id" with =, daterange("registered_on", "cancelled_on", '[)') with &&);`,
    );
    this.addSql('drop index "neeq_listing_one_live";');
    this.addSql(
      `create unique index "neeq_listing_one_live" on "financing_instrument" ("listed_company_id") where "kind" = 'NEEQ_LISTING' and "status" in ('PENDING', 'ACTIVE');`,
    );
    this.addSql('alter table "ip_pledge" drop column "voided_at";');
    this.addSql('alter table "financing_instrument" drop column "voided_at", drop column "void_reason";');
  }
}
