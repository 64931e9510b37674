import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DataAuthorization } from '../modules/authorization/authorization.entity';
import { Proposal } from '../modules/cppcc/cppcc.entity';
import { Enterprise } from '../modules/enterprise/enterprise.entity';
import { Import } from '../modules/imports/import.entity';
import { EventKind } from './event-kind';

/**
 * What an event carries besides its kind and subject: what its recipients and titles are worked out from, as it was
 * when it happened (the relay may run later, after the proposal moved on).
 */
export interface EventPayload {
  /** A proposal's subject (案由), an import's file name, an enterprise's name. */
  title?: string;
  /** CPPCC members proposing it (uuids). */
  proposerIds?: string[];
  /** Handling units addressed (uuids): the lead units, and for an assignment the co-handlers too. */
  unitIds?: string[];
  /** A date the event is about: the due date, the last day of an authorization, the day a fact goes stale. */
  date?: string;
  /** A bank's and an enterprise's credit codes (authorizations). */
  bankCreditCode?: string;
  creditCode?: string;
  /** An import's end: SUCCEEDED or FAILED, and the account that ran it (null: a token, any administrator). */
  status?: string;
  accountId?: string | null;
  /** Which credit facts go stale (CREDIT_RATING, DISHONEST_DEBTOR_CHECK). */
  facts?: string[];
  /** What else the step said (the review decision, the rating, the reply's category …). */
  detail?: string | null;
}

/** An event in the outbox, written in the transaction of the change it announces (migration 20261214090000_events). */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_unrelayed_index', expression: 'create index "outbox_event_unrelayed_index" on "outbox_event" ("seq") where "relayed_at" is null' })
@Index({ name: 'outbox_event_proposal_id_index', expression: 'create index "outbox_event_proposal_id_index" on "outbox_event" ("proposal_id") where "proposal_id" is not null' })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  /** The order events were written in (what the relay and the notifications page by); PostgreSQL gives it. */
  @Property({ type: 'bigint', autoincrement: true, unique: 'outbox_event_seq_unique' })
  seq?: string;

  @Property({ type: 'text' })
  kind!: EventKind;

  @ManyToOne(() => Proposal, { ref: true, nullable: true, deleteRule: 'cascade' })
  proposal: Ref<Proposal> | null = null;

  @ManyToOne(() => DataAuthorization, { ref: true, nullable: true, deleteRule: 'cascade' })
  authorization: Ref<DataAuthorization> | null = null;

  @ManyToOne(() => Import, { ref: true, nullable: true, deleteRule: 'cascade' })
  import: Ref<Import> | null = null;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, deleteRule: 'cascade' })
  enterprise: Ref<Enterprise> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'json', defaultRaw: "'{}'" })
  payload: EventPayload = {};

  @Property({ type: 'datetime', nullable: true })
  relayedAt: Date | null = null;

  @Property({ type: 'text', nullable: true, unique: true })
  dedupeKey: string | null = null;
}

/** An event as written: its kind, the subject it names, and its payload. */
export interface NewEvent {
  kind: EventKind;
  proposalId?: string | null;
  authorizationId?: string | null;
  importId?: string | null;
  enterpriseId?: string | null;
  payload: EventPayload;
  /** Sweep-made events: the key that makes a second run (or a second instance) a no-op. */
  dedupeKey?: string | null;
}

/**
 * Adds an event to the unit of work: it is written by the same flush as the change it announces, or not at all (a
 * refused flush clears the unit of work, a failed mutation rolls its transaction back).
 */
export function announce(em: EntityManager, event: NewEvent): OutboxEvent {
  return em.create(OutboxEvent, {
    kind: event.kind,
    proposal: event.proposalId ?? null,
    authorization: event.authorizationId ?? null,
    import: event.importId ?? null,
    enterprise: event.enterpriseId ?? null,
    payload: event.payload,
    dedupeKey: event.dedupeKey ?? null,
    occurredAt: new Date(),
  } as never);
}

/**
 * Writes events at once, with SQL, in the transaction `em` is in (an import's, a sweep's). One with a dedupe key
 * already taken is skipped: the sweep that made it has run before. Returns how many were written.
 */
export async function announceNow(em: EntityManager, events: readonly NewEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await em.execute<{ id: string }[]>(
    `insert into outbox_event (kind, proposal_id, authorization_id, import_id, enterprise_id, payload, dedupe_key)
     select e.kind, e.proposal_id, e.authorization_id, e.import_id, e.enterprise_id, e.payload, e.dedupe_key
     from jsonb_to_recordset(?::jsonb) as e(kind text, proposal_id uuid, authorization_id uuid, import_id uuid, enterprise_id uuid, payload jsonb, dedupe_key text)
     on conflict (dedupe_key) do nothing
     returning id`,
    [
      JSON.stringify(
        events.map((e) => ({
          kind: e.kind,
          proposal_id: e.proposalId ?? null,
          authorization_id: e.authorizationId ?? null,
          import_id: e.importId ?? null,
          enterprise_id: e.enterpriseId ?? null,
          payload: e.payload,
          dedupe_key: e.dedupeKey ?? null,
        })),
      ),
    ],
  );
  return rows.length;
}
