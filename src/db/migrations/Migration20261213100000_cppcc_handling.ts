import { Migration } from '@mikro-orm/migrations';

/**
 * CPPCC handling as practised (issue 16, part A2): merging (并案), split handling (分办) with every lead unit in
 * `lead_unit_ids`, co-handler opinions (会办意见) instead of categorized co-handler replies, the start of each round
 * (for the opinions' window and re-handling), whether a reply was on time, and every proposer's rating of a reply
 * (attitude and result separately) in `reply_rating`. Existing rows are carried over: the lead unit becomes the only
 * lead unit, co-handlers' replies become their opinions, each rated reply gets its rating (attitude and result as the
 * overall rating, by the member who rated it as the timeline says).
 */
export class Migration20261213100000_cppcc_handling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reply_rating" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "reply_id" uuid not null, "proposal_id" uuid not null, "rating" "satisfaction" not null, "attitude" "satisfaction" not null, "result" "satisfaction" not null, "rated_on" date not null, "rated_by" text not null, constraint "reply_rating_pkey" primary key ("id"));`);
    this.addSql(`create index "reply_rating_reply_id_index" on "reply_rating" ("reply_id");`);
    this.addSql(`alter table "reply_rating" add constraint "reply_rating_reply_id_proposal_id_unique" unique ("reply_id", "proposal_id");`);

    this.addSql(`create table "co_handler_opinion" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "unit_id" uuid not null, "round" smallint not null, "text" text not null, "submitted_on" date not null, "is_late" boolean not null, constraint "co_handler_opinion_pkey" primary key ("id"));`);
    this.addSql(`create index "co_handler_opinion_proposal_id_round_index" on "co_handler_opinion" ("proposal_id", "round");`);

    this.addSql(`alter table "reply_rating" add constraint "reply_rating_reply_id_foreign" foreign key ("reply_id") references "proposal_reply" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reply_rating" add constraint "reply_rating_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "co_handler_opinion" add constraint "co_handler_opinion_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "co_handler_opinion" add constraint "co_handler_opinion_unit_id_foreign" foreign key ("unit_id") references "handling_unit" ("id") on update cascade;`);

    this.addSql(`alter type "proposal_status" add value if not exists 'MERGED' after 'CLOSED';`);
    this.addSql(`alter type "proposal_action" add value if not exists 'CO_HANDLER_OPINION_SUBMITTED' after 'CO_HANDLER_REPLIED';`);
    this.addSql(`alter type "proposal_action" add value if not exists 'MERGED' after 'CO_HANDLER_OPINION_SUBMITTED';`);
    this.addSql(`alter type "proposal_action" add value if not exists 'MERGED_IN' after 'MERGED';`);

    this.addSql(`alter table "proposal" add column "lead_unit_ids" text[] not null default '{}', add column "round_started_on" date null, add column "merged_into_id" uuid null;`);
    this.addSql(`alter table "proposal" add constraint "proposal_merged_into_id_foreign" foreign key ("merged_into_id") references "proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "proposal_reply" add column "is_on_time" boolean null;`);

    // The one lead unit; the current round's start: its assignment, or the dissatisfied rating that began it.
    this.addSql(`update "proposal" set "lead_unit_ids" = array["lead_unit_id"::text] where "lead_unit_id" is not null;`);
    this.addSql(`alter table "proposal" alter column "lead_unit_ids" drop default;`);
    this.addSql(`update "proposal" p set "round_started_on" = (
      select (e.occurred_at at time zone 'Asia/Shanghai')::date from "proposal_event" e
      where e.proposal_id = p.id and (e.action = 'ASSIGNED' or e.action = 'RATED_DISSATISFIED')
      order by e.occurred_at desc limit 1)
      where p.lead_unit_id is not null;`);
    // On time: known for the current round's replies, whose due date is the proposal's.
    this.addSql(`update "proposal_reply" r set "is_on_time" = r.replied_on <= p.due_on from "proposal" p where p.id = r.proposal_id and r.round = p.round and p.due_on is not null;`);
    // Co-handlers' replies become their opinions (their category is no longer one); not late: no window applied then.
    this.addSql(`insert into "co_handler_opinion" ("id", "created_at", "updated_at", "proposal_id", "unit_id", "round", "text", "submitted_on", "is_late")
      select "id", "created_at", "updated_at", "proposal_id", "unit_id", "round", "text", "replied_on", false from "proposal_reply" where not "is_lead";`);
    this.addSql(`delete from "proposal_reply" where not "is_lead";`);
    // Every rating given, by its proposal's proposers: the member of the timeline's rating step of that round.
    this.addSql(`insert into "reply_rating" ("id", "created_at", "updated_at", "reply_id", "proposal_id", "rating", "attitude", "result", "rated_on", "rated_by")
      select gen_random_uuid(), now(), now(), r.id, r.proposal_id, r.rating, r.rating, r.rating, r.rated_on,
             coalesce((select e.actor from "proposal_event" e
                       where e.proposal_id = r.proposal_id and e.action::text like 'RATED_%' and e.occurred_at >= r.created_at
                       order by e.occurred_at limit 1), 'CPPCC_MEMBER')
      from "proposal_reply" r where r.rating is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`insert into "proposal_reply" ("id", "created_at", "updated_at", "proposal_id", "unit_id", "round", "is_lead", "category", "text", "replied_on")
      select "id", "created_at", "updated_at", "proposal_id", "unit_id", "round", false, 'FOR_REFERENCE', "text", "submitted_on" from "co_handler_opinion";`);
    this.addSql(`drop table if exists "reply_rating" cascade;`);
    this.addSql(`drop table if exists "co_handler_opinion" cascade;`);
    this.addSql(`alter table "proposal" drop constraint "proposal_merged_into_id_foreign";`);
    this.addSql(`alter table "proposal" drop column "lead_unit_ids", drop column "round_started_on", drop column "merged_into_id";`);
    this.addSql(`alter table "proposal_reply" drop column "is_on_time";`);
  }
}
