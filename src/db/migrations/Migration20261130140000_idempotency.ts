import { Migration } from '@mikro-orm/migrations';

/**
 * The answers to mutations sent with an `Idempotency-Key` (src/idempotency.ts), kept 24 hours so a client that lost
 * an answer can send the same request again and get the first answer rather than a second write. In a schema of its
 * own, like the rollups: no entity describes it (MikroORM's schema diff ignores it).
 */
export class Migration20261130140000_idempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists idempotency;');
    this.addSql(`create table idempotency.response (
      actor text not null,
      key text not null,
      fingerprint text not null,
      status int null,
      body jsonb null,
      created_at timestamptz not null default now(),
      primary key (actor, key)
    );`);
    this.addSql('create index response_created_at_index on idempotency.response (created_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop schema idempotency cascade;');
  }
}
