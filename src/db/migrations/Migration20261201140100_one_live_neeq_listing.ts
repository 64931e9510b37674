import { Migration } from '@mikro-orm/migrations';

/**
 * A company holds at most one live NEEQ listing (under way or listed), enforced by PostgreSQL (issue 13): the listed
 * company is kept on the listing's row (its sole holder) and a partial unique index takes one live listing per
 * company, and an application may be withdrawn (WITHDRAWN) so a stalled one does not bar the company. A unique index, not an exclusion constraint: "live" is a status, not a period, and concurrent inserts
 * under a unique index wait for each other and fail plainly instead of deadlocking. Existing listings take their
 * holder; of two live listings of one company, all but the one furthest on are ended (see below).
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
    // A registry holding two live listings of one company (the demo before this change had four such companies) keeps
    // the one furthest on (listed before under way, then the one begun last) and ends the others, naming them in the
    // server's log: refusing to migrate would leave `npm start` unable to start, and with it the API that could end
    // them. TERMINATED, since the stage WITHDRAWN added above cannot be used in the transaction that adds it.
    this.addSql(`
      do $$
      declare ended text;
      begin
        with live as (
          select i.id, row_number() over (partition by i.listed_company_id order by (i.status = 'ACTIVE') desc, i.start_date desc, i.id) as n
          from financing_instrument i where i.kind = 'NEEQ_LISTING' and i.status in ('PENDING', 'ACTIVE') and i.listed_company_id is not null
        ), closed as (
          update financing_instrument i set status = 'TERMINATED', end_date = coalesce(i.end_date, greatest(i.start_date, current_date)),
                 version = i.version + 1, updated_at = now()
          from live where live.id = i.id and live.n > 1
          returning i.listed_company_id
        )
        select string_agg(distinct e.credit_code, ', ') into ended from closed c join enterprise e on e.id = c.listed_company_id;
        if ended is not null then
          raise notice 'NEEQ: a company holds one live listing; the others of % were ended (TERMINATED)', ended;
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
