import { Migration } from '@mikro-orm/migrations';

/**
 * A company holds at most one live NEEQ listing (under way or listed), enforced by PostgreSQL (issue 13): the listed
 * company is kept on the listing's row (its sole holder) and a partial unique index takes one live listing per
 * company, and an application may be withdrawn (WITHDRAWN) so a stalled one does not bar the company. A unique index, not an exclusion constraint: "live" is a status, not a period, and concurrent inserts
 * under a unique index wait for each other and fail plainly instead of deadlocking. Existing listings take their
 * holder; a registry holding two live listings of one company stops here, naming them, for someone to end the wrong
 * one (which is the registry's fact to correct, not the migration's).
 */
export class Migration20261201140100_one_live_neeq_listing extends Migration {
  override async up(): Promise<void> {
    // An application may end before listing (终止挂牌申请): without it, one stalled application would bar the company.
    this.addSql(`alter type "neeq_stage" add value if not exists 'WITHDRAWN';`);
    this.addSql('alter table "financing_instrument" add column "listed_company_id" uuid null;');
    this.addSql(
      `alter table "financing_instrument" add constraint "financing_instrument_listed_company_id_foreign" foreign key ("listed_company_id") references "enterprise" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `update "financing_instrument" i set "listed_company_id" = h."enterprise_id" from "instrument_holder" h where h."instrument_id" = i."id" and i."kind" = 'NEEQ_LISTING';`,
    );
    this.addSql(`
      do $$
      declare twice text;
      begin
        select string_agg(e.credit_code, ', ') into twice from (
          select listed_company_id from financing_instrument
          where kind = 'NEEQ_LISTING' and status in ('PENDING', 'ACTIVE') group by listed_company_id having count(*) > 1
        ) d join enterprise e on e.id = d.listed_company_id;
        if twice is not null then
          raise exception 'Companies with more than one live NEEQ listing: %. End all but one (advanceNeeqStage) before migrating.', twice;
        end if;
      end $$;`);
    this.addSql(
      `create unique index "neeq_listing_one_live" on "financing_instrument" ("listed_company_id") where "kind" = 'NEEQ_LISTING' and "status" in ('PENDING', 'ACTIVE');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index "neeq_listing_one_live";');
    this.addSql('alter table "financing_instrument" drop constraint "financing_instrument_listed_company_id_foreign";');
    this.addSql('alter table "financing_instrument" drop column "listed_company_id";');
    // PostgreSQL drops no enum value: WITHDRAWN stays in neeq_stage, unused by the older code.
  }
}
