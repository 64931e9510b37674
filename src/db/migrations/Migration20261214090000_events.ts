import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17, items 1 and 4: the outbox and the notifications.
 *
 * - `outbox_event`: every state change worth telling, written in the transaction of the change (a mutation's, an
 *   import's, a sweep's), so nothing is announced that did not happen and nothing that happened is lost. It names its
 *   subject (a proposal, an authorization, an import, an enterprise) so policy can be applied per event; `seq` orders
 *   them; `relayed_at` is set by the relay (src/events/relay.ts) in the transaction that writes its notifications.
 *   `dedupe_key` is unique: a sweep run twice, or on two instances, makes one event.
 * - A statement-level trigger notifies `innozone_outbox` on insert: PostgreSQL delivers it at commit only (never for a
 *   rolled-back change), which wakes the relay of every instance listening at once.
 * - `notification`: one per event and recipient (a role, and the organization or account it is addressed to, null for
 *   every one of the role); unique, so a relay that ran twice still wrote each once.
 */
export class Migration20261214090000_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" (
      "id" uuid not null default gen_random_uuid(),
      "seq" bigserial,
      "kind" text not null,
      "proposal_id" uuid null,
      "authorization_id" uuid null,
      "import_id" uuid null,
      "enterprise_id" uuid null,
      "occurred_at" timestamptz not null default now(),
      "payload" jsonb not null default '{}',
      "relayed_at" timestamptz null,
      "dedupe_key" text null,
      constraint "outbox_event_pkey" primary key ("id"),
      constraint "outbox_event_dedupe_key_unique" unique ("dedupe_key"),
      constraint "outbox_event_seq_unique" unique ("seq"));`);
    for (const [column, table] of [['proposal_id', 'proposal'], ['authorization_id', 'data_authorization'], ['import_id', 'data_import'], ['enterprise_id', 'enterprise']]) {
      this.addSql(
        `alter table "outbox_event" add constraint "outbox_event_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade on delete cascade;`,
      );
    }
    this.addSql(`create index "outbox_event_unrelayed_index" on "outbox_event" ("seq") where "relayed_at" is null;`);
    this.addSql(`create index "outbox_event_proposal_id_index" on "outbox_event" ("proposal_id") where "proposal_id" is not null;`);
    this.addSql(`create or replace function "outbox_event_notify"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('innozone_outbox', '');
        return null;
      end $$;`);
    this.addSql(`create trigger "outbox_event_notify" after insert on "outbox_event" for each statement execute function "outbox_event_notify"();`);

    this.addSql(`create table "notification" (
      "id" uuid not null default gen_random_uuid(),
      "event_id" uuid not null,
      "recipient_role" text not null,
      "recipient_org" text null,
      "recipient_account" uuid null,
      "created_at" timestamptz not null default now(),
      "read_at" timestamptz null,
      constraint "notification_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "notification" add constraint "notification_event_id_foreign" foreign key ("event_id") references "outbox_event" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create unique index "notification_event_recipient_unique" on "notification" ("event_id", "recipient_role", "recipient_org", "recipient_account") nulls not distinct;`,
    );
    // The read path: a viewer's notifications, newest event first.
    this.addSql(`create index "notification_recipient_index" on "notification" ("recipient_role", "recipient_org", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification";`);
    this.addSql(`drop trigger if exists "outbox_event_notify" on "outbox_event";`);
    this.addSql(`drop function if exists "outbox_event_notify"();`);
    this.addSql(`drop table if exists "outbox_event";`);
  }
}
