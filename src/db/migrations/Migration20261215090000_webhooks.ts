import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17, item 5: webhooks.
 *
 * - `webhook`: a URL an organization's systems receive its events at: its owner written as notifications name a
 *   recipient (role, organization), the event kinds it takes, and its secret encrypted (AES-256-GCM: it must be read
 *   back to sign deliveries).
 * - `webhook_delivery`: one per event and webhook (unique: a relay run twice, or on two instances, writes one),
 *   written by the relay in the transaction that relays the event; its status and every attempt (`attempt_log`);
 *   `queued_at` null until its pg-boss job (id `job_id`) is enqueued.
 * - `webhook_settings`: one row, the allow-list the zone administrator sets, read by every instance.
 */
export class Migration20261215090000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhook" (
      "id" uuid not null default gen_random_uuid(),
      "owner_role" text not null,
      "owner_org" text null,
      "url" text not null,
      "events" text[] not null,
      "secret_ciphertext" bytea not null,
      "disabled_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "created_by" text not null,
      "updated_at" timestamptz not null default now(),
      constraint "webhook_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_owner_index" on "webhook" ("owner_role", "owner_org");`);

    this.addSql(`create table "webhook_delivery" (
      "id" uuid not null default gen_random_uuid(),
      "webhook_id" uuid not null,
      "event_id" uuid not null,
      "job_id" uuid not null default gen_random_uuid(),
      "queued_at" timestamptz null,
      "status" text not null default 'PENDING',
      "attempt_log" jsonb not null default '[]',
      "created_at" timestamptz not null default now(),
      "delivered_at" timestamptz null,
      "dead_at" timestamptz null,
      constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_webhook_index" on "webhook_delivery" ("webhook_id", "created_at");`);
    // What the relay has still to hand to pg-boss.
    this.addSql(`create index "webhook_delivery_waiting_index" on "webhook_delivery" ("created_at") where "queued_at" is null;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_webhook_unique" unique ("event_id", "webhook_id");`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "webhook" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "outbox_event" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`create table "webhook_settings" (
      "id" boolean not null default true,
      "allow_list" text[] not null default '{}',
      "updated_at" timestamptz null,
      "updated_by" text null,
      constraint "webhook_settings_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery";`);
    this.addSql(`drop table if exists "webhook";`);
    this.addSql(`drop table if exists "webhook_settings";`);
  }
}
